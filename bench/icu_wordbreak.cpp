// icu_wordbreak FILE.jsonl: the peer that issue 4's full pipeline is measured
// against. For each record's "text" it runs ICU's word break iterator over
// the UTF-8 bytes (no conversion to UTF-16) and counts boundaries and words
// (segments whose rule status is not UBRK_WORD_NONE, i.e. not spaces or
// punctuation), then prints both counts.
#include <simdjson.h>
#include <unicode/brkiter.h>
#include <unicode/utext.h>

#include <cstdio>
#include <fstream>
#include <memory>
#include <string>

namespace {

int fail(const char* what, const char* detail) {
  std::fprintf(stderr, "icu_wordbreak: %s%s\n", what, detail);
  return 1;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 2) return fail("usage: icu_wordbreak FILE.jsonl", "");
  std::ifstream in(argv[1], std::ios::binary);
  if (!in) return fail("cannot open ", argv[1]);

  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<icu::BreakIterator> words(
      icu::BreakIterator::createWordInstance(icu::Locale("ar"), status));
  if (U_FAILURE(status)) return fail("no word break iterator: ", u_errorName(status));
  UText* text = nullptr;

  simdjson::ondemand::parser parser;
  std::string line;
  unsigned long long records = 0, boundaries = 0, word_count = 0;
  while (std::getline(in, line)) {
    if (line.empty()) continue;
    // simdjson reads up to SIMDJSON_PADDING bytes past the end of the line.
    line.reserve(line.size() + simdjson::SIMDJSON_PADDING);
    simdjson::ondemand::document record;
    std::string_view body;
    if (parser.iterate(line.data(), line.size(), line.capacity()).get(record) ||
        record["text"].get_string().get(body)) {
      return fail("a line without a string \"text\" in ", argv[1]);
    }
    text = utext_openUTF8(text, body.data(), static_cast<int64_t>(body.size()), &status);
    words->setText(text, status);
    if (U_FAILURE(status)) return fail("ICU: ", u_errorName(status));
    for (int32_t b = words->next(); b != icu::BreakIterator::DONE; b = words->next()) {
      ++boundaries;
      if (words->getRuleStatus() != UBRK_WORD_NONE) ++word_count;
    }
    ++records;
  }
  utext_close(text);
  std::printf("%llu records, %llu boundaries, %llu words\n", records, boundaries, word_count);
  return 0;
}
