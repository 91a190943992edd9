// UTF-8 scanning and JSON string escaping (nahr/json.hpp), on Arabic news
// text: the work every writer does for every byte of every document.
#include "corpus.hpp"

#include <benchmark/benchmark.h>
#include <nahr/json.hpp>
#include <simdjson.h>

namespace {

using nahr::bench::Corpus;
using nahr::bench::corpus;

// The SDK's scalar decoder, one character at a time: the inner loop of
// append_escaped on text that is not valid UTF-8.
void BM_Utf8ScanSdk(benchmark::State& state) {
  const Corpus& c = corpus();
  for (auto _ : state) {
    std::size_t invalid = 0;
    for (const std::string& text : c.texts) {
      for (std::size_t i = 0; i < text.size();) {
        const nahr::utf8::CodePoint step = nahr::utf8::decode_maximal(text, i);
        invalid += step.valid() ? 0 : 1;
        i += step.length;
      }
    }
    benchmark::DoNotOptimize(invalid);
  }
  state.SetBytesProcessed(state.iterations() * static_cast<std::int64_t>(c.text_bytes));
}
BENCHMARK(BM_Utf8ScanSdk);

// The SDK's validator (64 bytes at a time for ASCII and two-byte text), the
// first pass of append_escaped.
void BM_Utf8ValidateSdk(benchmark::State& state) {
  for (auto _ : state) {
    bool valid = true;
    for (const std::string& text : corpus().texts) valid &= nahr::utf8::is_valid(text);
    benchmark::DoNotOptimize(valid);
  }
  state.SetBytesProcessed(state.iterations() * static_cast<std::int64_t>(corpus().text_bytes));
}
BENCHMARK(BM_Utf8ValidateSdk);

// simdjson's SIMD validator: the lower bound for "is this valid UTF-8?".
void BM_Utf8ValidateSimdjson(benchmark::State& state) {
  const Corpus& c = corpus();
  for (auto _ : state) {
    bool valid = true;
    for (const std::string& text : c.texts) {
      valid &= simdjson::validate_utf8(text.data(), text.size());
    }
    benchmark::DoNotOptimize(valid);
  }
  state.SetBytesProcessed(state.iterations() * static_cast<std::int64_t>(c.text_bytes));
}
BENCHMARK(BM_Utf8ValidateSimdjson);

// The SDK's escaper into a reused buffer, as a writer would use it.
void BM_AppendEscapedSdk(benchmark::State& state) {
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
BENCHMARK(BM_AppendEscapedSdk);

// Copying the same bytes: what escaping would cost if it were free.
void BM_CopyBaseline(benchmark::State& state) {
  const Corpus& c = corpus();
  std::string out;
  for (auto _ : state) {
    for (const std::string& text : c.texts) {
      out.assign(text);
      benchmark::DoNotOptimize(out.data());
    }
  }
  state.SetBytesProcessed(state.iterations() * static_cast<std::int64_t>(c.text_bytes));
}
BENCHMARK(BM_CopyBaseline);

}  // namespace
