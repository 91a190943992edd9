#include "loader/plugin_registry.hpp"

#include <boost/dll/runtime_symbol_info.hpp>
#include <fmt/core.h>

#include <algorithm>
#include <cstdlib>

namespace nahr::host {

namespace {

constexpr std::string_view kPluginSuffix = ".so";

std::vector<std::filesystem::path> split_path_list(const char* list) {
  std::vector<std::filesystem::path> out;
  if (list == nullptr) return out;
  std::string_view rest(list);
  while (!rest.empty()) {
    const std::size_t colon = rest.find(':');
    const std::string_view item = rest.substr(0, colon);
    if (!item.empty()) out.emplace_back(item);
    if (colon == std::string_view::npos) break;
    rest.remove_prefix(colon + 1);
  }
  return out;
}

}  // namespace

std::filesystem::path install_plugin_dir() {
  const std::filesystem::path exe = boost::dll::program_location().string();
  // Relative to the executable, so that a relocated install (a .deb in /usr,
  // a tarball anywhere) still finds its own plugins.
  return (exe.parent_path() / NAHR_PLUGIN_DIR_FROM_BINDIR).lexically_normal();
}

PluginRegistry PluginRegistry::from_environment() {
  std::vector<std::filesystem::path> dirs = split_path_list(std::getenv("NAHR_PLUGIN_PATH"));
  dirs.push_back(install_plugin_dir());
  return PluginRegistry(std::move(dirs));
}

PluginRegistry::PluginRegistry(std::vector<std::filesystem::path> search_dirs)
    : dirs_(std::move(search_dirs)) {}

void PluginRegistry::prepend_search_dirs(const std::vector<std::filesystem::path>& dirs) {
  dirs_.insert(dirs_.begin(), dirs.begin(), dirs.end());
}

void PluginRegistry::add(std::unique_ptr<PluginLibrary> plugin) {
  std::string name(plugin->name());
  plugins_[name] = std::move(plugin);
}

std::optional<std::filesystem::path> PluginRegistry::locate(std::string_view name) const {
  for (const std::filesystem::path& dir : dirs_) {
    std::filesystem::path candidate = dir / (std::string(name) + std::string(kPluginSuffix));
    std::error_code ec;
    if (std::filesystem::is_regular_file(candidate, ec)) return candidate;
  }
  return std::nullopt;
}

const PluginLibrary* PluginRegistry::find(std::string_view name, std::string* error) {
  if (auto it = plugins_.find(name); it != plugins_.end()) return it->second.get();
  if (auto it = refused_.find(name); it != refused_.end()) {
    if (error) *error = it->second;
    return nullptr;
  }
  const std::optional<std::filesystem::path> file = locate(name);
  if (!file) {
    if (error) *error = fmt::format("no plugin '{}' in the search path", name);
    return nullptr;
  }
  auto loaded = PluginLibrary::load(*file);
  if (auto* why = std::get_if<std::string>(&loaded)) {
    refused_.emplace(std::string(name), *why);
    if (error) *error = *why;
    return nullptr;
  }
  auto& plugin = std::get<std::unique_ptr<PluginLibrary>>(loaded);
  if (plugin->name() != name) {
    std::string why = fmt::format("{}: refused: the file is named '{}' but the plugin calls itself '{}'",
                                  file->string(), name, plugin->name());
    refused_.emplace(std::string(name), why);
    if (error) *error = std::move(why);
    return nullptr;
  }
  const PluginLibrary* result = plugin.get();
  plugins_.emplace(std::string(name), std::move(plugin));
  return result;
}

StageRef PluginRegistry::find_stage(std::string_view plugin_name,
                                    std::optional<std::string_view> stage_name,
                                    std::string* error) {
  const PluginLibrary* plugin = find(plugin_name, error);
  if (plugin == nullptr) return {};
  const nahr_plugin_descriptor& d = plugin->descriptor();
  if (stage_name) {
    if (const nahr_stage_descriptor* s = plugin->stage(*stage_name)) return {plugin, s};
    if (error) *error = fmt::format("plugin '{}' has no stage '{}'", plugin_name, *stage_name);
    return {};
  }
  if (d.stage_count == 1) return {plugin, &d.stages[0]};
  if (const nahr_stage_descriptor* s = plugin->stage(plugin_name)) return {plugin, s};
  if (error) {
    *error = fmt::format("plugin '{}' offers {} stages; choose one with `stage = \"...\"`",
                         plugin_name, d.stage_count);
  }
  return {};
}

std::vector<std::string> PluginRegistry::available_names() const {
  std::vector<std::string> names;
  for (const auto& [name, plugin] : plugins_) names.push_back(name);
  for (const std::filesystem::path& dir : dirs_) {
    std::error_code ec;
    for (const auto& entry : std::filesystem::directory_iterator(dir, ec)) {
      const std::filesystem::path& p = entry.path();
      if (p.extension() == kPluginSuffix) names.push_back(p.stem().string());
    }
  }
  std::sort(names.begin(), names.end());
  names.erase(std::unique(names.begin(), names.end()), names.end());
  return names;
}

std::vector<std::string> PluginRegistry::load_all() {
  std::vector<std::string> refused;
  for (const std::string& name : available_names()) {
    std::string error;
    if (find(name, &error) == nullptr) refused.push_back(std::move(error));
  }
  return refused;
}

std::vector<const PluginLibrary*> PluginRegistry::loaded() const {
  std::vector<const PluginLibrary*> out;
  for (const auto& [name, plugin] : plugins_) out.push_back(plugin.get());
  return out;
}

}  // namespace nahr::host
