// Entity decoding and line unwrapping of Gigaword text.
#include "../sgml_text.hpp"

#include <catch2/catch.hpp>

#include <string>

namespace {

std::string decoded(std::string_view sgml) {
  std::string out;
  nahr::read_gigaword::append_decoded(out, sgml);
  return out;
}

}  // namespace

TEST_CASE("the predefined entities and character references are decoded") {
  CHECK(decoded("&amp; &lt;b&gt; &quot;قال&quot; &apos;") == "& <b> \"قال\" '");
  CHECK(decoded("&#1604;&#x627; &#X644;") == "لا ل");
  CHECK(decoded("&#128512;") == "\xF0\x9F\x98\x80");
}

TEST_CASE("unescaped ampersands and unknown or broken entities stay as written") {
  CHECK(decoded("بروكتر & غامبل") == "بروكتر & غامبل");
  CHECK(decoded("AT&T&amp;") == "AT&T&");
  CHECK(decoded("&nbsp;&copy;") == "&nbsp;&copy;");
  CHECK(decoded("&#xD800; &#0; &#x110000; &#12a; &#; &#x;") ==
        "&#xD800; &#0; &#x110000; &#12a; &#; &#x;");
  CHECK(decoded("&amp") == "&amp");
  CHECK(decoded("& amp; &") == "& amp; &");
}

TEST_CASE("unwrap joins wrapped lines with single spaces") {
  using nahr::read_gigaword::unwrap;
  CHECK(unwrap("\nقتل اثنا عشر مدنيا \n  في قصف\r\n\n مدفعي.\n") == "قتل اثنا عشر مدنيا في قصف مدفعي.");
  CHECK(unwrap("سطر واحد") == "سطر واحد");
  CHECK(unwrap("\n \n").empty());
}

TEST_CASE("trim drops white space at both ends only") {
  using nahr::read_gigaword::trim;
  CHECK(trim("\n\t أ  ب \r\n") == "أ  ب");
  CHECK(trim(" \n ").empty());
}
