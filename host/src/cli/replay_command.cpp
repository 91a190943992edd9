// nahr replay: runs the documents of a quarantine again, after a fix,
// through the config's stages after its reader and its writer.
#include "cli/cli_support.hpp"
#include "cli/commands.hpp"
#include "cli/exit_codes.hpp"
#include "cli/run_conclusion.hpp"
#include "provenance/provenance.hpp"
#include "run/executor.hpp"
#include "run/interrupt.hpp"
#include "run/quarantine_source.hpp"

#include <spdlog/spdlog.h>

#include <chrono>

namespace nahr::host {

namespace {

namespace fs = std::filesystem;

// out.jsonl -> out.replay.jsonl: beside the first run's output, never over it.
std::string replay_output(const std::string& output) {
  if (output == "-") return output;
  const fs::path path(output);
  return (path.parent_path() / (path.stem().string() + ".replay" + path.extension().string()))
      .string();
}

bool same_file(const std::string& a, const std::string& b) {
  if (a == "-" || b == "-") return false;
  std::error_code ec;
  return fs::weakly_canonical(a, ec) == fs::weakly_canonical(b, ec);
}

}  // namespace

int replay_command(const Args& args) {
  po::options_description visible = run_output_options();
  visible.add_options()
      ("output,o", po::value<std::string>(),
       "where the writer writes (- for stdout); default: the config's output with .replay "
       "before its extension")
      ("quarantine", po::value<std::string>(),
       "the new quarantine, for documents that fail again; default: OUTPUT.quarantine.jsonl")
      ("set", po::value<std::vector<std::string>>()->composing(),
       "override a value: STAGE.KEY=VALUE or pipeline.KEY=VALUE; repeatable")
      ("threads,j", po::value<unsigned>(), "worker threads (0 = all cores)");
  po::options_description hidden;
  hidden.add_options()("from", po::value<std::string>()->required(), "quarantine JSONL")(
      "config", po::value<std::string>()->required(), "pipeline TOML");
  po::positional_options_description positional;
  positional.add("from", 1).add("config", 1);
  po::variables_map vm;
  const std::string usage =
      "Usage: nahr replay QUARANTINE CONFIG [--output PATH] [--quarantine PATH] [--set ...]\n"
      "                   [--report DIR] [--stats] [--quiet]\n"
      "Runs each document of QUARANTINE (a quarantine JSONL, .gz/.zst or - for stdin) again,\n"
      "as it was read, through CONFIG's stages after its reader and its writer; the output is\n"
      "in quarantine order. Documents that fail again, and entries that failed while reading\n"
      "(only the reader can read those again), go to the new quarantine. Exit codes as for run.";
  if (auto exit = parse_command_line(args, usage, visible, positional, hidden, vm)) return *exit;

  Overrides overrides = overrides_from(vm);
  PluginRegistry registry = PluginRegistry::from_environment();
  std::optional<PipelineConfig> config =
      load_or_report(vm["config"].as<std::string>(), overrides, registry);
  if (!config) return kExitUsage;

  const std::string from = vm["from"].as<std::string>();
  std::string& output = config->stages.back().output;
  if (!overrides.output) output = replay_output(output);
  // The config's own quarantine is usually the very file being replayed.
  std::string& quarantine = config->settings.quarantine;
  quarantine = vm.count("quarantine") ? vm["quarantine"].as<std::string>()
               : output == "-"         ? std::string("nahr-replay-quarantine.jsonl")
                                       : output + ".quarantine.jsonl";
  if (same_file(from, output) || same_file(from, quarantine)) {
    spdlog::error("replaying {} would overwrite it; choose another --output or --quarantine", from);
    return kExitUsage;
  }

  std::string error;
  const std::unique_ptr<QuarantineSource> source = QuarantineSource::open(from, error);
  if (!source) {
    spdlog::error("cannot read the quarantine: {}", error);
    return kExitUsage;
  }

  install_interrupt_handlers();
  const auto started = std::chrono::system_clock::now();
  set_current_run_info(run_info_json(*config, started));
  const RunResult result =
      execute(*config, RunOptions{.progress = wants_progress(vm), .source = source.get()});
  return conclude_run(result, RunContext{"replay", *config, from, started}, vm);
}

}  // namespace nahr::host
