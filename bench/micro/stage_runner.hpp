// Runs one stage over every text of the corpus the way the host does (a
// reused model::Document per worker, the SDK's host function table between
// stage and document), and reports throughput in bytes of input text.
#pragma once

#include "corpus.hpp"

#include <benchmark/benchmark.h>
#include <nahr/testing.hpp>

namespace nahr::bench {

template <class Stage>
void run_stage_over_corpus(benchmark::State& state, const testing::OptionMap& options) {
  const Corpus& c = corpus();  // loaded before the timed loop
  testing::Harness harness;
  testing::Harness::Instance<Stage> stage(options);
  model::Document doc;
  std::int64_t annotations = 0;
  for (auto _ : state) {
    for (const std::string& text : c.texts) {
      doc.clear();
      doc.set_text(text);
      harness.run(*stage, doc);
      annotations += static_cast<std::int64_t>(doc.annotations.size());
    }
  }
  state.SetBytesProcessed(state.iterations() * static_cast<std::int64_t>(c.text_bytes));
  if (annotations != 0) state.SetItemsProcessed(annotations);
}

}  // namespace nahr::bench
