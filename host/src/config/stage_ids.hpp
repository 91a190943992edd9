// The id of every [[stage]]: its `id`, else its plugin name, numbered
// "name#2", "name#3"... when a plugin is used more than once without an id.
#pragma once

#include <toml++/toml.h>

#include <string>
#include <vector>

namespace nahr::host {

// Tolerates broken tables (the stage checks report those): a stage with no
// usable `id` or `plugin` gets "stage N", its 1-based position.
std::vector<std::string> stage_ids(const toml::array& stages);

}  // namespace nahr::host
