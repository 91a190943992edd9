#include "@STEM@.hpp"

#include <nahr/text_rewriter.hpp>

#include <string_view>

namespace @NAMESPACE@ {

std::vector<nahr::OptionSpec> @CLASS@::schema() {
  return {nahr::flag("persian", true, "Also fold the Extended Arabic-Indic digits ۰–۹")};
}

@CLASS@::@CLASS@(const nahr::Options& options) : persian_(options.flag("persian")) {}

void @CLASS@::process(nahr::Document& doc) const {
  // The digits are two bytes in UTF-8: U+0660..U+0669 are D9 A0..D9 A9 and
  // U+06F0..U+06F9 are DB B0..DB B9, so only those two lead bytes need a look.
  static constexpr std::string_view kDigits = "0123456789";
  const std::string_view text = doc.text();
  // A normaliser never sets text: it tells the rewriter what changes, in text
  // order, so every annotation keeps pointing at the bytes as read.
  nahr::TextRewriter rewriter(text);
  for (std::size_t i = 0; i + 1 < text.size(); ++i) {
    const auto lead = static_cast<unsigned char>(text[i]);
    const auto next = static_cast<unsigned char>(text[i + 1]);
    int digit = -1;
    if (lead == 0xD9 && next >= 0xA0 && next <= 0xA9) digit = next - 0xA0;
    else if (persian_ && lead == 0xDB && next >= 0xB0 && next <= 0xB9) digit = next - 0xB0;
    if (digit < 0) continue;
    rewriter.replace(i, i + 2, kDigits.substr(static_cast<std::size_t>(digit), 1));
    ++i;
  }
  rewriter.commit(doc);  // does nothing when nothing changed
}

}  // namespace @NAMESPACE@
