// One log record as a line of JSON, for `--log-format json`:
// {"time":"2024-05-02T09:14:03.512Z","level":"warn","message":"...",
//  "file":"...","line":6,"document":"...","stage":"..."}; fields that are
// not known are left out. Strings are escaped whatever bytes they hold.
#pragma once

#include "log/log_fields.hpp"

#include <chrono>
#include <string>
#include <string_view>

namespace nahr::host::log {

void append_json_record(std::string& out, std::chrono::system_clock::time_point time,
                        std::string_view level, std::string_view message, const Fields* fields);

}  // namespace nahr::host::log
