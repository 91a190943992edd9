// A small, strict HTML reader for the tests: it reads exactly the markup
// write-html produces and fails loudly on anything else, notably on an end
// tag that does not close the innermost open element. A browser would
// silently repair such markup, which is what the tests must rule out.
#pragma once

#include <algorithm>
#include <map>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace mini_dom {

struct Element {
  std::string name;
  std::map<std::string, std::string> attributes;
  std::string text;        // the text of the element and its descendants, unescaped
  int parent = -1;         // index in Page::elements
  std::size_t offset = 0;  // where its start tag is in the page

  bool has_class(std::string_view cls) const {
    const auto it = attributes.find("class");
    if (it == attributes.end()) return false;
    const std::string& v = it->second;
    for (std::size_t i = 0; i <= v.size();) {
      const std::size_t j = std::min(v.find(' ', i), v.size());
      if (std::string_view(v).substr(i, j - i) == cls) return true;
      i = j + 1;
    }
    return false;
  }
  std::string attr(const std::string& key) const {
    const auto it = attributes.find(key);
    return it == attributes.end() ? std::string() : it->second;
  }
  bool has(const std::string& key) const { return attributes.count(key) != 0; }
};

struct Page {
  std::vector<Element> elements;  // in document order

  std::vector<const Element*> all(std::string_view name) const {
    std::vector<const Element*> out;
    for (const Element& e : elements) {
      if (e.name == name) out.push_back(&e);
    }
    return out;
  }
  std::vector<const Element*> with_class(std::string_view cls) const {
    std::vector<const Element*> out;
    for (const Element& e : elements) {
      if (e.has_class(cls)) out.push_back(&e);
    }
    return out;
  }
  const Element* by_id(const std::string& id) const {
    const Element* found = nullptr;
    for (const Element& e : elements) {
      if (e.attr("id") == id) {
        if (found != nullptr) throw std::runtime_error("duplicate id " + id);
        found = &e;
      }
    }
    return found;
  }
  // The nearest enclosing element named `name`, or nullptr.
  const Element* ancestor(const Element& e, std::string_view name) const {
    for (int p = e.parent; p >= 0; p = elements[static_cast<std::size_t>(p)].parent) {
      if (elements[static_cast<std::size_t>(p)].name == name)
        return &elements[static_cast<std::size_t>(p)];
    }
    return nullptr;
  }
};

inline std::string unescape(std::string_view s) {
  static const std::pair<std::string_view, char> kRefs[] = {
      {"&amp;", '&'}, {"&lt;", '<'}, {"&gt;", '>'}, {"&quot;", '"'}, {"&#39;", '\''}};
  std::string out;
  for (std::size_t i = 0; i < s.size();) {
    if (s[i] != '&') {
      out += s[i++];
      continue;
    }
    bool known = false;
    for (const auto& [ref, c] : kRefs) {
      if (s.substr(i, ref.size()) == ref) {
        out += c;
        i += ref.size();
        known = true;
        break;
      }
    }
    if (!known)
      throw std::runtime_error("bare or unknown reference: " + std::string(s.substr(i, 12)));
  }
  return out;
}

inline Page parse(std::string_view html) {
  static const std::string_view kVoid[] = {"meta", "input", "br", "link", "img"};
  Page page;
  std::vector<int> open;
  const auto add_text = [&](std::string_view raw) {
    if (raw.find('<') != std::string_view::npos || raw.find('>') != std::string_view::npos) {
      throw std::runtime_error("raw < or > in text");
    }
    const std::string text = unescape(raw);
    for (int e : open) page.elements[static_cast<std::size_t>(e)].text += text;
  };
  std::size_t i = 0;
  while (i < html.size()) {
    const std::size_t lt = html.find('<', i);
    add_text(html.substr(i, std::min(lt, html.size()) - i));
    if (lt == std::string_view::npos) break;
    if (html.substr(lt, 9) == "<!DOCTYPE") {
      i = html.find('>', lt) + 1;
      continue;
    }
    if (html[lt + 1] == '/') {
      const std::size_t gt = html.find('>', lt);
      const std::string name(html.substr(lt + 2, gt - lt - 2));
      if (open.empty() || page.elements[static_cast<std::size_t>(open.back())].name != name) {
        throw std::runtime_error(
            "</" + name + "> at byte " + std::to_string(lt) +
            " does not close the innermost element <" +
            (open.empty() ? "" : page.elements[static_cast<std::size_t>(open.back())].name) + ">");
      }
      open.pop_back();
      i = gt + 1;
      continue;
    }
    Element e;
    e.offset = lt;
    e.parent = open.empty() ? -1 : open.back();
    std::size_t p = lt + 1;
    while (p < html.size() && html[p] != ' ' && html[p] != '>' && html[p] != '\n')
      e.name += html[p++];
    for (;;) {
      while (html[p] == ' ' || html[p] == '\n') ++p;
      if (html[p] == '>') break;
      std::string key;
      while (html[p] != '=' && html[p] != ' ' && html[p] != '>') key += html[p++];
      std::string value;
      if (html[p] == '=') {
        if (html[p + 1] != '"') throw std::runtime_error("unquoted attribute " + key);
        const std::size_t end = html.find('"', p + 2);
        value = unescape(html.substr(p + 2, end - p - 2));
        p = end + 1;
      }
      if (!e.attributes.emplace(key, value).second)
        throw std::runtime_error("repeated attribute " + key);
    }
    i = p + 1;
    const std::string name = e.name;
    page.elements.push_back(std::move(e));
    if (name == "script" || name == "style") {  // raw text, closed at once
      const std::size_t end = html.find("</" + name + ">", i);
      if (end == std::string_view::npos) throw std::runtime_error("unclosed " + name);
      page.elements.back().text = std::string(html.substr(i, end - i));
      i = end + name.size() + 3;
      continue;
    }
    if (std::find(std::begin(kVoid), std::end(kVoid), name) == std::end(kVoid)) {
      open.push_back(static_cast<int>(page.elements.size() - 1));
    }
  }
  if (!open.empty())
    throw std::runtime_error("unclosed <" +
                             page.elements[static_cast<std::size_t>(open.back())].name + ">");
  return page;
}

}  // namespace mini_dom
