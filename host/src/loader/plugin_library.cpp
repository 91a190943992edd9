#include "loader/plugin_library.hpp"

#include "loader/plugin_file.hpp"

#include <boost/dll/shared_library.hpp>
#include <dlfcn.h>
#include <fmt/core.h>
#include <fmt/std.h>

#include <cstddef>
#include <cstring>

namespace nahr::host {

struct PluginLibrary::Handle {
  boost::dll::shared_library library;
};

namespace {

// Boost.DLL clears dlerror() and reports every failure as "Bad file
// descriptor"; ask the dynamic loader once more for the real reason (such as
// the name of a missing dependency).
std::string dlopen_reason(const std::filesystem::path& file) {
  // A bare name would send dlopen() to the library search path, not to the
  // file Boost.DLL tried.
  const std::string path = file.has_parent_path() ? file.string() : "./" + file.string();
  void* probe = ::dlopen(path.c_str(), RTLD_NOW | RTLD_LOCAL);
  if (probe != nullptr) {
    ::dlclose(probe);
    return "cannot be loaded";
  }
  const char* reason = ::dlerror();
  return reason != nullptr ? explain_load_error(file, reason) : "cannot be loaded";
}

std::string refuse(const std::filesystem::path& file, std::string_view reason) {
  return fmt::format("{}: refused: {}", file.string(), reason);
}

}  // namespace

PluginLibrary::PluginLibrary(std::unique_ptr<Handle> handle,
                             const nahr_plugin_descriptor* descriptor, std::filesystem::path file)
    : handle_(std::move(handle)), descriptor_(descriptor), file_(std::move(file)) {}

PluginLibrary::~PluginLibrary() = default;

std::variant<std::unique_ptr<PluginLibrary>, std::string> PluginLibrary::load(
    const std::filesystem::path& file) {
  if (std::optional<std::string> problem = plugin_file_problem(file)) return refuse(file, *problem);
  auto handle = std::make_unique<Handle>();
  boost::dll::fs::error_code ec;
  handle->library.load(boost::dll::fs::path(file.string()),
                       boost::dll::load_mode::rtld_now | boost::dll::load_mode::rtld_local, ec);
  if (ec) return refuse(file, dlopen_reason(file));
  // Never unloaded: the libraries a plugin brings (ICU, say) keep caches for
  // the life of the process, which unloading leaks, and a sanitizer report
  // from plugin code needs the plugin mapped to name its functions.
  ::dlopen(handle->library.location().c_str(), RTLD_NOW | RTLD_NOLOAD | RTLD_NODELETE);

  if (!handle->library.has(NAHR_PLUGIN_ENTRY_SYMBOL)) {
    return refuse(file, fmt::format("no entry symbol '{}' (not a nahr plugin, or built without "
                                    "NAHR_PLUGIN)",
                                    NAHR_PLUGIN_ENTRY_SYMBOL));
  }
  auto entry = handle->library.get<const nahr_plugin_descriptor*(const nahr_host_api*)>(
      NAHR_PLUGIN_ENTRY_SYMBOL);
  const nahr_plugin_descriptor* descriptor = entry(&host_api());
  if (descriptor == nullptr) return refuse(file, "entry point returned no descriptor");
  // abi_version is the first member in every ABI version: safe to read
  // before anything else is trusted.
  if (descriptor->abi_version != NAHR_ABI_VERSION) {
    return refuse(file, fmt::format("plugin ABI version {}, host ABI version {}; rebuild the "
                                    "plugin against this host's SDK",
                                    descriptor->abi_version, NAHR_ABI_VERSION));
  }
  // Members added at the end of the struct since are read only when
  // struct_size covers them (see self_tests()).
  if (descriptor->struct_size < offsetof(nahr_plugin_descriptor, self_tests)) {
    return refuse(file, "descriptor is smaller than this ABI version's");
  }
  if (descriptor->name == nullptr || descriptor->version == nullptr ||
      (descriptor->stage_count > 0 && descriptor->stages == nullptr)) {
    return refuse(file, "descriptor lacks a name, version or stage list");
  }
  for (std::size_t i = 0; i < descriptor->stage_count; ++i) {
    const nahr_stage_descriptor& s = descriptor->stages[i];
    const nahr_stage_vtable& v = s.vtable;
    const bool complete =
        s.name != nullptr && v.create != nullptr && v.destroy != nullptr &&
        (s.kind == NAHR_STAGE_READER    ? v.open_input && v.next_document
         : s.kind == NAHR_STAGE_WRITER  ? v.encode_document ||
                                              (v.open_output && v.write_document && v.close_output)
         : s.kind == NAHR_STAGE_NORMALISER || s.kind == NAHR_STAGE_EXTRACTOR ? v.process != nullptr
                                                                             : false);
    if (!complete) {
      return refuse(file, fmt::format("stage {} ('{}') has an unknown kind or lacks entry points",
                                      i, s.name ? s.name : "?"));
    }
  }
  return std::unique_ptr<PluginLibrary>(new PluginLibrary(std::move(handle), descriptor, file));
}

std::unique_ptr<PluginLibrary> PluginLibrary::from_descriptor(
    const nahr_plugin_descriptor* descriptor, std::filesystem::path file) {
  return std::unique_ptr<PluginLibrary>(new PluginLibrary(nullptr, descriptor, std::move(file)));
}

std::span<const nahr_self_test> PluginLibrary::self_tests() const {
  const std::size_t needed =
      offsetof(nahr_plugin_descriptor, self_test_count) + sizeof descriptor_->self_test_count;
  if (descriptor_->struct_size < needed || descriptor_->self_tests == nullptr) return {};
  return {descriptor_->self_tests, descriptor_->self_test_count};
}

const nahr_stage_descriptor* PluginLibrary::stage(std::string_view name) const {
  for (std::size_t i = 0; i < descriptor_->stage_count; ++i) {
    if (name == descriptor_->stages[i].name) return &descriptor_->stages[i];
  }
  return nullptr;
}

std::string_view kind_name(nahr_stage_kind kind) {
  switch (kind) {
    case NAHR_STAGE_READER: return "reader";
    case NAHR_STAGE_NORMALISER: return "normaliser";
    case NAHR_STAGE_EXTRACTOR: return "extractor";
    case NAHR_STAGE_WRITER: return "writer";
  }
  return "unknown";
}

std::string_view type_name(nahr_option_type type) {
  switch (type) {
    case NAHR_OPTION_BOOL: return "boolean";
    case NAHR_OPTION_INT: return "integer";
    case NAHR_OPTION_FLOAT: return "number";
    case NAHR_OPTION_STRING: return "string";
    case NAHR_OPTION_STRING_LIST: return "array of strings";
  }
  return "unknown";
}

}  // namespace nahr::host
