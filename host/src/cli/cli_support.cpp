#include "cli/cli_support.hpp"

#include "cli/exit_codes.hpp"
#include "log/logging.hpp"

#include <fmt/core.h>
#include <spdlog/spdlog.h>

#include <algorithm>
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
    log::print_line(spdlog::level::err, fmt::format("nahr: {}\n{}\n(try --help)", e.what(), usage),
                    e.what());
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
  for (const Diagnostic& d : loaded.diagnostics) {
    const std::string column = fmt::format("\"column\":{}", d.where.column);
    log::print_line(
        spdlog::level::err, d.format(), d.message,
        {.file = d.where.file,
         .line = static_cast<std::uint64_t>(std::max(d.where.line, 0)),
         .extra_json = d.where.line != 0 ? std::string_view(column) : std::string_view()});
  }
  const std::string total =
      fmt::format("{} error{} in {}; nothing was run", loaded.diagnostics.size(),
                  loaded.diagnostics.size() == 1 ? "" : "s", file);
  log::print_line(spdlog::level::err, "nahr: " + total, total, {.file = file});
  return std::nullopt;
}

}  // namespace nahr::host
