#include "../sqlite_writer.hpp"

#include <sqlite3.h>
#include <unistd.h>

#include <algorithm>
#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <nahr/testing.hpp>

namespace {

using nahr::testing::Harness;
using nahr::testing::OptionMap;
using nahr::write_sqlite::SqliteWriter;
namespace fs = std::filesystem;
namespace model = nahr::model;

using Rows = std::vector<std::vector<std::string>>;

// A read-only connection for checking what the writer stored.
class Reader {
 public:
  explicit Reader(const fs::path& path) {
    REQUIRE(sqlite3_open_v2(path.c_str(), &db_, SQLITE_OPEN_READONLY, nullptr) == SQLITE_OK);
  }
  ~Reader() { sqlite3_close(db_); }
  Reader(const Reader&) = delete;
  Reader& operator=(const Reader&) = delete;

  // Every row of `sql`, NULL as "NULL".
  Rows rows(const std::string& sql) const {
    sqlite3_stmt* stmt = nullptr;
    INFO(sql);
    REQUIRE(sqlite3_prepare_v2(db_, sql.c_str(), -1, &stmt, nullptr) == SQLITE_OK);
    Rows out;
    int rc;
    while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
      std::vector<std::string> row;
      for (int i = 0; i < sqlite3_column_count(stmt); ++i) {
        const auto* text = reinterpret_cast<const char*>(sqlite3_column_text(stmt, i));
        row.emplace_back(text == nullptr ? "NULL" : text);
      }
      out.push_back(std::move(row));
    }
    sqlite3_finalize(stmt);
    REQUIRE(rc == SQLITE_DONE);
    return out;
  }
  std::string one(const std::string& sql) const {
    const Rows r = rows(sql);
    REQUIRE(r.size() == 1);
    return r[0][0];
  }

 private:
  sqlite3* db_ = nullptr;
};

// A fresh directory per test, removed at the end.
class TempDir {
 public:
  TempDir() {
    static int counter = 0;
    path_ = fs::temp_directory_path() /
            ("nahr-write-sqlite-" + std::to_string(::getpid()) + "-" + std::to_string(++counter));
    fs::remove_all(path_);
    fs::create_directories(path_);
  }
  ~TempDir() { fs::remove_all(path_); }
  fs::path operator/(const std::string& name) const { return path_ / name; }

 private:
  fs::path path_;
};

model::Document make_doc(std::string id, std::string_view text) {
  const Harness installs_host_api;  // which annotating through nahr::Document needs
  model::Document d;
  d.id = std::move(id);
  d.source_file = "wire/afp-ar.xml";
  d.source_record = 1;
  d.source_line = 12;
  d.set_text(text);
  return d;
}

model::Document make_item(std::string id, std::string guid, int version,
                          std::string status = "stat:usable") {
  model::Document d = make_doc(std::move(id), "الإصدار " + std::to_string(version) + " من الخبر");
  d.set_metadata("newsml.guid", guid);
  d.set_metadata("newsml.version", std::to_string(version));
  d.set_metadata("newsml.pubStatus", status);
  return d;
}

nahr::AnnotationRef annotate(model::Document& d, std::string_view type, std::string_view covered,
                             std::string_view stage = "ner") {
  const std::size_t at = d.text().find(covered);
  REQUIRE(at != std::string::npos);
  d.current_stage = stage;
  nahr::Document view(model::as_handle(d));
  return view.annotate(type, {at, at + covered.size()});
}

// Runs the writer the way the host does: into "<output>.partial", renamed
// over <output> after close(). Returns the messages of rejected documents.
std::vector<std::string> run(const fs::path& output, std::vector<model::Document>& docs,
                             const OptionMap& options = {}) {
  Harness::Instance<SqliteWriter> writer(options);
  const std::string partial = output.string() + ".partial";
  writer->open(partial);
  std::vector<std::string> rejected;
  for (model::Document& d : docs) {
    try {
      writer->write(nahr::Document(model::as_handle(d)));
    } catch (const nahr::DocumentError& e) {
      rejected.emplace_back(e.what());
    }
  }
  writer->close();
  fs::rename(partial, output);
  return rejected;
}

template <class F>
std::string fatal_message(F&& f) {
  try {
    f();
  } catch (const nahr::FatalError& e) {
    return e.what();
  }
  FAIL("expected a nahr::FatalError");
  return {};
}

// Removes the documents and annotations of item guid "urn:item" and runs the
// writer on `docs`, in one run or in one run per document.
Rows item_state(const std::vector<model::Document>& docs, bool one_run_each) {
  TempDir dir;
  const fs::path db = dir / "items.db";
  if (one_run_each) {
    for (const model::Document& d : docs) {
      std::vector<model::Document> one{d};
      run(db, one);
    }
  } else {
    std::vector<model::Document> all = docs;
    run(db, all);
  }
  const Reader r(db);
  Rows state = r.rows("SELECT 'doc', id, version FROM documents ORDER BY id");
  for (auto& row : r.rows("SELECT 'annotation', document_id, text FROM annotations ORDER BY 2, 3"))
    state.push_back(row);
  for (auto& row : r.rows("SELECT 'withdrawn', guid, version FROM withdrawn")) state.push_back(row);
  return state;
}

}  // namespace

TEST_CASE("documents and annotations with the documented schema") {
  TempDir dir;
  std::vector<model::Document> docs{make_doc("afp-1", "😀 قال الرئيس إيمانويل ماكرون \"نعم\"")};
  docs[0].set_metadata("date", "2019-03-07");
  docs[0].set_metadata("عنوان", "ماكرون \"يوافق\"");
  annotate(docs[0], "entity", "إيمانويل ماكرون")
      .set("label", "PER")
      .set("canonical", "إيمانويل ماكرون");
  annotate(docs[0], "quote", "نعم", "quotes").set("speaker", "إيمانويل ماكرون");
  run(dir / "out.db", docs);

  const Reader r(dir / "out.db");
  CHECK(r.rows("SELECT id, source_file, source_record, source_line, text, original_text, guid, "
               "version, run_id FROM documents") ==
        Rows{{"afp-1", "wire/afp-ar.xml", "1", "12", "😀 قال الرئيس إيمانويل ماكرون \"نعم\"", "NULL",
              "NULL", "NULL", "1"}});
  CHECK(r.one("SELECT json_extract(metadata, '$.عنوان') FROM documents") == "ماكرون \"يوافق\"");
  CHECK(r.one("SELECT json_extract(metadata, '$.date') FROM documents") == "2019-03-07");
  CHECK(r.rows("SELECT document_id, type, begin, end, original_begin, original_end, stage, "
               "attributes, text FROM annotations ORDER BY begin") ==
        Rows{{"afp-1", "entity", "13", "28", "13", "28", "ner",
              R"({"label":"PER","canonical":"إيمانويل ماكرون"})", "إيمانويل ماكرون"},
             {"afp-1", "quote", "30", "33", "30", "33", "quotes",
              R"({"speaker":"إيمانويل ماكرون"})", "نعم"}});
  CHECK(r.rows("SELECT name FROM sqlite_schema WHERE type = 'index' AND sql IS NOT NULL "
               "ORDER BY name") ==
        Rows{{"annotations_document_id"}, {"annotations_type"}, {"documents_guid"}});
  CHECK(r.rows("SELECT run_id, finished_at IS NOT NULL, documents_written, documents_skipped, "
               "documents_withdrawn, plugin_version FROM runs") ==
        Rows{{"1", "1", "1", "0", "0", "write-sqlite 1.0.0"}});
  CHECK(r.one("SELECT value FROM settings WHERE key = 'offsets'") == "codepoints");
  CHECK(r.one("PRAGMA application_id") == "1851877490");
  CHECK(r.one("PRAGMA journal_mode") == "delete");
  CHECK(r.one("PRAGMA integrity_check") == "ok");
  CHECK(r.rows("PRAGMA foreign_key_check").empty());
  // Nothing but the database is left: no journal, no WAL, no partial file.
  CHECK(std::distance(fs::directory_iterator(dir / ""), fs::directory_iterator()) == 1);
}

TEST_CASE("offsets in bytes and the original text after a rewrite") {
  TempDir dir;
  std::vector<model::Document> docs{make_doc("afp-2", "قالَ مُحَمَّدٌ")};
  // What a normaliser that strips tashkeel does, as one rewrite.
  {
    nahr::Document view(model::as_handle(docs[0]));
    nahr::TextRewriter rw(docs[0].text());
    const std::string_view t = docs[0].text();
    for (std::size_t i = 0; i + 1 < t.size(); ++i) {
      if (t[i] == '\xD9' && t[i + 1] >= '\x8B' && t[i + 1] <= '\x92') rw.erase(i, i + 2);
    }
    rw.commit(view);
  }
  annotate(docs[0], "entity", "محمد");
  run(dir / "out.db", docs, {{"offsets", std::string("bytes")}});
  const Reader r(dir / "out.db");
  CHECK(r.rows("SELECT text, original_text FROM documents") == Rows{{"قال محمد", "قالَ مُحَمَّدٌ"}});
  CHECK(r.rows("SELECT begin, end, original_begin, original_end, text FROM annotations") ==
        Rows{{"7", "15", "9", "27", "محمد"}});
  CHECK(r.one("SELECT value FROM settings WHERE key = 'offsets'") == "bytes");
}

TEST_CASE("invalid UTF-8 is stored as valid text") {
  TempDir dir;
  std::vector<model::Document> docs{make_doc("bad\xFF", "نص \xD8 مكسور")};
  annotate(docs[0], "token", "\xD8 مكسور");
  run(dir / "out.db", docs);
  const Reader r(dir / "out.db");
  CHECK(r.rows("SELECT id, text FROM documents") ==
        Rows{{"bad\xEF\xBF\xBD", "نص \xEF\xBF\xBD مكسور"}});
  CHECK(r.one("SELECT text FROM annotations") == "\xEF\xBF\xBD مكسور");
}

TEST_CASE("upsert by id replaces the row and its annotations") {
  TempDir dir;
  std::vector<model::Document> docs{make_doc("afp-3", "قال الوزير"),
                                    make_doc("afp-3", "قال الرئيس")};
  annotate(docs[0], "token", "الوزير");
  annotate(docs[1], "token", "الرئيس");
  annotate(docs[1], "token", "قال");
  run(dir / "out.db", docs);
  const Reader r(dir / "out.db");
  CHECK(r.rows("SELECT id, text FROM documents") == Rows{{"afp-3", "قال الرئيس"}});
  CHECK(r.rows("SELECT text FROM annotations ORDER BY begin") == Rows{{"قال"}, {"الرئيس"}});
}

TEST_CASE("only the newest version of an item stays in every arrival order") {
  std::vector<model::Document> versions{make_item("afp-v1", "urn:item", 1),
                                        make_item("afp-v2", "urn:item", 2),
                                        make_item("afp-v3", "urn:item", 3)};
  for (model::Document& d : versions) annotate(d, "token", "الخبر");
  std::sort(versions.begin(), versions.end(), [](auto& a, auto& b) { return a.id < b.id; });
  const Rows expected{{"doc", "afp-v3", "3"}, {"annotation", "afp-v3", "الخبر"}};
  do {
    INFO(versions[0].id << " " << versions[1].id << " " << versions[2].id);
    CHECK(item_state(versions, false) == expected);
    CHECK(item_state(versions, true) == expected);
  } while (std::next_permutation(versions.begin(), versions.end(),
                                 [](auto& a, auto& b) { return a.id < b.id; }));
}

TEST_CASE("a canceled item is removed in every arrival order") {
  std::vector<model::Document> versions{make_item("afp-v1", "urn:item", 1),
                                        make_item("afp-v2", "urn:item", 2),
                                        make_item("afp-v3", "urn:item", 3, "stat:canceled")};
  for (model::Document& d : versions) annotate(d, "token", "الخبر");
  const Rows expected{{"withdrawn", "urn:item", "3"}};
  do {
    INFO(versions[0].id << " " << versions[1].id << " " << versions[2].id);
    CHECK(item_state(versions, false) == expected);
    CHECK(item_state(versions, true) == expected);
  } while (std::next_permutation(versions.begin(), versions.end(),
                                 [](auto& a, auto& b) { return a.id < b.id; }));
}

TEST_CASE("withholding at the same version wins over the usable one in both orders") {
  std::vector<model::Document> both{make_item("afp-a", "urn:item", 2),
                                    make_item("afp-b", "urn:item", 2, "withheld")};
  const Rows expected{{"withdrawn", "urn:item", "2"}};
  CHECK(item_state(both, false) == expected);
  std::swap(both[0], both[1]);
  CHECK(item_state(both, false) == expected);
}

TEST_CASE("a newer usable version after a withdrawal brings the item back") {
  std::vector<model::Document> docs{make_item("afp-v1", "urn:item", 1),
                                    make_item("afp-v2", "urn:item", 2, "stat:withheld"),
                                    make_item("afp-v3", "urn:item", 3)};
  CHECK(item_state(docs, true) == Rows{{"doc", "afp-v3", "3"}});
}

TEST_CASE("items with different guids and documents without one live side by side") {
  TempDir dir;
  std::vector<model::Document> docs{make_item("a1", "urn:a", 1), make_item("b1", "urn:b", 4),
                                    make_doc("plain", "نص عادي"), make_item("a2", "urn:a", 2)};
  run(dir / "out.db", docs);
  const Reader r(dir / "out.db");
  CHECK(r.rows("SELECT id, guid, version FROM documents ORDER BY id") ==
        Rows{{"a2", "urn:a", "2"}, {"b1", "urn:b", "4"}, {"plain", "NULL", "NULL"}});
  CHECK(r.rows("SELECT documents_written, documents_skipped, documents_withdrawn FROM runs") ==
        Rows{{"4", "0", "0"}});
}

TEST_CASE("update mode adds to the database and re-running changes nothing") {
  TempDir dir;
  const fs::path db = dir / "news.db";
  std::vector<model::Document> monday{make_item("m1", "urn:m", 1),
                                      make_doc("m-plain", "خبر الاثنين")};
  annotate(monday[1], "token", "الاثنين");
  std::vector<model::Document> tuesday{make_item("m2", "urn:m", 2),
                                       make_doc("t-plain", "خبر الثلاثاء")};
  run(db, monday);
  run(db, tuesday);

  const auto dump = [&] {
    const Reader r(db);
    Rows all = r.rows("SELECT id, text, metadata, guid, version FROM documents ORDER BY id");
    for (auto& row :
         r.rows("SELECT document_id, type, begin, end, text FROM annotations ORDER BY 1, 3"))
      all.push_back(row);
    return all;
  };
  const Rows after_tuesday = dump();
  CHECK(after_tuesday.size() == 4);  // m2, m-plain, t-plain and one annotation
  CHECK(after_tuesday[0][0] == "m-plain");
  CHECK(after_tuesday[1][0] == "m2");

  run(db, monday);  // the older feed again: m1 is older than m2 and stays out
  run(db, tuesday);
  CHECK(dump() == after_tuesday);
  const Reader r(db);
  CHECK(r.rows("SELECT run_id, documents_written, documents_skipped FROM runs") ==
        Rows{{"1", "2", "0"}, {"2", "2", "0"}, {"3", "1", "1"}, {"4", "2", "0"}});
}

TEST_CASE("each run records the host's provenance and config hash") {
  TempDir dir;
  Harness h;
  const std::string sha = std::string(64, 'a');
  h.set_run_info(R"({"nahr_version":"0.1.0","config_path":"configs/afp-arabic.toml",)"
                 R"("config_sha256":")" + sha + R"(","stages":[{"id":"read-jsonl"}]})");
  std::vector<model::Document> docs = {make_doc("afp-1", "بيروت (أ ف ب) - خبر")};
  run(dir / "news.db", docs);
  h.set_run_info("");
  run(dir / "news.db", docs);
  const Reader r(dir / "news.db");
  CHECK(r.rows("SELECT run_id, config_sha256, json_extract(provenance, '$.config_path') FROM runs "
               "ORDER BY run_id") ==
        Rows{{"1", sha, "configs/afp-arabic.toml"}, {"2", "NULL", "NULL"}});
}

TEST_CASE("a database of schema version 1 gains the provenance columns") {
  TempDir dir;
  std::vector<model::Document> docs = {make_doc("afp-1", "دمشق: خبر أول")};
  run(dir / "news.db", docs);
  {
    // Back to version 1's runs table, as an older write-sqlite left it.
    sqlite3* db = nullptr;
    REQUIRE(sqlite3_open((dir / "news.db").c_str(), &db) == SQLITE_OK);
    char* error = nullptr;
    const int rc = sqlite3_exec(db,
                                "ALTER TABLE runs DROP COLUMN provenance; "
                                "ALTER TABLE runs DROP COLUMN config_sha256; PRAGMA user_version = 1",
                                nullptr, nullptr, &error);
    INFO((error != nullptr ? error : ""));
    sqlite3_free(error);
    sqlite3_close(db);
    REQUIRE(rc == SQLITE_OK);
  }
  std::vector<model::Document> more = {make_doc("afp-2", "القاهرة: خبر ثان")};
  run(dir / "news.db", more);
  const Reader r(dir / "news.db");
  CHECK(r.one("PRAGMA user_version") == "2");
  CHECK(r.rows("SELECT run_id, config_sha256 IS NULL, provenance IS NULL FROM runs") ==
        Rows{{"1", "1", "1"}, {"2", "1", "1"}});
  CHECK(r.one("SELECT count(*) FROM documents") == "2");
}

TEST_CASE("replace mode starts from an empty database") {
  TempDir dir;
  const fs::path db = dir / "news.db";
  std::vector<model::Document> first{make_doc("old", "قديم")};
  std::vector<model::Document> second{make_doc("new", "جديد")};
  run(db, first);
  run(db, second, {{"mode", std::string("replace")}});
  const Reader r(db);
  CHECK(r.rows("SELECT id FROM documents") == Rows{{"new"}});
  CHECK(r.one("SELECT count(*) FROM runs") == "1");
}

TEST_CASE("a failed run leaves the previous database untouched") {
  TempDir dir;
  const fs::path db = dir / "news.db";
  std::vector<model::Document> first{make_doc("kept", "باق")};
  run(db, first);
  {
    Harness::Instance<SqliteWriter> writer({});
    writer->open(db.string() + ".partial");
    std::vector<model::Document> docs{make_doc("lost", "ضائع")};
    writer->write(nahr::Document(model::as_handle(docs[0])));
    // No close(): the run died; the host never renames the partial file.
  }
  const Reader r(db);
  CHECK(r.rows("SELECT id FROM documents") == Rows{{"kept"}});
}

TEST_CASE("batches are committed as they fill") {
  TempDir dir;
  const fs::path partial = dir / "out.db.partial";
  Harness::Instance<SqliteWriter> writer({{"batch_size", std::int64_t{2}}});
  writer->open(partial.string());
  std::vector<model::Document> docs{make_doc("d1", "أ"), make_doc("d2", "ب"), make_doc("d3", "ت")};
  for (model::Document& d : docs) writer->write(nahr::Document(model::as_handle(d)));
  {
    const Reader r(partial);  // another connection sees committed batches only
    CHECK(r.one("SELECT count(*) FROM documents") == "2");
  }
  writer->close();
  const Reader r(partial);
  CHECK(r.one("SELECT count(*) FROM documents") == "3");
}

TEST_CASE("a version that is no integer fails only its document") {
  TempDir dir;
  std::vector<model::Document> docs{make_item("ok", "urn:a", 1), make_item("bad", "urn:b", 1)};
  docs[1].set_metadata("newsml.version", "v2");
  const auto rejected = run(dir / "out.db", docs);
  REQUIRE(rejected.size() == 1);
  CHECK(rejected[0] == "write-sqlite: newsml.version \"v2\" of item urn:b is not an integer");
  const Reader r(dir / "out.db");
  CHECK(r.rows("SELECT id FROM documents") == Rows{{"ok"}});
}

TEST_CASE("custom metadata keys identify items from other feeds") {
  TempDir dir;
  std::vector<model::Document> docs{make_doc("x1", "أ"), make_doc("x2", "ب")};
  docs[0].set_metadata("story", "s-1");
  docs[0].set_metadata("rev", "5");
  docs[1].set_metadata("story", "s-1");
  docs[1].set_metadata("rev", "4");
  run(dir / "out.db", docs,
      {{"guid_key", std::string("story")}, {"version_key", std::string("rev")}});
  const Reader r(dir / "out.db");
  CHECK(r.rows("SELECT id, guid, version FROM documents") == Rows{{"x1", "s-1", "5"}});
}

TEST_CASE("standard output and foreign databases and other offsets are refused") {
  TempDir dir;
  Harness h;
  CHECK(fatal_message([] {
          Harness::Instance<SqliteWriter> w({});
          w->open("-");
        }).find("cannot go to standard output") != std::string::npos);

  const fs::path text_file = dir / "notes.db";
  std::ofstream(text_file) << "ملاحظات، وليست قاعدة بيانات\n";
  CHECK(fatal_message([&] {
          Harness::Instance<SqliteWriter> w({});
          w->open(text_file.string() + ".partial");
        }).find("file is not a database") != std::string::npos);

  const fs::path other = dir / "other.db";
  {
    sqlite3* db = nullptr;
    REQUIRE(sqlite3_open(other.c_str(), &db) == SQLITE_OK);
    REQUIRE(sqlite3_exec(db, "CREATE TABLE t(x)", nullptr, nullptr, nullptr) == SQLITE_OK);
    sqlite3_close(db);
  }
  CHECK(fatal_message([&] {
          Harness::Instance<SqliteWriter> w({});
          w->open(other.string() + ".partial");
        }) == "write-sqlite: " + other.string() +
                  " is not a database of this write-sqlite (application_id 0, user_version 0); "
                  "give another output or mode = \"replace\"");

  std::vector<model::Document> docs{make_doc("d", "نص")};
  run(dir / "cp.db", docs);
  CHECK(fatal_message([&] {
          Harness::Instance<SqliteWriter> w({{"offsets", std::string("utf16")}});
          w->open((dir / "cp.db").string() + ".partial");
        }) == "write-sqlite: " + (dir / "cp.db").string() +
                  " holds offsets in codepoints, this stage writes utf16; set offsets = "
                  "\"codepoints\" or mode = \"replace\"");
  CHECK(fatal_message([] {
          Harness::Instance<SqliteWriter> w({{"batch_size", std::int64_t{0}}});
        }) == "write-sqlite: batch_size must be at least 1");
}

TEST_CASE("the README's queries answer on a small feed") {
  TempDir dir;
  std::vector<model::Document> docs{
      make_doc("afp-1", "قال ماكرون إن فرنسا ستساعد. وأضاف ماكرون \"سنبقى\"."),
      make_doc("afp-2", "زار ماكرون بيروت."), make_doc("afp-3", "قالت ميركل \"لا\".")};
  docs[0].set_metadata("newsml.firstCreated", "2019-03-07T10:00:00Z");
  docs[1].set_metadata("newsml.firstCreated", "2019-03-07T12:30:00Z");
  docs[2].set_metadata("newsml.firstCreated", "2019-03-08T08:00:00Z");
  annotate(docs[0], "entity", "ماكرون").set("label", "PER").set("canonical", "إيمانويل ماكرون");
  annotate(docs[0], "entity", "فرنسا").set("label", "LOC").set("canonical", "فرنسا");
  annotate(docs[0], "quote", "سنبقى").set("speaker", "ماكرون").set("resolved", "true");
  annotate(docs[1], "entity", "ماكرون").set("label", "PER").set("canonical", "إيمانويل ماكرون");
  annotate(docs[1], "entity", "بيروت").set("label", "LOC").set("canonical", "بيروت");
  annotate(docs[2], "entity", "ميركل").set("label", "PER").set("canonical", "أنغيلا ميركل");
  annotate(docs[2], "quote", "لا").set("speaker", "ميركل").set("resolved", "true");
  run(dir / "news.db", docs);
  const Reader r(dir / "news.db");

  // Kept word for word in README.md.
  CHECK(r.rows(R"sql(
SELECT json_extract(attributes, '$.canonical') AS entity,
       json_extract(attributes, '$.label') AS label,
       count(*) AS mentions,
       count(DISTINCT document_id) AS documents
FROM annotations
WHERE type = 'entity'
GROUP BY entity, label
ORDER BY mentions DESC, entity
LIMIT 20;
)sql") == Rows{{"إيمانويل ماكرون", "PER", "2", "2"},
               {"أنغيلا ميركل", "PER", "1", "1"},
               {"بيروت", "LOC", "1", "1"},
               {"فرنسا", "LOC", "1", "1"}});

  CHECK(r.rows(R"sql(
SELECT json_extract(q.attributes, '$.speaker') AS speaker,
       q.text AS quote,
       d.id AS document
FROM annotations AS q
JOIN documents AS d ON d.id = q.document_id
WHERE q.type = 'quote'
ORDER BY speaker, d.id, q.begin;
)sql") == Rows{{"ماكرون", "سنبقى", "afp-1"}, {"ميركل", "لا", "afp-3"}});

  CHECK(r.rows(R"sql(
SELECT date(json_extract(metadata, '$."newsml.firstCreated"')) AS day,
       count(*) AS documents
FROM documents
GROUP BY day
ORDER BY day;
)sql") == Rows{{"2019-03-07", "2"}, {"2019-03-08", "1"}});
}
