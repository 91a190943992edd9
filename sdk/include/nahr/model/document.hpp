// nahr::model::Document: the document itself, as the host (and the SDK's
// test kit) hold it. Plugins see it only through nahr_host_api.
#pragma once

#include <nahr/abi.h>
#include <nahr/model/alignment.hpp>
#include <nahr/model/string_arena.hpp>

#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace nahr::model {

struct MetadataEntry {
  std::string key;
  std::string value;
};

// Annotation strings live in the document's arena (see add_annotation and
// set_attribute), so adding one costs no allocation once a reused document
// has warmed up. Tests may also point them at string literals.
struct Attribute {
  std::string_view key;
  std::string_view value;
};

struct Annotation {
  std::string_view type;
  std::uint64_t begin = 0;
  std::uint64_t end = 0;
  std::string_view stage;  // points into the pipeline's stage ids
  std::vector<Attribute> attributes;
};

class Document {
 public:
  Document() = default;
  Document(Document&&) noexcept = default;
  Document& operator=(Document&&) noexcept = default;
  // A copy gets its own arena: views must not point into another document.
  Document(const Document& other) { *this = other; }
  Document& operator=(const Document& other) {
    if (this == &other) return *this;
    id = other.id;
    source_file = other.source_file;
    source_record = other.source_record;
    source_line = other.source_line;
    metadata = other.metadata;
    current_stage = other.current_stage;
    text_ = other.text_;
    original_ = other.original_;
    rewritten_ = other.rewritten_;
    alignment_ = other.alignment_;
    clear_annotations();
    for (const Annotation& a : other.annotations) {
      const std::size_t i = add_annotation(a.type, a.begin, a.end, a.stage);
      for (const Attribute& x : a.attributes) set_attribute(i, x.key, x.value);
    }
    return *this;
  }

  // Empties the document for reuse; keeps allocated capacity.
  void clear() {
    id.clear();
    source_file.clear();
    source_record = source_line = 0;
    text_.clear();
    original_.clear();
    rewritten_ = false;
    alignment_.clear();
    metadata.clear();
    clear_annotations();
  }

  // Empties the document and frees the memory clear() would keep. (Moving
  // an empty document in would not: a string moved from a short one keeps
  // its own buffer.)
  void release() {
    Document gone(std::move(*this));  // takes every buffer with it
    clear();
  }

  // The memory the document's contents take: what processing it needed.
  std::size_t content_bytes() const {
    std::size_t attributes = 0;
    for (const Annotation& a : annotations) attributes += a.attributes.size();
    return text_.size() + (rewritten_ ? original_.size() : 0) + strings_.size() +
           alignment_.regions().size() * sizeof(nahr_edit) +
           annotations.size() * sizeof(Annotation) + attributes * sizeof(Attribute);
  }

  // The memory the document holds, most of which clear() keeps for the
  // next one. A host reusing documents frees those that grew far past what
  // its documents need, so that one huge story does not pin its memory for
  // the rest of the run.
  std::size_t retained_bytes() const {
    std::size_t attribute_bytes = 0;
    for (const Annotation& a : annotations) attribute_bytes += a.attributes.capacity();
    for (const std::vector<Attribute>& spare : spare_attributes_) {
      attribute_bytes += spare.capacity();
    }
    attribute_bytes *= sizeof(Attribute);
    return text_.capacity() + original_.capacity() + strings_.capacity() +
           alignment_.capacity_bytes() + annotations.capacity() * sizeof(Annotation) +
           spare_attributes_.capacity() * sizeof(spare_attributes_[0]) + attribute_bytes +
           interned_.capacity() * sizeof(std::string_view);
  }

  std::string id;
  std::string source_file;
  std::uint64_t source_record = 0;
  std::uint64_t source_line = 0;
  std::vector<MetadataEntry> metadata;
  std::vector<Annotation> annotations;
  // Id of the stage now working on the document; recorded in annotations.
  std::string_view current_stage;

  const std::string& text() const { return text_; }
  // The text as read: kept apart only once a normaliser has changed it.
  const std::string& original_text() const { return rewritten_ ? original_ : text_; }
  const Alignment& alignment() const { return alignment_; }
  bool rewritten() const { return rewritten_; }

  // Sets the text as read (readers).
  void set_text(std::string_view text) {
    text_.assign(text);
    original_.clear();
    rewritten_ = false;
    alignment_.clear();
  }

  // Replaces the text through `edits`; returns a reason when they do not
  // describe the change, nullptr on success.
  const char* rewrite(std::string_view new_text, std::span<const nahr_edit> edits) {
    if (const char* reason = check_edits(edits, text_.size(), new_text.size())) return reason;
    if (edits.empty()) return nullptr;
    std::size_t hint = 0;  // annotations mostly come in text order
    for (Annotation& a : annotations) {
      a.begin = EditMap<true>::begin(edits, a.begin, hint);
      a.end = std::max(a.begin, EditMap<true>::end(edits, a.end, hint));
    }
    alignment_.compose(edits);
    if (!rewritten_) {
      original_ = std::move(text_);
      rewritten_ = true;
    }
    text_.assign(new_text);
    return nullptr;
  }

  std::pair<std::uint64_t, std::uint64_t> to_original(std::uint64_t begin, std::uint64_t end) const {
    if (alignment_.identity()) return {begin, end};
    const std::uint64_t b = alignment_.begin_to_original(begin);
    return {b, std::max(b, alignment_.end_to_original(end))};
  }

  // Adds an annotation over current offsets [begin, end); returns its index.
  std::size_t add_annotation(std::string_view type, std::uint64_t begin, std::uint64_t end,
                             std::string_view stage) {
    annotations.push_back(Annotation{intern(type, last_type_), begin, end, stage, {}});
    return annotations.size() - 1;
  }

  void set_attribute(std::size_t annotation, std::string_view key, std::string_view value) {
    std::vector<Attribute>& attributes = annotations[annotation].attributes;
    for (Attribute& a : attributes) {
      if (a.key == key) {
        a.value = strings_.store(value);
        return;
      }
    }
    if (attributes.capacity() == 0 && !spare_attributes_.empty()) {
      attributes = std::move(spare_attributes_.back());
      spare_attributes_.pop_back();
    }
    attributes.push_back(Attribute{intern(key, last_key_), strings_.store(value)});
  }

  const std::string* find_metadata(std::string_view key) const {
    for (const MetadataEntry& m : metadata) {
      if (m.key == key) return &m.value;
    }
    return nullptr;
  }
  void set_metadata(std::string_view key, std::string_view value) {
    for (MetadataEntry& m : metadata) {
      if (m.key == key) {
        m.value.assign(value);
        return;
      }
    }
    metadata.push_back(MetadataEntry{std::string(key), std::string(value)});
  }

 private:
  // Types and attribute keys repeat thousands of times per document; each
  // distinct one is stored once. `last` is where the caller found its
  // previous one, looked at first: a stage adds runs of annotations of one
  // type, most with the same one key.
  std::string_view intern(std::string_view s, std::size_t& last) {
    if (last < interned_.size() && interned_[last] == s) return interned_[last];
    for (std::size_t i = 0; i < interned_.size(); ++i) {
      if (interned_[i] == s) {
        last = i;
        return interned_[i];
      }
    }
    last = interned_.size();
    interned_.push_back(strings_.store(s));
    return interned_.back();
  }

  // Keeps the attribute vectors' memory for the next document.
  void clear_annotations() {
    for (Annotation& a : annotations) {
      if (a.attributes.capacity() == 0) continue;
      a.attributes.clear();
      spare_attributes_.push_back(std::move(a.attributes));
    }
    annotations.clear();
    interned_.clear();
    strings_.reset();
  }

  StringArena strings_;
  std::vector<std::string_view> interned_;
  std::size_t last_type_ = 0, last_key_ = 0;  // intern()'s hints
  std::vector<std::vector<Attribute>> spare_attributes_;
  std::string text_;
  std::string original_;
  bool rewritten_ = false;
  Alignment alignment_;
};

}  // namespace nahr::model
