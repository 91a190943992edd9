// Registration, and the samples `nahr plugin verify` checks; the stage
// lives in dateline_extractor.hpp.
#include "dateline_extractor.hpp"

namespace extract_dateline {

std::vector<nahr::SelfTest> DatelineExtractor::self_tests() {
  return {
      nahr::SelfTest("place and agency")
          .input("بيروت (أ ف ب) - أعلن رئيس الحكومة اللبنانية الخميس خطة للكهرباء.")
          .expect_annotation("dateline", "بيروت (أ ف ب) -", {{"place", "بيروت"}, {"agency", "أ ف ب"}})
          .expect_metadata("dateline.place", "بيروت")
          .expect_metadata("dateline.agency", "أ ف ب"),
      nahr::SelfTest("place, date and agency")
          .input("باريس، 12 آذار/مارس (أ ف ب) - أعلنت النقابات إضرابا جديدا.")
          .expect_annotation("dateline", "باريس، 12 آذار/مارس (أ ف ب) -",
                             {{"place", "باريس"}, {"date", "12 آذار/مارس"}})
          .expect_metadata("dateline.date", "12 آذار/مارس"),
      nahr::SelfTest("a bare city before a colon")
          .input("القاهرة: ارتفع منسوب مياه النيل هذا الأسبوع.")
          .expect_annotation("dateline", "القاهرة:", {{"place", "القاهرة"}})
          .expect_metadata("dateline.place", "القاهرة"),
      nahr::SelfTest("agency first as Gulf agencies write it")
          .input("واس - الرياض: أعلنت وزارة المالية الميزانية.")
          .expect_metadata("dateline.place", "الرياض")
          .expect_metadata("dateline.agency", "واس"),
  };
}

}  // namespace extract_dateline

NAHR_PLUGIN("extract-dateline", "1.0.0",
            "Dateline (place, date, agency) at the top of a wire story",
            extract_dateline::DatelineExtractor)
