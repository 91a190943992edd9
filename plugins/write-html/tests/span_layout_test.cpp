#include "../span_layout.hpp"

#include <catch2/catch.hpp>
#include <random>
#include <set>
#include <string>
#include <vector>

namespace {

using nahr::write_html::LayoutEvent;
using nahr::write_html::Mark;
using nahr::write_html::SpanLayout;

// The layout of `marks` over `text` as a string: "(A" opens mark A's first
// piece, "(a" a later piece, ")" closes, text pieces as they are.
std::string draw(std::vector<Mark> marks, std::string_view text) {
  SpanLayout layout;
  layout.lay_out(marks, text.size());
  std::string out;
  for (const LayoutEvent& e : layout.events()) {
    switch (e.kind) {
      case LayoutEvent::Kind::text:
        out += text.substr(e.begin, e.end - e.begin);
        break;
      case LayoutEvent::Kind::open:
        out += '(';
        out += static_cast<char>((e.first_piece ? 'A' : 'a') + e.id);
        break;
      case LayoutEvent::Kind::close:
        out += ')';
        break;
    }
  }
  return out;
}

}  // namespace

TEST_CASE("no marks is one piece of text") {
  CHECK(draw({}, "abc") == "abc");
  CHECK(draw({}, "") == "");
}

TEST_CASE("a nested mark stays inside without cutting the outer one") {
  CHECK(draw({{0, 10, 0}, {2, 5, 1}}, "0123456789") == "(A01(B234)56789)");
  // Added in the other order, the longer one is still outside.
  CHECK(draw({{2, 5, 0}, {0, 10, 1}}, "0123456789") == "(B01(A234)56789)");
}

TEST_CASE("crossing marks cut the later one where the earlier ends") {
  CHECK(draw({{0, 5, 0}, {3, 8, 1}}, "0123456789") == "(A012(B34))(b567)89");
}

TEST_CASE("marks with the same span nest by id and adjacent marks do not touch") {
  CHECK(draw({{1, 3, 1}, {1, 3, 0}}, "abcd") == "a(A(Bbc))d");
  CHECK(draw({{0, 2, 0}, {2, 4, 1}}, "abcd") == "(Aab)(Bcd)");
}

TEST_CASE("a mark crossed at both ends by different marks") {
  // A [0,4) B [2,8) C [6,10): B is cut where A ends; C is cut where B ends.
  CHECK(draw({{0, 4, 0}, {2, 8, 1}, {6, 10, 2}}, "0123456789") == "(A01(B23))(b45(C67))(c89)");
}

TEST_CASE("random marks always lay out as balanced elements over the right text") {
  std::mt19937 random(7);
  for (int round = 0; round < 2000; ++round) {
    const std::uint64_t size = 1 + random() % 40;
    std::vector<Mark> marks;
    const std::uint32_t n = random() % 8;
    for (std::uint32_t id = 0; id < n; ++id) {
      const std::uint64_t b = random() % size;
      const std::uint64_t e = b + 1 + random() % (size - b);
      marks.push_back({b, e, id});
    }
    const std::vector<Mark> given = marks;
    SpanLayout layout;
    layout.lay_out(marks, size);

    std::vector<std::uint32_t> open;
    std::set<std::uint32_t> started;
    std::uint64_t at = 0;
    INFO("round " << round);
    for (const LayoutEvent& e : layout.events()) {
      if (e.kind == LayoutEvent::Kind::open) {
        REQUIRE(e.first_piece == started.insert(e.id).second);
        open.push_back(e.id);
      } else if (e.kind == LayoutEvent::Kind::close) {
        REQUIRE(!open.empty());
        REQUIRE(open.back() == e.id);
        open.pop_back();
      } else {
        REQUIRE(e.begin == at);
        REQUIRE(e.end > e.begin);
        at = e.end;
        // Open exactly around this piece: the marks that cover it.
        std::set<std::uint32_t> covering;
        for (const Mark& m : given) {
          if (m.begin <= e.begin && e.end <= m.end) covering.insert(m.id);
          // A piece never straddles a boundary.
          REQUIRE_FALSE((m.begin > e.begin && m.begin < e.end));
          REQUIRE_FALSE((m.end > e.begin && m.end < e.end));
        }
        REQUIRE(std::set<std::uint32_t>(open.begin(), open.end()) == covering);
      }
    }
    REQUIRE(open.empty());
    REQUIRE(at == size);
    REQUIRE(started.size() == given.size());
  }
}
