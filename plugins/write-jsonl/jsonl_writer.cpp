#include "jsonl_writer.hpp"

#include "json_escape.hpp"

#include <algorithm>
#include <charconv>
#include <functional>

namespace nahr::write_jsonl {
namespace {

OffsetUnit parse_unit(std::string_view name) {
  for (OffsetUnit u : {OffsetUnit::codepoints, OffsetUnit::bytes, OffsetUnit::utf16}) {
    if (unit_name(u) == name) return u;
  }
  throw FatalError("write-jsonl: offsets must be \"codepoints\", \"bytes\" or \"utf16\", not \"" +
                   std::string(name) + "\"");
}

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

// Appends {"key":"value",...}; `for_each` calls its argument once per pair,
// like Document::for_each_metadata.
template <class ForEach>
void append_object(std::string& out, ForEach&& for_each) {
  out += '{';
  bool first = true;
  for_each([&](std::string_view key, std::string_view value) {
    if (!first) out += ',';
    first = false;
    json::append_string(out, key);
    out += ':';
    json::append_string(out, value);
  });
  out += '}';
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
      unit_(parse_unit(options.text("offsets"))),
      types_(options.text_list("annotation_types")) {
  std::sort(types_.begin(), types_.end());
}

void JsonlWriter::open(std::string_view path) { file_.open(path); }

void JsonlWriter::close() { file_.close(); }

bool JsonlWriter::wanted(std::string_view type) const {
  return types_.empty() || std::binary_search(types_.begin(), types_.end(), type, std::less<>());
}

void JsonlWriter::write(const Document& doc) {
  std::string& out = file_.buffer();
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
  append_object(out, [&](auto&& pair) { doc.for_each_metadata(pair); });
  append_annotations(out, doc);
  out += ",\"offsets\":\"";
  out += unit_name(unit_);
  out += "\"}\n";
  file_.flush_if_full();
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
  annotations_.clear();
  const std::size_t count = doc.annotation_count();
  for (std::size_t i = 0; i < count; ++i) {
    AnnotationView a = doc.annotation(i);
    if (wanted(a.type)) annotations_.push_back(a);
  }

  // Offsets in other units than bytes come from one pass over each text;
  // when the text was never changed, one pass serves both.
  const bool convert = unit_ != OffsetUnit::bytes && !annotations_.empty();
  OffsetTable* original_table = &original_table_;
  if (convert) {
    const std::string_view text = doc.text();
    const std::string_view original = doc.original_text();
    const bool one_text = same_text(original, text);
    if (one_text) original_table = &current_table_;
    current_table_.clear();
    original_table_.clear();
    for (const AnnotationView& a : annotations_) {
      current_table_.add(a.span.begin);
      current_table_.add(a.span.end);
      if (write_original_offsets_) {
        original_table->add(a.original.begin);
        original_table->add(a.original.end);
      }
    }
    current_table_.convert(text, unit_);
    if (write_original_offsets_ && !one_text) original_table_.convert(original, unit_);
  }
  const auto in_current = [&](std::uint64_t byte) { return convert ? current_table_(byte) : byte; };
  const auto in_original = [&](std::uint64_t byte) {
    return convert ? (*original_table)(byte) : byte;
  };

  out += ",\"annotations\":[";
  bool first = true;
  for (const AnnotationView& a : annotations_) {
    out += first ? "{\"type\":" : ",{\"type\":";
    first = false;
    json::append_string(out, a.type);
    append_member(out, "begin", in_current(a.span.begin));
    append_member(out, "end", in_current(a.span.end));
    if (write_original_offsets_) {
      append_member(out, "original_begin", in_original(a.original.begin));
      append_member(out, "original_end", in_original(a.original.end));
    }
    out += ",\"stage\":";
    json::append_string(out, a.stage);
    out += ",\"attributes\":";
    append_object(out, [&](auto&& pair) { doc.for_each_attribute(a, pair); });
    out += '}';
  }
  out += ']';
}

}  // namespace nahr::write_jsonl
