// The config loader on any TOML, with any --set overrides (the input after
// its first NUL byte, split at NUL bytes), against the in-memory plugins of
// the host's config tests. It must either accept the config or explain why
// not, each problem located in the file or on the command line; an accepted
// config has a reader first, a writer last, and settings in range.
#include "config/pipeline_config.hpp"
#include "config_test_support.hpp"
#include "fuzz_support.hpp"

#include <filesystem>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  namespace host = nahr::host;
  std::string_view toml(reinterpret_cast<const char*>(data), size);
  host::Overrides overrides;
  if (const std::size_t nul = toml.find('\0'); nul != std::string_view::npos) {
    std::string_view sets = toml.substr(nul + 1);
    toml = toml.substr(0, nul);
    for (;;) {
      const std::size_t next = sets.find('\0');
      overrides.sets.emplace_back(sets.substr(0, next));
      if (next == std::string_view::npos) break;
      sets.remove_prefix(next + 1);
    }
  }

  host::PluginRegistry registry{std::vector<std::filesystem::path>{}};
  for (const nahr_plugin_descriptor* d : config_test::plugin_descriptors(&host::host_api())) {
    const auto file = std::filesystem::path(d->name).concat(".so");
    registry.add(host::PluginLibrary::from_descriptor(d, file));
  }
  const host::LoadResult result =
      host::load_pipeline_text(toml, "fuzz.toml", "/nonexistent/configs", overrides, registry);

  NAHR_FUZZ_CHECK(result.config.has_value() != !result.diagnostics.empty(),
                  "a config is either accepted or refused with reasons");
  for (const host::Diagnostic& d : result.diagnostics) {
    NAHR_FUZZ_CHECK(!d.message.empty(), d.format());
    NAHR_FUZZ_CHECK(d.where.file == "fuzz.toml" || d.where.file == "--set", d.format());
    NAHR_FUZZ_CHECK(d.where.line >= 0 && d.where.column >= 0, d.format());
  }
  if (result.config) {
    const host::PipelineConfig& config = *result.config;
    NAHR_FUZZ_CHECK(config.stages.size() >= 2, "a pipeline has a reader and a writer");
    NAHR_FUZZ_CHECK(config.stages.front().stage.stage->kind == NAHR_STAGE_READER, "reader first");
    NAHR_FUZZ_CHECK(config.stages.back().stage.stage->kind == NAHR_STAGE_WRITER, "writer last");
    NAHR_FUZZ_CHECK(config.settings.max_document_bytes >= 1, "max_document_bytes");
    NAHR_FUZZ_CHECK(config.settings.batch_size >= 1, "batch_size");
    NAHR_FUZZ_CHECK(config.settings.max_error_rate >= 0 && config.settings.max_error_rate <= 1,
                    "max_error_rate");
  }
  return 0;
}
