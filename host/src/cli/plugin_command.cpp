// nahr plugin verify FILE.so: loads a plugin in a child process, checks its
// ABI and option schema, runs its self-tests, and explains a refusal in one
// line. A plugin that crashes or hangs takes down only the child.
#include "cli/cli_support.hpp"
#include "cli/commands.hpp"
#include "cli/exit_codes.hpp"
#include "loader/plugin_library.hpp"
#include "verify/child_process.hpp"
#include "verify/self_test_runner.hpp"

#include <fmt/core.h>

#include <iostream>

namespace nahr::host {

namespace {

constexpr std::string_view kLoading = "loading";
constexpr std::string_view kSelfTest = "self-test ";
// The child's last phase when it ends on its own, not by plugin code
// calling exit().
constexpr std::string_view kFinished = "finished";

std::string stage_list(const nahr_plugin_descriptor& d) {
  std::string out;
  for (std::size_t i = 0; i < d.stage_count; ++i) {
    if (!out.empty()) out += ", ";
    out += fmt::format("{} {}", kind_name(d.stages[i].kind), d.stages[i].name);
  }
  return out.empty() ? "no stages" : out;
}

std::string test_label(const nahr_self_test& test) {
  return fmt::format("{}: {}", std::string_view(test.stage.data, test.stage.size),
                     std::string_view(test.name.data, test.name.size));
}

// The child's side: everything that runs plugin code.
int verify_in_child(const std::string& file, PhaseReporter& phases) {
  phases.enter(kLoading);
  auto loaded = PluginLibrary::load(file);
  if (auto* refusal = std::get_if<std::string>(&loaded)) {
    std::cerr << "nahr: " << *refusal << '\n';
    phases.enter(kFinished);
    return kExitUsage;
  }
  const PluginLibrary& plugin = *std::get<std::unique_ptr<PluginLibrary>>(loaded);
  const nahr_plugin_descriptor& d = plugin.descriptor();
  std::cout << fmt::format("{}: plugin {} {}, ABI {}, {}\n", file, plugin.name(), plugin.version(),
                           d.abi_version, stage_list(d))
            << std::flush;

  std::size_t failed = 0;
  for (const std::string& problem : schema_problems(plugin)) {
    std::cout << fmt::format("FAIL  schema: {}\n", problem);
    ++failed;
  }
  const std::span<const nahr_self_test> tests = plugin.self_tests();
  for (std::size_t i = 0; i < tests.size(); ++i) {
    const std::string label = test_label(tests[i]);
    phases.enter(fmt::format("{}{}", kSelfTest, label));
    const SelfTestResult result = run_self_test(plugin, tests[i]);
    if (result.passed()) {
      std::cout << fmt::format("PASS  {}\n", label) << std::flush;
      continue;
    }
    ++failed;
    std::cout << fmt::format("FAIL  {}\n", label);
    if (!result.failure.empty()) std::cout << fmt::format("      {}\n", result.failure);
    for (const Difference& diff : result.differences) std::cout << format(diff, "      ");
    std::cout << std::flush;
  }
  phases.enter(kFinished);
  if (failed != 0) {
    std::cout << fmt::format("{}: {} check{} failed ({} self-test{})\n", file, failed,
                             failed == 1 ? "" : "s", tests.size(), tests.size() == 1 ? "" : "s");
    return kExitDocumentsFailed;
  }
  std::cout << fmt::format("{}: OK, {}\n", file,
                           tests.empty() ? std::string("loads (no self-tests declared)")
                                         : fmt::format("{} self-test{} passed", tests.size(),
                                                       tests.size() == 1 ? "" : "s"));
  return kExitSuccess;
}

int verify_command(const Args& args) {
  po::options_description visible("Options");
  visible.add_options()("help,h", "show this help")(
      "timeout", po::value<unsigned>()->default_value(60),
      "seconds the plugin may take to load and run all its self-tests");
  po::options_description hidden;
  hidden.add_options()("file", po::value<std::string>()->required(), "plugin file");
  po::positional_options_description positional;
  positional.add("file", 1);
  po::variables_map vm;
  const std::string usage =
      "Usage: nahr plugin verify FILE.so [--timeout SECONDS]\n"
      "Loads FILE.so in a separate process, checks its ABI version and option schema, and\n"
      "runs the self-tests it declares. Exit 0: all passed; 1: a self-test failed or\n"
      "crashed; 2: the plugin is refused (the reason is printed in one line).";
  if (auto exit = parse_command_line(args, usage, visible, positional, hidden, vm)) return *exit;

  const std::string file = vm["file"].as<std::string>();
  const std::chrono::seconds timeout(vm["timeout"].as<unsigned>());
  const ChildOutcome outcome =
      run_in_child([&](PhaseReporter& phases) { return verify_in_child(file, phases); }, timeout);
  if (outcome.end == ChildOutcome::End::exited && outcome.phase == kFinished) {
    return outcome.exit_code;
  }
  // The child died inside plugin code, or plugin code ended it: say where.
  const std::string how =
      outcome.end == ChildOutcome::End::timed_out ? outcome.describe(timeout)
      : outcome.end == ChildOutcome::End::exited
          ? fmt::format("ended the process with {}", outcome.describe(timeout))
          : fmt::format("crashed with {}", outcome.describe(timeout));
  if (!outcome.phase.starts_with(kSelfTest)) {
    std::cerr << fmt::format("nahr: {}: refused: {} while loading\n", file, how);
    return kExitUsage;
  }
  const std::string_view label = std::string_view(outcome.phase).substr(kSelfTest.size());
  std::cout << fmt::format("FAIL  {}\n      {}; no later self-test ran\n", label, how);
  std::cout << fmt::format("{}: self-test {}\n", file, how);
  return kExitDocumentsFailed;
}

}  // namespace

int plugin_command(const Args& args) {
  const std::string usage =
      "Usage: nahr plugin verify FILE.so [--timeout SECONDS]\n"
      "  verify   load a plugin in a separate process, check it and run its self-tests";
  if (args.empty() || args[0] == "--help" || args[0] == "-h") {
    (args.empty() ? std::cerr : std::cout) << usage << '\n';
    return args.empty() ? kExitUsage : kExitSuccess;
  }
  if (args[0] == "verify") return verify_command(Args(args.begin() + 1, args.end()));
  std::cerr << fmt::format("nahr: unknown plugin command '{}'\n{}\n", args[0], usage);
  return kExitUsage;
}

}  // namespace nahr::host
