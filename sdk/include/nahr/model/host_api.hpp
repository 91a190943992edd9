// The nahr_host_api function table over nahr::model::Document. The host
// fills in its own logging; the SDK's test kit uses the same table, so a
// stage behaves the same in a unit test as in a run.
#pragma once

#include <nahr/abi.h>
#include <nahr/model/document.hpp>

#include <cstdint>
#include <limits>
#include <string>
#include <string_view>

namespace nahr::model {

// What a plugin's error message is written into.
struct ErrorSlot {
  std::string message;
};

// The host side of nahr_input: one opened byte stream.
class InputStream {
 public:
  virtual ~InputStream() = default;
  virtual std::string_view name() const = 0;
  // Returns bytes read (0 at end); on failure returns false with `reason`.
  virtual bool read(char* buffer, std::size_t capacity, std::size_t& got, std::string& reason) = 0;
  // The bytes [begin, end) whose records the reader is to return; the
  // whole input unless a sharded run handed out a part of it.
  virtual void part(std::uint64_t& begin, std::uint64_t& end) const {
    begin = 0;
    end = UINT64_MAX;
  }
};

namespace detail {

inline nahr_str str(std::string_view s) { return nahr_str{s.data(), s.size()}; }
inline std::string_view view(nahr_str s) { return std::string_view(s.data, s.size); }
inline Document& doc(nahr_document* d) { return *reinterpret_cast<Document*>(d); }
inline const Document& doc(const nahr_document* d) { return *reinterpret_cast<const Document*>(d); }

struct InputHandle {
  InputStream* stream;
  std::uint64_t max_record_bytes;
  std::string reason;
};

inline void set_error(nahr_error* e, nahr_str message) {
  reinterpret_cast<ErrorSlot*>(e)->message.assign(message.data, message.size);
}
inline nahr_str doc_id(const nahr_document* d) { return str(doc(d).id); }
inline nahr_str doc_text(const nahr_document* d) { return str(doc(d).text()); }
inline nahr_str doc_original_text(const nahr_document* d) { return str(doc(d).original_text()); }
inline nahr_source doc_source(const nahr_document* d) {
  const Document& x = doc(d);
  return nahr_source{str(x.source_file), x.source_record, x.source_line};
}
inline size_t doc_metadata_count(const nahr_document* d) { return doc(d).metadata.size(); }
inline void doc_metadata_at(const nahr_document* d, size_t i, nahr_str* k, nahr_str* v) {
  const MetadataEntry& m = doc(d).metadata[i];
  *k = str(m.key);
  *v = str(m.value);
}
inline int doc_metadata_find(const nahr_document* d, nahr_str key, nahr_str* value) {
  const std::string* found = doc(d).find_metadata(view(key));
  if (found == nullptr) return 0;
  *value = str(*found);
  return 1;
}
inline size_t doc_annotation_count(const nahr_document* d) { return doc(d).annotations.size(); }
inline void doc_annotation_at(const nahr_document* d, size_t i, nahr_annotation_view* out) {
  const Document& x = doc(d);
  const Annotation& a = x.annotations[i];
  const auto [ob, oe] = x.to_original(a.begin, a.end);
  *out = nahr_annotation_view{str(a.type), a.begin, a.end, ob, oe, str(a.stage), a.attributes.size()};
}
inline void doc_annotation_attribute_at(const nahr_document* d, size_t i, size_t j, nahr_str* k,
                                        nahr_str* v) {
  const Attribute& a = doc(d).annotations[i].attributes[j];
  *k = str(a.key);
  *v = str(a.value);
}
inline void doc_to_original(const nahr_document* d, uint64_t b, uint64_t e, uint64_t* ob,
                            uint64_t* oe) {
  const auto [x, y] = doc(d).to_original(b, e);
  *ob = x;
  *oe = y;
}
inline void doc_set_id(nahr_document* d, nahr_str id) { doc(d).id.assign(id.data, id.size); }
inline void doc_set_source(nahr_document* d, nahr_str file, uint64_t record, uint64_t line) {
  Document& x = doc(d);
  x.source_file.assign(file.data, file.size);
  x.source_record = record;
  x.source_line = line;
}
inline void doc_set_text(nahr_document* d, nahr_str text) { doc(d).set_text(view(text)); }
inline void doc_set_metadata(nahr_document* d, nahr_str k, nahr_str v) {
  doc(d).set_metadata(view(k), view(v));
}
inline nahr_status doc_rewrite_text(nahr_document* d, nahr_str text, const nahr_edit* edits,
                                    size_t n, const char** reason) {
  const char* why = doc(d).rewrite(view(text), std::span<const nahr_edit>(edits, n));
  if (why == nullptr) return NAHR_OK;
  if (reason != nullptr) *reason = why;
  return NAHR_DOCUMENT_ERROR;
}
inline size_t doc_add_annotation(nahr_document* d, nahr_str type, uint64_t b, uint64_t e) {
  Document& x = doc(d);
  const uint64_t size = x.text().size();
  e = std::min(e, size);
  b = std::min(b, e);
  return x.add_annotation(view(type), b, e, x.current_stage);
}
inline void doc_set_annotation_attribute(nahr_document* d, size_t i, nahr_str k, nahr_str v) {
  doc(d).set_attribute(i, view(k), view(v));
}
inline nahr_str input_name(const nahr_input* in) {
  return str(reinterpret_cast<const InputHandle*>(in)->stream->name());
}
inline uint64_t input_max_record_bytes(const nahr_input* in) {
  return reinterpret_cast<const InputHandle*>(in)->max_record_bytes;
}
inline nahr_status input_read(nahr_input* in, char* buffer, size_t capacity, size_t* got,
                              nahr_str* reason) {
  auto* h = reinterpret_cast<InputHandle*>(in);
  if (h->stream->read(buffer, capacity, *got, h->reason)) return NAHR_OK;
  *got = 0;
  if (reason != nullptr) *reason = str(h->reason);
  return NAHR_DOCUMENT_ERROR;
}
inline void input_part(const nahr_input* in, uint64_t* begin, uint64_t* end) {
  std::uint64_t b = 0, e = 0;
  reinterpret_cast<const InputHandle*>(in)->stream->part(b, e);
  *begin = b;
  *end = e;
}

}  // namespace detail

inline nahr_document* as_handle(Document& d) { return reinterpret_cast<nahr_document*>(&d); }
inline nahr_error* as_handle(ErrorSlot& e) { return reinterpret_cast<nahr_error*>(&e); }

// Wraps an InputStream for the duration of one open_input call sequence.
// `max_record_bytes` is what the reader is told is the largest record it
// may hold (the run's max_document_bytes).
class InputBinding {
 public:
  explicit InputBinding(InputStream& stream,
                        std::uint64_t max_record_bytes = std::numeric_limits<std::uint64_t>::max())
      : handle_{&stream, max_record_bytes, {}} {}
  nahr_input* handle() { return reinterpret_cast<nahr_input*>(&handle_); }

 private:
  detail::InputHandle handle_;
};

using LogFunction = void (*)(nahr_log_level, nahr_str);
using RunInfoFunction = nahr_str (*)();

inline nahr_str no_run_info() { return nahr_str{"", 0}; }

inline nahr_host_api make_host_api(LogFunction log, RunInfoFunction run_info = &no_run_info) {
  using namespace detail;
  nahr_host_api api{};
  api.abi_version = NAHR_ABI_VERSION;
  api.struct_size = sizeof(nahr_host_api);
  api.set_error = &set_error;
  api.log = log;
  api.doc_id = &doc_id;
  api.doc_text = &doc_text;
  api.doc_original_text = &doc_original_text;
  api.doc_source = &doc_source;
  api.doc_metadata_count = &doc_metadata_count;
  api.doc_metadata_at = &doc_metadata_at;
  api.doc_metadata_find = &doc_metadata_find;
  api.doc_annotation_count = &doc_annotation_count;
  api.doc_annotation_at = &doc_annotation_at;
  api.doc_annotation_attribute_at = &doc_annotation_attribute_at;
  api.doc_to_original = &doc_to_original;
  api.doc_set_id = &doc_set_id;
  api.doc_set_source = &doc_set_source;
  api.doc_set_text = &doc_set_text;
  api.doc_set_metadata = &doc_set_metadata;
  api.doc_rewrite_text = &doc_rewrite_text;
  api.doc_add_annotation = &doc_add_annotation;
  api.doc_set_annotation_attribute = &doc_set_annotation_attribute;
  api.input_name = &input_name;
  api.input_read = &input_read;
  api.run_info_json = run_info;
  api.input_part = &input_part;
  api.input_max_record_bytes = &input_max_record_bytes;
  return api;
}

}  // namespace nahr::model
