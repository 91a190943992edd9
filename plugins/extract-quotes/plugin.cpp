// Registration, and the samples `nahr plugin verify` checks; the stage
// lives in quote_extractor.hpp.
#include "quote_extractor.hpp"

namespace extract_quotes {

std::vector<nahr::SelfTest> QuoteExtractor::self_tests() {
  return {
      nahr::SelfTest("a speaker from the entity before the quote")
          .input("وقال نادر الحمصي إن \"المحادثات مستمرة\".")
          .annotation("entity", "نادر الحمصي", {{"label", "PER"}, {"canonical", "نادر الحمصي"}})
          .expect_annotation("quote", "المحادثات مستمرة",
                             {{"speaker", "نادر الحمصي"}, {"verb", "قال"}, {"resolved", "true"}}),
      nahr::SelfTest("an anonymous source")
          .input("وقال مسؤول محلي «لا كهرباء منذ أسبوع».")
          .expect_annotation("quote", "لا كهرباء منذ أسبوع", {{"speaker", ""}}),
  };
}

}  // namespace extract_quotes

NAHR_PLUGIN("extract-quotes", "1.0.0",
            "Quoted speech with its speaker, reporting verb and the speaker's mention",
            extract_quotes::QuoteExtractor)
