// RFC 4180 fields that every CSV reader takes back unchanged.
//
// A field is quoted when it holds the delimiter, '"', CR or LF, and a '"'
// inside a quoted field is doubled; other fields are written bare. Each
// maximal invalid UTF-8 subsequence becomes one U+FFFD, so pandas,
// Python's csv module and LibreOffice, which all decode strictly, read every
// file. Valid text, the common case, is checked by simdjson and copied in
// runs.
#pragma once

#include <array>
#include <string>
#include <string_view>

namespace nahr::write_csv {

class FieldEncoder {
 public:
  explicit FieldEncoder(char delimiter);

  // Appends `value` to `out` as one field, quoted only when it must be.
  void append(std::string& out, std::string_view value) const;

 private:
  bool needs_quotes(std::string_view value) const;

  std::array<bool, 256> special_{};  // the bytes that force quoting
};

}  // namespace nahr::write_csv
