#include "config/pipeline_settings.hpp"

#include "config/option_check.hpp"
#include "config/suggest.hpp"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <limits>

namespace nahr::host {

namespace {

const std::vector<std::string> kSettingNames = {
    "batch_size", "isolation",   "max_document_bytes", "max_error_rate", "max_errors",
    "on_error",   "plugin_dirs", "quarantine",         "threads",        "timeout_ms"};

const std::vector<std::string> kOnErrorNames = {"quarantine", "skip", "fail"};
const std::vector<std::string> kIsolationNames = {"thread", "process"};
// A day: longer than any document should take, short enough to catch a typo.
constexpr std::int64_t kMaxTimeoutMs = 24 * 60 * 60 * 1000;

class SettingsReader {
 public:
  SettingsReader(std::string_view key, const toml::node& value, LoadContext& context)
      : key_(key), value_(value), context_(context) {}

  std::optional<std::int64_t> integer(std::int64_t min, std::int64_t max) {
    const auto* n = value_.as_integer();
    if (n == nullptr) return wrong_type("an integer");
    if (n->get() < min || n->get() > max) {
      if (max == std::numeric_limits<std::int64_t>::max()) {
        context_.error(value_,
                       fmt::format("pipeline.{} must be at least {}, got {}", key_, min, n->get()));
      } else {
        context_.error(value_, fmt::format("pipeline.{} must be between {} and {}, got {}", key_,
                                           min, max, n->get()));
      }
      return std::nullopt;
    }
    return n->get();
  }

  std::optional<double> fraction() {
    std::optional<double> x;
    if (const auto* f = value_.as_floating_point()) x = f->get();
    if (const auto* i = value_.as_integer()) x = static_cast<double>(i->get());
    if (!x) return wrong_type("a number");
    if (!(*x >= 0 && *x <= 1)) {
      context_.error(value_, fmt::format("pipeline.{} must be between 0 and 1, got {}", key_, *x));
      return std::nullopt;
    }
    return x;
  }

  std::optional<std::string> path() {
    const auto* s = value_.as_string();
    if (s == nullptr) return wrong_type("a string");
    if (s->get().empty()) {
      context_.error(value_, fmt::format("pipeline.{} must not be empty", key_));
      return std::nullopt;
    }
    return context_.resolve_path(value_, s->get());
  }

  std::optional<std::vector<std::filesystem::path>> paths() {
    const auto* array = value_.as_array();
    if (array == nullptr) return wrong_type("an array of strings");
    std::vector<std::filesystem::path> out;
    for (const toml::node& item : *array) {
      const auto* s = item.as_string();
      if (s == nullptr) {
        context_.error(item, fmt::format("items of pipeline.{} must be strings, got {}", key_,
                                         toml_type_name(item)));
        return std::nullopt;
      }
      out.emplace_back(context_.resolve_path(item, s->get()));
    }
    return out;
  }

  std::optional<OnError> on_error() {
    const auto* s = value_.as_string();
    if (s == nullptr) return wrong_type("a string");
    if (s->get() == "quarantine") return OnError::quarantine;
    if (s->get() == "skip") return OnError::skip;
    if (s->get() == "fail") return OnError::fail;
    context_.error(value_, fmt::format("pipeline.{} must be one of {}; got '{}'{}", key_,
                                       fmt::join(kOnErrorNames, ", "), s->get(),
                                       did_you_mean(s->get(), kOnErrorNames)));
    return std::nullopt;
  }

 private:
  std::nullopt_t wrong_type(std::string_view expected) {
    context_.error(value_, fmt::format("pipeline.{} must be {}, got {}", key_, expected,
                                       toml_type_name(value_)));
    return std::nullopt;
  }

  std::string_view key_;
  const toml::node& value_;
  LoadContext& context_;
};

template <class T, class U>
void assign(T& field, const std::optional<U>& value) {
  if (value) field = static_cast<T>(*value);
}

}  // namespace

PipelineSettings read_settings(const toml::node* node, LoadContext& context) {
  PipelineSettings settings;
  if (node == nullptr) return settings;
  const toml::table* table = node->as_table();
  if (table == nullptr) {
    context.error(*node, fmt::format("'pipeline' must be a table ([pipeline]), got {}",
                                     toml_type_name(*node)));
    return settings;
  }
  constexpr std::int64_t kNoLimit = std::numeric_limits<std::int64_t>::max();
  for (const auto& [key, value] : *table) {
    SettingsReader read(key.str(), value, context);
    if (key == "threads") {
      assign(settings.threads, read.integer(0, std::numeric_limits<unsigned>::max()));
    } else if (key == "on_error") {
      assign(settings.on_error, read.on_error());
    } else if (key == "quarantine") {
      assign(settings.quarantine, read.path());
    } else if (key == "plugin_dirs") {
      assign(settings.plugin_dirs, read.paths());
    } else if (key == "max_document_bytes") {
      assign(settings.max_document_bytes, read.integer(1, kNoLimit));
    } else if (key == "batch_size") {
      assign(settings.batch_size, read.integer(1, std::numeric_limits<std::uint32_t>::max()));
    } else if (key == "max_errors") {
      assign(settings.max_errors, read.integer(0, kNoLimit));
    } else if (key == "max_error_rate") {
      assign(settings.max_error_rate, read.fraction());
    } else if (key == "isolation") {
      assign(settings.isolation, read_isolation(value, "pipeline.isolation", context));
    } else if (key == "timeout_ms") {
      assign(settings.timeout_ms, read_timeout_ms(value, "pipeline.timeout_ms", context));
    } else {
      context.error(context.locate(key, value),
                    fmt::format("unknown key '{}' in [pipeline]{}", key.str(),
                                did_you_mean_or_list(key.str(), kSettingNames)));
    }
  }
  return settings;
}

std::optional<Isolation> read_isolation(const toml::node& value, std::string_view subject,
                                        LoadContext& context) {
  const auto* s = value.as_string();
  if (s == nullptr) {
    context.error(value,
                  fmt::format("{} must be a string, got {}", subject, toml_type_name(value)));
    return std::nullopt;
  }
  if (s->get() == "thread") return Isolation::thread;
  if (s->get() == "process") return Isolation::process;
  context.error(value, fmt::format("{} must be one of {}; got '{}'{}", subject,
                                   fmt::join(kIsolationNames, ", "), s->get(),
                                   did_you_mean(s->get(), kIsolationNames)));
  return std::nullopt;
}

std::optional<std::uint64_t> read_timeout_ms(const toml::node& value, std::string_view subject,
                                             LoadContext& context) {
  const auto* n = value.as_integer();
  if (n == nullptr) {
    context.error(value,
                  fmt::format("{} must be an integer, got {}", subject, toml_type_name(value)));
    return std::nullopt;
  }
  if (n->get() < 1 || n->get() > kMaxTimeoutMs) {
    context.error(value, fmt::format("{} must be between 1 and {} (a day), got {}", subject,
                                     kMaxTimeoutMs, n->get()));
    return std::nullopt;
  }
  return static_cast<std::uint64_t>(n->get());
}

}  // namespace nahr::host
