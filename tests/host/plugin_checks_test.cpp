// What the loader checks before and after it runs plugin code: the file
// itself, a missing dependency, descriptors from before self-tests existed,
// and the self-tests a descriptor carries.
#include "loader/plugin_file.hpp"
#include "loader/plugin_library.hpp"

#include <catch2/catch.hpp>
#include <sys/stat.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>

using nahr::host::PluginLibrary;
namespace fs = std::filesystem;

namespace {

const fs::path kVerifyPlugins = fs::path(NAHR_TEST_PLUGIN_DIR) / "verify";

// A fresh directory per test, removed at the end.
struct TempDir {
  fs::path path = fs::temp_directory_path() / ("nahr-plugin-checks-" + std::to_string(::getpid()));
  TempDir() {
    fs::remove_all(path);
    fs::create_directories(path);
  }
  ~TempDir() { fs::remove_all(path); }
};

std::unique_ptr<PluginLibrary> load(const fs::path& file) {
  auto loaded = PluginLibrary::load(file);
  if (auto* why = std::get_if<std::string>(&loaded)) FAIL(*why);
  return std::move(std::get<std::unique_ptr<PluginLibrary>>(loaded));
}

std::string_view view(nahr_str s) { return std::string_view(s.data, s.size); }

}  // namespace

TEST_CASE("files that are no shared object are named as such before loading") {
  TempDir dir;
  const fs::path text = dir.path / "notes.so";
  std::ofstream(text) << "ليس مكتبة\n";
  CHECK(nahr::host::plugin_file_problem(text) == "not a shared object (invalid ELF header)");

  // An ELF header for a relocatable object (e_type 1), as a stray .o renamed .so.
  std::string header = "\x7f" "ELF\x02\x01\x01";
  header.resize(16, '\0');
  header += std::string("\x01\x00", 2);
  const fs::path object = dir.path / "object.so";
  std::ofstream(object, std::ios::binary) << header;
  CHECK(nahr::host::plugin_file_problem(object) ==
        "not a shared object: it is an object file (.o), not a shared library");

  CHECK(nahr::host::plugin_file_problem(dir.path) == "not a regular file");
  CHECK(nahr::host::plugin_file_problem(dir.path / "missing.so") == "No such file or directory");
}

TEST_CASE("a world-writable plugin or folder is refused before any of its code runs") {
  TempDir dir;
  const fs::path copy = dir.path / "test-passthrough.so";
  fs::copy_file(fs::path(NAHR_TEST_PLUGIN_DIR) / "test-passthrough.so", copy);
  CHECK_FALSE(nahr::host::plugin_file_problem(copy));
  ::chmod(copy.c_str(), 0666);
  CHECK(nahr::host::plugin_file_problem(copy) ==
        copy.string() + " is writable by every user (chmod o-w it)");
  ::chmod(copy.c_str(), 0644);
  ::chmod(dir.path.c_str(), 0777);
  CHECK(nahr::host::plugin_file_problem(copy) ==
        dir.path.string() + " is writable by every user (chmod o-w it)");
  ::chmod(dir.path.c_str(), 0777 | S_ISVTX);  // like /tmp: others cannot replace the file
  CHECK_FALSE(nahr::host::plugin_file_problem(copy));
  ::chmod(dir.path.c_str(), 0755);
}

TEST_CASE("a missing shared-library dependency is named") {
  const fs::path file = kVerifyPlugins / "test-missing-dependency.so";
  auto loaded = PluginLibrary::load(file);
  REQUIRE(std::holds_alternative<std::string>(loaded));
  const std::string& why = std::get<std::string>(loaded);
  CHECK(why.find(file.string() + ": refused: unresolved shared-library dependency "
                                 "libnahr-vanished.so.1 (") == 0);
  CHECK(why.find('\n') == std::string::npos);
}

TEST_CASE("the dynamic loader's other messages pass through") {
  CHECK(nahr::host::explain_load_error("/p/x.so", "/p/x.so: undefined symbol: foo") ==
        "/p/x.so: undefined symbol: foo");
  CHECK(nahr::host::explain_load_error(
            "/p/x.so", "libicuuc.so.72: cannot open shared object file: No such file or directory") ==
        "unresolved shared-library dependency libicuuc.so.72 (libicuuc.so.72: cannot open shared "
        "object file: No such file or directory)");
}

TEST_CASE("a descriptor from before self-tests loads and declares none") {
  const auto plugin = load(kVerifyPlugins / "test-legacy-descriptor.so");
  CHECK(plugin->name() == "test-legacy-descriptor");
  CHECK(plugin->descriptor().struct_size == offsetof(nahr_plugin_descriptor, self_tests));
  CHECK(plugin->self_tests().empty());
}

TEST_CASE("self-tests declared by a stage reach the descriptor") {
  const auto plugin = load(kVerifyPlugins / "test-self-test-failures.so");
  const auto tests = plugin->self_tests();
  REQUIRE(tests.size() == 4);
  CHECK(view(tests[0].name) == "marks the river");
  CHECK(view(tests[0].stage) == "test-self-test-failures");
  CHECK(view(tests[0].input) == "عبر نهر النيل");
  REQUIRE(tests[0].expected_annotation_count == 1);
  CHECK(view(tests[0].expected_annotations[0].type) == "river");
  REQUIRE(tests[0].expected_annotations[0].attribute_count == 1);
  CHECK(view(tests[0].expected_annotations[0].attributes[0].value) == "ar");
  CHECK(tests[0].expected_text.data == nullptr);  // not given, not checked
  CHECK(tests[0].expected_documents == -1);
  REQUIRE(tests[3].option_count == 1);
  CHECK(view(tests[3].options[0].key) == "speed");
  CHECK(view(tests[3].options[0].value) == "3");
}
