#include <spdlog/spdlog.h>

#include <filesystem>

#include "cli/cli_support.hpp"
#include "cli/commands.hpp"
#include "cli/exit_codes.hpp"
#include "submit/slurm_submit.hpp"

namespace nahr::host {

namespace {

// The overrides the shards must run with, as given here.
std::vector<std::string> forwarded_overrides(const po::variables_map& vm) {
  std::vector<std::string> args;
  if (vm.count("set")) {
    for (const std::string& s : vm["set"].as<std::vector<std::string>>()) {
      args.insert(args.end(), {"--set", s});
    }
  }
  if (vm.count("input")) {
    for (const std::string& i : vm["input"].as<std::vector<std::string>>()) {
      args.insert(args.end(), {"--input", i});
    }
  }
  if (vm.count("output")) args.insert(args.end(), {"--output", vm["output"].as<std::string>()});
  return args;
}

std::string this_executable() {
  std::error_code ec;
  const std::filesystem::path self = std::filesystem::read_symlink("/proc/self/exe", ec);
  return ec ? std::string("nahr") : self.string();
}

}  // namespace

int submit_command(const Args& args) {
  po::options_description visible("Options");
  visible.add_options()("help,h", "show this help")(
      "engine", po::value<std::string>()->default_value("slurm"), "the scheduler: slurm")(
      "shards", po::value<unsigned>()->required(), "how many shards (array tasks) to run")(
      "max-parallel", po::value<unsigned>(),
      "run at most this many shards at once (the array's %P)")(
      "partition", po::value<std::string>(), "Slurm partition")(
      "time", po::value<std::string>(), "time limit per shard (e.g. 2:00:00)")(
      "account", po::value<std::string>(), "Slurm account to charge")(
      "mem", po::value<std::string>(), "memory per shard (e.g. 4G)")(
      "cpus-per-task", po::value<unsigned>(), "cores per shard; the shard runs that many threads")(
      "sbatch", po::value<std::vector<std::string>>()->composing(),
      "another #SBATCH line for the script, as sbatch spells the option and its value; "
      "repeatable")(
      "nahr", po::value<std::string>(),
      "the program the tasks run instead of this nahr (a wrapper that loads modules or enters a "
      "container)")("wait", "follow the job; when every shard has finished, merge the parts")(
      "retry-failed", "submit only the shards without a finished part (after a failure)")(
      "retries", po::value<unsigned>()->default_value(0),
      "with --wait: resubmit failed shards up to this many times")(
      "poll", po::value<double>()->default_value(5.0), "with --wait: seconds between squeue calls")(
      "dry-run", "write the sbatch script, submit nothing");
  visible.add(pipeline_override_options());
  po::options_description hidden;
  hidden.add_options()("config", po::value<std::string>()->required(), "pipeline TOML");
  po::positional_options_description positional;
  positional.add("config", 1);
  po::variables_map vm;
  const std::string usage =
      "Usage: nahr submit CONFIG --shards N [--engine slurm] [--max-parallel P] [--partition P]\n"
      "                   [--time T] [--wait [--retries R]] [--retry-failed] [--dry-run] ...\n"
      "Writes a Slurm array script beside the output (out/x.jsonl.sbatch, logs in\n"
      "out/x.jsonl.logs/), one task per shard, and submits it with sbatch. With --wait it\n"
      "follows the job, names the shards that failed, and merges the parts when all finished.\n"
      "Exit 0: submitted (or merged); 1: merged, some documents quarantined; 2: bad config or\n"
      "sbatch failed; 3: shards failed.";
  if (auto exit = parse_command_line(args, usage, visible, positional, hidden, vm)) return *exit;
  if (vm["engine"].as<std::string>() != "slurm") {
    spdlog::error(
        "--engine {}: the engine nahr submits to is slurm (for other schedulers, run "
        "`nahr run CONFIG --shard auto` from their array jobs; see docs/scaling.md)",
        vm["engine"].as<std::string>());
    return kExitUsage;
  }

  PluginRegistry registry = PluginRegistry::from_environment();
  const std::string config_file = vm["config"].as<std::string>();
  const std::optional<PipelineConfig> config =
      load_or_report(config_file, overrides_from(vm), registry);
  if (!config) return kExitUsage;

  SubmitOptions options;
  SlurmJob& job = options.job;
  job.shards = vm["shards"].as<unsigned>();
  if (job.shards == 0) {
    spdlog::error("--shards must be at least 1");
    return kExitUsage;
  }
  if (vm.count("max-parallel")) job.max_parallel = vm["max-parallel"].as<unsigned>();
  if (vm.count("partition")) job.partition = vm["partition"].as<std::string>();
  if (vm.count("time")) job.time = vm["time"].as<std::string>();
  if (vm.count("account")) job.account = vm["account"].as<std::string>();
  if (vm.count("mem")) job.memory = vm["mem"].as<std::string>();
  if (vm.count("cpus-per-task")) job.cpus_per_task = vm["cpus-per-task"].as<unsigned>();
  if (vm.count("sbatch")) job.sbatch_options = vm["sbatch"].as<std::vector<std::string>>();
  if (vm.count("threads")) job.threads = vm["threads"].as<unsigned>();
  std::error_code ec;
  job.working_directory = std::filesystem::current_path(ec).string();
  const std::string nahr = vm.count("nahr") ? vm["nahr"].as<std::string>() : this_executable();
  const std::string config_path =
      std::filesystem::absolute(config_file).lexically_normal().string();
  const std::vector<std::string> overrides = forwarded_overrides(vm);
  job.run = {nahr, "run", config_path, "--quiet"};
  job.run.insert(job.run.end(), overrides.begin(), overrides.end());
  job.merge = {"nahr", "merge", config_path, "--shards", std::to_string(job.shards)};
  job.merge.insert(job.merge.end(), overrides.begin(), overrides.end());

  options.wait = vm.count("wait") != 0;
  options.retry_failed = vm.count("retry-failed") != 0;
  options.retries = vm["retries"].as<unsigned>();
  options.dry_run = vm.count("dry-run") != 0;
  options.poll = std::chrono::milliseconds(static_cast<long>(vm["poll"].as<double>() * 1000));
  return submit_to_slurm(*config, std::move(options));
}

}  // namespace nahr::host
