// `nahr merge`: the parts a sharded run wrote, combined into the file a
// single run writes. Each output format has its own merge, chosen by the
// writer stage's name; each gives the single run's bytes (SQLite: its rows)
// when the parts were written with the same config.
#pragma once

#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "config/option_values.hpp"

namespace nahr::host {

class MergeError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

struct MergeJob {
  const std::vector<std::string>& parts;  // in shard order, all present
  const std::string& target;              // a file the merge creates
  const std::string& output;              // what `target` is renamed to once complete
  const OptionValues& options;            // the writer's, as validated
};

// Throws MergeError.
using MergeFunction = void (*)(const MergeJob&);

// The merge for a writer stage; nullptr for a format nahr cannot merge.
MergeFunction merge_function_for(std::string_view writer_stage);
// Writer stages nahr can merge, for messages.
std::string mergeable_writers();

// Format merges (one file each).
void merge_jsonl(const MergeJob& job);
void merge_csv(const MergeJob& job);
void merge_conllu(const MergeJob& job);
void merge_sqlite(const MergeJob& job);
void merge_html(const MergeJob& job);

// Quarantines are JSON Lines: the parts one after the other. Parts that do
// not exist (a shard with nothing quarantined) are skipped; nothing is
// written, and `target` is removed, when none exists. Returns the records.
std::uint64_t merge_quarantines(const std::vector<std::string>& parts, const std::string& target);

}  // namespace nahr::host
