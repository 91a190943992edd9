// Split planning: every byte of every input is handed to exactly one shard,
// and with the readers' rule (a record belongs to the part its first byte
// is in) every record lands in exactly one shard, in input order.
#include "shard/split_plan.hpp"

#include <algorithm>
#include <catch2/catch.hpp>
#include <cstdint>
#include <random>
#include <string>
#include <vector>

using namespace nahr::host;

namespace {

struct TestFile {
  std::string name;
  std::string bytes;
  bool splittable = true;  // false: a .gz, or a reader without the flag
};

std::vector<InputFile> inputs_of(const std::vector<TestFile>& files) {
  std::vector<InputFile> out;
  for (const TestFile& f : files) out.push_back(InputFile{f.name, f.name, f.bytes.size()});
  return out;
}

std::vector<std::vector<InputFile>> plan_all(const std::vector<TestFile>& files, unsigned count) {
  const CanSplit can_split = [&](const InputFile& in) {
    return std::find_if(files.begin(), files.end(),
                        [&](const TestFile& f) { return f.name == in.name; })
        ->splittable;
  };
  std::vector<std::vector<InputFile>> plans;
  for (unsigned k = 0; k < count; ++k)
    plans.push_back(plan_shard(inputs_of(files), Shard{k, count}, can_split));
  return plans;
}

// Where the lines of `bytes` start (records of a line reader; a trailing
// line without '\n' is a record too).
std::vector<std::uint64_t> line_starts(const std::string& bytes) {
  std::vector<std::uint64_t> starts;
  for (std::size_t at = 0; at < bytes.size();) {
    starts.push_back(at);
    const std::size_t lf = bytes.find('\n', at);
    if (lf == std::string::npos) break;
    at = lf + 1;
  }
  return starts;
}

struct Record {
  std::string file;
  std::uint64_t start;
  bool operator==(const Record&) const = default;
};

// What each shard's reader returns, in shard order: the records that start
// in its part of each file.
std::vector<Record> records_in_shard_order(const std::vector<TestFile>& files,
                                           const std::vector<std::vector<InputFile>>& plans) {
  std::vector<Record> out;
  for (const std::vector<InputFile>& plan : plans) {
    for (const InputFile& part : plan) {
      const TestFile& f = *std::find_if(files.begin(), files.end(),
                                        [&](const TestFile& t) { return t.name == part.name; });
      for (std::uint64_t start : line_starts(f.bytes)) {
        if (start >= part.part_begin && start < part.part_end) out.push_back({f.name, start});
      }
    }
  }
  return out;
}

std::vector<Record> records_in_input_order(const std::vector<TestFile>& files) {
  std::vector<Record> out;
  for (const TestFile& f : files) {
    for (std::uint64_t start : line_starts(f.bytes)) out.push_back({f.name, start});
  }
  return out;
}

// Each file's parts across all shards tile it: from 0 to its end, no gap, no overlap.
void check_tiling(const std::vector<TestFile>& files,
                  const std::vector<std::vector<InputFile>>& plans) {
  for (const TestFile& f : files) {
    std::vector<std::pair<std::uint64_t, std::uint64_t>> parts;
    for (const auto& plan : plans) {
      for (const InputFile& p : plan) {
        if (p.name == f.name) parts.emplace_back(p.part_begin, p.part_end);
      }
    }
    INFO(f.name << " of " << f.bytes.size() << " bytes");
    REQUIRE_FALSE(parts.empty());
    std::sort(parts.begin(), parts.end());
    CHECK(parts.front().first == 0);
    CHECK(parts.back().second == UINT64_MAX);
    for (std::size_t i = 0; i + 1 < parts.size(); ++i) {
      CHECK(parts[i].second == parts[i + 1].first);
      CHECK(parts[i].first < parts[i].second);
    }
    if (!f.splittable) CHECK(parts.size() == 1);
  }
}

std::string jsonl_lines(std::size_t count, std::size_t seed) {
  std::string out;
  std::mt19937 random(static_cast<std::uint32_t>(seed));
  for (std::size_t i = 0; i < count; ++i) {
    out += R"({"id": "afp-)" + std::to_string(i) + R"(", "text": ")";
    const std::size_t words = 1 + random() % 40;
    for (std::size_t w = 0; w < words; ++w) out += w % 3 == 0 ? "بيروت " : "قال المتحدث ";
    out += "\"}\n";
  }
  return out;
}

}  // namespace

TEST_CASE("split plan spreads one large file evenly over the shards", "[split]") {
  const std::vector<TestFile> files = {{"corpus.jsonl", jsonl_lines(2000, 1)}};
  const auto plans = plan_all(files, 16);
  check_tiling(files, plans);
  CHECK(records_in_shard_order(files, plans) == records_in_input_order(files));
  const std::uint64_t size = files[0].bytes.size();
  for (unsigned k = 0; k < 16; ++k) {
    REQUIRE(plans[k].size() == 1);
    const std::uint64_t end = std::min(plans[k][0].part_end, size);
    const std::uint64_t bytes = end - plans[k][0].part_begin;
    CHECK(bytes >= size / 16);
    CHECK(bytes <= size / 16 + 1);
  }
}

TEST_CASE("split plan hands each of many small files to the shard where it starts", "[split]") {
  std::vector<TestFile> files;
  for (int i = 0; i < 40; ++i) {
    files.push_back({"wire-" + std::to_string(i) + ".jsonl", jsonl_lines(3 + i % 5, i)});
  }
  for (unsigned count : {1u, 2u, 3u, 7u, 40u, 100u}) {
    INFO(count << " shards");
    const auto plans = plan_all(files, count);
    check_tiling(files, plans);
    CHECK(records_in_shard_order(files, plans) == records_in_input_order(files));
  }
}

TEST_CASE("split plan gives files it cannot split to one shard whole", "[split]") {
  std::vector<TestFile> files = {{"a.jsonl", jsonl_lines(100, 2)},
                                 {"b.jsonl.gz", jsonl_lines(300, 3), false},
                                 {"c.jsonl", jsonl_lines(100, 4)}};
  const auto plans = plan_all(files, 8);
  check_tiling(files, plans);
  CHECK(records_in_shard_order(files, plans) == records_in_input_order(files));
  int holders = 0;
  for (const auto& plan : plans) {
    for (const InputFile& p : plan) {
      if (p.name != "b.jsonl.gz") continue;
      ++holders;
      CHECK(p.part_begin == 0);
      CHECK(p.part_end == UINT64_MAX);
    }
  }
  CHECK(holders == 1);
}

TEST_CASE("split plan copes with empty and tiny files and more shards than records", "[split]") {
  const std::vector<TestFile> files = {{"empty-1.txt", ""},
                                       {"one-byte.txt", "x"},
                                       {"empty-2.txt", ""},
                                       {"three.txt", "سطر\nسطر ثان\nسطر ثالث بلا فاصل"},
                                       {"empty-3.txt", ""}};
  for (unsigned count : {1u, 2u, 5u, 16u, 64u}) {
    INFO(count << " shards");
    const auto plans = plan_all(files, count);
    check_tiling(files, plans);
    CHECK(records_in_shard_order(files, plans) == records_in_input_order(files));
    // An empty file has no records but is still read once (read-text's
    // file mode makes it a document).
    for (const char* empty : {"empty-1.txt", "empty-2.txt", "empty-3.txt"}) {
      int holders = 0;
      for (const auto& plan : plans) {
        holders += static_cast<int>(std::count_if(
            plan.begin(), plan.end(), [&](const InputFile& p) { return p.name == empty; }));
      }
      CHECK(holders == 1);
    }
  }
}

TEST_CASE("split plan of inputs that are all empty gives them to the last shard", "[split]") {
  const std::vector<TestFile> files = {{"a.txt", ""}, {"b.txt", ""}};
  const auto plans = plan_all(files, 4);
  check_tiling(files, plans);
  CHECK(plans[3].size() == 2);
  CHECK(plans[0].empty());
}

TEST_CASE("split plan keeps every record exactly once for random inputs and shard counts",
          "[split]") {
  std::mt19937 random(20190307);
  for (int round = 0; round < 200; ++round) {
    std::vector<TestFile> files;
    const int file_count = 1 + static_cast<int>(random() % 6);
    for (int i = 0; i < file_count; ++i) {
      std::string bytes;
      const int lines = static_cast<int>(random() % 12);
      for (int l = 0; l < lines; ++l) {
        bytes += std::string(random() % 30, l % 2 == 0 ? 'a' : '\xd8');
        bytes += random() % 4 == 0 ? "\n\n" : "\n";  // blank lines too
      }
      if (random() % 3 == 0) bytes += "لا فاصل في آخره";
      files.push_back({"f" + std::to_string(i), bytes, random() % 4 != 0});
    }
    const auto count = static_cast<unsigned>(1 + random() % 20);
    INFO("round " << round << ", " << count << " shards");
    const auto plans = plan_all(files, count);
    check_tiling(files, plans);
    REQUIRE(records_in_shard_order(files, plans) == records_in_input_order(files));
  }
}
