// The read-gigaword stage: LDC Gigaword SGML files, one document per <DOC>.
#pragma once

#include "doc_scanner.hpp"

#include <nahr/plugin.hpp>

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace nahr::read_gigaword {

class GigawordReader final : public nahr::Reader {
 public:
  static constexpr const char* name = "read-gigaword";
  static constexpr const char* summary =
      "Reads LDC Gigaword SGML (<DOC> with HEADLINE, DATELINE, TEXT and P): one document per DOC";
  static std::vector<OptionSpec> schema();

  explicit GigawordReader(const Options& options);

  void open(Input input);
  bool next(Document& doc);

 private:
  bool wanted(std::string_view type) const;

  bool unwrap_lines_;
  std::vector<std::string> types_;  // empty: every type

  DocScanner scanner_;
  std::string source_;  // the input's name, as the host gave it
  std::string stem_;
  std::uint64_t index_ = 0;  // DOCs seen in this input, skipped ones too
  std::uint64_t limit_ = 0;  // the open input's max_record_bytes
};

}  // namespace nahr::read_gigaword
