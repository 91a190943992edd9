#include "corpus.hpp"

#include <simdjson.h>

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <sstream>

namespace nahr::bench {
namespace {

[[noreturn]] void die(const std::string& why) {
  std::fprintf(stderr, "bench corpus: %s\n", why.c_str());
  std::exit(2);
}

Corpus load(const std::string& path) {
  Corpus c;
  std::ifstream in(path, std::ios::binary);
  if (!in) die("cannot open " + path);
  std::ostringstream bytes;
  bytes << in.rdbuf();
  c.jsonl = std::move(bytes).str();

  simdjson::ondemand::parser parser;
  simdjson::padded_string padded(c.jsonl);
  simdjson::ondemand::document_stream records;
  // One batch for the whole file: no record can straddle a batch boundary.
  if (parser.iterate_many(padded, padded.size()).get(records)) die("not JSON Lines: " + path);
  for (auto record : records) {
    std::string_view text;
    if (record["text"].get_string().get(text)) die("a record without a string \"text\" in " + path);
    c.texts.emplace_back(text);
    c.text_bytes += text.size();
  }
  if (c.texts.empty()) die("no records in " + path);
  return c;
}

}  // namespace

const Corpus& corpus() {
  static const Corpus loaded = load(NAHR_SHARED_DIR "/corpus/corpus-small.jsonl");
  return loaded;
}

std::string corpus_sample(std::size_t bytes) {
  std::string out;
  for (std::size_t i = 0; out.size() < bytes; i = (i + 1) % corpus().texts.size()) {
    out += corpus().texts[i];
    out += "\n\n";
  }
  return out;
}

}  // namespace nahr::bench
