// Provenance: what made an output. Every successful run writes
// `<output>.provenance.json` beside its output, and writers that keep their
// own records (write-sqlite's `runs` table) get the same facts through
// nahr_host_api.run_info_json.
//
// The config hash is the SHA-256 of the canonical effective config: the
// config after --set overrides, as JSON with sorted keys and no spaces
// (Python: json.dumps(x, sort_keys=True, separators=(",", ":"),
// ensure_ascii=False)), holding every stage's id, plugin, stage and all its
// option values with defaults filled in, and the [pipeline] settings that
// decide what is written (on_error, max_document_bytes, max_errors,
// max_error_rate). Paths, threads and batch size are left out: the same
// processing over other files, or on another machine, has the same hash.
#pragma once

#include "config/pipeline_config.hpp"
#include "run/executor.hpp"

#include <chrono>
#include <string>
#include <string_view>

namespace nahr::host {

// The canonical effective config, as hashed.
std::string canonical_config_json(const PipelineConfig& config);

using TimePoint = std::chrono::system_clock::time_point;

// "2024-05-01T12:00:00.123Z": `t` in UTC.
std::string utc_timestamp(TimePoint t);

// What writers learn at the start of a run: nahr version, config path and
// hash, the effective config, every stage's plugin and version, start time.
std::string run_info_json(const PipelineConfig& config, TimePoint started);

// The run info offered to plugins through the host API; empty until set.
void set_current_run_info(std::string json);
std::string_view current_run_info();

// Writes `<output>.provenance.json` (under a temporary name, then renamed)
// with the run info plus end time and counts. No-op for stdout. Returns
// false with `error` set when the file cannot be written.
bool write_provenance_file(const PipelineConfig& config, const RunResult& result,
                           TimePoint started, std::string& error);

}  // namespace nahr::host
