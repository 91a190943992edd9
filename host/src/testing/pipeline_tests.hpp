// Runs a config's [[test]] tables through its middle stages (normalisers
// and extractors): no reader, no writer, no files.
#pragma once

#include "config/pipeline_config.hpp"
#include "testing/expectations.hpp"

#include <string>
#include <vector>

namespace nahr::host {

struct TestOutcome {
  const PipelineTest* test = nullptr;
  std::string failure;  // a stage refused the document; empty if none did
  std::vector<Difference> differences;

  bool passed() const { return failure.empty() && differences.empty(); }
};

struct PipelineTestRun {
  std::string error;  // a stage could not be created; then nothing ran
  std::vector<TestOutcome> outcomes;  // in config order
};

PipelineTestRun run_pipeline_tests(const PipelineConfig& config);

}  // namespace nahr::host
