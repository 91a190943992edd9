// The write-csv stage: one RFC 4180 row per document or per annotation,
// with the columns the user chose.
#pragma once

#include <nahr/offsets.hpp>
#include <nahr/plugin.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "columns.hpp"
#include "csv_field.hpp"

namespace nahr::write_csv {

class CsvWriter final : public nahr::Writer {
 public:
  static constexpr const char* name = "write-csv";
  static constexpr const char* summary =
      "Writes CSV (RFC 4180): one row per document or per annotation, chosen columns";
  static std::vector<OptionSpec> schema();

  explicit CsvWriter(const Options& options);

  void header(std::string& out);
  void encode(const Document& doc, std::string& out);

 private:
  bool wanted(std::string_view type) const;
  void write_document_row(const Document& doc);
  void write_annotation_rows(const Document& doc);
  // Appends the field of a column every row kind has; false for the others.
  bool append_document_field(const Column& column, const Document& doc);
  void append_annotation_field(const Column& column, const Document& doc, const AnnotationView& a);
  void append_number(std::uint64_t n);
  void end_row();

  Rows rows_;
  std::vector<Column> columns_;
  std::vector<std::string> types_;  // sorted; empty = every type
  OffsetUnit unit_;
  char delimiter_;
  FieldEncoder encoder_;
  std::string_view line_ending_;
  bool bom_;
  bool header_;
  bool needs_offsets_ = false;

  std::string* out_ = nullptr;  // where header() or encode() appends
  // Reused for every document.
  std::vector<AnnotationView> annotations_;
  OffsetConverter current_offsets_;
  OffsetConverter original_converter_;
  OffsetConverter* original_offsets_ = &original_converter_;
  std::string json_;
};

}  // namespace nahr::write_csv
