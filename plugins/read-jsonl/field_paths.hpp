// The fields a record parser looks for, as a tree of dotted paths:
// "article.body" is the member "body" of the top-level object "article".
// The tree lets one forward pass over a record find every field, however
// deep, with one lookup per member.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace nahr::read_jsonl {

enum class FieldRole : std::uint8_t {
  step,  // not wanted itself: only on the way to deeper fields
  id,
  text,
  metadata,
};

struct FieldNode {
  std::string key;   // one path component
  std::string path;  // the dotted path from the top level ("" for the root)
  FieldRole role = FieldRole::step;
  std::vector<FieldNode> children;

  const FieldNode* child(std::string_view name) const {
    for (const FieldNode& c : children) {
      if (c.key == name) return &c;
    }
    return nullptr;
  }
};

// Builds the tree of the id, text and metadata paths. The id and text
// paths are never metadata: listing them there changes nothing. Throws
// std::invalid_argument for an empty path component ("a..b") and for
// paths that overlap ("meta" as metadata with "meta.id" as the id), since
// one value cannot be read both whole and in parts.
FieldNode build_field_tree(std::string_view id, std::string_view text,
                           const std::vector<std::string>& metadata);

}  // namespace nahr::read_jsonl
