// The read-text stage: plain text files as documents, one per file, one per
// blank-line-separated block, or one per line.
#pragma once

#include "id_format.hpp"
#include "line_scanner.hpp"

#include <nahr/plugin.hpp>

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace nahr::read_text {

class TextReader final : public nahr::Reader {
 public:
  static constexpr const char* name = "read-text";
  static constexpr const char* summary =
      "Reads plain text: one document per file, per blank-line-separated block, or per line";
  static std::vector<OptionSpec> schema();
  // Lines and blocks are found without keeping what comes before them, so
  // a sharded run may hand this reader a part of a file.
  static constexpr bool splittable = true;

  explicit TextReader(const Options& options);

  void open(Input input);
  bool next(Document& doc);

 private:
  enum class Mode { file, blocks, lines };
  static Mode parse_mode(std::string_view mode);
  static std::string id_pattern(const Options& options, Mode mode);

  bool next_file(Document& doc);
  bool next_block(Document& doc);
  bool next_line(Document& doc);
  // Scans past blank lines to the next line with content (or over the
  // limit); false at the end.
  bool skip_blank_lines(LineScanner::Line& line);
  // Reads past the rest of a block found to be over the limit, from `last`,
  // one of its lines; returns the block's length from `offset`.
  std::uint64_t skip_rest_of_block(LineScanner::Line last, std::uint64_t offset);
  void emit(Document& doc, std::string_view text, std::uint64_t line);
  // Fails a record over the limit, keeping its first bytes as the text.
  [[noreturn]] void refuse(Document& doc, std::string_view what, std::string_view head,
                           std::uint64_t size, std::uint64_t line);

  Mode mode_;
  IdFormat id_format_;
  bool strip_bom_;
  bool crlf_;

  Input input_{nullptr};
  std::uint64_t limit_ = 0;  // the open input's max_record_bytes
  Input::Part part_;  // documents that start in it are returned
  LineScanner scanner_;
  std::string head_;  // the first bytes of a block over the limit
  std::string source_;     // the input's name, as the host gave it
  std::string_view name_;  // views into source_
  std::string_view stem_;
  std::uint64_t index_ = 0;
  bool file_done_ = false;
  std::string id_;
};

}  // namespace nahr::read_text
