// The text of an XHTML body (a NewsML-G2 inlineXML) as plain paragraphs:
// each block element (<p>, <div>, <h1>, <li>, ...) is a paragraph, and
// paragraphs are separated by a blank line; <br/> is a line break; inline
// elements (<b>, <a>, <span>, ...) keep their text. Runs of XML white space
// (the source's indentation and line wrapping) become one space, and
// paragraphs are trimmed.
#pragma once

#include <pugixml.hpp>

#include <string>

namespace nahr::read_newsml {

std::string xhtml_text(pugi::xml_node container);

// The text of an element with its white space collapsed the same way, as
// one line (a <br/> becomes a space): for headlines and datelines.
std::string inline_text(pugi::xml_node element);

}  // namespace nahr::read_newsml
