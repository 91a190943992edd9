// A problem found in a config, located as file:line:column.
#pragma once

#include <string>
#include <vector>

namespace nahr::host {

struct Location {
  std::string file;  // the config path, or "--set" for command-line values
  int line = 0;      // 1-based; 0 when unknown
  int column = 0;
};

struct Diagnostic {
  Location where;
  std::string message;

  // "configs/x.toml:12:3: error: unknown option 'from' for stage 'norm'
  //  (did you mean 'form'?)"
  std::string format() const;
};

using Diagnostics = std::vector<Diagnostic>;

}  // namespace nahr::host
