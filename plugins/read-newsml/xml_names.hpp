// Element names without namespace prefixes: NewsML-G2 may come with the
// default namespace (<newsItem>) or a prefix (<nar:newsItem>), and pugixml
// does not resolve namespaces.
#pragma once

#include <pugixml.hpp>

#include <string_view>

namespace nahr::read_newsml {

inline std::string_view local_name(pugi::xml_node node) {
  const std::string_view name = node.name();
  const std::size_t colon = name.rfind(':');
  return colon == std::string_view::npos ? name : name.substr(colon + 1);
}

// The first child element called `name` (any prefix), or an empty node.
inline pugi::xml_node child_named(pugi::xml_node parent, std::string_view name) {
  for (pugi::xml_node child : parent.children()) {
    if (child.type() == pugi::node_element && local_name(child) == name) return child;
  }
  return {};
}

// An attribute by its name without prefix ("lang" finds xml:lang).
inline std::string_view attribute_named(pugi::xml_node node, std::string_view name) {
  for (pugi::xml_attribute a : node.attributes()) {
    std::string_view attribute = a.name();
    const std::size_t colon = attribute.rfind(':');
    if (colon != std::string_view::npos) attribute.remove_prefix(colon + 1);
    if (attribute == name) return a.value();
  }
  return {};
}

}  // namespace nahr::read_newsml
