#include "shard/split_plan.hpp"

#include <algorithm>

namespace nahr::host {

namespace {

// Shard k's bytes are [boundary(k), boundary(k + 1)) of the whole run.
class Boundaries {
 public:
  Boundaries(std::uint64_t total, unsigned count) : total_(total), count_(count) {}

  // floor(total * k / count) without overflow: total = q * count + r.
  std::uint64_t operator()(unsigned k) const {
    const std::uint64_t q = total_ / count_, r = total_ % count_;
    return q * k + r * k / count_;
  }

  // The shard whose range holds byte `at`; the last one for the very end.
  unsigned owner(std::uint64_t at) const {
    if (at >= total_) return count_ - 1;
    // An estimate, then exact steps to the shard with boundary(k) <= at < boundary(k + 1).
    auto k = static_cast<unsigned>(static_cast<long double>(at) * count_ /
                                   static_cast<long double>(total_));
    k = std::min(k, count_ - 1);
    while (k + 1 < count_ && (*this)(k + 1) <= at) ++k;
    while (k > 0 && (*this)(k) > at) --k;
    return k;
  }

 private:
  std::uint64_t total_;
  unsigned count_;
};

}  // namespace

std::vector<InputFile> plan_shard(const std::vector<InputFile>& files, const Shard& shard,
                                  const CanSplit& can_split) {
  std::uint64_t total = 0;
  for (const InputFile& f : files) total += f.size;
  const Boundaries boundary(total, shard.count);
  const std::uint64_t mine_begin = boundary(shard.index);
  const std::uint64_t mine_end = boundary(shard.index + 1);

  std::vector<InputFile> mine;
  std::uint64_t at = 0;  // where the file starts in the whole run
  for (const InputFile& file : files) {
    const std::uint64_t file_begin = at, file_end = at + file.size;
    at = file_end;
    const unsigned first = boundary.owner(file_begin);
    // The shard holding the file's last byte; an empty file has none.
    const unsigned last = file.size == 0 ? first : boundary.owner(file_end - 1);
    if (shard.index < first || shard.index > last) continue;
    if (first == last || !can_split(file)) {
      if (shard.index == first) mine.push_back(file);
      continue;
    }
    if (mine_begin == mine_end) continue;  // more shards than bytes: this one has none
    InputFile part = file;
    part.part_begin = std::max(mine_begin, file_begin) - file_begin;
    part.part_end = mine_end >= file_end ? UINT64_MAX : mine_end - file_begin;
    mine.push_back(std::move(part));
  }
  return mine;
}

CanSplit splittable_inputs_of(const StageConfig& reader) {
  if ((reader.stage.stage->flags & NAHR_STAGE_SPLITTABLE) == 0) {
    return [](const InputFile&) { return false; };
  }
  return is_plain_file;
}

}  // namespace nahr::host
