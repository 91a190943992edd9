// The run manifest: how far a run got, rewritten beside its output at every
// checkpoint, so `nahr run --resume` continues a killed run from its last
// checkpoint and ends with the bytes an uninterrupted run would have written.
//
// A checkpoint is taken between batches on the writing side, where every
// document before it is in the output or the quarantine and none after it
// is: the position is a count of documents per input, the output and the
// quarantine are cut back to the sizes recorded with it.
#pragma once

#include "config/pipeline_config.hpp"
#include "run/inputs.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace nahr::host {

struct Checkpoint {
  std::string fingerprint;   // of the effective pipeline and its inputs
  std::size_t file = 0;      // index of the input being read
  std::uint64_t record = 0;  // documents of that input already committed
  std::uint64_t output_bytes = 0;
  std::uint64_t quarantine_bytes = 0;
  std::uint64_t read = 0;
  std::uint64_t written = 0;
  std::uint64_t quarantined = 0;
  std::uint64_t skipped = 0;
};

std::string manifest_path(const std::string& output);

// Written to a temporary file and renamed, so a kill leaves the previous
// checkpoint or the new one, never half of one.
bool save_checkpoint(const std::string& path, const Checkpoint& checkpoint, std::string& error);

// nullopt with an empty `error` when there is no manifest.
std::optional<Checkpoint> load_checkpoint(const std::string& path, std::string& error);

// Changes whenever the stages, their options, the settings that decide what
// is written, the output, or the inputs (names and sizes) change: a manifest
// only resumes the run that wrote it.
std::string pipeline_fingerprint(const PipelineConfig& config, const std::vector<InputFile>& files);

}  // namespace nahr::host
