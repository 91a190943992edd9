// Table-driven tests of extract-dateline: every dateline form, raw and
// normalised spellings, headlines, and sentences that must not fire.
#include "../dateline_extractor.hpp"
#include "../lexicon.hpp"

#include <nahr/testing.hpp>

#include <catch2/catch.hpp>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>
#include <string_view>
#include <vector>

namespace {

using extract_dateline::DatelineExtractor;
using nahr::testing::OptionMap;
using nahr::testing::attribute_of;

struct Row {
  std::string_view why;
  std::string text;
  std::string span;  // empty: no dateline expected
  std::string place;
  std::string date;
  std::string agency;
};

nahr::model::Document run(std::string_view text, const OptionMap& options = {}) {
  nahr::testing::Harness harness;
  return harness.process<DatelineExtractor>(text, options);
}

void check(const std::vector<Row>& rows, const OptionMap& options = {}) {
  for (const Row& row : rows) {
    INFO(row.why);
    INFO("text: " << row.text);
    const auto doc = run(row.text, options);
    const auto found = nahr::testing::annotations_of(doc, "dateline");
    if (row.span.empty()) {
      CHECK(found.empty());
      CHECK(doc.find_metadata("dateline.place") == nullptr);
      continue;
    }
    REQUIRE(found.size() == 1);
    CHECK(nahr::testing::covered_text(doc, *found[0]) == row.span);
    CHECK(attribute_of(*found[0], "place") == row.place);
    CHECK(attribute_of(*found[0], "date") == row.date);
    CHECK(attribute_of(*found[0], "agency") == row.agency);
  }
}

}  // namespace

TEST_CASE("AFP dateline forms", "[forms]") {
  check({
      {"city and colon", "بيروت: تتواصل المحادثات بين الطرفين.", "بيروت:", "بيروت", "", ""},
      {"space before the colon", "دمشق : قصفت الطائرات مواقع عدة.", "دمشق :", "دمشق", "", ""},
      {"agency in brackets then a dash", "القاهرة (أ ف ب) - دعا الوزراء إلى التهدئة.",
       "القاهرة (أ ف ب) -", "القاهرة", "", "أ ف ب"},
      {"date and agency", "باريس، 12 آذار/مارس (أ ف ب) - أعلنت الحكومة خطة جديدة.",
       "باريس، 12 آذار/مارس (أ ف ب) -", "باريس", "12 آذار/مارس", "أ ف ب"},
      {"date with a year", "دمشق، 3 كانون الثاني/يناير 2019 (أ ف ب) - قتل جنديان.",
       "دمشق، 3 كانون الثاني/يناير 2019 (أ ف ب) -", "دمشق", "3 كانون الثاني/يناير 2019", "أ ف ب"},
      {"dash, agency, colon", "الرباط - أ ف ب: لقي 12 شخصا حتفهم.", "الرباط - أ ف ب:", "الرباط",
       "", "أ ف ب"},
      {"two-word city", "الدار البيضاء (أ ف ب) - ارتفعت الأسعار.", "الدار البيضاء (أ ف ب) -",
       "الدار البيضاء", "", "أ ف ب"},
      {"three-word place in the gazetteer", "ريو دي جانيرو (أ ف ب) - افتتح المهرجان.",
       "ريو دي جانيرو (أ ف ب) -", "ريو دي جانيرو", "", "أ ف ب"},
      {"en dash", "بغداد (أ ف ب) – أعلنت المفوضية النتائج.", "بغداد (أ ف ب) –", "بغداد", "",
       "أ ف ب"},
      {"em dash", "عمان (رويترز) — التقى الملك الوفد.", "عمان (رويترز) —", "عمان", "", "رويترز"},
      {"agency in brackets and a colon", "تونس (وات): انطلقت الحملة الانتخابية.", "تونس (وات):",
       "تونس", "", "وات"},
      {"agency in brackets, no terminator", "صنعاء (أ ف ب) قتل ثلاثة أشخاص.", "صنعاء (أ ف ب)",
       "صنعاء", "", "أ ف ب"},
      {"qualifier before the agency", "الباغوز (سوريا) (أ ف ب) - خرج مئات المدنيين.",
       "الباغوز (سوريا) (أ ف ب) -", "الباغوز", "", "أ ف ب"},
      {"Gulf order, agency first", "واس - الرياض: أعلنت الوزارة عن مشروع.", "واس - الرياض:",
       "الرياض", "", "واس"},
      {"Gulf order with a tatweel dash", "واس ـ جدة: وصل الوفد.", "واس ـ جدة:", "جدة", "", "واس"},
      {"date and a dash, no agency", "لندن، 5 أيار/مايو - أغلقت البورصة على ارتفاع.",
       "لندن، 5 أيار/مايو -", "لندن", "5 أيار/مايو", ""},
      {"weekday as the date", "موسكو، الخميس (أ ف ب) - أعلن الكرملين.", "موسكو، الخميس (أ ف ب) -",
       "موسكو", "الخميس", "أ ف ب"},
  });
}

TEST_CASE("agencies in every spelling", "[agencies]") {
  check({
      {"bare alef", "الخرطوم (ا ف ب) - أعلن البرنامج.", "الخرطوم (ا ف ب) -", "الخرطوم", "",
       "ا ف ب"},
      {"dotted", "الجزائر (أ.ف.ب) - أعلنت الرئاسة.", "الجزائر (أ.ف.ب) -", "الجزائر", "", "أ.ف.ب"},
      {"extra spaces are collapsed", "غزة ( أ  ف  ب ) - قصفت الطائرات.", "غزة ( أ  ف  ب ) -", "غزة",
       "", "أ ف ب"},
      {"AP", "واشنطن (أ ب) - قال البيت الأبيض.", "واشنطن (أ ب) -", "واشنطن", "", "أ ب"},
      {"SANA", "حلب (سانا) - عادت الكهرباء.", "حلب (سانا) -", "حلب", "", "سانا"},
      {"WAM", "أبوظبي (وام) - استقبل ولي العهد الوزير.", "أبوظبي (وام) -", "أبوظبي", "", "وام"},
      {"QNA", "الدوحة - قنا: وصل الأمير.", "الدوحة - قنا:", "الدوحة", "", "قنا"},
      {"Reuters after a dash", "أنقرة - رويترز: قالت الحكومة.", "أنقرة - رويترز:", "أنقرة", "",
       "رويترز"},
      {"agency with tashkeel", "بيروت (أَ فَ بَ) - أعلن الجيش.", "بيروت (أَ فَ بَ) -", "بيروت", "",
       "أَ فَ بَ"},
  });
}

TEST_CASE("raw and normalised spellings of places", "[folding]") {
  check({
      {"hamza on alef", "الإسكندرية (أ ف ب) - غرق مركب.", "الإسكندرية (أ ف ب) -", "الإسكندرية", "",
       "أ ف ب"},
      {"bare alef after normalise-arabic", "الاسكندرية (ا ف ب) - غرق مركب.", "الاسكندرية (ا ف ب) -",
       "الاسكندرية", "", "ا ف ب"},
      {"tashkeel in the place", "عَمّان: التقى الملك الوفد.", "عَمّان:", "عَمّان", "", ""},
      {"no-break space inside the place", "رام\u00a0الله: اجتمعت الحكومة.", "رام\u00a0الله:",
       "رام الله", "", ""},
      {"Arabic-Indic digits in the date", "بغداد، ٦ أيار/مايو ٢٠١٩ (أ ف ب) - أعلنت المفوضية.",
       "بغداد، ٦ أيار/مايو ٢٠١٩ (أ ف ب) -", "بغداد", "٦ أيار/مايو ٢٠١٩", "أ ف ب"},
      {"leading blank lines and a BOM", "\ufeff\n\n  بيروت: بدأت الجلسة.", "بيروت:", "بيروت", "",
       ""},
  });
}

TEST_CASE("unknown places need an agency", "[shape]") {
  check({
      {"unknown one-word place with an agency", "تارودانت (أ ف ب) - اجتاحت الفيضانات القرى.",
       "تارودانت (أ ف ب) -", "تارودانت", "", "أ ف ب"},
      {"unknown two-word place with an agency", "كفر نبل (أ ف ب) - خرج المتظاهرون.",
       "كفر نبل (أ ف ب) -", "كفر نبل", "", "أ ف ب"},
      {"unknown place with a colon only", "تارودانت: اجتاحت الفيضانات القرى.", "", "", "", ""},
      {"a reporting verb is not a place", "وقال (أ ف ب) - شيئا.", "", "", "", ""},
      {"country with a colon is a headline topic", "بريطانيا: أربعة محاور لاستراتيجية جديدة", "",
       "", "", ""},
      {"country with an agency is a place", "لبنان (أ ف ب) - أعلن الجيش.", "لبنان (أ ف ب) -",
       "لبنان", "", "أ ف ب"},
      {"country with a date", "سوريا، 3 آذار/مارس - تواصل القصف.", "سوريا، 3 آذار/مارس -", "سوريا",
       "3 آذار/مارس", ""},
  });
}

TEST_CASE("ordinary sentences do not fire", "[negatives]") {
  check({
      {"reporting phrase with a colon", "وقال المتحدث: إن الوضع خطير.", "", "", "", ""},
      {"colon after four words", "وقال المتحدث باسم الوزارة: لا تعليق.", "", "", "", ""},
      {"city not at the start", "وصل الوفد إلى بيروت: بدأت المحادثات.", "", "", "", ""},
      {"city then a dash and a name", "جدة - محمد العتيبي: أقيم الحفل.", "", "", "", ""},
      {"date segment that is no date", "باريس، وهي العاصمة (أ ف ب) - خبر.", "", "", "", ""},
      {"bracket that is not an agency", "بيروت (العاصمة) - خبر.", "", "", "", ""},
      {"unclosed bracket", "بيروت (أ ف ب - خبر.", "", "", "", ""},
      {"colon on the next line only", "بيروت\n: خبر.", "", "", "", ""},
      {"empty document", "", "", "", "", ""},
      {"only blanks", " \n\n\t", "", "", "", ""},
      {"Latin text", "Paris (AFP) - The government said.", "", "", "", ""},
  });
}

TEST_CASE("headline then dateline", "[headline]") {
  check({
      {"headline line then the dateline",
       "مفاوضات لإجلاء المدنيين من الجيب الأخير\nبيروت: تجري قوات سوريا الديموقراطية مفاوضات.",
       "بيروت:", "بيروت", "", ""},
      {"headline paragraph then the dateline",
       "أمطار غزيرة في جنوب المغرب\n\nالرباط - أ ف ب: لقي 12 شخصا حتفهم.", "الرباط - أ ف ب:",
       "الرباط", "", "أ ف ب"},
      {"a first sentence is not a headline",
       "انتهت المحادثات من دون اتفاق.\nبيروت: بدأت جولة جديدة.", "", "", "", ""},
      {"a bare city on a headline names a speaker",
       "دمشق: الاتفاق لن يؤثر على دعم حلفائنا\nأكد وزير الخارجية أن العلاقات متينة.", "", "", "",
       ""},
      {"a bare city on a headline, the dateline in the body",
       "دبي: حريق في برج سكني\nدبي (أ ف ب) - اندلع حريق في برج سكني.", "دبي (أ ف ب) -", "دبي", "",
       "أ ف ب"},
      {"an agency makes a headline line a dateline", "القاهرة (أ ف ب) - عاجل\nنص الخبر.",
       "القاهرة (أ ف ب) -", "القاهرة", "", "أ ف ب"},
      {"Latin words are no unknown place", "Next Previous جدة – واس\nنص الخبر.", "", "", "", ""},
      {"the third paragraph is not looked at", "عنوان أول\n\nعنوان ثان\n\nبيروت: خبر.", "", "", "",
       ""},
  });
}

TEST_CASE("the window bounds the dateline", "[options]") {
  const std::string text = "القاهرة (أ ف ب) - دعا الوزراء.";
  check({{"fits in the default window", text, "القاهرة (أ ف ب) -", "القاهرة", "", "أ ف ب"}});
  check({{"agency beyond a 16-byte window", text, "", "", "", ""}},
        {{"window", std::int64_t{16}}});
  check({{"headline ignored when after_headline is off", "عنوان قصير\nبيروت: خبر.", "", "", "", ""}},
        {{"after_headline", false}});
}

TEST_CASE("metadata mirrors the annotation", "[metadata]") {
  const auto doc = run("باريس، 12 آذار/مارس (أ ف ب) - أعلنت الحكومة خطة.");
  REQUIRE(doc.find_metadata("dateline.place"));
  CHECK(*doc.find_metadata("dateline.place") == "باريس");
  CHECK(*doc.find_metadata("dateline.date") == "12 آذار/مارس");
  CHECK(*doc.find_metadata("dateline.agency") == "أ ف ب");

  const auto bare = run("بيروت: خبر.");
  REQUIRE(bare.find_metadata("dateline.place"));
  CHECK(*bare.find_metadata("dateline.place") == "بيروت");
  CHECK(bare.find_metadata("dateline.date") == nullptr);
  CHECK(bare.find_metadata("dateline.agency") == nullptr);
}

TEST_CASE("original offsets survive normalisation", "[alignment]") {
  // As if a normaliser had removed the damma of `بيروتُ` (bytes 10-12).
  nahr::testing::Harness harness;
  nahr::model::Document doc;
  doc.id = "t";
  doc.set_text("بيروتُ: خبر.");
  const nahr_edit removed_damma{10, 12, 10, 10};
  REQUIRE(doc.rewrite("بيروت: خبر.", {&removed_damma, 1}) == nullptr);
  harness.process<DatelineExtractor>(doc);
  const auto found = nahr::testing::annotations_of(doc, "dateline");
  REQUIRE(found.size() == 1);
  CHECK(nahr::testing::covered_text(doc, *found[0]) == "بيروت:");
  CHECK(nahr::testing::original_text_of(doc, *found[0]) == "بيروتُ:");
}

TEST_CASE("user gazetteer and agency lists", "[lexicon]") {
  const auto dir = std::filesystem::temp_directory_path() / "nahr-dateline-test";
  std::filesystem::create_directories(dir);
  const auto places = dir / "places.tsv";
  const auto agencies = dir / "agencies.tsv";
  std::ofstream(places) << "# my places\nتارودانت\tcity\nالمغرب\tcountry\n";
  std::ofstream(agencies) << "وكالتي\tmy agency\n";

  const OptionMap replaced{{"places_file", places.string()}, {"agencies_file", agencies.string()}};
  check({{"user city with a colon", "تارودانت: فيضانات.", "تارودانت:", "تارودانت", "", ""},
         {"built-in city gone", "بيروت: خبر.", "", "", "", ""},
         {"user agency", "المغرب (وكالتي) - خبر.", "المغرب (وكالتي) -", "المغرب", "", "وكالتي"},
         {"built-in agency gone", "المغرب (أ ف ب) - خبر.", "", "", "", ""}},
        replaced);

  const OptionMap extended{{"extra_places", std::vector<std::string>{"تارودانت"}},
                           {"extra_agencies", std::vector<std::string>{"وكالتي"}}};
  check({{"extra city", "تارودانت: فيضانات.", "تارودانت:", "تارودانت", "", ""},
         {"built-ins kept", "بيروت (وكالتي) - خبر.", "بيروت (وكالتي) -", "بيروت", "", "وكالتي"}},
        extended);

  std::ofstream(places) << "بيروت\tvillage\n";
  nahr::testing::Harness harness;
  CHECK_THROWS_AS(harness.process<DatelineExtractor>("بيروت: خبر.", replaced), nahr::FatalError);
  CHECK_THROWS_AS(harness.process<DatelineExtractor>(
                      "بيروت: خبر.", {{"places_file", (dir / "missing.tsv").string()}}),
                  nahr::FatalError);
  std::filesystem::remove_all(dir);
}

TEST_CASE("folded keys", "[lexicon]") {
  using extract_dateline::Lexicon;
  CHECK(Lexicon::agency_key("أ.ف.ب") == Lexicon::agency_key("ا ف ب"));
  CHECK(Lexicon::agency_key("أ ف ب") == "افب");
  CHECK(Lexicon::place_key("  رام \u00a0 الله ") == "رام الله");
  CHECK(Lexicon::place_key("الإسكندرية") == "الاسكندرية");
}

TEST_CASE("malformed UTF-8 does not derail the scan", "[robustness]") {
  check({{"stray bytes before a colon", "\xff\xfe: خبر.", "", "", "", ""},
         {"truncated sequence at the end", "بيروت (أ ف ب) \xd8", "بيروت (أ ف ب)", "بيروت", "",
          "أ ف ب"}});
  // A long first line with no line break at all.
  const std::string long_text(1 << 20, 'x');
  CHECK(nahr::testing::annotations_of(run(long_text), "dateline").empty());
}
