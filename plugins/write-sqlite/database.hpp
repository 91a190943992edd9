// Thin RAII wrappers over the SQLite C API. Every failure is a
// nahr::FatalError naming the database file and SQLite's message: a
// database that cannot be written stops the run.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

struct sqlite3;
struct sqlite3_stmt;

namespace nahr::write_sqlite {

class Database {
 public:
  Database() = default;
  Database(const Database&) = delete;
  Database& operator=(const Database&) = delete;
  // Closes without committing: SQLite rolls back an open transaction.
  ~Database();

  // Opens (creating) the database at `path`, read-write or read-only.
  void open(const std::string& path, bool read_only = false);
  // Closes and reports a failure to close.
  void close();
  bool is_open() const { return db_ != nullptr; }

  // Runs one or more statements that return nothing needed.
  void exec(const char* sql);
  // Runs a query whose first row's first column is an integer or text.
  std::int64_t query_integer(const char* sql);
  std::string query_text(const char* sql);

  // Replaces this database's content with `source`'s (the backup API).
  void copy_from(Database& source);

  std::int64_t last_insert_rowid() const;

  [[noreturn]] void fail(std::string_view action) const;
  sqlite3* handle() const { return db_; }
  const std::string& path() const { return path_; }

 private:
  sqlite3* db_ = nullptr;
  std::string path_;
};

// A prepared statement, reset and reused for every row.
class Statement {
 public:
  Statement() = default;
  Statement(const Statement&) = delete;
  Statement& operator=(const Statement&) = delete;
  ~Statement();

  void prepare(Database& db, const char* sql);
  void finalize();

  // Parameters are 1-based, as in SQL's ?1, ?2, ... Text is bound in place,
  // without a copy, so it must stay alive until the statement has run. It
  // is stored as valid UTF-8: each invalid sequence becomes U+FFFD (then in
  // a copy), so every SQLite client (Python's sqlite3 decodes strictly)
  // can read it back.
  void bind(int index, std::string_view text);
  void bind(int index, std::int64_t value);
  void bind(int index, std::optional<std::int64_t> value);
  void bind_null(int index);

  // Steps once; true while a row is available.
  bool step();
  // Runs a statement that returns no rows, then resets it.
  void run();
  void reset();

  std::int64_t column_integer(int index) const;
  std::string_view column_text(int index) const;
  bool column_is_null(int index) const;

 private:
  Database* db_ = nullptr;
  sqlite3_stmt* stmt_ = nullptr;
};

}  // namespace nahr::write_sqlite
