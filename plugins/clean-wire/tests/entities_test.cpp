#include "../entities.hpp"

#include <catch2/catch.hpp>
#include <optional>
#include <string>

using nahr::clean_wire::decode_reference;
using nahr::clean_wire::named_entity;

namespace {

struct Decoded {
  std::size_t end;
  char32_t code_point;
};

std::optional<Decoded> decode(std::string_view text) {
  const auto r = decode_reference(text, 0);
  if (!r) return std::nullopt;
  return Decoded{r->end, r->code_point};
}

}  // namespace

TEST_CASE("named entities of XML and HTML 4") {
  CHECK(named_entity("amp") == U'&');
  CHECK(named_entity("apos") == U'\'');
  CHECK(named_entity("quot") == U'"');
  CHECK(named_entity("nbsp") == U'\u00A0');
  CHECK(named_entity("laquo") == U'\u00AB');
  CHECK(named_entity("raquo") == U'\u00BB');
  CHECK(named_entity("hellip") == U'\u2026');
  CHECK(named_entity("zwnj") == U'\u200C');
  CHECK(named_entity("rlm") == U'\u200F');
  CHECK(named_entity("euro") == U'\u20AC');
  CHECK(named_entity("thetasym") == U'\u03D1');
  CHECK(named_entity("AMP") == U'&');
  // Names are case-sensitive, as in HTML.
  CHECK(named_entity("Eacute") == U'\u00C9');
  CHECK(named_entity("eacute") == U'\u00E9');
  CHECK_FALSE(named_entity("EACUTE"));
  CHECK_FALSE(named_entity("Amp"));
  CHECK_FALSE(named_entity(""));
  CHECK_FALSE(named_entity("ampx"));
}

TEST_CASE("decimal and hexadecimal references") {
  struct Row {
    std::string text;
    std::size_t end;
    char32_t code_point;
  };
  const std::vector<Row> rows = {
      {"&#1604;", 7, U'\u0644'},
      {"&#x644;", 7, U'\u0644'},
      {"&#X644;", 7, U'\u0644'},
      {"&#x0644;", 8, U'\u0644'},
      {"&#0038;", 7, U'&'},
      {"&#128512;", 9, U'\U0001F600'},
      {"&#0;", 4, U'\uFFFD'},
      {"&#xD800;", 8, U'\uFFFD'},
      {"&#xDFFF;", 8, U'\uFFFD'},
      {"&#x110000;", 10, U'\uFFFD'},
      {"&#1114111;", 10, U'\U0010FFFF'},
      {"&#99999999999999999999;", 23, U'\uFFFD'},
      {"&#150;", 6, U'\u2013'},
      {"&#x80;", 6, U'\u20AC'},
      {"&#129;", 6, U'\u0081'},
      {"&#159;", 6, U'\u0178'},
  };
  for (const Row& row : rows) {
    INFO(row.text);
    const auto d = decode(row.text + "بعد");
    REQUIRE(d);
    CHECK(d->end == row.end);
    CHECK(d->code_point == row.code_point);
  }
}

TEST_CASE("text that is not a reference") {
  for (const std::string text : {"&", "& amp;", "&amp", "&amp ;", "&foo;", "&#;", "&#x;", "&#12",
                                 "&#x1G;", "&#-1;", "&ampamp;", "&thetasymx;", "&وقال", "&#١٢٣;"}) {
    INFO(text);
    CHECK_FALSE(decode(text));
  }
}

TEST_CASE("an escaped ampersand decodes with what it escapes") {
  CHECK(decode("&amp;quot;")->code_point == U'"');
  CHECK(decode("&amp;quot;")->end == 10);
  CHECK(decode("&amp;amp;quot;")->code_point == U'"');
  CHECK(decode("&amp;amp;quot;")->end == 14);
  CHECK(decode("&amp;#1604;")->code_point == U'\u0644');
  CHECK(decode("&#38;quot;")->code_point == U'"');
  CHECK(decode("&#x26;lt;")->code_point == U'<');
  // An escaped '&' that escapes nothing is just '&'.
  CHECK(decode("&amp;T")->code_point == U'&');
  CHECK(decode("&amp;T")->end == 5);
  CHECK(decode("&amp;amp;foo;")->code_point == U'&');
  CHECK(decode("&amp;amp;foo;")->end == 9);
}
