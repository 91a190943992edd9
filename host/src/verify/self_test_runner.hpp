// Runs a plugin's self-tests (nahr_self_test, declared in its descriptor)
// through the same C ABI a run uses, and checks the plugin's option schema.
#pragma once

#include "loader/plugin_library.hpp"
#include "testing/expectations.hpp"

#include <string>
#include <vector>

namespace nahr::host {

struct SelfTestResult {
  std::string failure;  // could not run, or the stage reported an error
  std::vector<Difference> differences;

  bool passed() const { return failure.empty() && differences.empty(); }
};

SelfTestResult run_self_test(const PluginLibrary& plugin, const nahr_self_test& test);

// Problems with the stages' option schemas (defaults that do not parse or
// fit their type or choices), one line each; a config would hit them later.
std::vector<std::string> schema_problems(const PluginLibrary& plugin);

}  // namespace nahr::host
