#include "provenance/provenance.hpp"

#include "provenance/sha256.hpp"

#include <fmt/format.h>
#include <nahr/abi.h>
#include <nahr/json.hpp>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <ctime>
#include <filesystem>
#include <fstream>

namespace nahr::host {

namespace {

std::string& run_info_storage() {
  static std::string info;
  return info;
}

void append_key(std::string& out, std::string_view key) {
  if (out.back() != '{') out += ',';
  json::append_string(out, key);
  out += ':';
}

void append_number(std::string& out, double x) {
  // JSON has no NaN or infinity; TOML does.
  out += std::isfinite(x) ? fmt::format("{}", x) : "null";
}

void append_option(std::string& out, const nahr_option_value& v) {
  switch (v.type) {
    case NAHR_OPTION_BOOL: out += v.bool_value != 0 ? "true" : "false"; return;
    case NAHR_OPTION_INT: out += fmt::format("{}", v.int_value); return;
    case NAHR_OPTION_FLOAT: append_number(out, v.float_value); return;
    case NAHR_OPTION_STRING:
      json::append_string(out, std::string_view(v.string_value.data, v.string_value.size));
      return;
    case NAHR_OPTION_STRING_LIST:
      out += '[';
      for (std::size_t i = 0; i < v.list_size; ++i) {
        if (i != 0) out += ',';
        json::append_string(out, std::string_view(v.list_items[i].data, v.list_items[i].size));
      }
      out += ']';
      return;
  }
  out += "null";
}

// Every option of the stage, keys sorted.
void append_options(std::string& out, const OptionValues& options) {
  const nahr_options* values = options.get();
  std::vector<const nahr_option_value*> sorted;
  for (std::size_t i = 0; i < values->count; ++i) sorted.push_back(&values->values[i]);
  std::sort(sorted.begin(), sorted.end(), [](const nahr_option_value* a, const nahr_option_value* b) {
    return std::string_view(a->name.data, a->name.size) < std::string_view(b->name.data, b->name.size);
  });
  out += '{';
  for (const nahr_option_value* v : sorted) {
    append_key(out, std::string_view(v->name.data, v->name.size));
    append_option(out, *v);
  }
  out += '}';
}

std::string_view on_error_name(OnError on_error) {
  switch (on_error) {
    case OnError::quarantine: return "quarantine";
    case OnError::skip: return "skip";
    case OnError::fail: return "fail";
  }
  return "quarantine";
}

std::string_view stage_name(const StageConfig& s) { return s.stage.stage->name; }

}  // namespace

std::string utc_timestamp(TimePoint t) {
  const std::time_t seconds = std::chrono::system_clock::to_time_t(t);
  const auto millis =
      std::chrono::duration_cast<std::chrono::milliseconds>(t.time_since_epoch()).count() % 1000;
  std::tm utc{};
  ::gmtime_r(&seconds, &utc);
  char buffer[32];
  std::strftime(buffer, sizeof buffer, "%Y-%m-%dT%H:%M:%S", &utc);
  return fmt::format("{}.{:03}Z", buffer, millis);
}

namespace {

// The members shared by the run info and the provenance file, without the
// closing brace.
std::string open_run_record(const PipelineConfig& config, TimePoint started) {
  const std::string canonical = canonical_config_json(config);
  std::string out = "{";
  append_key(out, "nahr_version");
  json::append_string(out, NAHR_VERSION);
  append_key(out, "plugin_abi");
  out += fmt::format("{}", NAHR_ABI_VERSION);
  append_key(out, "config_path");
  json::append_string(out, config.file.string());
  append_key(out, "config_sha256");
  json::append_string(out, sha256_hex(canonical));
  append_key(out, "effective_config");
  out += canonical;
  append_key(out, "stages");
  out += '[';
  for (const StageConfig& s : config.stages) {
    if (out.back() != '[') out += ',';
    out += '{';
    append_key(out, "id");
    json::append_string(out, s.id);
    append_key(out, "plugin");
    json::append_string(out, s.plugin);
    append_key(out, "stage");
    json::append_string(out, stage_name(s));
    append_key(out, "plugin_version");
    json::append_string(out, s.stage.plugin->version());
    append_key(out, "plugin_file");
    json::append_string(out, s.stage.plugin->file().string());
    append_key(out, "options");
    append_options(out, s.options);
    out += '}';
  }
  out += ']';
  append_key(out, "inputs");
  out += '[';
  for (const std::string& input : config.stages.front().inputs) {
    if (out.back() != '[') out += ',';
    json::append_string(out, input);
  }
  out += ']';
  append_key(out, "output");
  json::append_string(out, config.stages.back().output);
  append_key(out, "started_at");
  json::append_string(out, utc_timestamp(started));
  return out;
}

}  // namespace

std::string canonical_config_json(const PipelineConfig& config) {
  const PipelineSettings& p = config.settings;
  std::string out = "{\"pipeline\":{";
  append_key(out, "max_document_bytes");
  out += fmt::format("{}", p.max_document_bytes);
  append_key(out, "max_error_rate");
  append_number(out, p.max_error_rate);
  append_key(out, "max_errors");
  out += fmt::format("{}", p.max_errors);
  append_key(out, "on_error");
  json::append_string(out, on_error_name(p.on_error));
  out += "},\"stages\":[";
  for (const StageConfig& s : config.stages) {
    if (out.back() != '[') out += ',';
    out += '{';
    append_key(out, "id");
    json::append_string(out, s.id);
    append_key(out, "options");
    append_options(out, s.options);
    append_key(out, "plugin");
    json::append_string(out, s.plugin);
    append_key(out, "stage");
    json::append_string(out, stage_name(s));
    out += '}';
  }
  out += "]}";
  return out;
}

std::string run_info_json(const PipelineConfig& config, TimePoint started) {
  return open_run_record(config, started) + '}';
}

void set_current_run_info(std::string json) { run_info_storage() = std::move(json); }

std::string_view current_run_info() { return run_info_storage(); }

bool write_provenance_file(const PipelineConfig& config, const RunResult& result,
                           TimePoint started, std::string& error) {
  const std::string& output = config.stages.back().output;
  if (output == "-") return true;
  std::string out = open_run_record(config, started);
  append_key(out, "finished_at");
  json::append_string(out, utc_timestamp(std::chrono::system_clock::now()));
  append_key(out, "seconds");
  append_number(out, result.seconds);
  append_key(out, "threads");
  out += fmt::format("{}", result.threads);
  append_key(out, "counts");
  out += fmt::format(
      "{{\"read\":{},\"written\":{},\"quarantined\":{},\"skipped\":{},\"input_bytes\":{}}}",
      result.read, result.written, result.quarantined, result.skipped, result.input_bytes);
  append_key(out, "quarantine");
  if (result.quarantine.empty()) {
    out += "null";
  } else {
    json::append_string(out, result.quarantine);
  }
  out += "}\n";

  const std::string path = output + ".provenance.json";
  const std::string partial = path + ".partial";
  {
    std::ofstream file(partial, std::ios::binary | std::ios::trunc);
    file << out;
    file.close();
    if (!file) {
      error = fmt::format("cannot write {}", partial);
      return false;
    }
  }
  std::error_code ec;
  std::filesystem::rename(partial, path, ec);
  if (ec) {
    error = fmt::format("cannot rename {} to {}: {}", partial, path, ec.message());
    return false;
  }
  return true;
}

}  // namespace nahr::host
