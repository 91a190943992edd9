// Loading a pipeline config: parse, apply command-line overrides, validate
// everything, and report every problem at once with file:line:column.
//
// The format:
//
//   [pipeline]                        # optional; every key optional
//   threads = 0                       # 0 = all cores
//   on_error = "quarantine"           # quarantine | skip | fail
//   quarantine = "out/q.jsonl"        # default: beside the writer's output
//   plugin_dirs = ["../plugins"]      # searched before NAHR_PLUGIN_PATH
//   max_document_bytes = 67108864
//   batch_size = 64
//   max_errors = 0                    # 0 = no limit
//   max_error_rate = 1.0              # fraction of documents read
//   isolation = "thread"              # thread | process: middle stages in worker processes
//   timeout_ms = 30000                # per document and isolated stage
//
//   [[stage]]                         # first: a reader
//   plugin = "read-text"
//   inputs = ["../samples/*.txt"]     # string or array: files, dirs, globs, "-"
//   mode = "blocks"                   # any other key is an option of the stage
//
//   [[stage]]
//   plugin = "normalise-arabic"
//   id = "norm"                       # default: the plugin name ("name#2" if repeated)
//   stage = "..."                     # which stage of a plugin that has several
//   isolation = "process"             # middle stages: overrides [pipeline] isolation
//   timeout_ms = 5000                 # middle stages: overrides [pipeline] timeout_ms
//
//   [[stage]]                         # last: a writer
//   plugin = "write-jsonl"
//   output = "../out/afp.jsonl"       # "-" = stdout
//
//   [[test]]                          # pipeline tests for `nahr test`:
//   text = "..."                      # see config/test_tables.hpp
//
// Paths in the file are relative to its folder; paths from the command line
// (--set, --input, --output) are relative to the working directory.
#include "config/pipeline_config.hpp"

#include "config/load_context.hpp"
#include "config/option_check.hpp"
#include "config/pipeline_settings.hpp"
#include "config/set_overrides.hpp"
#include "config/stage_ids.hpp"
#include "config/stage_table.hpp"
#include "config/suggest.hpp"
#include "config/test_tables.hpp"

#include <fmt/format.h>
#include <toml++/toml.h>

#include <algorithm>
#include <cerrno>
#include <fstream>
#include <map>
#include <sstream>
#include <system_error>

namespace nahr::host {

namespace {

const std::vector<std::string> kTopLevelKeys = {"pipeline", "stage", "test"};

void check_top_level_keys(const toml::table& document, LoadContext& context) {
  for (const auto& [key, value] : document) {
    if (std::find(kTopLevelKeys.begin(), kTopLevelKeys.end(), key.str()) != kTopLevelKeys.end()) {
      continue;
    }
    context.error(context.locate(key, value),
                  fmt::format("unknown top-level key '{}'{}", key.str(),
                              did_you_mean_or_list(key.str(), kTopLevelKeys)));
  }
}

// Two stages with one id could not be told apart in --set, logs or reports.
void check_unique_ids(const toml::array& stages, const std::vector<std::string>& ids,
                      LoadContext& context) {
  std::map<std::string_view, Location> first_use;
  for (std::size_t i = 0; i < stages.size(); ++i) {
    const toml::table* table = stages.get(i)->as_table();
    if (table == nullptr) continue;
    const toml::node* id = table->get("id");
    const Location where = context.locate(id != nullptr ? *id : *table);
    const auto [it, fresh] = first_use.emplace(ids[i], where);
    if (fresh) continue;
    context.error(where, fmt::format("duplicate stage id '{}' (first used at line {}); give one "
                                     "of the stages another `id`",
                                     ids[i], it->second.line));
  }
}

std::vector<StageConfig> read_stages(const toml::node* node, const PipelineSettings& settings,
                                     const Overrides& overrides, PluginRegistry& registry,
                                     LoadContext& context) {
  constexpr std::string_view kNeed = "a pipeline needs [[stage]] tables, from a reader to a writer";
  std::vector<StageConfig> out;
  if (node == nullptr) {
    context.error(Location{context.file(), 0, 0}, fmt::format("no stages: {}", kNeed));
    return out;
  }
  const toml::array* stages = node->as_array();
  if (stages == nullptr) {
    context.error(*node, fmt::format("'stage' must be an array of tables ([[stage]]), got {}",
                                     toml_type_name(*node)));
    return out;
  }
  if (stages->empty()) {
    context.error(*node, fmt::format("'stage' is empty: {}", kNeed));
    return out;
  }
  const std::vector<std::string> ids = stage_ids(*stages);
  for (std::size_t i = 0; i < stages->size(); ++i) {
    const toml::node& stage = *stages->get(i);
    if (const toml::table* table = stage.as_table()) {
      out.push_back(read_stage_table(*table, ids[i], StagePosition{i, stages->size()}, settings,
                                     overrides, registry, context));
    } else {
      context.error(stage,
                    fmt::format("stage {} must be a table, got {}", i + 1, toml_type_name(stage)));
    }
  }
  check_unique_ids(*stages, ids, context);
  return out;
}

}  // namespace

LoadResult load_pipeline_text(std::string_view toml, const std::string& name,
                              const std::filesystem::path& base_dir, const Overrides& overrides,
                              PluginRegistry& registry) {
  toml::table document;
  try {
    document = toml::parse(toml, std::string_view(name));
  } catch (const toml::parse_error& e) {
    // Nothing after a syntax error can be trusted, so it is the only report.
    const toml::source_position begin = e.source().begin;
    return LoadResult{
        std::nullopt,
        {Diagnostic{Location{name, static_cast<int>(begin.line), static_cast<int>(begin.column)},
                    std::string(e.description())}}};
  }

  LoadContext context(name, base_dir);
  check_top_level_keys(document, context);
  apply_sets(document, overrides.sets, context);

  PipelineConfig config;
  config.file = name;
  config.settings = read_settings(document.get("pipeline"), context);
  if (overrides.threads) config.settings.threads = *overrides.threads;
  // Before any plugin is looked up, so the config's own plugins win.
  registry.prepend_search_dirs(config.settings.plugin_dirs);
  config.stages =
      read_stages(document.get("stage"), config.settings, overrides, registry, context);
  config.tests = read_tests(document.get("test"), context);

  if (context.failed()) return LoadResult{std::nullopt, context.take_sorted()};
  return LoadResult{std::move(config), {}};
}

LoadResult load_pipeline(const std::filesystem::path& file, const Overrides& overrides,
                         PluginRegistry& registry) {
  const std::string name = file.string();
  const auto cannot_read = [&](const std::string& why) {
    return LoadResult{std::nullopt,
                      {Diagnostic{Location{name, 0, 0}, fmt::format("cannot read: {}", why)}}};
  };
  std::error_code ec;
  if (std::filesystem::is_directory(file, ec)) return cannot_read("it is a directory");
  std::ifstream in(file, std::ios::binary);
  if (!in) return cannot_read(std::generic_category().message(errno));
  std::ostringstream text;
  text << in.rdbuf();
  if (in.bad()) return cannot_read(std::generic_category().message(errno));
  return load_pipeline_text(text.str(), name, file.parent_path(), overrides, registry);
}

}  // namespace nahr::host
