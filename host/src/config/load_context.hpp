// What the passes of load_pipeline share: the diagnostics found so far, and
// how to turn a TOML node into a location and a path.
#pragma once

#include "config/diagnostic.hpp"

#include <toml++/toml.h>

#include <filesystem>
#include <string>
#include <string_view>

namespace nahr::host {

// The source name given to values parsed from --set, so that every node
// knows whether it came from the file or from the command line.
inline constexpr std::string_view kSetSource = "--set";

class LoadContext {
 public:
  LoadContext(std::string file, std::filesystem::path base_dir)
      : file_(std::move(file)), base_dir_(std::move(base_dir)) {}

  const std::string& file() const { return file_; }

  static bool from_command_line(const toml::node& node);
  Location locate(const toml::node& node) const;
  // A key written in the file; keys added by --set have no position, so the
  // value's location stands in for them.
  Location locate(const toml::key& key, const toml::node& value) const;

  void error(Location where, std::string message);
  void error(const toml::node& at, std::string message) { error(locate(at), std::move(message)); }

  // `path` as written at `value`: relative to the config's folder, or to the
  // working directory for --set values. "-" (stdin/stdout) and absolute
  // paths stay as they are; globs are kept for the reader to expand.
  std::string resolve_path(const toml::node& value, std::string_view path) const;

  bool failed() const { return !diagnostics_.empty(); }
  // Everything reported, in file order.
  Diagnostics take_sorted();

 private:
  std::string file_;
  std::filesystem::path base_dir_;
  Diagnostics diagnostics_;
};

}  // namespace nahr::host
