#include <nahr/text/arabic.hpp>
#include <nahr/text/chars.hpp>

#include <catch2/catch.hpp>

#include <string>

namespace {

using nahr::arabic::fold;
using nahr::arabic::folded;

}  // namespace

TEST_CASE("digits of the three scripts") {
  for (char32_t c : {U'0', U'9', U'٠', U'٣', U'٩', U'۰', U'۴', U'۹'}) {
    CHECK(nahr::arabic::is_digit(c));
  }
  for (char32_t c : {U'/', U':', U'٫', U'٬', U'ا', U'\u066A'}) {
    CHECK_FALSE(nahr::arabic::is_digit(c));
  }
}

TEST_CASE("marks are tashkeel and the other Arabic combining marks but not tatweel") {
  for (char32_t c : {U'\u064B', U'\u0650', U'\u0652', U'\u0654', U'\u0670', U'\u0610', U'\u06ED'}) {
    CHECK(nahr::arabic::is_mark(c));
  }
  for (char32_t c : {U'\u0640', U'ا', U'\u06DD', U'\u06E9', U'٣'}) {
    CHECK_FALSE(nahr::arabic::is_mark(c));
  }
  CHECK(nahr::arabic::is_tashkeel(U'\u0651'));        // shadda
  CHECK_FALSE(nahr::arabic::is_tashkeel(U'\u0653'));  // madda above
}

TEST_CASE("raw and normalised spellings fold to one key") {
  CHECK(folded("أَحْمَدُ") == "احمد");
  CHECK(folded("إلى") == "الي");
  CHECK(folded("آذار") == "اذار");
  CHECK(folded("ٱلله") == "الله");
  CHECK(folded("الـعـام") == "العام");
  CHECK(folded("عامٌ") == "عام");
  CHECK(folded("هٰذا") == "هذا");
  CHECK(folded("١٤٤٠ هـ") == "1440 ه");
  CHECK(folded("۲۰۱۹") == "2019");
  CHECK(folded("Beirut بيروت") == "Beirut بيروت");
}

TEST_CASE("each fold rule does what it says and nothing more") {
  CHECK(folded("٣٫٥ و١٬٥٠٠") == "3٫5 و1٬500");
  CHECK(folded("٣٫٥ و١٬٥٠٠", {.decimal_signs = true}) == "3.5 و1,500");
  CHECK(folded("Dr. AFP", {.ascii_lowercase = true}) == "dr. afp");
  // ة ؤ ئ, Persian yeh and kaf.
  const std::string variants = "مدرسة مؤتمر رئيس ا\u06CCران \u06A9ابل";
  CHECK(folded(variants) == variants);
  CHECK(folded(variants, {.letter_variants = true}) == "مدرسه مؤتمر رئيس ايران كابل");
  CHECK(folded(variants, {.hamza_seats = true}) == "مدرسة موتمر رييس ا\u06CCران \u06A9ابل");
  CHECK(folded(variants, {.letter_variants = true, .hamza_seats = true}) ==
        "مدرسه موتمر رييس ايران كابل");
  // A Quranic small high letter and a madda above survive the default rules.
  CHECK(folded("ق\u0653") == "ق\u0653");
  CHECK(folded("ق\u0653", {.all_marks = true}) == "ق");
  CHECK(fold(U'\u06DC', {.all_marks = true}) == 0);
  const nahr::arabic::FoldRules all = {.decimal_signs = true,
                                       .ascii_lowercase = true,
                                       .letter_variants = true,
                                       .hamza_seats = true,
                                       .all_marks = true};
  CHECK(fold(nahr::utf8::kInvalid, all) == nahr::utf8::kInvalid);
  CHECK(fold(U'\uFFFD', all) == U'\uFFFD');
}

TEST_CASE("ill-formed bytes are copied into a key as they are") {
  CHECK(folded("كت\xFFابٌ") ==
        "كت\xFF"
        "اب");
  std::string out = "مفتاح:";
  nahr::arabic::append_folded(out, "أَمس");
  CHECK(out == "مفتاح:امس");
}

TEST_CASE("skip_folded_letters ends a clitic after its marks and tatweel") {
  const std::string word = "وَبِالعام";
  // و + fatha, then ب + kasra: two letters of the key.
  CHECK(nahr::arabic::skip_folded_letters(word, 0, word.size(), 1) == 4);
  CHECK(nahr::arabic::skip_folded_letters(word, 0, word.size(), 2) == 8);
  const std::string tatweel = "بـ2019";
  CHECK(nahr::arabic::skip_folded_letters(tatweel, 0, tatweel.size(), 1) == 4);
  CHECK(nahr::arabic::skip_folded_letters(tatweel, 0, 2, 5) == 2);  // stops at `end`
}

TEST_CASE("blanks and line breaks of wire text") {
  for (char32_t c :
       {U' ', U'\t', U'\u00A0', U'\u200F', U'\u202B', U'\u2066', U'\uFEFF', U'\u3000'}) {
    CHECK(nahr::chars::is_blank(c));
  }
  for (char32_t c : {U'\n', U'ا', U'.', U'\u0640'}) CHECK_FALSE(nahr::chars::is_blank(c));
  for (char32_t c : {U'\n', U'\r', U'\u0085', U'\u2028', U'\u2029'}) {
    CHECK(nahr::chars::is_line_break(c));
  }
  CHECK_FALSE(nahr::chars::is_line_break(U' '));
}
