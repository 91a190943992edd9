// Table-driven tests of every token rule on Arabic written for these tests,
// plus empty and huge documents, mixed scripts and emoji, broken UTF-8, raw
// against normalised text, and invariants over the small corpus.
#include "../token_extractor.hpp"

#include <nahr/testing.hpp>

#include <catch2/catch.hpp>
#include <simdjson.h>

#include <fstream>
#include <string>
#include <string_view>
#include <vector>

namespace {

using extract_tokens::TokenExtractor;
using nahr::testing::OptionMap;
using Tokens = std::vector<std::string>;  // "text|kind"

struct Row {
  std::string_view why;
  std::string input;
  Tokens expected;
};

nahr::model::Document run(std::string_view text, const OptionMap& options = {}) {
  nahr::testing::Harness harness;
  return harness.process<TokenExtractor>(text, options);
}

Tokens tokens_of(std::string_view text, const OptionMap& options = {}) {
  const auto doc = run(text, options);
  Tokens out;
  for (const auto* a : nahr::testing::annotations_of(doc, "token")) {
    out.push_back(std::string(nahr::testing::covered_text(doc, *a)) + "|" +
                  nahr::testing::attribute_of(*a, "kind"));
  }
  return out;
}

void check(const std::vector<Row>& rows) {
  for (const Row& row : rows) {
    INFO(row.why);
    INFO("input: " << row.input);
    CHECK(tokens_of(row.input) == row.expected);
  }
}

}  // namespace

TEST_CASE("words and punctuation", "[rules]") {
  check({
      {"a plain sentence", "قال الوزير، إن الوضع صعب.",
       {"قال|word", "الوزير|word", "،|punct", "إن|word", "الوضع|word", "صعب|word", ".|punct"}},
      {"tashkeel stays in the word", "وَقَالَ الرَّئِيسُ",
       {"وَقَالَ|word", "الرَّئِيسُ|word"}},
      {"tatweel stays in the word", "الـــرئيس الجديد", {"الـــرئيس|word", "الجديد|word"}},
      {"tatweel as a dash", "أعلن الإحصاءـ ـوبالتالي",
       {"أعلن|word", "الإحصاء|word", "ـ|punct", "ـ|punct", "وبالتالي|word"}},
      {"tatweel of an abbreviation or an article stays", "عام 1440 هـ والـ",
       {"عام|word", "1440|number", "هـ|word", "والـ|word"}},
      {"zero-width non-joiner inside a word", "می\u200cخواهم", {"می\u200cخواهم|word"}},
      {"bidi marks are not tokens", "\u200fقال\u200f \u202bالوزير\u202c", {"قال|word", "الوزير|word"}},
      {"one token per mark", "(أ ف ب) - «نعم»؛ “لا”",
       {"(|punct", "أ|word", "ف|word", "ب|word", ")|punct", "-|punct", "«|punct", "نعم|word",
        "»|punct", "؛|punct", "“|punct", "لا|word", "”|punct"}},
      {"an ellipsis is one token", "انتظر... ثم… وصل", {"انتظر|word", "...|punct", "ثم|word", "…|punct", "وصل|word"}},
      {"a question and an exclamation mark are two", "حقا؟!", {"حقا|word", "؟|punct", "!|punct"}},
      {"a dotted agency credit is one word", "لمراسل أ.ف.ب في", {"لمراسل|word", "أ.ف.ب|word", "في|word"}},
      {"a dotted credit ending a sentence", "لوكالة أ.ف.ب.", {"لوكالة|word", "أ.ف.ب|word", ".|punct"}},
      {"Greek and Cyrillic are words", "Ελλάδα Россия", {"Ελλάδα|word", "Россия|word"}},
  });
}

TEST_CASE("numbers stay whole with their separators", "[rules][numbers]") {
  check({
      {"thousands separator", "نحو 1,500 شركة", {"نحو|word", "1,500|number", "شركة|word"}},
      {"decimal point", "بلغ 3.5 مليار", {"بلغ|word", "3.5|number", "مليار|word"}},
      {"decimal comma", "3,5 مليارات", {"3,5|number", "مليارات|word"}},
      {"Arabic-Indic digits with the Arabic decimal separator", "نحو ٣٫٥ أمتار",
       {"نحو|word", "٣٫٥|number", "أمتار|word"}},
      {"Arabic thousands separator", "١٬٥٠٠ أسرة", {"١٬٥٠٠|number", "أسرة|word"}},
      {"a date with slashes", "في 12/3/2019 صباحا", {"في|word", "12/3/2019|number", "صباحا|word"}},
      {"a time", "الساعة 10:30", {"الساعة|word", "10:30|number"}},
      {"percent", "أن 90% من", {"أن|word", "90%|number", "من|word"}},
      {"Arabic percent sign", "نحو ٩٠٪ من", {"نحو|word", "٩٠٪|number", "من|word"}},
      {"a number ending a sentence", "في العام 2014.", {"في|word", "العام|word", "2014|number", ".|punct"}},
      {"a number before a comma", "قتل 27، بينهم", {"قتل|word", "27|number", "،|punct", "بينهم|word"}},
      {"a range is two numbers", "2014-2015", {"2014|number", "-|punct", "2015|number"}},
      {"article then digits", "منذ الـ2014 وال2015",
       {"منذ|word", "الـ|word", "2014|number", "وال|word", "2015|number"}},
      {"digits then letters", "عام 2014م و10km", {"عام|word", "2014|number", "م|word", "و|word", "10|number", "km|latin"}},
      {"letters then digits", "كوفيد19", {"كوفيد|word", "19|number"}},
  });
}

TEST_CASE("Latin words", "[rules][latin]") {
  check({
      {"Latin inside Arabic", "وكالة AFP للأنباء", {"وكالة|word", "AFP|latin", "للأنباء|word"}},
      {"letters and digits", "قمة G20 وطائرات F-16", {"قمة|word", "G20|latin", "وطائرات|word", "F-16|latin"}},
      {"hyphenated and with apostrophes", "COVID-19 O'Neill", {"COVID-19|latin", "O'Neill|latin"}},
      {"dotted initials keep their full stop", "U.S. army", {"U.S.|latin", "army|latin"}},
      {"a bare domain", "موقع bbc.com.", {"موقع|word", "bbc.com|latin", ".|punct"}},
      {"accented letters", "Café Zürich", {"Café|latin", "Zürich|latin"}},
  });
}

TEST_CASE("URLs, e-mail addresses, hashtags and mentions", "[rules][web]") {
  check({
      {"an https URL before a full stop", "على https://www.example.com/news?id=12.",
       {"على|word", "https://www.example.com/news?id=12|url", ".|punct"}},
      {"a www URL before an Arabic comma", "www.example.org، وأضاف",
       {"www.example.org|url", "،|punct", "وأضاف|word"}},
      {"a URL in parentheses", "(http://example.org/a)", {"(|punct", "http://example.org/a|url", ")|punct"}},
      {"a URL with an Arabic path", "https://ar.wikipedia.org/wiki/مصر", {"https://ar.wikipedia.org/wiki/مصر|url"}},
      {"an e-mail address", "راسلونا على press.office@example.co.uk.",
       {"راسلونا|word", "على|word", "press.office@example.co.uk|email", ".|punct"}},
      {"not an address without a dotted domain", "user@localhost", {"user|latin", "@localhost|mention"}},
      {"an Arabic hashtag", "وسم #سوريا_الآن انتشر", {"وسم|word", "#سوريا_الآن|hashtag", "انتشر|word"}},
      {"a Latin hashtag", "#Syria2019", {"#Syria2019|hashtag"}},
      {"a hash before digits only", "#١", {"#|punct", "١|number"}},
      {"a mention", "غرد @AFP_ar أمس", {"غرد|word", "@AFP_ar|mention", "أمس|word"}},
      {"a lone at sign", "@ هنا", {"@|punct", "هنا|word"}},
  });
}

TEST_CASE("symbols and emoji", "[rules][symbols]") {
  check({
      {"currency and maths", "$5 و€10 +3 ﷼", {"$|symbol", "5|number", "و|word", "€|symbol", "10|number", "+|symbol", "3|number", "﷼|symbol"}},
      {"emoji with a skin tone", "أحسنت 👍🏽!", {"أحسنت|word", "👍🏽|symbol", "!|punct"}},
      {"a flag", "🇸🇦 السعودية", {"🇸🇦|symbol", "السعودية|word"}},
      {"a ZWJ family", "👨\u200d👩\u200d👧", {"👨\u200d👩\u200d👧|symbol"}},
      {"an emoji with a variation selector", "❤️ القدس", {"❤️|symbol", "القدس|word"}},
      {"a keycap", "1️⃣ أولا", {"1️⃣|number", "أولا|word"}},
      {"two emoji are two tokens", "🚀🚀", {"🚀|symbol", "🚀|symbol"}},
  });
}

TEST_CASE("empty and unfinished documents", "[edge]") {
  CHECK(run("").annotations.empty());
  CHECK(run(" \n\t\u00a0\u200f\n").annotations.empty());
  CHECK(tokens_of("وقال المصدر") == Tokens{"وقال|word", "المصدر|word"});
  CHECK(tokens_of("2014") == Tokens{"2014|number"});
  CHECK(tokens_of("www.") == Tokens{"www|latin", ".|punct"});
  CHECK(tokens_of("#") == Tokens{"#|punct"});
}

TEST_CASE("broken UTF-8 bytes separate tokens", "[edge]") {
  CHECK(tokens_of("قال\xff\xfeالوزير \xd8") == Tokens{"قال|word", "الوزير|word"});
}

TEST_CASE("mixed Arabic, Latin and emoji", "[edge]") {
  CHECK(tokens_of("أطلقت NASA صاروخ Falcon-9 🚀 بنجاح (@SpaceX)") ==
        Tokens{"أطلقت|word", "NASA|latin", "صاروخ|word", "Falcon-9|latin", "🚀|symbol",
               "بنجاح|word", "(|punct", "@SpaceX|mention", ")|punct"});
}

TEST_CASE("raw and normalised text give the same tokens", "[consistency]") {
  // As received, and as normalise-arabic's newswire preset leaves it.
  const std::string raw = "أكَّدَ الـــرئيسُ أنّ ٣٫٥ ملايين إلى ٩٠٪ في ١٢/٣/٢٠١٩، «انتهى!»";
  const std::string normalised = "اكد الرئيس ان 3.5 ملايين الي 90٪ في 12/3/2019، «انتهي!»";
  const Tokens a = tokens_of(raw);
  const Tokens b = tokens_of(normalised);
  REQUIRE(a.size() == 14);
  REQUIRE(a.size() == b.size());
  for (std::size_t i = 0; i < a.size(); ++i) {
    CHECK(a[i].substr(a[i].rfind('|')) == b[i].substr(b[i].rfind('|')));
  }
}

TEST_CASE("a one-megabyte document", "[edge][size]") {
  const std::string paragraph =
      "بيروت (أ ف ب) - قال د. سامر إن 3.5 ملايين شخص نزحوا منذ الـ2014 #سوريا 👍🏽 www.example.org.\n";
  const std::size_t per_paragraph = 23;
  REQUIRE(tokens_of(paragraph).size() == per_paragraph);
  std::string text;
  std::size_t paragraphs = 0;
  while (text.size() < (1u << 20)) {
    text += paragraph;
    ++paragraphs;
  }
  const auto doc = run(text, {{"clitics", true}});
  const auto tokens = nahr::testing::annotations_of(doc, "token");
  REQUIRE(tokens.size() == per_paragraph * paragraphs);
  CHECK(nahr::testing::covered_text(doc, *tokens.back()) == ".");
  CHECK(nahr::testing::covered_text(doc, *tokens[tokens.size() - 2]) == "www.example.org");
}

TEST_CASE("invariants over the small corpus", "[corpus]") {
  std::ifstream in(std::string(NAHR_SHARED_DIR) + "/corpus/corpus-small.jsonl", std::ios::binary);
  if (!in) {
    WARN("corpus-small.jsonl not found; skipped");
    return;
  }
  nahr::testing::Harness harness;
  nahr::testing::Harness::Instance<TokenExtractor> stage({{"clitics", true}});
  simdjson::ondemand::parser parser;
  std::size_t tokens = 0, bytes = 0;
  for (std::string line; std::getline(in, line);) {
    simdjson::padded_string json(line);
    simdjson::ondemand::document record = parser.iterate(json);
    nahr::model::Document doc;
    doc.set_text(std::string_view(record["text"].get_string()));
    harness.run(*stage, doc);
    const std::string_view text = doc.text();
    bytes += text.size();
    std::uint64_t previous_end = 0;
    for (const auto& a : doc.annotations) {
      REQUIRE(a.begin < a.end);
      REQUIRE(a.begin >= previous_end);
      // Between tokens there is only white space, controls, format marks
      // or broken bytes.
      const std::string_view gap = text.substr(previous_end, a.begin - previous_end);
      for (char c : gap) CHECK((static_cast<unsigned char>(c) <= 0x20 || static_cast<unsigned char>(c) >= 0x80));
      const std::string_view covered = text.substr(a.begin, a.end - a.begin);
      CHECK(covered.find(' ') == std::string_view::npos);
      CHECK(covered.find('\n') == std::string_view::npos);
      previous_end = a.end;
      ++tokens;
    }
  }
  // Arabic news prose: about ten UTF-8 bytes (five letters and a space)
  // per token.
  CHECK(tokens * 7 < bytes);
  CHECK(tokens * 13 > bytes);
}
