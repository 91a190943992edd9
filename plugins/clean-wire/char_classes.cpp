#include "char_classes.hpp"

#include <unicode/uchar.h>
#include <unicode/uscript.h>

namespace nahr::clean_wire {

const CharTable& CharTable::get() {
  static const CharTable table;
  return table;
}

CharTable::CharTable() : bmp_(std::make_unique<std::array<std::uint8_t, 0x10000>>()) {
  for (char32_t c = 0; c < bmp_->size(); ++c) {
    const CharClass cls = compute(c);
    (*bmp_)[c] = static_cast<std::uint8_t>(static_cast<std::uint8_t>(cls.kind) |
                                           (cls.arabic ? arabic_bit : 0));
  }
}

CharClass CharTable::compute(char32_t c) {
  const auto cp = static_cast<UChar32>(c);
  const auto category = U_GET_GC_MASK(cp);
  CharKind kind = CharKind::other;
  if (c == '\n' || c == '\v' || c == '\f' || c == 0x85 || c == 0x2028 || c == 0x2029) {
    kind = CharKind::line_break;  // '\r' counts as space, so "\r\n" is one break
  } else if (u_isUWhiteSpace(cp)) {
    kind = CharKind::space;
  } else if (category & U_GC_L_MASK) {
    kind = CharKind::letter;
  } else if (category & U_GC_M_MASK) {
    kind = CharKind::mark;
  } else if (category & U_GC_N_MASK) {
    kind = CharKind::number;
  }
  return {kind, uscript_hasScript(cp, USCRIPT_ARABIC) != 0};
}

}  // namespace nahr::clean_wire
