#include "config/load_context.hpp"

#include <algorithm>

namespace nahr::host {

bool LoadContext::from_command_line(const toml::node& node) {
  const auto& path = node.source().path;
  return path != nullptr && *path == kSetSource;
}

Location LoadContext::locate(const toml::node& node) const {
  if (from_command_line(node)) return Location{std::string(kSetSource), 0, 0};
  const toml::source_position begin = node.source().begin;
  return Location{file_, static_cast<int>(begin.line), static_cast<int>(begin.column)};
}

Location LoadContext::locate(const toml::key& key, const toml::node& value) const {
  const toml::source_position begin = key.source().begin;
  if (begin.line == 0 || from_command_line(value)) return locate(value);
  return Location{file_, static_cast<int>(begin.line), static_cast<int>(begin.column)};
}

void LoadContext::error(Location where, std::string message) {
  diagnostics_.push_back(Diagnostic{std::move(where), std::move(message)});
}

std::string LoadContext::resolve_path(const toml::node& value, std::string_view path) const {
  const std::filesystem::path p(path);
  if (path == "-" || p.is_absolute() || from_command_line(value)) return std::string(path);
  return (base_dir_ / p).lexically_normal().string();
}

Diagnostics LoadContext::take_sorted() {
  std::stable_sort(
      diagnostics_.begin(), diagnostics_.end(), [](const Diagnostic& a, const Diagnostic& b) {
        return std::pair(a.where.line, a.where.column) < std::pair(b.where.line, b.where.column);
      });
  return std::move(diagnostics_);
}

}  // namespace nahr::host
