#include "run/inputs.hpp"

#include <fcntl.h>
#include <fmt/core.h>
#include <glob.h>
#include <unistd.h>
#include <zlib.h>
#include <zstd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <set>

namespace nahr::host {

namespace {

namespace fs = std::filesystem;

bool has_glob_chars(std::string_view s) { return s.find_first_of("*?[") != std::string_view::npos; }

void add_file(const fs::path& p, ExpandedInputs& out, std::set<std::string>& seen) {
  std::string path = p.string();
  if (!seen.insert(path).second) return;
  std::error_code ec;
  const auto size = fs::file_size(p, ec);
  out.files.push_back(InputFile{path, path, ec ? 0 : static_cast<std::uint64_t>(size)});
}

void add_directory(const fs::path& dir, ExpandedInputs& out, std::set<std::string>& seen) {
  std::vector<fs::path> files;
  std::error_code ec;
  for (fs::recursive_directory_iterator it(dir, fs::directory_options::skip_permission_denied, ec),
       end;
       !ec && it != end; it.increment(ec)) {
    if (it->is_regular_file()) files.push_back(it->path());
  }
  if (ec) out.errors.push_back(fmt::format("{}: cannot list directory: {}", dir.string(), ec.message()));
  std::sort(files.begin(), files.end());
  for (const fs::path& f : files) add_file(f, out, seen);
}

// Reads raw bytes from a file descriptor.
class FdReader {
 public:
  FdReader(int fd, bool owned) : fd_(fd), owned_(owned) {}
  ~FdReader() {
    if (owned_) ::close(fd_);
  }
  // Returns bytes read, 0 at end, -1 on error (errno set).
  ssize_t read(char* buffer, std::size_t capacity) {
    for (;;) {
      const ssize_t n = ::read(fd_, buffer, capacity);
      if (n >= 0 || errno != EINTR) return n;
    }
  }

 private:
  int fd_;
  bool owned_;
};

enum class Compression { none, gzip, zstd };

Compression detect(const unsigned char* b, std::size_t n) {
  if (n >= 2 && b[0] == 0x1F && b[1] == 0x8B) return Compression::gzip;
  if (n >= 4 && b[0] == 0x28 && b[1] == 0xB5 && b[2] == 0x2F && b[3] == 0xFD) return Compression::zstd;
  return Compression::none;
}

// One input: raw bytes from the descriptor, decompressed when the first
// bytes say so.
class FileInput final : public model::InputStream {
 public:
  FileInput(std::string name, int fd, bool owned, std::uint64_t part_begin = 0,
            std::uint64_t part_end = UINT64_MAX)
      : name_(std::move(name)),
        raw_(fd, owned),
        in_(kBlock),
        part_begin_(part_begin),
        part_end_(part_end) {}
  ~FileInput() override {
    if (zstd_) ZSTD_freeDStream(zstd_);
    if (gzip_started_) inflateEnd(&gzip_);
  }

  std::string_view name() const override { return name_; }
  void part(std::uint64_t& begin, std::uint64_t& end) const override {
    begin = part_begin_;
    end = part_end_;
  }

  bool read(char* buffer, std::size_t capacity, std::size_t& got, std::string& reason) override {
    got = 0;
    if (!started_ && !start(reason)) return false;
    switch (compression_) {
      case Compression::none: return read_plain(buffer, capacity, got, reason);
      case Compression::gzip: return read_gzip(buffer, capacity, got, reason);
      case Compression::zstd: return read_zstd(buffer, capacity, got, reason);
    }
    return false;
  }

 private:
  static constexpr std::size_t kBlock = 1 << 20;

  // Reads what the descriptor has, up to `capacity` bytes, into `buffer`.
  bool read_raw(char* buffer, std::size_t capacity, std::size_t& got, std::string& reason) {
    const ssize_t n = raw_.read(buffer, capacity);
    if (n < 0) {
      reason = fmt::format("read error: {}", std::strerror(errno));
      return false;
    }
    got = static_cast<std::size_t>(n);
    eof_ = (n == 0);
    return true;
  }

  bool fill(std::string& reason) {
    if (!read_raw(in_.data(), in_.size(), in_end_, reason)) return false;
    in_begin_ = 0;
    return true;
  }

  bool start(std::string& reason) {
    started_ = true;
    if (!fill(reason)) return false;
    compression_ = detect(reinterpret_cast<const unsigned char*>(in_.data()), in_end_);
    if (compression_ == Compression::gzip) {
      std::memset(&gzip_, 0, sizeof gzip_);
      if (inflateInit2(&gzip_, 15 + 32) != Z_OK) {
        reason = "cannot initialise gzip decoder";
        return false;
      }
      gzip_started_ = true;
    } else if (compression_ == Compression::zstd) {
      zstd_ = ZSTD_createDStream();
      ZSTD_initDStream(zstd_);
    }
    return true;
  }

  bool read_plain(char* buffer, std::size_t capacity, std::size_t& got, std::string& reason) {
    if (in_begin_ == in_end_) {
      if (eof_) return true;
      // A large request goes straight into the reader's buffer: a copy
      // through in_ cost 4% of a run that only reads and writes JSON Lines.
      // A small one still reads a whole block from the descriptor.
      if (capacity >= kBlock / 4) return read_raw(buffer, capacity, got, reason);
      if (!fill(reason)) return false;
    }
    got = std::min(capacity, in_end_ - in_begin_);
    std::memcpy(buffer, in_.data() + in_begin_, got);
    in_begin_ += got;
    return true;
  }

  bool read_gzip(char* buffer, std::size_t capacity, std::size_t& got, std::string& reason) {
    while (got == 0) {
      if (in_begin_ == in_end_) {
        if (eof_) {
          if (member_open_) {
            reason = "truncated gzip stream";
            return false;
          }
          return true;
        }
        if (!fill(reason)) return false;
        continue;
      }
      gzip_.next_in = reinterpret_cast<Bytef*>(in_.data() + in_begin_);
      gzip_.avail_in = static_cast<uInt>(in_end_ - in_begin_);
      gzip_.next_out = reinterpret_cast<Bytef*>(buffer);
      gzip_.avail_out = static_cast<uInt>(std::min<std::size_t>(capacity, UINT32_MAX));
      member_open_ = true;
      const int rc = inflate(&gzip_, Z_NO_FLUSH);
      in_begin_ = in_end_ - gzip_.avail_in;
      got = capacity - gzip_.avail_out;
      if (rc == Z_STREAM_END) {
        member_open_ = false;  // concatenated members follow, or the end
        inflateReset(&gzip_);
      } else if (rc != Z_OK && rc != Z_BUF_ERROR) {
        reason = fmt::format("corrupt gzip stream: {}", gzip_.msg ? gzip_.msg : "inflate failed");
        return false;
      }
    }
    return true;
  }

  bool read_zstd(char* buffer, std::size_t capacity, std::size_t& got, std::string& reason) {
    while (got == 0) {
      if (in_begin_ == in_end_) {
        if (eof_) {
          if (frame_open_) {
            reason = "truncated zstd stream";
            return false;
          }
          return true;
        }
        if (!fill(reason)) return false;
        continue;
      }
      ZSTD_inBuffer in{in_.data(), in_end_, in_begin_};
      ZSTD_outBuffer out{buffer, capacity, 0};
      const std::size_t rc = ZSTD_decompressStream(zstd_, &out, &in);
      if (ZSTD_isError(rc)) {
        reason = fmt::format("corrupt zstd stream: {}", ZSTD_getErrorName(rc));
        return false;
      }
      in_begin_ = in.pos;
      got = out.pos;
      frame_open_ = (rc != 0);
    }
    return true;
  }

  std::string name_;
  FdReader raw_;
  std::vector<char> in_;
  std::size_t in_begin_ = 0, in_end_ = 0;
  bool eof_ = false, started_ = false;
  Compression compression_ = Compression::none;
  z_stream gzip_{};
  bool gzip_started_ = false, member_open_ = false;
  ZSTD_DStream* zstd_ = nullptr;
  bool frame_open_ = false;
  std::uint64_t part_begin_, part_end_;
};

}  // namespace

ExpandedInputs expand_inputs(const std::vector<std::string>& patterns) {
  ExpandedInputs out;
  std::set<std::string> seen;
  for (const std::string& pattern : patterns) {
    if (pattern == "-") {
      out.files.push_back(InputFile{"<stdin>", "-", 0});
      continue;
    }
    std::error_code ec;
    if (!has_glob_chars(pattern) || fs::exists(pattern, ec)) {
      if (fs::is_directory(pattern, ec)) add_directory(pattern, out, seen);
      else if (fs::exists(pattern, ec)) add_file(pattern, out, seen);
      else out.errors.push_back(fmt::format("{}: no such file or directory", pattern));
      continue;
    }
    glob_t matches{};
    const int rc = ::glob(pattern.c_str(), GLOB_NOSORT, nullptr, &matches);
    std::vector<std::string> paths(matches.gl_pathv, matches.gl_pathv + matches.gl_pathc);
    globfree(&matches);
    if (rc != 0 || paths.empty()) {
      out.errors.push_back(fmt::format("{}: pattern matches no file", pattern));
      continue;
    }
    std::sort(paths.begin(), paths.end());
    for (const std::string& p : paths) {
      if (fs::is_directory(p, ec)) add_directory(p, out, seen);
      else add_file(p, out, seen);
    }
  }
  return out;
}

std::unique_ptr<model::InputStream> open_input(const InputFile& file, std::string& error) {
  if (file.path == "-") return std::make_unique<FileInput>(file.name, STDIN_FILENO, false);
  const int fd = ::open(file.path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) {
    error = fmt::format("{}: cannot open: {}", file.name, std::strerror(errno));
    return nullptr;
  }
  return std::make_unique<FileInput>(file.name, fd, true, file.part_begin, file.part_end);
}

bool is_plain_file(const InputFile& file) {
  std::error_code ec;
  if (file.path == "-" || !fs::is_regular_file(file.path, ec)) return false;
  const int fd = ::open(file.path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return false;
  unsigned char magic[4] = {};
  const ssize_t n = ::read(fd, magic, sizeof magic);
  ::close(fd);
  return n >= 0 && detect(magic, static_cast<std::size_t>(n)) == Compression::none;
}

}  // namespace nahr::host
