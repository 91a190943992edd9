#include "sentence_units.hpp"

#include <algorithm>

namespace nahr::write_conllu {
namespace {

// What a token belongs to: sentence i, or the orphans after paragraph start i.
struct Key {
  bool orphan;
  std::size_t index;
  friend bool operator==(const Key&, const Key&) = default;
};

}  // namespace

void group_sentences(std::span<const Span> tokens, std::span<const Span> sentences,
                     std::span<const std::uint64_t> paragraph_begins, Orphans orphans,
                     std::vector<Unit>& units) {
  units.clear();
  const bool skip_orphans = orphans == Orphans::skip && !sentences.empty();
  Key current{};
  std::size_t s = 0;
  for (std::size_t t = 0; t < tokens.size(); ++t) {
    const Span token = tokens[t];
    while (s < sentences.size() && sentences[s].end <= token.begin) ++s;
    Key key{};
    if (s < sentences.size() && sentences[s].begin <= token.begin) {
      key = {false, s};
    } else if (skip_orphans) {
      continue;
    } else {
      const auto after =
          std::upper_bound(paragraph_begins.begin(), paragraph_begins.end(), token.begin);
      key = {true, static_cast<std::size_t>(after - paragraph_begins.begin())};
    }
    if (units.empty() || key != current) {
      Unit unit{t, t + 1, token};
      if (!key.orphan) {
        unit.text = {std::min(sentences[s].begin, token.begin),
                     std::max(sentences[s].end, token.end)};
      }
      units.push_back(unit);
      current = key;
    } else {
      Unit& unit = units.back();
      unit.last = t + 1;
      unit.text.end = std::max(unit.text.end, token.end);
    }
  }
}

}  // namespace nahr::write_conllu
