#include "cli/cli_support.hpp"

#include "cli/exit_codes.hpp"

#include <fmt/core.h>
#include <spdlog/spdlog.h>

#include <iostream>

namespace nahr::host {

std::optional<int> parse_command_line(const std::vector<std::string>& args, const std::string& usage,
                                      const po::options_description& visible,
                                      const po::positional_options_description& positional,
                                      const po::options_description& hidden, po::variables_map& vm) {
  po::options_description all;
  all.add(visible).add(hidden);
  try {
    po::store(po::command_line_parser(args).options(all).positional(positional).run(), vm);
    if (vm.count("help")) {
      std::cout << usage << "\n\n" << visible << '\n';
      return kExitSuccess;
    }
    po::notify(vm);
  } catch (const po::error& e) {
    std::cerr << "nahr: " << e.what() << "\n" << usage << "\n(try --help)\n";
    return kExitUsage;
  }
  return std::nullopt;
}

po::options_description pipeline_override_options() {
  po::options_description d("Pipeline overrides");
  d.add_options()
      ("set", po::value<std::vector<std::string>>()->composing(),
       "override a value: STAGE.KEY=VALUE or pipeline.KEY=VALUE; VALUE is TOML (true, 4, \"x\", "
       "[\"a\"]) or else a bare string; repeatable")
      ("input,i", po::value<std::vector<std::string>>()->composing(),
       "replace the reader's inputs (file, directory, glob, - for stdin); repeatable")
      ("output,o", po::value<std::string>(), "replace the writer's output (- for stdout)")
      ("threads,j", po::value<unsigned>(), "worker threads (0 = all cores)");
  return d;
}

Overrides overrides_from(const po::variables_map& vm) {
  Overrides o;
  if (vm.count("set")) o.sets = vm["set"].as<std::vector<std::string>>();
  if (vm.count("input")) o.inputs = vm["input"].as<std::vector<std::string>>();
  if (vm.count("output")) o.output = vm["output"].as<std::string>();
  if (vm.count("threads")) o.threads = vm["threads"].as<unsigned>();
  return o;
}

std::optional<PipelineConfig> load_or_report(const std::string& file, const Overrides& overrides,
                                             PluginRegistry& registry) {
  LoadResult loaded = load_pipeline(file, overrides, registry);
  if (loaded.diagnostics.empty() && loaded.config) return std::move(loaded.config);
  for (const Diagnostic& d : loaded.diagnostics) std::cerr << d.format() << '\n';
  std::cerr << fmt::format("nahr: {} error{} in {}; nothing was run\n", loaded.diagnostics.size(),
                           loaded.diagnostics.size() == 1 ? "" : "s", file);
  return std::nullopt;
}

}  // namespace nahr::host
