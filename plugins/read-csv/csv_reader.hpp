// The read-csv stage: CSV and TSV files with a header row, one document
// per row.
#pragma once

#include "csv_parser.hpp"

#include <nahr/plugin.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace nahr::read_csv {

class CsvReader final : public nahr::Reader {
 public:
  static constexpr const char* name = "read-csv";
  static constexpr const char* summary =
      "Reads CSV and TSV files with a header row: one document per row, with text, id and "
      "metadata columns";
  static std::vector<OptionSpec> schema();

  explicit CsvReader(const Options& options);

  void open(Input input);
  bool next(Document& doc);

 private:
  // Which column is what, from the header row.
  struct Columns {
    std::size_t count = 0;
    std::size_t text = 0;
    std::optional<std::size_t> id;
    std::vector<std::pair<std::string, std::size_t>> metadata;  // key, column
  };

  // The delimiter for an input: the option, else the format's, else by the
  // file's extension.
  char delimiter_for(std::string_view file) const;
  // Reads the header row; false when the input has none (it is empty).
  bool read_header(Document& doc);
  void fill(Document& doc, const CsvParser::Row& row);
  [[noreturn]] void reject(Document& doc, std::uint64_t line, std::string_view raw,
                           std::string_view why);
  std::string fallback_id() const;

  std::string format_;
  std::optional<char> delimiter_;  // set by the option
  bool quoting_;
  std::string text_column_;
  std::string id_column_;
  std::vector<std::string> metadata_columns_;  // empty: every other column
  bool strict_;
  CsvParser parser_;

  std::string source_;  // the input's name, as the host gave it
  std::string stem_;
  std::optional<Columns> columns_;  // once the header is read
  bool done_ = false;               // the input cannot be read further
  std::uint64_t rows_ = 0;          // data rows handed out, bad ones included
  CsvParser::Row row_;
};

}  // namespace nahr::read_csv
