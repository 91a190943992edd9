// normalise-unicode over the corpus, per form. The corpus is almost all in
// NFC and NFKC already, so this measures the quick-check fast path plus the
// few ICU calls around the characters that do change.
#include "stage_runner.hpp"

#include "unicode_normaliser.hpp"

namespace {

void BM_NormaliseUnicode(benchmark::State& state, const char* form) {
  nahr::bench::run_stage_over_corpus<nahr::normalise_unicode::UnicodeNormaliser>(state,
                                                                               {{"form", form}});
}
BENCHMARK_CAPTURE(BM_NormaliseUnicode, NFC, "NFC");
BENCHMARK_CAPTURE(BM_NormaliseUnicode, NFKC, "NFKC");
BENCHMARK_CAPTURE(BM_NormaliseUnicode, NFKC_Casefold, "NFKC_Casefold");

}  // namespace
