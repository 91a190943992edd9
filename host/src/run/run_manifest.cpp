#include "run/run_manifest.hpp"

#include <fmt/core.h>
#include <simdjson.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>

namespace nahr::host {

namespace {

// FNV-1a: the fingerprint tells runs apart; it guards against mistakes,
// not against an adversary, who could edit the manifest anyway.
class Fingerprint {
 public:
  void add(std::string_view bytes) {
    for (const unsigned char c : bytes) hash_ = (hash_ ^ c) * 0x100000001b3ull;
    hash_ = (hash_ ^ 0xff) * 0x100000001b3ull;  // separates consecutive fields
  }
  void add(std::uint64_t n) { add(std::string_view(fmt::format("{}", n))); }
  std::string hex() const { return fmt::format("{:016x}", hash_); }

 private:
  std::uint64_t hash_ = 0xcbf29ce484222325ull;
};

}  // namespace

std::string manifest_path(const std::string& output) { return output + ".resume.json"; }

std::string pipeline_fingerprint(const PipelineConfig& config, const std::vector<InputFile>& files) {
  Fingerprint f;
  for (const StageConfig& stage : config.stages) {
    f.add(stage.id);
    f.add(stage.plugin);
    const nahr_options* options = stage.options.get();
    for (std::size_t i = 0; i < options->count; ++i) {
      const std::string name(options->values[i].name.data, options->values[i].name.size);
      f.add(name);
      f.add(stage.options.to_toml(name));
    }
    f.add(stage.output);
  }
  const PipelineSettings& s = config.settings;
  f.add(static_cast<std::uint64_t>(s.on_error));
  f.add(s.max_document_bytes);
  f.add(s.quarantine);
  for (const InputFile& file : files) {
    f.add(file.path);
    f.add(file.size);
  }
  return f.hex();
}

bool save_checkpoint(const std::string& path, const Checkpoint& c, std::string& error) {
  const std::string text = fmt::format(
      "{{\"fingerprint\":\"{}\",\"file\":{},\"record\":{},\"output_bytes\":{},"
      "\"quarantine_bytes\":{},\"read\":{},\"written\":{},\"quarantined\":{},\"skipped\":{}}}\n",
      c.fingerprint, c.file, c.record, c.output_bytes, c.quarantine_bytes, c.read, c.written,
      c.quarantined, c.skipped);
  const std::string temporary = path + ".tmp";
  std::FILE* file = std::fopen(temporary.c_str(), "wb");
  bool ok = file != nullptr && std::fwrite(text.data(), 1, text.size(), file) == text.size();
  if (file != nullptr) ok = std::fclose(file) == 0 && ok;
  ok = ok && std::rename(temporary.c_str(), path.c_str()) == 0;
  if (!ok) error = fmt::format("cannot write the run manifest {}: {}", path, std::strerror(errno));
  return ok;
}

std::optional<Checkpoint> load_checkpoint(const std::string& path, std::string& error) {
  std::error_code ec;
  if (!std::filesystem::exists(path, ec)) return std::nullopt;
  simdjson::dom::parser parser;
  simdjson::dom::element root;
  if (parser.load(path).get(root) != simdjson::SUCCESS) {
    error = fmt::format("{}: not a run manifest (unreadable JSON)", path);
    return std::nullopt;
  }
  Checkpoint c;
  std::string_view fingerprint;
  std::uint64_t file = 0;
  const bool ok =
      root["fingerprint"].get(fingerprint) == simdjson::SUCCESS &&
      root["file"].get(file) == simdjson::SUCCESS &&
      root["record"].get(c.record) == simdjson::SUCCESS &&
      root["output_bytes"].get(c.output_bytes) == simdjson::SUCCESS &&
      root["quarantine_bytes"].get(c.quarantine_bytes) == simdjson::SUCCESS &&
      root["read"].get(c.read) == simdjson::SUCCESS &&
      root["written"].get(c.written) == simdjson::SUCCESS &&
      root["quarantined"].get(c.quarantined) == simdjson::SUCCESS &&
      root["skipped"].get(c.skipped) == simdjson::SUCCESS;
  if (!ok) {
    error = fmt::format("{}: not a run manifest (a field is missing or has the wrong type)", path);
    return std::nullopt;
  }
  c.fingerprint = fingerprint;
  c.file = static_cast<std::size_t>(file);
  return c;
}

}  // namespace nahr::host
