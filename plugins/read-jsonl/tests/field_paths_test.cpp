// read-jsonl with dotted field paths into nested objects.
#include "../field_paths.hpp"
#include "../jsonl_reader.hpp"

#include <nahr/testing.hpp>

#include <catch2/catch.hpp>

#include <string>
#include <vector>

namespace {

using nahr::read_jsonl::JsonlReader;
using nahr::testing::Harness;
using nahr::testing::ReadResult;
using Fields = std::vector<std::string>;

std::vector<std::string> metadata(const nahr::model::Document& d) {
  std::vector<std::string> out;
  for (const auto& m : d.metadata) out.push_back(m.key + "=" + m.value);
  return out;
}

const std::string kRecord =
    R"({"lang":"ar","meta":{"id":"afp-7","source":"AFP","urgency":3,"desk":{"code":"MEA"}},)"
    R"("article":{"title":"هدنة في إدلب","body":"بيروت (أ ف ب) - أُعلنت هدنة.","words":4}})"
    "\n";

}  // namespace

TEST_CASE("dotted paths read the id and text from nested objects") {
  Harness h;
  const ReadResult r = h.read<JsonlReader>(
      kRecord, {{"id_field", std::string("meta.id")}, {"text_field", std::string("article.body")}});
  REQUIRE(r.documents.size() == 1);
  const auto& d = r.documents[0];
  CHECK(d.id == "afp-7");
  CHECK(d.text() == "بيروت (أ ف ب) - أُعلنت هدنة.");
  // The objects on the id and text paths are opened; their other members
  // are kept under "parent.member", everything else whole.
  CHECK(metadata(d) == std::vector<std::string>{"lang=ar", "meta.source=AFP", "meta.urgency=3",
                                                R"(meta.desk={"code":"MEA"})",
                                                "article.title=هدنة في إدلب", "article.words=4"});
}

TEST_CASE("metadata_fields take dotted paths and keep them as keys") {
  Harness h;
  const ReadResult r = h.read<JsonlReader>(
      kRecord, {{"id_field", std::string("meta.id")},
                {"text_field", std::string("article.body")},
                {"metadata_fields", Fields{"meta.desk.code", "article.title", "lang", "meta.none",
                                           "article.body", "missing.deep.path"}}});
  REQUIRE(r.documents.size() == 1);
  CHECK(metadata(r.documents[0]) ==
        std::vector<std::string>{"lang=ar", "meta.desk.code=MEA", "article.title=هدنة في إدلب"});
}

TEST_CASE("a path through something that is not an object finds nothing") {
  Harness h;
  const std::string input = R"({"id":"x","article":"نص مسطح","meta":[1,2]})" "\n";
  const ReadResult r = h.read<JsonlReader>(input, {{"text_field", std::string("article.body")},
                                                  {"required_text", false}});
  REQUIRE(r.documents.size() == 1);
  CHECK(r.documents[0].text().empty());
  // Not the object the text path leads into: kept as an ordinary field.
  CHECK(metadata(r.documents[0]) == std::vector<std::string>{"article=نص مسطح", "meta=[1,2]"});

  const ReadResult strict =
      h.read<JsonlReader>(input, {{"text_field", std::string("article.body")}}, "flat.jsonl");
  REQUIRE(strict.failures.size() == 1);
  CHECK(strict.failures[0].message == "flat.jsonl:1: no \"article.body\" field");
}

TEST_CASE("a nested id or text of the wrong type names the whole path") {
  Harness h;
  const ReadResult r = h.read<JsonlReader>(
      R"({"meta":{"id":{"v":1}},"text":"ن"})" "\n" R"({"meta":{"id":"b"},"doc":{"body":7}})" "\n",
      {{"id_field", std::string("meta.id")}, {"text_field", std::string("doc.body")}}, "t.jsonl");
  REQUIRE(r.failures.size() == 2);
  CHECK(r.failures[0].message ==
        "t.jsonl:1: field \"meta.id\" is an object, expected a string or a number");
  CHECK(r.failures[1].message == "t.jsonl:2: field \"doc.body\" is a number, expected a string");
}

TEST_CASE("deep paths and paths that share a prefix are read in one pass") {
  Harness h;
  const std::string input =
      R"({"a":{"b":{"c":{"id":"deep-1","text":"عميق"},"skip":"x"},"n":1},"z":true})" "\n";
  const ReadResult r =
      h.read<JsonlReader>(input, {{"id_field", std::string("a.b.c.id")},
                                  {"text_field", std::string("a.b.c.text")},
                                  {"metadata_fields", Fields{"a.n", "z", "a.b.skip"}}});
  REQUIRE(r.documents.size() == 1);
  CHECK(r.documents[0].id == "deep-1");
  CHECK(r.documents[0].text() == "عميق");
  CHECK(metadata(r.documents[0]) == std::vector<std::string>{"a.b.skip=x", "a.n=1", "z=true"});
}

TEST_CASE("overlapping or malformed paths stop the stage before reading") {
  Harness h;
  using Options = nahr::testing::OptionMap;
  const auto refused = [&](const Options& options) -> std::string {
    try {
      Harness::Instance<JsonlReader> reader(options);
    } catch (const nahr::FatalError& e) {
      return e.what();
    }
    return "accepted";
  };
  CHECK(refused({{"id_field", std::string("meta.id")}, {"metadata_fields", Fields{"meta"}}}) ==
        "field paths overlap: \"meta.id\" lies inside \"meta\"");
  CHECK(refused({{"text_field", std::string("body")}, {"metadata_fields", Fields{"body.title"}}}) ==
        "field paths overlap: \"body.title\" lies inside \"body\"");
  CHECK(refused({{"text_field", std::string("a..b")}}) ==
        "field path \"a..b\" has an empty part");
  CHECK(refused({{"id_field", std::string(".id")}}) == "field path \".id\" has an empty part");
  CHECK(refused({{"id_field", std::string("body")}, {"text_field", std::string("body")}}) ==
        "the id and text fields are both \"body\"");
  CHECK(refused({{"id_field", std::string("m.id")}, {"metadata_fields", Fields{"m.src", "m.id"}}}) ==
        "accepted");
}

TEST_CASE("the field tree has one node per path component") {
  const auto root = nahr::read_jsonl::build_field_tree("meta.id", "text", {"meta.source", "lang"});
  REQUIRE(root.children.size() == 3);
  const auto* meta = root.child("meta");
  REQUIRE(meta != nullptr);
  CHECK(meta->role == nahr::read_jsonl::FieldRole::step);
  REQUIRE(meta->children.size() == 2);
  CHECK(meta->child("id")->role == nahr::read_jsonl::FieldRole::id);
  CHECK(meta->child("source")->path == "meta.source");
  CHECK(root.child("lang")->role == nahr::read_jsonl::FieldRole::metadata);
  CHECK(root.child("source") == nullptr);
}
