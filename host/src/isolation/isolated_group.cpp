#include "isolation/isolated_group.hpp"

#include <fmt/core.h>
#include <spdlog/spdlog.h>

#include <algorithm>

namespace nahr::host::isolation {

namespace {

std::uint8_t as_byte(Message m) { return static_cast<std::uint8_t>(m); }

}  // namespace

IsolatedGroup::IsolatedGroup(const PipelineConfig& config, std::size_t first, std::size_t count,
                             const StageIds& stage_ids)
    : stage_ids_(stage_ids) {
  Setup setup;
  for (const StageConfig& s : config.stages) setup.pipeline_ids.push_back(s.id);
  Clock::duration total{};
  for (std::size_t i = first; i < first + count; ++i) {
    const StageConfig& s = config.stages[i];
    ids_.push_back(s.id);
    labels_.push_back(fmt::format("stage '{}' ({})", s.id, s.plugin));
    timeouts_.push_back(std::chrono::milliseconds(s.timeout_ms));
    total += timeouts_.back();
    setup.stages.push_back(
        StageSpec{s.stage.plugin->file().string(), s.stage.stage->name, s.id, s.options});
  }
  // Creating a stage may load large resources: it gets the group's time
  // budget, and at least the default timeout.
  start_timeout_ = std::max<Clock::duration>(total, std::chrono::milliseconds(kDefaultTimeoutMs));
  // The host learns that the worker moved on to a stage with a shorter
  // timeout only when it looks: often enough to be late by a tenth of it.
  const Clock::duration shortest = *std::min_element(timeouts_.begin(), timeouts_.end());
  recheck_ = std::clamp<Clock::duration>(shortest / 10, std::chrono::milliseconds(1),
                                         std::chrono::milliseconds(100));
  Channel::begin_frame(setup_frame_);
  setup_frame_.push_back(static_cast<char>(Message::setup));
  encode_setup(setup, setup_frame_);
  Channel::end_frame(setup_frame_);
}

bool IsolatedGroup::launch(std::string& error) {
  worker_ = WorkerProcess::spawn(error);
  if (worker_ == nullptr) return false;
  worker_->channel().set_recheck(recheck_);
  const Clock::time_point deadline = Clock::now() + start_timeout_;
  if (worker_->channel().send(setup_frame_, [&] { return deadline; }) == Io::ok) return true;
  error = fmt::format("{}: its worker process {}", labels_.front(), worker_->end(true));
  worker_.reset();
  return false;
}

bool IsolatedGroup::await_ready(std::string& error) {
  const Clock::time_point deadline = Clock::now() + start_timeout_;
  const Io io = worker_->channel().receive(reply_, [&] { return deadline; });
  WireReader in(reply_);
  const std::uint8_t kind = io == Io::ok ? in.byte() : 0;
  if (kind == as_byte(Message::ready)) return true;
  if (kind == as_byte(Message::setup_failed)) {
    const std::uint64_t stage = in.varint();
    const std::string_view message = in.bytes();
    error = fmt::format("{}: {}", labels_[stage < size() ? stage : 0], message);
  } else if (io == Io::timed_out) {
    worker_->end(true);
    error =
        fmt::format("{}: its worker process did not start within {} ms", labels_.front(),
                    std::chrono::duration_cast<std::chrono::milliseconds>(start_timeout_).count());
  } else {
    error = fmt::format("{}: its worker process {} while starting", labels_.front(),
                        worker_->end(io != Io::closed));
  }
  worker_.reset();
  return false;
}

Clock::time_point IsolatedGroup::deadline(Clock::time_point sent) const {
  const WorkerProgress& progress = worker_->progress();
  const std::uint32_t stage = progress.stage.load(std::memory_order_acquire);
  if (stage >= timeouts_.size()) return sent + timeouts_.front();  // still reading the document
  const Clock::time_point started{
      std::chrono::nanoseconds(progress.started_ns.load(std::memory_order_relaxed))};
  return std::max(started, sent) + timeouts_[stage];
}

GroupOutcome IsolatedGroup::process(model::Document& doc, std::span<StageStats> stats,
                                    model::ErrorSlot& slot) {
  if (worker_ == nullptr) {
    std::string error;
    spdlog::debug("restarting the worker process of stage '{}'", ids_.front());
    if (!launch(error) || !await_ready(error)) {
      slot.message = fmt::format("cannot restart its worker process: {}", error);
      return {NAHR_FATAL_ERROR, 0};
    }
  }
  Channel::begin_frame(request_);
  request_.push_back(static_cast<char>(Message::process));
  encoder_.encode(doc, request_);
  Channel::end_frame(request_);

  worker_->progress().stage.store(WorkerProgress::kIdle, std::memory_order_relaxed);
  const Clock::time_point sent = Clock::now();
  const Deadline until = [&] { return deadline(sent); };
  Io io = worker_->channel().send(request_, until);
  if (io == Io::ok) io = worker_->channel().receive(reply_, until);
  if (io != Io::ok) return worker_lost(io, sent, doc.text().size(), stats, slot);

  WireReader in(reply_);
  const bool valid =
      in.byte() == as_byte(Message::result) && decode_result_header(in, header_) &&
      !header_.timings.empty() && header_.timings.size() <= size() &&
      (header_.status == NAHR_OK ? header_.timings.size() == size()
                                 : header_.failed_stage + 1 == header_.timings.size());
  const char* reason = valid ? decoder_.decode(in, stage_ids_, decoded_) : "bad result header";
  if (reason != nullptr) {
    spdlog::error("the worker process of stage '{}' sent a malformed reply: {}", ids_.front(),
                  reason);
    // As much a broken worker as a frame too large to be real.
    return worker_lost(Io::too_large, sent, doc.text().size(), stats, slot);
  }
  for (std::size_t s = 0; s < header_.timings.size(); ++s) {
    ++stats[s].documents;
    stats[s].nanoseconds += header_.timings[s].nanoseconds;
    stats[s].bytes += header_.timings[s].bytes;
  }
  std::swap(doc, decoded_);
  if (header_.status == NAHR_OK) return {NAHR_OK, size() - 1};
  slot.message.assign(header_.message);
  return {header_.status, static_cast<std::size_t>(header_.failed_stage)};
}

GroupOutcome IsolatedGroup::worker_lost(Io io, Clock::time_point sent, std::uint64_t bytes,
                                        std::span<StageStats> stats, model::ErrorSlot& slot) {
  const std::uint32_t running = worker_->progress().stage.load(std::memory_order_acquire);
  const std::size_t stage = running < size() ? running : 0;
  if (io == Io::timed_out) {
    worker_->end(true);
    slot.message = fmt::format(
        "timed out after {} ms; its worker process was killed",
        std::chrono::duration_cast<std::chrono::milliseconds>(timeouts_[stage]).count());
  } else if (io == Io::closed) {
    slot.message = fmt::format("{} in its worker process", worker_->end(false));
  } else {
    worker_->end(true);
    slot.message = "its worker process sent a malformed reply and was killed";
  }
  worker_.reset();
  // The stages before the running one finished; their own timings died
  // with the worker, so the running one is charged the whole round trip.
  for (std::size_t s = 0; s <= stage; ++s) {
    ++stats[s].documents;
    stats[s].bytes += bytes;
  }
  stats[stage].nanoseconds += static_cast<std::uint64_t>(
      std::chrono::duration_cast<std::chrono::nanoseconds>(Clock::now() - sent).count());
  return {NAHR_DOCUMENT_ERROR, stage};
}

namespace {

std::vector<std::string_view> ids_of(const PipelineConfig& config) {
  std::vector<std::string_view> ids;
  for (const StageConfig& s : config.stages) ids.push_back(s.id);
  return ids;
}

}  // namespace

IsolatedStages::IsolatedStages(const PipelineConfig& config, unsigned workers)
    : stage_ids_(ids_of(config)) {
  const std::size_t middle = config.stages.size() - 2;
  for (std::size_t s = 0; s < middle;) {
    if (config.stages[s + 1].isolation != Isolation::process) {
      ++s;
      continue;
    }
    std::size_t end = s + 1;
    while (end < middle && config.stages[end + 1].isolation == Isolation::process) ++end;
    if (groups_.empty()) groups_.resize(workers);
    for (auto& worker : groups_) {
      worker.resize(middle);
      worker[s] = std::make_unique<IsolatedGroup>(config, s + 1, end - s, stage_ids_);
    }
    s = end;
  }
}

bool IsolatedStages::start(std::string& error) {
  for (auto& worker : groups_) {
    for (auto& group : worker) {
      if (group && !group->launch(error)) return false;
    }
  }
  for (auto& worker : groups_) {
    for (auto& group : worker) {
      if (group && !group->await_ready(error)) return false;
    }
  }
  return true;
}

}  // namespace nahr::host::isolation
