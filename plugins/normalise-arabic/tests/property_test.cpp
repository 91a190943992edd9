// Properties of normalise-arabic on random text built from the pieces wire
// copy is made of, mixed far more densely than real text mixes them: every
// rule next to every other, at the start and end of the text, beside
// newlines and broken bytes.
#include <algorithm>
#include <catch2/catch.hpp>
#include <nahr/testing.hpp>
#include <random>
#include <string>
#include <string_view>
#include <vector>

#include "../normaliser.hpp"
#include "word_alignment.hpp"

namespace {

using nahr::testing::OptionMap;
using normalise_arabic::ArabicNormaliser;

const std::vector<std::string_view> kPieces = {
    "ب",      "ك",      "ل",      "ا",      "و",      "ي",      "ه",        "ة",        "أ",
    "إ",      "آ",      "ٱ",      "ى",      "ؤ",      "ئ",      "ء",        "\u064B",   "\u064E",
    "\u0650", "\u0651", "\u0652", "\u0653", "\u0654", "\u0655", "\u0670",   "\u0610",   "\u06D6",
    "\u06DD", "\u06DE", "ـ",      "ک",      "ی",      "ۀ",      "ہ",        "ە",        "گ",
    "٠",      "٣",      "٥",      "۴",      "0",      "7",      "٫",        "٬",        ".",
    ",",      "،",      "؛",      "؟",      "«",      "»",      "“",        "”",        "٪",
    " ",      " ",      " ",      "\t",     "\n",     "\n\n",   "\r\n",     "\u00A0",   "\u202F",
    "\u2007", "\u3000", "\u1680", "\u200B", "\u200C", "\u200D", "\u200E",   "\u200F",   "\u202B",
    "\u202C", "\u2066", "\u061C", "\u2060", "\uFEFF", "ﻻ",      "ﻷ",        "ﷲ",        "﷼",
    "ﷺ",      "ﹰ",      "ﹱ",      "ﺍ",      "ﻭ",      "ﺔ",      "ﱞ",        "﴾",        "a",
    "Z",      "-",      "&",      "é",      "\xD8",   "\xFF",   "\xC0\xB0", "\xE2\x80",
};

std::string random_text(std::mt19937& rng) {
  std::uniform_int_distribution<std::size_t> length(0, 40), piece(0, kPieces.size() - 1);
  std::string text;
  for (std::size_t k = length(rng); k > 0; --k) text += kPieces[piece(rng)];
  return text;
}

struct Configuration {
  OptionMap options;
  bool collapses_whitespace;
};

std::vector<Configuration> configurations() {
  const auto s = [](const char* v) { return std::string(v); };
  return {
      {{}, true},
      {{{"preset", s("search")}}, true},
      {{{"preset", s("minimal")}}, false},
      {{{"controls", s("space")}, {"keep_shadda", true}}, true},
      {{{"preset", s("search")}, {"digits", s("arabic")}, {"controls", s("space")}}, true},
      {{{"preset", s("minimal")}, {"whitespace", s("on")}, {"controls", s("space")}}, true},
      {{{"tashkeel", s("off")}, {"presentation_forms", s("off")}}, true},
  };
}

}  // namespace

TEST_CASE("random wire-like text: idempotent and every word aligned", "[property]") {
  nahr::testing::Harness harness;
  std::mt19937 rng(20150721);
  for (const Configuration& configuration : configurations()) {
    nahr::testing::Harness::Instance<ArabicNormaliser> stage(configuration.options);
    for (int round = 0; round < 3000; ++round) {
      const std::string text = random_text(rng);
      INFO("input: " << text);
      nahr::model::Document once;
      once.set_text(text);
      REQUIRE_NOTHROW(harness.run(*stage, once));
      REQUIRE(once.original_text() == text);

      nahr::model::Document twice;
      twice.set_text(once.text());
      harness.run(*stage, twice);
      REQUIRE(twice.text() == once.text());

      if (configuration.collapses_whitespace) {
        CHECK(once.text().find("  ") == std::string::npos);
        CHECK(once.text().find('\t') == std::string::npos);
        CHECK(once.text().find("\u00A0") == std::string::npos);
      }

      normalise_arabic::testing::WordCheck check;
      normalise_arabic::testing::check_words(harness, *stage, once, check);
      CHECK(check.failures == std::vector<std::string>{});
    }
  }
}
