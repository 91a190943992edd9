// BatchReader's contract with the workers that call it: each call fills one
// batch in input order, and reading ends at the end of the documents, when
// the run stops, or when the source cannot go on.
#include "run/batch_reader.hpp"
#include "run/document_source.hpp"
#include "run/progress.hpp"

#include <catch2/catch.hpp>

#include <atomic>
#include <cstdint>
#include <string>
#include <vector>

using nahr::host::Batch;
using nahr::host::BatchReader;
using nahr::host::BatchSizer;
using nahr::host::DocumentSource;
using nahr::host::Failure;
using nahr::host::Progress;

namespace {

// Stories numbered from 0; the one at `broken` is refused, and the source
// breaks down (error()) after `readable` of them.
class NumberedStories final : public DocumentSource {
 public:
  NumberedStories(std::size_t readable, std::size_t broken, std::string error = {})
      : readable_(readable), broken_(broken), error_(std::move(error)) {}

  std::string_view name() const override { return "numbered"; }
  std::uint64_t size() const override { return 0; }
  bool next(nahr::model::Document& doc, std::optional<Failure>& failure) override {
    if (next_ == readable_) return false;
    doc.id = "story-" + std::to_string(next_);
    doc.set_text("قال المتحدث باسم الوزارة " + std::to_string(next_));
    if (next_ == broken_) failure = Failure{"numbered", "refused on purpose"};
    ++next_;
    return true;
  }
  const std::string& error() const override {
    static const std::string none;
    return next_ == readable_ ? error_ : none;
  }

 private:
  std::size_t readable_, broken_, next_ = 0;
  std::string error_;
};

// A reader of `source` with batches of at most `batch_size` documents.
struct Reading {
  Reading(DocumentSource& source, std::uint32_t batch_size)
      : reader(source, {.max_document_bytes = 1 << 20, .batch_size = batch_size}, sizer, progress,
               stopping) {}

  BatchSizer sizer;
  Progress progress{false, 0};
  std::atomic<bool> stopping{false};
  BatchReader reader;
};

// Fills batches until the reader says it is done; the ids per batch.
std::vector<std::vector<std::string>> read_all(BatchReader& reader) {
  std::vector<std::vector<std::string>> batches;
  Batch batch;
  for (bool more = true; more;) {
    batch.reset(batches.size());
    more = reader.fill(batch);
    std::vector<std::string>& ids = batches.emplace_back();
    for (std::size_t i = 0; i < batch.size; ++i) ids.push_back(batch.docs[i].id);
  }
  return batches;
}

}  // namespace

TEST_CASE("batches take the documents in input order, batch_size at a time", "[batch-reader]") {
  NumberedStories source(10, 99);
  Reading reading(source, 4);
  BatchReader& reader = reading.reader;
  const auto batches = read_all(reader);
  REQUIRE(batches.size() == 3);
  CHECK(batches[0] == std::vector<std::string>{"story-0", "story-1", "story-2", "story-3"});
  CHECK(batches[1] == std::vector<std::string>{"story-4", "story-5", "story-6", "story-7"});
  CHECK(batches[2] == std::vector<std::string>{"story-8", "story-9"});
  CHECK(reader.documents_read() == 10);
  CHECK(reader.stats().id == "numbered");
  CHECK(reader.stats().documents == 10);
  CHECK(reader.stats().errors == 0);
  CHECK(reader.stop_reason().empty());
  CHECK_FALSE(reader.interrupted());
}

TEST_CASE("a refused document keeps its place and its reason", "[batch-reader]") {
  NumberedStories source(6, 2);
  Reading reading(source, 64);
  BatchReader& reader = reading.reader;
  Batch batch;
  batch.reset(0);
  CHECK_FALSE(reader.fill(batch));
  REQUIRE(batch.size == 6);
  CHECK(batch.docs[2].id == "story-2");
  REQUIRE(batch.failures[2]);
  CHECK(batch.failures[2]->message == "refused on purpose");
  CHECK_FALSE(batch.failures[3]);
  CHECK(reader.stats().errors == 1);
}

TEST_CASE("a source that breaks down ends reading with its reason", "[batch-reader]") {
  NumberedStories source(5, 99, "numbered: the quarantine file ends inside a record");
  Reading reading(source, 3);
  BatchReader& reader = reading.reader;
  const auto batches = read_all(reader);
  REQUIRE(batches.size() == 2);
  CHECK(batches[1].size() == 2);  // what came before the break is still handed out
  CHECK(reader.stop_reason() == "numbered: the quarantine file ends inside a record");
  Batch after;
  after.reset(2);
  CHECK_FALSE(reader.fill(after));
  CHECK(after.size == 0);
}

TEST_CASE("a stopping run reads nothing more", "[batch-reader]") {
  NumberedStories source(100, 99);
  Reading reading(source, 8);
  BatchReader& reader = reading.reader;
  Batch batch;
  batch.reset(0);
  CHECK(reader.fill(batch));
  CHECK(batch.size == 8);
  reading.stopping = true;
  batch.reset(1);
  CHECK_FALSE(reader.fill(batch));
  CHECK(batch.size == 0);
  CHECK(reader.documents_read() == 8);
  CHECK(reader.stop_reason().empty());  // the run's own reason, not the reader's
}
