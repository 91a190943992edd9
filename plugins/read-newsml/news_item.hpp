// What one NewsML-G2 <newsItem> says: its identity (guid, version,
// publication status), the descriptive metadata of its itemMeta and
// contentMeta, and its body text.
#pragma once

#include <pugixml.hpp>

#include <string>
#include <utility>
#include <vector>

namespace nahr::read_newsml {

struct NewsItem {
  std::string guid;     // empty when the item has none
  std::string version;  // "1" when the item does not say (the G2 default)
  std::string headline;
  std::string body;  // paragraphs separated by a blank line
  // Key, value; the named fields first, then every other element of
  // itemMeta, contentMeta and rightsInfo as "newsml.<path>", in document
  // order, repeated elements' values joined by ';'.
  std::vector<std::pair<std::string, std::string>> metadata;
};

NewsItem read_news_item(pugi::xml_node item);

}  // namespace nahr::read_newsml
