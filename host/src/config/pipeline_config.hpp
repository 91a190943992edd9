// A validated pipeline: what `nahr run` executes. Produced only by
// load_pipeline(), which checks everything before any document is read.
#pragma once

#include "config/diagnostic.hpp"
#include "config/option_values.hpp"
#include "loader/plugin_registry.hpp"
#include "testing/expectations.hpp"

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace nahr::host {

enum class OnError { quarantine, skip, fail };

// Where normalisers and extractors run: in the worker threads of the host
// ("thread"), or in worker processes that a crash or hang cannot take down
// ("process", see isolation/isolated_group.hpp).
enum class Isolation { thread, process };

// How long an isolated stage may work on one document before its worker
// process is killed and the document quarantined.
inline constexpr std::uint64_t kDefaultTimeoutMs = 30000;

struct PipelineSettings {
  unsigned threads = 0;  // 0 = all cores
  OnError on_error = OnError::quarantine;
  // Quarantine JSONL; empty = "<writer output>.quarantine.jsonl", or
  // "nahr-quarantine.jsonl" when the output is stdout.
  std::string quarantine;
  std::vector<std::filesystem::path> plugin_dirs;  // resolved against the config's folder
  std::uint64_t max_document_bytes = 64ull << 20;
  std::uint32_t batch_size = 64;     // documents per batch handed to a worker
  std::uint64_t max_errors = 0;      // 0 = no limit
  double max_error_rate = 1.0;       // fraction of documents read; 1 = no limit
  Isolation isolation = Isolation::thread;    // default of every middle stage
  std::uint64_t timeout_ms = kDefaultTimeoutMs;  // default of every middle stage
};

struct StageConfig {
  std::string id;      // `id`, else the plugin name (name#2, #3... when repeated)
  std::string plugin;  // as written
  Location where;      // the [[stage]] header
  StageRef stage;
  OptionValues options;
  std::vector<std::string> inputs;  // readers: paths, directories, globs, "-"
  std::string output;               // writers: path or "-"
  // Middle stages: the stage's own setting, else the pipeline's.
  Isolation isolation = Isolation::thread;
  std::uint64_t timeout_ms = kDefaultTimeoutMs;  // enforced only with Isolation::process
};

// A [[test]] table: a document for the middle stages and what must come out.
struct PipelineTest {
  std::string name;  // `name`, else "test N"
  Location where;    // the [[test]] header
  std::string id;    // the document id; empty = the name
  std::string text;
  StringPairs metadata;
  Expectations expect;
};

struct PipelineConfig {
  std::filesystem::path file;
  PipelineSettings settings;
  std::vector<StageConfig> stages;  // reader first, writer last
  std::vector<PipelineTest> tests;  // for `nahr test`
};

// Command-line changes applied before validation, so they are checked too.
struct Overrides {
  std::vector<std::string> sets;    // "STAGE.KEY=VALUE", "pipeline.KEY=VALUE"
  std::vector<std::string> inputs;  // replace the reader's inputs (relative to cwd)
  std::optional<std::string> output;  // replace the writer's output (relative to cwd)
  std::optional<unsigned> threads;
};

struct LoadResult {
  std::optional<PipelineConfig> config;  // set only when diagnostics is empty
  Diagnostics diagnostics;
};

// Parses and validates `file`. Paths in the file are relative to its folder.
// Adds the config's plugin_dirs to the front of `registry`'s search path.
LoadResult load_pipeline(const std::filesystem::path& file, const Overrides& overrides,
                         PluginRegistry& registry);

// The same, from TOML text (tests); `name` stands for the file in messages.
LoadResult load_pipeline_text(std::string_view toml, const std::string& name,
                              const std::filesystem::path& base_dir, const Overrides& overrides,
                              PluginRegistry& registry);

}  // namespace nahr::host
