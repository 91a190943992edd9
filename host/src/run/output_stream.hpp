// The output file of a stream writer, owned by the host. It is written as
// `<path>.partial` and renamed when the run completes, so a killed run never
// leaves a file under its final name that looks finished; "-" is standard
// output. Bytes go straight to the descriptor, one batch at a time, so
// bytes_written() is exactly what is on disk: what a resumed run keeps.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace nahr::host {

class OutputStream {
 public:
  OutputStream() = default;
  ~OutputStream();
  OutputStream(const OutputStream&) = delete;
  OutputStream& operator=(const OutputStream&) = delete;

  // A fresh output: any earlier <path>.partial is replaced. The partial is
  // created exclusively and never through a symbolic link, so a link planted
  // at that name cannot redirect the run's bytes into another file.
  bool open(const std::string& path, std::string& error);
  // Continues a killed run: keeps the first `keep` bytes of <path>.partial.
  bool reopen(const std::string& path, std::uint64_t keep, std::string& error);

  bool write(std::string_view bytes, std::string& error);
  std::uint64_t bytes_written() const { return written_; }

  // Closes and gives the partial its final name.
  bool commit(std::string& error);

  static std::string partial_path(const std::string& path) { return path + ".partial"; }

 private:
  bool fail(std::string_view what, std::string& error) const;

  std::string path_;
  int fd_ = -1;
  bool owns_fd_ = false;
  std::uint64_t written_ = 0;
};

}  // namespace nahr::host
