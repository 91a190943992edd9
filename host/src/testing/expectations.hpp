// What a test expects of a document after some stages ran, and the
// readable differences when the document falls short. Shared by pipeline
// tests ([[test]] in a config, `nahr test`) and plugin self-tests
// (`nahr plugin verify`), so both report failures the same way.
#pragma once

#include <nahr/model/document.hpp>

#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace nahr::host {

using StringPairs = std::vector<std::pair<std::string, std::string>>;

struct ExpectedAnnotation {
  std::string type;
  std::string text;                     // the covered current text
  std::optional<std::string> original;  // the covered text as read, when given
  StringPairs attributes;               // each present with this value; others may be too
};

// Every expectation must hold; what is not mentioned is not checked, so a
// test names the annotations it cares about among everything the stages add.
struct Expectations {
  std::optional<std::string> text;  // the whole current text
  std::vector<ExpectedAnnotation> annotations;  // each matched by a distinct annotation
  StringPairs metadata;

  bool empty() const { return !text && annotations.empty() && metadata.empty(); }
};

// One unmet expectation: a heading line, then what was expected ("- ...")
// and what the document has ("+ ...").
struct Difference {
  std::string heading;
  std::vector<std::string> expected;
  std::vector<std::string> got;
};

std::vector<Difference> differences(const model::Document& doc, const Expectations& expected);

// The difference rendered as indented lines, each ending in '\n'.
std::string format(const Difference& difference, std::string_view indent);

// `s` in double quotes, with '"', '\\' and control characters escaped, so
// a value with a newline stays on one line.
std::string quote(std::string_view s);

}  // namespace nahr::host
