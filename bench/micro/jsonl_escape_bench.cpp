// write-jsonl's own escaper (SIMD UTF-8 check, then runs of safe bytes) on
// the same texts as BM_AppendEscapedSdk in utf8_json_bench.cpp, so the two
// can be compared. A separate executable: both define nahr::json::append_escaped.
#include "corpus.hpp"

#include <benchmark/benchmark.h>

#include "json_escape.hpp"

namespace {

using nahr::bench::Corpus;
using nahr::bench::corpus;

void BM_AppendEscapedWriteJsonl(benchmark::State& state) {
  const Corpus& c = corpus();
  std::string out;
  for (auto _ : state) {
    for (const std::string& text : c.texts) {
      out.clear();
      nahr::json::append_escaped(out, text);
      benchmark::DoNotOptimize(out.data());
    }
  }
  state.SetBytesProcessed(state.iterations() * static_cast<std::int64_t>(c.text_bytes));
}
BENCHMARK(BM_AppendEscapedWriteJsonl);

}  // namespace
