// Reading JSON Lines: the read-jsonl stage as the host drives it, beside a
// bare simdjson On-Demand loop that only pulls out "id" and "text" (the
// floor the reader's line splitting, metadata and document filling add to).
#include "corpus.hpp"

#include <benchmark/benchmark.h>
#include <nahr/testing.hpp>
#include <simdjson.h>

#include "jsonl_reader.hpp"

namespace {

using nahr::bench::Corpus;
using nahr::bench::corpus;

// Hands out a string's bytes in blocks, without copying the string.
class ViewInput final : public nahr::model::InputStream {
 public:
  explicit ViewInput(std::string_view bytes) : bytes_(bytes) {}
  std::string_view name() const override { return "corpus-small.jsonl"; }
  bool read(char* buffer, std::size_t capacity, std::size_t& got, std::string&) override {
    got = std::min(capacity, bytes_.size() - pos_);
    std::copy_n(bytes_.data() + pos_, got, buffer);
    pos_ += got;
    return true;
  }

 private:
  std::string_view bytes_;
  std::size_t pos_ = 0;
};

void BM_ReadJsonlStage(benchmark::State& state) {
  const Corpus& c = corpus();
  nahr::testing::Harness harness;
  nahr::testing::Harness::Instance<nahr::read_jsonl::JsonlReader> reader({});
  nahr::model::Document doc;
  std::int64_t documents = 0;
  for (auto _ : state) {
    ViewInput input(c.jsonl);
    nahr::model::InputBinding binding(input);
    reader->open(nahr::Input(binding.handle()));
    for (;;) {
      doc.clear();
      nahr::Document view(nahr::model::as_handle(doc));
      if (!reader->next(view)) break;
      ++documents;
    }
  }
  state.SetBytesProcessed(state.iterations() * static_cast<std::int64_t>(c.jsonl.size()));
  state.SetItemsProcessed(documents);
}
BENCHMARK(BM_ReadJsonlStage);

void BM_SimdjsonOndemandLines(benchmark::State& state) {
  const Corpus& c = corpus();
  const std::string& jsonl = c.jsonl;
  simdjson::ondemand::parser parser;
  std::string line;  // with padding, as read-jsonl keeps its lines
  for (auto _ : state) {
    std::size_t bytes = 0;
    for (std::size_t b = 0; b < jsonl.size();) {
      const std::size_t e = std::min(jsonl.find('\n', b), jsonl.size());
      const std::size_t length = e - b;
      line.assign(jsonl, b, length);
      line.append(simdjson::SIMDJSON_PADDING, ' ');
      b = e + 1;
      simdjson::ondemand::document record;
      if (parser.iterate(line.data(), length, line.size()).get(record)) continue;
      std::string_view id, text;
      if (record["id"].get_string().get(id) == simdjson::SUCCESS &&
          record["text"].get_string().get(text) == simdjson::SUCCESS) {
        bytes += id.size() + text.size();
      }
    }
    benchmark::DoNotOptimize(bytes);
  }
  state.SetBytesProcessed(state.iterations() * static_cast<std::int64_t>(jsonl.size()));
}
BENCHMARK(BM_SimdjsonOndemandLines);

}  // namespace
