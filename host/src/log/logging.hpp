// The host's logging: spdlog to stderr, as text for people or as one JSON
// object per line for log collectors (--log-format json). Stdout stays for
// data.
#pragma once

#include "log/log_fields.hpp"

#include <spdlog/common.h>

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace nahr::host::log {

enum class Format { text, json };

struct Settings {
  spdlog::level::level_enum level = spdlog::level::info;
  Format format = Format::text;
};

// Takes --log-level LEVEL and --log-format FORMAT (or --opt=VALUE) out of
// `args`, wherever they stand before a "--", into `settings`. Returns an
// error message for a bad value, std::nullopt otherwise.
std::optional<std::string> take_settings(std::vector<std::string>& args, Settings& settings);

void set_up(const Settings& settings);
Format format();

// A line for people and collectors alike that is printed whatever the log
// level (the run summary, diagnostics): `text` as it is in the text format;
// in json a record with `message` and `fields` at `level`.
void print_line(spdlog::level::level_enum level, std::string_view text, std::string_view message,
                const Fields& fields = {});

}  // namespace nahr::host::log
