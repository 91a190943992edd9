// Valid UTF-8 for SQLite's TEXT columns.
#pragma once

#include <string>
#include <string_view>

namespace nahr::write_sqlite {

// `s` itself when it is valid UTF-8; else a copy in `scratch` where each
// maximal invalid subsequence is one U+FFFD, the rule nahr's JSON uses.
std::string_view valid_utf8(std::string_view s, std::string& scratch);

}  // namespace nahr::write_sqlite
