// The nahr subcommands. Each takes the arguments after its name and returns
// an exit code (cli/exit_codes.hpp).
#pragma once

#include <string>
#include <vector>

namespace nahr::host {

using Args = std::vector<std::string>;

int run_command(const Args& args);
int check_command(const Args& args);
int plugins_command(const Args& args);
int describe_command(const Args& args);
int test_command(const Args& args);
int plugin_command(const Args& args);
int merge_command(const Args& args);
int submit_command(const Args& args);
int new_plugin_command(const Args& args);
int replay_command(const Args& args);

}  // namespace nahr::host
