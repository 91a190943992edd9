// `nahr new-plugin`'s project generation: names, identifiers, the files of
// each kind with every placeholder filled in, and never overwriting.
// tests/kit/scaffold_test.sh builds the generated projects for real.
#include "scaffold/embedded_file.hpp"
#include "scaffold/scaffold.hpp"

#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <regex>
#include <set>
#include <string>

#include <unistd.h>

using namespace nahr::host;

namespace {

std::set<std::string> paths_of(const std::vector<ProjectFile>& files) {
  std::set<std::string> out;
  for (const ProjectFile& f : files) out.insert(f.path.generic_string());
  return out;
}

const ProjectFile& file_named(const std::vector<ProjectFile>& files, std::string_view path) {
  const auto it = std::find_if(files.begin(), files.end(),
                               [&](const ProjectFile& f) { return f.path.generic_string() == path; });
  REQUIRE(it != files.end());
  return *it;
}

constexpr nahr_stage_kind kAllKinds[] = {NAHR_STAGE_READER, NAHR_STAGE_NORMALISER,
                                         NAHR_STAGE_EXTRACTOR, NAHR_STAGE_WRITER};

}  // namespace

TEST_CASE("new-plugin accepts hyphenated lower-case names", "[scaffold]") {
  for (const char* name : {"extract-byline", "read-afp2", "x", "write-csv-2", "normalise-tatweel"}) {
    CAPTURE(name);
    CHECK_FALSE(invalid_plugin_name(name));
  }
}

TEST_CASE("new-plugin refuses names that cannot be a file a target and a namespace",
          "[scaffold]") {
  for (const char* name : {"", "Extract-Byline", "2-read", "-read", "read-", "read--afp",
                           "read_afp", "read afp", "استخراج", "new", "delete", "nahr", "std"}) {
    CAPTURE(name);
    CHECK(invalid_plugin_name(name));
  }
  CHECK(invalid_plugin_name(std::string(65, 'a')));
  CHECK(*invalid_plugin_name("read_afp") ==
        "'read_afp' holds '_': use lower-case ASCII letters, digits and hyphens (\"extract-byline\")");
}

TEST_CASE("new-plugin knows the four kinds by name", "[scaffold]") {
  CHECK(stage_kind_from_name("reader") == NAHR_STAGE_READER);
  CHECK(stage_kind_from_name("normaliser") == NAHR_STAGE_NORMALISER);
  CHECK(stage_kind_from_name("extractor") == NAHR_STAGE_EXTRACTOR);
  CHECK(stage_kind_from_name("writer") == NAHR_STAGE_WRITER);
  CHECK_FALSE(stage_kind_from_name("normalizer"));
  CHECK_FALSE(stage_kind_from_name("Reader"));
}

TEST_CASE("new-plugin derives class and file names from the name and kind", "[scaffold]") {
  const PluginIdentifiers byline = plugin_identifiers("extract-byline", NAHR_STAGE_EXTRACTOR);
  CHECK(byline.plugin == "extract-byline");
  CHECK(byline.name_space == "extract_byline");
  CHECK(byline.class_name == "BylineExtractor");
  CHECK(byline.file_stem == "byline_extractor");

  // No kind prefix: the whole name, and the kind appended.
  const PluginIdentifiers house = plugin_identifiers("house-style", NAHR_STAGE_NORMALISER);
  CHECK(house.class_name == "HouseStyleNormaliser");
  CHECK(house.file_stem == "house_style_normaliser");
  CHECK(house.name_space == "house_style");

  // A prefix of another kind is part of the topic.
  CHECK(plugin_identifiers("read-wire", NAHR_STAGE_WRITER).class_name == "ReadWireWriter");
  // What follows the prefix cannot start a class name: keep the whole name.
  CHECK(plugin_identifiers("write-2col", NAHR_STAGE_WRITER).class_name == "Write2colWriter");
  // Already ends in the kind.
  CHECK(plugin_identifiers("afp-reader", NAHR_STAGE_READER).class_name == "AfpReader");
  CHECK(plugin_identifiers("afp-reader", NAHR_STAGE_READER).file_stem == "afp_reader");
}

TEST_CASE("new-plugin writes the same project shape for every kind", "[scaffold]") {
  const std::regex placeholder("@[A-Z_]+@");
  for (const nahr_stage_kind kind : kAllKinds) {
    CAPTURE(kind);
    const PluginIdentifiers ids = plugin_identifiers("wire-demo", kind);
    const std::vector<ProjectFile> files = plugin_project(ids, kind, "0.1");
    const std::string stem = ids.file_stem;
    CHECK(paths_of(files) == std::set<std::string>{".gitignore", "CMakeLists.txt", "README.md",
                                                   "plugin.cpp", stem + ".cpp", stem + ".hpp",
                                                   "tests/" + stem + "_test.cpp"});
    for (const ProjectFile& f : files) {
      CAPTURE(f.path.string());
      CHECK_FALSE(std::regex_search(f.content, placeholder));
      CHECK_FALSE(std::regex_search(f.path.string(), placeholder));
      CHECK_FALSE(f.content.empty());
    }
    const std::string& cmake = file_named(files, "CMakeLists.txt").content;
    CHECK(cmake.find("find_package(nahr-sdk 0.1 REQUIRED)") != std::string::npos);
    CHECK(cmake.find("nahr_add_plugin(wire-demo SOURCES plugin.cpp " + stem + ".cpp)") !=
          std::string::npos);
    CHECK(file_named(files, "plugin.cpp").content.find("NAHR_PLUGIN(\"wire-demo\"") !=
          std::string::npos);
    CHECK(file_named(files, stem + ".hpp").content.find("class " + ids.class_name + " final") !=
          std::string::npos);
  }
}

TEST_CASE("new-plugin gives each kind its own stage", "[scaffold]") {
  const auto stage_header = [](nahr_stage_kind kind) {
    const PluginIdentifiers ids = plugin_identifiers("wire-demo", kind);
    return file_named(plugin_project(ids, kind, "0.1"), ids.file_stem + ".hpp").content;
  };
  CHECK(stage_header(NAHR_STAGE_READER).find("public nahr::Reader") != std::string::npos);
  CHECK(stage_header(NAHR_STAGE_NORMALISER).find("public nahr::Normaliser") != std::string::npos);
  CHECK(stage_header(NAHR_STAGE_EXTRACTOR).find("public nahr::Extractor") != std::string::npos);
  CHECK(stage_header(NAHR_STAGE_WRITER).find("public nahr::Writer") != std::string::npos);
}

TEST_CASE("the embedded templates are the files in host/templates", "[scaffold]") {
  const std::filesystem::path root = std::filesystem::path(NAHR_SOURCE_DIR) / "host/templates";
  std::size_t on_disk = 0;
  for (const auto& entry : std::filesystem::recursive_directory_iterator(root)) {
    if (entry.is_regular_file()) ++on_disk;
  }
  CHECK(plugin_templates().size() == on_disk);
  for (const EmbeddedFile& file : plugin_templates()) {
    CAPTURE(file.path);
    std::ifstream in(root / file.path, std::ios::binary);
    const std::string bytes{std::istreambuf_iterator<char>(in), {}};
    CHECK(bytes == file.content);
  }
}

TEST_CASE("new-plugin writes into a new or empty folder and never over files", "[scaffold]") {
  namespace fs = std::filesystem;
  const fs::path dir =
      fs::temp_directory_path() / ("nahr-scaffold-test-" + std::to_string(::getpid()));
  fs::remove_all(dir);
  const PluginIdentifiers ids = plugin_identifiers("extract-byline", NAHR_STAGE_EXTRACTOR);
  const std::vector<ProjectFile> files = plugin_project(ids, NAHR_STAGE_EXTRACTOR, "0.1");

  write_project(dir / "extract-byline", files);
  std::ifstream in(dir / "extract-byline/tests/byline_extractor_test.cpp", std::ios::binary);
  const std::string written{std::istreambuf_iterator<char>(in), {}};
  CHECK(written == file_named(files, "tests/byline_extractor_test.cpp").content);

  // Run twice: the second refuses and leaves the first project as it was.
  {
    std::ofstream edit(dir / "extract-byline/byline_extractor.cpp");
    edit << "// my work\n";
  }
  CHECK_THROWS_WITH(write_project(dir / "extract-byline", files),
                    Catch::Contains("already exists and is not an empty folder"));
  std::ifstream kept(dir / "extract-byline/byline_extractor.cpp");
  CHECK(std::string{std::istreambuf_iterator<char>(kept), {}} == "// my work\n");

  fs::create_directories(dir / "empty");
  CHECK_NOTHROW(write_project(dir / "empty", files));
  CHECK(fs::is_regular_file(dir / "empty/CMakeLists.txt"));
  fs::remove_all(dir);
}
