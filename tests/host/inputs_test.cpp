#include "run/inputs.hpp"

#include <catch2/catch.hpp>

#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <fstream>

using namespace nahr::host;
namespace fs = std::filesystem;

namespace {

class TempDir {
 public:
  TempDir() : path_(fs::temp_directory_path() / ("nahr-inputs-" + std::to_string(::getpid()))) {
    fs::remove_all(path_);
    fs::create_directories(path_);
  }
  ~TempDir() { fs::remove_all(path_); }
  const fs::path& path() const { return path_; }
  fs::path write(const std::string& name, const std::string& bytes) const {
    const fs::path p = path_ / name;
    fs::create_directories(p.parent_path());
    std::ofstream(p, std::ios::binary) << bytes;
    return p;
  }

 private:
  fs::path path_;
};

// Reads a whole input through the stream interface, in small blocks.
std::string read_all(const InputFile& file, std::string& failure) {
  std::string error;
  auto stream = open_input(file, error);
  REQUIRE(stream);
  std::string out;
  char buffer[7];
  std::size_t got = 0;
  while (stream->read(buffer, sizeof buffer, got, failure) && got != 0) out.append(buffer, got);
  return out;
}

const std::string kStory = "بيروت: قال المتحدث باسم التحالف إن \"المفاوضات\" مستمرة.\n\nوأضاف راين...\n";

}  // namespace

TEST_CASE("inputs expand files, directories and globs in a stable order", "[inputs]") {
  TempDir dir;
  dir.write("b.txt", "b");
  dir.write("a.txt", "a");
  dir.write("sub/c.txt", "c");
  dir.write("sub/deeper/d.jsonl", "d");
  const ExpandedInputs in = expand_inputs({(dir.path() / "*.txt").string(), (dir.path() / "sub").string(),
                                           (dir.path() / "a.txt").string()});
  CHECK(in.errors.empty());
  REQUIRE(in.files.size() == 4);  // a.txt listed twice appears once
  CHECK(fs::path(in.files[0].path).filename() == "a.txt");
  CHECK(fs::path(in.files[1].path).filename() == "b.txt");
  CHECK(fs::path(in.files[2].path).filename() == "c.txt");
  CHECK(fs::path(in.files[3].path).filename() == "d.jsonl");
  CHECK(in.files[0].size == 1);
}

TEST_CASE("inputs report patterns that match nothing", "[inputs]") {
  TempDir dir;
  const ExpandedInputs in = expand_inputs({(dir.path() / "*.xml").string(), "/no/such/file.txt"});
  CHECK(in.files.empty());
  REQUIRE(in.errors.size() == 2);
  CHECK(in.errors[0].find("matches no file") != std::string::npos);
  CHECK(in.errors[1] == "/no/such/file.txt: no such file or directory");
}

TEST_CASE("inputs read gzip and zstd transparently, by content not by name", "[inputs]") {
  TempDir dir;
  const fs::path plain = dir.write("story.txt", kStory);
  REQUIRE(std::system(("gzip -c " + plain.string() + " > " + (dir.path() / "story.txt.gz").string()).c_str()) == 0);
  REQUIRE(std::system(("zstd -q -c " + plain.string() + " > " + (dir.path() / "story.bin").string()).c_str()) == 0);
  for (const char* name : {"story.txt", "story.txt.gz", "story.bin"}) {
    const std::string path = (dir.path() / name).string();
    std::string failure;
    CHECK(read_all(InputFile{path, path, 0}, failure) == kStory);
    CHECK(failure.empty());
  }
}

TEST_CASE("inputs read concatenated gzip members as one stream", "[inputs]") {
  TempDir dir;
  const fs::path plain = dir.write("part.txt", kStory);
  const std::string gz = (dir.path() / "two.gz").string();
  REQUIRE(std::system(("gzip -c " + plain.string() + " > " + gz + " && gzip -c " + plain.string() +
                       " >> " + gz).c_str()) == 0);
  std::string failure;
  CHECK(read_all(InputFile{gz, gz, 0}, failure) == kStory + kStory);
}

TEST_CASE("inputs fail a truncated gzip or zstd stream with a reason", "[inputs]") {
  TempDir dir;
  // Varied text, so the compressed stream is far longer than the cut below.
  std::string big;
  std::uint32_t state = 12345;
  for (int i = 0; i < 200000; ++i) {
    state = state * 1664525u + 1013904223u;
    big += "ابتثجحخدذرزسشصضطظعغفقكلمنهوي"[2 * ((state >> 16) % 28)];
    big += "ابتثجحخدذرزسشصضطظعغفقكلمنهوي"[2 * ((state >> 16) % 28) + 1];
    if (state % 7 == 0) big += ' ';
  }
  const fs::path plain = dir.write("big.txt", big);
  for (const auto& [tool, name, reason] :
       {std::tuple{"gzip -c", "big.gz", "truncated gzip stream"},
        std::tuple{"zstd -q -c", "big.zst", "truncated zstd stream"}}) {
    const std::string path = (dir.path() / name).string();
    REQUIRE(std::system((std::string(tool) + " " + plain.string() + " | head -c 3000 > " + path).c_str()) == 0);
    std::string failure;
    const std::string got = read_all(InputFile{path, path, 0}, failure);
    CHECK(failure == reason);
    CHECK(got.size() < big.size());
  }
}

TEST_CASE("inputs report a file that cannot be opened", "[inputs]") {
  std::string error;
  CHECK(open_input(InputFile{"/no/such", "/no/such", 0}, error) == nullptr);
  CHECK(error == "/no/such: cannot open: No such file or directory");
}
