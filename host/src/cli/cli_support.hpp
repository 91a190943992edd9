// Small pieces every subcommand shares: option parsing with usage errors
// reported the same way, and config loading with diagnostics printed.
#pragma once

#include "config/pipeline_config.hpp"

#include <boost/program_options.hpp>

#include <optional>
#include <string>
#include <vector>

namespace nahr::host {

namespace po = boost::program_options;

// Parses `args`; prints help (returns kExitSuccess) or a usage error
// (returns kExitUsage) when it can't go on, std::nullopt when it can.
std::optional<int> parse_command_line(const std::vector<std::string>& args,
                                      const std::string& usage, const po::options_description& visible,
                                      const po::positional_options_description& positional,
                                      const po::options_description& hidden, po::variables_map& vm);

// Options shared by run, check and replay: --set, --input, --output, --threads.
po::options_description pipeline_override_options();
Overrides overrides_from(const po::variables_map& vm);

// Loads and validates; on errors prints every diagnostic and returns nullopt.
std::optional<PipelineConfig> load_or_report(const std::string& file, const Overrides& overrides,
                                             PluginRegistry& registry);

}  // namespace nahr::host
