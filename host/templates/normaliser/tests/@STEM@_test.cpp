// Runs the stage through nahr::testing::Harness: the host's document model
// and function table, without the host and without loading the .so.
#include "../@STEM@.hpp"

#include <catch2/catch.hpp>
#include <nahr/testing.hpp>

using @NAMESPACE@::@CLASS@;
using nahr::testing::Harness;

TEST_CASE("@PLUGIN@ writes Arabic-Indic and Persian digits in ASCII") {
  Harness h;
  CHECK(h.process<@CLASS@>("قُتل ١٢ شخصاً في ٢٠٢٤").text() == "قُتل 12 شخصاً في 2024");
  CHECK(h.process<@CLASS@>("سال ۱۴۰۳").text() == "سال 1403");
}

TEST_CASE("@PLUGIN@ keeps Persian digits when persian is false") {
  Harness h;
  CHECK(h.process<@CLASS@>("٣ و۳", {{"persian", false}}).text() == "3 و۳");
}

TEST_CASE("@PLUGIN@ maps the new text back to the digits as read") {
  Harness h;
  const auto doc = h.process<@CLASS@>("عام ٢٠٢٤م");
  REQUIRE(doc.text() == "عام 2024م");
  const std::size_t year = doc.text().find("2024");
  const auto [begin, end] = doc.to_original(year, year + 4);
  CHECK(doc.original_text().substr(begin, end - begin) == "٢٠٢٤");
}

TEST_CASE("@PLUGIN@ leaves other text and broken bytes alone") {
  Harness h;
  CHECK(h.process<@CLASS@>("").text().empty());
  CHECK(h.process<@CLASS@>("Reuters 2024").text() == "Reuters 2024");
  const std::string broken = "\xD9";  // a lead byte cut off at the end
  CHECK(h.process<@CLASS@>("١" + broken).text() == "1" + broken);
  CHECK_FALSE(h.process<@CLASS@>("Reuters 2024").rewritten());
}
