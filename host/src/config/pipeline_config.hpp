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
};

struct StageConfig {
  std::string id;      // `id`, else the plugin name (name#2, #3... when repeated)
  std::string plugin;  // as written
  Location where;      // the [[stage]] header
  StageRef stage;
  OptionValues options;
  std::vector<std::string> inputs;  // readers: paths, directories, globs, "-"
  std::string output;               // writers: path or "-"
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
