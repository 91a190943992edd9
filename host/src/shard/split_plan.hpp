// Which inputs, and which bytes of them, one shard of a sharded run reads.
//
// Like Hadoop's input splits: the inputs, in their expanded order, are laid
// end to end as one run of bytes, and shard k of N takes the k-th of N equal
// byte ranges of it. A file that a range boundary cuts is split there when
// it can be (a plain file and a splittable reader): each shard reads its
// part, and the reader returns the records that start in it, so a record
// that straddles a boundary belongs to the shard where it starts. A file
// that cannot be split is read whole by the shard where it starts. Every
// shard computes the same plan from the same inputs, so every record lands
// in exactly one shard, and the shards in order hold the records in input
// order: one huge JSONL file spreads as evenly as many small ones.
#pragma once

#include <functional>
#include <vector>

#include "config/pipeline_config.hpp"
#include "run/inputs.hpp"
#include "shard/shard.hpp"

namespace nahr::host {

// Whether a file may be cut into parts; asked only of files a boundary cuts.
using CanSplit = std::function<bool(const InputFile&)>;

// The files of `shard`, in input order, each with the part to read
// (part_begin, part_end); a part that runs to the end of its file ends at
// UINT64_MAX, so that what lies at the very end (an unclosed array) has a
// shard too. Empty files belong to the shard where they start.
std::vector<InputFile> plan_shard(const std::vector<InputFile>& files, const Shard& shard,
                                  const CanSplit& can_split);

// Plain files, when the reader is flagged NAHR_STAGE_SPLITTABLE.
CanSplit splittable_inputs_of(const StageConfig& reader);

}  // namespace nahr::host
