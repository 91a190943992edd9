// A file, or standard output, written through a large buffer with plain
// write(2). Every failure is a nahr::FatalError naming the path and the
// system's reason, so a full disk or a closed pipe stops the run loudly.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace nahr::write_conllu {

class OutputFile {
 public:
  OutputFile() = default;
  OutputFile(const OutputFile&) = delete;
  OutputFile& operator=(const OutputFile&) = delete;
  // Releases the descriptor without writing: only close() commits the
  // buffered tail, so a stage torn down after a failure does not retry.
  ~OutputFile();

  // Opens `path` for writing, truncating it; "-" is standard output.
  void open(std::string_view path);

  // Where callers append output; written out by flush_if_full() and close().
  std::string& buffer() { return buffer_; }
  void flush_if_full() {
    if (buffer_.size() >= kFlushSize) flush();
  }

  // Writes what is buffered and closes; reports any error of either.
  void close();

 private:
  static constexpr std::size_t kFlushSize = std::size_t{1} << 20;

  void flush();
  [[noreturn]] void fail(std::string_view action, int error) const;

  std::string path_;
  int fd_ = -1;
  bool owns_fd_ = false;
  std::string buffer_;
};

}  // namespace nahr::write_conllu
