#include <nahr/io/output_file.hpp>

#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

namespace {

std::string read_file(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream bytes;
  bytes << in.rdbuf();
  return std::move(bytes).str();
}

}  // namespace

TEST_CASE("what is appended to the buffer reaches the file on close") {
  const auto path = std::filesystem::temp_directory_path() / "nahr-sdk-output-file.txt";
  std::string expected;
  {
    nahr::io::OutputFile file("write-test");
    file.open(path.string());
    // More than the flush threshold, so that flush_if_full writes mid-way.
    for (int k = 0; k < 40000; ++k) {
      const std::string line = "سطر رقم " + std::to_string(k) + " من الخبر\n";
      file.buffer() += line;
      expected += line;
      file.flush_if_full();
    }
    file.close();
    file.close();  // a second close does nothing
  }
  CHECK(read_file(path) == expected);
  std::filesystem::remove(path);
}

TEST_CASE("reopening truncates and an unclosed file is not written") {
  const auto path = std::filesystem::temp_directory_path() / "nahr-sdk-output-file-2.txt";
  {
    nahr::io::OutputFile file("write-test");
    file.open(path.string());
    file.buffer() += "الأول\n";
    file.open(path.string());  // closes the first, then truncates
    file.buffer() += "الثاني\n";
    file.close();
  }
  CHECK(read_file(path) == "الثاني\n");
  {
    nahr::io::OutputFile file("write-test");
    file.open(path.string());
    file.buffer() += "لن يكتب";
  }  // destroyed without close(): nothing is written
  CHECK(read_file(path).empty());
  std::filesystem::remove(path);
}

TEST_CASE("failures are fatal errors naming the stage and the path and the reason") {
  nahr::io::OutputFile file("write-test");
  CHECK_THROWS_MATCHES(file.open("/nonexistent-nahr-dir/out.txt"), nahr::FatalError,
                       Catch::Message("write-test: cannot open /nonexistent-nahr-dir/out.txt: "
                                      "No such file or directory"));
  file.open("/dev/full");
  file.buffer() += "لا مكان";
  CHECK_THROWS_MATCHES(
      file.close(), nahr::FatalError,
      Catch::Message("write-test: cannot write /dev/full: No space left on device"));
}

TEST_CASE("a symlink at the output path is refused and its target left alone") {
  const auto dir = std::filesystem::temp_directory_path() / "nahr-sdk-output-file-link";
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  const auto victim = dir / "victim.txt";
  { std::ofstream(victim) << "لا تمسّ هذا الملف\n"; }
  const auto link = dir / "out.jsonl.partial";
  std::filesystem::create_symlink(victim, link);
  nahr::io::OutputFile file("write-test");
  try {
    file.open(link.string());
    FAIL("a symlink was opened for writing");
  } catch (const nahr::FatalError& e) {
    CHECK(std::string(e.what()).find("write-test: cannot open " + link.string()) == 0);
  }
  CHECK(read_file(victim) == "لا تمسّ هذا الملف\n");
  std::filesystem::remove_all(dir);
}

TEST_CASE("a full disk fails the write loudly with the path and the reason") {
  nahr::io::OutputFile file("write-test");
  file.open("/dev/full");
  file.buffer() += "خبر لن يجد مكانا\n";
  try {
    file.close();
    FAIL("writing to /dev/full succeeded");
  } catch (const nahr::FatalError& e) {
    CHECK(std::string(e.what()) == "write-test: cannot write /dev/full: No space left on device");
  }
}
