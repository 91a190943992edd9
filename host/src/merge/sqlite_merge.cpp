// SQLite: one database holding every part's rows, as write-sqlite leaves
// them after a single run over all the inputs.
//
// The parts are attached one after the other and their rows replayed in
// shard order through write-sqlite's rules: documents are upserted by id;
// of a NewsML item only the newest version stays, and a canceled or
// withheld newest version removes the item (README of write-sqlite). Those
// rules make each item's result depend only on the versions seen, so
// replaying each part's surviving rows gives the single run's rows. The
// parts' `runs` rows become one row for the whole sharded run, with the
// single run's counts.
#include <fmt/core.h>
#include <sqlite3.h>

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "merge/merge.hpp"
#include "merge/writer_options.hpp"

namespace nahr::host {

namespace {

class Database;

class Statement {
 public:
  Statement(Database& db, const char* sql);
  ~Statement() { sqlite3_finalize(stmt_); }
  Statement(const Statement&) = delete;
  Statement& operator=(const Statement&) = delete;

  Statement& bind(int i, std::int64_t v) {
    check(sqlite3_bind_int64(stmt_, i, v));
    return *this;
  }
  Statement& bind_text(int i, const std::string& v) {
    check(sqlite3_bind_text(stmt_, i, v.data(), static_cast<int>(v.size()), SQLITE_TRANSIENT));
    return *this;
  }
  // Binds column `c` of another statement's current row, whatever its type.
  Statement& bind_column(int i, Statement& from, int c) {
    check(sqlite3_bind_value(stmt_, i, sqlite3_column_value(from.stmt_, c)));
    return *this;
  }
  bool step();
  void run() {
    while (step()) {
    }
  }
  bool is_null(int c) const { return sqlite3_column_type(stmt_, c) == SQLITE_NULL; }
  std::int64_t integer(int c) const { return sqlite3_column_int64(stmt_, c); }
  std::string text(int c) const {
    const auto* p = reinterpret_cast<const char*>(sqlite3_column_text(stmt_, c));
    return p == nullptr ? std::string()
                        : std::string(p, static_cast<std::size_t>(sqlite3_column_bytes(stmt_, c)));
  }

 private:
  void check(int rc);
  Database& db_;
  sqlite3_stmt* stmt_ = nullptr;
};

class Database {
 public:
  explicit Database(const std::string& path) : path_(path) {
    if (sqlite3_open_v2(path.c_str(), &db_, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, nullptr) !=
        SQLITE_OK) {
      fail("cannot open");
    }
  }
  ~Database() { sqlite3_close_v2(db_); }
  Database(const Database&) = delete;
  Database& operator=(const Database&) = delete;

  void exec(const std::string& sql) {
    if (sqlite3_exec(db_, sql.c_str(), nullptr, nullptr, nullptr) != SQLITE_OK) fail(sql.c_str());
  }
  std::int64_t integer(const char* sql) {
    Statement s(*this, sql);
    return s.step() ? s.integer(0) : 0;
  }
  // Copies the whole of `from` into this database (SQLite's backup API).
  void copy_from(const std::string& from) {
    sqlite3* source = nullptr;
    if (sqlite3_open_v2(from.c_str(), &source, SQLITE_OPEN_READONLY, nullptr) != SQLITE_OK) {
      sqlite3_close_v2(source);
      throw MergeError(fmt::format("{}: cannot open", from));
    }
    sqlite3_backup* backup = sqlite3_backup_init(db_, "main", source, "main");
    const int rc = backup == nullptr ? SQLITE_ERROR : sqlite3_backup_step(backup, -1);
    sqlite3_backup_finish(backup);
    sqlite3_close_v2(source);
    if (rc != SQLITE_DONE) fail(("cannot copy " + from).c_str());
  }
  [[noreturn]] void fail(const char* what) const {
    throw MergeError(fmt::format("{}: {}: {}", path_, what, sqlite3_errmsg(db_)));
  }
  sqlite3* get() { return db_; }

 private:
  std::string path_;
  sqlite3* db_ = nullptr;
};

Statement::Statement(Database& db, const char* sql) : db_(db) {
  if (sqlite3_prepare_v2(db.get(), sql, -1, &stmt_, nullptr) != SQLITE_OK) db.fail(sql);
}
bool Statement::step() {
  const int rc = sqlite3_step(stmt_);
  if (rc == SQLITE_ROW) return true;
  sqlite3_reset(stmt_);
  if (rc != SQLITE_DONE) db_.fail(sqlite3_sql(stmt_));
  return false;
}
void Statement::check(int rc) {
  if (rc != SQLITE_OK) db_.fail(sqlite3_sql(stmt_));
}

// What the single run would count, from the parts' counts corrected by
// what the replay finds.
struct RunCounts {
  std::int64_t written = 0, skipped = 0, withdrawn = 0;
};

// Replays the part attached as `part` into the main database; statements
// are prepared against that attachment, so one object serves one part.
class PartReplay {
 public:
  PartReplay(Database& db, std::int64_t run_id, RunCounts& corrections)
      : db_(db), run_id_(run_id), corrections_(corrections) {}

  void run() {
    db_.exec("DELETE FROM temp.written");
    replay_documents();
    // Annotations in the order the shard inserted them, which is the order
    // a single run inserts them: a document written twice in one shard has
    // its annotations where its last version put them.
    db_.exec(
        "INSERT INTO main.annotations SELECT * FROM part.annotations "
        "WHERE document_id IN (SELECT id FROM temp.written) ORDER BY rowid");
    replay_withdrawals();
  }

 private:
  struct Known {
    bool exists = false;
    std::int64_t version = 0;
    bool withdrawn = false;
  };

  // write-sqlite's newest_known(): the newest version of the item in the
  // database, and whether that version withdrew it.
  Known newest_known(const std::string& guid) {
    Known known;
    find_item_.bind_text(1, guid);
    while (find_item_.step()) {
      const std::int64_t v = find_item_.is_null(1) ? 0 : find_item_.integer(1);
      if (!known.exists || v > known.version) known.version = v;
      known.exists = true;
    }
    find_withdrawn_.bind_text(1, guid);
    if (find_withdrawn_.step()) {
      const std::int64_t v = find_withdrawn_.is_null(0) ? 0 : find_withdrawn_.integer(0);
      if (!known.exists || v >= known.version) {
        known.version = v;
        known.withdrawn = true;
      }
      known.exists = true;
      find_withdrawn_.run();
    }
    return known;
  }

  static bool older(const Known& known, std::int64_t version) {
    return known.exists &&
           (version < known.version || (version == known.version && known.withdrawn));
  }

  void delete_document(const std::string& id) {
    delete_annotations_.bind_text(1, id).run();
    delete_document_.bind_text(1, id).run();
  }

  void delete_item_documents(const std::string& guid, const std::optional<std::string>& keep) {
    std::vector<std::string> doomed;
    find_item_.bind_text(1, guid);
    while (find_item_.step()) {
      std::string id = find_item_.text(0);
      if (!keep || id != *keep) doomed.push_back(std::move(id));
    }
    for (const std::string& id : doomed) delete_document(id);
  }

  void replay_documents() {
    Statement rows(db_,
                   "SELECT id, source_file, source_record, source_line, text, original_text, "
                   "metadata, guid, version FROM part.documents ORDER BY rowid");
    while (rows.step()) {
      const std::string id = rows.text(0);
      if (!rows.is_null(7)) {
        const std::string guid = rows.text(7);
        const std::int64_t version = rows.is_null(8) ? 0 : rows.integer(8);
        if (older(newest_known(guid), version)) {
          // The shard wrote it; the single run would have skipped it.
          --corrections_.written;
          ++corrections_.skipped;
          continue;
        }
        delete_item_documents(guid, id);
        delete_withdrawn_.bind_text(1, guid).run();
      }
      delete_annotations_.bind_text(1, id).run();
      for (int c = 0; c < 9; ++c) upsert_.bind_column(c + 1, rows, c);
      upsert_.bind(10, run_id_).run();
      mark_written_.bind_text(1, id).run();
    }
  }

  void replay_withdrawals() {
    Statement rows(
        db_, "SELECT guid, version, pub_status, document_id FROM part.withdrawn ORDER BY rowid");
    while (rows.step()) {
      const std::string guid = rows.text(0);
      const std::int64_t version = rows.is_null(1) ? 0 : rows.integer(1);
      if (older(newest_known(guid), version)) {
        --corrections_.withdrawn;
        ++corrections_.skipped;
        continue;
      }
      delete_item_documents(guid, std::nullopt);
      delete_document(rows.text(3));
      for (int c = 0; c < 4; ++c) upsert_withdrawn_.bind_column(c + 1, rows, c);
      upsert_withdrawn_.bind(5, run_id_).run();
    }
  }

  Database& db_;
  std::int64_t run_id_;
  RunCounts& corrections_;
  Statement find_item_{db_, "SELECT id, version FROM main.documents WHERE guid = ?1"};
  Statement find_withdrawn_{db_, "SELECT version FROM main.withdrawn WHERE guid = ?1"};
  Statement delete_annotations_{db_, "DELETE FROM main.annotations WHERE document_id = ?1"};
  Statement delete_document_{db_, "DELETE FROM main.documents WHERE id = ?1"};
  Statement delete_withdrawn_{db_, "DELETE FROM main.withdrawn WHERE guid = ?1"};
  Statement upsert_{db_,
                    "INSERT INTO main.documents(id, source_file, source_record, source_line, text, "
                    "original_text, metadata, guid, version, run_id) "
                    "VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10) "
                    "ON CONFLICT(id) DO UPDATE SET source_file = excluded.source_file, "
                    "source_record = excluded.source_record, source_line = excluded.source_line, "
                    "text = excluded.text, original_text = excluded.original_text, "
                    "metadata = excluded.metadata, guid = excluded.guid, "
                    "version = excluded.version, run_id = excluded.run_id"};
  Statement mark_written_{db_, "INSERT OR IGNORE INTO temp.written VALUES(?1)"};
  Statement upsert_withdrawn_{db_,
                              "INSERT INTO main.withdrawn(guid, version, pub_status, document_id, "
                              "run_id) VALUES(?1, ?2, ?3, ?4, ?5) ON CONFLICT(guid) DO UPDATE SET "
                              "version = excluded.version, pub_status = excluded.pub_status, "
                              "document_id = excluded.document_id, run_id = excluded.run_id"};
};

std::string quoted(const std::string& path) {
  std::string out = "'";
  for (char c : path) {
    if (c == '\'') out += '\'';
    out += c;
  }
  return out + "'";
}

// The schema exactly as write-sqlite created it in the first part.
void create_schema_like(Database& db, const std::string& part) {
  db.exec("ATTACH " + quoted(part) + " AS part");
  std::vector<std::string> statements;
  {
    Statement schema(db,
                     "SELECT sql FROM part.sqlite_schema WHERE sql IS NOT NULL AND name NOT LIKE "
                     "'sqlite_%' ORDER BY rowid");
    while (schema.step()) statements.push_back(schema.text(0));
  }
  const std::int64_t application_id = db.integer("PRAGMA part.application_id");
  const std::int64_t user_version = db.integer("PRAGMA part.user_version");
  db.exec("DETACH part");
  for (const std::string& sql : statements) db.exec(sql);
  db.exec(fmt::format("PRAGMA application_id = {}; PRAGMA user_version = {}", application_id,
                      user_version));
}

// Adds the part's own run (its last: a part may be an updated database)
// to the merged run: the earliest start, the latest finish, the sums.
void fold_run(Database& db, std::int64_t run_id) {
  Statement run(db,
                "SELECT started_at, finished_at, documents_written, documents_skipped, "
                "documents_withdrawn, plugin_version FROM part.runs ORDER BY run_id DESC LIMIT 1");
  if (!run.step()) return;
  Statement fold(db,
                 "UPDATE main.runs SET "
                 "started_at = CASE WHEN started_at = '' OR ?1 < started_at THEN ?1 "
                 "ELSE started_at END, "
                 "finished_at = CASE WHEN finished_at IS NULL OR ?2 > finished_at THEN ?2 "
                 "ELSE finished_at END, "
                 "documents_written = documents_written + ?3, "
                 "documents_skipped = documents_skipped + ?4, "
                 "documents_withdrawn = documents_withdrawn + ?5, plugin_version = ?6 "
                 "WHERE run_id = ?7");
  for (int c = 0; c < 6; ++c) fold.bind_column(c + 1, run, c);
  fold.bind(7, run_id).run();
  run.run();
}

}  // namespace

void merge_sqlite(const MergeJob& job) {
  std::error_code ec;
  for (const char* suffix : {"", "-wal", "-shm", "-journal"}) {
    std::filesystem::remove(job.target + suffix, ec);
  }
  Database db(job.target);
  db.exec("PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF");  // a new file, renamed when done
  // In update mode, the run adds to the database already at the output, as
  // a single run would.
  if (option_text(job.options, "mode") == "update" && std::filesystem::exists(job.output, ec)) {
    db.copy_from(job.output);
  } else {
    create_schema_like(db, job.parts.front());
  }

  Statement(db, "INSERT INTO runs(started_at, plugin_version) VALUES('', '')").run();
  const std::int64_t run_id = sqlite3_last_insert_rowid(db.get());
  RunCounts corrections;
  db.exec("CREATE TEMP TABLE written(id TEXT PRIMARY KEY)");  // a part's documents the replay kept
  for (const std::string& part : job.parts) {
    // SQLite attaches outside transactions only: one transaction per part.
    db.exec("ATTACH " + quoted(part) + " AS part");
    db.exec("BEGIN");
    // Every part must agree with the merged database on the offset unit.
    db.exec("INSERT OR IGNORE INTO main.settings SELECT * FROM part.settings");
    if (db.integer("SELECT count(*) FROM part.settings AS p JOIN main.settings AS m USING(key) "
                   "WHERE p.value <> m.value") != 0) {
      throw MergeError(
          fmt::format("{}: its settings (offsets) differ from the merged database's", part));
    }
    fold_run(db, run_id);
    PartReplay(db, run_id, corrections).run();
    db.exec("COMMIT");
    db.exec("DETACH part");
  }
  Statement correct(db,
                    "UPDATE runs SET documents_written = documents_written + ?2, "
                    "documents_skipped = documents_skipped + ?3, "
                    "documents_withdrawn = documents_withdrawn + ?4 WHERE run_id = ?1");
  correct.bind(1, run_id)
      .bind(2, corrections.written)
      .bind(3, corrections.skipped)
      .bind(4, corrections.withdrawn)
      .run();
  db.exec("PRAGMA optimize");
}

}  // namespace nahr::host
