#include "../unicode_normaliser.hpp"

#include <simdjson.h>
#include <unicode/bytestream.h>
#include <unicode/normalizer2.h>

#include <catch2/catch.hpp>
#include <filesystem>
#include <nahr/testing.hpp>
#include <nahr/text/utf8.hpp>
#include <random>
#include <sstream>
#include <string>
#include <vector>

using nahr::normalise_unicode::UnicodeNormaliser;
using nahr::testing::annotations_of;
using nahr::testing::attribute_of;
using nahr::testing::Harness;
using nahr::testing::original_text_of;

namespace {

const std::vector<std::string> all_forms = {"NFC", "NFD", "NFKC", "NFKC_Casefold"};

// ICU on the whole text at once: the reference the segment-wise scan must match.
std::string icu_normalise(const std::string& form, std::string_view text) {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* n = form == "NFC"    ? icu::Normalizer2::getNFCInstance(status)
                              : form == "NFD"  ? icu::Normalizer2::getNFDInstance(status)
                              : form == "NFKC" ? icu::Normalizer2::getNFKCInstance(status)
                                               : icu::Normalizer2::getNFKCCasefoldInstance(status);
  std::string out;
  icu::StringByteSink<std::string> sink(&out);
  n->normalizeUTF8(0, icu::StringPiece(text.data(), static_cast<int32_t>(text.size())), sink,
                   nullptr, status);
  REQUIRE(U_SUCCESS(status));
  return out;
}

std::string normalise(Harness& h, std::string_view text, const std::string& form) {
  return h.process<UnicodeNormaliser>(text, {{"form", form}}).text();
}

std::vector<std::string> corpus_texts() {
  const std::filesystem::path path = NAHR_SHARED_DIR "/corpus/corpus-small.jsonl";
  std::vector<std::string> texts;
  if (!std::filesystem::exists(path)) return texts;
  simdjson::dom::parser parser;
  for (simdjson::dom::element record : parser.load_many(path.string())) {
    std::string_view text;
    if (record["text"].get(text) == simdjson::SUCCESS) texts.emplace_back(text);
  }
  return texts;
}

}  // namespace

TEST_CASE("each form on Arabic and Latin") {
  struct Row {
    const char* what;
    std::string input;
    std::string nfc, nfd, nfkc, nfkc_casefold;
  };
  const std::string lam_alef = "\u0644\u0627";
  const std::vector<Row> rows = {
      {"lam-alef ligature U+FEFB is NFKC only", "\uFEFB", "\uFEFB", "\uFEFB", lam_alef, lam_alef},
      {"ligature in a sentence", "قال \uFEFB أحد", "قال \uFEFB أحد", "قال \uFEFB ا\u0654حد",
       "قال لا أحد", "قال لا أحد"},
      {"alef + combining hamza above composes under NFC", "\u0627\u0654\u062D\u0645\u062F",
       "\u0623\u062D\u0645\u062F", "\u0627\u0654\u062D\u0645\u062F", "\u0623\u062D\u0645\u062F",
       "\u0623\u062D\u0645\u062F"},
      {"precomposed alef with hamza below decomposes under NFD", "\u0625\u0633\u0644\u0627\u0645",
       "\u0625\u0633\u0644\u0627\u0645", "\u0627\u0655\u0633\u0644\u0627\u0645",
       "\u0625\u0633\u0644\u0627\u0645", "\u0625\u0633\u0644\u0627\u0645"},
      {"waw + hamza above", "\u0645\u0648\u0654\u062A\u0645\u0631",
       "\u0645\u0624\u062A\u0645\u0631", "\u0645\u0648\u0654\u062A\u0645\u0631",
       "\u0645\u0624\u062A\u0645\u0631", "\u0645\u0624\u062A\u0645\u0631"},
      {"allah ligature U+FDF2", "\uFDF2", "\uFDF2", "\uFDF2", "\u0627\u0644\u0644\u0647",
       "\u0627\u0644\u0644\u0647"},
      {"shadda before fatha is reordered by every form", "\u0645\u062D\u0645\u0651\u064E\u062F",
       "\u0645\u062D\u0645\u064E\u0651\u062F", "\u0645\u062D\u0645\u064E\u0651\u062F",
       "\u0645\u062D\u0645\u064E\u0651\u062F", "\u0645\u062D\u0645\u064E\u0651\u062F"},
      {"full-width Latin", "\uFF21\uFF26\uFF30", "\uFF21\uFF26\uFF30", "\uFF21\uFF26\uFF30", "AFP",
       "afp"},
      {"case folding is NFKC_Casefold only", "Reuters AFP", "Reuters AFP", "Reuters AFP",
       "Reuters AFP", "reuters afp"},
      {"bidi and zero-width marks vanish only under casefold", "\u200Fبيروت\u200C",
       "\u200Fبيروت\u200C", "\u200Fبيروت\u200C", "\u200Fبيروت\u200C", "بيروت"},
      {"Arabic-Indic digits and separators are left alone", "\u0663\u066B\u0665 \u0661\u066C\u0660",
       "\u0663\u066B\u0665 \u0661\u066C\u0660", "\u0663\u066B\u0665 \u0661\u066C\u0660",
       "\u0663\u066B\u0665 \u0661\u066C\u0660", "\u0663\u066B\u0665 \u0661\u066C\u0660"},
      {"isolated presentation forms of beh and teh marbuta", "\uFE8F\uFE93", "\uFE8F\uFE93",
       "\uFE8F\uFE93", "\u0628\u0629", "\u0628\u0629"},
      {"Latin e + combining acute", "Universite\u0301", "Universit\u00E9", "Universite\u0301",
       "Universit\u00E9", "universit\u00E9"},
  };
  Harness h;
  for (const Row& row : rows) {
    INFO(row.what);
    CHECK(normalise(h, row.input, "NFC") == row.nfc);
    CHECK(normalise(h, row.input, "NFD") == row.nfd);
    CHECK(normalise(h, row.input, "NFKC") == row.nfkc);
    CHECK(normalise(h, row.input, "NFKC_Casefold") == row.nfkc_casefold);
  }
}

TEST_CASE("NFC is the default form") {
  Harness h;
  CHECK(h.process<UnicodeNormaliser>("\u0627\u0654").text() == "\u0623");
  CHECK(h.process<UnicodeNormaliser>("\uFEFB").text() == "\uFEFB");
}

TEST_CASE("normalised text is left untouched and costs no alignment") {
  Harness h;
  const std::string text = "بيروت: تجري قوات سوريا الديموقراطية \"مفاوضات\" لإجلاء المدنيين.";
  for (const std::string& form : {std::string("NFC"), std::string("NFKC")}) {
    const auto doc = h.process<UnicodeNormaliser>(text, {{"form", form}});
    CHECK(doc.text() == text);
    CHECK_FALSE(doc.rewritten());
  }
}

TEST_CASE("spans in normalised text map back to the original bytes") {
  Harness h;
  // "ﻻ يزال ﷲ أكبر": a ligature, then a word, then a three-byte ligature
  // that NFKC expands to eight bytes.
  const std::string input = "\uFEFB \u064A\u0632\u0627\u0644 \uFDF2 \u0623\u0643\u0628\u0631";
  const auto doc = h.process<UnicodeNormaliser>(input, {{"form", "NFKC"}});
  REQUIRE(doc.text() == "لا يزال الله أكبر");

  auto original_of = [&](std::string_view needle) {
    const std::size_t at = doc.text().find(needle);
    REQUIRE(at != std::string::npos);
    const auto [b, e] = doc.to_original(at, at + needle.size());
    return input.substr(b, e - b);
  };
  CHECK(original_of("لا") == "\uFEFB");
  CHECK(original_of("يزال") == "يزال");
  CHECK(original_of("الله") == "\uFDF2");
  CHECK(original_of("أكبر") == "أكبر");
  // One edit per changed segment, none for the unchanged text between.
  CHECK(doc.alignment().regions().size() == 2);
}

TEST_CASE("ill-formed UTF-8 is replaced and annotated") {
  struct Row {
    const char* what;
    std::string input;
    std::string output;
    std::vector<std::string> bytes;  // one per U+FFFD, in order
  };
  const std::string fffd = "\uFFFD";
  const std::vector<Row> rows = {
      {"lone continuation byte", "قال\x80 المتحدث", "قال" + fffd + " المتحدث", {"80"}},
      {"truncated two-byte sequence then ASCII", "\xC3(بيروت", fffd + "(بيروت", {"C3"}},
      {"truncated Arabic letter at the end", "بيروت\xD8", "بيروت" + fffd, {"D8"}},
      {"truncated three-byte sequence", "\xE2\x80x", fffd + "x", {"E2 80"}},
      {"truncated four-byte sequence", "\xF0\x9F\x98 سوريا", fffd + " سوريا", {"F0 9F 98"}},
      {"overlong slash C0 AF is two errors", "a\xC0\257b", "a" + fffd + fffd + "b", {"C0", "AF"}},
      {"overlong three-byte E0 80 80", "\xE0\x80\x80", fffd + fffd + fffd, {"E0", "80", "80"}},
      {"encoded surrogate ED A0 80", "\xED\xA0\x80", fffd + fffd + fffd, {"ED", "A0", "80"}},
      {"beyond U+10FFFF F4 90 80 80",
       "\xF4\x90\x80\x80",
       fffd + fffd + fffd + fffd,
       {"F4", "90", "80", "80"}},
      {"bytes F5 to FF", "\xF5\xF8\xFE\xFF", fffd + fffd + fffd + fffd, {"F5", "F8", "FE", "FF"}},
      {"Latin-1 bytes in Arabic text", "\xE9t\xE9 في", fffd + "t" + fffd + " في", {"E9", "E9"}},
      {"an error between alef and combining hamza blocks composition",
       "\u0627\xFF\u0654",
       "\u0627" + fffd + "\u0654",
       {"FF"}},
  };
  Harness h;
  for (const Row& row : rows) {
    INFO(row.what);
    for (const std::string& form : all_forms) {
      const auto doc = h.process<UnicodeNormaliser>(row.input, {{"form", form}});
      CHECK(doc.text() == icu_normalise(form, row.output));
      const auto found = annotations_of(doc, "invalid-utf8");
      REQUIRE(found.size() == row.bytes.size());
      for (std::size_t i = 0; i < found.size(); ++i) {
        CHECK(nahr::testing::covered_text(doc, *found[i]) == fffd);
        CHECK(attribute_of(*found[i], "bytes") == row.bytes[i]);
        // The original offsets slice exactly the ill-formed bytes.
        std::string expected;
        std::istringstream hex(row.bytes[i]);
        for (std::string b; hex >> b;) expected += static_cast<char>(std::stoi(b, nullptr, 16));
        CHECK(original_text_of(doc, *found[i]) == expected);
      }
    }
  }
}

TEST_CASE("ill-formed UTF-8 and normalisation in one text") {
  Harness h;
  const std::string input = "\uFEFB\xC3 \u0627\u0654\xFF";
  const auto doc = h.process<UnicodeNormaliser>(input, {{"form", "NFKC"}});
  CHECK(doc.text() == "لا\uFFFD \u0623\uFFFD");
  const auto found = annotations_of(doc, "invalid-utf8");
  REQUIRE(found.size() == 2);
  CHECK(original_text_of(doc, *found[0]) == "\xC3");
  CHECK(original_text_of(doc, *found[1]) == "\xFF");
  const auto [b, e] = doc.to_original(0, 4);  // "لا"
  CHECK(input.substr(b, e - b) == "\uFEFB");
}

TEST_CASE("reject fails the document with the byte offset") {
  Harness h;
  const nahr::testing::OptionMap reject = {{"invalid_utf8", "reject"}};
  // "وقال " is 9 bytes: the lone continuation byte is byte 9.
  CHECK_THROWS_MATCHES(h.process<UnicodeNormaliser>("وقال \x80", reject), nahr::DocumentError,
                       Catch::Matchers::Message("invalid UTF-8 at byte 9 (80)"));
  CHECK_THROWS_MATCHES(h.process<UnicodeNormaliser>("\xF0\x9F\x98", reject), nahr::DocumentError,
                       Catch::Matchers::Message("invalid UTF-8 at byte 0 (F0 9F 98)"));
  // The first of several, after text that would have been normalised.
  CHECK_THROWS_MATCHES(h.process<UnicodeNormaliser>("\uFEFB ab\xED\xA0\x80\xFF", reject),
                       nahr::DocumentError,
                       Catch::Matchers::Message("invalid UTF-8 at byte 6 (ED)"));
  const auto doc = h.process<UnicodeNormaliser>("\u0627\u0654", reject);
  CHECK(doc.text() == "\u0623");
}

TEST_CASE("reject reports the offset in the text as read") {
  // An earlier stage expanded U+FDF2 (3 bytes) to الله (8 bytes): the
  // ill-formed byte is byte 9 of the current text but byte 4 of the input.
  nahr::model::Document doc;
  doc.set_text("\uFDF2 \xC3");
  const std::vector<nahr_edit> expansion = {{0, 3, 0, 8}};
  REQUIRE(doc.rewrite("الله \xC3", expansion) == nullptr);
  CHECK_THROWS_MATCHES(Harness().process<UnicodeNormaliser>(doc, {{"invalid_utf8", "reject"}}),
                       nahr::DocumentError,
                       Catch::Matchers::Message("invalid UTF-8 at byte 4 (C3)"));
}

TEST_CASE("empty document") {
  Harness h;
  for (const std::string& form : all_forms) {
    const auto doc = h.process<UnicodeNormaliser>("", {{"form", form}});
    CHECK(doc.text().empty());
    CHECK_FALSE(doc.rewritten());
    CHECK(doc.annotations.empty());
  }
}

TEST_CASE("large document: edits only where text changed") {
  const std::string paragraph =
      "وأعلن التنظيم في العام 2014 \"الخلافة الإسلامية\" على مساحات واسعة، \uFEFB يزال ينتشر.\n";
  const std::string expected_paragraph =
      "وأعلن التنظيم في العام 2014 \"الخلافة الإسلامية\" على مساحات واسعة، لا يزال ينتشر.\n";
  constexpr std::size_t copies = 80'000;  // about 11 MB
  std::string input, expected;
  input.reserve(paragraph.size() * copies);
  for (std::size_t i = 0; i < copies; ++i) {
    input += paragraph;
    expected += expected_paragraph;
  }
  Harness h;
  const auto doc = h.process<UnicodeNormaliser>(input, {{"form", "NFKC"}});
  CHECK(doc.text() == expected);
  CHECK(doc.alignment().regions().size() == copies);
  const std::size_t last = doc.text().rfind("لا");
  const auto [b, e] = doc.to_original(last, last + 4);
  CHECK(input.substr(b, e - b) == "\uFEFB");
}

TEST_CASE("the segment-wise scan equals ICU on the whole text") {
  // Random strings over code points chosen to stress segment boundaries:
  // starters that compose, combining marks of several classes in any order,
  // Hangul jamo, compatibility and case-folded characters, ignorables.
  const std::vector<std::string> pieces = {
      "\u0627", "\u0648",     "\u064A",     "\u06D5",     "\u0628",     " ",      "a",
      "e",      "A",          "<",          "\u0654",     "\u0655",     "\u0653", "\u064E",
      "\u0651", "\u0650",     "\u0670",     "\u0301",     "\u0338",     "\u0327", "\u1100",
      "\u1161", "\u11A8",     "\uAC00",     "\uFEFB",     "\uFDF2",     "\uFB50", "\uFF21",
      "\u00C5", "\u212B",     "\u1E9B",     "\u0345",     "\u0399",     "\u200C", "\u00AD",
      "\u0640", "\U0001D400", "\U0001F600", "\U000110AB", "\U000110BA", "\xFF",   "\xC3"};
  std::mt19937 random(20190228);
  std::uniform_int_distribution<std::size_t> pick(0, pieces.size() - 1);
  std::uniform_int_distribution<int> length(0, 12);
  Harness h;
  for (int trial = 0; trial < 3000; ++trial) {
    // `repaired` is the input with each ill-formed piece as U+FFFD (no
    // piece starts with a continuation byte, so none extends another).
    std::string input, repaired;
    for (int n = length(random); n > 0; --n) {
      const std::string& piece = pieces[pick(random)];
      input += piece;
      repaired += piece == "\xFF" || piece == "\xC3" ? "\uFFFD" : piece;
    }
    for (const std::string& form : all_forms) {
      const auto doc = h.process<UnicodeNormaliser>(input, {{"form", form}});
      INFO(form << " on " << input);
      REQUIRE(doc.text() == icu_normalise(form, repaired));
    }
  }
}

TEST_CASE("every Arabic-block character at every place in a chunk: the scan equals ICU") {
  // Long enough that the vector pass skips chunks on both sides of c; a
  // madda after c composes with an alef before it, so a chunk the pass skips
  // can still be part of a segment ICU must see.
  const std::string before = "قال المرصد إن الهجوم وقع صباح ";
  const std::string after = "ٓ في ريف دير الزور الشرقي، وأسفر عن 12 قتيلا.";
  Harness h;
  for (char32_t c = 0x0600; c <= 0x06FF; ++c) {
    std::string character;
    nahr::utf8::append(character, c);
    for (std::size_t pad = 0; pad < 17; ++pad) {
      const std::string input = std::string(pad, 'x') + before + character + after;
      for (const std::string& form : all_forms) {
        INFO(form << " U+" << std::hex << static_cast<std::uint32_t>(c) << std::dec << " after "
                  << pad << " bytes");
        REQUIRE(normalise(h, input, form) == icu_normalise(form, input));
      }
    }
  }
}

TEST_CASE("corpus: scan equals ICU and normalising twice equals once") {
  const std::vector<std::string> texts = corpus_texts();
  if (texts.empty()) {
    WARN("corpus-small.jsonl not found under " NAHR_SHARED_DIR "; skipped");
    return;
  }
  Harness h;
  for (const std::string& form : all_forms) {
    std::size_t changed = 0;
    for (const std::string& text : texts) {
      const std::string once = normalise(h, text, form);
      REQUIRE(once == icu_normalise(form, text));
      REQUIRE(normalise(h, once, form) == once);
      changed += once != text;
    }
    INFO(form << ": " << changed << " of " << texts.size() << " documents changed");
    CHECK(changed < texts.size());
  }
}
