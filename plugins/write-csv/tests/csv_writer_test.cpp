#include "../csv_writer.hpp"

#include <catch2/catch.hpp>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <nahr/json.hpp>
#include <nahr/testing.hpp>

#include "rfc4180_reader.hpp"

namespace {

using csv_test::read_csv;
using csv_test::Row;
using nahr::testing::Harness;
using nahr::write_csv::CsvWriter;
namespace model = nahr::model;

model::Document make_doc(std::string id, std::string_view text) {
  model::Document d;
  d.id = std::move(id);
  d.source_file = "wire/afp-ar.txt";
  d.source_record = 2;
  d.source_line = 17;
  d.set_text(text);
  return d;
}

// Annotates the first occurrence of `covered` in the current text.
nahr::AnnotationRef annotate(model::Document& d, std::string_view type, std::string_view covered,
                             std::string_view stage = "ner") {
  const std::size_t at = d.text().find(covered);
  REQUIRE(at != std::string::npos);
  d.current_stage = stage;
  nahr::Document view(model::as_handle(d));
  return view.annotate(type, {at, at + covered.size()});
}

// Removes Arabic tashkeel (U+064B..U+0652, bytes D9 8B..D9 92) through a TextRewriter.
struct StripTashkeel final : nahr::Normaliser {
  static constexpr const char* name = "strip-tashkeel";
  static constexpr const char* summary = "test normaliser";
  explicit StripTashkeel(const nahr::Options&) {}
  void process(nahr::Document& doc) {
    const std::string_view t = doc.text();
    nahr::TextRewriter rewriter(t);
    for (std::size_t i = 0; i + 1 < t.size(); ++i) {
      if (t[i] == '\xD9' && t[i + 1] >= '\x8B' && t[i + 1] <= '\x92') rewriter.erase(i, i + 2);
    }
    rewriter.commit(doc);
  }
};

template <class F>
std::string fatal_message(F&& f) {
  try {
    f();
  } catch (const nahr::FatalError& e) {
    return e.what();
  }
  FAIL("expected a nahr::FatalError");
  return {};
}

std::filesystem::path temp_file(const std::string& name) {
  return std::filesystem::temp_directory_path() /
         ("nahr-write-csv-" + std::to_string(::getpid()) + "-" + name);
}

// True when Python's csv module reads `csv` back as exactly `expected`.
bool python_reads(const std::string& csv, const std::vector<Row>& expected,
                  const char* delimiter = "comma") {
  const auto csv_path = temp_file("check.csv");
  const auto json_path = temp_file("expected.json");
  std::ofstream(csv_path, std::ios::binary) << csv;
  std::string json = "[";
  for (const Row& row : expected) {
    json += json.size() == 1 ? "[" : ",[";
    for (const std::string& field : row) {
      if (&field != &row.front()) json += ',';
      nahr::json::append_string(json, field);
    }
    json += ']';
  }
  std::ofstream(json_path, std::ios::binary) << json << ']';
  const std::string command = "python3 " NAHR_SOURCE_DIR "/plugins/write-csv/tests/read_back.py " +
                              csv_path.string() + " " + json_path.string() + " " + delimiter;
  const int status = std::system(command.c_str());
  std::filesystem::remove(csv_path);
  std::filesystem::remove(json_path);
  return status == 0;
}

const std::string kFffd = "\xEF\xBF\xBD";

}  // namespace

TEST_CASE("document rows by default with a header and CRLF") {
  Harness h;
  std::vector<model::Document> docs{
      make_doc("afp-01", "بيروت (أ ف ب) - قال المتحدث \"لا هدنة\"، وأضاف:\nالمعارك مستمرة."),
      make_doc("afp-02", "دمشق, 7 آذار/مارس\r\nنص ثان")};
  docs[1].source_line = 30;

  const std::string out = h.write<CsvWriter>(docs);
  CHECK(
      out.starts_with("id,source_file,source_line,text\r\n"
                      "afp-01,wire/afp-ar.txt,17,\"بيروت (أ ف ب) - قال المتحدث \"\"لا هدنة\"\"، "));
  const std::vector<Row> expected{
      {"id", "source_file", "source_line", "text"},
      {"afp-01", "wire/afp-ar.txt", "17",
       "بيروت (أ ف ب) - قال المتحدث \"لا هدنة\"، وأضاف:\nالمعارك مستمرة."},
      {"afp-02", "wire/afp-ar.txt", "30", "دمشق, 7 آذار/مارس\r\nنص ثان"}};
  CHECK(read_csv(out) == expected);
  CHECK(python_reads(out, expected));
  // The cross-check can fail: one changed character is a difference.
  std::vector<Row> altered = expected;
  altered[2][3] += '!';
  CHECK_FALSE(python_reads(out, altered));
}

TEST_CASE("chosen document columns with metadata and the original text") {
  Harness h;
  std::vector<model::Document> docs{make_doc("afp-03", "قالَ مُحَمَّدٌ")};
  docs[0].set_metadata("headline", "عنوان، مع فاصلة");
  h.process<StripTashkeel>(docs[0]);

  const std::string out = h.write<CsvWriter>(
      docs, {{"columns", std::vector<std::string>{"id", "source_record", "metadata.headline",
                                                  "metadata.missing", "text", "original_text"}}});
  const std::vector<Row> expected{
      {"id", "source_record", "metadata.headline", "metadata.missing", "text", "original_text"},
      {"afp-03", "2", "عنوان، مع فاصلة", "", "قال محمد", "قالَ مُحَمَّدٌ"}};
  CHECK(read_csv(out) == expected);
  CHECK(python_reads(out, expected));
}

TEST_CASE("annotation rows carry offsets and covered text and attributes") {
  Harness h;
  // 😀 is 4 bytes / 1 code point / 2 UTF-16 units; each Arabic letter is 2 / 1 / 1.
  std::vector<model::Document> docs{make_doc("afp-04", "😀 قال محمد، \"نعم\"")};
  annotate(docs[0], "entity", "محمد").set("label", "PER").set("canonical", "محمد \"أبو\" علي");
  annotate(docs[0], "quote", "نعم", "quotes").set("speaker", "محمد");
  docs.push_back(make_doc("afp-05", "لا شيء"));  // no annotation: no row

  const auto rows = [&](const char* unit) {
    return read_csv(h.write<CsvWriter>(
        docs, {{"rows", std::string("annotations")}, {"offsets", std::string(unit)}}));
  };
  const Row header{"id",           "type", "begin",     "end", "original_begin",
                   "original_end", "text", "attributes"};
  CHECK(rows("codepoints") ==
        std::vector<Row>{
            header,
            {"afp-04", "entity", "6", "10", "6", "10", "محمد",
             R"({"label":"PER","canonical":"محمد \"أبو\" علي"})"},
            {"afp-04", "quote", "13", "16", "13", "16", "نعم", R"({"speaker":"محمد"})"}});
  CHECK(rows("bytes")[1][2] == "12");
  CHECK(rows("bytes")[1][3] == "20");
  CHECK(rows("utf16")[1][2] == "7");
  CHECK(rows("utf16")[2][3] == "17");

  const std::string out = h.write<CsvWriter>(docs, {{"rows", std::string("annotations")}});
  CHECK(python_reads(out, rows("codepoints")));
}

TEST_CASE("annotation columns for attributes and stage and the original span") {
  Harness h;
  std::vector<model::Document> docs{make_doc("afp-06", "قالَ مُحَمَّدٌ للصحفيين")};
  h.process<StripTashkeel>(docs[0]);
  annotate(docs[0], "entity", "محمد").set("label", "PER");
  annotate(docs[0], "token", "للصحفيين", "tokens").set("kind", "word");

  const std::string out = h.write<CsvWriter>(
      docs, {{"rows", std::string("annotations")},
             {"annotation_types", std::vector<std::string>{"entity"}},
             {"columns", std::vector<std::string>{"type", "stage", "begin", "end", "original_begin",
                                                  "original_end", "text", "original",
                                                  "attribute.label", "attribute.none"}}});
  const std::vector<Row> expected{
      {"type", "stage", "begin", "end", "original_begin", "original_end", "text", "original",
       "attribute.label", "attribute.none"},
      {"entity", "ner", "4", "8", "5", "14", "محمد", "مُحَمَّدٌ", "PER", ""}};
  CHECK(read_csv(out) == expected);
}

TEST_CASE("TSV with LF and a BOM and no header") {
  Harness h;
  std::vector<model::Document> docs{make_doc("afp-07", "عمود\tمع\tجدولة, وفاصلة")};
  const std::string out =
      h.write<CsvWriter>(docs, {{"delimiter", std::string("\t")},
                                {"line_ending", std::string("lf")},
                                {"bom", true},
                                {"header", false},
                                {"columns", std::vector<std::string>{"id", "text"}}});
  CHECK(out ==
        "\xEF\xBB\xBF"
        "afp-07\t\"عمود\tمع\tجدولة, وفاصلة\"\n");
  CHECK(python_reads(out, {{"afp-07", "عمود\tمع\tجدولة, وفاصلة"}}, "tab"));
}

TEST_CASE("invalid UTF-8 in every field still reads strictly as UTF-8") {
  Harness h;
  std::vector<model::Document> docs{make_doc("broken\xFF", "نص \xD8 مكسور \xED\xA0\xBD \"هنا\"")};
  docs[0].set_metadata("عنوان", "\xC0\xAF");
  const std::string out = h.write<CsvWriter>(
      docs, {{"columns", std::vector<std::string>{"id", "text", "metadata.عنوان"}}});
  const std::vector<Row> expected{
      {"id", "text", "metadata.عنوان"},
      {"broken" + kFffd, "نص " + kFffd + " مكسور " + kFffd + kFffd + kFffd + " \"هنا\"",
       kFffd + kFffd}};
  CHECK(read_csv(out) == expected);
  CHECK(python_reads(out, expected));
}

TEST_CASE("an empty document gives a row of empty-text fields") {
  Harness h;
  std::vector<model::Document> docs{make_doc("", "")};
  docs[0].source_file.clear();
  CHECK(h.write<CsvWriter>(docs) == "id,source_file,source_line,text\r\n,,17,\r\n");
}

TEST_CASE("a document larger than the output buffer is written whole") {
  Harness h;
  std::string text;
  while (text.size() < (3u << 20)) text += "قال \"المتحدث\"،\nوأضاف: الوضع مستقر. ";
  std::vector<model::Document> docs{make_doc("big", text), make_doc("small", "نص قصير")};
  const std::vector<Row> rows = read_csv(h.write<CsvWriter>(docs));
  REQUIRE(rows.size() == 3);
  CHECK(rows[1][3] == text);
  CHECK(rows[2][3] == "نص قصير");
}

TEST_CASE("unknown columns and annotation columns in document rows are refused") {
  Harness h;
  using Instance = Harness::Instance<CsvWriter>;
  const std::string unknown = fatal_message([] {
    Instance w({{"columns", std::vector<std::string>{"id", "txet"}}});
  });
  CHECK(unknown.find("unknown column \"txet\"") != std::string::npos);
  CHECK(unknown.find("metadata.<key>") != std::string::npos);
  const std::string misplaced = fatal_message([] {
    Instance w({{"columns", std::vector<std::string>{"id", "begin"}}});
  });
  CHECK(misplaced.find("unknown column \"begin\" for rows = \"documents\"") != std::string::npos);
  CHECK(fatal_message([] {
          Instance w({{"rows", std::string("annotations")},
                      {"columns", std::vector<std::string>{"metadata."}}});
        }).find("unknown column \"metadata.\"") != std::string::npos);
}
