// --shard: K/N, and `auto` from the environment of Slurm, Grid Engine, AWS
// Batch, Kubernetes and MPI launchers; part and merged file names.
#include "shard/shard.hpp"

#include <unistd.h>

#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <map>

#include "shard/shard_paths.hpp"

using namespace nahr::host;
namespace fs = std::filesystem;

namespace {

Environment env_of(std::map<std::string, std::string, std::less<>> vars) {
  return [vars = std::move(vars)](std::string_view name) -> std::optional<std::string> {
    const auto it = vars.find(name);
    if (it == vars.end()) return std::nullopt;
    return it->second;
  };
}

const Environment kEmpty = env_of({});

Shard shard_of(std::string_view argument, const Environment& env = kEmpty) {
  const ShardChoice choice = choose_shard(argument, env);
  INFO(choice.error);
  REQUIRE(choice.shard);
  CHECK(choice.error.empty());
  return *choice.shard;
}

std::string error_of(std::string_view argument, const Environment& env = kEmpty) {
  const ShardChoice choice = choose_shard(argument, env);
  CHECK_FALSE(choice.shard);
  return choice.error;
}

}  // namespace

TEST_CASE("shard K/N names shard K of N counted from 0", "[shard]") {
  const Shard s = shard_of("3/16");
  CHECK(s.index == 3);
  CHECK(s.count == 16);
  CHECK(shard_of("0/1").count == 1);
  CHECK(choose_shard("15/16", kEmpty).origin == "--shard 15/16");
}

TEST_CASE("shard K/N refuses shards that do not exist and malformed arguments", "[shard]") {
  CHECK_THAT(error_of("16/16"), Catch::Contains("shard 16 does not exist in a run of 16 shards"));
  CHECK_THAT(error_of("0/0"), Catch::Contains("a shard count of 0"));
  for (const char* bad : {"3", "/4", "3/", "x/4", "-1/4", "3/4/5", "3 /4", ""}) {
    INFO(bad);
    CHECK_THAT(error_of(bad), Catch::Contains("expected K/N"));
  }
  CHECK_THAT(error_of("auto/"), Catch::Contains("expected auto or auto/N"));
  CHECK_THAT(error_of("automatic"), Catch::Contains("expected auto or auto/N"));
}

TEST_CASE("shard labels are zero-padded so parts sort in shard order", "[shard]") {
  CHECK(Shard{3, 16}.label() == "00003-of-00016");
  CHECK(Shard{0, 1}.label() == "00000-of-00001");
  CHECK(Shard{5, 123456}.label() == "000005-of-123456");
}

TEST_CASE("shard auto reads a Slurm array from its task id and minimum", "[shard]") {
  const Environment slurm = env_of({{"SLURM_ARRAY_JOB_ID", "4711"},
                                    {"SLURM_ARRAY_TASK_ID", "5"},
                                    {"SLURM_ARRAY_TASK_MIN", "2"},
                                    {"SLURM_ARRAY_TASK_MAX", "9"},
                                    {"SLURM_ARRAY_TASK_COUNT", "8"},
                                    {"SLURM_ARRAY_TASK_STEP", "1"}});
  const Shard s = shard_of("auto", slurm);
  CHECK(s.index == 3);
  CHECK(s.count == 8);
  CHECK(choose_shard("auto", slurm).origin == "Slurm array job 4711 task 5");
}

TEST_CASE("shard auto refuses Slurm arrays that are not consecutive task ids", "[shard]") {
  const Environment stepped = env_of({{"SLURM_ARRAY_TASK_ID", "4"},
                                      {"SLURM_ARRAY_TASK_MIN", "0"},
                                      {"SLURM_ARRAY_TASK_MAX", "12"},
                                      {"SLURM_ARRAY_TASK_COUNT", "4"},
                                      {"SLURM_ARRAY_TASK_STEP", "4"}});
  CHECK_THAT(error_of("auto", stepped), Catch::Contains("the array steps by 4"));
  // --array=1,5 (a list): no step, but the ids are not a run.
  const Environment list = env_of({{"SLURM_ARRAY_TASK_ID", "5"},
                                   {"SLURM_ARRAY_TASK_MIN", "1"},
                                   {"SLURM_ARRAY_TASK_MAX", "5"},
                                   {"SLURM_ARRAY_TASK_COUNT", "2"}});
  CHECK_THAT(error_of("auto", list), Catch::Contains("are not 2 consecutive numbers"));
  const Environment broken = env_of({{"SLURM_ARRAY_TASK_ID", "five"}});
  CHECK_THAT(error_of("auto", broken), Catch::Contains("SLURM_ARRAY_TASK_ID=five is not a number"));
  const Environment partial = env_of({{"SLURM_ARRAY_TASK_ID", "1"}});
  CHECK_THAT(error_of("auto", partial), Catch::Contains("SLURM_ARRAY_TASK_MIN is not set"));
}

TEST_CASE("shard auto/N takes the Slurm task id itself as the shard for re-submissions",
          "[shard]") {
  // sbatch --array=3,7 reruns shards 3 and 7 of 16: min 3, count 2.
  const Environment rerun = env_of({{"SLURM_ARRAY_TASK_ID", "7"},
                                    {"SLURM_ARRAY_TASK_MIN", "3"},
                                    {"SLURM_ARRAY_TASK_MAX", "7"},
                                    {"SLURM_ARRAY_TASK_COUNT", "2"}});
  const Shard s = shard_of("auto/16", rerun);
  CHECK(s.index == 7);
  CHECK(s.count == 16);
  CHECK_THAT(error_of("auto/4", rerun), Catch::Contains("shard 7 does not exist in a run of 4"));
}

TEST_CASE("shard auto reads Grid Engine task ids which count from 1 and may step", "[shard]") {
  const Environment sge = env_of({{"JOB_ID", "99"},
                                  {"SGE_TASK_ID", "3"},
                                  {"SGE_TASK_FIRST", "1"},
                                  {"SGE_TASK_LAST", "10"},
                                  {"SGE_TASK_STEPSIZE", "1"}});
  CHECK(shard_of("auto", sge).index == 2);
  CHECK(shard_of("auto", sge).count == 10);
  // qsub -t 1-10:3 runs tasks 1, 4, 7 and 10.
  const Environment stepped = env_of({{"SGE_TASK_ID", "7"},
                                      {"SGE_TASK_FIRST", "1"},
                                      {"SGE_TASK_LAST", "10"},
                                      {"SGE_TASK_STEPSIZE", "3"}});
  CHECK(shard_of("auto", stepped).index == 2);
  CHECK(shard_of("auto", stepped).count == 4);
  CHECK(shard_of("auto/10", sge).index == 2);
  // A job that is not an array says "undefined": no shard there.
  const Environment single = env_of({{"SGE_TASK_ID", "undefined"}});
  CHECK_THAT(error_of("auto", single), Catch::Contains("no array job or MPI launcher"));
}

TEST_CASE("shard auto reads MPI ranks from Open MPI and PMI launchers", "[shard]") {
  const Shard ompi =
      shard_of("auto", env_of({{"OMPI_COMM_WORLD_RANK", "2"}, {"OMPI_COMM_WORLD_SIZE", "4"}}));
  CHECK(ompi.index == 2);
  CHECK(ompi.count == 4);
  const Shard pmi = shard_of("auto", env_of({{"PMI_RANK", "0"}, {"PMI_SIZE", "3"}}));
  CHECK(pmi.index == 0);
  CHECK(pmi.count == 3);
}

TEST_CASE("shard auto takes the count from auto/N when the scheduler does not say it", "[shard]") {
  const Environment k8s = env_of({{"JOB_COMPLETION_INDEX", "5"}});
  CHECK_THAT(error_of("auto", k8s), Catch::Contains("give it as --shard auto/N"));
  const Shard s = shard_of("auto/8", k8s);
  CHECK(s.index == 5);
  CHECK(s.count == 8);
  const Environment aws = env_of({{"AWS_BATCH_JOB_ARRAY_INDEX", "1"}});
  CHECK_THAT(error_of("auto", aws), Catch::Contains("AWS Batch"));
  const Shard sized = shard_of(
      "auto", env_of({{"AWS_BATCH_JOB_ARRAY_INDEX", "1"}, {"AWS_BATCH_JOB_ARRAY_SIZE", "6"}}));
  CHECK(sized.index == 1);
  CHECK(sized.count == 6);
}

TEST_CASE("shard auto prefers an array job to an MPI rank and explains an empty environment",
          "[shard]") {
  const Environment both = env_of({{"SLURM_ARRAY_TASK_ID", "1"},
                                   {"SLURM_ARRAY_TASK_MIN", "0"},
                                   {"SLURM_ARRAY_TASK_MAX", "1"},
                                   {"SLURM_ARRAY_TASK_COUNT", "2"},
                                   {"PMI_RANK", "0"},
                                   {"PMI_SIZE", "1"}});
  CHECK(shard_of("auto", both).index == 1);
  const std::string error = error_of("auto");
  for (const char* name :
       {"SLURM_ARRAY_TASK_ID", "SGE_TASK_ID", "AWS_BATCH_JOB_ARRAY_INDEX", "JOB_COMPLETION_INDEX",
        "OMPI_COMM_WORLD_RANK", "PMI_RANK", "--shard K/N"}) {
    CHECK_THAT(error, Catch::Contains(name));
  }
}

TEST_CASE("shard parts are written beside the output with the shard before the extension",
          "[shard]") {
  const Shard s{3, 16};
  CHECK(part_path("out/afp.jsonl", s) == "out/afp.00003-of-00016.jsonl");
  CHECK(part_path("out/news", s) == "out/news.00003-of-00016");
  CHECK(part_path("out.d/news", s) == "out.d/news.00003-of-00016");
  CHECK(part_path("out/.hidden", s) == "out/.hidden.00003-of-00016");
  CHECK(part_path("out/2019.03.07.conllu", s) == "out/2019.03.07.00003-of-00016.conllu");
  CHECK(part_path("out/{shard}/afp.jsonl", s) == "out/00003-of-00016/afp.jsonl");
  CHECK(part_path("out/afp-{shard}.csv", s) == "out/afp-00003-of-00016.csv");
}

TEST_CASE("shard parts merge into the output without its placeholder", "[shard]") {
  CHECK(merged_path("out/afp.jsonl") == "out/afp.jsonl");
  CHECK(merged_path("out/{shard}/afp.jsonl") == "out/afp.jsonl");
  CHECK(merged_path("out/afp.{shard}.jsonl") == "out/afp.jsonl");
  CHECK(merged_path("out/afp-{shard}.csv") == "out/afp.csv");
  CHECK(merged_path("out/afp_{shard}") == "out/afp");
}

TEST_CASE("shard parts on disk tell the shard count they were written with", "[shard]") {
  const fs::path dir = fs::temp_directory_path() / ("nahr-parts-" + std::to_string(::getpid()));
  fs::remove_all(dir);
  fs::create_directories(dir);
  const std::string output = (dir / "afp.jsonl").string();
  CHECK(find_part_counts(output).counts.empty());
  for (unsigned k : {0u, 2u}) std::ofstream(part_path(output, Shard{k, 4})) << "{}\n";
  std::ofstream(dir / "afp.00001-of-00004.jsonl.partial") << "{}\n";  // a shard still running
  std::ofstream(dir / "afp.7-of-9.jsonl") << "{}\n";                  // not a name nahr writes
  CHECK(find_part_counts(output).counts == std::vector<unsigned>{4});
  std::ofstream(part_path(output, Shard{1, 2})) << "{}\n";
  CHECK(find_part_counts(output).counts == std::vector<unsigned>{2, 4});
  const std::string nested = (dir / "{shard}" / "afp.jsonl").string();
  fs::create_directories(dir / Shard{5, 8}.label());
  std::ofstream(part_path(nested, Shard{5, 8})) << "{}\n";
  CHECK(find_part_counts(nested).counts == std::vector<unsigned>{8});
  fs::remove_all(dir);
}
