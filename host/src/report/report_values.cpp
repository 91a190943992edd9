#include "report/report_values.hpp"

#include <fmt/chrono.h>
#include <fmt/format.h>

namespace nahr::host::report {

std::string iso_time(std::chrono::system_clock::time_point time) {
  using namespace std::chrono;
  const auto millis = duration_cast<milliseconds>(time.time_since_epoch()).count() % 1000;
  return fmt::format("{:%Y-%m-%dT%H:%M:%S}.{:03}Z", fmt::gmtime(system_clock::to_time_t(time)),
                     millis);
}

const char* outcome_name(RunOutcome outcome) {
  switch (outcome) {
    case RunOutcome::completed: return "completed";
    case RunOutcome::stopped: return "stopped";
    case RunOutcome::interrupted: return "interrupted";
    case RunOutcome::unusable_input: return "unusable input";
  }
  return "unknown";
}

const char* on_error_name(OnError policy) {
  switch (policy) {
    case OnError::quarantine: return "quarantine";
    case OnError::skip: return "skip";
    case OnError::fail: return "fail";
  }
  return "unknown";
}

const char* stage_kind_name(const StageConfig& stage) {
  switch (stage.stage.stage->kind) {
    case NAHR_STAGE_READER: return "reader";
    case NAHR_STAGE_NORMALISER: return "normaliser";
    case NAHR_STAGE_EXTRACTOR: return "extractor";
    case NAHR_STAGE_WRITER: return "writer";
  }
  return "unknown";
}

double seconds(const StageStats& stage) { return static_cast<double>(stage.nanoseconds) / 1e9; }

double mb_per_second(const StageStats& stage) {
  const double s = seconds(stage);
  return s > 0 ? static_cast<double>(stage.bytes) / 1e6 / s : 0.0;
}

std::string human_seconds(double seconds) {
  if (seconds >= 1) return fmt::format("{:.2f} s", seconds);
  if (seconds >= 1e-3) return fmt::format("{:.1f} ms", seconds * 1e3);
  return fmt::format("{:.0f} µs", seconds * 1e6);
}

std::string human_bytes(std::uint64_t bytes) {
  const double b = static_cast<double>(bytes);
  if (bytes < 1000) return fmt::format("{} B", bytes);
  if (bytes < 1000 * 1000) return fmt::format("{:.1f} kB", b / 1e3);
  if (bytes < 1000ull * 1000 * 1000) return fmt::format("{:.2f} MB", b / 1e6);
  return fmt::format("{:.2f} GB", b / 1e9);
}

}  // namespace nahr::host::report
