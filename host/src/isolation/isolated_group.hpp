// Process isolation: normalisers and extractors with isolation = "process"
// run in worker processes, so a stage that crashes or hangs costs one
// document, not the run.
//
// Consecutive isolated stages form one group and share one worker process:
// a document makes one round trip per group, not one per stage. Every
// worker thread of the host owns its own worker process per group, so the
// threads never wait on each other. When a worker dies (a signal, an exit,
// a reply that makes no sense) or a stage overruns its timeout_ms (the
// worker is then killed), the document is quarantined against the stage
// that was running, and a fresh worker is started for the next document.
#pragma once

#include "config/pipeline_config.hpp"
#include "isolation/document_codec.hpp"
#include "isolation/protocol.hpp"
#include "isolation/worker_process.hpp"
#include "run/executor.hpp"

#include <nahr/model/host_api.hpp>

#include <memory>
#include <span>
#include <string>
#include <vector>

namespace nahr::host::isolation {

struct GroupOutcome {
  nahr_status status = NAHR_OK;
  std::size_t stage = 0;  // index in the group: the stage that failed, else the last
};

class IsolatedGroup {
 public:
  // The stages config.stages[first, first + count), all normalisers or
  // extractors. `stage_ids` (every id of the pipeline) outlives the group.
  IsolatedGroup(const PipelineConfig& config, std::size_t first, std::size_t count,
                const StageIds& stage_ids);

  std::size_t size() const { return ids_.size(); }

  // Starting takes two steps, so that many workers load their plugins at
  // the same time: launch() starts the process and sends it the stages,
  // await_ready() waits until it has created them. Both return false with
  // `error` naming the stage when they fail.
  bool launch(std::string& error);
  bool await_ready(std::string& error);

  // Runs every stage of the group on `doc` and adds to `stats` (one entry
  // per stage) what the host would count in-process. On failure `doc` is
  // as the failing stage left it (or as it was sent, when the worker died)
  // and `slot.message` says why.
  GroupOutcome process(model::Document& doc, std::span<StageStats> stats, model::ErrorSlot& slot);

 private:
  // When the stage now running must be done: its own timeout counted from
  // its start, as the worker reports it in WorkerProgress.
  Clock::time_point deadline(Clock::time_point sent) const;
  // The worker died, overran or talked nonsense: blame the running stage.
  // `bytes`: the text size of the document sent.
  GroupOutcome worker_lost(Io io, Clock::time_point sent, std::uint64_t bytes,
                           std::span<StageStats> stats, model::ErrorSlot& slot);

  std::vector<std::string_view> ids_;
  std::vector<std::string> labels_;  // "stage 'id' (plugin)", for startup errors
  std::vector<Clock::duration> timeouts_;
  Clock::duration start_timeout_;
  Clock::duration recheck_;  // how late a stage's timeout may be noticed
  const StageIds& stage_ids_;
  std::string setup_frame_;
  std::unique_ptr<WorkerProcess> worker_;

  std::string request_, reply_;
  DocumentEncoder encoder_;
  DocumentDecoder decoder_;
  model::Document decoded_;  // swapped with the host's document once a reply checks out
  ResultHeader header_;
};

// Every group of every host worker thread.
class IsolatedStages {
 public:
  // No groups, and nothing to start, when no stage is isolated.
  IsolatedStages(const PipelineConfig& config, unsigned workers);

  // Starts every worker process; false with `error` when one cannot start
  // (a plugin that refuses its options in the worker, say).
  bool start(std::string& error);

  // The group of host thread `worker` that begins at middle stage `stage`
  // (0 = the stage after the reader), or nullptr.
  IsolatedGroup* group(unsigned worker, std::size_t stage) const {
    return groups_.empty() ? nullptr : groups_[worker][stage].get();
  }

 private:
  StageIds stage_ids_;
  std::vector<std::vector<std::unique_ptr<IsolatedGroup>>> groups_;  // [worker][middle stage]
};

}  // namespace nahr::host::isolation
