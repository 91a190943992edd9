// Values the JSON and HTML reports both show, computed one way.
#pragma once

#include "config/pipeline_config.hpp"
#include "run/executor.hpp"

#include <chrono>
#include <string>

namespace nahr::host::report {

std::string iso_time(std::chrono::system_clock::time_point time);  // UTC, milliseconds
const char* outcome_name(RunOutcome outcome);
const char* on_error_name(OnError policy);
const char* stage_kind_name(const StageConfig& stage);
double seconds(const StageStats& stage);
double mb_per_second(const StageStats& stage);  // 0 when no time was measured
// For people: "812 µs", "4.2 ms", "3.14 s"; "499 B", "12.3 kB", "4.56 MB".
std::string human_seconds(double seconds);
std::string human_bytes(std::uint64_t bytes);

}  // namespace nahr::host::report
