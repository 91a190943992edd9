// normalise-arabic against ICU, the reference the issue names:
// - the generated presentation-form table against ICU's NFKC, form by form;
// - the newswire preset (Persian letters, punctuation and controls left
//   alone) after ICU NFKC against ICU's own `uconv -x '::NFKC; ...'` over
//   corpus-small.jsonl, where every difference must be one the README lists
//   under "Differences from the uconv reference".
#include <unicode/bytestream.h>
#include <unicode/normalizer2.h>

#include <catch2/catch.hpp>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <nahr/testing.hpp>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include "../normaliser.hpp"
#include "corpus.hpp"

namespace {

using nahr::testing::OptionMap;
using normalise_arabic::ArabicNormaliser;

std::string nfkc(std::string_view text) {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfkc = icu::Normalizer2::getNFKCInstance(status);
  std::string out;
  icu::StringByteSink<std::string> sink(&out);
  nfkc->normalizeUTF8(0, icu::StringPiece(text.data(), static_cast<int32_t>(text.size())), sink,
                      nullptr, status);
  REQUIRE(U_SUCCESS(status));
  return out;
}

std::string utf8(char32_t cp) {
  std::string out;
  nahr::utf8::append(out, cp);
  return out;
}

// The transliteration of the issue, verbatim.
constexpr const char* kUconvRules =
    "::NFKC; [\\u064B-\\u0652\\u0670\\u0640] > ; [\\u0623\\u0625\\u0622\\u0671] > \\u0627; "
    "\\u0649 > \\u064A; \\u0660>0; \\u0661>1; \\u0662>2; \\u0663>3; \\u0664>4; \\u0665>5; "
    "\\u0666>6; \\u0667>7; \\u0668>8; \\u0669>9;";

// Documents are separated by a line holding only U+001E (RECORD SEPARATOR),
// which no rule touches and the corpus never contains: uconv then runs once
// for the whole corpus.
constexpr std::string_view kSeparator = "\n\x1E\n";

bool uconv_available() { return std::system("uconv --version >/dev/null 2>&1") == 0; }

std::vector<std::string> run_uconv(const std::vector<std::string>& texts) {
  const auto dir = std::filesystem::temp_directory_path();
  const auto stem = "nahr-uconv-" + std::to_string(reinterpret_cast<std::uintptr_t>(&texts));
  const auto input = dir / (stem + ".in"), output = dir / (stem + ".out");
  {
    std::ofstream out(input, std::ios::binary);
    for (const std::string& text : texts) out << text << kSeparator;
  }
  const std::string command = "uconv -f utf-8 -t utf-8 -x '" + std::string(kUconvRules) + "' '" +
                              input.string() + "' > '" + output.string() + "'";
  REQUIRE(std::system(command.c_str()) == 0);
  std::stringstream all;
  all << std::ifstream(output, std::ios::binary).rdbuf();
  std::filesystem::remove(input);
  std::filesystem::remove(output);

  std::vector<std::string> results;
  const std::string bytes = all.str();
  std::size_t begin = 0;
  for (std::size_t end; (end = bytes.find(kSeparator, begin)) != std::string::npos;
       begin = end + kSeparator.size()) {
    results.push_back(bytes.substr(begin, end - begin));
  }
  return results;
}

// Each deliberate difference, as the edit that turns uconv's output into
// ours (the last only when whitespace collapsing is on). They are applied in this order, the order
// in which the one pass of normalise-arabic sees them: characters removed or mapped, then rules
// that look at the digits around them, then whitespace.
struct Difference {
  std::string_view name;
  std::u32string (*apply)(const std::u32string&);
};

bool is_digit(char32_t c) { return c >= '0' && c <= '9'; }

const Difference kDifferences[] = {
    {"Quranic marks U+0610..U+061A and U+06D6..U+06ED removed",
     [](const std::u32string& s) {
       std::u32string out;
       for (char32_t c : s) {
         if (!((c >= 0x0610 && c <= 0x061A) || (c >= 0x06D6 && c <= 0x06ED))) out += c;
       }
       return out;
     }},
    {"Persian digits U+06F0..U+06F9 to ASCII",
     [](const std::u32string& s) {
       std::u32string out = s;
       for (char32_t& c : out) {
         if (c >= 0x06F0 && c <= 0x06F9) c = '0' + (c - 0x06F0);
       }
       return out;
     }},
    {"hamza and madda marks U+0653..U+0655 left on alef by NFKC removed",
     [](const std::u32string& s) {
       std::u32string out;
       for (char32_t c : s) {
         if (c >= 0x0653 && c <= 0x0655) {
           std::size_t base = out.size();
           while (base > 0 && nahr::arabic::is_mark(out[base - 1])) --base;
           if (base > 0 && out[base - 1] == 0x0627) continue;
         }
         out += c;
       }
       return out;
     }},
    {"U+066B and U+066C between digits to . and ,",
     [](const std::u32string& s) {
       std::u32string out = s;
       for (std::size_t i = 1; i + 1 < out.size(); ++i) {
         if ((out[i] == 0x066B || out[i] == 0x066C) && is_digit(out[i - 1]) &&
             is_digit(out[i + 1])) {
           out[i] = out[i] == 0x066B ? '.' : ',';
         }
       }
       return out;
     }},
    {"runs of spaces and tabs collapsed into one space",
     [](const std::u32string& s) {
       std::u32string out;
       for (char32_t c : s) {
         const bool space = c == ' ' || c == '\t' || c == 0x1680;
         if (!space)
           out += c;
         else if (out.empty() || out.back() != ' ')
           out += ' ';
       }
       return out;
     }},
};

std::u32string decode(std::string_view s) {
  std::u32string out;
  for (std::size_t i = 0; i < s.size();) {
    const nahr::utf8::CodePoint d = nahr::utf8::decode(s, i);
    out += d.value;
    i += d.length;
  }
  return out;
}
std::string encode(const std::u32string& s) {
  std::string out;
  for (char32_t c : s) nahr::utf8::append(out, c);
  return out;
}

}  // namespace

TEST_CASE("the presentation-form table agrees with ICU NFKC", "[icu]") {
  // Only the presentation-form rule, so the output is NFKC itself.
  const OptionMap only_forms{{"preset", std::string("minimal")},
                             {"tashkeel", std::string("off")},
                             {"superscript_alef", std::string("off")},
                             {"quranic_marks", std::string("off")},
                             {"tatweel", std::string("off")}};
  nahr::testing::Harness harness;
  nahr::testing::Harness::Instance<ArabicNormaliser> stage(only_forms);
  std::size_t mapped = 0;
  for (char32_t cp = 0xFB50; cp <= 0xFEFF; ++cp) {
    if (cp > 0xFDFF && cp < 0xFE70) continue;
    nahr::model::Document doc;
    doc.set_text(utf8(cp));
    harness.run(*stage, doc);
    const std::string expected = nfkc(utf8(cp));
    INFO("U+" << std::hex << static_cast<unsigned>(cp));
    CHECK(doc.text() == expected);
    mapped += doc.rewritten();
  }
  CHECK(mapped > 700);
}

// Runs the stage with `options` on NFKC of each text and compares with
// uconv's output; every difference must disappear once the listed
// differences are applied to uconv's output. Returns the report.
std::string compare_with_uconv(const std::vector<std::string>& texts,
                               const std::vector<std::string>& reference, const OptionMap& options,
                               bool collapses_whitespace) {
  const std::size_t differences = std::size(kDifferences) - (collapses_whitespace ? 0 : 1);
  nahr::testing::Harness harness;
  nahr::testing::Harness::Instance<ArabicNormaliser> stage(options);
  std::size_t differing = 0, unexplained = 0;
  std::vector<std::size_t> by_difference(differences);
  for (std::size_t i = 0; i < texts.size(); ++i) {
    nahr::model::Document doc;
    doc.set_text(nfkc(texts[i]));
    harness.run(*stage, doc);
    if (doc.text() == reference[i]) continue;
    ++differing;
    std::u32string explained = decode(reference[i]);
    for (std::size_t k = 0; k < differences; ++k) {
      std::u32string next = kDifferences[k].apply(explained);
      if (next != explained) ++by_difference[k];
      explained = std::move(next);
    }
    if (encode(explained) != doc.text()) {
      ++unexplained;
      INFO("document " << i << "\nours:  " << doc.text().substr(0, 400)
                       << "\nuconv: " << reference[i].substr(0, 400));
      CHECK(encode(explained) == doc.text());
    }
  }
  CHECK(unexplained == 0);

  std::ostringstream report;
  report << texts.size() << " documents compared, " << differing << " differ from uconv, "
         << unexplained << " once the listed differences are applied to uconv's output";
  for (std::size_t k = 0; k < differences; ++k) {
    report << "\n  " << by_difference[k] << " documents: " << kDifferences[k].name;
  }
  return report.str();
}

TEST_CASE("newswire after NFKC matches uconv except the listed differences", "[icu][uconv]") {
  if (!uconv_available()) {
    WARN("uconv not found (Debian package icu-devtools): comparison with uconv skipped");
    return;
  }
  const std::vector<std::string> texts = normalise_arabic::testing::load_corpus();
  if (texts.empty()) {
    WARN("corpus missing, comparison skipped: " << normalise_arabic::testing::kCorpusPath);
    return;
  }
  const std::vector<std::string> reference = run_uconv(texts);
  REQUIRE(reference.size() == texts.size());

  // The configuration: newswire with Persian letters, punctuation and
  // controls left alone.
  const OptionMap newswire{{"persian_letters", std::string("off")},
                           {"punctuation", std::string("keep")},
                           {"controls", std::string("keep")}};
  WARN("newswire:\n" << compare_with_uconv(texts, reference, newswire, true));

  // Tighter: whitespace collapsing off as well.
  const OptionMap tight{{"persian_letters", std::string("off")},
                        {"punctuation", std::string("keep")},
                        {"controls", std::string("keep")},
                        {"whitespace", std::string("off")}};
  WARN("newswire, whitespace off:\n" << compare_with_uconv(texts, reference, tight, false));
}
