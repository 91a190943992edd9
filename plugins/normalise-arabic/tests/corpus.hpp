// The texts of ../shared/corpus/corpus-small.jsonl, for tests that run over
// real wire copy. The corpus is not part of the repository: when it is
// missing, load_corpus() returns nothing and the caller skips with a WARN.
#pragma once

#include <simdjson.h>

#include <fstream>
#include <string>
#include <vector>

namespace normalise_arabic::testing {

inline const std::string kCorpusPath = std::string(NAHR_SHARED_DIR) + "/corpus/corpus-small.jsonl";

inline std::vector<std::string> load_corpus() {
  std::vector<std::string> texts;
  std::ifstream in(kCorpusPath, std::ios::binary);
  if (!in) return texts;
  simdjson::ondemand::parser parser;
  std::string line;
  while (std::getline(in, line)) {
    if (line.empty()) continue;
    simdjson::padded_string json(line);
    simdjson::ondemand::document doc = parser.iterate(json);
    std::string_view text = doc["text"].get_string();
    texts.emplace_back(text);
  }
  return texts;
}

}  // namespace normalise_arabic::testing
