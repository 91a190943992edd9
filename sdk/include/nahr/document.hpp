// nahr::Document: a thin, zero-copy view of a host document.
#pragma once

#include <nahr/error.hpp>
#include <nahr/host.hpp>

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>

namespace nahr {

struct Span {
  std::uint64_t begin = 0;
  std::uint64_t end = 0;
  friend bool operator==(const Span&, const Span&) = default;
};

struct Source {
  std::string_view file;
  std::uint64_t record = 0;
  std::uint64_t line = 0;
};

struct AnnotationView {
  std::string_view type;
  Span span;      // current text
  Span original;  // text as read
  std::string_view stage;
  std::size_t attribute_count = 0;
  std::size_t index = 0;
};

class Document;

// Returned by Document::annotate() to attach attributes fluently.
class AnnotationRef {
 public:
  AnnotationRef(nahr_document* doc, std::size_t index) : doc_(doc), index_(index) {}
  AnnotationRef& set(std::string_view key, std::string_view value) {
    api().doc_set_annotation_attribute(doc_, index_, to_str(key), to_str(value));
    return *this;
  }
  std::size_t index() const { return index_; }

 private:
  nahr_document* doc_;
  std::size_t index_;
};

class Document {
 public:
  explicit Document(nahr_document* doc) : doc_(doc) {}
  explicit Document(const nahr_document* doc) : doc_(const_cast<nahr_document*>(doc)) {}

  std::string_view id() const { return to_view(api().doc_id(doc_)); }
  std::string_view text() const { return to_view(api().doc_text(doc_)); }
  std::string_view original_text() const { return to_view(api().doc_original_text(doc_)); }
  Source source() const {
    nahr_source s = api().doc_source(doc_);
    return Source{to_view(s.file), s.record, s.line};
  }

  std::optional<std::string_view> metadata(std::string_view key) const {
    nahr_str value{};
    if (api().doc_metadata_find(doc_, to_str(key), &value) == 0) return std::nullopt;
    return to_view(value);
  }
  template <class F>  // F(std::string_view key, std::string_view value)
  void for_each_metadata(F&& f) const {
    const std::size_t n = api().doc_metadata_count(doc_);
    for (std::size_t i = 0; i < n; ++i) {
      nahr_str k{}, v{};
      api().doc_metadata_at(doc_, i, &k, &v);
      f(to_view(k), to_view(v));
    }
  }

  std::size_t annotation_count() const { return api().doc_annotation_count(doc_); }
  AnnotationView annotation(std::size_t i) const {
    nahr_annotation_view v{};
    api().doc_annotation_at(doc_, i, &v);
    return AnnotationView{to_view(v.type), {v.begin, v.end}, {v.original_begin, v.original_end},
                          to_view(v.stage), v.attribute_count, i};
  }
  template <class F>  // F(std::string_view key, std::string_view value)
  void for_each_attribute(const AnnotationView& a, F&& f) const {
    for (std::size_t j = 0; j < a.attribute_count; ++j) {
      nahr_str k{}, v{};
      api().doc_annotation_attribute_at(doc_, a.index, j, &k, &v);
      f(to_view(k), to_view(v));
    }
  }
  std::optional<std::string_view> attribute(const AnnotationView& a, std::string_view key) const {
    std::optional<std::string_view> found;
    for_each_attribute(a, [&](std::string_view k, std::string_view v) {
      if (k == key) found = v;
    });
    return found;
  }

  Span to_original(Span current) const {
    Span out;
    api().doc_to_original(doc_, current.begin, current.end, &out.begin, &out.end);
    return out;
  }

  void set_id(std::string_view id) { api().doc_set_id(doc_, to_str(id)); }
  void set_source(std::string_view file, std::uint64_t record, std::uint64_t line) {
    api().doc_set_source(doc_, to_str(file), record, line);
  }
  void set_text(std::string_view text) { api().doc_set_text(doc_, to_str(text)); }
  void set_metadata(std::string_view key, std::string_view value) {
    api().doc_set_metadata(doc_, to_str(key), to_str(value));
  }
  AnnotationRef annotate(std::string_view type, Span span) {
    return AnnotationRef(doc_, api().doc_add_annotation(doc_, to_str(type), span.begin, span.end));
  }

  // Normalisers: replaces the text; see nahr::TextRewriter, which builds the
  // edits. Throws DocumentError when the edits do not describe new_text.
  void rewrite(std::string_view new_text, std::span<const nahr_edit> edits) {
    const char* reason = nullptr;
    if (api().doc_rewrite_text(doc_, to_str(new_text), edits.data(), edits.size(), &reason) !=
        NAHR_OK) {
      throw DocumentError(std::string("text rewrite rejected: ") + (reason ? reason : "?"));
    }
  }

  nahr_document* handle() const { return doc_; }

 private:
  nahr_document* doc_;
};

}  // namespace nahr
