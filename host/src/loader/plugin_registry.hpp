// Finds plugins by name in the search path and keeps them loaded.
//
// Search order: directories named in the config, then NAHR_PLUGIN_PATH
// (colon-separated), then the install's own plugin directory
// (<prefix>/lib/nahr/plugins beside bin/nahr). A config's `plugin = "X"`
// is the library X.so in the first directory that has one, so a run loads
// only the plugins it uses.
#pragma once

#include "loader/plugin_library.hpp"

#include <filesystem>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace nahr::host {

struct StageRef {
  const PluginLibrary* plugin = nullptr;
  const nahr_stage_descriptor* stage = nullptr;
  explicit operator bool() const { return stage != nullptr; }
};

class PluginRegistry {
 public:
  // Search path from NAHR_PLUGIN_PATH and the install directory.
  static PluginRegistry from_environment();
  explicit PluginRegistry(std::vector<std::filesystem::path> search_dirs);

  // Config directories come first in the search order.
  void prepend_search_dirs(const std::vector<std::filesystem::path>& dirs);
  const std::vector<std::filesystem::path>& search_dirs() const { return dirs_; }

  // Registers a plugin that has no file (tests, built-ins).
  void add(std::unique_ptr<PluginLibrary> plugin);

  // The plugin called `name`, loading it if needed. nullptr if not found;
  // `error` then holds why (not found, or found and refused).
  const PluginLibrary* find(std::string_view name, std::string* error = nullptr);

  // A stage by plugin name and (optional) stage name; with no stage name the
  // plugin must offer exactly one stage or one named like itself.
  StageRef find_stage(std::string_view plugin, std::optional<std::string_view> stage,
                      std::string* error = nullptr);

  // Loads every plugin file in the search path (for `nahr plugins` and for
  // suggestions). Returns one line per file refused.
  std::vector<std::string> load_all();
  // Names of every plugin found in the search path, loaded or not.
  std::vector<std::string> available_names() const;
  std::vector<const PluginLibrary*> loaded() const;

 private:
  std::optional<std::filesystem::path> locate(std::string_view name) const;

  std::vector<std::filesystem::path> dirs_;
  std::map<std::string, std::unique_ptr<PluginLibrary>, std::less<>> plugins_;
  std::map<std::string, std::string, std::less<>> refused_;
};

// The plugin directory of this installation (or build tree).
std::filesystem::path install_plugin_dir();

}  // namespace nahr::host
