#include "config/stage_ids.hpp"

#include <fmt/core.h>

#include <map>

namespace nahr::host {

std::vector<std::string> stage_ids(const toml::array& stages) {
  std::vector<std::string> ids;
  std::map<std::string, int, std::less<>> uses;
  for (std::size_t i = 0; i < stages.size(); ++i) {
    const toml::node_view<const toml::node> stage(stages.get(i));
    if (auto id = stage["id"].value<std::string>(); id && !id->empty()) {
      ids.push_back(std::move(*id));
    } else if (auto plugin = stage["plugin"].value<std::string>()) {
      const int n = ++uses[*plugin];
      ids.push_back(n == 1 ? std::move(*plugin) : fmt::format("{}#{}", *plugin, n));
    } else {
      ids.push_back(fmt::format("stage {}", i + 1));
    }
  }
  return ids;
}

}  // namespace nahr::host
