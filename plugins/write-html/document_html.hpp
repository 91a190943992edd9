// Renders one document as an <article>: a heading, its metadata as a
// definition list, and its text with the highlighted annotations as nested
// elements (see span_layout.hpp), quotes linking to their speakers.
#pragma once

#include <cstdint>
#include <nahr/document.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "span_layout.hpp"
#include "type_table.hpp"

namespace nahr::write_html {

class DocumentRenderer {
 public:
  explicit DocumentRenderer(const TypeTable& types) : types_(types) {}

  // Appends `doc` to `out` as the page's document number `number` (element
  // ids start "d<number>"), and its entry to the table of contents `toc`.
  // Adds each highlighted annotation to `counts`, indexed like the types.
  void render(const Document& doc, std::uint64_t number, std::string& out, std::string& toc,
              std::vector<std::uint64_t>& counts);

 private:
  enum class Element : std::uint8_t { annotation, quote, speaker };
  // How to open one mark's element; the strings live in attributes_.
  struct Tag {
    Element element;
    std::uint32_t attributes_begin, attributes_end;  // ` class=... title=...`
    std::uint32_t target_begin, target_end;          // quote, speaker: the speaker's element id
  };
  struct Speaker {
    std::uint64_t begin, end;
    std::uint32_t mark;
  };

  void append_heading(std::string& out, const Document& doc) const;
  static void append_metadata(std::string& out, const Document& doc);
  void append_highlighted_text(std::string& out, const Document& doc,
                               std::vector<std::uint64_t>& counts);
  void collect_marks(const Document& doc, std::vector<std::uint64_t>& counts);
  std::uint32_t append_annotation_attributes(const Document& doc, const AnnotationView& a,
                                             std::size_t type);
  std::uint32_t speaker_mark(std::uint64_t begin, std::uint64_t end);

  const TypeTable& types_;
  std::string id_prefix_;  // "d<number>"
  std::string label_;      // the heading: headline or first words, escaped
  // Reused for every document.
  std::vector<Mark> marks_;
  std::vector<Tag> tags_;
  std::vector<Speaker> speakers_;
  std::vector<bool> open_as_link_;
  std::string attributes_;  // every tag's attributes, one after the other
  std::string target_;      // the speaker element id a quote links to, if any
  SpanLayout layout_;
};

}  // namespace nahr::write_html
