// Registration, and the samples `nahr plugin verify` checks; the stage
// lives in number_extractor.hpp.
#include "number_extractor.hpp"

namespace extract_numbers {

std::vector<nahr::SelfTest> NumberExtractor::self_tests() {
  return {
      nahr::SelfTest("digits with a scale")
          .input("نزح 360 ألف شخص من المنطقة.")
          .expect_annotation("number", "360 ألف", {{"value", "360000"}, {"kind", "cardinal"}}),
      nahr::SelfTest("a decimal comma with a scale and a currency")
          .input("أقرت الحكومة خطة بقيمة 3,5 مليارات يورو.")
          .expect_annotation("number", "3,5 مليارات يورو",
                             {{"value", "3500000000"}, {"unit", "يورو"}, {"kind", "currency"}}),
      nahr::SelfTest("a percentage in words and in Arabic-Indic digits")
          .input("تجاوزت المشاركة ستين في المئة وأيد ٤٥٪ الاتفاق.")
          .expect_annotation("number", "ستين في المئة", {{"value", "60"}, {"unit", "%"}})
          .expect_annotation("number", "٤٥٪", {{"value", "45"}, {"kind", "percent"}}),
  };
}

}  // namespace extract_numbers

NAHR_PLUGIN("extract-numbers", "1.0.0",
            "Numbers (digits and words), percentages and currencies with exact values",
            extract_numbers::NumberExtractor)
