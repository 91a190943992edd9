#include "artefacts.hpp"

#include "entities.hpp"

#include <nahr/text/utf8.hpp>

namespace nahr::clean_wire {

namespace {

// The length of the control character at text[i], or 0. Controls are C0
// except tab, line feed and carriage return; DEL; and C1 (U+0080-U+009F,
// which UTF-8 writes as C2 80-C2 9F).
std::size_t control_length(std::string_view text, std::size_t i) {
  const auto byte = static_cast<unsigned char>(text[i]);
  if ((byte < 0x20 && byte != '\t' && byte != '\n' && byte != '\r') || byte == 0x7F) return 1;
  if (byte == 0xC2 && i + 1 < text.size()) {
    const auto next = static_cast<unsigned char>(text[i + 1]);
    if (next >= 0x80 && next <= 0x9F) return 2;
  }
  return 0;
}

}  // namespace

ArtefactScanner::ArtefactScanner(const ArtefactRules& rules, const CharTable& chars)
    : rules_(rules), chars_(&chars) {
  if (rules.entities || rules.stray_fragments) stops_['&'] = true;
  if (rules.stray_fragments) stops_[';'] = true;
  if (rules.control_characters) {
    for (unsigned byte = 0; byte < 0x20; ++byte) {
      stops_[byte] = byte != '\t' && byte != '\n' && byte != '\r';
    }
    stops_[0x7F] = true;
    stops_[0xC2] = true;  // may start a C1 control
  }
}

void ArtefactScanner::scan(std::string_view text, ChangeLog& log) const {
  const auto* bytes = reinterpret_cast<const unsigned char*>(text.data());
  std::size_t i = 0;
  for (;;) {
    while (i < text.size() && !stops_[bytes[i]]) ++i;
    if (i == text.size()) return;
    const char c = text[i];
    if (c == '&' && rules_.entities) {
      if (const auto reference = decode_reference(text, i)) {
        char encoded[4];
        log.replace(i, reference->end, {encoded, utf8::encode(reference->code_point, encoded)},
                    Rule::entity);
        i = reference->end;
        continue;
      }
    }
    if ((c == '&' || c == ';') && rules_.stray_fragments) {
      const std::size_t end = fragment_end(text, i);
      if (is_stray(text, i, end)) log.erase(i, end, Rule::stray_fragment);
      i = end;
      continue;
    }
    if (rules_.control_characters) {
      std::size_t end = i;
      for (std::size_t n; end < text.size() && (n = control_length(text, end)) > 0;) end += n;
      if (end > i) {
        log.erase(i, end, Rule::control_character);
        i = end;
        continue;
      }
    }
    ++i;
  }
}

// The run of '&' and ';' that starts at `begin`, up to an '&' that starts a
// character reference of its own.
std::size_t ArtefactScanner::fragment_end(std::string_view text, std::size_t begin) const {
  std::size_t end = begin + 1;
  while (end < text.size() &&
         (text[end] == ';' ||
          (text[end] == '&' && !(rules_.entities && decode_reference(text, end))))) {
    ++end;
  }
  return end;
}

bool ArtefactScanner::is_stray(std::string_view text, std::size_t begin, std::size_t end) const {
  // The start and end of the text count as neither word nor Arabic.
  const CharClass before =
      begin == 0 ? CharClass{} : chars_->classify(utf8::decode_before(text, begin).value);
  const CharClass after =
      end == text.size() ? CharClass{} : chars_->classify(utf8::decode(text, end).value);

  // Glued to the start of an Arabic word, not to the end of another word:
  // "&وقال", " ;الرئيس", "(&وزير".
  if (after.is_arabic_letter() && !before.is_word()) return true;

  // '&' glued to the end of an Arabic word, not to the start of another:
  // "وقال& ", "الباغوز&." (a ';' there ends a clause and stays).
  const bool ampersands_only = text.substr(begin, end - begin).find(';') == std::string_view::npos;
  const bool after_arabic_word =
      before.arabic && (before.kind == CharKind::letter || before.kind == CharKind::mark);
  return ampersands_only && after_arabic_word && !after.is_word();
}

}  // namespace nahr::clean_wire
