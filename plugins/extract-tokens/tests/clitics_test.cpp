// Clitic segmentation: the `prefixes` and `stem` attributes, the exception
// lists, and split_clitics tokens.
#include "../token_extractor.hpp"

#include <nahr/testing.hpp>

#include <catch2/catch.hpp>

#include <string>
#include <string_view>
#include <vector>

namespace {

using extract_tokens::TokenExtractor;
using nahr::testing::OptionMap;

struct Row {
  std::string_view word;
  std::string prefixes;
  std::string stem;
};

// The prefixes and stem of a text that is one Arabic word.
Row analyse(std::string_view word) {
  nahr::testing::Harness harness;
  const auto doc = harness.process<TokenExtractor>(word, {{"clitics", true}});
  const auto tokens = nahr::testing::annotations_of(doc, "token");
  REQUIRE(tokens.size() == 1);
  REQUIRE(nahr::testing::covered_text(doc, *tokens[0]) == word);
  return {word, nahr::testing::attribute_of(*tokens[0], "prefixes"),
          nahr::testing::attribute_of(*tokens[0], "stem")};
}

void check(const std::vector<Row>& rows) {
  for (const Row& row : rows) {
    INFO(row.word);
    const Row got = analyse(row.word);
    CHECK(got.prefixes == row.prefixes);
    CHECK(got.stem == row.stem);
  }
}

std::vector<std::string> split(std::string_view text) {
  nahr::testing::Harness harness;
  return nahr::testing::texts_of(harness.process<TokenExtractor>(text, {{"split_clitics", true}}),
                                 "token");
}

}  // namespace

TEST_CASE("the article and the prepositions before it", "[clitics]") {
  check({
      {"الحكومة", "ال", "حكومة"},
      {"والحكومة", "و+ال", "حكومة"},
      {"فالحكومة", "ف+ال", "حكومة"},
      {"بالقاهرة", "ب+ال", "قاهرة"},
      {"كالعادة", "ك+ال", "عادة"},
      {"للسلطة", "ل+ال", "سلطة"},
      {"وللمرة", "و+ل+ال", "مرة"},
      {"وبالتالي", "و+ب+ال", "تالي"},
      {"الألمانية", "ال", "ألمانية"},
      {"وَالحُكُومَة", "و+ال", "حُكُومَة"},
      {"الـحكومة", "ال", "حكومة"},
  });
}

TEST_CASE("conjunctions and prepositions without the article", "[clitics]") {
  check({
      {"وقال", "و", "قال"},
      {"وأضاف", "و", "أضاف"},
      {"وقتل", "و", "قتل"},
      {"ولكن", "و", "لكن"},
      {"وفي", "و", "في"},
      {"وهو", "و", "هو"},
      {"فإن", "ف", "إن"},
      {"فقد", "ف", "قد"},
      {"بها", "ب", "ها"},
      {"لهم", "ل", "هم"},
      {"وبها", "و+ب", "ها"},
      {"بشكل", "ب", "شكل"},
      {"بأن", "ب", "أن"},
      {"لذلك", "ل", "ذلك"},
  });
}

TEST_CASE("words that only look prefixed are left whole", "[clitics][exceptions]") {
  check({
      {"وزير", "", "وزير"},
      {"وزارة", "", "وزارة"},
      {"وضعت", "", "وضعت"},
      {"وجهها", "", "وجهها"},
      {"واشنطن", "", "واشنطن"},
      {"والي", "", "والي"},  // governor; and folded وإلى, which it cannot be told from
      {"فرنسا", "", "فرنسا"},
      {"فقط", "", "فقط"},
      {"بريطانيا", "", "بريطانيا"},
      {"بين", "", "بين"},
      {"لبنان", "", "لبنان"},
      {"كتاب", "", "كتاب"},
      {"كانت", "", "كانت"},
      {"ولد", "", "ولد"},
      {"الذي", "", "الذي"},
      {"التي", "", "التي"},
      {"الله", "", "الله"},
      {"لله", "", "لله"},
      {"ألمانيا", "", "ألمانيا"},
      {"المانيا", "", "المانيا"},
      {"إلى", "", "إلى"},
      {"آلاف", "", "آلاف"},
      {"التزام", "", "التزام"},
      {"بالغة", "", "بالغة"},
      {"فالح", "", "فالح"},
  });
}

TEST_CASE("a prefix may stay when the rest is an exception", "[clitics][exceptions]") {
  check({
      {"والتي", "و", "التي"},
      {"بالله", "ب", "الله"},
      {"للذين", "ل", "لذين"},
      {"وإليه", "و", "إليه"},
      {"والتزام", "و", "التزام"},
  });
}

TEST_CASE("no stem shorter than two letters", "[clitics]") {
  check({
      {"الف", "", "الف"},
      {"اله", "", "اله"},
      {"وله", "و", "له"},
      {"بال", "", "بال"},
      {"لي", "", "لي"},
  });
}

TEST_CASE("clitics never change token boundaries", "[clitics]") {
  const std::string text = "وقال الرئيس للصحافيين بالقاهرة: «والحكومة مستعدة»، وأضاف 2014.";
  nahr::testing::Harness harness;
  const auto plain = nahr::testing::texts_of(harness.process<TokenExtractor>(text), "token");
  const auto with =
      nahr::testing::texts_of(harness.process<TokenExtractor>(text, {{"clitics", true}}), "token");
  CHECK(plain == with);
  // Only Arabic words get the attributes.
  const auto doc = harness.process<TokenExtractor>("AFP 2014 قال", {{"clitics", true}});
  const auto tokens = nahr::testing::annotations_of(doc, "token");
  REQUIRE(tokens.size() == 3);
  CHECK(tokens[0]->attributes.size() == 1);
  CHECK(tokens[1]->attributes.size() == 1);
  CHECK(tokens[2]->attributes.size() == 3);
}

TEST_CASE("split_clitics emits conjunctions and prepositions as tokens", "[clitics][split]") {
  CHECK(split("وللمرة الأولى") == std::vector<std::string>{"و", "ل", "لمرة", "الأولى"});
  CHECK(split("والحكومة بها") == std::vector<std::string>{"و", "الحكومة", "ب", "ها"});
  CHECK(split("وَقَالَ وزير") == std::vector<std::string>{"وَ", "قَالَ", "وزير"});
  CHECK(split("AFP، 2014") == std::vector<std::string>{"AFP", "،", "2014"});
}
