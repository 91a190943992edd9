#include "loader/plugin_registry.hpp"

#include <catch2/catch.hpp>
#include <sys/stat.h>

#include <filesystem>
#include <fstream>

using nahr::host::PluginLibrary;
using nahr::host::PluginRegistry;
namespace fs = std::filesystem;

namespace {
const fs::path kTestPlugins = NAHR_TEST_PLUGIN_DIR;

std::string refusal(const fs::path& file) {
  auto loaded = PluginLibrary::load(file);
  REQUIRE(std::holds_alternative<std::string>(loaded));
  return std::get<std::string>(loaded);
}
}  // namespace

TEST_CASE("loader loads a good plugin and reads its descriptor", "[loader]") {
  auto loaded = PluginLibrary::load(kTestPlugins / "test-faulty.so");
  REQUIRE(std::holds_alternative<std::unique_ptr<PluginLibrary>>(loaded));
  const auto& plugin = std::get<std::unique_ptr<PluginLibrary>>(loaded);
  CHECK(plugin->name() == "test-faulty");
  CHECK(plugin->version() == "1.0.0");
  const nahr_stage_descriptor* stage = plugin->stage("test-faulty");
  REQUIRE(stage != nullptr);
  CHECK(stage->kind == NAHR_STAGE_EXTRACTOR);
  REQUIRE(stage->option_count == 2);
  CHECK(std::string(stage->options[0].name) == "marker_prefix");
  CHECK(std::string(stage->options[0].default_value) == "\"\"");
  CHECK(std::string(stage->options[1].name) == "delay_us");
  CHECK(stage->options[1].type == NAHR_OPTION_INT);
}

TEST_CASE("loader refuses a plugin built for another ABI version in one line", "[loader]") {
  const fs::path file = kTestPlugins / "test-wrong-abi.so";
  const std::string why = refusal(file);
  CHECK(why.find(file.string()) == 0);
  CHECK(why.find("plugin ABI version 999, host ABI version 2") != std::string::npos);
  CHECK(why.find('\n') == std::string::npos);
}

TEST_CASE("loader refuses a library without the entry symbol", "[loader]") {
  const fs::path file = kTestPlugins / "test-no-entry.so";
  const std::string why = refusal(file);
  CHECK(why.find(file.string()) == 0);
  CHECK(why.find("no entry symbol 'nahr_plugin_entry'") != std::string::npos);
}

TEST_CASE("loader reports the dynamic loader's reason for a file that is no library", "[loader]") {
  const fs::path file = fs::temp_directory_path() / "nahr-not-a-library.so";
  // Long enough to have an ELF header's size, so the loader reads it.
  std::ofstream(file) << std::string(256, 'x');
  const std::string why = refusal(file);
  CHECK(why.find(file.string()) == 0);
  CHECK(why.find("Bad file descriptor") == std::string::npos);  // Boost's misleading default
  CHECK(why.find("invalid ELF header") != std::string::npos);
  fs::remove(file);
}

TEST_CASE("registry searches directories in order and loads by file name", "[loader]") {
  PluginRegistry registry({"/nonexistent-dir", kTestPlugins});
  std::string error;
  const PluginLibrary* plugin = registry.find("test-passthrough", &error);
  REQUIRE(plugin != nullptr);
  CHECK(plugin->file() == kTestPlugins / "test-passthrough.so");
  CHECK(registry.find("no-such-plugin", &error) == nullptr);
  CHECK(error == "no plugin 'no-such-plugin' in the search path");

  const auto names = registry.available_names();
  CHECK(std::find(names.begin(), names.end(), "test-faulty") != names.end());
  const auto stage = registry.find_stage("test-faulty", std::nullopt, &error);
  REQUIRE(stage);
  CHECK(std::string(stage.stage->name) == "test-faulty");
}

TEST_CASE("registry lists refused files with their reason", "[loader]") {
  PluginRegistry registry({kTestPlugins});
  const std::vector<std::string> refused = registry.load_all();
  REQUIRE(refused.size() == 2);
  CHECK(refused[0].find("test-no-entry.so: refused: no entry symbol") != std::string::npos);
  CHECK(refused[1].find("test-wrong-abi.so: refused: plugin ABI version 999") != std::string::npos);
  CHECK(registry.loaded().size() == 4);  // passthrough, faulty, crash, hang
}

TEST_CASE("registry refuses a plugin file writable by every user", "[loader]") {
  const fs::path dir = fs::temp_directory_path() / "nahr-unsafe-plugins";
  fs::create_directories(dir);
  const fs::path copy = dir / "test-passthrough.so";
  fs::copy_file(kTestPlugins / "test-passthrough.so", copy, fs::copy_options::overwrite_existing);
  ::chmod(copy.c_str(), 0777);
  PluginRegistry registry({dir});
  std::string error;
  CHECK(registry.find("test-passthrough", &error) == nullptr);
  CHECK(error.find("writable by every user") != std::string::npos);
  fs::remove_all(dir);
}
