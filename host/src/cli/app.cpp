#include "cli/app.hpp"

#include "cli/commands.hpp"
#include "cli/exit_codes.hpp"
#include "isolation/stage_worker.hpp"
#include "log/logging.hpp"

#include <fmt/core.h>
#include <nahr/abi.h>
#include <spdlog/spdlog.h>

#include <functional>
#include <iostream>
#include <map>
#include <string_view>

namespace nahr::host {

namespace {

struct Command {
  std::function<int(const Args&)> run;
  std::string_view summary;
};

const std::map<std::string_view, Command>& commands() {
  static const std::map<std::string_view, Command> table = {
      {"run", {run_command, "run a pipeline over documents"}},
      {"check", {check_command, "validate a pipeline config without reading documents"}},
      {"plugins", {plugins_command, "list the plugins found, their versions and stages"}},
      {"describe", {describe_command, "show a plugin's stages and options"}},
      {"test", {test_command, "run a config's [[test]] tables through its stages"}},
      {"plugin", {plugin_command, "plugin tools: `nahr plugin verify FILE.so`"}},
      {"merge", {merge_command, "combine the parts of a sharded run into one output"}},
      {"submit", {submit_command, "run a pipeline as a Slurm array job, one shard per task"}},
      {"new-plugin", {new_plugin_command, "write an out-of-tree plugin project to start from"}},
      {isolation::kStageWorkerCommand, {isolation::stage_worker_command, ""}},  // hidden
      {"replay", {replay_command, "run a quarantine's documents again, after a fix"}},
  };
  return table;
}

void print_help() {
  std::cout << "nahr " NAHR_VERSION " — a plugin-based text-processing pipeline for newswire\n\n"
               "Usage: nahr [--log-level LEVEL] [--log-format FORMAT] COMMAND [ARGS...]\n"
               "       nahr COMMAND --help\n\nCommands:\n";
  for (const auto& [name, command] : commands()) {
    if (command.summary.empty()) continue;
    std::cout << fmt::format("  {:<10} {}\n", name, command.summary);
  }
  std::cout << "\nGlobal options:\n"
               "  --log-level LEVEL   trace, debug, info (default), warn, error, off\n"
               "  --log-format FORMAT text (default), or json: one object per line on stderr\n"
               "  --version           print the version\n"
               "  -h, --help          show this help\n"
               "  The two logging options may also follow the command.\n\n"
               "Exit codes: 0 success; 1 some documents failed (quarantined or skipped);\n"
               "2 usage, config or unusable input; 3 the run stopped early.\n";
}

}  // namespace

int run_app(int argc, char** argv) {
  Args args(argv + 1, argv + argc);
  log::Settings logging;
  if (const auto error = log::take_settings(args, logging)) {
    std::cerr << "nahr: " << *error << '\n';
    return kExitUsage;
  }
  log::set_up(logging);
  if (args.empty()) {
    print_help();
    return kExitUsage;
  }
  if (args[0] == "--help" || args[0] == "-h") {
    print_help();
    return kExitSuccess;
  }
  if (args[0] == "--version") {
    std::cout << "nahr " NAHR_VERSION " (plugin ABI " << NAHR_ABI_VERSION << ")\n";
    return kExitSuccess;
  }
  const auto it = commands().find(args[0]);
  if (it == commands().end()) {
    const std::string message = fmt::format("unknown command '{}' (see nahr --help)", args[0]);
    log::print_line(spdlog::level::err, "nahr: " + message, message);
    return kExitUsage;
  }
  try {
    return it->second.run(Args(args.begin() + 1, args.end()));
  } catch (const std::exception& e) {
    spdlog::critical("{}", e.what());
    return kExitFatal;
  }
}

}  // namespace nahr::host
