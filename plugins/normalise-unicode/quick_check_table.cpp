#include "quick_check_table.hpp"

#include <unicode/unistr.h>
#include <unicode/utf16.h>

#include <nahr/error.hpp>
#include <string>

namespace nahr::normalise_unicode {

namespace {

const icu::Normalizer2& instance_of(Form form) {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* normalizer = nullptr;
  switch (form) {
    case Form::nfc:
      normalizer = icu::Normalizer2::getNFCInstance(status);
      break;
    case Form::nfd:
      normalizer = icu::Normalizer2::getNFDInstance(status);
      break;
    case Form::nfkc:
      normalizer = icu::Normalizer2::getNFKCInstance(status);
      break;
    case Form::nfkc_casefold:
      normalizer = icu::Normalizer2::getNFKCCasefoldInstance(status);
      break;
  }
  if (U_FAILURE(status) || normalizer == nullptr) {
    throw FatalError(std::string("ICU normaliser unavailable: ") + u_errorName(status));
  }
  return *normalizer;
}

}  // namespace

template <Form F>
const QuickCheckTable& QuickCheckTable::built() {
  // A function-local static: built once, thread-safe, and only for the forms
  // a pipeline uses (each table is 128 KiB).
  static const QuickCheckTable table(instance_of(F));
  return table;
}

const QuickCheckTable& QuickCheckTable::of(Form form) {
  switch (form) {
    case Form::nfc:
      return built<Form::nfc>();
    case Form::nfd:
      return built<Form::nfd>();
    case Form::nfkc:
      return built<Form::nfkc>();
    case Form::nfkc_casefold:
      return built<Form::nfkc_casefold>();
  }
  throw FatalError("unknown normalisation form");
}

QuickCheckTable::QuickCheckTable(const icu::Normalizer2& normalizer)
    : normalizer_(&normalizer), bmp_(std::make_unique<std::array<Packed, 0x10000>>()) {
  for (char32_t c = 0; c < bmp_->size(); ++c) {
    // Surrogates never come out of the UTF-8 decoder; ICU would call them
    // inert anyway.
    const CodePointInfo info = U16_IS_SURROGATE(c) ? CodePointInfo{} : compute(c);
    (*bmp_)[c] =
        static_cast<Packed>(info.combining_class | (info.boundary_before ? boundary_bit : 0) |
                            (info.quick_check_yes ? quick_check_bit : 0));
  }
}

CodePointInfo QuickCheckTable::compute(char32_t c) const {
  const auto cp = static_cast<UChar32>(c);
  // The quick check of a one-character string is that character's
  // Quick_Check property (the per-form property ICU has no direct getter for).
  UErrorCode status = U_ZERO_ERROR;
  const UNormalizationCheckResult check = normalizer_->quickCheck(icu::UnicodeString(cp), status);
  return {normalizer_->getCombiningClass(cp), normalizer_->hasBoundaryBefore(cp) != 0,
          U_SUCCESS(status) && check == UNORM_YES};
}

}  // namespace nahr::normalise_unicode
