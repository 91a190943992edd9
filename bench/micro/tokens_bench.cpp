// extract-tokens over the corpus: tokenisation alone, and with clitic
// segmentation as attributes. Items are tokens written.
#include "stage_runner.hpp"

#include "token_extractor.hpp"

namespace {

void BM_ExtractTokens(benchmark::State& state, bool clitics) {
  nahr::bench::run_stage_over_corpus<extract_tokens::TokenExtractor>(state, {{"clitics", clitics}});
}
BENCHMARK_CAPTURE(BM_ExtractTokens, plain, false);
BENCHMARK_CAPTURE(BM_ExtractTokens, clitics, true);

}  // namespace
