#include "news_item.hpp"

#include "xhtml_text.hpp"
#include "xml_names.hpp"

#include <algorithm>
#include <array>
#include <span>
#include <string_view>

namespace nahr::read_newsml {
namespace {

using Metadata = std::vector<std::pair<std::string, std::string>>;

// Elements read into named fields, so not repeated as newsml.<path>.
constexpr std::array<std::string_view, 3> kNamedInItemMeta = {"firstCreated", "pubStatus",
                                                              "versionCreated"};
constexpr std::array<std::string_view, 5> kNamedInContentMeta = {"dateline", "headline",
                                                                 "language", "slugline", "subject"};

bool is_text(const pugi::xml_node node) {
  return node.type() == pugi::node_pcdata || node.type() == pugi::node_cdata;
}

bool has_text(pugi::xml_node element) {
  return std::any_of(element.children().begin(), element.children().end(), [](pugi::xml_node c) {
    return is_text(c) &&
           std::string_view(c.value()).find_first_not_of(" \t\n\r") != std::string_view::npos;
  });
}

bool has_child_elements(pugi::xml_node element) {
  return std::any_of(element.children().begin(), element.children().end(),
                     [](pugi::xml_node c) { return c.type() == pugi::node_element; });
}

// What a G2 element without text stands for: a controlled-vocabulary code
// (qcode), a free value (literal), or a reference (uri, href).
std::string_view code_of(pugi::xml_node element) {
  for (std::string_view name : {"qcode", "literal", "uri", "href"}) {
    const std::string_view value = attribute_named(element, name);
    if (!value.empty()) return value;
  }
  return {};
}

std::string text_of(pugi::xml_node element) { return element ? inline_text(element) : ""; }

// Adds a value; a key seen before gets it appended after a ';'.
void add(Metadata& metadata, std::string key, std::string_view value) {
  if (value.empty()) return;
  for (auto& [k, v] : metadata) {
    if (k == key) {
      v += ';';
      v += value;
      return;
    }
  }
  metadata.emplace_back(std::move(key), std::string(value));
}

// Every element below `parent` but those in `skip` as <prefix>.<name>:
// elements with text give their text, the others their code, and elements
// with child elements then give their children, one step deeper.
void add_elements(Metadata& metadata, pugi::xml_node parent, const std::string& prefix,
                  std::span<const std::string_view> skip = {}) {
  for (pugi::xml_node child : parent.children()) {
    if (child.type() != pugi::node_element) continue;
    const std::string_view name = local_name(child);
    if (std::find(skip.begin(), skip.end(), name) != skip.end()) continue;
    std::string key = prefix + "." + std::string(name);
    if (has_text(child)) {
      add(metadata, std::move(key), inline_text(child));
      continue;
    }
    add(metadata, key, code_of(child));
    if (has_child_elements(child)) add_elements(metadata, child, key);
  }
}

// The element's <name> in `lang` ("ar" also matches "ar-SA"), else its first.
std::string name_in(pugi::xml_node element, std::string_view lang) {
  pugi::xml_node first;
  for (pugi::xml_node child : element.children()) {
    if (child.type() != pugi::node_element || local_name(child) != "name") continue;
    if (!first) first = child;
    const std::string_view name_lang = attribute_named(child, "lang");
    if (!lang.empty() && name_lang.starts_with(lang) &&
        (name_lang.size() == lang.size() || name_lang[lang.size()] == '-')) {
      return inline_text(child);
    }
  }
  return text_of(first);
}

// "medtop:16000000=نزاع;medtop:11000000": each subject's code, with its name
// when it has one. A ';' inside a name becomes ',' so the list splits.
std::string subjects_of(pugi::xml_node content_meta, std::string_view lang) {
  std::string out;
  for (pugi::xml_node subject : content_meta.children()) {
    if (subject.type() != pugi::node_element || local_name(subject) != "subject") continue;
    const std::string_view code = code_of(subject);
    std::string name = name_in(subject, lang);
    std::replace(name.begin(), name.end(), ';', ',');
    if (code.empty() && name.empty()) continue;
    if (!out.empty()) out += ';';
    out += code;
    if (!code.empty() && !name.empty()) out += '=';
    out += name;
  }
  return out;
}

// "2019-03-07" from "2019-03-07T10:30:00+01:00", if it has that shape.
std::string_view calendar_date(std::string_view timestamp) {
  if (timestamp.size() < 10) return {};
  const std::string_view date = timestamp.substr(0, 10);
  for (std::size_t i = 0; i < date.size(); ++i) {
    const bool dash = i == 4 || i == 7;
    if (dash ? date[i] != '-' : (date[i] < '0' || date[i] > '9')) return {};
  }
  return date;
}

// The body: the XHTML of the first inlineXML (an XHTML one if there are
// several), else the text of an inlineData.
std::string body_of(pugi::xml_node content_set) {
  pugi::xml_node chosen;
  for (pugi::xml_node child : content_set.children()) {
    if (child.type() != pugi::node_element || local_name(child) != "inlineXML") continue;
    if (!chosen) chosen = child;
    if (attribute_named(child, "contenttype").find("html") != std::string_view::npos) {
      chosen = child;
      break;
    }
  }
  if (chosen) return xhtml_text(chosen);
  const pugi::xml_node data = child_named(content_set, "inlineData");
  if (!data) return {};
  std::string_view text = data.text().get();
  const std::size_t first = text.find_first_not_of(" \t\n\r");
  if (first == std::string_view::npos) return {};
  text = text.substr(first, text.find_last_not_of(" \t\n\r") - first + 1);
  return std::string(text);
}

}  // namespace

NewsItem read_news_item(pugi::xml_node item) {
  NewsItem news;
  news.guid = attribute_named(item, "guid");
  news.version = attribute_named(item, "version");
  if (news.version.empty()) news.version = "1";

  const pugi::xml_node item_meta = child_named(item, "itemMeta");
  const pugi::xml_node content_meta = child_named(item, "contentMeta");
  const pugi::xml_node pub_status = child_named(item_meta, "pubStatus");
  const std::string version_created = text_of(child_named(item_meta, "versionCreated"));
  std::string lang(attribute_named(child_named(content_meta, "language"), "tag"));
  if (lang.empty()) lang = attribute_named(item, "lang");
  news.headline = text_of(child_named(content_meta, "headline"));

  Metadata& m = news.metadata;
  add(m, "newsml.guid", news.guid);
  add(m, "newsml.version", news.version);
  add(m, "newsml.pubStatus", pub_status ? code_of(pub_status) : "stat:usable");
  add(m, "newsml.firstCreated", text_of(child_named(item_meta, "firstCreated")));
  add(m, "newsml.versionCreated", version_created);
  add(m, "date", calendar_date(version_created));
  add(m, "lang", lang);
  add(m, "headline", news.headline);
  add(m, "dateline", text_of(child_named(content_meta, "dateline")));
  add(m, "slugline", text_of(child_named(content_meta, "slugline")));
  add(m, "subjects", subjects_of(content_meta, lang));
  for (pugi::xml_node block : item.children()) {
    if (block.type() != pugi::node_element) continue;
    const std::string_view name = local_name(block);
    if (name == "itemMeta") add_elements(m, block, "newsml", kNamedInItemMeta);
    if (name == "contentMeta") add_elements(m, block, "newsml", kNamedInContentMeta);
    if (name == "rightsInfo") add_elements(m, block, "newsml.rightsInfo");
  }

  news.body = body_of(child_named(item, "contentSet"));
  return news;
}

}  // namespace nahr::read_newsml
