#include "../jsonl_writer.hpp"

#include <nahr/testing.hpp>

#include <catch2/catch.hpp>
#include <simdjson.h>

#include <sstream>

namespace {

using nahr::testing::Harness;
using nahr::write_jsonl::JsonlWriter;
namespace model = nahr::model;

model::Document make_doc(std::string id, std::string_view text) {
  model::Document d;
  d.id = std::move(id);
  d.source_file = "wire/afp-ar.txt";
  d.source_record = 3;
  d.source_line = 41;
  d.set_text(text);
  return d;
}

// Annotates the first occurrence of `covered` in the current text.
void annotate(model::Document& d, std::string_view type, std::string_view covered,
              std::string_view stage = "ner") {
  const std::size_t at = d.text().find(covered);
  REQUIRE(at != std::string::npos);
  d.current_stage = stage;
  nahr::Document view(model::as_handle(d));
  view.annotate(type, {at, at + covered.size()}).set("lang", "ar");
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

std::vector<std::string> lines_of(const std::string& out) {
  std::vector<std::string> lines;
  std::istringstream in(out);
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  return lines;
}

// One output line parsed with simdjson; fails the test when it is not valid JSON.
class Json {
 public:
  explicit Json(const std::string& line) : padded_(line) {
    INFO(line);
    REQUIRE(parser_.parse(padded_).get(root_) == simdjson::SUCCESS);
  }
  simdjson::dom::element operator[](std::string_view key) const { return root_[key].value(); }
  bool has(std::string_view key) const { return root_[key].error() == simdjson::SUCCESS; }
  std::vector<std::string> keys() const {
    std::vector<std::string> out;
    for (auto field : root_.get_object()) out.emplace_back(field.key);
    return out;
  }

 private:
  simdjson::padded_string padded_;
  simdjson::dom::parser parser_;
  simdjson::dom::element root_;
};

std::string str(simdjson::dom::element e) { return std::string(std::string_view(e)); }
std::uint64_t num(simdjson::dom::element e) { return std::uint64_t(e); }

}  // namespace

TEST_CASE("a document is one line with keys in the documented order") {
  Harness h;
  std::vector<model::Document> docs{make_doc("afp-01", "بيروت (أ ف ب) - قالَ المتحدث")};
  docs[0].set_metadata("date", "2019-03-07");
  docs[0].set_metadata("عنوان", "هدنة \"إنسانية\"");
  annotate(docs[0], "place", "بيروت");

  const std::string out = h.write<JsonlWriter>(docs);
  const auto lines = lines_of(out);
  REQUIRE(lines.size() == 1);
  CHECK(out.back() == '\n');
  const Json json(lines[0]);
  CHECK(json.keys() ==
        std::vector<std::string>{"id", "source", "text", "metadata", "annotations", "offsets"});
  CHECK(str(json["id"]) == "afp-01");
  CHECK(str(json["source"]["file"]) == "wire/afp-ar.txt");
  CHECK(num(json["source"]["record"]) == 3);
  CHECK(num(json["source"]["line"]) == 41);
  CHECK(str(json["text"]) == "بيروت (أ ف ب) - قالَ المتحدث");
  CHECK(str(json["metadata"]["date"]) == "2019-03-07");
  CHECK(str(json["metadata"]["عنوان"]) == "هدنة \"إنسانية\"");
  CHECK(str(json["offsets"]) == "codepoints");

  const auto place = json["annotations"].at(0);
  CHECK(str(place["type"]) == "place");
  CHECK(num(place["begin"]) == 0);
  CHECK(num(place["end"]) == 5);
  CHECK(num(place["original_begin"]) == 0);
  CHECK(num(place["original_end"]) == 5);
  CHECK(str(place["stage"]) == "ner");
  CHECK(str(place["attributes"]["lang"]) == "ar");
}

TEST_CASE("an empty document still writes every key") {
  Harness h;
  std::vector<model::Document> docs{make_doc("empty", "")};
  const std::string out = h.write<JsonlWriter>(docs);
  CHECK(out ==
        "{\"id\":\"empty\",\"source\":{\"file\":\"wire/afp-ar.txt\",\"record\":3,\"line\":41},"
        "\"text\":\"\",\"metadata\":{},\"annotations\":[],\"offsets\":\"codepoints\"}\n");
}

TEST_CASE("control characters and broken UTF-8 still give valid JSON") {
  Harness h;
  const std::string text = std::string("سطر\x01\x1f\t\"اقتباس\"\\\r\n") +
                           "\xED\xA0\xBD\xED\xB8\x80" +  // CESU-8 surrogates of U+1F600
                           "\xC0\xAF" + "\xD8" + " نهاية" + std::string(1, '\0');
  std::vector<model::Document> docs{make_doc("broken\xFF", text)};
  docs[0].set_metadata("مفتاح\x80", "قيمة\x0b");

  const Json json(lines_of(h.write<JsonlWriter>(docs))[0]);
  const std::string fffd = "\xEF\xBF\xBD";
  CHECK(str(json["id"]) == "broken" + fffd);
  CHECK(str(json["text"]) == std::string("سطر\x01\x1f\t\"اقتباس\"\\\r\n") + fffd + fffd + fffd +
                                 fffd + fffd + fffd + fffd + fffd + fffd + " نهاية" +
                                 std::string(1, '\0'));
  CHECK(str(json["metadata"]["مفتاح" + fffd]) == "قيمة\x0b");
}

TEST_CASE("offsets of an annotation over Arabic after an emoji in every unit") {
  Harness h;
  // 😀 is 4 bytes / 1 code point / 2 UTF-16 units; each Arabic letter or mark is 2 / 1 / 1.
  const std::string text = "😀 قالَ محمّد AFP";
  auto run = [&](const char* unit) {
    std::vector<model::Document> docs{make_doc("d", text)};
    annotate(docs[0], "person", "محمّد");
    annotate(docs[0], "emoji", "😀");
    annotate(docs[0], "agency", "AFP");
    const Json json(lines_of(h.write<JsonlWriter>(docs, {{"offsets", std::string(unit)}}))[0]);
    CHECK(str(json["offsets"]) == unit);
    std::vector<std::uint64_t> ends;
    for (auto a : json["annotations"].get_array()) {
      ends.push_back(num(a["begin"]));
      ends.push_back(num(a["end"]));
      CHECK(num(a["original_begin"]) == ends[ends.size() - 2]);
      CHECK(num(a["original_end"]) == ends.back());
    }
    return ends;
  };
  // person, emoji, agency: added out of text order on purpose.
  CHECK(run("bytes") == std::vector<std::uint64_t>{14, 24, 0, 4, 25, 28});
  CHECK(run("codepoints") == std::vector<std::uint64_t>{7, 12, 0, 1, 13, 16});
  CHECK(run("utf16") == std::vector<std::uint64_t>{8, 13, 0, 2, 14, 17});
}

TEST_CASE("original offsets and original text after a rewrite") {
  Harness h;
  std::vector<model::Document> docs{make_doc("d", "قالَ مُحَمَّدٌ 😀 للصحفيين")};
  h.process<StripTashkeel>(docs[0]);
  REQUIRE(docs[0].text() == "قال محمد 😀 للصحفيين");
  annotate(docs[0], "person", "محمد");
  annotate(docs[0], "emoji", "😀");

  SECTION("codepoints") {
    const Json json(lines_of(h.write<JsonlWriter>(docs, {{"original_text", true}}))[0]);
    CHECK(json.keys() == std::vector<std::string>{"id", "source", "text", "original_text",
                                                  "metadata", "annotations", "offsets"});
    CHECK(str(json["text"]) == "قال محمد 😀 للصحفيين");
    CHECK(str(json["original_text"]) == "قالَ مُحَمَّدٌ 😀 للصحفيين");
    const auto person = json["annotations"].at(0);
    CHECK(num(person["begin"]) == 4);
    CHECK(num(person["end"]) == 8);
    // "قالَ " is 5 code points; the span covers مُحَمَّدٌ (9 code points): the
    // tanween deleted right after the last letter belongs to the word.
    CHECK(num(person["original_begin"]) == 5);
    CHECK(num(person["original_end"]) == 14);
    const auto emoji = json["annotations"].at(1);
    CHECK(num(emoji["begin"]) == 9);
    CHECK(num(emoji["end"]) == 10);
    CHECK(num(emoji["original_begin"]) == 15);
    CHECK(num(emoji["original_end"]) == 16);
  }
  SECTION("utf16") {
    const Json json(lines_of(h.write<JsonlWriter>(docs, {{"offsets", std::string("utf16")}}))[0]);
    const auto emoji = json["annotations"].at(1);
    CHECK(num(emoji["begin"]) == 9);
    CHECK(num(emoji["end"]) == 11);
    CHECK(num(emoji["original_begin"]) == 15);
    CHECK(num(emoji["original_end"]) == 17);
  }
  SECTION("bytes") {
    const Json json(lines_of(h.write<JsonlWriter>(docs, {{"offsets", std::string("bytes")}}))[0]);
    const auto person = json["annotations"].at(0);
    CHECK(num(person["begin"]) == 7);
    CHECK(num(person["end"]) == 15);
    CHECK(num(person["original_begin"]) == 9);
    CHECK(num(person["original_end"]) == 27);
  }
}

TEST_CASE("original_text is left out when the text was not changed") {
  Harness h;
  std::vector<model::Document> docs{make_doc("d", "نص لم يتغير")};
  const Json json(lines_of(h.write<JsonlWriter>(docs, {{"original_text", true}}))[0]);
  CHECK_FALSE(json.has("original_text"));
}

TEST_CASE("annotation_types keeps only the listed types") {
  Harness h;
  std::vector<model::Document> docs{make_doc("d", "التقى محمد وأحمد في بيروت")};
  annotate(docs[0], "person", "محمد");
  annotate(docs[0], "place", "بيروت");
  annotate(docs[0], "person", "أحمد");
  annotate(docs[0], "token", "في");
  const Json json(lines_of(h.write<JsonlWriter>(
      docs, {{"annotation_types", std::vector<std::string>{"place", "person"}}}))[0]);
  std::vector<std::string> types;
  for (auto a : json["annotations"].get_array()) types.push_back(str(a["type"]));
  CHECK(types == std::vector<std::string>{"person", "place", "person"});
  CHECK(num(json["annotations"].at(2)["begin"]) == 12);
}

TEST_CASE("text source and original offsets can be left out") {
  Harness h;
  std::vector<model::Document> docs{make_doc("d", "مرحبا")};
  annotate(docs[0], "word", "مرحبا");
  const Json json(lines_of(h.write<JsonlWriter>(
      docs, {{"text", false}, {"source", false}, {"original_offsets", false}}))[0]);
  CHECK(json.keys() == std::vector<std::string>{"id", "metadata", "annotations", "offsets"});
  auto a = json["annotations"].at(0);
  CHECK(a["original_begin"].error() == simdjson::NO_SUCH_FIELD);
  CHECK(num(a["end"]) == 5);
}

TEST_CASE("many long documents come out whole and in order") {
  Harness h;
  std::vector<model::Document> docs;
  std::string paragraph;
  for (int i = 0; i < 40; ++i) paragraph += "تتواصل المفاوضات في ريف إدلب الجنوبي. ";
  for (int i = 0; i < 1500; ++i) docs.push_back(make_doc("afp-" + std::to_string(i), paragraph));
  const auto lines = lines_of(h.write<JsonlWriter>(docs));
  REQUIRE(lines.size() == docs.size());
  for (std::size_t i = 0; i < lines.size(); i += 97) {
    const Json json(lines[i]);
    CHECK(str(json["id"]) == "afp-" + std::to_string(i));
    CHECK(str(json["text"]) == paragraph);
  }
}

// Annotations are gathered in a 1 KiB buffer (buffered_append.hpp): pieces
// longer than it, values that need escaping or repair, and thousands of
// annotations crossing its boundary must come out as written one by one.
TEST_CASE("annotations of every size and spelling come out whole") {
  Harness h;
  const std::string word = "وزير";
  std::string text;
  for (int i = 0; i < 2000; ++i) text += word + " ";
  std::vector<model::Document> docs{make_doc("afp-long", text)};
  model::Document& d = docs[0];
  const std::string long_type(3000, 't');
  const std::string long_value = std::string(1500, 'x') + "\"\\" + std::string(1500, 'y');
  const std::vector<std::string> values = {"word", "قال \"الوزير\"", "tab\there", "bad\xFF",
                                           long_value, ""};
  d.current_stage = "extract-tokens";
  for (std::size_t i = 0; i < 2000; ++i) {
    const std::uint64_t at = i * (word.size() + 1);
    const std::size_t a = d.add_annotation(i % 500 == 7 ? long_type : "token", at, at + word.size(),
                                           d.current_stage);
    d.set_attribute(a, "kind", values[i % values.size()]);
  }

  const Json json(lines_of(h.write<JsonlWriter>(docs))[0]);
  const simdjson::dom::array annotations = json["annotations"];
  REQUIRE(annotations.size() == 2000);
  std::size_t i = 0;
  for (simdjson::dom::element a : annotations) {
    INFO("annotation " << i);
    CHECK(str(a["type"]) == (i % 500 == 7 ? long_type : "token"));
    CHECK(num(a["begin"]) == i * 5);  // code points: four letters and a space
    CHECK(num(a["end"]) == i * 5 + 4);
    const std::string expected = values[i % values.size()] == "bad\xFF"
                                     ? std::string("bad\xEF\xBF\xBD")
                                     : values[i % values.size()];
    CHECK(str(a["attributes"]["kind"]) == expected);
    ++i;
  }
}
