// The quarantine round trip `nahr replay` relies on: what Quarantine writes,
// QuarantineSource rebuilds as the document that was read, byte for byte.
#include "run/base64.hpp"
#include "run/line_reader.hpp"
#include "run/quarantine.hpp"
#include "run/quarantine_source.hpp"

#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <sstream>

#include <unistd.h>

using namespace nahr::host;
namespace fs = std::filesystem;

namespace {

fs::path temp_path(const std::string& name) {
  return fs::temp_directory_path() / ("nahr-quarantine-" + std::to_string(::getpid()) + "-" + name);
}

nahr::model::Document story(std::string id, std::string text) {
  nahr::model::Document doc;
  doc.id = std::move(id);
  doc.source_file = "wire/2024-03-07.jsonl";
  doc.source_record = 41;
  doc.source_line = 42;
  doc.metadata.push_back({"date", "2024-03-07"});
  doc.metadata.push_back({"headline", "وزير الخارجية يصل إلى بيروت"});
  doc.set_text(std::move(text));
  return doc;
}

std::vector<std::pair<nahr::model::Document, std::optional<Failure>>> replay(const fs::path& path) {
  std::string error;
  const auto source = QuarantineSource::open(path.string(), error);
  REQUIRE(source);
  std::vector<std::pair<nahr::model::Document, std::optional<Failure>>> out;
  for (;;) {
    nahr::model::Document doc;
    std::optional<Failure> failure;
    if (!source->next(doc, failure)) break;
    out.emplace_back(std::move(doc), std::move(failure));
  }
  CHECK(source->error().empty());
  return out;
}

std::string read_file(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream bytes;
  bytes << in.rdbuf();
  return std::move(bytes).str();
}

}  // namespace

TEST_CASE("base64 round-trips every byte value and rejects what is not base64") {
  std::string bytes;
  for (int i = 0; i < 256; ++i) bytes += static_cast<char>(i);
  for (std::size_t cut = 0; cut < 4; ++cut) {
    const std::string part = bytes.substr(cut);
    std::string encoded;
    base64::append_encoded(encoded, part);
    CHECK(encoded.size() % 4 == 0);
    CHECK(base64::decode(encoded) == part);
  }
  std::string arabic;
  base64::append_encoded(arabic, "نهر");
  CHECK(arabic == "2YbZh9ix");
  CHECK_FALSE(base64::decode("2YbZh9i"));    // not a multiple of four
  CHECK_FALSE(base64::decode("2Yb=h9ix"));   // padding in the middle
  CHECK_FALSE(base64::decode("2YbZh9i!"));   // not in the alphabet
}

TEST_CASE("a quarantined document comes back as it was read") {
  const fs::path path = temp_path("round-trip.jsonl");
  const std::string broken = std::string("خبر \xD9 مكسور\n\"مقتبس\"\t\\ ") + '\0' + "بعد الصفر";
  {
    Quarantine quarantine(path.string(), 1 << 20);
    std::string error;
    nahr::model::Document normalised = story("afp-1", "الـــرَّئِيسُ قال");
    const nahr_edit edit{0, 10, 0, 4};  // "الـــ" -> "ال"
    REQUIRE(normalised.rewrite("الرَّئِيسُ قال", {&edit, 1}) == nullptr);
    REQUIRE(quarantine.add(normalised, Failure{"extract-entities", "boom", Phase::process}, error));
    REQUIRE(quarantine.add(story("afp-2", broken), Failure{"write-jsonl", "disk", Phase::write},
                           error));
    REQUIRE(quarantine.close(error));
  }
  const auto docs = replay(path);
  REQUIRE(docs.size() == 2);
  const nahr::model::Document& first = docs[0].first;
  CHECK_FALSE(docs[0].second);
  CHECK(first.id == "afp-1");
  CHECK(first.text() == "الـــرَّئِيسُ قال");  // the text as read, not as normalised
  CHECK_FALSE(first.rewritten());
  CHECK(first.source_file == "wire/2024-03-07.jsonl");
  CHECK(first.source_record == 41);
  CHECK(first.source_line == 42);
  REQUIRE(first.metadata.size() == 2);
  CHECK(first.metadata[1].key == "headline");
  CHECK(first.metadata[1].value == "وزير الخارجية يصل إلى بيروت");
  CHECK_FALSE(docs[1].second);
  CHECK(docs[1].first.text() == broken);  // invalid UTF-8 and NUL, byte for byte
  CHECK(read_file(path).find("\"record_base64\":") != std::string::npos);
  fs::remove(path);
}

TEST_CASE("entries that cannot run again are kept line for line") {
  const fs::path path = temp_path("kept.jsonl");
  std::string lines;
  {
    Quarantine quarantine(path.string(), 100);
    std::string error;
    REQUIRE(quarantine.add(story("afp-3", "{\"id\": \"afp-3\", \"text\": \"غير مكتمل"),
                           Failure{"read-jsonl", "invalid JSON", Phase::read}, error));
    REQUIRE(quarantine.add(story("afp-4", std::string(3 << 20, 'x')),
                           Failure{"read-jsonl", "too large", Phase::read}, error));
    REQUIRE(quarantine.close(error));
  }
  {
    std::ofstream out(path, std::ios::app | std::ios::binary);
    out << "\nnot json at all\n{\"id\":\"x\"}\n"
        << R"({"id":"afp-5","source":{"file":"a.jsonl","record":4,"line":0},"stage":"s",)"
        << R"("phase":"process","error":"e","metadata":{},"record":"مقطوع",)"
        << R"("record_bytes":90,"record_truncated":true})" << "\n";
  }
  const std::string original = read_file(path);
  const auto docs = replay(path);
  REQUIRE(docs.size() == 5);
  for (const auto& [doc, failure] : docs) {
    REQUIRE(failure);
    CHECK_FALSE(failure->kept_entry.empty());
    CHECK(original.find(failure->kept_entry + "\n") != std::string::npos);
  }
  CHECK(docs[0].second->stage == "read-jsonl");
  CHECK(
      docs[0].second->message ==
      "not replayed: it failed while reading (invalid JSON); read wire/2024-03-07.jsonl:42 again");
  CHECK(docs[0].first.text() == "{\"id\": \"afp-3\", \"text\": \"غير مكتمل");
  CHECK(docs[1].first.text().size() == 1 << 20);  // the preview the quarantine kept
  CHECK(docs[2].second->stage == "replay");
  CHECK(docs[2].second->message.find("line 4 of") != std::string::npos);
  CHECK(docs[2].first.source_line == 4);
  CHECK(docs[3].second->message.find("it needs id, source") != std::string::npos);
  CHECK(docs[4].second->message ==
        "not replayed: the quarantine holds only the first 10 of its 90 bytes; read a.jsonl "
        "(record 5) again");
  fs::remove(path);
}

TEST_CASE("the line reader splits long lines and CRLF and keeps a last line without newline") {
  const fs::path path = temp_path("lines.txt");
  const std::string long_line(200000, 'z');
  { std::ofstream(path, std::ios::binary) << "أول\r\n" << long_line << "\n\n" << "آخر"; }
  std::string error;
  const auto stream = open_input(InputFile{path.string(), path.string(), 0}, error);
  REQUIRE(stream);
  LineReader lines(*stream);
  std::vector<std::string> got;
  for (std::string_view line; lines.next(line);) got.emplace_back(line);
  CHECK(lines.error().empty());
  CHECK(got == std::vector<std::string>{"أول", long_line, "", "آخر"});
  CHECK(lines.line_number() == 4);
  fs::remove(path);
}
