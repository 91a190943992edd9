// report.html: one self-contained page (inline CSS and SVG, no scripts, no
// network) for a person reading the run the next morning. The interface is
// English, left to right; documents, ids and messages may be Arabic, so each
// of them is isolated (dir="auto", <bdi>) and keeps its own direction.
#include "report/report_values.hpp"
#include "report/run_report.hpp"

#include <fmt/format.h>
#include <nahr/text/utf8.hpp>

#include <algorithm>
#include <iterator>

namespace nahr::host {

namespace {

constexpr std::string_view kStyle = R"css(
:root { color-scheme: light; --ok: #1b7f3b; --warn: #a66300; --bad: #b3261e; --bar: #3a6ea5; }
body { font: 15px/1.5 system-ui, "Noto Sans", "Noto Sans Arabic", "Amiri", sans-serif;
       margin: 2rem auto; max-width: 72rem; padding: 0 1rem; color: #1d1d1f; background: #fff; }
h1 { font-size: 1.5rem; margin-bottom: .25rem; }
h2 { font-size: 1.15rem; margin-top: 2rem; border-bottom: 1px solid #ddd; }
.meta { color: #555; margin-top: 0; }
.outcome { font-size: .9rem; padding: .1rem .5rem; border-radius: .3rem; color: #fff; }
.outcome.completed { background: var(--ok); }
.outcome.failures { background: var(--warn); }
.outcome.stopped, .outcome.interrupted, .outcome.unusable { background: var(--bad); }
.equation { font-size: 1.3rem; }
.equation.broken { color: var(--bad); }
.stop { color: var(--bad); }
table { border-collapse: collapse; width: 100%; margin: .5rem 0; }
th, td { border-bottom: 1px solid #e4e4e4; padding: .3rem .5rem; vertical-align: top; text-align: start; }
th { background: #f5f5f7; font-weight: 600; }
td.num, th.num { text-align: end; font-variant-numeric: tabular-nums; white-space: nowrap; }
td.snippet { max-width: 28rem; overflow-wrap: anywhere; }
code, .mono { font-family: ui-monospace, "DejaVu Sans Mono", monospace; font-size: .9em; }
svg text { font: 12px system-ui, sans-serif; fill: #1d1d1f; }
svg rect.bar { fill: var(--bar); }
dl { display: grid; grid-template-columns: max-content 1fr; gap: .2rem 1rem; }
dt { color: #555; }
dd { margin: 0; overflow-wrap: anywhere; }
)css";

void append_escaped(std::string& out, std::string_view text) {
  std::string valid;
  if (!utf8::is_valid(text)) {
    utf8::append_replacing_invalid(valid, text);
    text = valid;
  }
  for (const char c : text) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&#39;"; break;
      default: out += c;
    }
  }
}

std::string escaped(std::string_view text) {
  std::string out;
  append_escaped(out, text);
  return out;
}

template <class... Args>
void emit(std::string& out, fmt::format_string<Args...> format, Args&&... args) {
  fmt::format_to(std::back_inserter(out), format, std::forward<Args>(args)...);
}

std::string_view outcome_class(const RunResult& r) {
  switch (r.outcome) {
    case RunOutcome::completed: return r.quarantined + r.skipped == 0 ? "completed" : "failures";
    case RunOutcome::stopped: return "stopped";
    case RunOutcome::interrupted: return "interrupted";
    case RunOutcome::unusable_input: return "unusable";
  }
  return "stopped";
}

void header(std::string& out, const RunReport& report) {
  const RunResult& r = report.result;
  const std::string_view css_class = outcome_class(r);
  emit(out, "<header>\n<h1>nahr {} <span class=\"outcome {}\">{}{}</span></h1>\n", report.command,
       css_class, report::outcome_name(r.outcome),
       css_class == "failures" ? " with failures" : "");
  emit(out,
       "<p class=\"meta\">config <code dir=\"auto\">{}</code> · started {} · finished {} · "
       "{} thread{} · exit code <span id=\"exit-code\">{}</span></p>\n</header>\n",
       escaped(report.config.file.string()), report::iso_time(report.started),
       report::iso_time(report.finished), r.threads, r.threads == 1 ? "" : "s", report.exit_code);
}

void summary(std::string& out, const RunReport& report) {
  const RunResult& r = report.result;
  const bool holds = r.read == r.written + r.quarantined + r.skipped + r.unfinished;
  emit(out,
       "<section id=\"summary\">\n<h2>Summary</h2>\n"
       "<p class=\"equation{}\">read <b id=\"read\">{}</b> = "
       "written <b id=\"written\">{}</b> + quarantined <b id=\"quarantined\">{}</b> "
       "(+ skipped <b id=\"skipped\">{}</b>",
       holds ? "" : " broken", r.read, r.written, r.quarantined, r.skipped);
  if (r.unfinished != 0) emit(out, ", unfinished <b id=\"unfinished\">{}</b>", r.unfinished);
  out += ")</p>\n";
  if (!r.stop_reason.empty()) {
    emit(out, "<p class=\"stop\" dir=\"auto\">Stopped: {}</p>\n", escaped(r.stop_reason));
  }
  out += "<dl>\n";
  if (!report.replayed.empty()) {
    emit(out, "<dt>replayed</dt><dd><code dir=\"auto\">{}</code></dd>\n", escaped(report.replayed));
  }
  emit(out, "<dt>output</dt><dd><code dir=\"auto\">{}</code></dd>\n", escaped(r.output));
  emit(out, "<dt>quarantine</dt><dd>{}</dd>\n",
       r.quarantine.empty() ? std::string("none")
                            : fmt::format("<code dir=\"auto\">{}</code>", escaped(r.quarantine)));
  emit(out, "<dt>input</dt><dd>{} read in {}</dd>\n</dl>\n</section>\n",
       report::human_bytes(r.input_bytes), report::human_seconds(r.seconds));
}

// A horizontal bar per stage, labelled with its value: inline SVG, so the
// page needs nothing from the network.
void bar_chart(std::string& out, std::string_view id, std::string_view title,
               const std::vector<StageStats>& stages, double (*value)(const StageStats&),
               std::string (*label)(double)) {
  constexpr int kLabelWidth = 190, kBarWidth = 420, kRow = 22;
  double largest = 0;
  for (const StageStats& s : stages) largest = std::max(largest, value(s));
  const int height = kRow * static_cast<int>(stages.size()) + 4;
  emit(out, "<figure id=\"{}\">\n<figcaption>{}</figcaption>\n<svg "
            "width=\"{}\" height=\"{}\" role=\"img\" aria-label=\"{}\">\n",
       id, title, kLabelWidth + kBarWidth + 110, height, title);
  for (std::size_t i = 0; i < stages.size(); ++i) {
    const double v = value(stages[i]);
    const int y = kRow * static_cast<int>(i) + 2;
    const double width = largest > 0 ? v / largest * kBarWidth : 0;
    emit(out, "<text x=\"0\" y=\"{}\">{}</text>", y + 14, escaped(stages[i].id));
    emit(out, "<rect class=\"bar\" x=\"{}\" y=\"{}\" width=\"{:.1f}\" height=\"16\"/>", kLabelWidth,
         y, width);
    emit(out, "<text x=\"{:.1f}\" y=\"{}\">{}</text>\n", kLabelWidth + width + 6, y + 14, label(v));
  }
  out += "</svg>\n</figure>\n";
}

void stage_table(std::string& out, const RunResult& r) {
  out += "<section id=\"stages\">\n<h2>Stages</h2>\n"
         "<table id=\"stage-table\">\n<thead><tr><th>stage</th><th class=\"num\">documents</th>"
         "<th class=\"num\">text</th><th class=\"num\">time</th><th class=\"num\">MB/s</th>"
         "<th class=\"num\">errors</th></tr></thead>\n<tbody>\n";
  for (const StageStats& s : r.stages) {
    emit(out,
         "<tr><td><bdi>{}</bdi></td><td class=\"num\">{}</td><td class=\"num\">{}</td>"
         "<td class=\"num\">{}</td><td class=\"num\">{:.1f}</td><td class=\"num\">{}</td></tr>\n",
         escaped(s.id), s.documents, report::human_bytes(s.bytes),
         report::human_seconds(report::seconds(s)), report::mb_per_second(s), s.errors);
  }
  out += "</tbody>\n</table>\n";
  bar_chart(out, "time-chart", "Time per stage (summed over threads)", r.stages, &report::seconds,
            &report::human_seconds);
  bar_chart(out, "throughput-chart", "Throughput per stage (MB of text per second)", r.stages,
            &report::mb_per_second, [](double v) { return fmt::format("{:.1f} MB/s", v); });
  out += "</section>\n";
}

void failure_table(std::string& out, const RunResult& r) {
  const std::uint64_t total = r.quarantined + r.skipped;
  out += "<section id=\"failures\">\n<h2>Failures</h2>\n";
  if (total == 0) {
    out += "<p>No document failed.</p>\n</section>\n";
    return;
  }
  emit(out, "<p>The first {} of {} failed document{}{}.</p>\n", r.first_failures.size(), total,
       total == 1 ? "" : "s",
       r.quarantine.empty() ? "" : "; the quarantine holds every one with its record");
  out += "<table id=\"failure-table\">\n<thead><tr><th>document</th><th>source</th><th>stage</th>"
         "<th>error</th><th>text as read</th></tr></thead>\n<tbody>\n";
  for (const FailedDocument& f : r.first_failures) {
    const std::uint64_t line = f.line != 0 ? f.line : f.record + 1;
    emit(out, "<tr><td><bdi>{}</bdi></td><td><bdi>{}</bdi>:{}</td><td><bdi>{}</bdi> ({})</td>"
              "<td dir=\"auto\">{}</td><td class=\"snippet\" dir=\"auto\">{}</td></tr>\n",
         escaped(f.id), escaped(f.file), line, escaped(f.stage), phase_name(f.phase),
         escaped(f.error), escaped(f.snippet));
  }
  out += "</tbody>\n</table>\n</section>\n";
}

void settings(std::string& out, const RunReport& report) {
  const PipelineSettings& s = report.config.settings;
  out += "<section id=\"settings\">\n<h2>Settings</h2>\n<dl>\n";
  emit(out, "<dt>threads</dt><dd>{}</dd>\n", s.threads == 0 ? std::string("all cores")
                                                            : std::to_string(s.threads));
  emit(out, "<dt>on_error</dt><dd>{}</dd>\n", report::on_error_name(s.on_error));
  emit(out, "<dt>max_document_bytes</dt><dd>{}</dd>\n", s.max_document_bytes);
  emit(out, "<dt>batch_size</dt><dd>{}</dd>\n", s.batch_size);
  emit(out, "<dt>max_errors</dt><dd>{}</dd>\n", s.max_errors == 0 ? std::string("no limit")
                                                                  : std::to_string(s.max_errors));
  emit(out, "<dt>max_error_rate</dt><dd>{}</dd>\n</dl>\n", s.max_error_rate);
  out += "<table id=\"pipeline-table\">\n<thead><tr><th>stage</th><th>plugin</th><th>kind</th>"
         "<th>options</th></tr></thead>\n<tbody>\n";
  for (const StageConfig& stage : report.config.stages) {
    std::string options;
    const nahr_options* values = stage.options.get();
    for (std::size_t i = 0; i < values->count; ++i) {
      const std::string_view name(values->values[i].name.data, values->values[i].name.size);
      emit(options, "<div dir=\"auto\" class=\"mono\">{} = {}</div>", escaped(name),
           escaped(stage.options.to_toml(name)));
    }
    emit(out, "<tr><td><bdi>{}</bdi></td><td>{}</td><td>{}</td><td>{}</td></tr>\n",
         escaped(stage.id), escaped(stage.plugin), report::stage_kind_name(stage), options);
  }
  out += "</tbody>\n</table>\n</section>\n";
}

}  // namespace

std::string report_html(const RunReport& report) {
  std::string out;
  out.reserve(16 << 10);
  emit(out, "<!DOCTYPE html>\n<html lang=\"en\" dir=\"ltr\">\n<head>\n<meta charset=\"utf-8\">\n"
            "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
            "<title>nahr {} report — {}</title>\n<style>{}</style>\n</head>\n<body>\n",
       report.command, escaped(report.config.file.filename().string()), kStyle);
  header(out, report);
  summary(out, report);
  stage_table(out, report.result);
  failure_table(out, report.result);
  settings(out, report);
  out += "</body>\n</html>\n";
  return out;
}

}  // namespace nahr::host
