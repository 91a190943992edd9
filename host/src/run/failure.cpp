#include "run/failure.hpp"

#include <nahr/text/utf8.hpp>

namespace nahr::host {

namespace {
constexpr std::size_t kSnippetBytes = 240;
}  // namespace

FailedDocument failed_document(const model::Document& doc, const Failure& failure) {
  std::string_view text = doc.original_text();
  if (text.size() > kSnippetBytes) {
    std::size_t end = kSnippetBytes;
    // Back up to a character boundary: never cut a UTF-8 sequence in two.
    while (end > 0 && (static_cast<unsigned char>(text[end]) & 0xC0) == 0x80) --end;
    text = text.substr(0, end);
  }
  FailedDocument failed{doc.id,          doc.source_file, doc.source_record, doc.source_line,
                        failure.stage,   failure.phase,   failure.message,   {}};
  utf8::append_replacing_invalid(failed.snippet, text);
  return failed;
}

}  // namespace nahr::host
