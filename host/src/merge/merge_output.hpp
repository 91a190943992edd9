// The file a merge writes: whole byte ranges of parts copied by the kernel
// (copy_file_range), and small rewritten pieces through a buffer.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace nahr::host {

class MergeOutput {
 public:
  // Creates (or truncates) `path`; throws MergeError.
  explicit MergeOutput(std::string path);
  ~MergeOutput();
  MergeOutput(const MergeOutput&) = delete;
  MergeOutput& operator=(const MergeOutput&) = delete;

  void write(std::string_view bytes);
  // Appends `file` from byte `from` to its end.
  void append_file(const std::string& file, std::uint64_t from = 0);
  // Flushes and closes; throws MergeError when the data did not reach the file.
  void close();

  std::uint64_t bytes() const { return bytes_; }

 private:
  void flush();

  std::string path_;
  int fd_ = -1;
  std::string buffer_;
  std::uint64_t bytes_ = 0;
};

// Line feeds in a file.
std::uint64_t count_lines(const std::string& path);

// The first `max_bytes` of a file (for the small pieces of a format a merge
// reads: headers); throws MergeError.
std::string read_file_prefix(const std::string& path, std::size_t max_bytes);

}  // namespace nahr::host
