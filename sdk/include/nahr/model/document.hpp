// nahr::model::Document: the document itself, as the host (and the SDK's
// test kit) hold it. Plugins see it only through nahr_host_api.
#pragma once

#include <nahr/abi.h>
#include <nahr/model/alignment.hpp>

#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace nahr::model {

struct Attribute {
  std::string key;
  std::string value;
};

struct Annotation {
  std::string type;
  std::uint64_t begin = 0;
  std::uint64_t end = 0;
  std::string_view stage;  // points into the pipeline's stage ids
  std::vector<Attribute> attributes;
};

class Document {
 public:
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
    annotations.clear();
  }

  std::string id;
  std::string source_file;
  std::uint64_t source_record = 0;
  std::uint64_t source_line = 0;
  std::vector<Attribute> metadata;
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
    for (Annotation& a : annotations) {
      a.begin = EditMap<true>::begin(edits, a.begin);
      a.end = std::max(a.begin, EditMap<true>::end(edits, a.end));
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

  const std::string* find_metadata(std::string_view key) const {
    for (const Attribute& m : metadata) {
      if (m.key == key) return &m.value;
    }
    return nullptr;
  }
  void set_metadata(std::string_view key, std::string_view value) {
    for (Attribute& m : metadata) {
      if (m.key == key) {
        m.value.assign(value);
        return;
      }
    }
    metadata.push_back(Attribute{std::string(key), std::string(value)});
  }

 private:
  std::string text_;
  std::string original_;
  bool rewritten_ = false;
  Alignment alignment_;
};

}  // namespace nahr::model
