// Runs a validated pipeline: worker threads take turns reading the next
// batch of documents (run/batch_reader.hpp), run the normalisers and
// extractors over it, and the worker that finishes the next batch in input
// order hands its documents to the writer, so the output is the same
// whatever the thread count.
// Memory is bounded by a fixed pool of batches, not by the input size.
// With one thread, the calling thread does all of it, batch by batch.
#pragma once

#include "config/pipeline_config.hpp"
#include "run/failure.hpp"
#include "shard/shard.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace nahr::host {

struct StageStats {
  std::string id;
  std::uint64_t documents = 0;
  std::uint64_t bytes = 0;        // text bytes seen by the stage
  std::uint64_t nanoseconds = 0;  // summed over threads
  std::uint64_t errors = 0;
};

enum class RunOutcome {
  completed,         // every document read was written or accounted for
  stopped,           // a fatal error, on_error = "fail" or the error budget
  interrupted,       // SIGINT/SIGTERM: reading stopped, documents in flight finished
  unusable_input,    // no input could be opened, or a stage refused to start
};

struct RunResult {
  RunOutcome outcome = RunOutcome::completed;
  std::string stop_reason;
  int signal = 0;  // for RunOutcome::interrupted
  std::uint64_t read = 0;
  std::uint64_t written = 0;
  std::uint64_t quarantined = 0;
  std::uint64_t skipped = 0;
  std::uint64_t unfinished = 0;  // read but not finished when the run stopped
  std::uint64_t input_bytes = 0;
  double seconds = 0;
  unsigned threads = 0;
  std::string output;      // final output path ("-" for stdout)
  std::string quarantine;  // path, when anything was quarantined
  std::vector<StageStats> stages;  // in pipeline order
  std::vector<FailedDocument> first_failures;  // the ones logged, in output order
};

class DocumentSource;

struct RunOptions {
  bool progress = false;  // a progress line on stderr when it is a terminal
  // Continue from the run manifest a killed or interrupted run left.
  bool resume = false;
  std::optional<Shard> shard = std::nullopt;  // read only this shard's part of the inputs
  // Documents from here instead of the config's reader (nahr replay).
  DocumentSource* source = nullptr;
};

RunResult execute(const PipelineConfig& config, const RunOptions& options = {});

}  // namespace nahr::host
