// nahr test CONFIG: runs the config's [[test]] tables through its middle
// stages and reports each failure as expected (-) against got (+).
#include "cli/cli_support.hpp"
#include "cli/commands.hpp"
#include "cli/exit_codes.hpp"
#include "testing/pipeline_tests.hpp"

#include <fmt/core.h>

#include <iostream>

namespace nahr::host {

int test_command(const Args& args) {
  po::options_description visible("Options");
  visible.add_options()("help,h", "show this help")(
      "set", po::value<std::vector<std::string>>()->composing(),
      "override a value: STAGE.KEY=VALUE or pipeline.KEY=VALUE, as for nahr run; repeatable");
  po::options_description hidden;
  hidden.add_options()("config", po::value<std::string>()->required(), "pipeline TOML");
  po::positional_options_description positional;
  positional.add("config", 1);
  po::variables_map vm;
  const std::string usage =
      "Usage: nahr test CONFIG [--set STAGE.KEY=VALUE ...]\n"
      "Runs the [[test]] tables of CONFIG through its normalisers and extractors (no reader,\n"
      "no writer, no files) and shows each failure as expected (-) against got (+).\n"
      "Exit 0 when every test passes, 1 when one fails, 2 for a bad config or no tests.";
  if (auto exit = parse_command_line(args, usage, visible, positional, hidden, vm)) return *exit;

  const std::string file = vm["config"].as<std::string>();
  Overrides overrides;
  if (vm.count("set")) overrides.sets = vm["set"].as<std::vector<std::string>>();
  PluginRegistry registry = PluginRegistry::from_environment();
  const std::optional<PipelineConfig> config = load_or_report(file, overrides, registry);
  if (!config) return kExitUsage;
  if (config->tests.empty()) {
    std::cerr << fmt::format("nahr: {} has no [[test]] tables; nothing to test\n", file);
    return kExitUsage;
  }

  const PipelineTestRun run = run_pipeline_tests(*config);
  if (!run.error.empty()) {
    std::cerr << fmt::format("nahr: {}\n", run.error);
    return kExitUsage;
  }
  std::size_t failed = 0;
  for (const TestOutcome& outcome : run.outcomes) {
    const PipelineTest& test = *outcome.test;
    if (outcome.passed()) {
      std::cout << fmt::format("PASS  {}\n", test.name);
      continue;
    }
    ++failed;
    std::cout << fmt::format("FAIL  {} ({}:{})\n", test.name, test.where.file, test.where.line);
    if (!outcome.failure.empty()) std::cout << fmt::format("      {}\n", outcome.failure);
    for (const Difference& d : outcome.differences) std::cout << format(d, "      ");
  }
  const std::size_t total = run.outcomes.size();
  std::cout << fmt::format("{}: {} test{}, {} passed, {} failed\n", file, total,
                           total == 1 ? "" : "s", total - failed, failed);
  return failed == 0 ? kExitSuccess : kExitDocumentsFailed;
}

}  // namespace nahr::host
