#include "../id_format.hpp"

#include <nahr/error.hpp>

#include <catch2/catch.hpp>

using nahr::read_text::file_name;
using nahr::read_text::file_stem;
using nahr::read_text::IdFields;
using nahr::read_text::IdFormat;

namespace {

std::string render(std::string_view pattern, const IdFields& fields) {
  std::string out = "left over from the previous id";
  IdFormat(pattern).render(fields, out);
  return out;
}

}  // namespace

TEST_CASE("id placeholders are replaced and other text is kept") {
  const IdFields fields{"أخبار-2019", "أخبار-2019.txt.gz", 41};
  CHECK(render("{stem}", fields) == "أخبار-2019");
  CHECK(render("{stem}-{index}", fields) == "أخبار-2019-41");
  CHECK(render("{name}#{index1}", fields) == "أخبار-2019.txt.gz#42");
  CHECK(render("وكالة/{index1}/{index}", fields) == "وكالة/42/41");
  CHECK(render("fixed", fields) == "fixed");
  CHECK(render("", fields).empty());
  CHECK(render("a}b", fields) == "a}b");
}

TEST_CASE("an unknown or unclosed placeholder is refused when the stage is made") {
  CHECK_THROWS_AS(IdFormat("{stem}-{line}"), nahr::FatalError);
  CHECK_THROWS_WITH(IdFormat("{stem}-{line}"), Catch::Matchers::Contains("{line}"));
  CHECK_THROWS_AS(IdFormat("{stem"), nahr::FatalError);
  CHECK_THROWS_AS(IdFormat("{}"), nahr::FatalError);
}

TEST_CASE("file name and stem drop directories then .gz .zst and .txt") {
  CHECK(file_name("corpus/2019/afp-ar.txt.gz") == "afp-ar.txt.gz");
  CHECK(file_name("afp-ar.txt") == "afp-ar.txt");
  CHECK(file_stem("afp-ar.txt.gz") == "afp-ar");
  CHECK(file_stem("afp-ar.txt.zst") == "afp-ar");
  CHECK(file_stem("نشرة.txt") == "نشرة");
  CHECK(file_stem("notes.md") == "notes.md");
  CHECK(file_stem("archive.gz") == "archive");
  CHECK(file_stem(".txt") == ".txt");
  CHECK(file_stem("-") == "-");
}
