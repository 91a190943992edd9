#include "gazetteer_files.hpp"

#include <dlfcn.h>

#include <nahr/error.hpp>

namespace extract_entities {

std::filesystem::path shipped_gazetteer_dir() {
  static const char anchor = 0;  // any address inside this library
  Dl_info info{};
  if (dladdr(&anchor, &info) == 0 || info.dli_fname == nullptr) {
    throw nahr::FatalError(
        "extract-entities: cannot find where the plugin was loaded from; set gazetteer_dir");
  }
  const std::filesystem::path library =
      std::filesystem::absolute(info.dli_fname).lexically_normal();
  return library.parent_path() / "extract-entities";
}

std::vector<std::filesystem::path> gazetteer_paths(const std::vector<std::string>& shipped,
                                                   const std::vector<std::string>& extra,
                                                   const std::filesystem::path& shipped_dir) {
  std::vector<std::filesystem::path> paths;
  for (const std::string& name : shipped) {
    const std::filesystem::path path(name);
    paths.push_back(path.has_parent_path() ? path : shipped_dir / path);
  }
  for (const std::string& name : extra) paths.emplace_back(name);
  for (std::filesystem::path& path : paths) {
    std::error_code ec;
    std::filesystem::path absolute = std::filesystem::absolute(path, ec);
    if (!ec) path = absolute.lexically_normal();
  }
  return paths;
}

}  // namespace extract_entities
