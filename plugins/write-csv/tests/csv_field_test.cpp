#include "../csv_field.hpp"

#include <catch2/catch.hpp>
#include <string>

namespace {

using nahr::write_csv::FieldEncoder;

std::string field(std::string_view value, char delimiter = ',') {
  std::string out = "prefix|";  // appending must keep what is already there
  FieldEncoder(delimiter).append(out, value);
  REQUIRE(out.starts_with("prefix|"));
  return out.substr(7);
}

const std::string kFffd = "\xEF\xBF\xBD";

}  // namespace

TEST_CASE("plain Arabic and Latin fields are written bare") {
  CHECK(field("") == "");
  CHECK(field("وكالة فرانس برس") == "وكالة فرانس برس");
  CHECK(field("AFP 2019-03-07 'quoted' text") == "AFP 2019-03-07 'quoted' text");
  CHECK(field("مُحَمَّدٌ\tعلي") == "مُحَمَّدٌ\tعلي");
}

TEST_CASE("fields with the delimiter or a quote or CR or LF are quoted") {
  CHECK(field("بيروت، لبنان, 2019") == "\"بيروت، لبنان, 2019\"");
  CHECK(field("قال \"لا\"") == "\"قال \"\"لا\"\"\"");
  CHECK(field("\"") == "\"\"\"\"");
  CHECK(field("سطر\nسطر") == "\"سطر\nسطر\"");
  CHECK(field("سطر\r\nسطر") == "\"سطر\r\nسطر\"");
  CHECK(field("\r") == "\"\r\"");
}

TEST_CASE("only the chosen delimiter forces quotes") {
  CHECK(field("a,b", '\t') == "a,b");
  CHECK(field("a\tb", '\t') == "\"a\tb\"");
  CHECK(field("a;b", ';') == "\"a;b\"");
  CHECK(field("a;b", ',') == "a;b");
}

TEST_CASE("invalid UTF-8 becomes one U+FFFD per maximal subpart") {
  CHECK(field("نص\xFF") == "نص" + kFffd);
  CHECK(field("\xD8") == kFffd);                           // truncated Arabic letter
  CHECK(field("\xC0\xAF") == kFffd + kFffd);               // overlong '/'
  CHECK(field("\xED\xA0\xBD") == kFffd + kFffd + kFffd);   // CESU-8 surrogate
  CHECK(field("\xE2\x82") == kFffd);                       // truncated €
  CHECK(field("\xF0\x9F\x98\x80") == "\xF0\x9F\x98\x80");  // valid emoji
}

TEST_CASE("invalid UTF-8 inside a quoted field keeps the quotes doubled") {
  CHECK(field("\x80\"قال\",") == "\"" + kFffd + "\"\"قال\"\",\"");
  CHECK(field("\"\xD9") == "\"\"\"" + kFffd + "\"");
}
