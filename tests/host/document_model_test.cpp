// The document model's alignment: annotations found in rewritten text must
// point back at the exact bytes as read, through any number of rewrites.
#include <nahr/model/document.hpp>
#include <nahr/testing.hpp>

#include <catch2/catch.hpp>

#include <random>

using nahr::model::Document;

namespace {

std::string_view original_slice(const Document& doc, std::uint64_t b, std::uint64_t e) {
  const auto [ob, oe] = doc.to_original(b, e);
  return std::string_view(doc.original_text()).substr(ob, oe - ob);
}

// Rewrites every occurrence of `from` with `to`, as a normaliser would.
void replace_all(Document& doc, std::string_view from, std::string_view to) {
  const std::string text = doc.text();
  nahr::TextRewriter rw(text);
  for (std::size_t at = text.find(from); at != std::string::npos; at = text.find(from, at + from.size())) {
    rw.replace(at, at + from.size(), to);
  }
  if (rw.changed()) REQUIRE(doc.rewrite(rw.text(), rw.edits()) == nullptr);
}

}  // namespace

TEST_CASE("unchanged document maps offsets to themselves", "[model]") {
  Document doc;
  doc.set_text("بيروت: تجري المفاوضات");
  CHECK(doc.alignment().identity());
  CHECK(doc.to_original(3, 9) == std::pair<std::uint64_t, std::uint64_t>{3, 9});
  CHECK(&doc.original_text() == &doc.text());
}

TEST_CASE("deleted diacritics and tatweel map back to the diacritised bytes", "[model]") {
  Document doc;
  const std::string original = "قال الـــرَّئِيسُ اليوم";
  doc.set_text(original);
  replace_all(doc, "\u0640", "");                                        // tatweel
  for (const char* mark : {"\u064E", "\u0650", "\u064F", "\u0651"}) replace_all(doc, mark, "");
  REQUIRE(doc.text() == "قال الرئيس اليوم");
  const std::size_t b = doc.text().find("الرئيس");
  const std::size_t e = b + std::string_view("الرئيس").size();
  CHECK(original_slice(doc, b, e) == "الـــرَّئِيسُ");
  CHECK(doc.original_text() == original);
}

TEST_CASE("an expanded ligature maps back to the single presentation form", "[model]") {
  Document doc;
  doc.set_text("قال \uFEFB شيء");  // ﻻ
  replace_all(doc, "\uFEFB", "\u0644\u0627");
  REQUIRE(doc.text() == "قال لا شيء");
  const std::size_t b = doc.text().find("لا");
  CHECK(original_slice(doc, b, b + 4) == "\uFEFB");
  // Half of the expansion still covers the whole ligature.
  CHECK(original_slice(doc, b, b + 2) == "\uFEFB");
  CHECK(original_slice(doc, b + 2, b + 4) == "\uFEFB");
}

TEST_CASE("inserted text maps to an empty original span at its place", "[model]") {
  Document doc;
  doc.set_text("ال2014");
  const std::string text = doc.text();
  nahr::TextRewriter rw(text);
  rw.insert(4, " ");
  REQUIRE(doc.rewrite(rw.text(), rw.edits()) == nullptr);
  REQUIRE(doc.text() == "ال 2014");
  CHECK(doc.to_original(4, 5) == std::pair<std::uint64_t, std::uint64_t>{4, 4});
  CHECK(original_slice(doc, 5, 9) == "2014");
}

TEST_CASE("existing annotations move with rewritten text", "[model]") {
  Document doc;
  doc.set_text("&amp; قال راين");
  doc.annotations.push_back({"PER", 13, 21, "ner", {}});  // راين
  replace_all(doc, "&amp;", "&");
  REQUIRE(doc.text() == "& قال راين");
  const nahr::model::Annotation& a = doc.annotations[0];
  CHECK(doc.text().substr(a.begin, a.end - a.begin) == "راين");
  CHECK(original_slice(doc, a.begin, a.end) == "راين");
}

TEST_CASE("rewrite refuses edits that do not describe the new text", "[model]") {
  Document doc;
  doc.set_text("abcdef");
  const nahr_edit overlapping[] = {{0, 3, 0, 1}, {2, 4, 1, 2}};
  CHECK(doc.rewrite("xyf", overlapping) != nullptr);
  const nahr_edit wrong_gap[] = {{1, 2, 1, 1}};
  CHECK(std::string(doc.rewrite("abcdef", wrong_gap)) == "unchanged tail differs in length");
  CHECK(doc.text() == "abcdef");
  CHECK(doc.alignment().identity());
}

TEST_CASE("alignment memory grows with changes, not with text length", "[model]") {
  Document doc;
  std::string big(1 << 20, 'x');
  big.replace(1000, 2, "\u064E");
  doc.set_text(big);
  replace_all(doc, "\u064E", "");
  CHECK(doc.alignment().regions().size() == 1);
}

// Random chains of rewrites. Words are separated by spaces no rule touches,
// and rules are context-free, so a word's original span is right exactly
// when applying the same rules to it gives the word, and it stays inside
// the word as read.
TEST_CASE("random rewrite chains keep word spans exact", "[model]") {
  std::mt19937 rng(20261125);
  const std::vector<std::string> alphabet = {"a", "b", "\u0627", "\u064E", "\u0640", "\uFEFB"};
  const std::vector<std::pair<std::string, std::string>> rules = {
      {"\u064E", ""}, {"\u0640", ""}, {"\uFEFB", "\u0644\u0627"}, {"a", "AA"}, {"b", ""}, {"\u0627", "a"}};
  for (int round = 0; round < 300; ++round) {
    std::string text;
    const int words = 1 + static_cast<int>(rng() % 8);
    for (int w = 0; w < words; ++w) {
      if (w > 0) text += ' ';
      const int letters = 1 + static_cast<int>(rng() % 6);
      for (int l = 0; l < letters; ++l) text += alphabet[rng() % alphabet.size()];
    }
    std::vector<std::pair<std::string, std::string>> applied;
    Document doc;
    doc.set_text(text);
    const int steps = 1 + static_cast<int>(rng() % 4);
    for (int s = 0; s < steps; ++s) {
      applied.push_back(rules[rng() % rules.size()]);
      replace_all(doc, applied.back().first, applied.back().second);
    }
    std::size_t original_word_begin = 0;
    for (std::size_t at = 0; at <= doc.text().size();) {
      const std::size_t end = std::min(doc.text().find(' ', at), doc.text().size());
      const std::size_t original_word_end = std::min(text.find(' ', original_word_begin), text.size());
      INFO("round " << round << ": '" << text << "' -> '" << doc.text() << "'");
      const auto [ob, oe] = doc.to_original(at, end);
      CHECK(ob >= original_word_begin);
      CHECK(oe <= original_word_end);
      Document replay;
      replay.set_text(std::string_view(text).substr(ob, oe - ob));
      for (const auto& [from, to] : applied) replace_all(replay, from, to);
      CHECK(replay.text() == doc.text().substr(at, end - at));
      at = end + 1;
      original_word_begin = original_word_end + 1;
    }
  }
}

// Lookups start where the previous one ended (EditMap::first_after); the
// answer must not depend on where that was. Edits include empty ones and
// runs starting at one offset, the cases lower and upper bounds tell apart.
TEST_CASE("offset lookups give the same answer from any starting hint", "[model]") {
  using Back = nahr::model::EditMap<false>;
  std::mt19937 rng(20261126);
  for (int round = 0; round < 200; ++round) {
    std::vector<nahr_edit> edits;
    std::uint64_t old_pos = 0, new_pos = 0;
    const int count = static_cast<int>(rng() % 12);
    for (int i = 0; i < count; ++i) {
      const std::uint64_t gap = rng() % 4;  // 0: touches the previous edit
      const std::uint64_t old_len = rng() % 3, new_len = rng() % 3;
      edits.push_back({old_pos + gap, old_pos + gap + old_len, new_pos + gap, new_pos + gap + new_len});
      old_pos += gap + old_len;
      new_pos += gap + new_len;
    }
    const std::uint64_t size = new_pos + 3;
    const std::vector<std::size_t> hints = {0, edits.size() / 2, edits.size(), edits.size() + 7};
    std::size_t carried = 0;  // as a run of in-order lookups leaves it
    for (std::uint64_t x = 0; x <= size; ++x) {
      INFO("round " << round << ", offset " << x);
      const auto upper = std::upper_bound(edits.begin(), edits.end(), x,
                                          [](std::uint64_t v, const nahr_edit& e) { return v < e.new_begin; });
      std::size_t fresh = 0;
      const std::uint64_t begin = Back::begin(edits, x, fresh);
      const std::uint64_t end = Back::end(edits, x, fresh);
      CHECK(Back::begin(edits, x, carried) == begin);
      CHECK(Back::end(edits, x, carried) == end);
      for (std::size_t hint : hints) {
        std::size_t h = hint;
        CHECK(Back::first_after(edits, x, h) == static_cast<std::size_t>(upper - edits.begin()));
        h = hint;
        CHECK(Back::begin(edits, x, h) == begin);
        h = hint;
        CHECK(Back::end(edits, x, h) == end);
      }
    }
  }
}
