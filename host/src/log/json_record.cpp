#include "log/json_record.hpp"

#include <fmt/chrono.h>
#include <fmt/format.h>
#include <nahr/json.hpp>

namespace nahr::host::log {

namespace {

void append_member(std::string& out, std::string_view key, std::string_view value) {
  if (value.empty()) return;
  out += ",\"";
  out += key;
  out += "\":";
  json::append_string(out, value);
}

}  // namespace

void append_json_record(std::string& out, std::chrono::system_clock::time_point time,
                        std::string_view level, std::string_view message, const Fields* fields) {
  using namespace std::chrono;
  const auto millis = duration_cast<milliseconds>(time.time_since_epoch()).count() % 1000;
  fmt::format_to(std::back_inserter(out),
                 "{{\"time\":\"{:%Y-%m-%dT%H:%M:%S}.{:03}Z\",\"level\":\"{}\"",
                 fmt::gmtime(system_clock::to_time_t(time)), millis, level);
  out += ",\"message\":";
  json::append_string(out, message);
  if (fields != nullptr) {
    append_member(out, "file", fields->file);
    if (fields->line != 0) fmt::format_to(std::back_inserter(out), ",\"line\":{}", fields->line);
    append_member(out, "document", fields->document);
    append_member(out, "stage", fields->stage);
    if (!fields->extra_json.empty()) {
      out += ',';
      out += fields->extra_json;
    }
  }
  out += "}\n";
}

}  // namespace nahr::host::log
