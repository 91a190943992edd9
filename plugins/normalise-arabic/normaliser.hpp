// The normalise-arabic stage: one pass over the text, editing only the
// characters a rule changes, each edit recorded for alignment.
#pragma once

#include <nahr/plugin.hpp>
#include <nahr/text/quiet_chunks.hpp>
#include <string_view>
#include <vector>

#include "edit_writer.hpp"
#include "rules.hpp"
#include "tables.hpp"

namespace normalise_arabic {

class ArabicNormaliser final : public nahr::Normaliser {
 public:
  static constexpr const char* name = "normalise-arabic";
  static constexpr const char* summary =
      "Arabic orthographic normalisation (alef, yeh, tashkeel, tatweel, presentation forms, "
      "digits, controls, whitespace) with presets newswire, search and minimal";
  static std::vector<nahr::OptionSpec> schema() { return Rules::schema(); }
  // Samples with their expected results, run by `nahr plugin verify` (plugin.cpp).
  static std::vector<nahr::SelfTest> self_tests();

  explicit ArabicNormaliser(const nahr::Options& options);
  explicit ArabicNormaliser(const Rules& rules);

  void process(nahr::Document& doc);

 private:
  void scan(std::string_view text);
  std::size_t look_at(std::string_view text, std::size_t i);
  void apply(std::string_view text, std::size_t begin, std::size_t end, char32_t cp, Action action);
  void replace(std::size_t begin, std::size_t end, std::string_view with);
  bool hamza_mark_removed(std::string_view text, std::size_t begin, char32_t mark);
  char32_t next_kept(std::string_view text, std::size_t pos);

  // The last answers of the two context scans, per document.
  struct Lookahead {
    std::size_t from = 1, to = 0;  // offsets whose next kept character is `next`
    char32_t next = kInvalid;
  };
  struct BaseLookup {
    std::size_t from = 0;  // the offset `letter` is the base before (0: none yet)
    char32_t letter = kInvalid;
  };

  Tables tables_;
  // Skips chunks of ASCII and Arabic letters no rule touches.
  nahr::arabic::QuietChunks quiet_chunks_;
  EditWriter out_;  // reused across documents
  Lookahead ahead_;
  BaseLookup base_;
};

}  // namespace normalise_arabic
