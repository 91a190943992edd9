#include "config/suggest.hpp"

#include <catch2/catch.hpp>

#include <string>
#include <vector>

using nahr::host::did_you_mean;
using nahr::host::did_you_mean_or_list;
using nahr::host::edit_distance;
using nahr::host::nearest_name;

TEST_CASE("edit distance counts insertions deletions and substitutions", "[config][suggest]") {
  CHECK(edit_distance("", "") == 0);
  CHECK(edit_distance("", "form") == 4);
  CHECK(edit_distance("form", "") == 4);
  CHECK(edit_distance("form", "form") == 0);
  CHECK(edit_distance("threads", "thread") == 1);
  CHECK(edit_distance("kitten", "sitting") == 3);
}

TEST_CASE("edit distance counts an adjacent transposition as one edit", "[config][suggest]") {
  CHECK(edit_distance("from", "form") == 1);
  CHECK(edit_distance("normalise-arabic", "normalise-arbaic") == 1);
  // Optimal string alignment: no substring is edited twice, so "ca" -> "abc"
  // takes three edits (true Damerau-Levenshtein would say two).
  CHECK(edit_distance("ca", "abc") == 3);
}

TEST_CASE("edit distance works on the bytes of Arabic names", "[config][suggest]") {
  // Each Arabic letter is two UTF-8 bytes; a missing alef costs two edits.
  CHECK(edit_distance("كتاب", "كتب") == 2);
  CHECK(edit_distance("كتاب", "كتاب") == 0);
  // ى (D9 89) and ي (D9 8A) share their lead byte: one substitution.
  CHECK(edit_distance("على", "علي") == 1);
  // ة (D8 A9) and ه (D9 87) do not: two.
  CHECK(edit_distance("مدرسة", "مدرسه") == 2);
}

TEST_CASE("nearest name suggests a close candidate and nothing far", "[config][suggest]") {
  const std::vector<std::string> options = {"form", "letters", "strip_diacritics", "strip_tatweel"};
  CHECK(nearest_name("from", options) == "form");
  CHECK(nearest_name("leters", options) == "letters");
  CHECK(nearest_name("strip_tatwel", options) == "strip_tatweel");
  CHECK(nearest_name("encoding", options) == std::nullopt);
  CHECK(nearest_name("x", std::vector<std::string>{}) == std::nullopt);
}

TEST_CASE("nearest name allows max of two and a third of the name's length", "[config][suggest]") {
  const std::vector<std::string> names = {"normalise-arabic"};
  // 14 bytes -> up to 4 edits; this takes 3.
  CHECK(nearest_name("normalize-arab", names) == "normalise-arabic");
  // 11 bytes -> up to 3 edits; this takes 5.
  CHECK(nearest_name("normal-arab", names) == std::nullopt);
  // Short names still get two edits.
  CHECK(nearest_name("ib", std::vector<std::string>{"id"}) == "id");
  CHECK(nearest_name("xyz", std::vector<std::string>{"id"}) == std::nullopt);
}

TEST_CASE("nearest name breaks ties by sorted order not by candidate order", "[config][suggest]") {
  CHECK(nearest_name("bat", std::vector<std::string>{"cat", "bar", "hat"}) == "bar");
  CHECK(nearest_name("bat", std::vector<std::string>{"hat", "cat"}) == "cat");
}

TEST_CASE("did you mean phrases the suggestion or lists the candidates", "[config][suggest]") {
  const std::vector<std::string> keys = {"pipeline", "stage", "test"};
  CHECK(did_you_mean("stages", keys) == " (did you mean 'stage'?)");
  CHECK(did_you_mean("كتاب", keys).empty());
  CHECK(did_you_mean_or_list("stages", keys) == " (did you mean 'stage'?)");
  CHECK(did_you_mean_or_list("كتاب", keys) == "; expected one of: pipeline, stage, test");
  CHECK(did_you_mean_or_list("x", std::vector<std::string>{}).empty());
}
