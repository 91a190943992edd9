#include "gigaword_doc.hpp"

#include "sgml_tags.hpp"
#include "sgml_text.hpp"

#include <algorithm>
#include <optional>

namespace nahr::read_gigaword {
namespace {

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; }

bool same_ascii_letters(std::string_view a, std::string_view b) {
  return std::equal(a.begin(), a.end(), b.begin(), b.end(), [](char x, char y) {
    return (x | 0x20) == (y | 0x20);
  });
}

std::string one_line(std::string_view sgml) {
  std::string decoded;
  append_decoded(decoded, sgml);
  return unwrap(decoded);
}

// Gathers the paragraphs of a TEXT: the pieces between its <P> and </P>
// tags that are not blank, so that a missing </P>, or text outside any
// <P>, loses nothing.
class Paragraphs {
 public:
  explicit Paragraphs(bool unwrap_lines) : unwrap_lines_(unwrap_lines) {}

  void add(std::string_view piece) {
    decoded_.clear();
    append_decoded(decoded_, piece);
    const std::string paragraph = unwrap_lines_ ? unwrap(decoded_) : std::string(trim(decoded_));
    if (paragraph.empty()) return;
    if (!text_.empty()) text_ += "\n\n";
    text_ += paragraph;
  }

  std::string take() { return std::move(text_); }

 private:
  bool unwrap_lines_;
  std::string text_;
  std::string decoded_;
};

enum class Section { none, headline, dateline, text };

std::optional<Section> section_named(const Tag& tag) {
  if (tag.is("HEADLINE")) return Section::headline;
  if (tag.is("DATELINE")) return Section::dateline;
  if (tag.is("TEXT")) return Section::text;
  return std::nullopt;
}

}  // namespace

DocTag read_doc_tag(std::string_view sgml) {
  DocTag tag;
  std::string_view rest = sgml.substr(0, sgml.find('>'));
  rest.remove_prefix(std::min<std::size_t>(rest.size(), 4));  // "<DOC"
  while (!rest.empty()) {
    while (!rest.empty() && is_space(rest.front())) rest.remove_prefix(1);
    std::size_t name_end = 0;
    while (name_end < rest.size() && rest[name_end] != '=' && !is_space(rest[name_end])) ++name_end;
    const std::string_view name = rest.substr(0, name_end);
    rest.remove_prefix(name_end);
    while (!rest.empty() && is_space(rest.front())) rest.remove_prefix(1);
    if (rest.empty() || rest.front() != '=') continue;  // an attribute without a value
    rest.remove_prefix(1);
    while (!rest.empty() && is_space(rest.front())) rest.remove_prefix(1);
    std::string_view value;
    if (!rest.empty() && (rest.front() == '"' || rest.front() == '\'')) {
      const std::size_t close = rest.find(rest.front(), 1);
      value = rest.substr(1, close == std::string_view::npos ? close : close - 1);
      rest.remove_prefix(close == std::string_view::npos ? rest.size() : close + 1);
    } else {
      std::size_t end = 0;
      while (end < rest.size() && !is_space(rest[end])) ++end;
      value = rest.substr(0, end);
      rest.remove_prefix(end);
    }
    if (same_ascii_letters(name, "id")) tag.id = value;
    if (same_ascii_letters(name, "type")) tag.type = value;
  }
  return tag;
}

DocContent read_doc_content(std::string_view sgml, bool unwrap_lines) {
  const std::size_t open_end = sgml.find('>');
  const std::string_view body =
      open_end == std::string_view::npos ? std::string_view() : sgml.substr(open_end + 1);

  // One pass over the tags. A section ends at its closing tag, or where the
  // next section starts, or at </DOC>; only the first of each kind counts.
  DocContent content;
  Paragraphs paragraphs(unwrap_lines);
  Section open = Section::none;
  bool seen[4] = {};
  std::size_t start = 0;  // of the open section's content, or of the TEXT's current piece
  bool text_has_p = false;
  const auto close = [&](std::size_t at) {
    const std::string_view piece = body.substr(start, at - start);
    switch (open) {
      case Section::headline: content.headline = one_line(piece); break;
      case Section::dateline: content.dateline = one_line(piece); break;
      case Section::text:
        if (text_has_p) {
          paragraphs.add(piece);
          content.text = paragraphs.take();
        } else {  // no <P> at all: the text as it is
          append_decoded(content.text, piece);
          content.text = std::string(trim(content.text));
        }
        break;
      case Section::none: break;
    }
    open = Section::none;
  };

  std::size_t at = 0;
  for (std::optional<Tag> tag = next_tag(body, 0); tag; tag = next_tag(body, at)) {
    at = end_of(body, *tag);
    if (tag->is("DOC")) {
      close(tag->begin);
      return content;
    }
    if (const std::optional<Section> section = section_named(*tag)) {
      if (tag->closing) {
        if (open == *section) close(tag->begin);
      } else if (!seen[static_cast<int>(*section)]) {
        close(tag->begin);
        open = *section;
        seen[static_cast<int>(open)] = true;
        start = at;
        text_has_p = false;
      }
    } else if (open == Section::text && tag->is("P")) {
      paragraphs.add(body.substr(start, tag->begin - start));
      text_has_p = true;
      start = at;
    }
  }
  close(body.size());
  return content;
}

std::string date_from_id(std::string_view id) {
  for (std::size_t i = 0; i < id.size();) {
    std::size_t run = i;
    while (run < id.size() && id[run] >= '0' && id[run] <= '9') ++run;
    if (run - i >= 8) {
      const std::string_view d = id.substr(i, 8);
      const int month = (d[4] - '0') * 10 + (d[5] - '0');
      const int day = (d[6] - '0') * 10 + (d[7] - '0');
      if (month < 1 || month > 12 || day < 1 || day > 31) return {};
      return std::string(d.substr(0, 4)) + "-" + std::string(d.substr(4, 2)) + "-" +
             std::string(d.substr(6, 2));
    }
    i = run == i ? i + 1 : run;
  }
  return {};
}

}  // namespace nahr::read_gigaword
