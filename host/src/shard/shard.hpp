// Which shard of a sharded run this process is: `--shard K/N`, or
// `--shard auto` read from the environment a scheduler's array job or MPI
// launcher sets.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <string_view>

namespace nahr::host {

struct Shard {
  unsigned index = 0;  // 0-based
  unsigned count = 1;

  // "00003-of-00016": zero-padded to at least five digits, so part files
  // sort in shard order.
  std::string label() const;
};

// Looks up an environment variable; std::getenv in a run, a map in tests.
using Environment = std::function<std::optional<std::string>(std::string_view)>;
Environment process_environment();

struct ShardChoice {
  std::optional<Shard> shard;  // set when `error` is empty
  std::string error;
  std::string origin;  // where it came from: "--shard", "Slurm array job 4711", ...
};

// Parses the argument of --shard:
//   K/N       shard K (0-based) of N;
//   auto      index and count from the scheduler's environment;
//   auto/N    index from the environment, count N (for schedulers that do
//             not say the count, and for a re-submission of some shards).
ShardChoice choose_shard(std::string_view argument, const Environment& env);

}  // namespace nahr::host
