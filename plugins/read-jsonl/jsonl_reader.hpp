// The read-jsonl stage: one document per JSON object per line.
#pragma once

#include "line_reader.hpp"
#include "record_parser.hpp"

#include <nahr/plugin.hpp>

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace nahr::read_jsonl {

class JsonlReader final : public nahr::Reader {
 public:
  static constexpr const char* name = "read-jsonl";
  static constexpr const char* summary =
      "Reads JSON Lines: one document per JSON object per line, with id, text and metadata";
  static std::vector<OptionSpec> schema();

  explicit JsonlReader(const Options& options);

  void open(Input input);
  bool next(Document& doc);

 private:
  // The next line that is not blank; false at the end of the input.
  bool next_record_line(std::string_view& line);
  // "{stem}-{line}", for records without an id and for rejected lines.
  std::string_view fallback_id(std::uint64_t line);

  RecordParser parser_;
  LineReader lines_;
  Record record_;
  std::string source_;  // the input's name, as the host gave it
  std::string stem_;
  std::uint64_t records_ = 0;
  std::string id_;
};

}  // namespace nahr::read_jsonl
