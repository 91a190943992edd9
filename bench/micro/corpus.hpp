// The texts of ../shared/corpus/corpus-small.jsonl, loaded once per process
// and shared by every micro-benchmark in it.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace nahr::bench {

struct Corpus {
  std::string jsonl;               // the file as it is on disk
  std::vector<std::string> texts;  // each record's "text", unescaped
  std::uint64_t text_bytes = 0;    // sum of texts[i].size()
};

// The first call reads and parses the file: make it before a benchmark's
// timed loop. Exits with a message if the file is missing or malformed, as a
// benchmark on no data would report nonsense throughput.
const Corpus& corpus();

// Whole texts concatenated (separated by "\n\n") until at least `bytes`.
std::string corpus_sample(std::size_t bytes);

}  // namespace nahr::bench
