#include "config/set_overrides.hpp"

#include "config/stage_ids.hpp"
#include "config/suggest.hpp"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>
#include <optional>
#include <sstream>
#include <vector>

namespace nahr::host {

namespace {

const Location kSetLocation{std::string(kSetSource), 0, 0};

std::optional<toml::table> parse_as_value(std::string_view text) {
  try {
    toml::table parsed = toml::parse(fmt::format("v = {}", text), kSetSource);
    // "1\nother = 2" parses, but is not one value.
    if (parsed.size() == 1 && parsed.contains("v")) return parsed;
  } catch (const toml::parse_error&) {
  }
  return std::nullopt;
}

// The value of `text`, parsed with kSetSource as its source name.
std::optional<toml::table> parse_set_value(std::string_view text, std::string_view set,
                                           LoadContext& context) {
  if (auto value = parse_as_value(text)) return value;
  std::ostringstream quoted;
  quoted << toml::value<std::string>(std::string(text));
  try {
    return toml::parse(fmt::format("v = {}", quoted.str()), kSetSource);
  } catch (const toml::parse_error& e) {
    context.error(kSetLocation, fmt::format("bad value in '{}': {}", set, e.description()));
  }
  return std::nullopt;
}

// The table STAGE names, or nullptr after reporting why there is none.
toml::table* find_target(toml::table& config, std::string_view target, std::string_view set,
                         LoadContext& context) {
  if (target == "pipeline") {
    if (!config.contains("pipeline")) config.insert("pipeline", toml::table{});
    return config.get_as<toml::table>("pipeline");  // not a table: reported by the settings
  }
  toml::array* stages = config.get_as<toml::array>("stage");
  const std::vector<std::string> ids = stages ? stage_ids(*stages) : std::vector<std::string>{};
  if (auto it = std::find(ids.begin(), ids.end(), target); it != ids.end()) {
    return stages->get_as<toml::table>(static_cast<std::size_t>(it - ids.begin()));
  }

  std::vector<std::size_t> users;
  std::vector<std::string> names = ids;
  names.emplace_back("pipeline");
  for (std::size_t i = 0; stages && i < stages->size(); ++i) {
    const auto plugin = toml::node_view(stages->get(i))["plugin"].value<std::string>();
    if (!plugin) continue;
    if (*plugin == target) users.push_back(i);
    names.push_back(*plugin);
  }
  if (users.size() == 1) return stages->get_as<toml::table>(users.front());
  if (users.size() > 1) {
    std::vector<std::string> user_ids;
    for (std::size_t i : users) user_ids.push_back(ids[i]);
    context.error(kSetLocation,
                  fmt::format("'{}' in '{}' is the plugin of {} stages; name one by its id: {}",
                              target, set, users.size(), fmt::join(user_ids, ", ")));
    return nullptr;
  }
  std::sort(names.begin(), names.end());
  names.erase(std::unique(names.begin(), names.end()), names.end());
  context.error(kSetLocation, fmt::format("unknown stage '{}' in '{}'{}; stages: {}", target, set,
                                          did_you_mean(target, names), fmt::join(ids, ", ")));
  return nullptr;
}

void apply_set(toml::table& config, std::string_view set, LoadContext& context) {
  const std::size_t equals = set.find('=');
  const std::string_view path = set.substr(0, equals);
  const std::size_t dot = path.rfind('.');
  if (equals == set.npos || dot == path.npos || dot == 0 || dot + 1 == path.size()) {
    context.error(kSetLocation, fmt::format("expected STAGE.KEY=VALUE, got '{}'", set));
    return;
  }
  const std::string_view target = path.substr(0, dot);
  const std::string_view key = path.substr(dot + 1);
  if (target != "pipeline" && (key == "plugin" || key == "id" || key == "stage")) {
    context.error(
        kSetLocation,
        fmt::format("'{}': --set cannot change a stage's '{}'; edit the config", set, key));
    return;
  }
  std::optional<toml::table> value = parse_set_value(set.substr(equals + 1), set, context);
  toml::table* table = value ? find_target(config, target, set, context) : nullptr;
  if (table == nullptr) return;
  // Moving keeps the node's source, which marks it as a command-line value.
  value->get("v")->visit([&](auto& node) { table->insert_or_assign(key, std::move(node)); });
}

}  // namespace

void apply_sets(toml::table& config, std::span<const std::string> sets, LoadContext& context) {
  for (const std::string& set : sets) apply_set(config, set, context);
}

}  // namespace nahr::host
