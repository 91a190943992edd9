#include "sqlite_writer.hpp"

#include <algorithm>
#include <filesystem>
#include <functional>
#include <nahr/json.hpp>

#include "schema.hpp"

namespace nahr::write_sqlite {
namespace {

constexpr std::string_view kPartialSuffix = ".partial";

OffsetUnit parse_unit(std::string_view name) {
  for (OffsetUnit u : {OffsetUnit::codepoints, OffsetUnit::bytes, OffsetUnit::utf16}) {
    if (unit_name(u) == name) return u;
  }
  throw FatalError("write-sqlite: offsets must be \"codepoints\", \"bytes\" or \"utf16\", not \"" +
                   std::string(name) + "\"");
}

// True for mode = "replace", false for "update".
bool starts_empty(std::string_view mode) {
  if (mode == "replace") return true;
  if (mode == "update") return false;
  throw FatalError("write-sqlite: mode must be \"update\" or \"replace\", not \"" +
                   std::string(mode) + "\"");
}

bool same_text(std::string_view a, std::string_view b) {
  return (a.data() == b.data() && a.size() == b.size()) || a == b;
}

// Removes `path` and the journal files SQLite keeps beside it. A journal
// left by a killed run must not meet a new file of the same name: SQLite
// would replay it into the new database.
void remove_database_files(const std::string& path) {
  std::error_code ignored;
  for (const char* suffix : {"", "-wal", "-shm", "-journal"}) {
    std::filesystem::remove(path + suffix, ignored);
  }
}

template <class ForEach>  // for_each(f) calls f(key, value) per pair
void append_json_object(std::string& out, ForEach&& for_each) {
  out += '{';
  bool first = true;
  for_each([&](std::string_view key, std::string_view value) {
    if (!first) out += ',';
    first = false;
    json::append_string(out, key);
    out += ':';
    json::append_string(out, value);
  });
  out += '}';
}

constexpr const char* kNow = "strftime('%Y-%m-%dT%H:%M:%fZ', 'now')";

}  // namespace

std::vector<OptionSpec> SqliteWriter::schema() {
  return {
      text("mode", "update",
           "\"update\": add to the database already at the output path (a copy of it, renamed "
           "over it once the run succeeds); \"replace\": start from an empty database",
           {"update", "replace"}),
      integer("batch_size", 1000, "Documents per transaction"),
      text("offsets", "codepoints",
           "Unit of every annotation offset: codepoints (Python), utf16 (JavaScript, Java) or "
           "bytes (UTF-8); a database keeps the unit it was created with",
           {"codepoints", "bytes", "utf16"}),
      text_list("annotation_types", {}, "Annotation types to store; empty stores every type"),
      text("guid_key", "newsml.guid", "Metadata key of the NewsML item identifier"),
      text("version_key", "newsml.version", "Metadata key of the item's version (an integer)"),
      text("status_key", "newsml.pubStatus",
           "Metadata key of the item's publication status; canceled or withheld removes the item"),
  };
}

SqliteWriter::SqliteWriter(const Options& options)
    : start_empty_(starts_empty(options.text("mode"))),
      batch_size_(options.integer("batch_size")),
      unit_(parse_unit(options.text("offsets"))),
      types_(options.text_list("annotation_types")),
      keys_{options.text("guid_key"), options.text("version_key"), options.text("status_key")} {
  if (batch_size_ < 1) throw FatalError("write-sqlite: batch_size must be at least 1");
  std::sort(types_.begin(), types_.end());
}

void SqliteWriter::open(std::string_view path) {
  if (path == "-") {
    throw FatalError("write-sqlite: a database cannot go to standard output; give output a file");
  }
  open_database(std::string(path));
  prepare_statements();
  db_.exec("BEGIN");
  begin_run();
}

void SqliteWriter::open_database(const std::string& path) {
  // The host writes to "<output>.partial" and renames it over <output> once
  // the run has succeeded. In update mode the partial file starts as a copy
  // of <output>, so a failed run leaves <output> as it was.
  const bool temporary = path.ends_with(kPartialSuffix);
  const std::string output = temporary ? path.substr(0, path.size() - kPartialSuffix.size()) : path;
  if (temporary || start_empty_) remove_database_files(path);

  db_.open(path);
  if (!start_empty_ && temporary && std::filesystem::exists(output)) {
    Database previous;
    previous.open(output, /*read_only=*/true);
    db_.copy_from(previous);
    previous.close();
  }
  // WAL with synchronous=NORMAL commits a batch without waiting for the
  // disk; close() folds the log back into the file, so the result is one
  // self-contained file, as the rename expects.
  db_.exec("PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; PRAGMA foreign_keys = ON");
  prepare_schema(db_, unit_, output);
}

void SqliteWriter::prepare_statements() {
  sql_.emplace();
  sql_->find_item_documents.prepare(db_, "SELECT id, version FROM documents WHERE guid = ?1");
  sql_->find_withdrawn.prepare(db_, "SELECT version FROM withdrawn WHERE guid = ?1");
  sql_->delete_annotations.prepare(db_, "DELETE FROM annotations WHERE document_id = ?1");
  sql_->delete_document.prepare(db_, "DELETE FROM documents WHERE id = ?1");
  sql_->upsert_document.prepare(
      db_,
      "INSERT INTO documents(id, source_file, source_record, source_line, text, original_text, "
      "metadata, guid, version, run_id) VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10) "
      "ON CONFLICT(id) DO UPDATE SET source_file = excluded.source_file, "
      "source_record = excluded.source_record, source_line = excluded.source_line, "
      "text = excluded.text, original_text = excluded.original_text, "
      "metadata = excluded.metadata, guid = excluded.guid, version = excluded.version, "
      "run_id = excluded.run_id");
  sql_->insert_annotation.prepare(
      db_,
      "INSERT INTO annotations(document_id, type, begin, end, original_begin, original_end, "
      "stage, attributes, text) VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)");
  sql_->upsert_withdrawn.prepare(
      db_,
      "INSERT INTO withdrawn(guid, version, pub_status, document_id, run_id) "
      "VALUES(?1, ?2, ?3, ?4, ?5) ON CONFLICT(guid) DO UPDATE SET version = excluded.version, "
      "pub_status = excluded.pub_status, document_id = excluded.document_id, "
      "run_id = excluded.run_id");
  sql_->delete_withdrawn.prepare(db_, "DELETE FROM withdrawn WHERE guid = ?1");
  sql_->finish_run.prepare(db_, (std::string("UPDATE runs SET finished_at = ") + kNow +
                                 ", documents_written = ?2, documents_skipped = ?3, "
                                 "documents_withdrawn = ?4 WHERE run_id = ?1")
                                    .c_str());
}

void SqliteWriter::begin_run() {
  Statement insert;
  insert.prepare(db_, (std::string("INSERT INTO runs(started_at, plugin_version, config_sha256, "
                                   "provenance) VALUES(") +
                       kNow + ", ?1, json_extract(?2, '$.config_sha256'), ?2)")
                          .c_str());
  const std::string version = std::string(name) + " " + kPluginVersion;
  insert.bind(1, version);
  // The host's record of this run; NULL under a host that offers none.
  const std::string_view provenance = nahr::run_info_json();
  if (provenance.empty()) {
    insert.bind_null(2);
  } else {
    insert.bind(2, provenance);
  }
  insert.run();
  run_id_ = db_.last_insert_rowid();
  in_transaction_ = written_ = skipped_ = withdrawn_ = 0;
}

void SqliteWriter::close() {
  if (!db_.is_open()) return;
  Statement& finish = sql_->finish_run;
  finish.bind(1, run_id_);
  finish.bind(2, written_);
  finish.bind(3, skipped_);
  finish.bind(4, withdrawn_);
  finish.run();
  db_.exec("COMMIT");
  sql_.reset();  // finalizes every statement, which closing needs
  db_.exec("PRAGMA optimize");
  // Leaving WAL checkpoints the log into the file and deletes it.
  db_.exec("PRAGMA journal_mode = DELETE");
  db_.close();
}

void SqliteWriter::write(const Document& doc) {
  // Everything that can reject the document comes before any change.
  const Revision revision = read_revision(doc, keys_);
  if (!revision.guid.empty()) {
    const Known known = newest_known(revision.guid);
    const std::int64_t version = revision.version.value_or(0);
    // At an equal version, withdrawal wins, so the result is the same in
    // every arrival order.
    if (known.exists &&
        (version < known.version || (version == known.version && known.withdrawn))) {
      ++skipped_;
      end_of_document();
      return;
    }
    if (revision.withdrawn) {
      withdraw(doc, revision);
      ++withdrawn_;
      end_of_document();
      return;
    }
    delete_item_documents(revision.guid, doc.id());
    sql_->delete_withdrawn.bind(1, revision.guid);
    sql_->delete_withdrawn.run();
  }
  upsert(doc, revision);
  ++written_;
  end_of_document();
}

void SqliteWriter::end_of_document() {
  if (++in_transaction_ < batch_size_) return;
  db_.exec("COMMIT; BEGIN");
  in_transaction_ = 0;
}

SqliteWriter::Known SqliteWriter::newest_known(std::string_view guid) {
  Known known;
  Statement& documents = sql_->find_item_documents;
  documents.bind(1, guid);
  while (documents.step()) {
    const std::int64_t version = documents.column_is_null(1) ? 0 : documents.column_integer(1);
    if (!known.exists || version > known.version) known.version = version;
    known.exists = true;
  }
  documents.reset();
  Statement& withdrawn = sql_->find_withdrawn;
  withdrawn.bind(1, guid);
  if (withdrawn.step()) {
    const std::int64_t version = withdrawn.column_is_null(0) ? 0 : withdrawn.column_integer(0);
    if (!known.exists || version >= known.version) {
      known.version = version;
      known.withdrawn = true;
    }
    known.exists = true;
  }
  withdrawn.reset();
  return known;
}

void SqliteWriter::delete_item_documents(std::string_view guid, std::string_view keep_id) {
  doomed_ids_.clear();
  Statement& documents = sql_->find_item_documents;
  documents.bind(1, guid);
  while (documents.step()) {
    const std::string_view id = documents.column_text(0);
    if (id != keep_id) doomed_ids_.emplace_back(id);
  }
  documents.reset();
  for (const std::string& id : doomed_ids_) delete_document(id);
}

void SqliteWriter::delete_document(std::string_view id) {
  sql_->delete_annotations.bind(1, id);
  sql_->delete_annotations.run();
  sql_->delete_document.bind(1, id);
  sql_->delete_document.run();
}

void SqliteWriter::withdraw(const Document& doc, const Revision& revision) {
  delete_item_documents(revision.guid, {});
  // An id names one row: the withdrawal replaces whatever its id held.
  delete_document(doc.id());
  Statement& s = sql_->upsert_withdrawn;
  s.bind(1, revision.guid);
  s.bind(2, revision.version);
  s.bind(3, revision.status);
  s.bind(4, doc.id());
  s.bind(5, run_id_);
  s.run();
}

void SqliteWriter::upsert(const Document& doc, const Revision& revision) {
  sql_->delete_annotations.bind(1, doc.id());
  sql_->delete_annotations.run();

  const std::string_view text = doc.text();
  const std::string_view original = doc.original_text();
  const Source source = doc.source();
  json_.clear();
  append_json_object(json_, [&](auto&& pair) { doc.for_each_metadata(pair); });

  Statement& s = sql_->upsert_document;
  s.bind(1, doc.id());
  s.bind(2, source.file);
  s.bind(3, static_cast<std::int64_t>(source.record));
  s.bind(4, static_cast<std::int64_t>(source.line));
  s.bind(5, text);
  if (same_text(text, original))
    s.bind_null(6);
  else
    s.bind(6, original);
  s.bind(7, json_);
  if (revision.guid.empty())
    s.bind_null(8);
  else
    s.bind(8, revision.guid);
  s.bind(9, revision.version);
  s.bind(10, run_id_);
  s.run();

  insert_annotations(doc);
}

void SqliteWriter::insert_annotations(const Document& doc) {
  annotations_.clear();
  const std::size_t count = doc.annotation_count();
  for (std::size_t i = 0; i < count; ++i) {
    AnnotationView a = doc.annotation(i);
    if (types_.empty() || std::binary_search(types_.begin(), types_.end(), a.type, std::less<>())) {
      annotations_.push_back(a);
    }
  }
  if (annotations_.empty()) return;

  const std::string_view text = doc.text();
  const std::string_view original = doc.original_text();
  current_offsets_.reset(text, unit_);
  OffsetConverter* original_offsets = &current_offsets_;
  if (!same_text(original, text)) {
    original_offsets_.reset(original, unit_);
    original_offsets = &original_offsets_;
  }

  Statement& s = sql_->insert_annotation;
  for (const AnnotationView& a : annotations_) {
    const bool in_text = a.span.begin <= a.span.end && a.span.end <= text.size();
    json_.clear();
    append_json_object(json_, [&](auto&& pair) { doc.for_each_attribute(a, pair); });
    s.bind(1, doc.id());
    s.bind(2, a.type);
    s.bind(3, static_cast<std::int64_t>(current_offsets_.convert(a.span.begin)));
    s.bind(4, static_cast<std::int64_t>(current_offsets_.convert(a.span.end)));
    s.bind(5, static_cast<std::int64_t>(original_offsets->convert(a.original.begin)));
    s.bind(6, static_cast<std::int64_t>(original_offsets->convert(a.original.end)));
    s.bind(7, a.stage);
    s.bind(8, json_);
    s.bind(9, in_text ? text.substr(a.span.begin, a.span.end - a.span.begin) : std::string_view());
    s.run();
  }
}

}  // namespace nahr::write_sqlite
