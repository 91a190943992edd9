#include <fmt/core.h>
#include <spdlog/spdlog.h>

#include <iostream>

#include "cli/cli_support.hpp"
#include "cli/commands.hpp"
#include "cli/exit_codes.hpp"
#include "merge/merge_run.hpp"

namespace nahr::host {

int merge_command(const Args& args) {
  po::options_description visible("Options");
  visible.add_options()("help,h", "show this help")(
      "shards", po::value<unsigned>(),
      "the run's shard count; found from the part names when not given")(
      "remove-parts", "delete the parts (and their quarantines) once merged");
  visible.add(pipeline_override_options());
  po::options_description hidden;
  hidden.add_options()("config", po::value<std::string>()->required(), "pipeline TOML");
  po::positional_options_description positional;
  positional.add("config", 1);
  po::variables_map vm;
  const std::string usage =
      "Usage: nahr merge CONFIG [--shards N] [--remove-parts] [--set ...] [--output PATH]\n"
      "Combines the parts that `nahr run CONFIG --shard K/N` wrote (out/x.00003-of-00016.jsonl)\n"
      "into the output a single run writes (out/x.jsonl), in input order, and their\n"
      "quarantines into its quarantine. Give the same --set/--output as the shards had.\n"
      "Exit 0: merged; 2: bad config, parts missing or not mergeable.";
  if (auto exit = parse_command_line(args, usage, visible, positional, hidden, vm)) return *exit;

  PluginRegistry registry = PluginRegistry::from_environment();
  const std::optional<PipelineConfig> config =
      load_or_report(vm["config"].as<std::string>(), overrides_from(vm), registry);
  if (!config) return kExitUsage;

  MergeOptions options;
  if (vm.count("shards")) options.shards = vm["shards"].as<unsigned>();
  options.remove_parts = vm.count("remove-parts") != 0;
  if (options.shards && *options.shards == 0) {
    spdlog::error("--shards must be at least 1");
    return kExitUsage;
  }
  const MergeResult result = merge_run(*config, options);
  if (!result.ok) {
    spdlog::error("{}", result.error);
    return kExitUsage;
  }
  std::string line =
      fmt::format("nahr: merged {} parts into {} ({:.1f} MB) in {:.2f} s", result.shards,
                  result.output, static_cast<double>(result.bytes) / 1e6, result.seconds);
  if (!result.quarantine.empty()) {
    line += fmt::format("; quarantine: {} ({} records)", result.quarantine, result.quarantined);
  }
  std::cerr << line << '\n';
  return kExitSuccess;
}

}  // namespace nahr::host
