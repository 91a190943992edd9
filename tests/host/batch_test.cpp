// Batches and their sizing: the memory a run holds is bounded by its pool of
// batches, so a batch must neither pin the memory of a huge story it once
// held nor take more text than its pipeline can hold in kBatchTargetBytes.
#include "run/batch.hpp"

#include <catch2/catch.hpp>

#include <string>

using nahr::host::Batch;
using nahr::host::BatchSizer;
using nahr::host::kBatchTargetBytes;

namespace {

// A story of `bytes` bytes of Arabic text.
std::string story(std::size_t bytes) {
  std::string text;
  while (text.size() < bytes) text += "قال المتحدث باسم الوزارة ";
  text.resize(bytes - bytes % 2);
  return text;
}

void fill(Batch& batch, std::size_t documents, std::size_t bytes, std::uint64_t sequence) {
  batch.reset(sequence);
  for (std::size_t i = 0; i < documents; ++i) {
    batch.append().set_text(story(bytes));
    batch.bytes += bytes;
  }
}

}  // namespace

TEST_CASE("release frees what clear keeps", "[batch]") {
  nahr::model::Document doc;
  doc.set_text(story(1 << 20));
  doc.add_annotation("token", 0, 10, "extract-tokens");
  doc.clear();
  CHECK(doc.retained_bytes() >= (1u << 20));
  doc.release();
  CHECK(doc.retained_bytes() < 1024);
  CHECK(doc.text().empty());
  CHECK(doc.annotations.empty());
}

TEST_CASE("a batch that held a huge story lets it go once its stories are small again",
          "[batch]") {
  BatchSizer sizer;
  Batch batch;
  fill(batch, 4, 8 << 20, 0);  // four 8 MiB stories
  sizer.observe(batch);
  fill(batch, 4, 2000, 1);     // then ordinary ones
  sizer.observe(batch);
  batch.reset(2);
  std::size_t retained = batch.encoded.capacity();
  for (const auto& doc : batch.docs) retained += doc.retained_bytes();
  // No more than the last turn took, with room for the slack of grown
  // buffers: not the 32 MiB the first turn did.
  CHECK(retained <= nahr::host::kGrowthSlack * batch.footprint);
  CHECK(batch.footprint < 64 << 10);
}

TEST_CASE("a batch keeps the memory of ordinary stories for reuse", "[batch]") {
  BatchSizer sizer;
  Batch batch;
  fill(batch, 64, 3000, 0);
  for (int i = 0; i < 64; ++i) batch.encoded += story(3000);  // grown by doubling, as a writer does
  sizer.observe(batch);
  const std::size_t encoded_capacity = batch.encoded.capacity();
  batch.reset(1);
  // Every buffer, though each holds more than its contents: released, they
  // would be regrown at the next turn, page by page.
  CHECK(batch.encoded.capacity() == encoded_capacity);
  std::size_t kept_documents = 0;
  for (const auto& doc : batch.docs) kept_documents += doc.retained_bytes() >= 3000 ? 1 : 0;
  CHECK(kept_documents == 64);
}

TEST_CASE("batches get less text when processing multiplies its size", "[batch]") {
  BatchSizer sizer;
  Batch batch;
  CHECK_FALSE(sizer.full(batch, 64));

  // Each story of 3 kB comes out with 60 kB of encoded annotations.
  fill(batch, 64, 3000, 0);
  batch.encoded.assign(64 * 60000, 'x');
  sizer.observe(batch);
  batch.reset(1);
  std::size_t taken = 0;
  while (!sizer.full(batch, 64)) {
    batch.append().set_text(story(3000));
    batch.bytes += 3000;
    ++taken;
  }
  // About kBatchTargetBytes / (63 kB per story): far fewer than the 64
  // documents allowed.
  const std::size_t expected = kBatchTargetBytes / 63000;
  CHECK(taken + 1 >= expected);
  CHECK(taken <= expected + 2);
}

TEST_CASE("batch size stays within its bounds whatever the pipeline does", "[batch]") {
  BatchSizer sizer;
  Batch batch;
  // A pipeline that throws the text away: at most kMaxTextBytes per batch.
  fill(batch, 1, 100000, 0);
  batch.docs[0].set_text("ok");
  sizer.observe(batch);
  batch.bytes = BatchSizer::kMaxTextBytes - 1;
  batch.size = 1;
  CHECK_FALSE(sizer.full(batch, 64));
  batch.bytes = BatchSizer::kMaxTextBytes;
  CHECK(sizer.full(batch, 64));
}
