#include "@STEM@.hpp"

namespace @NAMESPACE@ {

std::vector<nahr::OptionSpec> @CLASS@::schema() {
  return {nahr::text_list("words", {"عاجل"}, "Words to annotate, matched byte for byte")};
}

@CLASS@::@CLASS@(const nahr::Options& options) : words_(options.text_list("words")) {
  // Checks the schema cannot express stop the run before any document is read.
  for (const std::string& word : words_) {
    if (word.empty()) throw nahr::FatalError("words must not hold an empty string");
  }
}

void @CLASS@::process(nahr::Document& doc) const {
  // text() stays valid while we annotate: annotations never change the text.
  const std::string_view text = doc.text();
  for (const std::string& word : words_) {
    for (std::size_t at = text.find(word); at != std::string_view::npos;
         at = text.find(word, at + word.size())) {
      // Offsets are UTF-8 bytes of the current text; the host maps them back
      // to the text as read and converts them for each writer.
      doc.annotate("word", {at, at + word.size()}).set("word", word);
    }
  }
}

}  // namespace @NAMESPACE@
