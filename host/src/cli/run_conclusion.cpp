#include "cli/run_conclusion.hpp"

#include "cli/exit_codes.hpp"
#include "log/logging.hpp"
#include "provenance/provenance.hpp"
#include "report/report_values.hpp"
#include "report/run_report.hpp"

#include <fmt/core.h>
#include <nahr/json.hpp>
#include <spdlog/spdlog.h>

namespace nahr::host {

namespace {

void print_stats(const RunResult& r) {
  if (log::format() == log::Format::text) {
    log::print_line(spdlog::level::info,
                    fmt::format("{:<24} {:>10} {:>12} {:>10} {:>10} {:>7}", "stage", "documents",
                                "MB", "seconds", "MB/s", "errors"),
                    "");
  }
  for (const StageStats& s : r.stages) {
    const double mb = static_cast<double>(s.bytes) / 1e6;
    const std::string line =
        fmt::format("{:<24} {:>10} {:>12.2f} {:>10.3f} {:>10.1f} {:>7}", s.id, s.documents, mb,
                    report::seconds(s), report::mb_per_second(s), s.errors);
    const std::string numbers =
        fmt::format("\"documents\":{},\"bytes\":{},\"seconds\":{},\"mb_per_s\":{},\"errors\":{}",
                    s.documents, s.bytes, report::seconds(s), report::mb_per_second(s), s.errors);
    log::print_line(spdlog::level::info, line, "stage statistics",
                    {.stage = s.id, .extra_json = numbers});
  }
}

// The one line every run ends with; the equation always holds.
void print_summary(const RunResult& r) {
  std::string line = summary_equation(r);
  line +=
      fmt::format(" in {:.2f} s with {} thread{}", r.seconds, r.threads, r.threads == 1 ? "" : "s");
  if (!r.quarantine.empty()) line += fmt::format("; quarantine: {}", r.quarantine);
  std::string numbers = fmt::format(
      "\"read\":{},\"written\":{},\"quarantined\":{},\"skipped\":{},\"unfinished\":{},"
      "\"seconds\":{},\"threads\":{}",
      r.read, r.written, r.quarantined, r.skipped, r.unfinished, r.seconds, r.threads);
  if (!r.quarantine.empty()) {
    numbers += ",\"quarantine\":";
    json::append_string(numbers, r.quarantine);
  }
  log::print_line(spdlog::level::info, "nahr: " + line, line, {.extra_json = numbers});
}

}  // namespace

po::options_description run_output_options() {
  po::options_description d("Options");
  d.add_options()("help,h", "show this help")(
      "stats", "print per-stage documents, bytes, time and errors at the end")(
      "quiet,q", "no progress line (there is none when stderr is not a terminal)")(
      "report", po::value<std::string>()->value_name("DIR"),
      "write DIR/report.json and DIR/report.html about the run");
  return d;
}

int exit_code_for(const RunResult& result) {
  switch (result.outcome) {
    case RunOutcome::unusable_input: return kExitUsage;
    case RunOutcome::stopped: return kExitFatal;
    case RunOutcome::interrupted: return 128 + result.signal;
    case RunOutcome::completed: break;
  }
  return result.quarantined + result.skipped == 0 ? kExitSuccess : kExitDocumentsFailed;
}

bool wants_progress(const po::variables_map& vm) {
  return vm.count("quiet") == 0 && log::format() == log::Format::text;
}

int conclude_run(const RunResult& result, const RunContext& context, const po::variables_map& vm) {
  const auto finished = std::chrono::system_clock::now();
  if (result.outcome == RunOutcome::unusable_input && !result.stop_reason.empty()) {
    spdlog::error("{}", result.stop_reason);
  }
  if (vm.count("stats")) print_stats(result);
  print_summary(result);
  const int exit_code = exit_code_for(result);
  if (result.outcome == RunOutcome::completed) {
    std::string error;
    if (!write_provenance_file(context.config, result, context.started, error)) {
      spdlog::error("{}", error);
      return kExitFatal;  // the output stands, but nothing says what made it
    }
  }
  if (vm.count("report")) {
    const RunReport report{context.command, context.config, context.replayed, context.started,
                           finished,        result,         exit_code};
    std::string error;
    if (!write_report(vm["report"].as<std::string>(), report, error)) {
      spdlog::error("cannot write the run report: {}", error);
      // The documents are accounted for; a missing report must not look like success.
      if (exit_code == kExitSuccess) return kExitFatal;
    }
  }
  return exit_code;
}

}  // namespace nahr::host
