#include "run/executor.hpp"

#include "isolation/isolated_group.hpp"
#include "log/log_fields.hpp"
#include "run/batch.hpp"
#include "run/batch_reader.hpp"
#include "run/blocking_queue.hpp"
#include "run/document_source.hpp"
#include "run/inputs.hpp"
#include "run/interrupt.hpp"
#include "run/output_path.hpp"
#include "run/output_stream.hpp"
#include "run/progress.hpp"
#include "run/quarantine.hpp"
#include "run/run_manifest.hpp"
#include "run/stage_instance.hpp"
#include "shard/split_plan.hpp"

#include <fmt/core.h>
#include <nahr/model/host_api.hpp>
#include <spdlog/spdlog.h>

#include <atomic>
#include <chrono>
#include <filesystem>
#include <map>
#include <mutex>
#include <optional>
#include <thread>

namespace nahr::host {

namespace {

using Clock = std::chrono::steady_clock;

std::uint64_t nanoseconds_between(Clock::time_point from, Clock::time_point to) {
  return static_cast<std::uint64_t>(
      std::chrono::duration_cast<std::chrono::nanoseconds>(to - from).count());
}

std::uint64_t elapsed_ns(Clock::time_point since) {
  return nanoseconds_between(since, Clock::now());
}

// Failures beyond this many are counted and quarantined but not logged one
// by one, so a broken feed cannot flood the log.
constexpr std::uint64_t kLoggedFailures = 50;
// How often a resumable run records its progress: often enough that a
// kill loses little work, seldom enough to cost nothing measurable.
constexpr auto kCheckpointInterval = std::chrono::milliseconds(250);

std::string default_quarantine_path(const PipelineConfig& config) {
  if (!config.settings.quarantine.empty()) return config.settings.quarantine;
  const std::string& output = config.stages.back().output;
  if (output == "-") return "nahr-quarantine.jsonl";
  return output + ".quarantine.jsonl";
}

class Run {
 public:
  Run(const PipelineConfig& config, const RunOptions& options)
      : config_(config),
        options_(options),
        settings_(config.settings),
        workers_(settings_.threads != 0 ? settings_.threads
                                        : std::max(1u, std::thread::hardware_concurrency())),
        quarantine_(default_quarantine_path(config), settings_.max_document_bytes),
        isolated_(config, workers_) {
    result_.threads = workers_;
    result_.output = config.stages.back().output;
  }

  RunResult execute() {
    const Clock::time_point start = Clock::now();
    ExpandedInputs inputs;
    if (options_.source == nullptr) inputs = expand_inputs(config_.stages.front().inputs);
    for (const std::string& e : inputs.errors) spdlog::error("{}", e);
    if (inputs.files.empty() && options_.source == nullptr) {
      result_.outcome = RunOutcome::unusable_input;
      result_.stop_reason = "no input to read";
      return std::move(result_);
    }
    const std::vector<InputFile> files =
        options_.shard ? plan_shard(inputs.files, *options_.shard,
                                    splittable_inputs_of(config_.stages.front()))
                       : inputs.files;
    if (!create_stages() || !prepare_resume(files) || !open_output()) {
      result_.outcome = RunOutcome::unusable_input;
      return std::move(result_);
    }

    std::uint64_t total_bytes = options_.source != nullptr ? options_.source->size() : 0;
    for (const InputFile& f : files) total_bytes += std::min(f.size, f.part_end) - f.part_begin;
    Progress progress(options_.progress, total_bytes);
    const BatchReader::Limits limits{settings_.max_document_bytes, settings_.batch_size};
    BatchReader::Start from;
    if (resume_from_) from = {resume_from_->file, resume_from_->record};
    std::optional<BatchReader> reader;
    if (options_.source != nullptr) {
      reader.emplace(*options_.source, limits, sizer_, progress, stopping_);
    } else {
      reader.emplace(*reader_, files, from, limits, sizer_, progress, stopping_);
    }
    if (workers_ == 1) {
      run_on_this_thread(*reader);
    } else {
      run_on_threads(*reader);
    }
    interrupted_ = reader->interrupted();
    result_.read += reader->documents_read();
    result_.input_bytes += reader->input_bytes();
    finish_output();
    result_.seconds = static_cast<double>(elapsed_ns(start)) / 1e9;
    collect_stats(reader->stats());
    if (stopping_) {
      result_.outcome = RunOutcome::stopped;
      result_.stop_reason = stop_reason_;
    } else if (interrupted_) {
      result_.outcome = RunOutcome::interrupted;
      result_.signal = interrupt_signal();
    }
    return std::move(result_);
  }

 private:
  // ---- set-up -----------------------------------------------------------

  bool create_stages() {
    std::string error;
    const auto make = [&](const StageConfig& s) {
      auto instance = StageInstance::create(s, error);
      if (!instance) {
        const log::ScopedFields fields({.stage = s.id});
        spdlog::error("stage '{}' ({}): {}", s.id, s.plugin, error);
      }
      return instance;
    };
    if (options_.source == nullptr) {
      reader_ = make(config_.stages.front());
      if (!reader_) return false;
    }
    writer_ = make(config_.stages.back());
    if (!writer_) return false;
    streaming_ = writer_->vtable().encode_document != nullptr;

    worker_stages_.assign(workers_, {});
    for (std::size_t i = 1; i + 1 < config_.stages.size(); ++i) {
      const StageConfig& s = config_.stages[i];
      if (s.isolation == Isolation::process) {  // created in isolated_'s worker processes
        for (std::vector<StageInstance*>& stages : worker_stages_) stages.push_back(nullptr);
        continue;
      }
      const bool shared = (s.stage.stage->flags & NAHR_STAGE_THREAD_SAFE) != 0;
      for (unsigned w = 0; w < workers_; ++w) {
        if (!shared || w == 0) {
          auto instance = make(s);
          if (!instance) return false;
          owned_.push_back(std::move(instance));
        }
        worker_stages_[w].push_back(owned_.back().get());
      }
    }
    if (streaming_) {
      // A stream writer encodes on the workers, like any other stage.
      const StageConfig& s = config_.stages.back();
      const bool shared = (s.stage.stage->flags & NAHR_STAGE_THREAD_SAFE) != 0;
      encoders_.assign(workers_, writer_.get());
      for (unsigned w = 1; w < workers_ && !shared; ++w) {
        auto instance = make(s);
        if (!instance) return false;
        encoders_[w] = instance.get();
        owned_.push_back(std::move(instance));
      }
    }
    if (!isolated_.start(error)) {
      spdlog::error("{}", error);
      return false;
    }
    return true;
  }

  // With --resume, picks up the manifest a killed or interrupted run left;
  // without, clears what an earlier run left at the same paths.
  bool prepare_resume(const std::vector<InputFile>& files) {
    const std::string& output = config_.stages.back().output;
    // A replay's documents have no input position to resume from.
    checkpointing_ = streaming_ && output != "-" && options_.source == nullptr;
    if (!checkpointing_) {
      if (options_.resume) {
        result_.stop_reason = fmt::format(
            "--resume needs a stream writer writing to a file; '{}' {}", writer_->id(),
            output == "-" ? "writes to standard output" : "manages its own output");
        return false;
      }
      quarantine_.discard_stale();
      return true;
    }
    manifest_ = manifest_path(output);
    fingerprint_ = pipeline_fingerprint(config_, files);
    std::string error;
    if (options_.resume) resume_from_ = load_checkpoint(manifest_, error);
    if (!error.empty()) {
      result_.stop_reason = error;
      return false;
    }
    if (!resume_from_) {
      if (options_.resume) spdlog::info("{}: no run to resume; starting from the beginning", manifest_);
      std::error_code ec;
      std::filesystem::remove(manifest_, ec);
      quarantine_.discard_stale();
      return true;
    }
    const Checkpoint& c = *resume_from_;
    if (c.fingerprint != fingerprint_ || c.file > files.size()) {
      result_.stop_reason = fmt::format(
          "{} was written by a different pipeline or for different inputs; remove it to start "
          "again",
          manifest_);
      return false;
    }
    if (!quarantine_.resume(c.quarantine_bytes, error)) {
      result_.stop_reason = error;
      return false;
    }
    result_.read = c.read;
    result_.written = c.written;
    result_.quarantined = c.quarantined;
    result_.skipped = c.skipped;
    if (c.quarantined != 0) result_.quarantine = quarantine_.path();
    spdlog::info("resuming after {} documents ({} written, {} quarantined)", c.read, c.written,
                 c.quarantined);
    return true;
  }

  bool open_output() {
    const std::string& output = config_.stages.back().output;
    if (streaming_) return open_stream_output(output);
    std::string target = output;
    if (output != "-") {
      namespace fs = std::filesystem;
      std::error_code ec;
      const fs::path parent = fs::path(output).parent_path();
      if (!parent.empty()) fs::create_directories(parent, ec);
      // Written under a temporary name and renamed once complete, so a
      // killed run never leaves a file that looks finished.
      partial_ = output + ".partial";
      std::string error;
      if (!create_partial(partial_, error)) {
        spdlog::error("cannot write output {}: {}", output, error);
        return false;
      }
      target = partial_;
    }
    model::ErrorSlot slot;
    if (writer_->vtable().open_output(writer_->handle(), nahr_str{target.data(), target.size()},
                                      model::as_handle(slot)) != NAHR_OK) {
      spdlog::error("stage '{}': cannot open output {}: {}", writer_->id(), output, slot.message);
      return false;
    }
    return true;
  }

  bool open_stream_output(const std::string& output) {
    std::string error;
    if (resume_from_) {
      // The header is among the bytes kept.
      if (output_.reopen(output, resume_from_->output_bytes, error)) return true;
    } else if (output_.open(output, error)) {
      if (write_frame(writer_->vtable().encode_header, "header", error)) return true;
    }
    spdlog::error("stage '{}': {}", writer_->id(), error);
    return false;
  }

  using FrameFn = nahr_status (*)(void*, nahr_str*, nahr_error*);
  bool write_frame(FrameFn encode, std::string_view what, std::string& error) {
    if (encode == nullptr) return true;
    model::ErrorSlot slot;
    nahr_str bytes{};
    if (encode(writer_->handle(), &bytes, model::as_handle(slot)) != NAHR_OK) {
      error = fmt::format("cannot make the {}: {}", what, slot.message);
      return false;
    }
    return output_.write(std::string_view(bytes.data, bytes.size), error);
  }

  // ---- reading and processing --------------------------------------------

  // One thread does everything, batch by batch: what `threads = 1` asks for
  // on a scheduler slot with one CPU.
  void run_on_this_thread(BatchReader& reader) {
    Batch batch;
    std::vector<StageStats> stats(worker_stages_[0].size() + 1);
    model::ErrorSlot slot;
    for (bool more = true; more;) {
      batch.reset(next_to_read_++);
      more = read_batch(reader, batch);
      if (batch.size == 0) continue;
      process_batch(batch, 0, stats, slot);
      write_batch(batch, slot);
      checkpoint(false);
    }
    if (!stopping_) check_error_budget(true);
    worker_stats_.push_back(std::move(stats));
  }

  // `workers_` threads, each reading a batch (one at a time, in input
  // order), processing it and, when it is next in input order, writing it
  // (write_ready_batches): the text it reads and the bytes it encodes are
  // still in its core's cache. The pool of batches bounds memory: one per
  // worker, and two more so that workers can run ahead of a slow batch that
  // holds up the order of writing (a larger pool measured no faster).
  void run_on_threads(BatchReader& reader) {
    for (unsigned i = 0; i < workers_ + 2; ++i) {
      pool_.push_back(std::make_unique<Batch>());
      free_.push(pool_.back().get());
    }
    std::vector<std::thread> threads;
    for (unsigned w = 0; w < workers_; ++w) {
      threads.emplace_back([this, w, &reader] { work(w, reader); });
    }
    for (std::thread& t : threads) t.join();
    if (!stopping_) check_error_budget(true);
  }

  // Fills `batch` from the reader; false once reading is over.
  bool read_batch(BatchReader& reader, Batch& batch) {
    const bool more = reader.fill(batch);
    if (!reader.stop_reason().empty()) stop(reader.stop_reason());
    return more;
  }

  // ---- processing (worker threads) --------------------------------------

  void work(unsigned worker, BatchReader& reader) {
    std::vector<StageStats> stats(worker_stages_[worker].size() + 1);
    model::ErrorSlot slot;
    model::ErrorSlot write_slot;
    for (;;) {
      Batch* batch = free_.pop();
      {
        std::lock_guard lock(read_mutex_);
        if (reading_over_) {
          free_.push(batch);
          break;
        }
        batch->reset(next_to_read_++);
        reading_over_ = !read_batch(reader, *batch);
      }
      // Even an empty last batch goes through: it holds a place in the
      // order of writing.
      process_batch(*batch, worker, stats, slot);
      write_ready_batches(batch, write_slot);
    }
    std::lock_guard lock(stats_mutex_);
    worker_stats_.push_back(std::move(stats));
  }

  // `stats` holds one entry per stage and, last, the writer's encoding.
  void process_batch(Batch& batch, unsigned worker, std::vector<StageStats>& stats,
                     model::ErrorSlot& slot) {
    for (std::size_t i = 0; i < batch.size && !stopping_; ++i) {
      process_document(batch, i, worker, stats, slot);
      if (streaming_ && !batch.failures[i]) {
        encode_document(batch, i, *encoders_[worker], stats.back(), slot);
      }
      batch.positions[i].encoded_end = batch.encoded.size();
    }
    sizer_.observe(batch);
  }

  void process_document(Batch& batch, std::size_t i, unsigned worker,
                        std::vector<StageStats>& stats, model::ErrorSlot& slot) {
    if (batch.failures[i]) return;
    const std::vector<StageInstance*>& stages = worker_stages_[worker];
    model::Document& doc = batch.docs[i];
    // One clock reading per stage: each stage's time runs from the end of
    // the one before it, so a chain of cheap stages pays for one clock call
    // each, not two.
    Clock::time_point started = Clock::now();
    for (std::size_t s = 0; s < stages.size(); ++s) {
      if (isolation::IsolatedGroup* group = isolated_.group(worker, s)) {
        // The group's stages, in one round trip to its worker process.
        const isolation::GroupOutcome outcome =
            group->process(doc, std::span(stats).subspan(s, group->size()), slot);
        started = Clock::now();
        s += outcome.stage;
        if (outcome.status == NAHR_OK) continue;
        ++stats[s].errors;
        const std::string& id = config_.stages[s + 1].id;
        batch.failures[i] = Failure{id, slot.message};
        if (outcome.status == NAHR_FATAL_ERROR) {
          stop(fmt::format("stage '{}' cannot go on: {}", id, slot.message));
        }
        break;
      }
      StageInstance& stage = *stages[s];
      doc.current_stage = stage.id();
      slot.message.clear();
      const nahr_status status = stage.vtable().process(stage.handle(), model::as_handle(doc),
                                                        model::as_handle(slot));
      const Clock::time_point finished = Clock::now();
      stats[s].nanoseconds += nanoseconds_between(started, finished);
      started = finished;
      ++stats[s].documents;
      stats[s].bytes += doc.text().size();
      if (status == NAHR_OK) continue;
      ++stats[s].errors;
      batch.failures[i] = Failure{std::string(stage.id()), slot.message};
      if (status == NAHR_FATAL_ERROR) {
        stop(fmt::format("stage '{}' cannot go on: {}", stage.id(), slot.message));
      }
      break;
    }
  }

  void encode_document(Batch& batch, std::size_t i, StageInstance& encoder, StageStats& stats,
                       model::ErrorSlot& slot) {
    model::Document& doc = batch.docs[i];
    doc.current_stage = encoder.id();
    slot.message.clear();
    nahr_str bytes{};
    const Clock::time_point started = Clock::now();
    const nahr_status status = encoder.vtable().encode_document(
        encoder.handle(), model::as_handle(doc), &bytes, model::as_handle(slot));
    if (status == NAHR_OK) batch.encoded.append(bytes.data, bytes.size);
    stats.nanoseconds += elapsed_ns(started);
    ++stats.documents;
    stats.bytes += doc.text().size();
    if (status == NAHR_OK) return;
    ++stats.errors;
    batch.failures[i] = Failure{std::string(encoder.id()), slot.message, Phase::write};
    if (status == NAHR_FATAL_ERROR) {
      stop(fmt::format("writer '{}' cannot go on: {}", encoder.id(), slot.message));
    }
  }

  // ---- writing, in input order (one worker at a time) -------------------

  // Files a processed batch, then, unless another worker is writing, writes
  // every batch that is next in input order. The one writing checks again
  // for the next batch under the lock before it lets go, so none is left
  // behind.
  void write_ready_batches(Batch* processed, model::ErrorSlot& slot) {
    std::unique_lock lock(done_mutex_);
    done_.emplace(processed->sequence, processed);
    if (writing_) return;
    writing_ = true;
    for (auto it = done_.find(next_to_write_); it != done_.end();
         it = done_.find(next_to_write_)) {
      Batch* batch = it->second;
      done_.erase(it);
      ++next_to_write_;
      lock.unlock();
      write_batch(*batch, slot);
      checkpoint(false);
      free_.push(batch);
      lock.lock();
    }
    writing_ = false;
  }

  void write_batch(Batch& batch, model::ErrorSlot& slot) {
    if (streaming_) {
      write_encoded_batch(batch);
      return;
    }
    for (std::size_t i = 0; i < batch.size; ++i) {
      if (stopping_) {
        ++result_.unfinished;
        continue;
      }
      model::Document& doc = batch.docs[i];
      if (batch.failures[i]) {
        fail_document(doc, *batch.failures[i]);
        continue;
      }
      doc.current_stage = writer_->id();
      slot.message.clear();
      const Clock::time_point started = Clock::now();
      const nahr_status status = writer_->vtable().write_document(
          writer_->handle(), model::as_handle(doc), model::as_handle(slot));
      writer_stats_.nanoseconds += elapsed_ns(started);
      ++writer_stats_.documents;
      writer_stats_.bytes += doc.text().size();
      if (status == NAHR_OK) {
        ++result_.written;
      } else if (status == NAHR_DOCUMENT_ERROR) {
        ++writer_stats_.errors;
        fail_document(doc, Failure{std::string(writer_->id()), slot.message, Phase::write});
      } else {
        ++result_.unfinished;
        stop(fmt::format("writer '{}' cannot go on: {}", writer_->id(), slot.message));
      }
    }
    check_error_budget(false);
  }

  // The workers encoded the documents; what is left is to account for each
  // in order and write the bytes of those before any stop.
  void write_encoded_batch(Batch& batch) {
    std::size_t i = 0;
    for (; i < batch.size && !stopping_; ++i) {
      if (batch.failures[i]) {
        fail_document(batch.docs[i], *batch.failures[i]);
      } else {
        ++result_.written;
      }
    }
    result_.unfinished += batch.size - i;
    if (i == 0) return;
    const Position& last = batch.positions[i - 1];
    std::string error;
    const Clock::time_point started = Clock::now();
    if (!output_.write(std::string_view(batch.encoded).substr(0, last.encoded_end), error)) {
      stop(fmt::format("writer '{}': {}", writer_->id(), error));
      return;
    }
    writer_stats_.nanoseconds += elapsed_ns(started);
    committed_ = last;
    check_error_budget(false);
  }

  void fail_document(const model::Document& doc, const Failure& failure) {
    const std::uint64_t failures = result_.quarantined + result_.skipped + 1;
    if (failures <= kLoggedFailures) {
      result_.first_failures.push_back(failed_document(doc, failure));
      const log::ScopedFields fields({.file = doc.source_file,
                                      .line = doc.source_line,
                                      .document = doc.id,
                                      .stage = failure.stage});
      spdlog::warn("{}:{}: document '{}' failed in stage '{}': {}", doc.source_file,
                   doc.source_line != 0 ? doc.source_line : doc.source_record + 1, doc.id,
                   failure.stage, failure.message);
    } else if (failures == kLoggedFailures + 1) {
      spdlog::warn("further failed documents are not logged; see the quarantine");
    }
    if (settings_.on_error == OnError::skip) {
      ++result_.skipped;
      return;
    }
    std::string error;
    if (!quarantine_.add(doc, failure, error)) {
      ++result_.unfinished;
      stop(error);
      return;
    }
    ++result_.quarantined;
    result_.quarantine = quarantine_.path();
    if (settings_.on_error == OnError::fail) {
      stop(fmt::format("document '{}' failed in stage '{}' and on_error = \"fail\"", doc.id,
                       failure.stage));
    }
  }

  // The rate is judged only once enough documents were seen to mean
  // something, and always at the end.
  void check_error_budget(bool at_end) {
    const std::uint64_t errors = result_.quarantined + result_.skipped;
    if (settings_.max_errors != 0 && errors > settings_.max_errors) {
      stop(fmt::format("error budget exceeded: {} failed documents > max_errors = {}", errors,
                       settings_.max_errors));
      return;
    }
    const std::uint64_t seen = result_.written + errors;
    constexpr std::uint64_t kMinimumForRate = 100;
    if (settings_.max_error_rate < 1.0 && seen != 0 && (at_end || seen >= kMinimumForRate)) {
      const double rate = static_cast<double>(errors) / static_cast<double>(seen);
      if (rate > settings_.max_error_rate) {
        stop(fmt::format("error budget exceeded: {:.1f}% of documents failed > max_error_rate = "
                         "{:.1f}%",
                         rate * 100, settings_.max_error_rate * 100));
      }
    }
  }

  // ---- the end ------------------------------------------------------------

  // Records how far the run got: throttled while it runs, and always once
  // more when it stops early, so --resume starts from the last document
  // that reached the output.
  void checkpoint(bool final) {
    if (!checkpointing_ || !committed_) return;
    const Clock::time_point now = Clock::now();
    if (!final && now - last_checkpoint_ < kCheckpointInterval) return;
    last_checkpoint_ = now;
    std::string error;
    // Everything committed was read; documents read since are not, and a
    // resumed run reads them again.
    Checkpoint c;
    c.fingerprint = fingerprint_;
    c.file = committed_->file;
    c.record = committed_->next_record;
    c.output_bytes = output_.bytes_written();
    c.quarantine_bytes = quarantine_.bytes();
    c.written = result_.written;
    c.quarantined = result_.quarantined;
    c.skipped = result_.skipped;
    c.read = c.written + c.quarantined + c.skipped;
    if (!quarantine_.flush(error) || !save_checkpoint(manifest_, c, error)) stop(error);
  }

  void finish_stream_output() {
    std::string error;
    if (stopping_ || interrupted_) {
      checkpoint(true);
      if (checkpointing_) {
        spdlog::info("{} keeps the output so far; `nahr run --resume` continues", manifest_);
      }
      return;
    }
    if (!write_frame(writer_->vtable().encode_footer, "footer", error) || !output_.commit(error)) {
      stop(fmt::format("writer '{}': {}", writer_->id(), error));
      return;
    }
    if (checkpointing_) std::filesystem::remove(manifest_);
  }

  void finish_output() {
    if (streaming_) {
      finish_stream_output();
      std::string error;
      if (!quarantine_.close(error)) stop(error);
      return;
    }
    model::ErrorSlot slot;
    if (writer_->vtable().close_output(writer_->handle(), model::as_handle(slot)) != NAHR_OK) {
      stop(fmt::format("writer '{}' could not finish {}: {}", writer_->id(), result_.output,
                       slot.message));
    }
    std::string error;
    if (!quarantine_.close(error)) stop(error);
    // An interrupted run's output is incomplete: it keeps its temporary name.
    if (stopping_ || interrupted_ || partial_.empty()) return;
    std::error_code ec;
    if (std::filesystem::exists(partial_, ec)) {
      std::filesystem::rename(partial_, result_.output, ec);
      if (ec) stop(fmt::format("cannot rename {} to {}: {}", partial_, result_.output, ec.message()));
    }
  }

  void collect_stats(const StageStats& reader_stats) {
    result_.stages.push_back(reader_stats);
    for (std::size_t s = 1; s + 1 < config_.stages.size(); ++s) {
      StageStats total;
      total.id = config_.stages[s].id;
      for (const std::vector<StageStats>& w : worker_stats_) {
        total.documents += w[s - 1].documents;
        total.bytes += w[s - 1].bytes;
        total.nanoseconds += w[s - 1].nanoseconds;
        total.errors += w[s - 1].errors;
      }
      result_.stages.push_back(total);
    }
    writer_stats_.id = writer_->id();
    for (const std::vector<StageStats>& w : worker_stats_) {
      const StageStats& encoding = w.back();
      writer_stats_.documents += encoding.documents;
      writer_stats_.bytes += encoding.bytes;
      writer_stats_.nanoseconds += encoding.nanoseconds;
      writer_stats_.errors += encoding.errors;
    }
    result_.stages.push_back(writer_stats_);
  }

  void stop(std::string reason) {
    std::lock_guard lock(stop_mutex_);
    if (stopping_) return;
    spdlog::error("stopping: {}", reason);
    stop_reason_ = std::move(reason);
    stopping_ = true;
  }

  const PipelineConfig& config_;
  const RunOptions options_;
  const PipelineSettings& settings_;
  const unsigned workers_;
  Quarantine quarantine_;
  RunResult result_;
  std::string partial_;

  std::unique_ptr<StageInstance> reader_, writer_;
  std::vector<std::unique_ptr<StageInstance>> owned_;
  std::vector<std::vector<StageInstance*>> worker_stages_;  // nullptr: an isolated stage
  isolation::IsolatedStages isolated_;

  // A stream writer: one encoder per worker, the output owned here.
  bool streaming_ = false;
  std::vector<StageInstance*> encoders_;
  OutputStream output_;

  // Resuming (stream writers writing to a file).
  bool checkpointing_ = false;
  std::string manifest_;
  std::string fingerprint_;
  std::optional<Checkpoint> resume_from_;
  std::optional<Position> committed_;  // the last document in the output or the quarantine
  Clock::time_point last_checkpoint_{};

  BatchSizer sizer_;
  std::vector<std::unique_ptr<Batch>> pool_;
  BlockingQueue<Batch*> free_;
  // Reading: one worker at a time, each batch numbered in input order.
  std::mutex read_mutex_;
  std::uint64_t next_to_read_ = 0;
  bool reading_over_ = false;
  // Processed batches waiting for their turn to be written, and who writes.
  std::mutex done_mutex_;
  std::map<std::uint64_t, Batch*> done_;
  std::uint64_t next_to_write_ = 0;
  bool writing_ = false;

  std::atomic<bool> stopping_{false};
  bool interrupted_ = false;  // reading ended on a signal
  std::mutex stop_mutex_;
  std::string stop_reason_;

  StageStats writer_stats_;
  std::mutex stats_mutex_;
  std::vector<std::vector<StageStats>> worker_stats_;
};

}  // namespace

RunResult execute(const PipelineConfig& config, const RunOptions& options) {
  return Run(config, options).execute();
}

}  // namespace nahr::host
