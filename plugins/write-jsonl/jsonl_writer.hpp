// The write-jsonl stage: one JSON object per document per line, with the
// document's source, text, metadata and annotations, offsets in the unit the
// consumer asked for.
#pragma once

#include <nahr/json.hpp>
#include <nahr/offsets.hpp>
#include <nahr/plugin.hpp>

#include <string>
#include <string_view>
#include <vector>

namespace nahr::write_jsonl {

class JsonlWriter final : public nahr::Writer {
 public:
  static constexpr const char* name = "write-jsonl";
  static constexpr const char* summary =
      "Writes one JSON object per document per line: id, source, text, metadata, annotations";
  static std::vector<OptionSpec> schema();
  // Samples with their expected results, run by `nahr plugin verify` (plugin.cpp).
  static std::vector<SelfTest> self_tests();

  explicit JsonlWriter(const Options& options);

  void encode(const Document& doc, std::string& out);

 private:
  bool wanted(std::string_view type) const;
  void append_source(std::string& out, const Document& doc) const;
  void append_annotations(std::string& out, const Document& doc);

  bool write_text_;
  bool write_original_text_;
  bool write_original_offsets_;
  bool write_source_;
  OffsetUnit unit_;
  std::vector<std::string> types_;  // sorted; empty = every type

  // Reused for every document.
  OffsetConverter current_offsets_;
  OffsetConverter original_offsets_;
  // Annotations come in runs of one type from one stage, with the same
  // attribute keys: each is escaped once per run.
  json::QuotedCache quoted_type_, quoted_stage_, quoted_key_;
};

}  // namespace nahr::write_jsonl
