// Registration, and the samples `nahr plugin verify` checks; the stage
// lives in date_extractor.hpp.
#include "date_extractor.hpp"

namespace extract_dates {

std::vector<nahr::SelfTest> DateExtractor::self_tests() {
  return {
      nahr::SelfTest("weekdays resolve against the document date")
          .metadata("date", "2019-03-12")
          .input("أعلنت الحكومة الثلاثاء أن الغارة وقعت الأربعاء الماضي.")
          .expect_annotation("date", "الثلاثاء", {{"value", "2019-03-12"}, {"kind", "weekday"}})
          .expect_annotation("date", "الأربعاء الماضي", {{"value", "2019-03-06"}}),
      nahr::SelfTest("a month pair with a year, and a year")
          .metadata("date", "2019-03-12")
          .input("تتواصل الاحتجاجات منذ آذار/مارس 2011 وفي العام 2014.")
          .expect_annotation("date", "آذار/مارس 2011", {{"value", "2011-03"}, {"kind", "month"}})
          .expect_annotation("date", "العام 2014", {{"value", "2014"}, {"kind", "year"}}),
      nahr::SelfTest("relative days")
          .metadata("date", "2019-03-12")
          .input("بلغ الإضراب ذروته أمس الاثنين.")
          .expect_annotation("date", "أمس الاثنين", {{"value", "2019-03-11"}, {"kind", "relative"}}),
  };
}

}  // namespace extract_dates

NAHR_PLUGIN("extract-dates", "1.0.0",
            "Dates (weekdays, months, years, Hijri, numeric, relative) resolved to ISO values",
            extract_dates::DateExtractor)
