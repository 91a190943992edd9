// Runs the stage through nahr::testing::Harness: the same document model and
// host function table as `nahr run`, without the host or dlopen.
#include "../hashtag_extractor.hpp"

#include <nahr/testing.hpp>

#include <catch2/catch.hpp>

#include <cstdint>
#include <string>
#include <vector>

using hashtags::HashtagExtractor;
using nahr::testing::annotations_of;
using nahr::testing::attribute_of;
using nahr::testing::texts_of;
using Strings = std::vector<std::string>;

namespace {

nahr::model::Document extract(std::string_view text, const nahr::testing::OptionMap& options = {}) {
  nahr::testing::Harness harness;
  return harness.process<HashtagExtractor>(text, options);
}

Strings tags_of(const nahr::model::Document& doc, std::string_view type = "hashtag") {
  Strings tags;
  for (const nahr::model::Annotation* a : annotations_of(doc, type)) {
    tags.push_back(attribute_of(*a, "tag"));
  }
  return tags;
}

}  // namespace

TEST_CASE("Arabic hashtags are annotated with their tag") {
  const auto doc = extract("تصدّر وسم #سوريا المنصات بعد إعلان النتائج في #الانتخابات_العراقية");
  CHECK(texts_of(doc, "hashtag") == Strings{"#سوريا", "#الانتخابات_العراقية"});
  CHECK(tags_of(doc) == Strings{"سوريا", "الانتخابات_العراقية"});
  for (const nahr::model::Annotation* a : annotations_of(doc, "hashtag")) {
    CHECK(a->stage == "extract-hashtags");
  }
}

TEST_CASE("Latin and Arabic hashtags and digits mix in one text") {
  const auto doc = extract(
      "افتتاح #COP28 في دبي وسط دعوات #قمة_المناخ_2023 و #مصر٢٠٣٠ وقال المتحدث "
      "(AFP) إن #Climate_Action أولوية");
  CHECK(tags_of(doc) == Strings{"COP28", "قمة_المناخ_2023", "مصر٢٠٣٠", "Climate_Action"});
}

TEST_CASE("punctuation after a tag is not part of it") {
  const auto doc = extract("#سوريا، #لبنان؛ #مصر؟ (#الأردن) «#العراق» #COP28. #فلسطين!");
  CHECK(texts_of(doc, "hashtag") ==
        Strings{"#سوريا", "#لبنان", "#مصر", "#الأردن", "#العراق", "#COP28", "#فلسطين"});
}

TEST_CASE("diacritics and tatweel stay inside the tag") {
  const auto doc = extract("عاجل: #سُوريا و #مـصر");
  CHECK(tags_of(doc) == Strings{"سُوريا", "مـصر"});
}

TEST_CASE("min_length counts characters after the hash but not diacritics") {
  const std::string text = "#أ #ab #سُو #مصر #COP28";
  CHECK(tags_of(extract(text)) == Strings{"ab", "سُو", "مصر", "COP28"});
  CHECK(tags_of(extract(text, {{"min_length", std::int64_t{3}}})) == Strings{"مصر", "COP28"});
  CHECK(tags_of(extract(text, {{"min_length", std::int64_t{1}}})) ==
        Strings{"أ", "ab", "سُو", "مصر", "COP28"});
}

TEST_CASE("a hash inside a word or before digits alone is no hashtag") {
  const auto doc = extract("دمشق#بيروت وعنوان abc#def والبند #3 والرقم #٢٠٢٤ و #_ و # وحدها و ##");
  CHECK(annotations_of(doc, "hashtag").empty());
}

TEST_CASE("the type option renames the annotation") {
  const auto doc = extract("#سوريا #COP28", {{"type", "وسم"}});
  CHECK(annotations_of(doc, "hashtag").empty());
  CHECK(tags_of(doc, "وسم") == Strings{"سوريا", "COP28"});
}

TEST_CASE("options that cannot work stop the stage") {
  CHECK_THROWS_AS(extract("#سوريا", {{"min_length", std::int64_t{0}}}), nahr::FatalError);
  CHECK_THROWS_AS(extract("#سوريا", {{"type", ""}}), nahr::FatalError);
}

TEST_CASE("broken UTF-8 ends a tag and never joins one") {
  CHECK(tags_of(extract("#سوريا\xFF بعدها")) == Strings{"سوريا"});
  CHECK(tags_of(extract("#\xD8")).empty());              // truncated Arabic letter
  CHECK(tags_of(extract("#\xC1\x81\xC1\x82")).empty());  // overlong "AB"
  CHECK(tags_of(extract("\xD8#سوريا")) == Strings{"سوريا"});
}

TEST_CASE("empty and hashless documents get no annotation") {
  CHECK(extract("").annotations.empty());
  CHECK(extract("أعلنت الحكومة السورية اليوم عن خطة جديدة").annotations.empty());
  CHECK(extract("#").annotations.empty());
}

TEST_CASE("hashtags found in normalised text point back to the text as read") {
  // A normaliser before this stage dropped the damma of سُوريا.
  const std::string original = "تصدّر #سُوريا";
  const std::size_t damma = original.find("\u064F");
  nahr::model::Document doc;
  doc.set_text(original);
  nahr::TextRewriter rewriter(original);
  rewriter.erase(damma, damma + 2);
  REQUIRE(doc.rewrite(rewriter.text(), rewriter.edits()) == nullptr);

  nahr::testing::Harness().process<HashtagExtractor>(doc);
  const auto found = annotations_of(doc, "hashtag");
  REQUIRE(found.size() == 1);
  CHECK(nahr::testing::covered_text(doc, *found[0]) == "#سوريا");
  CHECK(nahr::testing::original_text_of(doc, *found[0]) == "#سُوريا");
}

TEST_CASE("a large document is scanned in one pass") {
  std::string text;
  const std::string item = "خبر عاجل من دمشق #سوريا، ";
  constexpr std::size_t repeats = 40'000;
  text.reserve(item.size() * repeats);
  for (std::size_t i = 0; i < repeats; ++i) text += item;
  const auto doc = extract(text);
  REQUIRE(doc.annotations.size() == repeats);
  CHECK(nahr::testing::covered_text(doc, doc.annotations.back()) == "#سوريا");
  CHECK(doc.annotations.back().end == text.size() - std::string("، ").size());
}
