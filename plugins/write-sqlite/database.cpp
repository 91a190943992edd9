#include "database.hpp"

#include <nahr/text/utf8.hpp>

#include <sqlite3.h>

#include <nahr/error.hpp>


namespace nahr::write_sqlite {

Database::~Database() {
  if (db_ != nullptr) sqlite3_close_v2(db_);
}

void Database::open(const std::string& path, bool read_only) {
  path_ = path;
  // A database written is never reached through a symlink (one planted at
  // the host's .partial name would redirect the writes elsewhere).
  const int flags = read_only ? SQLITE_OPEN_READONLY
                              : SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOFOLLOW;
  if (sqlite3_open_v2(path.c_str(), &db_, flags | SQLITE_OPEN_NOMUTEX, nullptr) != SQLITE_OK) {
    fail("cannot open");
  }
  sqlite3_extended_result_codes(db_, 1);
}

void Database::close() {
  if (db_ == nullptr) return;
  if (sqlite3_close(db_) != SQLITE_OK) fail("cannot close");
  db_ = nullptr;
}

void Database::exec(const char* sql) {
  if (sqlite3_exec(db_, sql, nullptr, nullptr, nullptr) != SQLITE_OK) fail(sql);
}

std::int64_t Database::query_integer(const char* sql) {
  Statement s;
  s.prepare(*this, sql);
  return s.step() ? s.column_integer(0) : 0;
}

std::string Database::query_text(const char* sql) {
  Statement s;
  s.prepare(*this, sql);
  return s.step() ? std::string(s.column_text(0)) : std::string();
}

void Database::copy_from(Database& source) {
  sqlite3_backup* backup = sqlite3_backup_init(db_, "main", source.db_, "main");
  if (backup == nullptr) fail("cannot start copying " + source.path_);
  const int stepped = sqlite3_backup_step(backup, -1);
  sqlite3_backup_finish(backup);
  if (stepped != SQLITE_DONE) {
    throw FatalError("write-sqlite: cannot copy " + source.path_ + " to " + path_ + ": " +
                     sqlite3_errstr(stepped));
  }
}

std::int64_t Database::last_insert_rowid() const { return sqlite3_last_insert_rowid(db_); }

void Database::fail(std::string_view action) const {
  const char* reason = db_ != nullptr ? sqlite3_errmsg(db_) : "out of memory";
  throw FatalError("write-sqlite: " + path_ + ": " + std::string(action) + ": " + reason);
}

Statement::~Statement() { finalize(); }

void Statement::prepare(Database& db, const char* sql) {
  finalize();
  db_ = &db;
  if (sqlite3_prepare_v3(db.handle(), sql, -1, SQLITE_PREPARE_PERSISTENT, &stmt_, nullptr) !=
      SQLITE_OK) {
    db.fail(std::string("cannot prepare ") + sql);
  }
}

void Statement::finalize() {
  if (stmt_ != nullptr) sqlite3_finalize(stmt_);
  stmt_ = nullptr;
}

void Statement::bind(int index, std::string_view text) {
  std::string repaired;
  std::string_view valid = text;
  if (!utf8::is_valid(text)) {
    utf8::append_replacing_invalid(repaired, text);
    valid = repaired;
  }
  // Valid text is bound in place (it outlives the step); a repaired copy is
  // copied by SQLite.
  const auto lifetime = valid.data() == text.data() ? SQLITE_STATIC : SQLITE_TRANSIENT;
  // An empty view may have a null data pointer, which SQLite would store as NULL.
  const char* data = valid.empty() ? "" : valid.data();
  if (sqlite3_bind_text64(stmt_, index, data, valid.size(), lifetime, SQLITE_UTF8) != SQLITE_OK) {
    db_->fail("cannot bind a parameter");
  }
}

void Statement::bind(int index, std::int64_t value) {
  if (sqlite3_bind_int64(stmt_, index, value) != SQLITE_OK) db_->fail("cannot bind a parameter");
}

void Statement::bind(int index, std::optional<std::int64_t> value) {
  if (value)
    bind(index, *value);
  else
    bind_null(index);
}

void Statement::bind_null(int index) {
  if (sqlite3_bind_null(stmt_, index) != SQLITE_OK) db_->fail("cannot bind a parameter");
}

bool Statement::step() {
  const int rc = sqlite3_step(stmt_);
  if (rc == SQLITE_ROW) return true;
  if (rc == SQLITE_DONE) return false;
  // The message goes with the statement's reset, so it is taken first.
  const std::string message = "write-sqlite: " + db_->path() + ": " + sqlite3_sql(stmt_) + ": " +
                              sqlite3_errmsg(db_->handle());
  sqlite3_reset(stmt_);
  throw FatalError(message);
}

void Statement::run() {
  while (step()) {
  }
  reset();
}

void Statement::reset() {
  sqlite3_reset(stmt_);
  sqlite3_clear_bindings(stmt_);
}

std::int64_t Statement::column_integer(int index) const {
  return sqlite3_column_int64(stmt_, index);
}

std::string_view Statement::column_text(int index) const {
  const auto* text = reinterpret_cast<const char*>(sqlite3_column_text(stmt_, index));
  return text == nullptr ? std::string_view()
                         : std::string_view(text, sqlite3_column_bytes(stmt_, index));
}

bool Statement::column_is_null(int index) const {
  return sqlite3_column_type(stmt_, index) == SQLITE_NULL;
}

}  // namespace nahr::write_sqlite
