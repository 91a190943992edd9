// Table-driven tests of extract-dates: every date form in raw and
// normalised spelling, resolution against the document date, and words
// that look like dates but are not.
#include "../calendar.hpp"
#include "../date_extractor.hpp"

#include <nahr/testing.hpp>

#include <catch2/catch.hpp>

#include <string>
#include <string_view>
#include <vector>

namespace {

using extract_dates::DateExtractor;
using nahr::testing::OptionMap;
using nahr::testing::attribute_of;

struct Expected {
  std::string text;  // covered text
  std::string value;
  std::string kind;
};

struct Row {
  std::string_view why;
  std::string text;
  std::vector<Expected> dates;
};

// Tuesday 12 March 2019.
constexpr std::string_view kTuesday = "2019-03-12";

nahr::model::Document run(std::string_view text, std::string_view date,
                          const OptionMap& options = {}, std::string_view field = "date") {
  nahr::testing::Harness harness;
  nahr::model::Document doc;
  doc.id = "test";
  doc.set_text(text);
  if (!date.empty()) doc.set_metadata(field, date);
  harness.process<DateExtractor>(doc, options);
  return doc;
}

void check(const std::vector<Row>& rows, std::string_view date = kTuesday) {
  for (const Row& row : rows) {
    INFO(row.why);
    INFO("text: " << row.text);
    const auto doc = run(row.text, date);
    const auto found = nahr::testing::annotations_of(doc, "date");
    REQUIRE(found.size() == row.dates.size());
    for (std::size_t k = 0; k < found.size(); ++k) {
      CHECK(nahr::testing::covered_text(doc, *found[k]) == row.dates[k].text);
      CHECK(attribute_of(*found[k], "value") == row.dates[k].value);
      CHECK(attribute_of(*found[k], "kind") == row.dates[k].kind);
      CHECK(attribute_of(*found[k], "resolved") ==
            (row.dates[k].value.empty() ? "false" : "true"));
    }
  }
}

}  // namespace

TEST_CASE("weekdays resolve to the latest such day", "[weekday]") {
  check({
      {"the document's own day", "أعلنت الحكومة الثلاثاء خطة.",
       {{"الثلاثاء", "2019-03-12", "weekday"}}},
      {"the day before", "قتل جنديان الاثنين.", {{"الاثنين", "2019-03-11", "weekday"}}},
      {"hamza spelling", "قتل جنديان الإثنين.", {{"الإثنين", "2019-03-11", "weekday"}}},
      {"six days before", "وقعت الغارة الأربعاء.", {{"الأربعاء", "2019-03-06", "weekday"}}},
      {"normalised spelling", "وقعت الغارة الاربعاء.", {{"الاربعاء", "2019-03-06", "weekday"}}},
      {"Thursday", "أفاد المصدر الخميس.", {{"الخميس", "2019-03-07", "weekday"}}},
      {"Friday", "تظاهر الآلاف الجمعة.", {{"الجمعة", "2019-03-08", "weekday"}}},
      {"Saturday", "وصل الوفد السبت.", {{"السبت", "2019-03-09", "weekday"}}},
      {"Sunday with hamza", "نشرت النتائج الأحد.", {{"الأحد", "2019-03-10", "weekday"}}},
      {"Sunday normalised", "نشرت النتائج الاحد.", {{"الاحد", "2019-03-10", "weekday"}}},
      {"clitic و is left out", "بين الاثنين والخميس.",
       {{"الاثنين", "2019-03-11", "weekday"}, {"الخميس", "2019-03-07", "weekday"}}},
      {"evening of", "هاجم مسلحون مساء الأربعاء القرية.", {{"الأربعاء", "2019-03-06", "weekday"}}},
      {"night spanning two days", "ليل الأحد الاثنين.",
       {{"الأحد", "2019-03-10", "weekday"}, {"الاثنين", "2019-03-11", "weekday"}}},
      {"last week's", "اجتمعوا الثلاثاء الماضي.", {{"الثلاثاء الماضي", "2019-03-05", "weekday"}}},
      {"next", "يعقد الاجتماع الخميس المقبل.", {{"الخميس المقبل", "2019-03-14", "weekday"}}},
      {"next, same weekday", "يعود الثلاثاء القادم.", {{"الثلاثاء القادم", "2019-03-19", "weekday"}}},
  });
}

TEST_CASE("Gregorian months of both series", "[month]") {
  check({
      {"Levantine/Egyptian pair", "قبل قمة في نهاية كانون الثاني/يناير.",
       {{"كانون الثاني/يناير", "2019-01", "month"}}},
      {"pair with spaces around the slash", "في آذار / مارس.", {{"آذار / مارس", "2019-03", "month"}}},
      {"pair in brackets", "في يونيو (حزيران) 2016.", {{"يونيو (حزيران) 2016", "2016-06", "month"}}},
      {"pair with nothing between", "من أول أغسطس آب.", {{"أغسطس آب", "2019-08", "month"}}},
      {"Levantine alone", "منذ مطلع شباط تصعيد.", {{"شباط", "2019-02", "month"}}},
      {"two-word Levantine alone", "في تشرين الأول.", {{"تشرين الأول", "2019-10", "month"}}},
      {"Egyptian alone", "في أكتوبر.", {{"أكتوبر", "2019-10", "month"}}},
      {"Maghreb name", "في جانفي الماضي.", {{"جانفي الماضي", "2019-01", "month"}}},
      {"month and year", "منذ آذار/مارس 2011.", {{"آذار/مارس 2011", "2011-03", "month"}}},
      {"month and Arabic-Indic year", "في تشرين الثاني/نوفمبر ٢٠١٤.",
       {{"تشرين الثاني/نوفمبر ٢٠١٤", "2014-11", "month"}}},
      {"normalised spelling", "في اذار/مارس 2011.", {{"اذار/مارس 2011", "2011-03", "month"}}},
      {"last September", "توصلتا في أيلول/سبتمبر الماضي إلى اتفاق.",
       {{"أيلول/سبتمبر الماضي", "2018-09", "month"}}},
      {"the month itself, last year", "في آذار الماضي.", {{"آذار الماضي", "2018-03", "month"}}},
      {"next July", "في تموز/يوليو المقبل.", {{"تموز/يوليو المقبل", "2019-07", "month"}}},
      {"next February", "في شباط/فبراير المقبل.", {{"شباط/فبراير المقبل", "2020-02", "month"}}},
      {"a later month after منذ is last year's", "احتجاجات منذ كانون الأول/ديسمبر.",
       {{"كانون الأول/ديسمبر", "2018-12", "month"}}},
      {"an earlier month after منذ مطلع", "منذ مطلع شباط/فبراير.",
       {{"شباط/فبراير", "2019-02", "month"}}},
      {"a later month without منذ is this year's", "قبل ملء الخزان في تموز/يوليو.",
       {{"تموز/يوليو", "2019-07", "month"}}},
      {"ambiguous name after a preposition", "في مارس.", {{"مارس", "2019-03", "month"}}},
      {"ambiguous name with a year", "آب 2018.", {{"آب 2018", "2018-08", "month"}}},
      {"clitic و on a plain month", "في كانون الثاني وشباط.",
       {{"كانون الثاني", "2019-01", "month"}, {"شباط", "2019-02", "month"}}},
  });
}

TEST_CASE("full dates", "[full]") {
  check({
      {"day and month", "باريس، 12 آذار/مارس (أ ف ب) -", {{"12 آذار/مارس", "2019-03-12", "full"}}},
      {"day, month and year", "دمشق، 3 كانون الثاني/يناير 2019 (أ ف ب) -",
       {{"3 كانون الثاني/يناير 2019", "2019-01-03", "full"}}},
      {"Arabic-Indic digits", "في ٢٢ تشرين الثاني/نوفمبر ١٩٦٣.",
       {{"٢٢ تشرين الثاني/نوفمبر ١٩٦٣", "1963-11-22", "full"}}},
      {"ambiguous name with a day", "في 5 مارس.", {{"5 مارس", "2019-03-05", "full"}}},
      {"a later day after منذ is last year's", "منذ 20 آذار/مارس.",
       {{"20 آذار/مارس", "2018-03-20", "full"}}},
      {"day-first numeric date", "صوت في 12/3/2019 على التعديلات.",
       {{"12/3/2019", "2019-03-12", "full"}}},
      {"year-first numeric date", "في 2019/3/12.", {{"2019/3/12", "2019-03-12", "full"}}},
      {"ISO date", "نشر في 2019-03-12 تقريرا.", {{"2019-03-12", "2019-03-12", "full"}}},
      {"numeric date with spaces", "في 12 / 3 / 2019.", {{"12 / 3 / 2019", "2019-03-12", "full"}}},
      {"Hijri numeric date", "يوم 26 /11 /1436هـ.", {{"26 /11 /1436هـ", "", "hijri"}}},
      {"Hijri numeric date without a marker", "بتاريخ 15/6/1436.", {{"15/6/1436", "", "hijri"}}},
      {"Arabic-Indic numeric date", "في ١٢/٣/٢٠١٩.", {{"١٢/٣/٢٠١٩", "2019-03-12", "full"}}},
      {"impossible day", "في 31/2/2019.", {}},
      {"day and month only", "في 12/3.", {}},
  });
}

TEST_CASE("years", "[year]") {
  check({
      {"العام + year", "في العام 2014 سيطر التنظيم.", {{"العام 2014", "2014", "year"}}},
      {"عام + year", "منذ انتهاء الحرب عام 1990.", {{"عام 1990", "1990", "year"}}},
      {"clitic ل is left out", "ميزانية لعام 2019.", {{"عام 2019", "2019", "year"}}},
      {"clitic ب and Arabic-Indic digits", "مقارنة بعام ٢٠١٧.", {{"عام ٢٠١٧", "2017", "year"}}},
      {"bare year after منذ", "يشهد اليمن منذ ٢٠١٤ نزاعا.", {{"٢٠١٤", "2014", "year"}}},
      {"bare year after أفق", "في أفق ٢٠٢٥.", {{"٢٠٢٥", "2025", "year"}}},
      {"article glued to a year", "منذ الـ2014.", {{"2014", "2014", "year"}}},
      {"Gregorian era marker", "في عام 2019 م.", {{"عام 2019 م", "2019", "year"}}},
      {"a span of years", "عاش (1867-1931).", {{"1867", "1867", "year"}, {"1931", "1931", "year"}}},
      {"a season", "موسم 2015-2016.", {{"2015", "2015", "year"}, {"2016", "2016", "year"}}},
      {"a count after في is no year", "شارك في 2000 دولار و2000 في المئة.", {}},
      {"a count with no preposition is no year", "وقع 2000 شخص.", {}},
  });
}

TEST_CASE("Hijri dates are found but not converted", "[hijri]") {
  check({
      {"year and marker with tatweel", "موسم 1440 هـ.", {{"1440 هـ", "", "hijri"}}},
      {"marker after normalisation", "موسم 1440 ه.", {{"1440 ه", "", "hijri"}}},
      {"glued marker", "موسم 1440هـ.", {{"1440هـ", "", "hijri"}}},
      {"هجري", "عام 1440 هجري.", {{"عام 1440 هجري", "", "hijri"}}},
      {"day, month, year", "عقد الأربعاء 10 جمادى الأولى 1440 هـ.",
       {{"الأربعاء", "2019-03-06", "weekday"}, {"10 جمادى الأولى 1440 هـ", "", "hijri"}}},
      {"normalised spelling", "في 10 جمادي الاولي 1440 ه.", {{"10 جمادي الاولي 1440 ه", "", "hijri"}}},
      {"Dhu al-Hijja in the genitive", "في العاشر من ذي الحجة.", {{"ذي الحجة", "", "hijri"}}},
      {"Ramadan after شهر", "خلال شهر رمضان.", {{"رمضان", "", "hijri"}}},
      {"Shawwal needs no context", "مطلع شوال.", {{"شوال", "", "hijri"}}},
  });
}

TEST_CASE("relative dates", "[relative]") {
  check({
      {"yesterday", "جرت الانتخابات أمس.", {{"أمس", "2019-03-11", "relative"}}},
      {"yesterday normalised", "جرت الانتخابات امس.", {{"امس", "2019-03-11", "relative"}}},
      {"evening of yesterday", "فاز الفريق مساء أمس.", {{"أمس", "2019-03-11", "relative"}}},
      {"yesterday with its weekday", "بلغ الاستهلاك ذروته أمس الاثنين.",
       {{"أمس الاثنين", "2019-03-11", "relative"}}},
      {"day before yesterday", "وصل أول أمس.", {{"أول أمس", "2019-03-10", "relative"}}},
      {"day before yesterday, Gulf order", "وصل أمس الأول.", {{"أمس الأول", "2019-03-10", "relative"}}},
      {"day before yesterday with من", "توفي أول من أمس.", {{"أول من أمس", "2019-03-10", "relative"}}},
      {"today", "ستعمل القطارات اليوم.", {{"اليوم", "2019-03-12", "relative"}}},
      {"until today", "لم تنفذ حتى اليوم.", {{"اليوم", "2019-03-12", "relative"}}},
      {"today with its weekday", "قال اليوم الثلاثاء.", {{"اليوم الثلاثاء", "2019-03-12", "relative"}}},
      {"tomorrow", "يصل غدا.", {{"غدا", "2019-03-13", "relative"}}},
      {"tomorrow with tanween", "يصل غداً.", {{"غداً", "2019-03-13", "relative"}}},
      {"after tomorrow", "يصل بعد غد.", {{"بعد غد", "2019-03-14", "relative"}}},
      {"last year", "السيطرة على المنطقة العام الماضي.", {{"العام الماضي", "2018", "relative"}}},
      {"last year with لل", "مقارنة للعام الماضي.", {{"لعام الماضي", "2018", "relative"}}},
      {"next year", "تأجيلها إلى العام المقبل.", {{"العام المقبل", "2020", "relative"}}},
      {"this year", "يشارك هذا العام أكثر من ألف.", {{"هذا العام", "2019", "relative"}}},
      {"the current year", "خلال العام الجاري.", {{"العام الجاري", "2019", "relative"}}},
      {"next year, سنة", "في السنة المقبلة.", {{"السنة المقبلة", "2020", "relative"}}},
      {"last month", "دعت الشهر الماضي.", {{"الشهر الماضي", "2019-02", "relative"}}},
      {"next month", "الشهر المقبل.", {{"الشهر المقبل", "2019-04", "relative"}}},
      {"this month", "هذا الشهر.", {{"هذا الشهر", "2019-03", "relative"}}},
  });
  check({{"last month across a year", "الشهر الماضي.", {{"الشهر الماضي", "2018-12", "relative"}}},
         {"yesterday across a year", "أمس.", {{"أمس", "2018-12-31", "relative"}}}},
        "2019-01-01");
}

TEST_CASE("words that only look like dates", "[negatives]") {
  check({
      {"مارس as a verb", "مارس الضغط على الحكومة.", {}},
      {"أب as father", "قتل أب وابنه.", {}},
      {"رجب as a given name", "قال رجب طيب أردوغان.", {}},
      {"صفر as zero", "عاد بخفي حنين صفر اليدين.", {}},
      {"the first day", "في اليوم الأول من الإضراب.", {}},
      {"a world day", "بمناسبة اليوم العالمي للمرأة.", {}},
      {"that day", "في ذلك اليوم.", {}},
      {"a newspaper's name", "قال لصحيفة عين اليوم.", {}},
      {"the same day", "في اليوم نفسه.", {}},
      {"a year without a number", "منذ أكثر من عام.", {}},
      {"indefinite year with a qualifier", "عام الماضي.", {}},
      {"weeks are not dates", "هذا الأسبوع والأسبوع الماضي.", {}},
      {"كانون without its tail", "مدفأة كانون.", {}},
      {"empty document", "", {}},
  });
}

TEST_CASE("without a document date values stay empty", "[resolution]") {
  check({{"weekday", "أعلن الخميس.", {{"الخميس", "", "weekday"}}},
         {"yesterday", "أمس.", {{"أمس", "", "relative"}}},
         {"month without a year", "في شباط/فبراير.", {{"شباط/فبراير", "", "month"}}},
         {"day and month without a year", "في 12 آذار/مارس.", {{"12 آذار/مارس", "", "full"}}},
         {"a written year needs no document date", "العام 2014 وآذار/مارس 2011.",
          {{"العام 2014", "2014", "year"}, {"آذار/مارس 2011", "2011-03", "month"}}}},
        "");
  check({{"a date field that is no date", "أعلن الخميس.", {{"الخميس", "", "weekday"}}}},
        "12/03/2019");
}

TEST_CASE("date_field and ISO datetimes", "[options]") {
  const auto doc = run("أعلن الخميس.", "2019-03-12T08:30:00Z", {{"date_field", std::string("published")}},
                       "published");
  const auto found = nahr::testing::annotations_of(doc, "date");
  REQUIRE(found.size() == 1);
  CHECK(attribute_of(*found[0], "value") == "2019-03-07");

  const auto other = run("أعلن الخميس.", kTuesday, {{"date_field", std::string("published")}});
  REQUIRE(nahr::testing::annotations_of(other, "date").size() == 1);
  CHECK(attribute_of(*nahr::testing::annotations_of(other, "date")[0], "resolved") == "false");
}

TEST_CASE("calendar arithmetic", "[calendar]") {
  using namespace extract_dates;
  CHECK(weekday({2019, 3, 12}) == 2);
  CHECK(weekday({1969, 12, 31}) == 3);
  CHECK(weekday({2000, 2, 29}) == 2);
  CHECK(format_day(add_days({2019, 3, 1}, -1)) == "2019-02-28");
  CHECK(format_day(add_days({2020, 3, 1}, -1)) == "2020-02-29");
  CHECK(format_day(add_days({2018, 12, 31}, 1)) == "2019-01-01");
  CHECK(format_month(add_months({2019, 1, 15}, -1)) == "2018-12");
  CHECK(format_month(add_months({2019, 12, 15}, 1)) == "2020-01");
  CHECK(format_year(850) == "0850");
  CHECK_FALSE(parse_iso_date("2019-02-29"));
  CHECK_FALSE(parse_iso_date("2019-3-12"));
  CHECK_FALSE(parse_iso_date("2019-03-12x"));
  CHECK(parse_iso_date("2019-03-12 08:00")->day == 12);
}

TEST_CASE("original offsets survive normalisation", "[alignment]") {
  // As if normalise-arabic had rewritten `هـ` (bytes 14-18) as `ه`.
  nahr::testing::Harness harness;
  nahr::model::Document doc;
  doc.id = "t";
  doc.set_text("موسم 1440 هـ.");
  const nahr_edit tatweel{14, 18, 14, 16};
  REQUIRE(doc.rewrite("موسم 1440 ه.", {&tatweel, 1}) == nullptr);
  harness.process<DateExtractor>(doc);
  const auto found = nahr::testing::annotations_of(doc, "date");
  REQUIRE(found.size() == 1);
  CHECK(nahr::testing::covered_text(doc, *found[0]) == "1440 ه");
  CHECK(nahr::testing::original_text_of(doc, *found[0]) == "1440 هـ");
}
