// A strict RFC 4180 reader for the tests: it rejects every deviation (a bare
// quote, CR or LF outside quotes, text after a closing quote, a row without
// its terminator), so a file it reads back is one any CSV reader takes.
#pragma once

#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace csv_test {

using Row = std::vector<std::string>;

inline std::vector<Row> read_csv(std::string_view in, char delimiter = ',',
                                 std::string_view eol = "\r\n") {
  std::vector<Row> rows;
  std::size_t i = 0;
  const auto fail = [&](const std::string& what) {
    throw std::runtime_error(what + " at byte " + std::to_string(i));
  };
  while (i < in.size()) {
    Row row;
    for (;;) {
      std::string field;
      if (i < in.size() && in[i] == '"') {
        for (++i;; ++i) {
          if (i >= in.size()) fail("unterminated quoted field");
          if (in[i] != '"') {
            field += in[i];
          } else if (i + 1 < in.size() && in[i + 1] == '"') {
            field += '"';
            ++i;
          } else {
            ++i;
            break;
          }
        }
      } else {
        while (i < in.size() && in[i] != delimiter && in.substr(i, eol.size()) != eol) {
          if (in[i] == '"' || in[i] == '\r' || in[i] == '\n') fail("bare quote, CR or LF");
          field += in[i++];
        }
      }
      row.push_back(std::move(field));
      if (i < in.size() && in[i] == delimiter) {
        ++i;
        continue;
      }
      if (in.substr(i, eol.size()) != eol) fail("expected a delimiter or the end of the row");
      i += eol.size();
      break;
    }
    rows.push_back(std::move(row));
  }
  return rows;
}

}  // namespace csv_test
