#include "cli/cli_support.hpp"
#include "cli/commands.hpp"
#include "cli/exit_codes.hpp"

#include <fmt/core.h>

#include <iostream>

namespace nahr::host {

int check_command(const Args& args) {
  po::options_description visible("Options");
  visible.add_options()("help,h", "show this help");
  visible.add(pipeline_override_options());
  po::options_description hidden;
  hidden.add_options()("config", po::value<std::string>()->required(), "pipeline TOML");
  po::positional_options_description positional;
  positional.add("config", 1);
  po::variables_map vm;
  const std::string usage =
      "Usage: nahr check CONFIG [--set STAGE.KEY=VALUE ...]\n"
      "Validates CONFIG and its plugins' options without reading any document.\n"
      "Exit 0 when valid, 2 otherwise (every error is printed as file:line:column).";
  if (auto exit = parse_command_line(args, usage, visible, positional, hidden, vm)) return *exit;

  const std::string file = vm["config"].as<std::string>();
  PluginRegistry registry = PluginRegistry::from_environment();
  const std::optional<PipelineConfig> config = load_or_report(file, overrides_from(vm), registry);
  if (!config) return kExitUsage;

  std::string chain;
  for (const StageConfig& s : config->stages) {
    if (!chain.empty()) chain += " → ";
    chain += s.id;
  }
  std::string tests;
  if (!config->tests.empty()) {
    tests = fmt::format("; {} test{} (nahr test)", config->tests.size(),
                        config->tests.size() == 1 ? "" : "s");
  }
  std::cout << fmt::format("{}: OK, {} stages: {}{}\n", file, config->stages.size(), chain, tests);
  std::string isolated;
  for (const StageConfig& s : config->stages) {
    if (s.isolation != Isolation::process) continue;
    if (!isolated.empty()) isolated += ", ";
    isolated += fmt::format("{} (timeout_ms = {})", s.id, s.timeout_ms);
  }
  if (!isolated.empty()) std::cout << fmt::format("in worker processes: {}\n", isolated);
  return kExitSuccess;
}

}  // namespace nahr::host
