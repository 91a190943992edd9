// normalise-arabic over the corpus, per preset.
#include "stage_runner.hpp"

#include "normaliser.hpp"

namespace {

void BM_NormaliseArabic(benchmark::State& state, const char* preset) {
  nahr::bench::run_stage_over_corpus<normalise_arabic::ArabicNormaliser>(state, {{"preset", preset}});
}
BENCHMARK_CAPTURE(BM_NormaliseArabic, newswire, "newswire");
BENCHMARK_CAPTURE(BM_NormaliseArabic, search, "search");
BENCHMARK_CAPTURE(BM_NormaliseArabic, minimal, "minimal");

}  // namespace
