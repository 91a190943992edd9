#pragma once

namespace nahr::host {

// Exit codes, documented in README.md; scripts rely on them.
enum ExitCode : int {
  kExitSuccess = 0,        // every document written
  kExitDocumentsFailed = 1,  // the run finished, some documents were quarantined or skipped
  kExitUsage = 2,          // bad command line, config, plugin or unusable input
  kExitFatal = 3,          // the run stopped early (fatal stage error, on_error = "fail",
                           // error budget, unwritable output)
};

}  // namespace nahr::host
