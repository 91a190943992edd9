#include "field_paths.hpp"

#include <stdexcept>

namespace nahr::read_jsonl {
namespace {

std::string quoted(std::string_view s) { return "\"" + std::string(s) + "\""; }

// Some field at or below `node`.
const FieldNode& wanted_field_under(const FieldNode& node) {
  return node.role == FieldRole::step ? wanted_field_under(node.children.front()) : node;
}

void add(FieldNode& root, std::string_view path, FieldRole role) {
  FieldNode* node = &root;
  std::size_t start = 0;
  for (;;) {
    const std::size_t dot = path.find('.', start);
    const std::string_view key =
        path.substr(start, dot == std::string_view::npos ? dot : dot - start);
    if (key.empty()) throw std::invalid_argument("field path " + quoted(path) + " has an empty part");
    if (node->role != FieldRole::step) {
      throw std::invalid_argument("field paths overlap: " + quoted(path) + " lies inside " +
                                  quoted(node->path));
    }
    FieldNode* next = nullptr;
    for (FieldNode& c : node->children) {
      if (c.key == key) next = &c;
    }
    if (next == nullptr) {
      next = &node->children.emplace_back(
          FieldNode{std::string(key), std::string(path.substr(0, dot)), FieldRole::step, {}});
    }
    node = next;
    if (dot == std::string_view::npos) break;
    start = dot + 1;
  }
  if (!node->children.empty()) {
    throw std::invalid_argument("field paths overlap: " +
                                quoted(wanted_field_under(*node).path) + " lies inside " +
                                quoted(path));
  }
  if (node->role == FieldRole::step) node->role = role;  // else listed twice
}

}  // namespace

FieldNode build_field_tree(std::string_view id, std::string_view text,
                           const std::vector<std::string>& metadata) {
  if (id == text) {
    throw std::invalid_argument("the id and text fields are both " + quoted(id));
  }
  FieldNode root;
  add(root, id, FieldRole::id);
  add(root, text, FieldRole::text);
  for (const std::string& field : metadata) {
    if (field != id && field != text) add(root, field, FieldRole::metadata);
  }
  return root;
}

}  // namespace nahr::read_jsonl
