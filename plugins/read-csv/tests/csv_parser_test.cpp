// Splitting CSV rows at every block boundary.
#include "../csv_parser.hpp"

#include <nahr/testing.hpp>

#include <catch2/catch.hpp>

#include <string>
#include <vector>

namespace {

using nahr::read_csv::CsvParser;
using nahr::read_csv::Dialect;
using Rows = std::vector<std::vector<std::string>>;

// Every row, or "error: line N: message" in its place.
Rows split(const std::string& bytes, std::size_t block, Dialect dialect = {}) {
  nahr::testing::Harness h;
  nahr::testing::detail::MemoryInput input("t.csv", bytes, block);
  nahr::model::InputBinding binding(input);
  CsvParser parser(16);  // a tiny buffer: rows outgrow it
  parser.open(nahr::Input(binding.handle()), dialect);
  Rows rows;
  CsvParser::Row row;
  for (;;) {
    try {
      if (!parser.next(row)) break;
      rows.emplace_back(row.fields.begin(), row.fields.end());
    } catch (const nahr::read_csv::RowError& e) {
      rows.push_back({"error: line " + std::to_string(e.line) + ": " + e.what()});
    }
  }
  return rows;
}

void check_every_block_size(const std::string& bytes, const Rows& expected, Dialect dialect = {}) {
  for (std::size_t block = 1; block <= bytes.size() + 1; ++block) {
    INFO("blocks of " << block);
    CHECK(split(bytes, block, dialect) == expected);
  }
}

}  // namespace

TEST_CASE("fields quotes doubled quotes and embedded line breaks") {
  check_every_block_size("أ,\"ب، ج\",\"قال \"\"نعم\"\"\"\r\n\"سطر\nآخر\",,\"\"\n",
                         {{"أ", "ب، ج", "قال \"نعم\""}, {"سطر\nآخر", "", ""}});
}

TEST_CASE("blank lines are skipped and a trailing delimiter makes an empty field") {
  check_every_block_size("\r\n\nأ,\n\n\r\nب\r\n", {{"أ", ""}, {"ب"}});
  check_every_block_size("أ,ب", {{"أ", "ب"}});
}

TEST_CASE("a quote inside an unquoted field is text") {
  check_every_block_size("قال \"لا\",ب\n", {{"قال \"لا\"", "ب"}});
}

TEST_CASE("strict rejects text after a closing quote and goes on with the next row") {
  check_every_block_size("\"أ\"ب,ج\nد\n",
                         {{"error: line 1: text after the closing quote of a field"}, {"د"}});
  Dialect lenient;
  lenient.strict = false;
  check_every_block_size("\"أ\"ب,ج\nد\n", {{"أب", "ج"}, {"د"}}, lenient);
}

TEST_CASE("a quote left open ends the input with an error") {
  check_every_block_size("أ\n\"ب\nج,د\n",
                         {{"أ"}, {"error: line 2: the quoted field opened on line 2 is not closed "
                                  "at the end of the input"}});
}

TEST_CASE("line numbers count the line breaks inside quoted fields") {
  nahr::testing::Harness h;
  nahr::testing::detail::MemoryInput input("t.csv", "a,\"1\n2\n3\"\n\nb,c\n", 3);
  nahr::model::InputBinding binding(input);
  CsvParser parser(4);
  parser.open(nahr::Input(binding.handle()), Dialect{});
  CsvParser::Row row;
  REQUIRE(parser.next(row));
  CHECK(row.line == 1);
  CHECK(row.raw == "a,\"1\n2\n3\"");
  REQUIRE(parser.next(row));
  CHECK(row.line == 5);
  CHECK(row.raw == "b,c");
  CHECK_FALSE(parser.next(row));
}

TEST_CASE("tabs and no quoting") {
  Dialect tsv;
  tsv.delimiter = '\t';
  tsv.quoting = false;
  check_every_block_size("\"أ\tب\"\tج\r\n", {{"\"أ", "ب\"", "ج"}}, tsv);
}
