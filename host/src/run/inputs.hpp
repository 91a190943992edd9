// What readers read: input patterns expanded to files, and each file opened
// as a byte stream with .gz/.zst decompressed on the fly.
#pragma once

#include <nahr/model/host_api.hpp>

#include <cstdint>
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

namespace nahr::host {

struct InputFile {
  std::string name;     // as shown in messages and document sources
  std::string path;     // "-" for stdin
  std::uint64_t size = 0;  // bytes on disk; 0 when unknown (stdin)
  // In a sharded run, the bytes whose records a splittable reader returns
  // (shard/split_plan.hpp); otherwise the whole file.
  std::uint64_t part_begin = 0;
  std::uint64_t part_end = UINT64_MAX;
};

struct ExpandedInputs {
  std::vector<InputFile> files;
  std::vector<std::string> errors;  // patterns that match nothing, unreadable dirs
};

// Expands files, directories (recursively, sorted), globs and "-" (stdin),
// in the order given; each file appears once.
ExpandedInputs expand_inputs(const std::vector<std::string>& patterns);

// Opens a file (or stdin). Compression is detected from the first bytes, so
// a .gz without its extension still reads; a damaged stream fails a read
// with a reason such as "truncated zstd stream".
std::unique_ptr<model::InputStream> open_input(const InputFile& file, std::string& error);

// True for a file whose byte offsets are those a reader sees: a regular
// file, not compressed. Only such files can be cut into parts.
bool is_plain_file(const InputFile& file);

}  // namespace nahr::host
