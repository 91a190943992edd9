// Pipeline config loading: every class of error, reported all at once with
// its location, plus command-line overrides, path resolution and defaults.
#include "config/pipeline_config.hpp"
#include "config_test_support.hpp"

#include <catch2/catch.hpp>
#include <nahr/options.hpp>

#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

namespace fs = std::filesystem;
using nahr::host::LoadResult;
using nahr::host::Overrides;
using nahr::host::PluginLibrary;
using nahr::host::PluginRegistry;

namespace {

const fs::path kConfigDir = "/srv/nahr/configs";

// A registry with the test plugins; it owns the stages a result points at,
// so it lives as long as the result is looked at.
struct Loader {
  PluginRegistry registry{std::vector<fs::path>{}};

  Loader() {
    for (const nahr_plugin_descriptor* d :
         config_test::plugin_descriptors(&nahr::host::host_api())) {
      registry.add(PluginLibrary::from_descriptor(d, fs::path(d->name).concat(".so")));
    }
  }

  LoadResult load(std::string_view toml, const Overrides& overrides = {}) {
    return nahr::host::load_pipeline_text(toml, "pipeline.toml", kConfigDir, overrides, registry);
  }
};

std::vector<std::string> errors(const LoadResult& result) {
  std::vector<std::string> out;
  for (const auto& d : result.diagnostics) out.push_back(d.format());
  return out;
}

std::vector<std::string> errors_of(std::string_view toml, const Overrides& overrides = {}) {
  Loader loader;
  return errors(loader.load(toml, overrides));
}

constexpr std::string_view kReader = R"(
[[stage]]
plugin = "read-text"
inputs = "wire/*.txt"
)";

constexpr std::string_view kWriter = R"(
[[stage]]
plugin = "write-jsonl"
output = "-"
)";

// A minimal valid pipeline around `middle`, for tests about one stage.
std::string around(std::string_view middle) {
  return std::string(kReader) + std::string(middle) + std::string(kWriter);
}

nahr::Options options_of(const nahr::host::StageConfig& stage) {
  return nahr::Options(stage.options.get());
}

constexpr std::string_view kFullPipeline = R"(# AFP Arabic wire, cleaned and tagged
[pipeline]
threads = 2
on_error = "skip"
quarantine = "../out/rejected.jsonl"
plugin_dirs = ["../plugins-extra", "/opt/nahr/plugins"]
max_document_bytes = 1048576
batch_size = 16
max_errors = 100
max_error_rate = 0.1

[[stage]]
plugin = "read-text"
inputs = ["../samples/afp/*.txt", "/data/wire/أخبار.txt", "-"]
mode = "lines"

[[stage]]
plugin = "normalise-arabic"
id = "norm"
letters = ["alef", "teh-marbuta"]

[[stage]]
plugin = "tag-entities"
gazetteer = "أماكن.txt"
threshold = 1

[[stage]]
plugin = "normalise-arabic"

[[stage]]
plugin = "write-jsonl"
output = "../out/afp.jsonl"

[[test]]
name = "a pipeline test"
text = "بيروت: خبر"
expect_metadata = { lang = "ar" }
)";

}  // namespace

TEST_CASE("a valid pipeline loads with settings ids kinds and resolved paths", "[config]") {
  Loader loader;
  const LoadResult result = loader.load(kFullPipeline);
  REQUIRE(errors(result).empty());
  REQUIRE(result.config);
  const nahr::host::PipelineConfig& config = *result.config;
  CHECK(config.file == "pipeline.toml");

  const nahr::host::PipelineSettings& s = config.settings;
  CHECK(s.threads == 2);
  CHECK(s.on_error == nahr::host::OnError::skip);
  CHECK(s.quarantine == "/srv/nahr/out/rejected.jsonl");
  CHECK(s.plugin_dirs == std::vector<fs::path>{"/srv/nahr/plugins-extra", "/opt/nahr/plugins"});
  CHECK(s.max_document_bytes == 1048576);
  CHECK(s.batch_size == 16);
  CHECK(s.max_errors == 100);
  CHECK(s.max_error_rate == 0.1);
  // The config's plugin directories are searched first.
  CHECK(loader.registry.search_dirs() == s.plugin_dirs);

  REQUIRE(config.stages.size() == 5);
  std::vector<std::string> ids;
  for (const auto& stage : config.stages) ids.push_back(stage.id);
  CHECK(ids == std::vector<std::string>{"read-text", "norm", "tag-entities", "normalise-arabic",
                                        "write-jsonl"});
  CHECK(config.stages[1].plugin == "normalise-arabic");
  CHECK(config.stages[0].stage.stage->kind == NAHR_STAGE_READER);
  CHECK(config.stages[2].stage.stage->kind == NAHR_STAGE_EXTRACTOR);
  CHECK(config.stages[4].stage.stage->kind == NAHR_STAGE_WRITER);
  CHECK(config.stages[1].where.line == 17);
  CHECK(config.stages[1].where.column == 1);

  // Globs stay unexpanded; "-" and absolute paths stay as written.
  CHECK(config.stages[0].inputs ==
        std::vector<std::string>{"/srv/nahr/samples/afp/*.txt", "/data/wire/أخبار.txt", "-"});
  CHECK(config.stages[4].output == "/srv/nahr/out/afp.jsonl");
  CHECK(config.stages[1].inputs.empty());
  CHECK(config.stages[1].output.empty());
}

TEST_CASE("options are filled in schema order with defaults for what the config omits",
          "[config]") {
  Loader loader;
  const LoadResult result = loader.load(kFullPipeline);
  REQUIRE(result.config);
  const auto& stages = result.config->stages;

  const nahr::Options o = options_of(stages[1]);
  CHECK(config_test::option_names(stages[1].options.get()) ==
        std::vector<std::string_view>{"strip_tatweel", "strip_diacritics", "form", "letters"});
  CHECK(o.flag("strip_tatweel"));
  CHECK_FALSE(o.flag("strip_diacritics"));
  CHECK(o.text("form") == "NFC");
  CHECK(o.text_list("letters") == std::vector<std::string>{"alef", "teh-marbuta"});
  // The second normaliser has no options set: all defaults.
  CHECK(options_of(stages[3]).text_list("letters") == std::vector<std::string>{"alef", "yeh"});

  const nahr::Options tag = options_of(stages[2]);
  CHECK(tag.text("gazetteer") == "أماكن.txt");  // an option, not a host path: as written
  CHECK(tag.integer("min_length") == 2);
  CHECK(tag.number("threshold") == 1.0);  // an integer where a number is expected
  CHECK(tag.text_list("labels").empty());
  CHECK(options_of(stages[0]).text("mode") == "lines");
  CHECK(options_of(stages[0]).text("encoding") == "utf-8");
  CHECK(options_of(stages[4]).text("offsets") == "codepoints");
  CHECK_FALSE(options_of(stages[4]).flag("pretty"));
}

TEST_CASE("an Arabic option value round-trips through OptionValues", "[config]") {
  Loader loader;
  const LoadResult result = loader.load(around(R"(
[[stage]]
plugin = "tag-entities"
gazetteer = "قائمة \"الأماكن\" — القاهرة\tبيروت"
labels = ["مكان", "شخص", "منظمة"]
)"));
  REQUIRE(errors(result).empty());
  const nahr::host::StageConfig& tag = result.config->stages[1];
  const nahr::Options o = options_of(tag);
  CHECK(o.text("gazetteer") == "قائمة \"الأماكن\" — القاهرة\tبيروت");
  CHECK(o.text_list("labels") == std::vector<std::string>{"مكان", "شخص", "منظمة"});
  CHECK(tag.options.to_toml("gazetteer") == R"("قائمة \"الأماكن\" — القاهرة\tبيروت")");
  CHECK(tag.options.to_toml("labels") == R"(["مكان", "شخص", "منظمة"])");
  CHECK(tag.options.to_toml("threshold") == "0.5");
}

TEST_CASE("a TOML syntax error is the only diagnostic with the parser's line and column",
          "[config]") {
  // The unknown key would be an error too, but nothing after a syntax error is checked.
  const auto found = errors_of("[pipline]\nthreads = 2\nbatch_size = = 4\n");
  REQUIRE(found.size() == 1);
  CHECK(found[0].rfind("pipeline.toml:3:14: error: ", 0) == 0);
  CHECK(found[0].find("could not determine value type") != std::string::npos);
}

TEST_CASE("a duplicate key is reported by the TOML parser", "[config]") {
  const auto found =
      errors_of(around("[[stage]]\nplugin = \"normalise-arabic\"\nform = "
                       "\"NFC\"\nform = \"NFKC\"\n"));
  REQUIRE(found.size() == 1);
  INFO(found[0]);
  CHECK(found[0].rfind("pipeline.toml:8:8: error: ", 0) == 0);
  CHECK(found[0].find("'form'") != std::string::npos);
}

TEST_CASE("an unknown top-level key is reported with the nearest valid key", "[config]") {
  CHECK(errors_of(around("") + "\n[pipline]\nthreads = 2\n") ==
        std::vector<std::string>{
            "pipeline.toml:10:2: error: unknown top-level key 'pipline' (did you mean "
            "'pipeline'?)"});
  CHECK(errors_of("stages = 3\n" + around("")) ==
        std::vector<std::string>{
            "pipeline.toml:1:1: error: unknown top-level key 'stages' (did you mean 'stage'?)"});
}

TEST_CASE("a quoted Arabic top-level key is reported as unknown", "[config]") {
  CHECK(errors_of("[\"كتاب\"]\n\"عنوان\" = 1\n" + around("")) ==
        std::vector<std::string>{"pipeline.toml:1:2: error: unknown top-level key 'كتاب'; "
                                 "expected one of: pipeline, stage, test"});
}

TEST_CASE("[[test]] tables are checked with the rest of the config", "[config]") {
  CHECK(errors_of(around("") + "\n[[test]]\ntext = \"نص\"\nexpect = 3\n") ==
        std::vector<std::string>{
            "pipeline.toml:10:1: error: test 1 expects nothing: give expect_annotations, "
            "expect_metadata or expect_text",
            "pipeline.toml:12:1: error: unknown key 'expect' in test 1; expected one of: "
            "name, id, text, metadata, expect_text, expect_metadata, expect_annotations"});
}

TEST_CASE("an unknown pipeline key is reported with the nearest valid key", "[config]") {
  CHECK(errors_of("[pipeline]\nthread = 4\nretries = 3\n" + around("")) ==
        std::vector<std::string>{
            "pipeline.toml:2:1: error: unknown key 'thread' in [pipeline] (did you mean "
            "'threads'?)",
            "pipeline.toml:3:1: error: unknown key 'retries' in [pipeline]; expected one of: "
            "batch_size, isolation, max_document_bytes, max_error_rate, max_errors, on_error, "
            "plugin_dirs, quarantine, threads, timeout_ms"});
}

TEST_CASE("pipeline settings of the wrong type are reported with the expected type", "[config]") {
  CHECK(errors_of(R"([pipeline]
threads = "4"
on_error = 1
quarantine = false
plugin_dirs = "../plugins"
max_error_rate = "low"
batch_size = 1.5
)" + around("")) ==
        std::vector<std::string>{
            "pipeline.toml:2:11: error: pipeline.threads must be an integer, got string",
            "pipeline.toml:3:12: error: pipeline.on_error must be a string, got integer",
            "pipeline.toml:4:14: error: pipeline.quarantine must be a string, got "
            "boolean",
            "pipeline.toml:5:15: error: pipeline.plugin_dirs must be an array of "
            "strings, got string",
            "pipeline.toml:6:18: error: pipeline.max_error_rate must be a number, got "
            "string",
            "pipeline.toml:7:14: error: pipeline.batch_size must be an integer, got "
            "float",
        });
}

TEST_CASE("pipeline settings out of range are reported with the range", "[config]") {
  CHECK(errors_of(R"([pipeline]
threads = -1
batch_size = 0
max_document_bytes = 0
max_errors = -5
max_error_rate = 1.5
on_error = "skp"
plugin_dirs = ["ok", 3]
quarantine = ""
)" + around("")) ==
        std::vector<std::string>{
            "pipeline.toml:2:11: error: pipeline.threads must be between 0 and "
            "4294967295, got -1",
            "pipeline.toml:3:14: error: pipeline.batch_size must be between 1 and "
            "4294967295, got 0",
            "pipeline.toml:4:22: error: pipeline.max_document_bytes must be at least 1, "
            "got 0",
            "pipeline.toml:5:14: error: pipeline.max_errors must be at least 0, got -5",
            "pipeline.toml:6:18: error: pipeline.max_error_rate must be between 0 and "
            "1, got 1.5",
            "pipeline.toml:7:12: error: pipeline.on_error must be one of quarantine, "
            "skip, fail; got 'skp' (did you mean 'skip'?)",
            "pipeline.toml:8:22: error: items of pipeline.plugin_dirs must be strings, "
            "got integer",
            "pipeline.toml:9:14: error: pipeline.quarantine must not be empty",
        });
}

TEST_CASE("'pipeline' and 'stage' of the wrong shape are reported", "[config]") {
  CHECK(errors_of("pipeline = 4\n[stage]\nplugin = \"read-text\"\n") ==
        std::vector<std::string>{
            "pipeline.toml:1:12: error: 'pipeline' must be a table ([pipeline]), got integer",
            "pipeline.toml:2:1: error: 'stage' must be an array of tables ([[stage]]), got "
            "table"});
  CHECK(errors_of("stage = []\n") ==
        std::vector<std::string>{"pipeline.toml:1:9: error: 'stage' is empty: a pipeline needs "
                                 "[[stage]] tables, from a reader to a writer"});
  CHECK(errors_of("[pipeline]\nthreads = 1\n") ==
        std::vector<std::string>{"pipeline.toml: error: no stages: a pipeline needs [[stage]] "
                                 "tables, from a reader to a writer"});
  CHECK(
      errors_of("stage = [1]\n") ==
      std::vector<std::string>{"pipeline.toml:1:10: error: stage 1 must be a table, got integer"});
}

TEST_CASE("a stage without a plugin or with keys of the wrong type is reported", "[config]") {
  CHECK(errors_of(around(R"(
[[stage]]
id = "norm"

[[stage]]
plugin = 7
id = 8
stage = ["x"]
)")) == std::vector<std::string>{
            "pipeline.toml:6:1: error: stage 2 has no 'plugin' key naming its plugin",
            "pipeline.toml:10:10: error: 'plugin' of stage 3 must be a string, got integer",
            "pipeline.toml:11:6: error: 'id' of stage 3 must be a string, got integer",
            "pipeline.toml:12:9: error: 'stage' of stage 3 must be a string, got array",
        });
}

TEST_CASE("a stage id must not be empty or 'pipeline'", "[config]") {
  CHECK(errors_of(around(R"(
[[stage]]
plugin = "normalise-arabic"
id = ""
[[stage]]
plugin = "normalise-arabic"
id = "pipeline"
)")) == std::vector<std::string>{
            "pipeline.toml:8:6: error: a stage 'id' must not be empty",
            "pipeline.toml:11:6: error: the stage id 'pipeline' is reserved: --set "
            "pipeline.KEY=VALUE means the [pipeline] table"});
}

TEST_CASE("an unknown plugin is reported with the nearest name and the available ones",
          "[config]") {
  CHECK(errors_of(around("[[stage]]\nplugin = \"normalise-arabc\"\n")) ==
        std::vector<std::string>{
            "pipeline.toml:6:10: error: unknown plugin 'normalise-arabc' (did you mean "
            "'normalise-arabic'?); available: arabic-tools, bad-default, normalise-arabic, "
            "read-text, tag-entities, write-jsonl"});
  CHECK(errors_of(around("[[stage]]\nplugin = \"مطبع\"\n")) ==
        std::vector<std::string>{
            "pipeline.toml:6:10: error: unknown plugin 'مطبع'; available: arabic-tools, "
            "bad-default, normalise-arabic, read-text, tag-entities, write-jsonl"});
}

TEST_CASE("an unknown plugin with no plugins at all names the search path", "[config]") {
  PluginRegistry empty({"/nonexistent/nahr-plugins"});
  const LoadResult result = nahr::host::load_pipeline_text("[[stage]]\nplugin = \"read-text\"\n",
                                                           "p.toml", kConfigDir, {}, empty);
  CHECK(errors(result) ==
        std::vector<std::string>{"p.toml:2:10: error: unknown plugin 'read-text'; no plugins "
                                 "found in the search path (/nonexistent/nahr-plugins)"});
}

TEST_CASE("a plugin file the loader refuses is reported with the loader's reason", "[config]") {
  // plugin_dirs is relative to the config's folder, and searched before anything else.
  const fs::path dir = fs::temp_directory_path() / ("nahr-config-test-" + std::to_string(getpid()));
  fs::create_directories(dir / "plugins");
  std::ofstream(dir / "plugins" / "broken.so") << "not a shared library";
  fs::permissions(dir / "plugins", fs::perms::others_write, fs::perm_options::remove);

  Loader loader;
  const LoadResult result = nahr::host::load_pipeline_text(
      "[pipeline]\nplugin_dirs = [\"plugins\"]\n" + around("[[stage]]\nplugin = \"broken\"\n"),
      "pipeline.toml", dir, {}, loader.registry);
  fs::remove_all(dir);

  const auto found = errors(result);
  REQUIRE(found.size() == 1);
  INFO(found[0]);
  const std::string prefix =
      "pipeline.toml:8:10: error: " + (dir / "plugins" / "broken.so").string() + ": refused: ";
  CHECK(found[0].rfind(prefix, 0) == 0);
  CHECK(found[0].size() > prefix.size());  // the dynamic loader's reason follows
  CHECK(found[0].find('\n') == std::string::npos);
}

TEST_CASE("a multi-stage plugin needs 'stage' naming one of its stages", "[config]") {
  Loader loader;
  const LoadResult ok =
      loader.load(around("[[stage]]\nplugin = \"arabic-tools\"\nstage = \"count-words\"\n"));
  REQUIRE(errors(ok).empty());
  CHECK(std::string_view(ok.config->stages[1].stage.stage->name) == "count-words");
  CHECK(ok.config->stages[1].id == "arabic-tools");

  CHECK(errors_of(around("[[stage]]\nplugin = \"arabic-tools\"\n")) ==
        std::vector<std::string>{
            "pipeline.toml:5:1: error: plugin 'arabic-tools' offers 2 stages; choose one with "
            "`stage = \"...\"`: strip-kashida, count-words"});
  CHECK(errors_of(around("[[stage]]\nplugin = \"arabic-tools\"\nstage = \"count-word\"\n")) ==
        std::vector<std::string>{
            "pipeline.toml:7:9: error: plugin 'arabic-tools' has no stage 'count-word' (did you "
            "mean 'count-words'?); stages: strip-kashida, count-words"});
}

TEST_CASE("an unknown option is reported with the nearest option", "[config]") {
  CHECK(errors_of(around(R"(
[[stage]]
plugin = "normalise-arabic"
id = "norm"
from = "NFKC"
"ترقيم" = true
)")) == std::vector<std::string>{
            "pipeline.toml:9:1: error: unknown option 'from' for stage 'norm' "
            "(normalise-arabic) (did you mean 'form'?)",
            "pipeline.toml:10:1: error: unknown option 'ترقيم' for stage 'norm' "
            "(normalise-arabic); options: strip_tatweel, strip_diacritics, form, letters",
        });
}

TEST_CASE("a misspelt host key is suggested for the stage kinds that take it", "[config]") {
  CHECK(
      errors_of("[[stage]]\nplugin = \"read-text\"\ninput = \"a.txt\"\n" + std::string(kWriter)) ==
      std::vector<std::string>{
          "pipeline.toml:1:1: error: reader 'read-text' needs 'inputs' (files, directories, "
          "globs or \"-\")",
          "pipeline.toml:3:1: error: unknown option 'input' for stage 'read-text' (did you "
          "mean 'inputs'?)"});
}

TEST_CASE("an option of the wrong type names the expected and the given type", "[config]") {
  CHECK(errors_of(around(R"(
[[stage]]
plugin = "normalise-arabic"
strip_tatweel = "yes"
form = 1
letters = "alef"

[[stage]]
plugin = "tag-entities"
gazetteer = ["a.txt"]
min_length = 2.5
threshold = "high"
labels = ["مكان", 3]
)")) == std::vector<std::string>{
            "pipeline.toml:8:17: error: option 'strip_tatweel' of stage 'normalise-arabic' must "
            "be a boolean, got string",
            "pipeline.toml:9:8: error: option 'form' of stage 'normalise-arabic' must be a "
            "string, got integer",
            "pipeline.toml:10:11: error: option 'letters' of stage 'normalise-arabic' must be "
            "an array of strings, got string",
            "pipeline.toml:14:13: error: option 'gazetteer' of stage 'tag-entities' must be a "
            "string, got array",
            "pipeline.toml:15:14: error: option 'min_length' of stage 'tag-entities' must be an "
            "integer, got float",
            "pipeline.toml:16:13: error: option 'threshold' of stage 'tag-entities' must be a "
            "number, got string",
            "pipeline.toml:17:19: error: item 2 of option 'labels' of stage 'tag-entities' must "
            "be a string, got integer",
        });
}

TEST_CASE("a value outside an option's choices lists them and suggests the nearest", "[config]") {
  CHECK(errors_of(around(R"(
[[stage]]
plugin = "normalise-arabic"
form = "NFKD"
letters = ["alef", "taa-marbuta"]
)")) == std::vector<std::string>{
            "pipeline.toml:8:8: error: option 'form' of stage 'normalise-arabic' must be one of "
            "NFC, NFKC, none; got 'NFKD' (did you mean 'NFKC'?)",
            "pipeline.toml:9:20: error: option 'letters' of stage 'normalise-arabic' must be one "
            "of alef, yeh, teh-marbuta, hamza; got 'taa-marbuta' (did you mean 'teh-marbuta'?)",
        });
}

TEST_CASE("a missing required option is reported at the stage header", "[config]") {
  CHECK(errors_of(around("\n\n[[stage]]\nplugin = \"tag-entities\"\nid = \"places\"\n")) ==
        std::vector<std::string>{"pipeline.toml:7:1: error: missing required option 'gazetteer' "
                                 "(a string) for stage 'places' (tag-entities)"});
}

TEST_CASE("a plugin default that does not fit its option is reported", "[config]") {
  CHECK(errors_of(around("[[stage]]\nplugin = \"bad-default\"\n")) ==
        std::vector<std::string>{
            "pipeline.toml:5:1: error: plugin 'bad-default' declares a bad default `\"ten\"` for "
            "option 'limit' of stage 'bad-default': option 'limit' of stage 'bad-default' must "
            "be an integer, got string"});
  // Setting the option avoids the broken default.
  CHECK(errors_of(around("[[stage]]\nplugin = \"bad-default\"\nlimit = 10\n")).empty());
}

TEST_CASE("the first stage must be a reader and the last a writer", "[config]") {
  CHECK(errors_of(R"([[stage]]
plugin = "normalise-arabic"

[[stage]]
plugin = "tag-entities"
gazetteer = "g.txt"
)") == std::vector<std::string>{
           "pipeline.toml:1:1: error: the first stage must be a reader; 'normalise-arabic' is a "
           "normaliser",
           "pipeline.toml:4:1: error: the last stage must be a writer; 'tag-entities' is an "
           "extractor"});
}

TEST_CASE("readers and writers may only stand at the ends", "[config]") {
  CHECK(errors_of(std::string(kReader) + std::string(kWriter) + std::string(kReader) +
                  std::string(kWriter)) ==
        std::vector<std::string>{
            "pipeline.toml:6:1: error: writer 'write-jsonl' must be the last stage, not stage 2 "
            "of 4",
            "pipeline.toml:10:1: error: reader 'read-text#2' (read-text) must be the first stage, "
            "not stage 3 of 4"});
}

TEST_CASE("a single stage cannot be both reader and writer", "[config]") {
  CHECK(errors_of(kReader) ==
        std::vector<std::string>{
            "pipeline.toml:2:1: error: the last stage must be a writer; 'read-text' is a reader"});
}

TEST_CASE("a reader needs inputs and a writer needs an output", "[config]") {
  CHECK(errors_of("[[stage]]\nplugin = \"read-text\"\n\n[[stage]]\nplugin = \"write-jsonl\"\n") ==
        std::vector<std::string>{
            "pipeline.toml:1:1: error: reader 'read-text' needs 'inputs' (files, directories, "
            "globs or \"-\")",
            "pipeline.toml:4:1: error: writer 'write-jsonl' needs 'output' (a path, or \"-\" for "
            "stdout)"});
  CHECK(errors_of("[[stage]]\nplugin = \"read-text\"\ninputs = []\n" + std::string(kWriter)) ==
        std::vector<std::string>{"pipeline.toml:3:10: error: 'inputs' of reader 'read-text' is "
                                 "empty"});
  CHECK(errors_of("[[stage]]\nplugin = \"read-text\"\ninputs = [\"\", 4]\n[[stage]]\nplugin = "
                  "\"write-jsonl\"\noutput = \"\"\n") ==
        std::vector<std::string>{
            "pipeline.toml:3:11: error: 'inputs' of stage 'read-text' has an empty path",
            "pipeline.toml:3:15: error: items of 'inputs' of stage 'read-text' must be strings, "
            "got integer",
            "pipeline.toml:6:10: error: 'output' of stage 'write-jsonl' has an empty path"});
}

TEST_CASE("inputs on a non-reader and output on a non-writer are errors", "[config]") {
  CHECK(errors_of(around(R"(
[[stage]]
plugin = "normalise-arabic"
inputs = ["more/*.txt"]
output = "copy.jsonl"
)")) == std::vector<std::string>{
            "pipeline.toml:8:10: error: 'inputs' is only for the reader; stage "
            "'normalise-arabic' is a normaliser",
            "pipeline.toml:9:10: error: 'output' is only for the writer; stage "
            "'normalise-arabic' is a normaliser"});
}

TEST_CASE("duplicate stage ids are errors and repeated plugins get numbered ids", "[config]") {
  CHECK(errors_of(around(R"(
[[stage]]
plugin = "normalise-arabic"
id = "norm"

[[stage]]
plugin = "tag-entities"
id = "norm"
gazetteer = "g.txt"
)")) == std::vector<std::string>{"pipeline.toml:12:6: error: duplicate stage id 'norm' (first "
                                 "used at line 8); give one of the stages another `id`"});

  Loader loader;
  const LoadResult result = loader.load(around(R"(
[[stage]]
plugin = "normalise-arabic"
[[stage]]
plugin = "normalise-arabic"
id = "second"
[[stage]]
plugin = "normalise-arabic"
)"));
  REQUIRE(result.config);
  const auto& stages = result.config->stages;
  CHECK(stages[1].id == "normalise-arabic");
  CHECK(stages[2].id == "second");
  CHECK(stages[3].id == "normalise-arabic#2");
}

TEST_CASE("every error is reported at once in line order", "[config]") {
  CHECK(errors_of(R"([pipeline]
threads = "all"

[[stage]]
plugin = "read-text"
mode = "paragraphs"

[[stage]]
plugin = "normalise-arabc"

[[stage]]
plugin = "tag-entities"
min_lenght = 3

[[stage]]
plugin = "write-jsonl"
offsets = "utf8"
)") == std::vector<std::string>{
           "pipeline.toml:2:11: error: pipeline.threads must be an integer, got string",
           "pipeline.toml:4:1: error: reader 'read-text' needs 'inputs' (files, directories, "
           "globs or \"-\")",
           "pipeline.toml:6:8: error: option 'mode' of stage 'read-text' must be one of blocks, "
           "lines, file; got 'paragraphs'",
           "pipeline.toml:9:10: error: unknown plugin 'normalise-arabc' (did you mean "
           "'normalise-arabic'?); available: arabic-tools, bad-default, normalise-arabic, "
           "read-text, tag-entities, write-jsonl",
           "pipeline.toml:11:1: error: missing required option 'gazetteer' (a string) for "
           "stage 'tag-entities'",
           "pipeline.toml:13:1: error: unknown option 'min_lenght' for stage 'tag-entities' "
           "(did you mean 'min_length'?)",
           "pipeline.toml:15:1: error: writer 'write-jsonl' needs 'output' (a path, or \"-\" "
           "for stdout)",
           "pipeline.toml:17:11: error: option 'offsets' of stage 'write-jsonl' must be one of "
           "bytes, codepoints, utf16; got 'utf8' (did you mean 'utf16'?)",
       });
}

TEST_CASE("a --set changes stage options by id or by plugin name", "[config]") {
  Loader loader;
  Overrides overrides;
  overrides.sets = {"norm.form=NFKC",
                    "norm.strip_diacritics=true",
                    "tag-entities.threshold=0.75",
                    "norm.letters=[\"hamza\"]",
                    "write-jsonl.offsets=\"utf16\"",
                    "read-text.encoding=windows-1256"};
  const LoadResult result = loader.load(kFullPipeline, overrides);
  REQUIRE(errors(result).empty());
  const auto& stages = result.config->stages;
  const nahr::Options norm = options_of(stages[1]);
  CHECK(norm.text("form") == "NFKC");  // not TOML: taken as a bare string
  CHECK(norm.flag("strip_diacritics"));
  CHECK(norm.text_list("letters") == std::vector<std::string>{"hamza"});
  CHECK(options_of(stages[2]).number("threshold") == 0.75);
  CHECK(options_of(stages[4]).text("offsets") == "utf16");
  CHECK(options_of(stages[0]).text("encoding") == "windows-1256");
  // The other normalise-arabic stage is untouched.
  CHECK(options_of(stages[3]).text("form") == "NFC");
}

TEST_CASE("a --set of an Arabic value adds an option the config did not set", "[config]") {
  Loader loader;
  Overrides overrides;
  overrides.sets = {"tag-entities.gazetteer=مدن عربية.txt"};
  const LoadResult result =
      loader.load(around("[[stage]]\nplugin = \"tag-entities\"\n"), overrides);
  REQUIRE(errors(result).empty());
  CHECK(options_of(result.config->stages[1]).text("gazetteer") == "مدن عربية.txt");
}

TEST_CASE("a --set naming an unknown stage is located at --set with a suggestion", "[config]") {
  Overrides overrides;
  overrides.sets = {"nrom.form=NFKC", "kitab.x=1"};
  CHECK(errors_of(kFullPipeline, overrides) ==
        std::vector<std::string>{
            "--set: error: unknown stage 'nrom' in 'nrom.form=NFKC' (did you mean 'norm'?); "
            "stages: read-text, norm, tag-entities, normalise-arabic, write-jsonl",
            "--set: error: unknown stage 'kitab' in 'kitab.x=1'; stages: read-text, norm, "
            "tag-entities, normalise-arabic, write-jsonl"});
}

TEST_CASE("values from --set are checked like the config's and located at --set", "[config]") {
  Overrides overrides;
  overrides.sets = {"norm.strip_tatweel=maybe", "norm.frm=NFC", "pipeline.batch_size=0"};
  // All at line 0 of --set, so they come in the order the checks run:
  // [pipeline] first, then each stage's keys, then its option values.
  CHECK(errors_of(kFullPipeline, overrides) ==
        std::vector<std::string>{
            "--set: error: pipeline.batch_size must be between 1 and 4294967295, got 0",
            "--set: error: unknown option 'frm' for stage 'norm' (normalise-arabic) (did you "
            "mean 'form'?)",
            "--set: error: option 'strip_tatweel' of stage 'norm' (normalise-arabic) must be a "
            "boolean, got string"});
}

TEST_CASE("a --set that is malformed or ambiguous or changes identity is refused", "[config]") {
  Overrides overrides;
  overrides.sets = {"threads", "norm=1", "norm.id=other"};
  CHECK(errors_of(kFullPipeline, overrides) ==
        std::vector<std::string>{
            "--set: error: expected STAGE.KEY=VALUE, got 'threads'",
            "--set: error: expected STAGE.KEY=VALUE, got 'norm=1'",
            "--set: error: 'norm.id=other': --set cannot change a stage's 'id'; edit the config"});

  const std::string twice = around(R"(
[[stage]]
plugin = "normalise-arabic"
id = "a"
[[stage]]
plugin = "normalise-arabic"
id = "b"
)");
  overrides.sets = {"normalise-arabic.form=none"};
  CHECK(errors_of(twice, overrides) ==
        std::vector<std::string>{"--set: error: 'normalise-arabic' in "
                                 "'normalise-arabic.form=none' is the plugin of 2 stages; name "
                                 "one by its id: a, b"});
  overrides.sets = {"b.form=none"};
  Loader loader;
  const LoadResult result = loader.load(twice, overrides);
  REQUIRE(result.config);
  CHECK(options_of(result.config->stages[1]).text("form") == "NFC");
  CHECK(options_of(result.config->stages[2]).text("form") == "none");
}

TEST_CASE("pipeline keys from --set and the threads override change the settings", "[config]") {
  Loader loader;
  Overrides overrides;
  overrides.sets = {"pipeline.threads=8", "pipeline.on_error=fail",
                    "pipeline.quarantine=rejects/q.jsonl"};
  LoadResult result = loader.load(around(""), overrides);
  REQUIRE(errors(result).empty());
  CHECK(result.config->settings.threads == 8);
  CHECK(result.config->settings.on_error == nahr::host::OnError::fail);
  // Command-line paths are relative to the working directory.
  CHECK(result.config->settings.quarantine == "rejects/q.jsonl");

  overrides.threads = 3;
  result = loader.load(kFullPipeline, overrides);
  REQUIRE(result.config);
  CHECK(result.config->settings.threads == 3);
}

TEST_CASE("the --input and --output overrides replace paths relative to the working directory",
          "[config]") {
  Loader loader;
  Overrides overrides;
  overrides.inputs = {"today/*.txt", "/archive/أرشيف.txt.gz"};
  overrides.output = "today.jsonl";
  const LoadResult result = loader.load(kFullPipeline, overrides);
  REQUIRE(result.config);
  const auto& stages = result.config->stages;
  CHECK(stages[0].inputs == overrides.inputs);
  CHECK(stages[4].output == "today.jsonl");

  overrides.output = "-";
  CHECK(loader.load(kFullPipeline, overrides).config->stages[4].output == "-");
}

TEST_CASE("the --input and --output overrides supply what the config leaves out", "[config]") {
  const std::string bare =
      "[[stage]]\nplugin = \"read-text\"\n[[stage]]\nplugin = \"write-jsonl\"\n";
  Loader loader;
  Overrides overrides;
  overrides.inputs = {"-"};
  overrides.output = "out.jsonl";
  const LoadResult result = loader.load(bare, overrides);
  REQUIRE(errors(result).empty());
  CHECK(result.config->stages[0].inputs == std::vector<std::string>{"-"});
  CHECK(result.config->stages[1].output == "out.jsonl");
}

TEST_CASE("load_pipeline reads a file and resolves paths against its folder", "[config]") {
  const fs::path dir = fs::temp_directory_path() / ("nahr-config-file-" + std::to_string(getpid()));
  fs::create_directories(dir / "configs");
  const fs::path file = dir / "configs" / "afp.toml";
  std::ofstream(file) << "[[stage]]\nplugin = \"read-text\"\ninputs = \"../wire/*.txt\"\n"
                      << "[[stage]]\nplugin = \"write-jsonl\"\noutput = \"out.jsonl\"\n";
  Loader loader;
  const LoadResult result = nahr::host::load_pipeline(file, {}, loader.registry);
  const LoadResult missing =
      nahr::host::load_pipeline(dir / "configs" / "absent.toml", {}, loader.registry);
  fs::remove_all(dir);

  REQUIRE(errors(result).empty());
  CHECK(result.config->file == file);
  CHECK(result.config->stages[0].inputs ==
        std::vector<std::string>{(dir / "wire" / "*.txt").string()});
  CHECK(result.config->stages[1].output == (dir / "configs" / "out.jsonl").string());
  CHECK(errors(missing) == std::vector<std::string>{(dir / "configs" / "absent.toml").string() +
                                                    ": error: cannot read: No such file or "
                                                    "directory"});
}

TEST_CASE("isolation and timeout_ms reach every middle stage unless the stage sets its own",
          "[config][isolation]") {
  using nahr::host::Isolation;
  Loader loader;
  const LoadResult result = loader.load(R"([pipeline]
isolation = "process"
timeout_ms = 500
)" + around(R"(
[[stage]]
plugin = "normalise-arabic"
isolation = "thread"

[[stage]]
plugin = "tag-entities"
gazetteer = "أماكن.txt"
timeout_ms = 50
)"));
  REQUIRE(errors(result).empty());
  const auto& stages = result.config->stages;
  CHECK(result.config->settings.isolation == Isolation::process);
  CHECK(result.config->settings.timeout_ms == 500);
  CHECK(stages[1].isolation == Isolation::thread);
  CHECK(stages[1].timeout_ms == 500);
  CHECK(stages[2].isolation == Isolation::process);
  CHECK(stages[2].timeout_ms == 50);
  // Readers and writers always stay in the host.
  CHECK(stages.front().isolation == Isolation::thread);
  CHECK(stages.back().isolation == Isolation::thread);
  // Neither key is an option the plugin gets.
  CHECK(config_test::option_names(stages[2].options.get()) ==
        std::vector<std::string_view>{"gazetteer", "min_length", "threshold", "labels"});
}

TEST_CASE("isolation defaults to threads with a 30 s timeout and --set can change it per stage",
          "[config][isolation]") {
  using nahr::host::Isolation;
  Loader loader;
  Overrides overrides;
  overrides.sets = {"tag-entities.isolation=process", "tag-entities.timeout_ms=2000"};
  const LoadResult result = loader.load(around(R"(
[[stage]]
plugin = "normalise-arabic"

[[stage]]
plugin = "tag-entities"
gazetteer = "أماكن.txt"
)"), overrides);
  REQUIRE(errors(result).empty());
  const auto& stages = result.config->stages;
  CHECK(result.config->settings.isolation == Isolation::thread);
  CHECK(stages[1].isolation == Isolation::thread);
  CHECK(stages[1].timeout_ms == 30000);
  CHECK(stages[2].isolation == Isolation::process);
  CHECK(stages[2].timeout_ms == 2000);
}

TEST_CASE("a wrong isolation or timeout_ms is reported with the nearest value", "[config][isolation]") {
  CHECK(errors_of(R"([pipeline]
isolation = "proces"
timeout_ms = 0

[[stage]]
plugin = "read-text"
inputs = "wire/*.txt"
isolation = "process"

[[stage]]
plugin = "normalise-arabic"
isolation = true
timeout_ms = "5s"

[[stage]]
plugin = "tag-entities"
gazetteer = "أماكن.txt"
isolaton = "process"
timeout_ms = 86400001

[[stage]]
plugin = "write-jsonl"
output = "-"
timeout_ms = 10
)") == std::vector<std::string>{
             "pipeline.toml:2:13: error: pipeline.isolation must be one of thread, process; got "
             "'proces' (did you mean 'process'?)",
             "pipeline.toml:3:14: error: pipeline.timeout_ms must be between 1 and 86400000 (a "
             "day), got 0",
             "pipeline.toml:8:13: error: 'isolation' is only for normalisers and extractors; "
             "stage 'read-text' is a reader",
             "pipeline.toml:12:13: error: 'isolation' of stage 'normalise-arabic' must be a "
             "string, got boolean",
             "pipeline.toml:13:14: error: 'timeout_ms' of stage 'normalise-arabic' must be an "
             "integer, got string",
             "pipeline.toml:18:1: error: unknown option 'isolaton' for stage 'tag-entities' (did "
             "you mean 'isolation'?)",
             "pipeline.toml:19:14: error: 'timeout_ms' of stage 'tag-entities' must be between 1 "
             "and 86400000 (a day), got 86400001",
             "pipeline.toml:24:14: error: 'timeout_ms' is only for normalisers and extractors; "
             "stage 'write-jsonl' is a writer",
         });
}
