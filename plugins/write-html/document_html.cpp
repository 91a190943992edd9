#include "document_html.hpp"

#include <algorithm>
#include <charconv>

#include "html_escape.hpp"

namespace nahr::write_html {
namespace {

// The start of the character that byte `at` belongs to, so a piece of text
// never begins or ends inside a character. At most three steps back: in
// broken text a run of continuation bytes is not one character.
std::uint64_t snap_to_character(std::string_view text, std::uint64_t at) {
  for (int step = 0; step < 3 && at > 0 && at < text.size() &&
                     (static_cast<unsigned char>(text[at]) & 0xC0) == 0x80;
       ++step) {
    --at;
  }
  return at;
}

bool parse_offset(std::string_view s, std::uint64_t& value) {
  const auto [end, error] = std::from_chars(s.data(), s.data() + s.size(), value);
  return error == std::errc() && end == s.data() + s.size() && !s.empty();
}

bool ascii_iequal(std::string_view a, std::string_view b) {
  return std::equal(a.begin(), a.end(), b.begin(), b.end(), [](char x, char y) {
    return (x >= 'A' && x <= 'Z' ? x + ('a' - 'A') : x) == y;
  });
}

// True for "ar", "ar-EG", "ara", "arb" and the like; a document without a
// language is taken to be Arabic.
bool is_arabic(std::optional<std::string_view> lang) {
  if (!lang || lang->empty()) return true;
  const std::string_view primary = lang->substr(0, lang->find_first_of("-_"));
  return ascii_iequal(primary, "ar") || ascii_iequal(primary, "ara") ||
         ascii_iequal(primary, "arb");
}

std::optional<std::string_view> language_of(const Document& doc) {
  if (auto lang = doc.metadata("lang")) return lang;
  return doc.metadata("language");
}

std::optional<std::string_view> headline_of(const Document& doc) {
  for (std::string_view key : {"headline", "title"}) {
    if (auto value = doc.metadata(key); value && !value->empty()) return value;
  }
  return std::nullopt;
}

// The data-* attributes the writer sets itself; an annotation attribute
// with one of these names stays in the title only.
constexpr std::string_view kOwnData[] = {"type", "ann", "speaker-id"};

// Appends ` data-<key>="` when `key` can name a data attribute: ASCII
// letters (lower-cased, as HTML does), digits, '-', '_' and '.'.
bool append_data_name(std::string& out, std::string_view key) {
  if (key.empty()) return false;
  const std::size_t start = out.size();
  out += " data-";
  for (char c : key) {
    const bool plain =
        (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_' || c == '.';
    if (c >= 'A' && c <= 'Z') {
      out += static_cast<char>(c + ('a' - 'A'));
    } else if (plain) {
      out += c;
    } else {
      out.resize(start);
      return false;
    }
  }
  const std::string_view name = std::string_view(out).substr(start + 6);
  if (std::find(std::begin(kOwnData), std::end(kOwnData), name) != std::end(kOwnData)) {
    out.resize(start);
    return false;
  }
  out += "=\"";
  return true;
}

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

// The first words of the text's first line, for a document without a
// headline: at most 12 words, cut after a whole word within 160 bytes.
void append_first_words(std::string& out, std::string_view text) {
  constexpr std::size_t kMaxBytes = 160;
  constexpr int kMaxWords = 12;
  std::size_t begin = 0;
  while (begin < text.size() && is_space(text[begin])) ++begin;
  const std::size_t line_end = std::min(text.find('\n', begin), text.size());
  std::size_t end = std::min(line_end, begin + kMaxBytes);
  bool cut = end < line_end;
  int words = 0;
  for (std::size_t i = begin; i < end; ++i) {
    if (text[i] == ' ' && text[i - 1] != ' ' && ++words == kMaxWords) {
      end = i;
      cut = true;
    }
  }
  if (end == begin + kMaxBytes && end < line_end) {
    // Cut by the byte limit: back to the last space, unless it is all one word.
    const std::size_t space = text.rfind(' ', end);
    end = space != std::string_view::npos && space > begin ? space : snap_to_character(text, end);
  }
  while (end > begin && is_space(text[end - 1])) --end;
  html::append_escaped(out, text.substr(begin, end - begin));
  const bool more_lines = text.find_first_not_of(" \t\r\n", line_end) != std::string_view::npos;
  if (cut || more_lines) out += "…";
}

void append_number(std::string& out, std::uint64_t n) {
  char digits[20];
  const auto end = std::to_chars(digits, digits + sizeof digits, n).ptr;
  out.append(digits, end);
}

}  // namespace

void DocumentRenderer::render(const Document& doc, std::uint64_t number, std::string& out,
                              std::string& toc, std::vector<std::uint64_t>& counts) {
  id_prefix_ = "d";
  append_number(id_prefix_, number);
  label_.clear();
  if (auto headline = headline_of(doc)) {
    html::append_escaped(label_, *headline);
  } else {
    append_first_words(label_, doc.text());
  }

  append_heading(out, doc);
  append_metadata(out, doc);
  out += "<div class=\"text\">";
  append_highlighted_text(out, doc, counts);
  out += "</div>\n</article>\n";

  toc += "<li><a href=\"#";
  toc += id_prefix_;
  toc += "\"><span class=\"doc-id\" dir=\"ltr\">";
  html::append_escaped(toc, doc.id());
  toc += "</span><bdi>";
  toc += label_;
  toc += "</bdi></a></li>\n";
}

// Opens the <article> and writes its heading and the id line.
void DocumentRenderer::append_heading(std::string& out, const Document& doc) const {
  out += "<article class=\"doc\" id=\"";
  out += id_prefix_;
  if (const auto lang = language_of(doc); is_arabic(lang)) {
    out += "\" dir=\"rtl\" lang=\"ar";
  } else {
    out += "\" dir=\"auto\" lang=\"";
    html::append_escaped(out, *lang);
  }
  out += "\" data-id=\"";
  html::append_escaped(out, doc.id());
  out += "\">\n<h2 dir=\"auto\">";
  out += label_;
  out += "</h2>\n<div class=\"doc-id\" dir=\"ltr\">";
  html::append_escaped(out, doc.id());
  if (const Source source = doc.source(); !source.file.empty()) {
    out += " · ";
    html::append_escaped(out, source.file);
    if (source.line > 0) {
      out += ':';
      append_number(out, source.line);
    }
  }
  out += "</div>\n";
}

void DocumentRenderer::append_metadata(std::string& out, const Document& doc) {
  bool any = false;
  doc.for_each_metadata([&](std::string_view key, std::string_view value) {
    if (!any) out += "<dl class=\"meta\">\n";
    any = true;
    out += "<div><dt dir=\"ltr\">";
    html::append_escaped(out, key);
    out += "</dt><dd dir=\"auto\">";
    html::append_escaped(out, value);
    out += "</dd></div>\n";
  });
  if (any) out += "</dl>\n";
}

void DocumentRenderer::append_highlighted_text(std::string& out, const Document& doc,
                                               std::vector<std::uint64_t>& counts) {
  const std::string_view text = doc.text();
  const html::Utf8 known = html::is_valid_utf8(text) ? html::Utf8::valid : html::Utf8::unchecked;
  collect_marks(doc, counts);
  layout_.lay_out(marks_, text.size());
  open_as_link_.assign(tags_.size(), false);
  int links_open = 0;  // an <a> must not contain another
  for (const LayoutEvent& event : layout_.events()) {
    switch (event.kind) {
      case LayoutEvent::Kind::text:
        // Pieces are cut at character boundaries: valid text gives valid pieces.
        html::append_escaped(out, text.substr(event.begin, event.end - event.begin), known);
        break;
      case LayoutEvent::Kind::open: {
        const Tag& tag = tags_[event.id];
        const std::string_view target =
            std::string_view(attributes_)
                .substr(tag.target_begin, tag.target_end - tag.target_begin);
        if (tag.element == Element::quote && !target.empty() && links_open == 0) {
          out += "<a href=\"#";
          out += target;
          out += '"';
          open_as_link_[event.id] = true;
          ++links_open;
        } else {
          out += "<span";
          if (tag.element == Element::speaker && event.first_piece) {
            out += " id=\"";
            out += target;
            out += '"';
          }
        }
        out.append(attributes_, tag.attributes_begin, tag.attributes_end - tag.attributes_begin);
        out += '>';
        break;
      }
      case LayoutEvent::Kind::close:
        out += open_as_link_[event.id] ? "</a>" : "</span>";
        if (open_as_link_[event.id]) --links_open;
        open_as_link_[event.id] = false;
        break;
    }
  }
}

// One mark per highlighted annotation, plus one per distinct speaker span
// that a quote points to. Annotations out of the text or empty are left out.
void DocumentRenderer::collect_marks(const Document& doc, std::vector<std::uint64_t>& counts) {
  marks_.clear();
  tags_.clear();
  speakers_.clear();
  attributes_.clear();
  const std::string_view text = doc.text();
  const std::size_t count = doc.annotation_count();
  for (std::size_t i = 0; i < count; ++i) {
    const AnnotationView a = doc.annotation(i);
    const std::size_t type = types_.find(a.type);
    if (type == TypeTable::npos || a.span.end > text.size()) continue;
    const std::uint64_t begin = snap_to_character(text, a.span.begin);
    const std::uint64_t end = snap_to_character(text, a.span.end);
    if (begin >= end) continue;

    Element element = Element::annotation;
    target_.clear();
    if (a.type == "quote") {
      element = Element::quote;
      std::uint64_t speaker_begin = 0, speaker_end = 0;
      const auto sb = doc.attribute(a, "speaker_begin");
      const auto se = doc.attribute(a, "speaker_end");
      if (sb && se && parse_offset(*sb, speaker_begin) && parse_offset(*se, speaker_end) &&
          speaker_end <= text.size()) {
        speaker_begin = snap_to_character(text, speaker_begin);
        speaker_end = snap_to_character(text, speaker_end);
        if (speaker_begin < speaker_end) {
          const Tag& speaker = tags_[speaker_mark(speaker_begin, speaker_end)];
          target_.assign(attributes_, speaker.target_begin,
                         speaker.target_end - speaker.target_begin);
        }
      }
    }
    // A quote's tag names its speaker's element: the copy in its attributes.
    const auto attributes_begin = static_cast<std::uint32_t>(attributes_.size());
    const std::uint32_t target_begin = append_annotation_attributes(doc, a, type);
    tags_.push_back({element, attributes_begin, static_cast<std::uint32_t>(attributes_.size()),
                     target_begin, target_begin + static_cast<std::uint32_t>(target_.size())});
    marks_.push_back({begin, end, static_cast<std::uint32_t>(tags_.size() - 1)});
    ++counts[type];
  }
}

// The mark of the speaker span [begin, end), made on first use: quotes by
// the same mention share it.
std::uint32_t DocumentRenderer::speaker_mark(std::uint64_t begin, std::uint64_t end) {
  for (const Speaker& s : speakers_) {
    if (s.begin == begin && s.end == end) return s.mark;
  }
  const auto attributes_begin = static_cast<std::uint32_t>(attributes_.size());
  attributes_ += " class=\"spk\" data-speaker-id=\"";
  const auto target_begin = static_cast<std::uint32_t>(attributes_.size());
  attributes_ += id_prefix_;
  attributes_ += "-s";
  append_number(attributes_, begin);
  attributes_ += '-';
  append_number(attributes_, end);
  const auto target_end = static_cast<std::uint32_t>(attributes_.size());
  attributes_ += "\" title=\"speaker\"";
  const auto mark = static_cast<std::uint32_t>(tags_.size());
  tags_.push_back({Element::speaker, attributes_begin,
                   static_cast<std::uint32_t>(attributes_.size()), target_begin, target_end});
  marks_.push_back({begin, end, mark});
  speakers_.push_back({begin, end, mark});
  return mark;
}

// Appends ` class="hl t0" data-type="entity" data-ann="4" data-label="PER"
// title="..."` and, for a quote with a speaker (target_), data-speaker-id;
// returns where the speaker's id starts in attributes_.
std::uint32_t DocumentRenderer::append_annotation_attributes(const Document& doc,
                                                             const AnnotationView& a,
                                                             std::size_t type) {
  attributes_ += " class=\"hl ";
  attributes_ += types_.css_class(type);
  attributes_ += a.type == "quote" ? " q\"" : "\"";
  attributes_ += " data-type=\"";
  html::append_escaped(attributes_, a.type);
  attributes_ += "\" data-ann=\"";
  append_number(attributes_, a.index);
  attributes_ += '"';
  std::uint32_t target_begin = 0;
  if (!target_.empty()) {
    attributes_ += " data-speaker-id=\"";
    target_begin = static_cast<std::uint32_t>(attributes_.size());
    attributes_ += target_;
    attributes_ += '"';
  }
  doc.for_each_attribute(a, [&](std::string_view key, std::string_view value) {
    if (!append_data_name(attributes_, key)) return;
    html::append_escaped(attributes_, value);
    attributes_ += '"';
  });
  attributes_ += " title=\"";
  html::append_escaped(attributes_, a.type);
  doc.for_each_attribute(a, [&](std::string_view key, std::string_view value) {
    attributes_ += '\n';
    html::append_escaped(attributes_, key);
    attributes_ += ": ";
    html::append_escaped(attributes_, value);
  });
  attributes_ += '"';
  return target_begin;
}

}  // namespace nahr::write_html
