// [[test]] tables: how they are read and refused, and how a document that
// falls short of them is reported (expected "-" against got "+").
#include "config/pipeline_config.hpp"
#include "config_test_support.hpp"
#include "testing/expectations.hpp"

#include <catch2/catch.hpp>

#include <string>
#include <vector>

namespace fs = std::filesystem;
using nahr::host::Difference;
using nahr::host::Expectations;
using nahr::host::PluginLibrary;
using nahr::host::PluginRegistry;

namespace {

struct Loader {
  PluginRegistry registry{std::vector<fs::path>{}};

  Loader() {
    for (const nahr_plugin_descriptor* d :
         config_test::plugin_descriptors(&nahr::host::host_api())) {
      registry.add(PluginLibrary::from_descriptor(d, fs::path(d->name).concat(".so")));
    }
  }
  // `top` goes before the stages, `tests` after them.
  nahr::host::LoadResult load(std::string_view tests, std::string_view top = "") {
    const std::string toml = std::string(top) + std::string(R"([[stage]]
plugin = "read-text"
inputs = "wire/*.txt"

[[stage]]
plugin = "write-jsonl"
output = "-"
)") + std::string(tests);
    return nahr::host::load_pipeline_text(toml, "p.toml", "/srv", {}, registry);
  }
};

std::vector<std::string> errors_of(std::string_view tests, std::string_view top = "") {
  Loader loader;
  std::vector<std::string> out;
  for (const auto& d : loader.load(tests, top).diagnostics) out.push_back(d.format());
  return out;
}

nahr::model::Document story() {
  nahr::model::Document doc;
  doc.set_text("بيروت (أ ف ب) - قال نادر الحمصي");
  doc.add_annotation("LOC", 0, std::string_view("بيروت").size(), "entities");
  const std::size_t per = doc.text().find("نادر الحمصي");
  const std::size_t i = doc.add_annotation("PER", per, per + std::string_view("نادر الحمصي").size(),
                                           "entities");
  doc.set_attribute(i, "source", "rule:title");
  doc.set_metadata("dateline.place", "بيروت");
  return doc;
}

std::string rendered(const std::vector<Difference>& differences) {
  std::string out;
  for (const Difference& d : differences) out += nahr::host::format(d, "");
  return out;
}

}  // namespace

TEST_CASE("a [[test]] table is read with its input and expectations") {
  Loader loader;
  const auto result = loader.load(R"(
[[test]]
name = "خط التاريخ"
text = "بيروت (أ ف ب) - خبر"
metadata = { date = "2019-03-07" }
expect_text = "بيروت (أ ف ب) - خبر"
expect_metadata = { "dateline.place" = "بيروت" }
expect_annotations = [
  { type = "dateline", text = "بيروت (أ ف ب) -", attributes = { agency = "أ ف ب" } },
  { type = "LOC", text = "بيروت", original = "بيروت" },
]

[[test]]
text = "نص"
expect_metadata = { lang = "ar" }
)");
  REQUIRE(result.diagnostics.empty());
  const auto& tests = result.config->tests;
  REQUIRE(tests.size() == 2);
  CHECK(tests[0].name == "خط التاريخ");
  CHECK(tests[0].where.line == 9);
  CHECK(tests[0].metadata == nahr::host::StringPairs{{"date", "2019-03-07"}});
  CHECK(tests[0].expect.text == "بيروت (أ ف ب) - خبر");
  REQUIRE(tests[0].expect.annotations.size() == 2);
  CHECK(tests[0].expect.annotations[0].attributes == nahr::host::StringPairs{{"agency", "أ ف ب"}});
  CHECK(tests[0].expect.annotations[1].original == "بيروت");
  CHECK(tests[1].name == "test 2");
}

TEST_CASE("every problem of [[test]] tables is reported with its place") {
  const std::vector<std::string> errors = errors_of(R"(
[[test]]
name = "one"
txt = "x"
expect_metadata = { lang = 3 }

[[test]]
name = "two"
text = "y"

[[test]]
name = "three"
text = "z"
expect_annotations = [ { type = "LOC" }, "LOC", { type = "PER", text = "a", colour = "red" } ]

[[test]]
name = "one"
text = "w"
expect_text = 5
)");
  REQUIRE(errors.size() == 9);
  CHECK(errors[0] == "p.toml:9:1: error: test 'one' needs 'text', the document to run");
  CHECK(errors[1] == "p.toml:11:1: error: unknown key 'txt' in test 'one' (did you mean 'text'?)");
  CHECK(errors[2] == "p.toml:12:28: error: 'expect_metadata.lang' of test 'one' must be a "
                     "string, got integer");
  CHECK(errors[3] == "p.toml:14:1: error: test 'two' expects nothing: give expect_annotations, "
                     "expect_metadata or expect_text");
  CHECK(errors[4] == "p.toml:21:24: error: expected annotation 1 of test 'three' needs 'text'");
  CHECK(errors[5] == "p.toml:21:42: error: expected annotation 2 of test 'three' must be a table "
                     "({ type = \"...\", text = \"...\" }), got string");
  CHECK(errors[6] == "p.toml:21:77: error: unknown key 'colour' in expected annotation 3 of test "
                     "'three'; expected one of: type, text, original, attributes");
  CHECK(errors[7] == "p.toml:23:1: error: duplicate test name 'one' (first used at line 9)");
  CHECK(errors[8] == "p.toml:26:15: error: 'expect_text' of test 'one' must be a string, got "
                     "integer");
}

TEST_CASE("'test' must be an array of tables") {
  CHECK(errors_of("", "test = \"yes\"\n") ==
        std::vector<std::string>{
            "p.toml:1:8: error: 'test' must be an array of tables ([[test]]), got string"});
}

TEST_CASE("a document that meets every expectation has no differences") {
  Expectations e;
  e.annotations.push_back({"PER", "نادر الحمصي", std::nullopt, {{"source", "rule:title"}}});
  e.annotations.push_back({"LOC", "بيروت", "بيروت", {}});
  e.metadata = {{"dateline.place", "بيروت"}};
  CHECK(nahr::host::differences(story(), e).empty());
}

TEST_CASE("unmet expectations show what was expected and what the document has") {
  Expectations e;
  e.text = "بيروت (أ ف ب) - قال نادر الحمصى";
  e.annotations.push_back({"PER", "نادر الحمصي", std::nullopt, {{"source", "gazetteer:people"}}});
  e.annotations.push_back({"LOC", "القاهرة", std::nullopt, {}});
  e.annotations.push_back({"ORG", "الحكومة", std::nullopt, {}});
  e.metadata = {{"dateline.place", "دمشق"}, {"dateline.agency", "أ ف ب"}};
  CHECK(rendered(nahr::host::differences(story(), e)) ==
        "text differs from byte 50\n"
        "  - \"بيروت (أ ف ب) - قال نادر الحمصى\"\n"
        "  + \"بيروت (أ ف ب) - قال نادر الحمصي\"\n"
        "annotation PER \"نادر الحمصي\" not found\n"
        "  - PER \"نادر الحمصي\" source=\"gazetteer:people\"\n"
        "  + PER \"نادر الحمصي\" [31, 52) source=\"rule:title\"\n"
        "annotation LOC \"القاهرة\" not found\n"
        "  - LOC \"القاهرة\"\n"
        "  + LOC \"بيروت\" [0, 10)\n"
        "annotation ORG \"الحكومة\" not found\n"
        "  - ORG \"الحكومة\"\n"
        "  + no ORG annotation; types present: LOC, PER\n"
        "metadata dateline.place\n"
        "  - \"دمشق\"\n"
        "  + \"بيروت\"\n"
        "metadata dateline.agency\n"
        "  - \"أ ف ب\"\n"
        "  + (not set)\n");
}

TEST_CASE("each expected annotation needs one of its own") {
  Expectations e;
  e.annotations.push_back({"LOC", "بيروت", std::nullopt, {}});
  e.annotations.push_back({"LOC", "بيروت", std::nullopt, {}});
  const auto d = nahr::host::differences(story(), e);
  REQUIRE(d.size() == 1);
  CHECK(d[0].heading == "annotation LOC \"بيروت\" not found");
}

TEST_CASE("a long text difference is shown around its first differing character") {
  std::string expected(300, 'a');
  std::string got = expected;
  expected.replace(150, 1, "ب");
  nahr::model::Document doc;
  doc.set_text(got);
  Expectations e;
  e.text = expected;
  const auto d = nahr::host::differences(doc, e);
  REQUIRE(d.size() == 1);
  CHECK(d[0].heading == "text differs from byte 150");
  CHECK(d[0].expected[0] == "...\"" + std::string(60, 'a') + "ب" + std::string(58, 'a') + "\"...");
  CHECK(d[0].got[0] == "...\"" + std::string(120, 'a') + "\"...");
}

TEST_CASE("values with line breaks stay on one line") {
  CHECK(nahr::host::quote("سطر\nسطر \"ب\"\t\x01") == "\"سطر\\nسطر \\\"ب\\\"\\t\\x01\"");
}
