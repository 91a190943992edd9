#include "conllu_text.hpp"

#include <unicode/bytestream.h>
#include <unicode/normalizer2.h>
#include <unicode/stringpiece.h>

#include <nahr/error.hpp>

namespace nahr::write_conllu {
namespace {

constexpr char32_t kReplacement = 0xFFFD;
constexpr std::string_view kNoBreakSpace = "\xC2\xA0";

void append_utf8(std::string& out, char32_t cp) {
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xC0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    out += static_cast<char>(0xE0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (cp >> 18));
    out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  }
}

// Appends s[i, i + d.size): the bytes themselves when valid, else U+FFFD.
void append_decoded(std::string& out, std::string_view s, std::size_t i, const Decoded& d) {
  if (d.valid)
    out.append(s.data() + i, d.size);
  else
    append_utf8(out, kReplacement);
}

// Whitespace that must not reach a comment line: the line breaks of
// Python's universal newlines and str.splitlines(), and tab.
bool breaks_line(char32_t cp) {
  return (cp >= 0x09 && cp <= 0x0D) || (cp >= 0x1C && cp <= 0x1F) || cp == 0x85 || cp == 0x2028 ||
         cp == 0x2029;
}

const icu::Normalizer2& nfc() {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* n = icu::Normalizer2::getNFCInstance(status);
  if (U_FAILURE(status)) {
    throw FatalError(std::string("write-conllu: ICU has no NFC data: ") + u_errorName(status));
  }
  return *n;
}

}  // namespace

bool is_space(char32_t cp) {
  if (cp <= 0x20) return (cp >= 0x09 && cp <= 0x0D) || cp >= 0x1C;
  if (cp < 0x85) return false;
  return cp == 0x85 || cp == 0xA0 || cp == 0x1680 || (cp >= 0x2000 && cp <= 0x200A) ||
         cp == 0x2028 || cp == 0x2029 || cp == 0x202F || cp == 0x205F || cp == 0x3000;
}

Decoded decode(std::string_view s, std::size_t i) {
  const auto lead = static_cast<unsigned char>(s[i]);
  if (lead < 0x80) return {lead, 1, true};
  unsigned char low = 0x80, high = 0xBF;  // bounds of the second byte
  std::size_t need = 0;
  char32_t cp = 0;
  if (lead >= 0xC2 && lead <= 0xDF) {
    need = 2, cp = lead & 0x1F;
  } else if (lead >= 0xE0 && lead <= 0xEF) {
    need = 3, cp = lead & 0x0F;
    if (lead == 0xE0) low = 0xA0;   // overlong
    if (lead == 0xED) high = 0x9F;  // surrogates
  } else if (lead >= 0xF0 && lead <= 0xF4) {
    need = 4, cp = lead & 0x07;
    if (lead == 0xF0) low = 0x90;   // overlong
    if (lead == 0xF4) high = 0x8F;  // beyond U+10FFFF
  } else {
    return {kReplacement, 1, false};
  }
  std::size_t k = 1;
  for (; k < need && i + k < s.size(); ++k) {
    const auto c = static_cast<unsigned char>(s[i + k]);
    if (c < low || c > high) break;
    low = 0x80;
    high = 0xBF;
    cp = (cp << 6) | (c & 0x3F);
  }
  if (k < need) return {kReplacement, k, false};
  return {cp, need, true};
}

Span trim_space(std::string_view text, Span span) {
  std::uint64_t first = span.end, last = span.end;  // first and past-last non-space
  for (std::uint64_t i = span.begin; i < span.end;) {
    const Decoded d = decode(text, i);
    if (!is_space(d.cp)) {
      if (first == span.end) first = i;
      last = i + d.size;
    }
    i += d.size;
  }
  if (first == span.end) return {span.end, span.end};
  return {first, last};
}

bool has_space(std::string_view text, std::uint64_t begin, std::uint64_t end) {
  for (std::uint64_t i = begin; i < end;) {
    const Decoded d = decode(text, i);
    if (is_space(d.cp)) return true;
    i += d.size;
  }
  return false;
}

void append_form(std::string& out, std::string_view raw) {
  bool pending_space = false;  // a whitespace run waits for the next character
  bool started = false;
  for (std::size_t i = 0; i < raw.size();) {
    const Decoded d = decode(raw, i);
    if (is_space(d.cp)) {
      pending_space = started;
    } else {
      if (pending_space) out += kNoBreakSpace;
      pending_space = false;
      started = true;
      append_decoded(out, raw, i, d);
    }
    i += d.size;
  }
}

void append_comment(std::string& out, std::string_view raw) {
  const std::size_t start = out.size();
  std::size_t kept = start;  // out.size() after the last non-space character
  for (std::size_t i = 0; i < raw.size();) {
    const Decoded d = decode(raw, i);
    if (is_space(d.cp)) {
      if (out.size() != start) {  // no whitespace at the start
        if (breaks_line(d.cp))
          out += ' ';
        else
          append_decoded(out, raw, i, d);
      }
    } else {
      append_decoded(out, raw, i, d);
      kept = out.size();
    }
    i += d.size;
  }
  out.resize(kept);
}

void normalize_nfc(std::string& out, std::size_t from) {
  static const icu::Normalizer2& normalizer = nfc();
  const icu::StringPiece piece(out.data() + from, static_cast<std::int32_t>(out.size() - from));
  UErrorCode status = U_ZERO_ERROR;
  if (normalizer.isNormalizedUTF8(piece, status) && U_SUCCESS(status)) return;
  std::string normalized;
  icu::StringByteSink<std::string> sink(&normalized);
  status = U_ZERO_ERROR;
  normalizer.normalizeUTF8(0, piece, sink, nullptr, status);
  if (U_FAILURE(status)) {
    throw DocumentError(std::string("write-conllu: NFC normalisation failed: ") +
                        u_errorName(status));
  }
  out.resize(from);
  out += normalized;
}

bool text_matches(std::string_view text, std::span<const FormView> words) {
  if (text.empty()) return false;
  std::string_view rest = text;
  const auto starts_with_space = [](std::string_view s) {
    return !s.empty() && is_space(decode(s, 0).cp);
  };
  const auto skip_space = [&](std::string_view& s) {
    while (starts_with_space(s)) s.remove_prefix(decode(s, 0).size);
  };
  // Trailing whitespace: find the last character.
  std::size_t last = 0;
  for (std::size_t i = 0; i < text.size(); i += decode(text, i).size) last = i;
  if (is_space(decode(text, last).cp)) return false;

  for (const FormView& w : words) {
    if (!rest.starts_with(w.form)) return false;
    rest.remove_prefix(w.form.size());
    if (w.space_after) {
      if (!rest.empty() && !starts_with_space(rest)) return false;  // SpaceAfter=No missing
      skip_space(rest);
    }
  }
  return rest.empty();
}

}  // namespace nahr::write_conllu
