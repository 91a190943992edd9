#include "cli/cli_support.hpp"
#include "cli/commands.hpp"
#include "cli/exit_codes.hpp"
#include "cli/run_conclusion.hpp"
#include "provenance/provenance.hpp"
#include "run/executor.hpp"
#include "run/interrupt.hpp"
#include "shard/shard_run.hpp"

#include <chrono>

namespace nahr::host {

int run_command(const Args& args) {
  po::options_description visible = run_output_options();
  visible.add_options()(
      "resume", "continue a killed or interrupted run from its manifest (OUTPUT.resume.json)")(
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
      "                [--resume] [--shard K/N|auto] [--report DIR] [--stats] [--quiet]\n"
      "Runs the pipeline in CONFIG. Exit 0: all written; 1: some documents quarantined or\n"
      "skipped; 2: bad config or unusable input; 3: the run stopped early; 130/143:\n"
      "interrupted by SIGINT/SIGTERM (documents in flight are finished, the output keeps\n"
      "its .partial name and --resume continues it).";
  if (auto exit = parse_command_line(args, usage, visible, positional, hidden, vm)) return *exit;

  PluginRegistry registry = PluginRegistry::from_environment();
  std::optional<PipelineConfig> config =
      load_or_report(vm["config"].as<std::string>(), overrides_from(vm), registry);
  if (!config) return kExitUsage;
  RunOptions options;
  options.progress = wants_progress(vm);
  options.resume = vm.count("resume") != 0;
  if (vm.count("shard")) {
    options.shard = prepare_shard_run(*config, vm["shard"].as<std::string>());
    if (!options.shard) return kExitUsage;
  } else {
    prepare_unsharded_run(*config);
  }

  install_interrupt_handlers();
  const auto started = std::chrono::system_clock::now();
  set_current_run_info(run_info_json(*config, started));
  const RunResult result = execute(*config, options);
  return conclude_run(result, RunContext{"run", *config, {}, started}, vm);
}

}  // namespace nahr::host
