// Runs the stage through nahr::testing::Harness: the host's document model
// and function table, without the host and without loading the .so.
#include "../@STEM@.hpp"

#include <catch2/catch.hpp>
#include <nahr/testing.hpp>

#include <string>
#include <vector>

using @NAMESPACE@::@CLASS@;
using nahr::testing::Harness;

namespace {

// A document with an annotation over the first occurrence of `word`.
nahr::model::Document annotated(std::string id, std::string_view text, std::string_view word) {
  nahr::model::Document doc;
  doc.id = std::move(id);
  doc.set_text(text);
  const std::size_t at = text.find(word);
  doc.add_annotation("place", at, at + word.size(), "test");
  return doc;
}

}  // namespace

TEST_CASE("@PLUGIN@ writes one line per annotation") {
  Harness h;
  std::vector<nahr::model::Document> docs;
  docs.push_back(annotated("afp-1", "بيروت (أ ف ب) - قال", "بيروت"));
  docs.push_back(annotated("afp-2", "وصل الوفد إلى دمشق", "دمشق"));
  nahr::model::Document empty;
  empty.id = "afp-3";
  docs.push_back(std::move(empty));

  const std::size_t damascus = std::string_view(docs[1].text()).find("دمشق");
  CHECK(h.write<@CLASS@>(docs) == "afp-1\tplace\t0\t10\tبيروت\n"
                                  "afp-2\tplace\t" + std::to_string(damascus) + "\t" +
                                      std::to_string(damascus + 8) + "\tدمشق\n");
}

TEST_CASE("@PLUGIN@ keeps each annotation on one line") {
  Harness h;
  std::vector<nahr::model::Document> docs;
  docs.push_back(annotated("afp-4", "عنوان | سطر\nثان", "عنوان | سطر\nثان"));
  const std::string length = std::to_string(docs[0].text().size());
  CHECK(h.write<@CLASS@>(docs, {{"separator", std::string(" | ")}}) ==
        "afp-4 | place | 0 | " + length + " | عنوان سطر ثان\n");
}

TEST_CASE("@PLUGIN@ refuses an empty separator before the run starts") {
  Harness h;
  std::vector<nahr::model::Document> docs;
  CHECK_THROWS_AS(h.write<@CLASS@>(docs, {{"separator", std::string()}}), nahr::FatalError);
}
