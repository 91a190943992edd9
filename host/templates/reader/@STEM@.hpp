// @PLUGIN@: a reader. It makes one document of each non-blank line of its
// inputs and skips lines that start with the option `comment`; replace
// next() with your own format's parsing.
#pragma once

#include <nahr/plugin.hpp>

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace @NAMESPACE@ {

class @CLASS@ final : public nahr::Reader {
 public:
  static constexpr const char* name = "@PLUGIN@";  // what a config's `plugin =` says
  static constexpr const char* summary = "One document per non-blank line";

  static std::vector<nahr::OptionSpec> schema();
  explicit @CLASS@(const nahr::Options& options);

  // The host calls open() for each input file (`inputs` in the config;
  // .gz and .zst arrive decompressed), then next() until it returns false.
  void open(nahr::Input input);
  bool next(nahr::Document& doc);

 private:
  // The next line without its line break; false at the end of the input.
  // The view is valid until the next call.
  bool next_line(std::string_view& line);

  std::string comment_;
  nahr::Input input_{nullptr};
  std::string input_name_;
  // Bytes read and not yet handed out: memory stays bounded by the longest
  // line whatever the size of the input.
  std::string buffer_;
  std::size_t line_start_ = 0;  // start of the next line in buffer_
  std::size_t scanned_ = 0;     // no '\n' in [line_start_, scanned_)
  bool at_end_ = false;
  std::uint64_t line_number_ = 0;  // 1-based number of the last line read
  std::uint64_t record_ = 0;       // documents made from this input
  std::string id_;
};

}  // namespace @NAMESPACE@
