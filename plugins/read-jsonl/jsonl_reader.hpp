// The read-jsonl stage: one document per JSON object, either one object per
// line (JSON Lines) or the elements of one JSON array per file.
#pragma once

#include "array_reader.hpp"
#include "line_reader.hpp"
#include "record_parser.hpp"
#include "stream_buffer.hpp"

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
      "Reads JSON Lines or JSON arrays: one document per object, with id, text and metadata";
  static std::vector<OptionSpec> schema();
  // Samples with their expected results, run by `nahr plugin verify` (plugin.cpp).
  static std::vector<SelfTest> self_tests();

  // Lines and array elements are found without parsing the records before
  // them, so a sharded run may hand this reader a part of a file.
  static constexpr bool splittable = true;

  explicit JsonlReader(const Options& options);

  void open(Input input);
  bool next(Document& doc);

 private:
  enum class Format { detect, lines, array };
  static Format parse_format(std::string_view format);

  // Looks at the first byte that is not white space or a byte order mark,
  // without consuming anything: '[' starts an array.
  Format detect_format();
  bool next_line(Document& doc);
  bool next_element(Document& doc);
  // The next line that is not blank; false at the end of the input.
  bool next_record_line(std::string_view& line);
  // Gives `doc` the parsed record's id (else the fallback id), text and
  // metadata.
  void fill(Document& doc, std::uint64_t fallback_number);
  // "{stem}-{number}", for records without an id and for rejected ones.
  std::string_view fallback_id(std::uint64_t number);

  Format format_;
  RecordParser parser_;
  StreamBuffer buffer_;
  LineReader lines_;
  ArrayReader array_;
  Format input_format_ = Format::detect;  // of the open input, once known
  std::uint64_t limit_ = 0;               // the open input's max_record_bytes
  Input::Part part_;                      // records that start in it are returned
  Record record_;
  std::string source_;  // the input's name, as the host gave it
  std::string stem_;
  std::uint64_t records_ = 0;
  // The input broke inside the array and that was reported: it ends here.
  bool array_broken_ = false;
  std::string id_;
  std::string key_;  // a nested metadata key being joined
};

}  // namespace nahr::read_jsonl
