#include "log/logging.hpp"

#include "log/json_record.hpp"

#include <fmt/core.h>
#include <spdlog/pattern_formatter.h>
#include <spdlog/sinks/stdout_color_sinks.h>
#include <spdlog/spdlog.h>

#include <algorithm>
#include <cstdio>
#include <iterator>

namespace nahr::host::log {

namespace {

Format active_format = Format::text;

std::string_view level_name(spdlog::level::level_enum level) {
  switch (level) {
    case spdlog::level::trace: return "trace";
    case spdlog::level::debug: return "debug";
    case spdlog::level::info: return "info";
    case spdlog::level::warn: return "warn";
    case spdlog::level::err: return "error";
    case spdlog::level::critical: return "critical";
    default: return "off";
  }
}

class JsonFormatter final : public spdlog::formatter {
 public:
  void format(const spdlog::details::log_msg& msg, spdlog::memory_buf_t& dest) override {
    record_.clear();
    append_json_record(record_, msg.time, level_name(msg.level),
                       std::string_view(msg.payload.data(), msg.payload.size()), current_fields());
    dest.append(record_.data(), record_.data() + record_.size());
  }
  std::unique_ptr<spdlog::formatter> clone() const override {
    return std::make_unique<JsonFormatter>();
  }

 private:
  std::string record_;
};

// The value of option `name` standing at args[i] as "--name VALUE" or
// "--name=VALUE", erased from `args`; nullopt when args[i] is another word.
std::optional<std::string> take_value(std::vector<std::string>& args, std::size_t i,
                                      std::string_view name) {
  const std::string& arg = args[i];
  const auto at = args.begin() + static_cast<std::ptrdiff_t>(i);
  if (arg == name && i + 1 < args.size()) {
    std::string value = args[i + 1];
    args.erase(at, at + 2);
    return value;
  }
  if (arg.size() > name.size() && arg.compare(0, name.size(), name) == 0 &&
      arg[name.size()] == '=') {
    std::string value = arg.substr(name.size() + 1);
    args.erase(at);
    return value;
  }
  return std::nullopt;
}

}  // namespace

std::optional<std::string> take_settings(std::vector<std::string>& args, Settings& settings) {
  static constexpr std::string_view kLevels[] = {"trace", "debug", "info", "warn", "error", "off"};
  for (std::size_t i = 0; i < args.size() && args[i] != "--";) {
    if ((args[i] == "--log-level" || args[i] == "--log-format") && i + 1 == args.size()) {
      return fmt::format("{} needs a value", args[i]);
    }
    if (const auto level = take_value(args, i, "--log-level")) {
      if (std::find(std::begin(kLevels), std::end(kLevels), *level) == std::end(kLevels)) {
        return fmt::format("unknown log level '{}' (trace, debug, info, warn, error, off)", *level);
      }
      settings.level = spdlog::level::from_str(*level);
    } else if (const auto format = take_value(args, i, "--log-format")) {
      if (*format != "text" && *format != "json") {
        return fmt::format("unknown log format '{}' (text, json)", *format);
      }
      settings.format = *format == "json" ? Format::json : Format::text;
    } else {
      ++i;
    }
  }
  return std::nullopt;
}

void set_up(const Settings& settings) {
  active_format = settings.format;
  auto logger = spdlog::stderr_color_mt("nahr");
  if (settings.format == Format::json) {
    logger->set_formatter(std::make_unique<JsonFormatter>());
  } else {
    logger->set_pattern("nahr: %^%l%$: %v");
  }
  logger->set_level(settings.level);
  spdlog::set_default_logger(logger);
}

Format format() { return active_format; }

void print_line(spdlog::level::level_enum level, std::string_view text, std::string_view message,
                const Fields& fields) {
  std::string line;
  if (active_format == Format::json) {
    append_json_record(line, std::chrono::system_clock::now(), level_name(level), message, &fields);
  } else {
    line.assign(text);
    line += '\n';
  }
  // Through the logger's sink lock would be tidier, but these lines come
  // when no other thread logs: at the end of a run, or before it starts.
  std::fwrite(line.data(), 1, line.size(), stderr);
  std::fflush(stderr);
}

}  // namespace nahr::host::log
