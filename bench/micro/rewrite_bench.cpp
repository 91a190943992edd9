// The document model's rewrite path: a normaliser's TextRewriter building the
// new text and its edits, Document::rewrite composing them into the
// alignment, and mapping spans of the final text back to the original.
//
// The argument is the number of edits per 100 KB of Arabic text; the corpus
// needs a few hundred (NFKC and the newswire preset change ~1% of letters).
#include "corpus.hpp"

#include <benchmark/benchmark.h>
#include <nahr/model/document.hpp>
#include <nahr/text_rewriter.hpp>

#include <string>
#include <vector>

namespace {

constexpr std::size_t kTextBytes = 100 * 1024;

struct Change {
  std::size_t begin, end;
  std::string_view replacement;
};

// `count` changes spread evenly over the two-byte (Arabic-block) characters
// of `text`, starting at the `phase`-th: deletions (like tashkeel),
// same-length replacements (like hamza on alef) and expansions (like a
// lam-alef ligature), in turn.
std::vector<Change> plan_changes(std::string_view text, std::size_t count, std::size_t phase) {
  std::vector<std::size_t> letters;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const auto c = static_cast<unsigned char>(text[i]);
    if (c >= 0xD8 && c <= 0xDB) letters.push_back(i++);
  }
  std::vector<Change> changes;
  if (count == 0 || letters.empty()) return changes;
  const std::size_t stride = std::max<std::size_t>(1, letters.size() / count);
  for (std::size_t k = phase % stride; k < letters.size() && changes.size() < count; k += stride) {
    static constexpr std::string_view kReplacements[] = {"", "\u0627", "\u0644\u0627"};
    changes.push_back({letters[k], letters[k] + 2, kReplacements[changes.size() % 3]});
  }
  return changes;
}

struct Rewrite {
  std::string new_text;
  std::vector<nahr_edit> edits;
};

Rewrite rewrite_with(std::string_view text, const std::vector<Change>& changes) {
  nahr::TextRewriter rw(text);
  for (const Change& c : changes) rw.replace(c.begin, c.end, c.replacement);
  return {std::string(rw.text()), rw.edits()};
}

const std::string& sample() {
  static const std::string text = nahr::bench::corpus_sample(kTextBytes).substr(0, kTextBytes);
  return text;
}

void set_bytes(benchmark::State& state) {
  state.SetBytesProcessed(state.iterations() * static_cast<std::int64_t>(sample().size()));
}

// A normaliser's side: copy unchanged runs, record each change.
void BM_TextRewriter(benchmark::State& state) {
  const auto changes = plan_changes(sample(), static_cast<std::size_t>(state.range(0)), 0);
  nahr::TextRewriter rw(sample());
  for (auto _ : state) {
    rw.reset(sample());
    for (const Change& c : changes) rw.replace(c.begin, c.end, c.replacement);
    benchmark::DoNotOptimize(rw.text().data());
  }
  set_bytes(state);
}
BENCHMARK(BM_TextRewriter)->Arg(0)->Arg(300)->Arg(3000);

// The host's side of one normaliser: set the text as read, then rewrite it
// (validate the edits, keep the original, store the alignment).
void BM_DocumentRewrite(benchmark::State& state) {
  const auto n = static_cast<std::size_t>(state.range(0));
  const Rewrite r = rewrite_with(sample(), plan_changes(sample(), n, 0));
  nahr::model::Document doc;
  for (auto _ : state) {
    doc.set_text(sample());
    benchmark::DoNotOptimize(doc.rewrite(r.new_text, r.edits));
  }
  set_bytes(state);
}
BENCHMARK(BM_DocumentRewrite)->Arg(0)->Arg(300)->Arg(3000);

// Two normalisers in a row: the second rewrite composes with the first.
void BM_DocumentRewriteTwice(benchmark::State& state) {
  const auto n = static_cast<std::size_t>(state.range(0));
  const Rewrite first = rewrite_with(sample(), plan_changes(sample(), n, 0));
  const Rewrite second = rewrite_with(first.new_text, plan_changes(first.new_text, n, 7));
  nahr::model::Document doc;
  for (auto _ : state) {
    doc.set_text(sample());
    doc.rewrite(first.new_text, first.edits);
    benchmark::DoNotOptimize(doc.rewrite(second.new_text, second.edits));
  }
  set_bytes(state);
}
BENCHMARK(BM_DocumentRewriteTwice)->Arg(300)->Arg(3000);

// A writer asking for the original span of every word after two rewrites.
void BM_ToOriginal(benchmark::State& state) {
  const auto n = static_cast<std::size_t>(state.range(0));
  const Rewrite first = rewrite_with(sample(), plan_changes(sample(), n, 0));
  const Rewrite second = rewrite_with(first.new_text, plan_changes(first.new_text, n, 7));
  nahr::model::Document doc;
  doc.set_text(sample());
  doc.rewrite(first.new_text, first.edits);
  doc.rewrite(second.new_text, second.edits);

  std::vector<std::pair<std::uint64_t, std::uint64_t>> words;
  const std::string& text = doc.text();
  for (std::size_t b = 0; b < text.size();) {
    const std::size_t e = std::min(text.find_first_of(" \n", b), text.size());
    if (e > b) words.emplace_back(b, e);
    b = e + 1;
  }
  for (auto _ : state) {
    for (const auto& [b, e] : words) benchmark::DoNotOptimize(doc.to_original(b, e));
  }
  state.SetItemsProcessed(state.iterations() * static_cast<std::int64_t>(words.size()));
  set_bytes(state);
}
BENCHMARK(BM_ToOriginal)->Arg(300)->Arg(3000);

}  // namespace
