// The write-sqlite stage: documents and annotations into an SQLite
// database, upserted by document id, newest NewsML version per item.
#pragma once

#include <nahr/offsets.hpp>
#include <nahr/plugin.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "database.hpp"
#include "newsml.hpp"

namespace nahr::write_sqlite {

inline constexpr const char* kPluginVersion = "1.0.0";

class SqliteWriter final : public nahr::Writer {
 public:
  static constexpr const char* name = "write-sqlite";
  static constexpr const char* summary =
      "Writes documents and annotations to an SQLite database: upsert by id, newest NewsML "
      "version per item";
  static std::vector<OptionSpec> schema();

  explicit SqliteWriter(const Options& options);

  void open(std::string_view path);
  void write(const Document& doc);
  void close();

 private:
  // What the database knows of an item: its newest version, and whether
  // that version withdrew it.
  struct Known {
    bool exists = false;
    std::int64_t version = 0;
    bool withdrawn = false;
  };

  void open_database(const std::string& path);
  void prepare_statements();
  void begin_run();
  Known newest_known(std::string_view guid);
  // Deletes the documents of item `guid` other than `keep_id`.
  void delete_item_documents(std::string_view guid, std::string_view keep_id);
  void delete_document(std::string_view id);
  void withdraw(const Document& doc, const Revision& revision);
  void upsert(const Document& doc, const Revision& revision);
  void insert_annotations(const Document& doc);
  void end_of_document();

  bool start_empty_;  // mode = "replace"
  std::int64_t batch_size_;
  OffsetUnit unit_;
  std::vector<std::string> types_;  // sorted; empty = every type
  RevisionKeys keys_;

  Database db_;
  // Prepared once per run and reused for every document; reset (which
  // finalizes them) before the database closes.
  struct Statements {
    Statement find_item_documents, find_withdrawn, delete_annotations, delete_document,
        upsert_document, insert_annotation, upsert_withdrawn, delete_withdrawn, finish_run;
  };
  std::optional<Statements> sql_;
  std::int64_t run_id_ = 0;
  std::int64_t in_transaction_ = 0;  // documents since the last commit
  std::int64_t written_ = 0, skipped_ = 0, withdrawn_ = 0;

  // Reused for every document.
  std::vector<AnnotationView> annotations_;
  std::vector<std::string> doomed_ids_;
  OffsetConverter current_offsets_;
  OffsetConverter original_offsets_;
  std::string json_;
};

}  // namespace nahr::write_sqlite
