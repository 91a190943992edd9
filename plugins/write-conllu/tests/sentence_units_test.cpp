#include "../sentence_units.hpp"

#include <catch2/catch.hpp>
#include <vector>

namespace {

using namespace nahr::write_conllu;
using nahr::Span;

// Token ranges of the units, as {first, last} pairs.
std::vector<std::pair<std::size_t, std::size_t>> groups(
    const std::vector<Span>& tokens, const std::vector<Span>& sentences,
    const std::vector<std::uint64_t>& paragraphs, Orphans orphans = Orphans::sentence) {
  std::vector<Unit> units;
  group_sentences(tokens, sentences, paragraphs, orphans, units);
  std::vector<std::pair<std::size_t, std::size_t>> out;
  for (const Unit& u : units) out.emplace_back(u.first, u.last);
  return out;
}

using Groups = std::vector<std::pair<std::size_t, std::size_t>>;

// Tokens at 0-4, 5-9, 10-14, ... (two-letter Arabic words with a space).
std::vector<Span> tokens(std::size_t n) {
  std::vector<Span> out;
  for (std::uint64_t i = 0; i < n; ++i) out.push_back({i * 5, i * 5 + 4});
  return out;
}

}  // namespace

TEST_CASE("tokens go to the sentence they begin in") {
  CHECK(groups(tokens(4), {{0, 9}, {10, 19}}, {}) == Groups{{0, 2}, {2, 4}});
  // A token that runs past its sentence's end still belongs to it.
  CHECK(groups(tokens(3), {{0, 7}, {10, 14}}, {}) == Groups{{0, 2}, {2, 3}});
}

TEST_CASE("a sentence's text span covers the sentence and its tokens") {
  std::vector<Unit> units;
  group_sentences(tokens(2), std::vector<Span>{{0, 7}}, {}, Orphans::sentence, units);
  REQUIRE(units.size() == 1);
  CHECK(units[0].text == Span{0, 9});
}

TEST_CASE("orphan runs become sentences or are skipped") {
  // Sentence over tokens 0-1; tokens 2-3 orphans; sentence over token 4.
  const std::vector<Span> sentences{{0, 9}, {20, 24}};
  CHECK(groups(tokens(5), sentences, {}) == Groups{{0, 2}, {2, 4}, {4, 5}});
  CHECK(groups(tokens(5), sentences, {}, Orphans::skip) == Groups{{0, 2}, {4, 5}});
}

TEST_CASE("a paragraph start ends a run of orphans") {
  CHECK(groups(tokens(5), {{0, 4}}, {0, 15}) == Groups{{0, 1}, {1, 3}, {3, 5}});
}

TEST_CASE("without sentences there is one sentence per paragraph or one in all") {
  CHECK(groups(tokens(5), {}, {0, 10}) == Groups{{0, 2}, {2, 5}});
  CHECK(groups(tokens(5), {}, {}) == Groups{{0, 5}});
  CHECK(groups(tokens(5), {}, {}, Orphans::skip) == Groups{{0, 5}});
  CHECK(groups({}, {{0, 9}}, {}).empty());
}
