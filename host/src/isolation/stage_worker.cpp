#include "isolation/stage_worker.hpp"

#include "cli/exit_codes.hpp"
#include "isolation/channel.hpp"
#include "isolation/document_codec.hpp"
#include "isolation/protocol.hpp"
#include "run/stage_instance.hpp"

#include <nahr/model/host_api.hpp>
#include <spdlog/spdlog.h>
#include <sys/mman.h>
#include <sys/prctl.h>
#include <unistd.h>

#include <csignal>
#include <deque>
#include <map>
#include <memory>

namespace nahr::host::isolation {

std::vector<std::string> WorkerArguments::to_argv() const {
  return {"nahr",       "--log-level",
          log_level,    "--log-format",
          log_format,   std::string(kStageWorkerCommand),
          "--channel",  std::to_string(channel_fd),
          "--progress", std::to_string(progress_fd),
          "--parent",   std::to_string(parent)};
}

std::optional<WorkerArguments> WorkerArguments::parse(const std::vector<std::string>& args) {
  WorkerArguments a;
  if (args.size() != 6 || args[0] != "--channel" || args[2] != "--progress" ||
      args[4] != "--parent") {
    return std::nullopt;
  }
  try {
    a.channel_fd = std::stoi(args[1]);
    a.progress_fd = std::stoi(args[3]);
    a.parent = static_cast<pid_t>(std::stol(args[5]));
  } catch (const std::exception&) {
    return std::nullopt;
  }
  return a;
}

namespace {

const Deadline kNoDeadline = [] { return Clock::time_point::max(); };

std::int64_t now_ns() {
  return std::chrono::duration_cast<std::chrono::nanoseconds>(Clock::now().time_since_epoch())
      .count();
}

class StageWorker {
 public:
  StageWorker(int channel_fd, WorkerProgress& progress)
      : channel_(channel_fd), progress_(progress) {}

  int run() {
    if (channel_.receive(frame_, kNoDeadline) != Io::ok) return kExitFatal;
    WireReader in(frame_);
    if (in.byte() != static_cast<std::uint8_t>(Message::setup) || !decode_setup(in, setup_)) {
      spdlog::error("stage worker: malformed setup");
      return kExitFatal;
    }
    if (!create_stages()) return kExitFatal;
    const StageIds stage_ids(
        std::vector<std::string_view>(setup_.pipeline_ids.begin(), setup_.pipeline_ids.end()));
    while (channel_.receive(frame_, kNoDeadline) == Io::ok) {
      WireReader request(frame_);
      if (request.byte() != static_cast<std::uint8_t>(Message::process)) {
        spdlog::error("stage worker: unexpected message");
        return kExitFatal;
      }
      if (const char* reason = decoder_.decode(request, stage_ids, doc_)) {
        spdlog::error("stage worker: malformed document: {}", reason);
        return kExitFatal;
      }
      process();
      if (channel_.send(reply_, kNoDeadline) != Io::ok) return kExitFatal;
    }
    return kExitSuccess;  // the host closed the socket: the run is over
  }

 private:
  // Loads each plugin once and creates the stages; tells the host which one
  // failed, if any.
  bool create_stages() {
    std::string error;
    for (std::size_t i = 0; i < setup_.stages.size(); ++i) {
      StageSpec& spec = setup_.stages[i];
      StageConfig& config = configs_.emplace_back();
      config.id = spec.id;
      config.options = std::move(spec.options);
      config.stage = resolve(spec, error);
      std::unique_ptr<StageInstance> instance;
      if (config.stage) instance = StageInstance::create(config, error);
      if (instance == nullptr) {
        send_setup_failed(i, error);
        return false;
      }
      stages_.push_back(std::move(instance));
    }
    Channel::begin_frame(reply_);
    reply_.push_back(static_cast<char>(Message::ready));
    Channel::end_frame(reply_);
    return channel_.send(reply_, kNoDeadline) == Io::ok;
  }

  StageRef resolve(const StageSpec& spec, std::string& error) {
    auto it = libraries_.find(spec.library);
    if (it == libraries_.end()) {
      auto loaded = PluginLibrary::load(spec.library);
      if (auto* message = std::get_if<std::string>(&loaded)) {
        error = *message;
        return {};
      }
      it = libraries_.emplace(spec.library, std::move(std::get<0>(loaded))).first;
    }
    const PluginLibrary& library = *it->second;
    const nahr_stage_descriptor* stage = library.stage(spec.stage);
    if (stage == nullptr) error = "the plugin no longer has stage '" + spec.stage + "'";
    return {&library, stage};
  }

  void send_setup_failed(std::size_t stage, std::string_view error) {
    Channel::begin_frame(reply_);
    WireWriter w(reply_);
    w.byte(static_cast<std::uint8_t>(Message::setup_failed));
    w.varint(stage);
    w.bytes(error);
    Channel::end_frame(reply_);
    channel_.send(reply_, kNoDeadline);
  }

  void process() {
    header_.status = NAHR_OK;
    header_.failed_stage = 0;
    header_.timings.clear();
    for (std::size_t s = 0; s < stages_.size(); ++s) {
      StageInstance& stage = *stages_[s];
      const std::int64_t started = now_ns();
      progress_.started_ns.store(started, std::memory_order_relaxed);
      progress_.stage.store(static_cast<std::uint32_t>(s), std::memory_order_release);
      doc_.current_stage = stage.id();
      slot_.message.clear();
      const nahr_status status =
          stage.vtable().process(stage.handle(), model::as_handle(doc_), model::as_handle(slot_));
      header_.timings.push_back(
          StageTiming{static_cast<std::uint64_t>(now_ns() - started), doc_.text().size()});
      if (status != NAHR_OK) {
        header_.status = status;
        header_.failed_stage = s;
        break;
      }
    }
    header_.message = slot_.message;
    Channel::begin_frame(reply_);
    reply_.push_back(static_cast<char>(Message::result));
    encode_result_header(header_, reply_);
    encoder_.encode(doc_, reply_);
    Channel::end_frame(reply_);
  }

  Channel channel_;
  WorkerProgress& progress_;
  Setup setup_;
  std::map<std::string, std::unique_ptr<PluginLibrary>> libraries_;
  std::deque<StageConfig> configs_;  // stable addresses: instances keep views of their ids
  std::vector<std::unique_ptr<StageInstance>> stages_;

  std::string frame_, reply_;
  DocumentDecoder decoder_;
  DocumentEncoder encoder_;
  model::Document doc_;
  model::ErrorSlot slot_;
  ResultHeader header_;
};

}  // namespace

int stage_worker_command(const std::vector<std::string>& args) {
  const std::optional<WorkerArguments> arguments = WorkerArguments::parse(args);
  if (!arguments) {
    spdlog::error("{} is started by nahr run with process isolation, not by hand",
                  kStageWorkerCommand);
    return kExitUsage;
  }
  // The host decides when a worker ends: a Ctrl-C meant for the host
  // (which finishes the documents in flight) must not kill it, and neither
  // may it outlive the host. (The death signal comes when the host thread
  // that spawned the worker ends; those threads live as long as the run.)
  std::signal(SIGINT, SIG_IGN);
  std::signal(SIGTERM, SIG_IGN);
  ::prctl(PR_SET_PDEATHSIG, SIGKILL);
  if (::getppid() != arguments->parent) return kExitFatal;

  void* shared = ::mmap(nullptr, sizeof(WorkerProgress), PROT_READ | PROT_WRITE, MAP_SHARED,
                        arguments->progress_fd, 0);
  ::close(arguments->progress_fd);
  if (shared == MAP_FAILED) return kExitFatal;
  return StageWorker(arguments->channel_fd, *static_cast<WorkerProgress*>(shared)).run();
}

}  // namespace nahr::host::isolation
