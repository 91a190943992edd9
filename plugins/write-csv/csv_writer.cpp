#include "csv_writer.hpp"

#include <algorithm>
#include <charconv>
#include <functional>
#include <nahr/json.hpp>

namespace nahr::write_csv {
namespace {

Rows parse_rows(std::string_view name) {
  if (name == "documents") return Rows::documents;
  if (name == "annotations") return Rows::annotations;
  throw FatalError("write-csv: rows must be \"documents\" or \"annotations\", not \"" +
                   std::string(name) + "\"");
}

char parse_delimiter(const std::string& text) {
  if (text == "," || text == ";" || text == "\t") return text[0];
  throw FatalError("write-csv: delimiter must be \",\", \";\" or \"\\t\"");
}

std::string_view parse_line_ending(std::string_view name) {
  if (name == "crlf") return "\r\n";
  if (name == "lf") return "\n";
  throw FatalError("write-csv: line_ending must be \"crlf\" or \"lf\", not \"" + std::string(name) +
                   "\"");
}

bool same_text(std::string_view a, std::string_view b) {
  return (a.data() == b.data() && a.size() == b.size()) || a == b;
}

}  // namespace

std::vector<OptionSpec> CsvWriter::schema() {
  return {
      text("rows", "documents",
           "One row per document (\"documents\") or per annotation (\"annotations\")",
           {"documents", "annotations"}),
      text_list("columns", {},
                "Columns in order; empty = id, source_file, source_line, text for document rows "
                "and id, type, begin, end, original_begin, original_end, text, attributes for "
                "annotation rows"),
      text_list("annotation_types", {},
                "Annotation types that get a row (rows = \"annotations\"); empty = every type"),
      text("offsets", "codepoints",
           "Unit of begin/end/original_begin/original_end: codepoints (Python), utf16 "
           "(JavaScript, Java) or bytes (UTF-8)",
           {"codepoints", "bytes", "utf16"}),
      text("delimiter", ",", "Field delimiter: \",\", \";\" or \"\\t\" (TSV)", {",", ";", "\t"}),
      text("line_ending", "crlf", "Row terminator: crlf (RFC 4180) or lf", {"crlf", "lf"}),
      flag("bom", false,
           "Start the file with a UTF-8 byte order mark, which Excel needs to read UTF-8; "
           "pandas and LibreOffice do not"),
      flag("header", true, "Write a header row with the column names"),
  };
}

CsvWriter::CsvWriter(const Options& options)
    : rows_(parse_rows(options.text("rows"))),
      types_(options.text_list("annotation_types")),
      unit_(parse_unit(options.text("offsets"), name)),
      delimiter_(parse_delimiter(options.text("delimiter"))),
      encoder_(delimiter_),
      line_ending_(parse_line_ending(options.text("line_ending"))),
      bom_(options.flag("bom")),
      header_(options.flag("header")) {
  std::vector<std::string> names = options.text_list("columns");
  if (names.empty()) names = default_columns(rows_);
  columns_ = parse_columns(names, rows_);
  std::sort(types_.begin(), types_.end());
  needs_offsets_ =
      unit_ != OffsetUnit::bytes && std::any_of(columns_.begin(), columns_.end(),
                                                [](const Column& c) { return is_offset(c.field); });
}

void CsvWriter::header(std::string& out) {
  out_ = &out;
  if (bom_) out += "\xEF\xBB\xBF";
  if (!header_) return;
  for (const Column& column : columns_) {
    if (&column != &columns_.front()) out += delimiter_;
    encoder_.append(out, column.name);
  }
  end_row();
}

void CsvWriter::encode(const Document& doc, std::string& out) {
  out_ = &out;
  if (rows_ == Rows::documents)
    write_document_row(doc);
  else
    write_annotation_rows(doc);
}

bool CsvWriter::wanted(std::string_view type) const {
  return types_.empty() || std::binary_search(types_.begin(), types_.end(), type, std::less<>());
}

void CsvWriter::end_row() { *out_ += line_ending_; }

void CsvWriter::append_number(std::uint64_t n) {
  char digits[20];
  out_->append(digits, std::to_chars(digits, digits + sizeof digits, n).ptr);
}

bool CsvWriter::append_document_field(const Column& column, const Document& doc) {
  std::string& out = *out_;
  switch (column.field) {
    case Field::id:
      encoder_.append(out, doc.id());
      return true;
    case Field::source_file:
      encoder_.append(out, doc.source().file);
      return true;
    case Field::source_record:
      append_number(doc.source().record);
      return true;
    case Field::source_line:
      append_number(doc.source().line);
      return true;
    case Field::document_text:
      encoder_.append(out, doc.text());
      return true;
    case Field::original_text:
      encoder_.append(out, doc.original_text());
      return true;
    case Field::metadata:
      encoder_.append(out, doc.metadata(column.key).value_or(std::string_view()));
      return true;
    default:
      return false;
  }
}

void CsvWriter::write_document_row(const Document& doc) {
  for (const Column& column : columns_) {
    if (&column != &columns_.front()) *out_ += delimiter_;
    append_document_field(column, doc);
  }
  end_row();
}

void CsvWriter::write_annotation_rows(const Document& doc) {
  annotations_.clear();
  const std::size_t count = doc.annotation_count();
  for (std::size_t i = 0; i < count; ++i) {
    AnnotationView a = doc.annotation(i);
    if (wanted(a.type)) annotations_.push_back(a);
  }
  if (annotations_.empty()) return;

  if (needs_offsets_) {
    const std::string_view text = doc.text();
    const std::string_view original = doc.original_text();
    current_offsets_.reset(text, unit_);
    original_offsets_ = &current_offsets_;
    if (!same_text(text, original)) {
      original_converter_.reset(original, unit_);
      original_offsets_ = &original_converter_;
    }
  }

  for (const AnnotationView& a : annotations_) {
    for (const Column& column : columns_) {
      if (&column != &columns_.front()) *out_ += delimiter_;
      if (!append_document_field(column, doc)) append_annotation_field(column, doc, a);
    }
    end_row();
  }
}

void CsvWriter::append_annotation_field(const Column& column, const Document& doc,
                                        const AnnotationView& a) {
  std::string& out = *out_;
  const auto current = [&](std::uint64_t byte) {
    return needs_offsets_ ? current_offsets_.convert(byte) : byte;
  };
  const auto original = [&](std::uint64_t byte) {
    return needs_offsets_ ? original_offsets_->convert(byte) : byte;
  };
  // Spans past the end of their text (a buggy stage) give an empty cover.
  const auto cover = [](std::string_view text, Span span) {
    if (span.begin > span.end || span.end > text.size()) return std::string_view();
    return text.substr(span.begin, span.end - span.begin);
  };
  switch (column.field) {
    case Field::type:
      encoder_.append(out, a.type);
      break;
    case Field::begin:
      append_number(current(a.span.begin));
      break;
    case Field::end:
      append_number(current(a.span.end));
      break;
    case Field::original_begin:
      append_number(original(a.original.begin));
      break;
    case Field::original_end:
      append_number(original(a.original.end));
      break;
    case Field::stage:
      encoder_.append(out, a.stage);
      break;
    case Field::covered_text:
      encoder_.append(out, cover(doc.text(), a.span));
      break;
    case Field::covered_original:
      encoder_.append(out, cover(doc.original_text(), a.original));
      break;
    case Field::attribute:
      encoder_.append(out, doc.attribute(a, column.key).value_or(std::string_view()));
      break;
    case Field::attributes:
      json_.clear();
      json_ += '{';
      doc.for_each_attribute(a, [&](std::string_view key, std::string_view value) {
        if (json_.size() > 1) json_ += ',';
        json::append_string(json_, key);
        json_ += ':';
        json::append_string(json_, value);
      });
      json_ += '}';
      encoder_.append(out, json_);
      break;
    default:
      break;  // document fields are written by append_document_field
  }
}

}  // namespace nahr::write_csv
