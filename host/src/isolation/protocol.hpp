// What the host and a stage worker process say to each other.
//
//   host                                   worker (`nahr __stage-worker`)
//   setup: the stages to run      ──▶      loads the plugins, creates the stages
//                                 ◀──      ready | setup_failed: stage, message
//   process: a document           ──▶      runs every stage of the group on it
//                                 ◀──      result: status, failed stage, message,
//                                                  per-stage timings, the document
//   ... one process/result round trip per document ...
//   (socket closed)               ──▶      destroys the stages and exits
//
// Beside the socket, the two share a WorkerProgress through a memory
// mapping, so the host knows which stage is running even when the worker
// can no longer say.
#pragma once

#include "config/option_values.hpp"
#include "isolation/wire.hpp"

#include <nahr/abi.h>

#include <atomic>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace nahr::host::isolation {

enum class Message : std::uint8_t { setup = 1, ready, setup_failed, process, result };

// One stage as the worker recreates it: everything was validated by the
// host, so the worker only loads and creates.
struct StageSpec {
  std::string library;  // the plugin's file
  std::string stage;    // the stage's name inside the plugin
  std::string id;
  OptionValues options;
};

struct Setup {
  // Every stage id of the pipeline: annotations made before the group name
  // them too.
  std::vector<std::string> pipeline_ids;
  std::vector<StageSpec> stages;  // the group, in pipeline order
};

void encode_setup(const Setup& setup, std::string& out);
bool decode_setup(WireReader& in, Setup& setup);

struct StageTiming {
  std::uint64_t nanoseconds = 0;
  std::uint64_t bytes = 0;  // text bytes after the stage, as the host counts them
};

// What comes before the document in a result.
struct ResultHeader {
  nahr_status status = NAHR_OK;
  std::uint64_t failed_stage = 0;    // index in the group, when status != NAHR_OK
  std::string_view message;          // the stage's error message
  std::vector<StageTiming> timings;  // one per stage that ran
};

void encode_result_header(const ResultHeader& header, std::string& out);
bool decode_result_header(WireReader& in, ResultHeader& header);

// Which stage of the group the worker is running, and since when.
//
// The worker stores started_ns, then stage (release); the host loads stage
// (acquire), then started_ns, so the start it sees is never older than
// that stage's own. Steady clock nanoseconds (CLOCK_MONOTONIC, which every
// process on the machine shares).
struct WorkerProgress {
  static constexpr std::uint32_t kIdle = UINT32_MAX;  // no stage started on this document yet
  std::atomic<std::uint32_t> stage{kIdle};
  std::atomic<std::int64_t> started_ns{0};
};
static_assert(std::atomic<std::uint32_t>::is_always_lock_free &&
                  std::atomic<std::int64_t>::is_always_lock_free,
              "shared between processes, so it must not hide a lock");

}  // namespace nahr::host::isolation
