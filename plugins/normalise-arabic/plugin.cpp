// Registration, and the samples `nahr plugin verify` checks; the stage
// lives in normaliser.hpp.
#include "normaliser.hpp"

namespace normalise_arabic {

std::vector<nahr::SelfTest> ArabicNormaliser::self_tests() {
  return {
      nahr::SelfTest("newswire drops tashkeel and tatweel and folds alef forms")
          .input("أعلنَ الرئيـــسُ اللبنانيُّ إلى")
          .expect_text("اعلن الرئيس اللبناني الي"),
      nahr::SelfTest("newswire writes ASCII digits and collapses spaces")
          .input("في العام ٢٠١٩   قُتل ١٢ شخصاً")
          .expect_text("في العام 2019 قتل 12 شخصا"),
      nahr::SelfTest("newswire keeps teh marbuta and hamza seats")
          .input("مدرسة مؤتمر سائق")
          .expect_text("مدرسة مؤتمر سائق"),
      nahr::SelfTest("search folds teh marbuta and hamza seats")
          .option("preset", "search")
          .input("مدرسة مؤتمر")
          .expect_text("مدرسه موتمر"),
      nahr::SelfTest("minimal keeps alef forms and digits")
          .option("preset", "minimal")
          .input("أَحمد ٣")
          .expect_text("أحمد ٣"),
  };
}

}  // namespace normalise_arabic

NAHR_PLUGIN("normalise-arabic", "1.0.0",
            "Switchable Arabic normalisation with presets, every change aligned to the original",
            normalise_arabic::ArabicNormaliser)
