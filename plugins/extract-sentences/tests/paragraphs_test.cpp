// Paragraph splitting and trimming, in both paragraph-break modes.
#include "../paragraphs.hpp"

#include <catch2/catch.hpp>

#include <string>
#include <string_view>
#include <vector>

namespace {

using extract_sentences::ParagraphBreaks;

std::vector<std::string> paragraphs(std::string_view text, ParagraphBreaks mode) {
  std::vector<extract_sentences::Range> ranges;
  extract_sentences::find_paragraphs(text, mode, ranges);
  std::vector<std::string> out;
  for (const auto& r : ranges) out.emplace_back(text.substr(r.begin, r.end - r.begin));
  return out;
}

using Texts = std::vector<std::string>;

}  // namespace

TEST_CASE("newline mode: every line is a paragraph", "[paragraphs]") {
  const auto mode = ParagraphBreaks::newline;
  CHECK(paragraphs("عنوان الخبر\nالفقرة الأولى.\nالفقرة الثانية.", mode) ==
        Texts{"عنوان الخبر", "الفقرة الأولى.", "الفقرة الثانية."});
  CHECK(paragraphs("أولى.\r\nثانية.\rثالثة.", mode) == Texts{"أولى.", "ثانية.", "ثالثة."});
  CHECK(paragraphs("أولى.\u2028ثانية.\u0085ثالثة.", mode) == Texts{"أولى.", "ثانية.", "ثالثة."});
  CHECK(paragraphs("\n\n  أولى. \n \t \n\nثانية.\n", mode) == Texts{"أولى.", "ثانية."});
  CHECK(paragraphs("", mode).empty());
  CHECK(paragraphs(" \n\u200f\n", mode).empty());
}

TEST_CASE("blank_line mode: only empty lines separate paragraphs", "[paragraphs]") {
  const auto mode = ParagraphBreaks::blank_line;
  CHECK(paragraphs("سطر أول\nسطر ثان\n\nفقرة ثانية", mode) ==
        Texts{"سطر أول\nسطر ثان", "فقرة ثانية"});
  CHECK(paragraphs("أولى\r\n\r\nثانية", mode) == Texts{"أولى", "ثانية"});
  CHECK(paragraphs("أولى\n \t\u00a0\nثانية", mode) == Texts{"أولى", "ثانية"});
  CHECK(paragraphs("أولى\n\n\n\nثانية\n\n", mode) == Texts{"أولى", "ثانية"});
  CHECK(paragraphs("أولى\u2029ثانية", mode) == Texts{"أولى", "ثانية"});
  CHECK(paragraphs("أولى\n", mode) == Texts{"أولى"});
}

TEST_CASE("trim drops blanks of every kind", "[paragraphs]") {
  const std::string text = "\u200f\u00a0 \tنص\u202c\ufeff ";
  const auto r = extract_sentences::trim(text, 0, text.size());
  CHECK(std::string_view(text).substr(r.begin, r.end - r.begin) == "نص");
  const auto empty = extract_sentences::trim(text, 0, 5);
  CHECK(empty.begin == empty.end);
}
