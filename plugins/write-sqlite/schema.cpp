#include "schema.hpp"

#include <nahr/error.hpp>
#include <string>

namespace nahr::write_sqlite {
namespace {

// PRAGMA application_id: "nahr" in ASCII, so `file` and the sqlite3 shell
// can tell the database apart.
constexpr std::int64_t kApplicationId = 0x6E616872;
constexpr std::int64_t kSchemaVersion = 2;

constexpr const char* kSchema = R"sql(
CREATE TABLE IF NOT EXISTS runs (
  run_id INTEGER PRIMARY KEY,
  started_at TEXT NOT NULL,            -- ISO 8601, UTC
  finished_at TEXT,                    -- NULL while the run is going on
  documents_written INTEGER NOT NULL DEFAULT 0,
  documents_skipped INTEGER NOT NULL DEFAULT 0,   -- older versions of an item
  documents_withdrawn INTEGER NOT NULL DEFAULT 0, -- canceled or withheld items
  plugin_version TEXT NOT NULL,
  config_sha256 TEXT,                  /* the run's config hash; NULL if the host gave none */
  provenance TEXT                      /* JSON: nahr version, config, every stage's version */
);
CREATE TABLE IF NOT EXISTS documents (
  id TEXT PRIMARY KEY,
  source_file TEXT NOT NULL,
  source_record INTEGER NOT NULL,
  source_line INTEGER NOT NULL,
  text TEXT NOT NULL,
  original_text TEXT,                  -- NULL unless a normaliser changed the text
  metadata TEXT NOT NULL,              -- JSON object of strings
  guid TEXT,                           -- NewsML item, NULL for other documents
  version INTEGER,
  run_id INTEGER NOT NULL REFERENCES runs(run_id)
);
CREATE TABLE IF NOT EXISTS annotations (
  document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  type TEXT NOT NULL,
  begin INTEGER NOT NULL,              -- in the current text
  end INTEGER NOT NULL,
  original_begin INTEGER NOT NULL,     -- in the text as read
  original_end INTEGER NOT NULL,
  stage TEXT NOT NULL,
  attributes TEXT NOT NULL,            -- JSON object of strings
  text TEXT NOT NULL                   -- the covered current text
);
CREATE TABLE IF NOT EXISTS withdrawn (  -- items whose newest version is canceled or withheld
  guid TEXT PRIMARY KEY,
  version INTEGER,
  pub_status TEXT NOT NULL,
  document_id TEXT NOT NULL,
  run_id INTEGER NOT NULL REFERENCES runs(run_id)
);
CREATE TABLE IF NOT EXISTS settings (
  key TEXT PRIMARY KEY,
  value TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS annotations_document_id ON annotations(document_id);
CREATE INDEX IF NOT EXISTS annotations_type ON annotations(type);
CREATE INDEX IF NOT EXISTS documents_guid ON documents(guid);
)sql";

}  // namespace

void prepare_schema(Database& db, OffsetUnit unit, std::string_view name) {
  const std::int64_t application_id = db.query_integer("PRAGMA application_id");
  const std::int64_t version = db.query_integer("PRAGMA user_version");
  const std::int64_t objects = db.query_integer("SELECT count(*) FROM sqlite_schema");
  if (objects == 0) {
    db.exec(kSchema);
    db.exec(("PRAGMA application_id = " + std::to_string(kApplicationId)).c_str());
    db.exec(("PRAGMA user_version = " + std::to_string(kSchemaVersion)).c_str());
  } else if (application_id == kApplicationId && version == 1) {
    // Version 1 lacked the runs' provenance; older runs keep NULL there.
    db.exec("ALTER TABLE runs ADD COLUMN config_sha256 TEXT; "
            "ALTER TABLE runs ADD COLUMN provenance TEXT");
    db.exec(("PRAGMA user_version = " + std::to_string(kSchemaVersion)).c_str());
  } else if (application_id != kApplicationId || version != kSchemaVersion) {
    throw FatalError("write-sqlite: " + std::string(name) +
                     " is not a database of this write-sqlite (application_id " +
                     std::to_string(application_id) + ", user_version " + std::to_string(version) +
                     "); give another output or mode = \"replace\"");
  }

  Statement insert;
  insert.prepare(db, "INSERT OR IGNORE INTO settings(key, value) VALUES('offsets', ?1)");
  insert.bind(1, unit_name(unit));
  insert.run();
  const std::string stored = db.query_text("SELECT value FROM settings WHERE key = 'offsets'");
  if (stored != unit_name(unit)) {
    throw FatalError("write-sqlite: " + std::string(name) + " holds offsets in " + stored +
                     ", this stage writes " + std::string(unit_name(unit)) + "; set offsets = \"" +
                     stored + "\" or mode = \"replace\"");
  }
}

}  // namespace nahr::write_sqlite
