#include "shard/shard.hpp"

#include <fmt/core.h>

#include <algorithm>
#include <charconv>
#include <cstdlib>
#include <limits>

namespace nahr::host {

namespace {

std::optional<unsigned long long> parse_number(std::string_view text) {
  unsigned long long value = 0;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec != std::errc() || end != text.data() + text.size() || text.empty()) return std::nullopt;
  return value;
}

ShardChoice failure(std::string message) {
  return ShardChoice{std::nullopt, std::move(message), {}};
}

ShardChoice checked(unsigned long long index, unsigned long long count, std::string origin) {
  if (count == 0) return failure(fmt::format("{}: a shard count of 0", origin));
  if (count > std::numeric_limits<unsigned>::max()) {
    return failure(fmt::format("{}: {} shards are too many", origin, count));
  }
  if (index >= count) {
    return failure(
        fmt::format("{}: shard {} does not exist in a run of {} shards (they are "
                    "numbered from 0 to {})",
                    origin, index, count, count - 1));
  }
  return ShardChoice{
      Shard{static_cast<unsigned>(index), static_cast<unsigned>(count)}, {}, std::move(origin)};
}

// One scheduler's view of the environment: its variables are read as
// numbers, and the first that is missing or not a number is the error.
class Variables {
 public:
  explicit Variables(const Environment& env) : env_(env) {}

  bool has(std::string_view name) const { return env_(name).has_value(); }

  std::optional<unsigned long long> number(std::string_view name) {
    const std::optional<std::string> value = env_(name);
    if (!value) {
      if (error_.empty()) error_ = fmt::format("{} is not set", name);
      return std::nullopt;
    }
    std::optional<unsigned long long> n = parse_number(*value);
    if (!n && error_.empty()) error_ = fmt::format("{}={} is not a number", name, *value);
    return n;
  }
  std::string value(std::string_view name) const { return env_(name).value_or("?"); }
  const std::string& error() const { return error_; }

 private:
  const Environment& env_;
  std::string error_;
};

using Count = std::optional<unsigned long long>;  // from `auto/N`

// Slurm: `sbatch --array=0-15` runs tasks SLURM_ARRAY_TASK_ID 0..15.
// `auto` counts from SLURM_ARRAY_TASK_MIN, so --array=1-16 works too;
// `auto/N` takes the task id as the shard, which is what a re-submission
// of some shards (--array=3,7) needs.
std::optional<ShardChoice> from_slurm(const Environment& env, Count given) {
  Variables v(env);
  if (!v.has("SLURM_ARRAY_TASK_ID")) return std::nullopt;
  const std::string origin = fmt::format(
      "Slurm array job {} task {}", v.value("SLURM_ARRAY_JOB_ID"), v.value("SLURM_ARRAY_TASK_ID"));
  const auto id = v.number("SLURM_ARRAY_TASK_ID");
  if (given) {
    if (!id) return failure(fmt::format("{}: {}", origin, v.error()));
    return checked(*id, *given, origin);
  }
  const auto min = v.number("SLURM_ARRAY_TASK_MIN");
  const auto max = v.number("SLURM_ARRAY_TASK_MAX");
  const auto count = v.number("SLURM_ARRAY_TASK_COUNT");
  if (!id || !min || !max || !count) return failure(fmt::format("{}: {}", origin, v.error()));
  if (v.has("SLURM_ARRAY_TASK_STEP")) {
    const auto step = v.number("SLURM_ARRAY_TASK_STEP");
    if (!step) return failure(fmt::format("{}: {}", origin, v.error()));
    if (*step != 1) {
      return failure(
          fmt::format("{}: the array steps by {} (SLURM_ARRAY_TASK_STEP); shards "
                      "need consecutive task ids: use --array={}-{} or --shard auto/N",
                      origin, *step, *min, *min + *count - 1));
    }
  }
  if (*max < *min || *max - *min + 1 != *count) {
    return failure(
        fmt::format("{}: task ids {}..{} are not {} consecutive numbers (an array "
                    "such as --array=1,5,9 is not a run of shards); use --shard "
                    "auto/N with task ids 0..N-1",
                    origin, *min, *max, *count));
  }
  return checked(*id - *min, *count, origin);
}

// Grid Engine (SGE, Son of Grid Engine, Univa/Altair): `qsub -t 1-16` runs
// SGE_TASK_ID 1..16 (never 0). A job that is not an array has
// SGE_TASK_ID=undefined.
std::optional<ShardChoice> from_grid_engine(const Environment& env, Count given) {
  Variables v(env);
  if (!v.has("SGE_TASK_ID") || v.value("SGE_TASK_ID") == "undefined") return std::nullopt;
  const std::string origin =
      fmt::format("Grid Engine job {} task {}", v.value("JOB_ID"), v.value("SGE_TASK_ID"));
  const auto id = v.number("SGE_TASK_ID");
  if (given) {
    if (!id) return failure(fmt::format("{}: {}", origin, v.error()));
    if (*id == 0) return failure(fmt::format("{}: SGE_TASK_ID counts from 1", origin));
    return checked(*id - 1, *given, origin);
  }
  const auto first = v.number("SGE_TASK_FIRST");
  const auto last = v.number("SGE_TASK_LAST");
  const auto step = v.has("SGE_TASK_STEPSIZE") ? v.number("SGE_TASK_STEPSIZE") : Count(1);
  if (!id || !first || !last || !step) return failure(fmt::format("{}: {}", origin, v.error()));
  if (*step == 0 || *last < *first || *id < *first || (*id - *first) % *step != 0) {
    return failure(
        fmt::format("{}: task {} is not in {}-{}:{}", origin, *id, *first, *last, *step));
  }
  return checked((*id - *first) / *step, (*last - *first) / *step + 1, origin);
}

// A scheduler that gives an index and maybe a count: AWS Batch array jobs,
// Kubernetes indexed jobs, MPI launchers.
std::optional<ShardChoice> from_index(const Environment& env, Count given, std::string_view what,
                                      std::string_view index_name, std::string_view count_name) {
  Variables v(env);
  if (!v.has(index_name)) return std::nullopt;
  const std::string origin = fmt::format("{} ({}={})", what, index_name, v.value(index_name));
  const auto index = v.number(index_name);
  if (!index) return failure(fmt::format("{}: {}", origin, v.error()));
  if (given) return checked(*index, *given, origin);
  if (count_name.empty() || !v.has(count_name)) {
    return failure(
        fmt::format("{}: the environment does not say how many shards there are; "
                    "give it as --shard auto/N",
                    origin));
  }
  const auto count = v.number(count_name);
  if (!count) return failure(fmt::format("{}: {}", origin, v.error()));
  return checked(*index, *count, origin);
}

}  // namespace

std::string Shard::label() const {
  const int width = std::max<int>(5, static_cast<int>(std::to_string(count).size()));
  return fmt::format("{:0{}}-of-{:0{}}", index, width, count, width);
}

Environment process_environment() {
  return [](std::string_view name) -> std::optional<std::string> {
    const char* value = std::getenv(std::string(name).c_str());
    if (value == nullptr) return std::nullopt;
    return std::string(value);
  };
}

ShardChoice choose_shard(std::string_view argument, const Environment& env) {
  const std::string_view kAuto = "auto";
  if (!argument.starts_with(kAuto)) {
    const std::size_t slash = argument.find('/');
    const auto index = parse_number(argument.substr(0, slash));
    const auto count =
        slash == std::string_view::npos ? std::nullopt : parse_number(argument.substr(slash + 1));
    if (!index || !count) {
      return failure(
          fmt::format("--shard {}: expected K/N (shard K of N, from 0), auto or "
                      "auto/N",
                      argument));
    }
    return checked(*index, *count, fmt::format("--shard {}", argument));
  }

  Count given;
  if (argument != kAuto) {
    given = argument.substr(kAuto.size(), 1) == "/"
                ? parse_number(argument.substr(kAuto.size() + 1))
                : std::nullopt;
    if (!given) return failure(fmt::format("--shard {}: expected auto or auto/N", argument));
  }
  // Array jobs first: an MPI program inside an array task is still one shard.
  const std::function<std::optional<ShardChoice>()> sources[] = {
      [&] { return from_slurm(env, given); },
      [&] { return from_grid_engine(env, given); },
      [&] {
        return from_index(env, given, "AWS Batch array job", "AWS_BATCH_JOB_ARRAY_INDEX",
                          "AWS_BATCH_JOB_ARRAY_SIZE");
      },
      [&] { return from_index(env, given, "Kubernetes indexed job", "JOB_COMPLETION_INDEX", ""); },
      [&] {
        return from_index(env, given, "Open MPI", "OMPI_COMM_WORLD_RANK", "OMPI_COMM_WORLD_SIZE");
      },
      [&] { return from_index(env, given, "MPI (PMI)", "PMI_RANK", "PMI_SIZE"); },
  };
  for (const auto& source : sources) {
    if (std::optional<ShardChoice> found = source()) return *found;
  }
  return failure(
      "--shard auto: no array job or MPI launcher in the environment (looked for "
      "SLURM_ARRAY_TASK_ID, SGE_TASK_ID, AWS_BATCH_JOB_ARRAY_INDEX, JOB_COMPLETION_INDEX, "
      "OMPI_COMM_WORLD_RANK and PMI_RANK); give the shard as --shard K/N");
}

}  // namespace nahr::host
