// Table-driven tests of every rule and option value of normalise-arabic.
// Every row is also checked for idempotence: normalising the expected output
// again must leave it unchanged.
#include <catch2/catch.hpp>
#include <nahr/testing.hpp>
#include <nahr/text/utf8.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "../normaliser.hpp"

namespace {

using nahr::testing::OptionMap;
using normalise_arabic::ArabicNormaliser;

struct Row {
  std::string_view why;
  std::string input;
  OptionMap options;
  std::string expected;
};

nahr::model::Document run(std::string_view text, const OptionMap& options = {}) {
  nahr::testing::Harness harness;
  return harness.process<ArabicNormaliser>(text, options);
}

std::string normalise(std::string_view text, const OptionMap& options = {}) {
  return run(text, options).text();
}

void check(const std::vector<Row>& rows) {
  for (const Row& row : rows) {
    INFO(row.why);
    INFO("input: " << row.input);
    CHECK(normalise(row.input, row.options) == row.expected);
    CHECK(normalise(row.expected, row.options) == row.expected);
  }
}

const OptionMap kNewswire{};
const OptionMap kSearch{{"preset", std::string("search")}};
const OptionMap kMinimal{{"preset", std::string("minimal")}};

OptionMap with(std::initializer_list<std::pair<const std::string, nahr::testing::Value>> values) {
  return OptionMap(values);
}

// The original bytes behind current-text span [begin, end).
std::string_view original_of(const nahr::model::Document& doc, std::size_t begin, std::size_t end) {
  const nahr::model::Annotation span{"word", begin, end, {}, {}};
  return nahr::testing::original_text_of(doc, span);
}

}  // namespace

TEST_CASE("alef forms become bare alef", "[rules]") {
  check({
      {"newswire", "أحمد إبراهيم آمال ٱلرحمن", kNewswire, "احمد ابراهيم امال الرحمن"},
      {"search", "أحمد إبراهيم آمال", kSearch, "احمد ابراهيم امال"},
      {"minimal keeps them", "أحمد إبراهيم آمال ٱلرحمن", kMinimal, "أحمد إبراهيم آمال ٱلرحمن"},
      {"explicit off overrides newswire", "أحمد إبراهيم", with({{"alef", std::string("off")}}),
       "أحمد إبراهيم"},
      {"explicit on overrides minimal", "أحمد",
       with({{"preset", std::string("minimal")}, {"alef", std::string("on")}}), "احمد"},
  });
}

TEST_CASE("alef maksura becomes yeh", "[rules]") {
  check({
      {"newswire", "مصطفى إلى", kNewswire, "مصطفي الي"},
      {"search", "مصطفى", kSearch, "مصطفي"},
      {"minimal", "مصطفى إلى", kMinimal, "مصطفى إلى"},
      {"off", "مصطفى إلى", with({{"alef_maksura", std::string("off")}}), "مصطفى الى"},
  });
}

TEST_CASE("teh marbuta becomes heh only where asked", "[rules]") {
  check({
      {"newswire keeps it", "المدرسة الجديدة", kNewswire, "المدرسة الجديدة"},
      {"search", "المدرسة الجديدة", kSearch, "المدرسه الجديده"},
      {"minimal", "المدرسة", kMinimal, "المدرسة"},
      {"on over newswire", "المدرسة", with({{"teh_marbuta", std::string("on")}}), "المدرسه"},
      {"off over search", "المدرسة",
       with({{"preset", std::string("search")}, {"teh_marbuta", std::string("off")}}), "المدرسة"},
  });
}

TEST_CASE("hamza seats follow the hamza option", "[rules]") {
  check({
      {"newswire keeps seats", "المؤتمر الرئيسي", kNewswire, "المؤتمر الرئيسي"},
      {"search: tasheel", "المؤتمر الرئيسي", kSearch, "الموتمر الرييسي"},
      {"tasheel over newswire", "سئل عن المؤتمر", with({{"hamza", std::string("tasheel")}}),
       "سيل عن الموتمر"},
      {"off over search", "المؤتمر",
       with({{"preset", std::string("search")}, {"hamza", std::string("off")}}), "المؤتمر"},
      {"standalone hamza stays", "سماء وشيء", kSearch, "سماء وشيء"},
  });
}

TEST_CASE("tashkeel is removed and shadda can stay", "[rules]") {
  check({
      {"newswire", "مُحَمَّدٌ رَسُولٌ", kNewswire, "محمد رسول"},
      {"tanween and sukun", "كتابًا مِنْ عِنْدِهِ", kNewswire, "كتابا من عنده"},
      {"search", "مُحَمَّدٌ", kSearch, "محمد"},
      {"minimal removes tashkeel too", "مُحَمَّدٌ", kMinimal, "محمد"},
      {"keep_shadda", "مُحَمَّدٌ المتّحدة", with({{"keep_shadda", true}}), "محمّد المتّحدة"},
      {"keep_shadda with search", "يتوصَّل",
       with({{"preset", std::string("search")}, {"keep_shadda", true}}), "يتوصّل"},
      {"off", "مُحَمَّدٌ", with({{"tashkeel", std::string("off")}}), "مُحَمَّدٌ"},
      {"a mark at the start of a line", "ُقال\nَثم", kNewswire, "قال\nثم"},
  });
}

TEST_CASE("superscript alef is removed", "[rules]") {
  check({
      {"newswire", "هٰذا الرحمٰن", kNewswire, "هذا الرحمن"},
      {"minimal", "هٰذا", kMinimal, "هذا"},
      {"off", "هٰذا", with({{"superscript_alef", std::string("off")}}), "هٰذا"},
  });
}

TEST_CASE("Quranic marks are removed", "[rules]") {
  check({
      {"sallallahou mark U+0610", "محمدؐ قال", kNewswire, "محمد قال"},
      {"small high ligature after a space, space collapsed", "لا ريب ۛ فيه", kNewswire,
       "لا ريب فيه"},
      {"end of ayah U+06DD is a character of its own", "الآية ۝ التالية", kSearch,
       "الايه التاليه"},
      {"minimal", "محمدؐ", kMinimal, "محمد"},
      {"off", "محمدؐ", with({{"quranic_marks", std::string("off")}}), "محمدؐ"},
  });
}

TEST_CASE("tatweel is removed", "[rules]") {
  check({
      {"stretched word", "الـــرئيس", kNewswire, "الرئيس"},
      {"article before digits", "الـ2014", kNewswire, "ال2014"},
      {"article before Arabic-Indic digits", "الـ٢٠١٤", kNewswire, "ال2014"},
      {"minimal", "الـــرئيس", kMinimal, "الرئيس"},
      {"off", "الـــرئيس", with({{"tatweel", std::string("off")}}), "الـــرئيس"},
  });
}

TEST_CASE("presentation forms become letters without NFKC", "[rules]") {
  check({
      {"lam-alef ligature", "ﻻ", kNewswire, "لا"},
      {"allah ligature", "ﷲ", kNewswire, "الله"},
      {"positional forms", "ﻭﺯﻳﺮ ﺍﻟﺘﺮﺑﻴﺔ", kNewswire, "وزير التربية"},
      {"lam-alef with hamza, alef rule applied to the expansion", "اﻷحمر", kNewswire, "الاحمر"},
      {"lam-alef with hamza under minimal", "اﻷحمر", kMinimal, "الأحمر"},
      {"rial sign, Persian yeh mapped", "147 ﷼", kNewswire, "147 ريال"},
      {"rial sign under minimal keeps Persian yeh", "147 ﷼", kMinimal, "147 ریال"},
      {"sallallahou ligature, alef maksura mapped", "ﷺ", kNewswire, "صلي الله عليه وسلم"},
      {"isolated fathatan: NFKC's space, then collapsed", "قال ﹰ ثم", kNewswire, "قال ثم"},
      {"isolated fathatan without whitespace collapsing", "قال ﹰ ثم", kMinimal, "قال   ثم"},
      {"tatweel with fathatan: nothing left", "كتابﹱ", kNewswire, "كتاب"},
      {"ornate parentheses have no NFKC form", "﴿آية﴾", kMinimal, "﴿آية﴾"},
      {"off", "ﻻ ﷲ", with({{"presentation_forms", std::string("off")}}), "ﻻ ﷲ"},
  });
}

TEST_CASE("digits to ASCII or to Arabic-Indic with their separators", "[rules]") {
  check({
      {"Arabic-Indic to ASCII", "عام ٢٠١٥", kNewswire, "عام 2015"},
      {"Persian to ASCII", "سال ۱۳۹۴", kNewswire, "سال 1394"},
      {"decimal separator between digits", "٣٫٥ مليون", kNewswire, "3.5 مليون"},
      {"thousands separator between digits", "١٬٥٠٠ ريال", kNewswire, "1,500 ريال"},
      {"both separators", "١٬٢٣٤٫٥", kSearch, "1,234.5"},
      {"ASCII digits with an Arabic separator", "1٫6 مليون", kNewswire, "1.6 مليون"},
      {"ASCII comma untouched", "1,500 و3.5", kNewswire, "1,500 و3.5"},
      {"separator not between digits stays", "٫ وحده و٣٫ ٥", kNewswire, "٫ وحده و3٫ 5"},
      {"separator between digits once tatweel is gone", "٣ـ٫ـ٥", kNewswire, "3.5"},
      {"arabic: ASCII and Persian to Arabic-Indic", "عام 2015 و۱۳۹۴",
       with({{"digits", std::string("arabic")}}), "عام ٢٠١٥ و١٣٩٤"},
      {"arabic keeps the Arabic separators", "٣٫٥ و١٬٥٠٠",
       with({{"digits", std::string("arabic")}}), "٣٫٥ و١٬٥٠٠"},
      {"arabic leaves ASCII separators", "3.5", with({{"digits", std::string("arabic")}}), "٣.٥"},
      {"minimal keeps digits", "٢٠١٥ و۱۳۹۴ و٣٫٥", kMinimal, "٢٠١٥ و۱۳۹۴ و٣٫٥"},
      {"keep over newswire", "٢٠١٥", with({{"digits", std::string("keep")}}), "٢٠١٥"},
  });
}

TEST_CASE("Persian letters become Arabic ones", "[rules]") {
  check({
      {"keheh and Farsi yeh (to yeh, not alef maksura)", "کتاب علی", kNewswire, "كتاب علي"},
      {"heh forms", "خانۀ ہ ە", kSearch, "خانه ه ه"},
      {"minimal", "کتاب علی", kMinimal, "کتاب علی"},
      {"off", "کتاب علی", with({{"persian_letters", std::string("off")}}), "کتاب علی"},
      {"gaf is not in the set", "گفت", kSearch, "گفت"},
  });
}

TEST_CASE("punctuation to ASCII or kept", "[rules]") {
  check({
      {"search", "قال، ثم؛ لماذا؟ «نعم» “لا” ٥٠٪", kSearch, "قال, ثم; لماذا? \"نعم\" \"لا\" 50%"},
      {"newswire keeps it", "قال، ثم؛ لماذا؟ «نعم» “لا” ٥٠٪", kNewswire,
       "قال، ثم؛ لماذا؟ «نعم» “لا” 50٪"},
      {"ascii over newswire", "لماذا؟", with({{"punctuation", std::string("ascii")}}), "لماذا?"},
      {"minimal", "لماذا؟", kMinimal, "لماذا؟"},
  });
}

TEST_CASE("bidi and zero-width controls removed or turned into spaces", "[rules]") {
  const OptionMap space = with({{"controls", std::string("space")}});
  check({
      {"remove: override between two words", "في\u202Eالكثير", kNewswire, "فيالكثير"},
      {"remove: RLM inside a number", "5.\u200F26 في المئة", kNewswire, "5.26 في المئة"},
      {"remove: every kind",
       "أ\u200Bب\u200Cت\u200Dث\u200Eج\u200Fح\u202Aخ\u202Bد\u202Cذ\u202Dر\u202Eز"
       "\u2066س\u2067ش\u2068ص\u2069ض\u061Cط\u2060ظ\uFEFFع",
       kNewswire, "ابتثجحخدذرزسشصضطظع"},
      {"space: between two words", "في\u202Eالكثير", space, "في الكثير"},
      {"space: zero-width space between words", "قال\u200Bالرئيس", space, "قال الرئيس"},
      {"space: a run of controls gives one space", "تبوك\u200E\u200Fصدر", space, "تبوك صدر"},
      {"space: ZWNJ inside a word is removed", "ا\u200Cلالكترونية", space, "الالكترونية"},
      {"space: next to a space it is removed", "كلمة \u200F ثانية", space, "كلمة ثانية"},
      {"space: before punctuation it is removed", "قال\u200F: نعم", space, "قال: نعم"},
      {"space: between digits and punctuation", "5.\u200F26", space, "5.26"},
      {"space: byte order mark at the start", "\uFEFFخبر", space, "خبر"},
      {"keep (minimal)", "في\u202Eالكثير\u200Cو", kMinimal, "في\u202Eالكثير\u200Cو"},
      {"keep over newswire", "في\u202Eالكثير", with({{"controls", std::string("keep")}}),
       "في\u202Eالكثير"},
  });
}

TEST_CASE("whitespace runs collapse and newlines stay", "[rules]") {
  check({
      {"no-break spaces and a space", "قال\u00A0\u00A0 الرئيس", kNewswire, "قال الرئيس"},
      {"a single no-break space", "تراب\u00A0الوطن", kNewswire, "تراب الوطن"},
      {"narrow no-break and figure spaces", "العنزي\u202Fوقادة\u2007و", kNewswire,
       "العنزي وقادة و"},
      {"tabs", "قال\t\tالرئيس\tأمس", kNewswire, "قال الرئيس امس"},
      {"paragraphs are kept", "فقرة جديدة\n\nفقرة ثانية", kNewswire, "فقرة جديدة\n\nفقرة ثانية"},
      {"spaces around newlines collapse but do not join lines", "سطر  \n\n  سطر", kNewswire,
       "سطر \n\n سطر"},
      {"a removed control between spaces", "قال \u200F الرئيس", kNewswire, "قال الرئيس"},
      {"a removed tatweel between spaces", "قال ـ الرئيس", kNewswire, "قال الرئيس"},
      {"leading spaces become one", "  \u00A0قال", kNewswire, " قال"},
      {"minimal keeps them", "قال\u00A0\u00A0 الرئيس\t", kMinimal, "قال\u00A0\u00A0 الرئيس\t"},
      {"off over newswire", "قال  الرئيس", with({{"whitespace", std::string("off")}}),
       "قال  الرئيس"},
  });
}

TEST_CASE("decomposed hamza and madda follow the precomposed letters", "[rules]") {
  check({
      {"alef + hamza above", "ا\u0654حمد", kNewswire, "احمد"},
      {"alef + hamza below", "ا\u0655براهيم", kNewswire, "ابراهيم"},
      {"alef + madda", "ا\u0653مال", kNewswire, "امال"},
      {"alef + fatha + hamza (NFD order)", "ا\u064E\u0654", kNewswire, "ا"},
      {"kept under minimal", "ا\u0654حمد", kMinimal, "ا\u0654حمد"},
      {"waw + hamza under search", "مو\u0654تمر", kSearch, "موتمر"},
      {"waw + hamza kept by newswire", "مو\u0654تمر", kNewswire, "مو\u0654تمر"},
      {"presentation alef + hamza", "ﺍ\u0654", kNewswire, "ا"},
      {"hamza above on another letter stays", "ب\u0654", kSearch, "ب\u0654"},
  });
}

TEST_CASE("the three presets on one wire sentence", "[presets]") {
  const std::string sentence =
      "قالَ الرئيسُ\u00A0المصري، إنّ ٣٫٥٪ من الـمؤسسات «کبیرة» ﻻ تعمل\u200F حتى الآن";
  check({
      {"newswire", sentence, kNewswire,
       "قال الرئيس المصري، ان 3.5٪ من المؤسسات «كبيرة» لا تعمل حتي الان"},
      {"search", sentence, kSearch,
       "قال الرييس المصري, ان 3.5% من الموسسات \"كبيره\" لا تعمل حتي الان"},
      {"minimal", sentence, kMinimal,
       "قال الرئيس\u00A0المصري، إن ٣٫٥٪ من المؤسسات «کبیرة» لا تعمل\u200F حتى الآن"},
  });
}

TEST_CASE("bad option values are refused", "[options]") {
  CHECK_THROWS_AS(normalise("x", with({{"preset", std::string("aggressive")}})), nahr::FatalError);
  CHECK_THROWS_AS(normalise("x", with({{"alef", std::string("yes")}})), nahr::FatalError);
  CHECK_THROWS_AS(normalise("x", with({{"digits", std::string("roman")}})), nahr::FatalError);
}

TEST_CASE("the schema offers preset plus one choice option per rule", "[options]") {
  for (const nahr::OptionSpec& spec : ArabicNormaliser::schema()) {
    INFO(spec.name);
    if (spec.name == "keep_shadda") {
      CHECK(spec.type == NAHR_OPTION_BOOL);
    } else if (spec.name == "preset") {
      CHECK(*spec.default_toml == "\"newswire\"");
    } else {
      CHECK(*spec.default_toml == "\"preset\"");
      CHECK(spec.choices.front() == "preset");
    }
  }
}

TEST_CASE("empty and unchanged documents are not rewritten", "[documents]") {
  const nahr::model::Document empty = run("");
  CHECK(empty.text().empty());
  CHECK_FALSE(empty.rewritten());

  const nahr::model::Document plain = run("قال الرئيس المصري ان 3.5 مليون\nشخص");
  CHECK_FALSE(plain.rewritten());
}

TEST_CASE("invalid UTF-8 passes through untouched", "[documents]") {
  check({
      {"lone lead byte", std::string("قال \xD8"), kNewswire, std::string("قال \xD8")},
      {"overlong zero is not a digit", std::string("\xC0\xB0"),
       with({{"digits", std::string("arabic")}}), std::string("\xC0\xB0")},
      {"invalid byte after a changed letter", std::string("أ\xFF"), kNewswire,
       std::string("ا\xFF")},
      {"truncated presentation form", std::string("\xEF\xBB"), kNewswire, std::string("\xEF\xBB")},
      {"mark after an invalid byte", std::string("\xFF\u064E"), kNewswire, std::string("\xFF")},
  });
}

TEST_CASE("a 1 MB document", "[documents]") {
  const std::string paragraph =
      "الـــرَّئِيسُ ﻻ يَعْلَمُ أنّ ٣٫٥٪ من «المؤسسات»\u00A0\u00A0تعمل\u200F في عام ٢٠١٥.\n";
  const std::string normalised = "الرئيس لا يعلم ان 3.5٪ من «المؤسسات» تعمل في عام 2015.\n";
  std::string input, expected;
  while (input.size() < (1u << 20)) {
    input += paragraph;
    expected += normalised;
  }
  const nahr::model::Document doc = run(input);
  REQUIRE(doc.text() == expected);
  // Alignment memory grows with the changes, never with the text.
  const std::size_t paragraphs = input.size() / paragraph.size();
  CHECK(doc.alignment().regions().size() ==
        paragraphs * run(paragraph).alignment().regions().size());
  CHECK(run(expected).alignment().identity());
  // The last word still leads back to its own bytes.
  const std::size_t last = doc.text().rfind("2015");
  CHECK(original_of(doc, last, last + 4) == "٢٠١٥");
  CHECK(normalise(expected) == expected);
}

TEST_CASE("long runs of context stay linear", "[documents]") {
  // Each of these would take minutes if every character rescanned the run.
  const auto repeat = [](std::string_view piece, std::size_t n) {
    std::string out;
    for (std::size_t k = 0; k < n; ++k) out += piece;
    return out;
  };
  const std::size_t n = 200000;
  CHECK(normalise("ب" + repeat("\u200F", n) + "ت", with({{"controls", std::string("space")}})) ==
        "ب ت");
  CHECK(normalise("ا" + repeat("\u0654", n)) == "ا");
  CHECK(normalise("٣٫" + repeat("ـ", n) + "٥") == "3.5");
}

TEST_CASE("original offsets slice exactly the bytes a word came from", "[alignment]") {
  const std::string input = "الـــرَّئِيسُ ﻻ يَعْلَمُ ﷲ\u00A0\u00A0أكبر";
  const nahr::model::Document doc = run(input);
  REQUIRE(doc.text() == "الرئيس لا يعلم الله اكبر");
  REQUIRE(doc.original_text() == input);

  const auto original_of_word = [&](std::string_view word) {
    const std::size_t at = doc.text().find(word);
    REQUIRE(at != std::string::npos);
    return original_of(doc, at, at + word.size());
  };
  // A word takes along its removed marks and the tatweel inside it.
  CHECK(original_of_word("الرئيس") == "الـــرَّئِيسُ");
  CHECK(original_of_word("يعلم") == "يَعْلَمُ");
  // Part of a word: text deleted at a span's end belongs to the span, at its
  // begin to the span before (the SDK's rule), so the article takes the
  // tatweel and the rest starts at its first letter.
  CHECK(original_of(doc, 0, 4) == "الـــ");
  CHECK(original_of(doc, 4, 12) == "رَّئِيسُ");
  // Ligatures map back to the one character they came from.
  CHECK(original_of_word("لا") == "ﻻ");
  CHECK(original_of_word("الله") == "ﷲ");
  CHECK(original_of_word("اكبر") == "أكبر");
  // The collapsed space between them covers both no-break spaces.
  const std::size_t space = doc.text().find(" اكبر");
  CHECK(original_of(doc, space, space + 1) == "\u00A0\u00A0");
}

TEST_CASE("alignment survives a later stage's edits", "[alignment]") {
  nahr::testing::Harness harness;
  nahr::model::Document doc;
  doc.set_text("قالَ الـرَّئِيسُ");
  harness.process<ArabicNormaliser>(doc, kMinimal);
  harness.process<ArabicNormaliser>(doc, kSearch);
  REQUIRE(doc.text() == "قال الرييس");
  CHECK(original_of(doc, 7, 19) == "الـرَّئِيسُ");
}

TEST_CASE("every character at every place in a chunk: the vector pass misses nothing",
          "[documents]") {
  // A text under 17 bytes is too short for the vector pre-pass, so the scan
  // alone decides it. The same text inside long runs of letters no rule
  // touches (which nothing in it interacts with, since it starts and ends
  // with a letter or digit) must come out the same, wherever in a chunk
  // the character falls.
  const std::vector<std::pair<std::string, std::string>> contexts = {
      {"ب", "ب"}, {"ب ", " ب"}, {"1", "2"}, {"ب", " ب"}};
  const std::string letters = "بتثجحخدذرزسشصضطظعغفقكلمن";
  nahr::testing::Harness harness;
  for (const OptionMap& options : {kNewswire, kSearch, kMinimal}) {
    // One stage per preset, as a run has: its tables are built once.
    nahr::testing::Harness::Instance<ArabicNormaliser> stage(options);
    const auto normalise_with = [&](const std::string& text) {
      nahr::model::Document doc;
      doc.set_text(text);
      harness.run(*stage, doc);
      return std::string(doc.text());
    };
    for (char32_t c = 1; c <= 0x06FF; c = c == 0x7F ? 0x0600 : c + 1) {
      std::string character;
      nahr::utf8::append(character, c);
      for (const auto& [left, right] : contexts) {
        const std::string alone = normalise_with(left + character + right);
        for (std::size_t pad = 0; pad < 16; pad += 2) {
          INFO("U+" << std::hex << static_cast<std::uint32_t>(c) << std::dec << " after " << pad);
          const std::string before = letters.substr(0, pad) + letters;
          CHECK(normalise_with(before + left + character + right + letters) ==
                before + alone + letters);
        }
      }
    }
  }
}
