// report.json: everything the HTML page shows, for scripts. Numbers are
// JSON numbers; times are UTC, ISO 8601.
#include "report/report_values.hpp"
#include "report/run_report.hpp"

#include <fmt/format.h>
#include <nahr/json.hpp>

#include <cmath>
#include <iterator>
#include <type_traits>

namespace nahr::host {

namespace {

class JsonOut {
 public:
  void key(std::string_view name) {
    separate();
    json::append_string(out_, name);
    out_ += ':';
    fresh_ = true;  // the value follows without a comma
  }
  void string(std::string_view value) {
    separate();
    json::append_string(out_, value);
  }
  void path(const std::filesystem::path& value) { string(value.string()); }
  void number(std::uint64_t value) {
    separate();
    fmt::format_to(std::back_inserter(out_), "{}", value);
  }
  void number(std::int64_t value) {
    separate();
    fmt::format_to(std::back_inserter(out_), "{}", value);
  }
  void number(double value) {
    separate();
    fmt::format_to(std::back_inserter(out_), "{}", std::isfinite(value) ? value : 0.0);
  }
  void boolean(bool value) {
    separate();
    out_ += value ? "true" : "false";
  }
  void null() {
    separate();
    out_ += "null";
  }
  void open(char bracket) {
    separate();
    out_ += bracket;
    fresh_ = true;
  }
  void close(char bracket) {
    out_ += bracket;
    fresh_ = false;
  }
  template <class T>
  void member(std::string_view name, const T& value) {
    key(name);
    if constexpr (std::is_same_v<T, bool>) {
      boolean(value);
    } else if constexpr (std::is_integral_v<T> && std::is_signed_v<T>) {
      number(static_cast<std::int64_t>(value));
    } else if constexpr (std::is_integral_v<T>) {
      number(static_cast<std::uint64_t>(value));
    } else if constexpr (std::is_floating_point_v<T>) {
      number(static_cast<double>(value));
    } else {
      string(value);
    }
  }
  void optional_string(std::string_view name, std::string_view value) {
    key(name);
    if (value.empty()) {
      null();
    } else {
      string(value);
    }
  }
  std::string take() { return std::move(out_) + '\n'; }

 private:
  void separate() {
    if (!fresh_) out_ += ',';
    fresh_ = false;
  }
  std::string out_;
  bool fresh_ = true;
};

void option_value(JsonOut& out, const nahr_option_value& v) {
  switch (v.type) {
    case NAHR_OPTION_BOOL: out.boolean(v.bool_value != 0); return;
    case NAHR_OPTION_INT: out.number(static_cast<std::int64_t>(v.int_value)); return;
    case NAHR_OPTION_FLOAT: out.number(v.float_value); return;
    case NAHR_OPTION_STRING: out.string({v.string_value.data, v.string_value.size}); return;
    case NAHR_OPTION_STRING_LIST:
      out.open('[');
      for (std::size_t i = 0; i < v.list_size; ++i) {
        out.string({v.list_items[i].data, v.list_items[i].size});
      }
      out.close(']');
      return;
  }
  out.null();
}

void settings(JsonOut& out, const PipelineSettings& s) {
  out.key("settings");
  out.open('{');
  out.member("threads", s.threads);
  out.member("on_error", report::on_error_name(s.on_error));
  out.optional_string("quarantine", s.quarantine);
  out.member("max_document_bytes", s.max_document_bytes);
  out.member("batch_size", s.batch_size);
  out.member("max_errors", s.max_errors);
  out.member("max_error_rate", s.max_error_rate);
  out.key("plugin_dirs");
  out.open('[');
  for (const auto& dir : s.plugin_dirs) out.path(dir);
  out.close(']');
  out.close('}');
}

void pipeline(JsonOut& out, const std::vector<StageConfig>& stages) {
  out.key("pipeline");
  out.open('[');
  for (const StageConfig& stage : stages) {
    out.open('{');
    out.member("id", stage.id);
    out.member("plugin", stage.plugin);
    out.member("kind", report::stage_kind_name(stage));
    if (stage.stage.stage->kind == NAHR_STAGE_READER) {
      out.key("inputs");
      out.open('[');
      for (const std::string& input : stage.inputs) out.string(input);
      out.close(']');
    }
    if (stage.stage.stage->kind == NAHR_STAGE_WRITER) out.member("output", stage.output);
    out.key("options");
    out.open('{');
    const nahr_options* options = stage.options.get();
    for (std::size_t i = 0; i < options->count; ++i) {
      const nahr_option_value& v = options->values[i];
      out.key({v.name.data, v.name.size});
      option_value(out, v);
    }
    out.close('}');
    out.close('}');
  }
  out.close(']');
}

void summary(JsonOut& out, const RunResult& r) {
  out.key("summary");
  out.open('{');
  out.member("read", r.read);
  out.member("written", r.written);
  out.member("quarantined", r.quarantined);
  out.member("skipped", r.skipped);
  out.member("unfinished", r.unfinished);
  out.member("holds", r.read == r.written + r.quarantined + r.skipped + r.unfinished);
  out.member("line", summary_equation(r));
  out.member("input_bytes", r.input_bytes);
  out.close('}');
}

void stages(JsonOut& out, const std::vector<StageStats>& stats) {
  out.key("stages");
  out.open('[');
  for (const StageStats& s : stats) {
    out.open('{');
    out.member("id", s.id);
    out.member("documents", s.documents);
    out.member("bytes", s.bytes);
    out.member("seconds", report::seconds(s));
    out.member("mb_per_s", report::mb_per_second(s));
    out.member("errors", s.errors);
    out.close('}');
  }
  out.close(']');
}

void failures(JsonOut& out, const RunResult& r) {
  out.member("failures_total", r.quarantined + r.skipped);
  out.key("failures");
  out.open('[');
  for (const FailedDocument& f : r.first_failures) {
    out.open('{');
    out.member("document", f.id);
    out.key("source");
    out.open('{');
    out.member("file", f.file);
    out.member("record", f.record);
    out.member("line", f.line);
    out.close('}');
    out.member("stage", f.stage);
    out.member("phase", phase_name(f.phase));
    out.member("error", f.error);
    out.member("snippet", f.snippet);
    out.close('}');
  }
  out.close(']');
}

}  // namespace

std::string report_json(const RunReport& report) {
  const RunResult& r = report.result;
  JsonOut out;
  out.open('{');
  out.member("nahr_version", NAHR_VERSION);
  out.member("command", report.command);
  out.member("config", std::filesystem::absolute(report.config.file).string());
  out.optional_string("replayed", report.replayed);
  out.member("started", report::iso_time(report.started));
  out.member("finished", report::iso_time(report.finished));
  out.member("seconds", r.seconds);
  out.member("outcome", report::outcome_name(r.outcome));
  out.optional_string("stop_reason", r.stop_reason);
  out.member("exit_code", report.exit_code);
  out.member("threads", r.threads);
  settings(out, report.config.settings);
  pipeline(out, report.config.stages);
  summary(out, r);
  stages(out, r.stages);
  out.member("output", r.output);
  out.optional_string("quarantine", r.quarantine);
  failures(out, r);
  out.close('}');
  return out.take();
}

}  // namespace nahr::host
