#include "cli/cli_support.hpp"
#include "cli/commands.hpp"
#include "cli/exit_codes.hpp"
#include "run/executor.hpp"
#include "run/interrupt.hpp"
#include "shard/shard_run.hpp"

#include <fmt/core.h>
#include <spdlog/spdlog.h>

#include <iostream>

namespace nahr::host {

namespace {

void print_stats(const RunResult& r) {
  std::cerr << fmt::format("{:<24} {:>10} {:>12} {:>10} {:>10} {:>7}\n", "stage", "documents",
                           "MB", "seconds", "MB/s", "errors");
  for (const StageStats& s : r.stages) {
    const double mb = static_cast<double>(s.bytes) / 1e6;
    const double sec = static_cast<double>(s.nanoseconds) / 1e9;
    std::cerr << fmt::format("{:<24} {:>10} {:>12.2f} {:>10.3f} {:>10.1f} {:>7}\n", s.id,
                             s.documents, mb, sec, sec > 0 ? mb / sec : 0.0, s.errors);
  }
}

// The one line every run ends with; the equation always holds.
void print_summary(const RunResult& r) {
  std::string line = fmt::format("nahr: read {} = written {} + quarantined {} (+ skipped {}", r.read,
                                 r.written, r.quarantined, r.skipped);
  if (r.unfinished != 0) line += fmt::format(", unfinished {}", r.unfinished);
  line += fmt::format(") in {:.2f} s with {} thread{}", r.seconds, r.threads, r.threads == 1 ? "" : "s");
  if (!r.quarantine.empty()) line += fmt::format("; quarantine: {}", r.quarantine);
  std::cerr << line << '\n';
}

}  // namespace

int run_command(const Args& args) {
  po::options_description visible("Options");
  visible.add_options()("help,h", "show this help")(
      "stats", "print per-stage documents, bytes, time and errors at the end")(
      "quiet,q", "no progress line (there is none when stderr is not a terminal)")(
      "shard", po::value<std::string>(),
      "run only shard K of N (K/N, from 0), or the shard a scheduler's array job says (auto, "
      "auto/N); see docs/scaling.md");
  visible.add(pipeline_override_options());
  po::options_description hidden;
  hidden.add_options()("config", po::value<std::string>()->required(), "pipeline TOML");
  po::positional_options_description positional;
  positional.add("config", 1);
  po::variables_map vm;
  const std::string usage =
      "Usage: nahr run CONFIG [--set STAGE.KEY=VALUE ...] [--input PATH ...] [--output PATH]\n"
      "Runs the pipeline in CONFIG. Exit 0: all written; 1: some documents quarantined or\n"
      "skipped; 2: bad config or unusable input; 3: the run stopped early; 130/143:\n"
      "interrupted by SIGINT/SIGTERM (documents in flight are finished, the output keeps\n"
      "its .partial name).";
  if (auto exit = parse_command_line(args, usage, visible, positional, hidden, vm)) return *exit;

  PluginRegistry registry = PluginRegistry::from_environment();
  std::optional<PipelineConfig> config =
      load_or_report(vm["config"].as<std::string>(), overrides_from(vm), registry);
  if (!config) return kExitUsage;
  RunOptions options;
  options.progress = vm.count("quiet") == 0;
  if (vm.count("shard")) {
    options.shard = prepare_shard_run(*config, vm["shard"].as<std::string>());
    if (!options.shard) return kExitUsage;
  } else {
    prepare_unsharded_run(*config);
  }

  install_interrupt_handlers();
  const RunResult result = execute(*config, options);
  if (vm.count("stats")) print_stats(result);
  if (result.outcome == RunOutcome::unusable_input) {
    if (!result.stop_reason.empty()) spdlog::error("{}", result.stop_reason);
    return kExitUsage;
  }
  print_summary(result);
  if (result.outcome == RunOutcome::stopped) return kExitFatal;
  if (result.outcome == RunOutcome::interrupted) return 128 + result.signal;
  return result.quarantined + result.skipped == 0 ? kExitSuccess : kExitDocumentsFailed;
}

}  // namespace nahr::host
