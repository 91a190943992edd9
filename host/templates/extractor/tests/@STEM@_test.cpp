// Runs the stage through nahr::testing::Harness: the host's document model
// and function table, without the host and without loading the .so.
#include "../@STEM@.hpp"

#include <catch2/catch.hpp>
#include <nahr/testing.hpp>

using @NAMESPACE@::@CLASS@;
using nahr::testing::Harness;
using nahr::testing::texts_of;
using Strings = std::vector<std::string>;

TEST_CASE("@PLUGIN@ annotates the default word") {
  Harness h;
  const auto doc = h.process<@CLASS@>("عاجل: زلزال بقوة 5 درجات يضرب جنوب تركيا");
  CHECK(texts_of(doc, "word") == Strings{"عاجل"});
  REQUIRE(doc.annotations.size() == 1);
  CHECK(nahr::testing::attribute_of(doc.annotations[0], "word") == "عاجل");
  CHECK(doc.annotations[0].begin == 0);
  CHECK(doc.annotations[0].end == std::string("عاجل").size());
}

TEST_CASE("@PLUGIN@ finds every occurrence of every word") {
  Harness h;
  const auto doc = h.process<@CLASS@>("الرياض والقاهرة، ثم الرياض مجدداً",
                                      {{"words", Strings{"الرياض", "القاهرة"}}});
  CHECK(texts_of(doc, "word") == Strings{"الرياض", "الرياض", "القاهرة"});
}

TEST_CASE("@PLUGIN@ leaves a text without the words alone") {
  Harness h;
  CHECK(h.process<@CLASS@>("").annotations.empty());
  CHECK(h.process<@CLASS@>("Breaking: no Arabic here").annotations.empty());
}

TEST_CASE("@PLUGIN@ refuses an empty word before the run starts") {
  Harness h;
  CHECK_THROWS_AS(h.process<@CLASS@>("نص", {{"words", Strings{""}}}), nahr::FatalError);
}
