// Shared by the config tests: in-memory test plugins (defined in
// config_test_plugins.cpp) and a look at the options a stage receives.
#pragma once

#include <nahr/abi.h>

#include <string>
#include <string_view>
#include <vector>

namespace config_test {

// read-text, normalise-arabic, tag-entities, write-jsonl, arabic-tools (two
// stages) and bad-default (a default that does not fit its type).
std::vector<const nahr_plugin_descriptor*> plugin_descriptors(const nahr_host_api* host);

// The option names a stage receives, in the order it receives them.
inline std::vector<std::string_view> option_names(const nahr_options* options) {
  std::vector<std::string_view> out;
  for (std::size_t i = 0; i < options->count; ++i) {
    out.emplace_back(options->values[i].name.data, options->values[i].name.size);
  }
  return out;
}

}  // namespace config_test
