// `nahr new-plugin`: an out-of-tree plugin project made from the templates
// in host/templates/ (compiled into the binary), with the plugin's name
// substituted into file names and contents.
#pragma once

#include <nahr/abi.h>

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace nahr::host {

// The kind named `name` ("reader", "normaliser", "extractor", "writer").
std::optional<nahr_stage_kind> stage_kind_from_name(std::string_view name);

// Why `name` cannot name a plugin, or nullopt when it can: lower-case ASCII
// letters and digits in words joined by single hyphens, starting with a
// letter ("extract-byline"), so that it is a file name, a CMake target and,
// with '_' for '-', a C++ namespace.
std::optional<std::string> invalid_plugin_name(std::string_view name);

// The identifiers a project uses, derived from the plugin name and kind.
// "extract-byline" as an extractor: namespace extract_byline, class
// BylineExtractor in byline_extractor.hpp/.cpp.
struct PluginIdentifiers {
  std::string plugin;      // extract-byline
  std::string name_space;  // extract_byline
  std::string class_name;  // BylineExtractor
  std::string file_stem;   // byline_extractor
};
PluginIdentifiers plugin_identifiers(std::string_view plugin, nahr_stage_kind kind);

struct ProjectFile {
  std::filesystem::path path;  // relative to the project folder
  std::string content;
};

// The files of a new project, every placeholder filled in. `sdk_version` is
// the nahr-sdk version its CMakeLists.txt asks find_package() for.
std::vector<ProjectFile> plugin_project(const PluginIdentifiers& ids, nahr_stage_kind kind,
                                        std::string_view sdk_version);

// Writes `files` under `dir`, which must not exist or be empty: nothing of
// the user's is ever overwritten. Throws std::runtime_error saying why not.
void write_project(const std::filesystem::path& dir, const std::vector<ProjectFile>& files);

}  // namespace nahr::host
