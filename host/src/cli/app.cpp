#include "cli/app.hpp"

#include "cli/commands.hpp"
#include "cli/exit_codes.hpp"

#include <fmt/core.h>
#include <nahr/abi.h>
#include <spdlog/sinks/stdout_color_sinks.h>
#include <spdlog/spdlog.h>

#include <algorithm>
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
      {"merge", {merge_command, "combine the parts of a sharded run into one output"}},
      {"submit", {submit_command, "run a pipeline as a Slurm array job, one shard per task"}},
  };
  return table;
}

void print_help() {
  std::cout << "nahr " NAHR_VERSION " — a plugin-based text-processing pipeline for newswire\n\n"
               "Usage: nahr [--log-level LEVEL] COMMAND [ARGS...]\n"
               "       nahr COMMAND --help\n\nCommands:\n";
  for (const auto& [name, command] : commands()) {
    std::cout << fmt::format("  {:<10} {}\n", name, command.summary);
  }
  std::cout << "\nGlobal options:\n"
               "  --log-level LEVEL   trace, debug, info (default), warn, error, off\n"
               "  --version           print the version\n"
               "  -h, --help          show this help\n\n"
               "Exit codes: 0 success; 1 some documents failed (quarantined or skipped);\n"
               "2 usage, config or unusable input; 3 the run stopped early.\n";
}

// Logs go to stderr only; stdout is for data.
void set_up_logging(std::string_view level) {
  auto logger = spdlog::stderr_color_mt("nahr");
  logger->set_pattern("nahr: %^%l%$: %v");
  logger->set_level(spdlog::level::from_str(std::string(level)));
  spdlog::set_default_logger(logger);
}

}  // namespace

int run_app(int argc, char** argv) {
  std::string level = "info";
  int i = 1;
  for (; i < argc; ++i) {
    const std::string_view arg = argv[i];
    if (arg == "--help" || arg == "-h") {
      print_help();
      return kExitSuccess;
    }
    if (arg == "--version") {
      std::cout << "nahr " NAHR_VERSION " (plugin ABI " << NAHR_ABI_VERSION << ")\n";
      return kExitSuccess;
    }
    if (arg == "--log-level" && i + 1 < argc) {
      level = argv[++i];
      continue;
    }
    if (arg.rfind("--log-level=", 0) == 0) {
      level = std::string(arg.substr(12));
      continue;
    }
    break;
  }
  static constexpr std::string_view kLevels[] = {"trace", "debug", "info", "warn", "error", "off"};
  if (std::find(std::begin(kLevels), std::end(kLevels), level) == std::end(kLevels)) {
    std::cerr << "nahr: unknown log level '" << level << "' (trace, debug, info, warn, error, off)\n";
    return kExitUsage;
  }
  set_up_logging(level);
  if (i == argc) {
    print_help();
    return kExitUsage;
  }
  const auto it = commands().find(argv[i]);
  if (it == commands().end()) {
    std::cerr << "nahr: unknown command '" << argv[i] << "' (see nahr --help)\n";
    return kExitUsage;
  }
  try {
    return it->second.run(Args(argv + i + 1, argv + argc));
  } catch (const std::exception& e) {
    spdlog::critical("{}", e.what());
    return kExitFatal;
  }
}

}  // namespace nahr::host
