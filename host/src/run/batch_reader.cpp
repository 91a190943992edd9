#include "run/batch_reader.hpp"

#include "run/document_source.hpp"
#include "run/interrupt.hpp"
#include "run/progress.hpp"
#include "run/stage_instance.hpp"
#include "run/watched_input.hpp"

#include <fmt/core.h>
#include <nahr/input.hpp>
#include <nahr/model/host_api.hpp>
#include <spdlog/spdlog.h>

#include <chrono>

namespace nahr::host {

namespace {

using Clock = std::chrono::steady_clock;

std::uint64_t elapsed_ns(Clock::time_point since) {
  return static_cast<std::uint64_t>(
      std::chrono::duration_cast<std::chrono::nanoseconds>(Clock::now() - since).count());
}

}  // namespace

// The input being read. The reader holds the binding's handle between
// calls, and the binding points at the watched stream: none of them moves.
struct BatchReader::OpenInput {
  OpenInput(std::size_t index, std::unique_ptr<model::InputStream> opened,
            std::uint64_t max_record_bytes, std::uint64_t first_record)
      : file_index(index),
        stream(std::move(opened)),
        watched(*stream),
        binding(watched, max_record_bytes),
        next_record(first_record) {}

  std::size_t file_index;
  std::unique_ptr<model::InputStream> stream;
  WatchedInput watched;
  model::InputBinding binding;
  std::uint64_t next_record;
  int failures_after_break = 0;
};

BatchReader::BatchReader(StageInstance& reader, std::vector<InputFile> files, Start start,
                         Limits limits, BatchSizer& sizer, Progress& progress,
                         const std::atomic<bool>& stopping)
    : reader_(&reader),
      files_(std::move(files)),
      start_(start),
      limits_(limits),
      sizer_(sizer),
      progress_(progress),
      stopping_(stopping),
      next_file_(start.file) {
  stats_.id = reader.id();
}

BatchReader::BatchReader(DocumentSource& source, Limits limits, BatchSizer& sizer,
                         Progress& progress, const std::atomic<bool>& stopping)
    : source_(&source), limits_(limits), sizer_(sizer), progress_(progress), stopping_(stopping) {
  stats_.id = source.name();
}

BatchReader::~BatchReader() = default;

bool BatchReader::reading_over() {
  if (!interrupted_ && interrupt_signal() != 0) {
    interrupted_ = true;
    spdlog::warn("interrupted: finishing the documents in flight; nothing more is read");
  }
  if (stopping_ || interrupted_) ended_ = true;
  return ended_;
}

bool BatchReader::fill(Batch& batch) {
  if (source_ != nullptr) return fill_from_source(batch);
  while (!reading_over()) {
    if (!current_) {
      if (next_file_ == files_.size()) {
        ended_ = true;
        break;
      }
      if (!open_next(batch)) continue;
    }
    if (!read_document(batch)) close_current();
    if (sizer_.full(batch, limits_.batch_size)) return !reading_over();
  }
  close_current();
  return false;
}

bool BatchReader::open_next(Batch& batch) {
  const std::size_t file_index = next_file_++;
  const InputFile& file = files_[file_index];
  // Records a killed run committed are read again and dropped.
  const std::uint64_t committed = file_index == start_.file ? start_.record : 0;
  std::string error;
  std::unique_ptr<model::InputStream> stream = open_input(file, error);
  if (!stream) {
    if (committed == 0) input_failure(batch, file_index, error);
    return false;
  }
  current_ = std::make_unique<OpenInput>(file_index, std::move(stream),
                                         limits_.max_document_bytes, committed);
  model::ErrorSlot slot;
  const Clock::time_point opened = Clock::now();
  const nahr_status status = reader_->vtable().open_input(
      reader_->handle(), current_->binding.handle(), model::as_handle(slot));
  stats_.nanoseconds += elapsed_ns(opened);
  if (status == NAHR_FATAL_ERROR) {
    fail(fmt::format("{}: reader '{}' cannot go on: {}", file.name, reader_->id(), slot.message));
    close_current();
    return false;
  }
  if (status != NAHR_OK) {
    if (committed == 0) input_failure(batch, file_index, slot.message);
    close_current();
    return false;
  }
  model::Document scratch;
  for (std::uint64_t i = 0; i < committed; ++i) {
    scratch.clear();
    const nahr_status skipped = reader_->vtable().next_document(
        reader_->handle(), model::as_handle(scratch), model::as_handle(slot));
    if (skipped == NAHR_END_OF_INPUT || skipped == NAHR_FATAL_ERROR || current_->watched.failed()) {
      close_current();
      return false;
    }
  }
  return true;
}

void BatchReader::close_current() {
  if (!current_) return;
  input_bytes_ += current_->watched.bytes();
  current_.reset();
}

bool BatchReader::read_document(Batch& batch) {
  OpenInput& input = *current_;
  const InputFile& file = files_[input.file_index];
  const std::uint64_t index = input.next_record++;
  model::Document& doc = batch.append();
  doc.current_stage = reader_->id();
  model::ErrorSlot slot;
  const Clock::time_point started = Clock::now();
  const nahr_status status = reader_->vtable().next_document(
      reader_->handle(), model::as_handle(doc), model::as_handle(slot));
  stats_.nanoseconds += elapsed_ns(started);
  if (status == NAHR_END_OF_INPUT) {
    batch.drop_last();
    return false;
  }
  ++read_;
  ++stats_.documents;
  stats_.bytes += doc.text().size();
  progress_.add(1, doc.text().size());
  if (doc.id.empty()) doc.id = fmt::format("{}#{}", file.name, index);
  if (doc.source_file.empty()) {
    doc.source_file = file.name;
    doc.source_record = index;
  }
  const std::size_t slot_index = batch.size - 1;
  batch.positions[slot_index] = Position{input.file_index, index + 1, 0};
  if (status != NAHR_OK) {
    ++stats_.errors;
    batch.failures[slot_index] = Failure{std::string(reader_->id()), slot.message, Phase::read};
  } else if (doc.text().size() > limits_.max_document_bytes) {
    ++stats_.errors;
    batch.failures[slot_index] =
        Failure{std::string(reader_->id()),
                fmt::format("document of {} bytes exceeds max_document_bytes ({})",
                            doc.text().size(), limits_.max_document_bytes),
                Phase::read};
  }
  batch.bytes += doc.text().size();
  if (status == NAHR_FATAL_ERROR) {
    fail(fmt::format("{}: reader '{}' cannot go on: {}", file.name, reader_->id(), slot.message));
    return false;
  }
  // Past a broken stream the reader still hands out what it read before
  // the break, then the break itself (nahr/input.hpp).
  if (input.watched.failed()) {
    input.failures_after_break = status == NAHR_OK ? 0 : input.failures_after_break + 1;
  }
  return input.failures_after_break < kFailuresAfterBrokenInput;
}

bool BatchReader::fill_from_source(Batch& batch) {
  while (!reading_over()) {
    model::Document& doc = batch.append();
    std::optional<Failure>& failure = batch.failures[batch.size - 1];
    const Clock::time_point started = Clock::now();
    const bool more = source_->next(doc, failure);
    stats_.nanoseconds += elapsed_ns(started);
    if (!more) {
      batch.drop_last();
      if (!source_->error().empty()) fail(source_->error());
      ended_ = true;
      return false;
    }
    ++read_;
    ++stats_.documents;
    stats_.bytes += doc.text().size();
    if (failure) ++stats_.errors;
    progress_.add(1, doc.text().size());
    batch.bytes += doc.text().size();
    if (sizer_.full(batch, limits_.batch_size)) return !reading_over();
  }
  return false;
}

// An input that could not be opened still counts as one failed record, so
// it shows in the summary and the quarantine instead of vanishing.
void BatchReader::input_failure(Batch& batch, std::size_t file_index, const std::string& reason) {
  const InputFile& file = files_[file_index];
  model::Document& doc = batch.append();
  doc.id = file.name;
  doc.source_file = file.name;
  batch.failures[batch.size - 1] = Failure{std::string(reader_->id()), reason, Phase::read};
  batch.positions[batch.size - 1] = Position{file_index + 1, 0, 0};
  ++read_;
  ++stats_.errors;
}

void BatchReader::fail(std::string reason) {
  stop_reason_ = std::move(reason);
  ended_ = true;
}

}  // namespace nahr::host
