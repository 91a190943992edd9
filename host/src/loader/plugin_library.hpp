// One loaded plugin library: the file, its descriptor, and the handle that
// keeps it mapped.
#pragma once

#include <nahr/abi.h>

#include <filesystem>
#include <memory>
#include <span>
#include <string>
#include <variant>

namespace nahr::host {

class PluginLibrary {
 public:
  // Loads `file`, calls its entry point and checks the ABI. On failure the
  // string is one line naming the file and the reason.
  static std::variant<std::unique_ptr<PluginLibrary>, std::string> load(
      const std::filesystem::path& file);

  // A plugin compiled into the host or a test, with no file behind it.
  static std::unique_ptr<PluginLibrary> from_descriptor(const nahr_plugin_descriptor* descriptor,
                                                        std::filesystem::path file);

  ~PluginLibrary();
  PluginLibrary(const PluginLibrary&) = delete;
  PluginLibrary& operator=(const PluginLibrary&) = delete;

  const nahr_plugin_descriptor& descriptor() const { return *descriptor_; }
  const std::filesystem::path& file() const { return file_; }
  std::string_view name() const { return descriptor_->name; }
  std::string_view version() const { return descriptor_->version; }
  // The plugin's self-tests; empty when its descriptor predates them.
  std::span<const nahr_self_test> self_tests() const;
  // The stage called `name`, or nullptr.
  const nahr_stage_descriptor* stage(std::string_view name) const;

 private:
  struct Handle;
  PluginLibrary(std::unique_ptr<Handle> handle, const nahr_plugin_descriptor* descriptor,
                std::filesystem::path file);

  std::unique_ptr<Handle> handle_;
  const nahr_plugin_descriptor* descriptor_;
  std::filesystem::path file_;
};

// The host's function table, shared by every plugin.
const nahr_host_api& host_api();

std::string_view kind_name(nahr_stage_kind kind);
std::string_view type_name(nahr_option_type type);

}  // namespace nahr::host
