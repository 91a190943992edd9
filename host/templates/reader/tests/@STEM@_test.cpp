// Runs the stage through nahr::testing::Harness: the host's document model
// and function table, without the host and without loading the .so.
#include "../@STEM@.hpp"

#include <catch2/catch.hpp>
#include <nahr/testing.hpp>

#include <string>
#include <vector>

using @NAMESPACE@::@CLASS@;
using nahr::testing::Harness;
using Strings = std::vector<std::string>;

namespace {

Strings texts(const nahr::testing::ReadResult& result) {
  Strings out;
  for (const auto& doc : result.documents) out.push_back(doc.text());
  return out;
}

const std::string kWire =
    "# نشرة أ ف ب\n"
    "بيروت (أ ف ب) - أعلن الجيش اللبناني اليوم\r\n"
    "\n"
    "   \n"
    "دمشق (أ ف ب) - وصل الوفد إلى العاصمة";

}  // namespace

TEST_CASE("@PLUGIN@ makes one document per non-blank line") {
  Harness h;
  const auto result = h.read<@CLASS@>(kWire, {}, "wire.txt");
  CHECK(result.failures.empty());
  CHECK(texts(result) == Strings{"بيروت (أ ف ب) - أعلن الجيش اللبناني اليوم",
                                 "دمشق (أ ف ب) - وصل الوفد إلى العاصمة"});
  REQUIRE(result.documents.size() == 2);
  CHECK(result.documents[0].id == "wire.txt:2");
  CHECK(result.documents[1].id == "wire.txt:5");
}

TEST_CASE("@PLUGIN@ reads the same documents in blocks of any size") {
  Harness h;
  const Strings whole = texts(h.read<@CLASS@>(kWire));
  for (const std::size_t block : {1u, 2u, 3u, 7u, 64u}) {
    CHECK(texts(h.read<@CLASS@>(kWire, {}, "wire.txt", block)) == whole);
  }
}

TEST_CASE("@PLUGIN@ keeps comment lines when comment is empty") {
  Harness h;
  CHECK(texts(h.read<@CLASS@>("# أ\nب\n", {{"comment", std::string()}})) == Strings{"# أ", "ب"});
  CHECK(h.read<@CLASS@>("").documents.empty());
}
