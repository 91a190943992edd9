#include "jsonl_writer.hpp"

#include "buffered_append.hpp"

#include <nahr/json.hpp>

#include <algorithm>
#include <charconv>
#include <functional>

namespace nahr::write_jsonl {
namespace {

void append_number(std::string& out, std::uint64_t n) {
  char digits[20];
  const auto end = std::to_chars(digits, digits + sizeof digits, n).ptr;
  out.append(digits, end);
}

// Appends ,"key":n
void append_member(std::string& out, std::string_view key, std::uint64_t n) {
  out += ",\"";
  out += key;
  out += "\":";
  append_number(out, n);
}

bool same_text(std::string_view a, std::string_view b) {
  return (a.data() == b.data() && a.size() == b.size()) || a == b;
}

}  // namespace

std::vector<OptionSpec> JsonlWriter::schema() {
  return {
      flag("text", true, "Write the current text of each document"),
      flag("original_text", false,
           "Also write the text as read, as \"original_text\", when a normaliser changed it"),
      text_list("annotation_types", {},
                "Annotation types to write; empty writes every annotation"),
      text("offsets", "codepoints",
           "Unit of every offset written: codepoints (Python), utf16 (JavaScript, Java) or bytes "
           "(UTF-8)",
           {"codepoints", "bytes", "utf16"}),
      flag("original_offsets", true,
           "Write original_begin/original_end: each annotation's span in the text as read"),
      flag("source", true, "Write where each document came from (file, record, line)"),
  };
}

JsonlWriter::JsonlWriter(const Options& options)
    : write_text_(options.flag("text")),
      write_original_text_(options.flag("original_text")),
      write_original_offsets_(options.flag("original_offsets")),
      write_source_(options.flag("source")),
      unit_(parse_unit(options.text("offsets"), name)),
      types_(options.text_list("annotation_types")) {
  std::sort(types_.begin(), types_.end());
}

bool JsonlWriter::wanted(std::string_view type) const {
  return types_.empty() || std::binary_search(types_.begin(), types_.end(), type, std::less<>());
}

void JsonlWriter::encode(const Document& doc, std::string& out) {
  out += "{\"id\":";
  json::append_string(out, doc.id());
  if (write_source_) append_source(out, doc);
  if (write_text_) {
    out += ",\"text\":";
    json::append_string(out, doc.text());
  }
  if (write_original_text_) {
    const std::string_view original = doc.original_text();
    if (!same_text(original, doc.text())) {
      out += ",\"original_text\":";
      json::append_string(out, original);
    }
  }
  out += ",\"metadata\":";
  json::append_object(out, [&](auto&& pair) { doc.for_each_metadata(pair); });
  append_annotations(out, doc);
  out += ",\"offsets\":\"";
  out += unit_name(unit_);
  out += "\"}\n";
}

void JsonlWriter::append_source(std::string& out, const Document& doc) const {
  const Source source = doc.source();
  out += ",\"source\":{\"file\":";
  json::append_string(out, source.file);
  append_member(out, "record", source.record);
  append_member(out, "line", source.line);
  out += '}';
}

void JsonlWriter::append_annotations(std::string& out, const Document& doc) {
  // Offsets in other units than bytes come from a walk over each text;
  // when the text was never changed, one walk serves both.
  const std::string_view text = doc.text();
  const std::string_view original = doc.original_text();
  current_offsets_.reset(text, unit_);
  OffsetConverter* original_offsets = &current_offsets_;
  if (!same_text(original, text)) {
    original_offsets_.reset(original, unit_);
    original_offsets = &original_offsets_;
  }

  BufferedAppend json(out);
  json.raw(",\"annotations\":[");
  bool first = true;
  const std::size_t count = doc.annotation_count();
  for (std::size_t i = 0; i < count; ++i) {
    const AnnotationView a = doc.annotation(i);
    if (!wanted(a.type)) continue;
    if (!first) json.raw(",");
    first = false;
    json.raw("{\"type\":");
    json.raw(quoted_type_(a.type));
    json.raw(",\"begin\":");
    json.number(current_offsets_.convert(a.span.begin));
    json.raw(",\"end\":");
    json.number(current_offsets_.convert(a.span.end));
    if (write_original_offsets_) {
      json.raw(",\"original_begin\":");
      json.number(original_offsets->convert(a.original.begin));
      json.raw(",\"original_end\":");
      json.number(original_offsets->convert(a.original.end));
    }
    json.raw(",\"stage\":");
    json.raw(quoted_stage_(a.stage));
    json.raw(",\"attributes\":{");
    bool first_attribute = true;
    doc.for_each_attribute(a, [&](std::string_view key, std::string_view value) {
      if (!first_attribute) json.raw(",");
      first_attribute = false;
      json.raw(quoted_key_(key));
      json.raw(":");
      json.string(value);
    });
    json.raw("}}");
  }
  json.raw("]");
}

}  // namespace nahr::write_jsonl
