// A document in the isolation wire format, so a worker process can run
// stages on it and send it back exactly as it would have come out of them
// in the host: id, source, metadata, the text as read and the current text
// with the alignment between them, and annotations with their attributes.
//
// Annotation types, attribute keys and stage ids repeat thousands of times
// per document; each distinct one crosses once per document and is then
// named by its index.
#pragma once

#include "isolation/wire.hpp"

#include <nahr/model/document.hpp>

#include <string>
#include <string_view>
#include <vector>

namespace nahr::host::isolation {

// The stage ids a decoded annotation may name. A document's annotations
// point at their stage's id, so decoding maps each name to one of these
// views, which must outlive every document decoded (the pipeline's
// StageConfig ids).
class StageIds {
 public:
  explicit StageIds(std::vector<std::string_view> ids) : ids_(std::move(ids)) {}
  // Sets `out` to the stored view equal to `id` (an empty id stays empty);
  // false when `id` is unknown.
  bool find(std::string_view id, std::string_view& out) const;

 private:
  std::vector<std::string_view> ids_;
};

// Keeps its symbol table between documents, so encoding reuses memory.
class DocumentEncoder {
 public:
  // Appends `doc` to `out`.
  void encode(const model::Document& doc, std::string& out);

 private:
  // Writes `s` as an index into `known`, preceded the first time by the
  // string itself.
  static void symbol(WireWriter& w, std::vector<std::string_view>& known, std::string_view s);

  std::vector<std::string_view> names_;  // types and attribute keys
  std::vector<std::string_view> stages_;
};

class DocumentDecoder {
 public:
  // Replaces `doc` with the document read from `in`. Returns nullptr on
  // success, else a static reason (and `doc` is unspecified).
  const char* decode(WireReader& in, const StageIds& stage_ids, model::Document& doc);

 private:
  std::vector<std::string_view> names_;   // views into the frame being read
  std::vector<std::string_view> stages_;  // views into `stage_ids`
  std::vector<nahr_edit> regions_;
};

}  // namespace nahr::host::isolation
