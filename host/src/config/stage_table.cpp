#include "config/stage_table.hpp"

#include "config/option_check.hpp"
#include "config/pipeline_settings.hpp"
#include "config/suggest.hpp"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>
#include <array>
#include <optional>
#include <span>
#include <string>
#include <vector>

namespace nahr::host {

namespace {

// Keys the host reads itself; every other key of a [[stage]] is an option.
constexpr std::array<std::string_view, 7> kHostKeys = {"plugin", "id",        "stage",     "inputs",
                                                       "output", "isolation", "timeout_ms"};

bool is_host_key(std::string_view key) {
  return std::find(kHostKeys.begin(), kHostKeys.end(), key) != kHostKeys.end();
}

std::vector<std::string> stage_names(const PluginLibrary& plugin) {
  std::vector<std::string> names;
  const nahr_plugin_descriptor& d = plugin.descriptor();
  for (std::size_t i = 0; i < d.stage_count; ++i) names.emplace_back(d.stages[i].name);
  return names;
}

class StageTableReader {
 public:
  StageTableReader(const toml::table& table, std::string id, StagePosition position,
                   LoadContext& context)
      : table_(table), position_(position), context_(context) {
    config_.id = std::move(id);
    config_.where = context.locate(table);
  }

  StageConfig read(const PipelineSettings& settings, const Overrides& overrides,
                   PluginRegistry& registry) {
    const std::optional<std::string> plugin = string_key("plugin");
    if (table_.get("plugin") == nullptr) {
      context_.error(config_.where, fmt::format("stage {} has no 'plugin' key naming its plugin",
                                                position_.index + 1));
    }
    if (const std::optional<std::string> id = string_key("id")) {
      if (id->empty()) context_.error(*table_.get("id"), "a stage 'id' must not be empty");
      if (*id == "pipeline") {
        context_.error(*table_.get("id"),
                       "the stage id 'pipeline' is reserved: "
                       "--set pipeline.KEY=VALUE means the [pipeline] table");
      }
    }
    const bool stage_ok = !table_.contains("stage") || table_.get("stage")->is_string();
    const std::optional<std::string> stage_name = string_key("stage");
    if (plugin) config_.plugin = *plugin;
    label_ = config_.plugin.empty() || config_.plugin == config_.id
                 ? fmt::format("'{}'", config_.id)
                 : fmt::format("'{}' ({})", config_.id, config_.plugin);

    if (plugin && stage_ok) config_.stage = resolve(registry, stage_name);
    const nahr_stage_descriptor* stage = config_.stage.stage;
    if (stage != nullptr) {
      read_options(*stage);
      check_position(stage->kind);
    }
    read_inputs(overrides, stage);
    read_output(overrides, stage);
    read_isolation_keys(settings, stage);
    return std::move(config_);
  }

 private:
  // The string at `key`; nullopt when absent or, after reporting, not a string.
  std::optional<std::string> string_key(std::string_view key) {
    const toml::node* value = table_.get(key);
    if (value == nullptr) return std::nullopt;
    if (const auto* s = value->as_string()) return s->get();
    context_.error(*value, fmt::format("'{}' of stage {} must be a string, got {}", key,
                                       position_.index + 1, toml_type_name(*value)));
    return std::nullopt;
  }

  StageRef resolve(PluginRegistry& registry, const std::optional<std::string>& stage_name) {
    const toml::node& plugin_node = *table_.get("plugin");
    std::string why;
    const PluginLibrary* plugin = registry.find(config_.plugin, &why);
    if (plugin == nullptr) {
      const std::vector<std::string> available = registry.available_names();
      if (std::find(available.begin(), available.end(), config_.plugin) != available.end()) {
        context_.error(plugin_node, why);  // found, but refused: the loader says why
      } else {
        context_.error(plugin_node, unknown_plugin_message(available, registry.search_dirs()));
      }
      return {};
    }
    if (stage_name) {
      if (const nahr_stage_descriptor* s = plugin->stage(*stage_name)) return {plugin, s};
      const std::vector<std::string> names = stage_names(*plugin);
      context_.error(
          *table_.get("stage"),
          fmt::format("plugin '{}' has no stage '{}'{}; stages: {}", config_.plugin, *stage_name,
                      did_you_mean(*stage_name, names), fmt::join(names, ", ")));
      return {};
    }
    StageRef ref = registry.find_stage(config_.plugin, std::nullopt, &why);
    if (!ref) {
      context_.error(config_.where,
                     fmt::format("{}: {}", why, fmt::join(stage_names(*plugin), ", ")));
    }
    return ref;
  }

  std::string unknown_plugin_message(const std::vector<std::string>& available,
                                     const std::vector<std::filesystem::path>& dirs) const {
    std::string message = fmt::format("unknown plugin '{}'{}", config_.plugin,
                                      did_you_mean(config_.plugin, available));
    if (!available.empty())
      return fmt::format("{}; available: {}", message, fmt::join(available, ", "));
    std::vector<std::string> searched;
    for (const std::filesystem::path& dir : dirs) searched.push_back(dir.string());
    return fmt::format("{}; no plugins found in the search path ({})", message,
                       searched.empty() ? "empty" : fmt::format("{}", fmt::join(searched, ", ")));
  }

  void read_options(const nahr_stage_descriptor& stage) {
    const std::span<const nahr_option_spec> schema(stage.options, stage.option_count);
    for (const auto& [key, value] : table_) {
      if (is_host_key(key.str())) continue;
      const bool known = std::any_of(schema.begin(), schema.end(), [&](const nahr_option_spec& s) {
        return key.str() == s.name;
      });
      if (!known) report_unknown_option(key, value, stage);
    }
    for (const nahr_option_spec& spec : schema) {
      const std::string subject = fmt::format("option '{}' of stage {}", spec.name, label_);
      if (const toml::node* value = table_.get(spec.name)) {
        if (auto problem = add_option_value(spec, *value, subject, config_.options)) {
          context_.error(*problem->at, std::move(problem->message));
        }
      } else if (spec.default_value == nullptr) {
        context_.error(config_.where, fmt::format("missing required option '{}' ({}) for stage {}",
                                                  spec.name, expected_type(spec.type), label_));
      } else {
        add_default(spec, subject);
      }
    }
  }

  void report_unknown_option(const toml::key& key, const toml::node& value,
                             const nahr_stage_descriptor& stage) {
    std::vector<std::string> names;
    for (std::size_t i = 0; i < stage.option_count; ++i) names.emplace_back(stage.options[i].name);
    std::vector<std::string> candidates = names;
    candidates.insert(candidates.end(), {"id", "plugin", "stage"});
    if (stage.kind == NAHR_STAGE_READER) candidates.emplace_back("inputs");
    if (stage.kind == NAHR_STAGE_WRITER) candidates.emplace_back("output");
    if (is_middle(stage.kind)) candidates.insert(candidates.end(), {"isolation", "timeout_ms"});
    std::string hint = did_you_mean(key.str(), candidates);
    if (hint.empty()) {
      hint = names.empty() ? fmt::format("; stage '{}' takes no options", stage.name)
                           : fmt::format("; options: {}", fmt::join(names, ", "));
    }
    context_.error(context_.locate(key, value),
                   fmt::format("unknown option '{}' for stage {}{}", key.str(), label_, hint));
  }

  // A default that does not parse or fit its own type is the plugin's bug,
  // but it still must not reach the stage.
  void add_default(const nahr_option_spec& spec, const std::string& subject) {
    if (auto problem = add_option_literal(spec, spec.default_value, subject, config_.options)) {
      context_.error(config_.where,
                     fmt::format("plugin '{}' declares a bad default `{}` for {}: {}",
                                 config_.plugin, spec.default_value, subject, problem->message));
    }
  }

  void check_position(nahr_stage_kind kind) {
    const bool first = position_.index == 0;
    const bool last = position_.index + 1 == position_.count;
    if (first && kind != NAHR_STAGE_READER) {
      context_.error(config_.where, fmt::format("the first stage must be a reader; {} is {}",
                                                label_, with_article(kind_name(kind))));
    }
    if (last && kind != NAHR_STAGE_WRITER) {
      context_.error(config_.where, fmt::format("the last stage must be a writer; {} is {}", label_,
                                                with_article(kind_name(kind))));
    }
    if (!first && !last && kind == NAHR_STAGE_READER) {
      context_.error(config_.where,
                     fmt::format("reader {} must be the first stage, not stage {} of {}", label_,
                                 position_.index + 1, position_.count));
    }
    if (!first && !last && kind == NAHR_STAGE_WRITER) {
      context_.error(config_.where,
                     fmt::format("writer {} must be the last stage, not stage {} of {}", label_,
                                 position_.index + 1, position_.count));
    }
  }

  // The path written at `value`, resolved; nullopt after reporting an empty one.
  std::optional<std::string> path_at(const toml::node& value, std::string_view key) {
    const std::string& text = value.as_string()->get();
    if (text.empty()) {
      context_.error(value, fmt::format("'{}' of stage {} has an empty path", key, label_));
      return std::nullopt;
    }
    return context_.resolve_path(value, text);
  }

  void read_inputs(const Overrides& overrides, const nahr_stage_descriptor* stage) {
    const toml::node* value = table_.get("inputs");
    if (value != nullptr) {
      if (stage != nullptr && stage->kind != NAHR_STAGE_READER) {
        context_.error(*value, fmt::format("'inputs' is only for the reader; stage {} is {}",
                                           label_, with_article(kind_name(stage->kind))));
      }
      read_path_list(*value);
    }
    if (stage == nullptr || stage->kind != NAHR_STAGE_READER || position_.index != 0) return;
    if (!overrides.inputs.empty()) config_.inputs = overrides.inputs;
    if (!config_.inputs.empty()) return;
    if (value == nullptr) {
      context_.error(
          config_.where,
          fmt::format("reader {} needs 'inputs' (files, directories, globs or \"-\")", label_));
    } else if (value->is_array() && value->as_array()->empty()) {
      context_.error(*value, fmt::format("'inputs' of reader {} is empty", label_));
    }
  }

  void read_path_list(const toml::node& value) {
    if (value.is_string()) {
      if (auto path = path_at(value, "inputs")) config_.inputs.push_back(std::move(*path));
      return;
    }
    const toml::array* array = value.as_array();
    if (array == nullptr) {
      context_.error(value, fmt::format("'inputs' of stage {} must be a string or an array of "
                                        "strings, got {}",
                                        label_, toml_type_name(value)));
      return;
    }
    for (const toml::node& item : *array) {
      if (!item.is_string()) {
        context_.error(item, fmt::format("items of 'inputs' of stage {} must be strings, got {}",
                                         label_, toml_type_name(item)));
      } else if (auto path = path_at(item, "inputs")) {
        config_.inputs.push_back(std::move(*path));
      }
    }
  }

  void read_output(const Overrides& overrides, const nahr_stage_descriptor* stage) {
    const toml::node* value = table_.get("output");
    if (value != nullptr) {
      if (stage != nullptr && stage->kind != NAHR_STAGE_WRITER) {
        context_.error(*value, fmt::format("'output' is only for the writer; stage {} is {}",
                                           label_, with_article(kind_name(stage->kind))));
      }
      if (!value->is_string()) {
        context_.error(*value, fmt::format("'output' of stage {} must be a string, got {}", label_,
                                           toml_type_name(*value)));
      } else if (auto path = path_at(*value, "output")) {
        config_.output = std::move(*path);
      }
    }
    const bool sink = stage != nullptr && stage->kind == NAHR_STAGE_WRITER &&
                      position_.index + 1 == position_.count;
    if (!sink) return;
    if (overrides.output) config_.output = *overrides.output;
    if (config_.output.empty() && value == nullptr) {
      context_.error(config_.where,
                     fmt::format("writer {} needs 'output' (a path, or \"-\" for stdout)", label_));
    }
  }

  static bool is_middle(nahr_stage_kind kind) {
    return kind == NAHR_STAGE_NORMALISER || kind == NAHR_STAGE_EXTRACTOR;
  }

  // Only normalisers and extractors run isolated: a reader or writer owns
  // the run's inputs or output and stays in the host.
  void read_isolation_keys(const PipelineSettings& settings, const nahr_stage_descriptor* stage) {
    if (stage != nullptr && is_middle(stage->kind)) {
      config_.isolation = settings.isolation;
      config_.timeout_ms = settings.timeout_ms;
    }
    for (const std::string_view key : {"isolation", "timeout_ms"}) {
      const toml::node* value = table_.get(key);
      if (value == nullptr) continue;
      if (stage != nullptr && !is_middle(stage->kind)) {
        context_.error(*value, fmt::format("'{}' is only for normalisers and extractors; stage "
                                           "{} is {}",
                                           key, label_, with_article(kind_name(stage->kind))));
        continue;
      }
      const std::string subject = fmt::format("'{}' of stage {}", key, label_);
      if (key == "isolation") {
        if (auto isolation = read_isolation(*value, subject, context_)) {
          config_.isolation = *isolation;
        }
      } else if (auto timeout = read_timeout_ms(*value, subject, context_)) {
        config_.timeout_ms = *timeout;
      }
    }
  }

  const toml::table& table_;
  StagePosition position_;
  LoadContext& context_;
  StageConfig config_;
  std::string label_;
};

}  // namespace

StageConfig read_stage_table(const toml::table& table, std::string id, StagePosition position,
                             const PipelineSettings& settings, const Overrides& overrides,
                             PluginRegistry& registry, LoadContext& context) {
  return StageTableReader(table, std::move(id), position, context)
      .read(settings, overrides, registry);
}

}  // namespace nahr::host
