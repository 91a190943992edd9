#pragma once

namespace nahr::host {

// Entry point of the nahr command line: global options, then a subcommand.
int run_app(int argc, char** argv);

}  // namespace nahr::host
