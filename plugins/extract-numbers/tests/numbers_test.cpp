// Table-driven tests of extract-numbers: digits of every script and
// separator, number words, scales, percentages, currencies, approximate
// quantities, and the date digits the stage must leave alone.
#include "../decimal.hpp"
#include "../number_extractor.hpp"

#include <nahr/testing.hpp>

#include <catch2/catch.hpp>

#include <string>
#include <string_view>
#include <vector>

namespace {

using extract_numbers::Decimal;
using extract_numbers::NumberExtractor;
using nahr::testing::OptionMap;
using nahr::testing::attribute_of;

struct Expected {
  std::string text;  // covered text
  std::string value;
  std::string unit;
  std::string kind;
};

struct Row {
  std::string_view why;
  std::string text;
  std::vector<Expected> numbers;
};

nahr::model::Document run(std::string_view text, const OptionMap& options = {}) {
  nahr::testing::Harness harness;
  return harness.process<NumberExtractor>(text, options);
}

void check(const std::vector<Row>& rows, const OptionMap& options = {}) {
  for (const Row& row : rows) {
    INFO(row.why);
    INFO("text: " << row.text);
    const auto doc = run(row.text, options);
    const auto found = nahr::testing::annotations_of(doc, "number");
    std::vector<Expected> got;
    for (const auto* a : found) {
      got.push_back({std::string(nahr::testing::covered_text(doc, *a)), attribute_of(*a, "value"),
                     attribute_of(*a, "unit"), attribute_of(*a, "kind")});
    }
    REQUIRE(got.size() == row.numbers.size());
    for (std::size_t k = 0; k < got.size(); ++k) {
      CHECK(got[k].text == row.numbers[k].text);
      CHECK(got[k].value == row.numbers[k].value);
      CHECK(got[k].unit == row.numbers[k].unit);
      CHECK(got[k].kind == row.numbers[k].kind);
    }
  }
}

}  // namespace

TEST_CASE("digits of every script and separator", "[digits]") {
  check({
      {"ASCII digits", "قتل 27 مدنيا.", {{"27", "27", "", "cardinal"}}},
      {"Arabic-Indic digits", "قتل ٢٧ مدنيا.", {{"٢٧", "27", "", "cardinal"}}},
      {"Persian digits", "قتل ۲۷ مدنيا.", {{"۲۷", "27", "", "cardinal"}}},
      {"thousands comma", "استفادت 1,500 شركة.", {{"1,500", "1500", "", "cardinal"}}},
      {"several thousands groups", "بلغ العدد 1,250,000 ناخب.",
       {{"1,250,000", "1250000", "", "cardinal"}}},
      {"decimal point", "ارتفع المؤشر 3.75 نقطة.", {{"3.75", "3.75", "", "cardinal"}}},
      {"decimal comma, one digit", "بلغت المشاركة 44,5 نقطة.", {{"44,5", "44.5", "", "cardinal"}}},
      {"decimal comma, two digits", "سعر البرميل 71,40 نقطة.", {{"71,40", "71.4", "", "cardinal"}}},
      {"Arabic decimal separator", "ارتفع منسوب المياه ٣٫٥ أمتار.",
       {{"٣٫٥", "3.5", "", "cardinal"}}},
      {"Arabic thousands separator", "نزح ١٢٬٠٠٠ شخص.", {{"١٢٬٠٠٠", "12000", "", "cardinal"}}},
      {"thousands and decimal", "بلغت القيمة 1,500.25 نقطة.",
       {{"1,500.25", "1500.25", "", "cardinal"}}},
      {"leading zero", "انخفض بنسبة 0.5 نقطة.", {{"0.5", "0.5", "", "cardinal"}}},
      {"number at the very end", "عدد المصابين 12", {{"12", "12", "", "cardinal"}}},
      {"two numbers in a range", "بين 20 و30 قتيلا.",
       {{"20", "20", "", "cardinal"}, {"30", "30", "", "cardinal"}}},
      {"digits glued to a clitic", "فاز بـ3 أهداف.", {{"3", "3", "", "cardinal"}}},
  });
}

TEST_CASE("scales after digits", "[scales]") {
  check({
      {"thousand", "نزح 360 ألف شخص.", {{"360 ألف", "360000", "", "cardinal"}}},
      {"thousand, accusative", "يقدر عددهم بنحو 34 ألفا.", {{"34 ألفا", "34000", "", "cardinal"}}},
      {"thousands plural", "سجلت ١٠٨ آلاف حالة.", {{"١٠٨ آلاف", "108000", "", "cardinal"}}},
      {"million with a decimal comma", "وصل 2,5 مليون حاج.",
       {{"2,5 مليون", "2500000", "", "cardinal"}}},
      {"millions with a decimal point", "نحو 3.5 ملايين شخص.",
       {{"3.5 ملايين", "3500000", "", "cardinal"}}},
      {"Arabic-Indic decimal and thousand", "بلغ الاستهلاك ١٥٫٣ ألف ميغاواط.",
       {{"١٥٫٣ ألف", "15300", "", "cardinal"}}},
      {"billion", "خسائر تقدر بـ12 مليار.", {{"12 مليار", "12000000000", "", "cardinal"}}},
      {"hamza-less spelling after normalisation", "نزح 360 الف شخص.",
       {{"360 الف", "360000", "", "cardinal"}}},
  });
}

TEST_CASE("percentages", "[percent]") {
  check({
      {"في المئة", "تجاوزت النسبة 90 في المئة.", {{"90 في المئة", "90", "%", "percent"}}},
      {"في المائة", "تراجع بنسبة 12 في المائة.", {{"12 في المائة", "12", "%", "percent"}}},
      {"بالمئة", "ارتفع 7 بالمئة.", {{"7 بالمئة", "7", "%", "percent"}}},
      {"بالمائة", "ارتفع 7 بالمائة.", {{"7 بالمائة", "7", "%", "percent"}}},
      {"percent sign", "أيد 45% من المستطلعين.", {{"45%", "45", "%", "percent"}}},
      {"percent sign after a space", "أيد 45 % من المستطلعين.", {{"45 %", "45", "%", "percent"}}},
      {"Arabic percent sign", "أيد ٤٥٪ من المستطلعين.", {{"٤٥٪", "45", "%", "percent"}}},
      {"decimal comma percentage", "بلغت المشاركة 45,02 في المئة.",
       {{"45,02 في المئة", "45.02", "%", "percent"}}},
      {"Arabic-Indic decimal percentage", "بزيادة ٨٫٣ في المئة.",
       {{"٨٫٣ في المئة", "8.3", "%", "percent"}}},
      {"number word percentage", "إن ستين في المئة من البحارة.",
       {{"ستين في المئة", "60", "%", "percent"}}},
      {"في without المئة is no percentage", "قتل 5 في الهجوم.", {{"5", "5", "", "cardinal"}}},
  });
}

TEST_CASE("currencies", "[currency]") {
  check({
      {"billions of euros", "خطة بقيمة 3,5 مليارات يورو.",
       {{"3,5 مليارات يورو", "3500000000", "يورو", "currency"}}},
      {"millions of dollars", "صندوق بقيمة 500 مليون دولار.",
       {{"500 مليون دولار", "500000000", "دولار", "currency"}}},
      {"accusative dollars", "بلغ سعر البرميل 65,20 دولارا.",
       {{"65,20 دولارا", "65.2", "دولار", "currency"}}},
      {"plural pounds", "تبدأ الأسعار من 10 جنيهات.", {{"10 جنيهات", "10", "جنيه", "currency"}}},
      {"dirhams in Arabic-Indic digits", "خصصت ١٥٠ مليون درهم.",
       {{"١٥٠ مليون درهم", "150000000", "درهم", "currency"}}},
      {"riyals", "إيرادات بقيمة 313 مليار ريال.",
       {{"313 مليار ريال", "313000000000", "ريال", "currency"}}},
      {"dinars", "غرامة قدرها 200 دينار.", {{"200 دينار", "200", "دينار", "currency"}}},
      {"lira", "اشتراك بقيمة 150 ألف ليرة.",
       {{"150 ألف ليرة", "150000", "ليرة", "currency"}}},
      {"shekels", "اقتطاع 138 مليون شيكل.",
       {{"138 مليون شيكل", "138000000", "شيكل", "currency"}}},
      {"dollar sign after", "بيع بـ100 $ فقط.", {{"100 $", "100", "دولار", "currency"}}},
      {"dollar sign before", "بيع بسعر $250 فقط.", {{"$250", "250", "دولار", "currency"}}},
      {"euro sign", "بقيمة 40 € للتذكرة.", {{"40 €", "40", "يورو", "currency"}}},
      {"currency then واحد", "ارتفع السعر من جنيه واحد.",
       {{"جنيه واحد", "1", "جنيه", "currency"}}},
      {"word number with a currency", "أصبح السعر ثلاثة جنيهات.",
       {{"ثلاثة جنيهات", "3", "جنيه", "currency"}}},
      {"dual scale with a currency", "تكلف الخزينة نحو ملياري دولار.",
       {{"ملياري دولار", "2000000000", "دولار", "currency"}}},
  });
}

TEST_CASE("number words", "[words]") {
  check({
      {"unit", "قتل ثلاثة جنود.", {{"ثلاثة", "3", "", "cardinal"}}},
      {"unit without ta marbuta", "خلال ثلاث سنوات.", {{"ثلاث", "3", "", "cardinal"}}},
      {"eight", "توج ثماني مرات.", {{"ثماني", "8", "", "cardinal"}}},
      {"eight, alef maksura spelling", "توج ثمانى مرات.", {{"ثمانى", "8", "", "cardinal"}}},
      {"ten", "أصيب عشرة أشخاص.", {{"عشرة", "10", "", "cardinal"}}},
      {"teen", "قتل ثلاثة عشر شخصا.", {{"ثلاثة عشر", "13", "", "cardinal"}}},
      {"eleven", "أصيب أحد عشر جنديا.", {{"أحد عشر", "11", "", "cardinal"}}},
      {"twelve", "عاد اثنا عشر صيادا.", {{"اثنا عشر", "12", "", "cardinal"}}},
      {"tens", "شارك عشرون بلدا.", {{"عشرون", "20", "", "cardinal"}}},
      {"unit and tens", "قتل خمسة وعشرون شخصا.", {{"خمسة وعشرون", "25", "", "cardinal"}}},
      {"واحد in a compound", "مرت واحد وعشرون سنة.", {{"واحد وعشرون", "21", "", "cardinal"}}},
      {"hundred", "وصل مئة لاجئ.", {{"مئة", "100", "", "cardinal"}}},
      {"hundred, older spelling", "وصل مائة لاجئ.", {{"مائة", "100", "", "cardinal"}}},
      {"two hundred", "وصل مئتا لاجئ ومئتان آخران.", {{"مئتان", "200", "", "cardinal"}}},
      {"three hundred in one word", "وصل ثلاثمئة لاجئ.", {{"ثلاثمئة", "300", "", "cardinal"}}},
      {"three hundred in two words", "وصل ثلاث مئة لاجئ.", {{"ثلاث مئة", "300", "", "cardinal"}}},
      {"thousands", "نزح ثلاثة آلاف شخص.", {{"ثلاثة آلاف", "3000", "", "cardinal"}}},
      {"thousands and hundreds", "نزح ثلاثة آلاف وخمسمئة شخص.",
       {{"ثلاثة آلاف وخمسمئة", "3500", "", "cardinal"}}},
      {"millions", "يعيش فيها ثلاثة ملايين نسمة.", {{"ثلاثة ملايين", "3000000", "", "cardinal"}}},
      {"hundred million", "يتجاوز عددها مئة مليون.", {{"مئة مليون", "100000000", "", "cardinal"}}},
      {"thousand alone", "قتل أكثر من ألف مهاجر.", {{"ألف", "1000", "", "cardinal"}}},
      {"million alone", "زاره نحو مليون شخص.", {{"مليون", "1000000", "", "cardinal"}}},
      {"dual thousand", "قتل ألفان وجرح ألفين.",
       {{"ألفان", "2000", "", "cardinal"}, {"ألفين", "2000", "", "cardinal"}}},
      {"dual million, construct state", "يعيش فيه نحو مليوني نسمة.",
       {{"مليوني", "2000000", "", "cardinal"}}},
      {"half a million", "نزح نصف مليون شخص.", {{"نصف مليون", "500000", "", "cardinal"}}},
      {"a million and a half", "نزح مليون ونصف شخص.", {{"مليون ونصف", "1500000", "", "cardinal"}}},
      {"two million and half a million", "ينتج مليونين ونصف مليون برميل.",
       {{"مليونين ونصف مليون", "2500000", "", "cardinal"}}},
      {"clitic و is left out", "قتل جنديان وثلاثة مدنيين.", {{"ثلاثة", "3", "", "cardinal"}}},
      {"clitic ب is left out", "فاز بثلاثة أهداف.", {{"ثلاثة", "3", "", "cardinal"}}},
      {"clitic ب on a scale", "تبرع بألف دولار.", {{"ألف دولار", "1000", "دولار", "currency"}}},
      {"tashkeel", "قُتِلَ ثَلاثَةُ جنود.", {{"ثَلاثَةُ", "3", "", "cardinal"}}},
      {"tatweel", "قتل ثلاثـــة جنود.", {{"ثلاثـــة", "3", "", "cardinal"}}},
  });
}

TEST_CASE("approximate quantities", "[approximate]") {
  check({
      {"hundreds", "أجبر مئات العائلات على النزوح.", {{"مئات", "", "", "cardinal"}}},
      {"tens", "تستقبل عشرات الحالات يوميا.", {{"عشرات", "", "", "cardinal"}}},
      {"thousands alone", "يهدد حياة آلاف المرضى.", {{"آلاف", "", "", "cardinal"}}},
      {"millions alone", "تشريد ملايين آخرين.", {{"ملايين", "", "", "cardinal"}}},
      {"tens of thousands", "تظاهر عشرات الآلاف في العاصمة.", {{"عشرات الآلاف", "", "", "cardinal"}}},
      {"with the article", "أودت بحياة المئات.", {{"المئات", "", "", "cardinal"}}},
      {"a few thousand", "شارك بضعة آلاف.", {{"بضعة آلاف", "", "", "cardinal"}}},
      {"clitic left out", "قتل جنود وعشرات المدنيين.", {{"عشرات", "", "", "cardinal"}}},
  });
  const auto doc = run("أجبر مئات العائلات على النزوح.");
  const auto found = nahr::testing::annotations_of(doc, "number");
  REQUIRE(found.size() == 1);
  CHECK(attribute_of(*found[0], "approximate") == "true");
  check({{"approximate off", "أجبر مئات العائلات و3 آلاف.", {{"3 آلاف", "3000", "", "cardinal"}}}},
        {{"approximate", false}});
}

TEST_CASE("date digits are not numbers", "[dates]") {
  check({
      {"day before a month pair", "باريس، 12 آذار/مارس (أ ف ب) - أعلنت الحكومة.", {}},
      {"day, month and year", "اغتيل في 22 تشرين الثاني/نوفمبر 1963.", {}},
      {"Egyptian month name", "وصل في 5 يناير 2019.", {}},
      {"year after a two-word month without the pair", "في كانون الأول 2017.", {}},
      {"year after a bracketed month", "في يونيو (حزيران) 2016.", {}},
      {"Hijri day and year", "عقد الأربعاء 10 جمادى الأولى 1440 هـ.", {}},
      {"Hijri year with a tatweel marker", "موسم 1440 هـ.", {}},
      {"Hijri year after normalisation", "موسم 1440 ه.", {}},
      {"Hijri year glued to its marker", "موسم 1440هـ.", {}},
      {"العام + year", "في العام 2014 سيطر التنظيم.", {}},
      {"عام + year with a clitic", "ميزانية لعام 2019 وبعام ٢٠١٧.", {}},
      {"bare year after منذ", "يشهد اليمن منذ ٢٠١٤ نزاعا.", {}},
      {"bare year after أفق", "في أفق 2025.", {}},
      {"article glued to a year", "منذ الـ2014 تراجعت الثقة.", {}},
      {"numeric date", "صوت في 12/3/2019 على التعديلات.", {}},
      {"numeric date with spaces", "صوت في 12 / 3 / 2019 على التعديلات.", {}},
      {"Hijri numeric date with spaces", "يوم الثلاثاء 26 /11 /1436هـ.", {}},
      {"a span of years", "عاش (1867-1931) وكتب في موسم 2015-2016.", {}},
      {"a slash between two counts stays", "القرار رقم 52 / 30.",
       {{"52", "52", "", "cardinal"}, {"30", "30", "", "cardinal"}}},
      {"time of day", "في الساعة 10:30 صباحا.", {}},
      {"a count after في stays a number", "شارك في 2000 دولار.",
       {{"2000 دولار", "2000", "دولار", "currency"}}},
      {"a count of four digits that is no year", "وقعت 1048 ضحية.",
       {{"1048", "1048", "", "cardinal"}}},
  });
}

TEST_CASE("words that are not numbers", "[negatives]") {
  check({
      {"ordinal", "للمرة الثالثة في الدورة الأولى.", {}},
      {"one of", "قال أحد السكان إن واحدا منهم.", {}},
      {"واحد alone", "في آن واحد.", {}},
      {"Monday is not two", "أعلن الاثنين أن الاثنين سيشاركان.", {}},
      {"ordinal -teenth", "في القرن التاسع عشر.", {}},
      {"half alone", "أكثر من نصف الليالي.", {}},
      {"dual noun", "سجل هدفين ومدينتين.", {}},
      {"لست is not ل+ست", "لست أدري.", {}},
      {"Latin model name", "طائرة من طراز A350 وF16.", {}},
      {"article number word", "دورته الخمسين.", {}},
      {"empty document", "", {}},
      {"only punctuation", "«»،.؟!", {}},
  });
}

TEST_CASE("original offsets survive normalisation", "[alignment]") {
  // As if normalise-arabic had turned ٣٦٠ (6 bytes) into 360 (3 bytes).
  nahr::testing::Harness harness;
  nahr::model::Document doc;
  doc.id = "t";
  doc.set_text("نزح ٣٦٠ ألف شخص.");
  const nahr_edit digits{7, 13, 7, 10};
  REQUIRE(doc.rewrite("نزح 360 ألف شخص.", {&digits, 1}) == nullptr);
  harness.process<NumberExtractor>(doc);
  const auto found = nahr::testing::annotations_of(doc, "number");
  REQUIRE(found.size() == 1);
  CHECK(nahr::testing::covered_text(doc, *found[0]) == "360 ألف");
  CHECK(nahr::testing::original_text_of(doc, *found[0]) == "٣٦٠ ألف");
  CHECK(attribute_of(*found[0], "value") == "360000");
}

TEST_CASE("decimal values are exact", "[decimal]") {
  CHECK(Decimal::parse("3,5")->scaled(9).to_string() == "3500000000");
  CHECK(Decimal::parse("3.50")->to_string() == "3.5");
  CHECK(Decimal::parse("0.05")->to_string() == "0.05");
  CHECK(Decimal::parse("007")->to_string() == "7");
  CHECK(Decimal::parse("1,49")->scaled(9).to_string() == "1490000000");
  CHECK(Decimal::parse("1.500.000")->to_string() == "1500000");
  CHECK(Decimal::parse("1.500,5")->to_string() == "1500.5");
  CHECK(Decimal::parse("123456789012345678901234567890")->scaled(12).to_string() ==
        "123456789012345678901234567890000000000000");
  CHECK(Decimal::of(1).scaled(6).halved().to_string() == "500000");
  CHECK(Decimal::parse("0.5")->halved().to_string() == "0.25");
  CHECK(Decimal::of(3000).plus(*Decimal::parse("0.25")).to_string() == "3000.25");
  CHECK_FALSE(Decimal::parse("1,50,0"));
  CHECK_FALSE(Decimal::parse("1.5.0"));
}

TEST_CASE("a long document keeps every number in order", "[robustness]") {
  std::string text;
  for (int k = 0; k < 2000; ++k) text += "قتل " + std::to_string(k + 1) + " شخصا و\xff ثلاثة جنود. ";
  const auto doc = run(text);
  const auto values = nahr::testing::annotations_of(doc, "number");
  REQUIRE(values.size() == 4000);
  CHECK(attribute_of(*values[0], "value") == "1");
  CHECK(attribute_of(*values[1], "value") == "3");
  CHECK(attribute_of(*values[3998], "value") == "2000");
}
