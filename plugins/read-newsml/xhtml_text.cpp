#include "xhtml_text.hpp"

#include "xml_names.hpp"

#include <algorithm>
#include <array>
#include <string_view>

namespace nahr::read_newsml {
namespace {

constexpr std::string_view kXmlWhiteSpace = " \t\n\r";

// Elements whose content starts and ends a paragraph.
constexpr std::array<std::string_view, 29> kBlocks = {
    "address", "article", "aside", "blockquote", "body", "caption", "dd",   "div",
    "dl",      "dt",      "figcaption", "figure", "footer", "h1",   "h2",   "h3",
    "h4",      "h5",      "h6",  "header", "hr",  "html", "li",   "nav",  "ol",
    "p",       "pre",     "section", "ul"};
// Elements with no text to show.
constexpr std::array<std::string_view, 4> kHidden = {"head", "script", "style", "title"};
// Table cells and rows: cells are separated by a space, rows are paragraphs.
constexpr std::array<std::string_view, 2> kCells = {"td", "th"};
constexpr std::array<std::string_view, 4> kRows = {"table", "tbody", "thead", "tr"};

template <std::size_t N>
bool is_one_of(std::string_view name, const std::array<std::string_view, N>& names) {
  return std::find(names.begin(), names.end(), name) != names.end();
}

class ParagraphBuilder {
 public:
  explicit ParagraphBuilder(bool one_line) : one_line_(one_line) {}

  void walk(pugi::xml_node node) {
    for (pugi::xml_node child : node.children()) {
      if (child.type() == pugi::node_pcdata || child.type() == pugi::node_cdata) {
        append(child.value());
        continue;
      }
      if (child.type() != pugi::node_element) continue;
      const std::string_view name = local_name(child);
      if (name == "br") {
        line_break();
      } else if (is_one_of(name, kHidden)) {
        continue;
      } else if (is_one_of(name, kCells)) {
        space_pending_ = true;
        walk(child);
        space_pending_ = true;
      } else if (is_one_of(name, kBlocks) || is_one_of(name, kRows)) {
        end_paragraph();
        walk(child);
        end_paragraph();
      } else {
        walk(child);  // inline
      }
    }
  }

  std::string finish() {
    end_paragraph();
    return std::move(text_);
  }

 private:
  // Appends text, each run of white space as one space.
  void append(std::string_view s) {
    while (!s.empty()) {
      const std::size_t word_end = s.find_first_of(kXmlWhiteSpace);
      const std::string_view word = s.substr(0, word_end);
      if (!word.empty()) {
        if (space_pending_ && !paragraph_.empty() && paragraph_.back() != '\n') paragraph_ += ' ';
        space_pending_ = false;
        paragraph_ += word;
      }
      if (word_end == std::string_view::npos) break;
      space_pending_ = true;
      s.remove_prefix(word_end);
      const std::size_t next_word = s.find_first_not_of(kXmlWhiteSpace);
      s.remove_prefix(next_word == std::string_view::npos ? s.size() : next_word);
    }
  }

  void line_break() {
    if (one_line_) {
      space_pending_ = true;
      return;
    }
    paragraph_ += '\n';
    space_pending_ = false;
  }

  void end_paragraph() {
    while (!paragraph_.empty() && (paragraph_.back() == '\n' || paragraph_.back() == ' ')) {
      paragraph_.pop_back();
    }
    space_pending_ = false;
    if (paragraph_.empty()) return;
    if (!text_.empty()) text_ += one_line_ ? " " : "\n\n";
    text_ += paragraph_;
    paragraph_.clear();
  }

  bool one_line_;
  std::string text_;
  std::string paragraph_;
  bool space_pending_ = false;
};

}  // namespace

std::string xhtml_text(pugi::xml_node container) {
  ParagraphBuilder builder(false);
  builder.walk(container);
  return builder.finish();
}

std::string inline_text(pugi::xml_node element) {
  ParagraphBuilder builder(true);
  builder.walk(element);
  return builder.finish();
}

}  // namespace nahr::read_newsml
