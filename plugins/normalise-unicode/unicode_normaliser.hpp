// normalise-unicode: puts text into one Unicode normalisation form and deals
// with ill-formed UTF-8, recording every change for the alignment.
#pragma once

#include <nahr/plugin.hpp>
#include <nahr/text/quiet_chunks.hpp>
#include <vector>

#include "quick_check_table.hpp"

namespace nahr::normalise_unicode {

enum class InvalidUtf8Policy { replace, reject };

class UnicodeNormaliser final : public Normaliser {
 public:
  static constexpr const char* name = "normalise-unicode";
  static constexpr const char* summary =
      "Unicode normalisation (NFC, NFD, NFKC, NFKC_Casefold) with a policy for invalid UTF-8";
  // Holds only immutable state: a pointer to a process-wide table and the
  // vector pre-pass's ranges.
  static constexpr bool thread_safe = true;

  static std::vector<OptionSpec> schema();
  explicit UnicodeNormaliser(const Options& options);

  void process(Document& doc) const;

 private:
  const QuickCheckTable* table_;
  // Skips chunks of stable starters: nearly all Arabic and ASCII text.
  nahr::arabic::QuietChunks stable_chunks_;
  InvalidUtf8Policy invalid_utf8_;
};

}  // namespace nahr::normalise_unicode
