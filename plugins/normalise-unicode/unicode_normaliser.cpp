#include "unicode_normaliser.hpp"

#include <unicode/bytestream.h>
#include <unicode/stringpiece.h>

#include <algorithm>
#include <climits>
#include <optional>
#include <string>
#include <string_view>

#include <nahr/text/utf8.hpp>

namespace nahr::normalise_unicode {

namespace {

using nahr::utf8::CodePoint;
using nahr::utf8::kReplacement;

Form parse_form(const std::string& value) {
  if (value == "NFC") return Form::nfc;
  if (value == "NFD") return Form::nfd;
  if (value == "NFKC") return Form::nfkc;
  if (value == "NFKC_Casefold") return Form::nfkc_casefold;
  throw FatalError("normalise-unicode: unknown form '" + value + "'");
}

InvalidUtf8Policy parse_policy(const std::string& value) {
  if (value == "replace") return InvalidUtf8Policy::replace;
  if (value == "reject") return InvalidUtf8Policy::reject;
  throw FatalError("normalise-unicode: unknown invalid_utf8 policy '" + value + "'");
}

// "C3 28" for the bytes C3 28.
std::string hex_bytes(std::string_view bytes) {
  static constexpr char digits[] = "0123456789ABCDEF";
  std::string out;
  for (const char b : bytes) {
    if (!out.empty()) out += ' ';
    const auto u = static_cast<unsigned char>(b);
    out += digits[u >> 4];
    out += digits[u & 0xF];
  }
  return out;
}

// Where the first ill-formed sequence is, for the reject policy.
struct IllFormed {
  std::size_t begin;
  std::size_t length;
};

// One U+FFFD put in place of an ill-formed sequence.
struct Replacement {
  std::uint64_t begin;  // in the new text
  std::string bytes;    // the ill-formed bytes, as hex
};

// One normalisation of one text. The text is a series of segments, each
// starting at a code point with a normalisation boundary before it. A fast
// loop skips stable starters (nearly all text); from any other code point a
// slower loop runs the quick check segment by segment up to the next stable
// starter, and hands ICU only the segments that fail it. Only the segments
// ICU actually changes become edits.
class Pass {
 public:
  Pass(std::string_view text, const QuickCheckTable& table,
       const nahr::arabic::QuietChunks& chunks, InvalidUtf8Policy policy)
      : text_(text), table_(table), chunks_(chunks), policy_(policy), rewriter_(text) {}

  // Decides every edit. Under the reject policy, stops at the first
  // ill-formed sequence and returns it instead.
  std::optional<IllFormed> run() {
    std::size_t i = 0;
    while ((i = skip_stable_starters(i)) < text_.size()) {
      const CodePoint unit = decode(i);
      if (unit.valid()) {
        i = scan_segments(i);
      } else if (policy_ == InvalidUtf8Policy::reject) {
        return IllFormed{i, unit.length};
      } else {
        replace_ill_formed(i, i + unit.length);
        i += unit.length;
      }
    }
    return std::nullopt;
  }

  void commit(Document& doc) {
    rewriter_.commit(doc);
    for (const Replacement& r : replacements_) {
      doc.annotate("invalid-utf8", {r.begin, r.begin + kReplacement.size()}).set("bytes", r.bytes);
    }
  }

 private:
  CodePoint decode(std::size_t i) const { return nahr::utf8::decode_maximal(text_, i); }

  // The first position at or after i that is not a stable starter: the
  // vector pre-pass skips to the first code point it cannot vouch for, which
  // the table then judges. Where the pre-pass makes no progress (text
  // outside ASCII and the Arabic block), the table takes a whole chunk.
  std::size_t skip_stable_starters(std::size_t i) const {
    while (i < text_.size()) {
      const std::size_t from = i;
      i = chunks_.skip(text_, i);
      const std::size_t end =
          std::min(text_.size(), i > from ? i + 1 : i + nahr::arabic::QuietChunks::kBytes);
      while (i < end) {
        const CodePoint unit = decode(i);
        if (!unit.valid() || !table_.is_stable_starter(unit.value)) return i;
        i += unit.length;
      }
    }
    return i;
  }

  // From a code point at i that is not a stable starter, up to the next
  // stable starter, ill-formed sequence or end of text: runs the quick check
  // of UAX #15 on each segment and normalises those that fail it. Returns
  // where it stopped.
  std::size_t scan_segments(std::size_t i) {
    std::size_t segment = table_.info(decode(i).value).boundary_before ? i : start_of_previous(i);
    bool suspect = false;  // the current segment may need normalising
    std::uint8_t last_class = 0;
    while (i < text_.size()) {
      const CodePoint unit = decode(i);
      if (!unit.valid()) break;
      const CodePointInfo info = table_.info(unit.value);
      if (info.boundary_before) {
        if (suspect) normalise(segment, i);
        if (info.quick_check_yes) return i;
        segment = i;
        suspect = true;
      } else if (!info.quick_check_yes ||
                 (info.combining_class != 0 && last_class > info.combining_class)) {
        suspect = true;  // a Maybe/No code point, or marks out of canonical order
      }
      last_class = info.combining_class;
      i += unit.length;
    }
    if (suspect) normalise(segment, i);
    return i;
  }

  // Where the segment of a code point at i without a boundary before it
  // begins: at the stable starter the fast loop skipped just before, or at i
  // itself after the start of the text or an edit (a U+FFFD is inert).
  std::size_t start_of_previous(std::size_t i) const {
    std::size_t start = i;
    if (start > rewriter_.cursor()) {
      do --start;
      while (start > rewriter_.cursor() &&
             (static_cast<unsigned char>(text_[start]) & 0xC0) == 0x80);
    }
    return start;
  }

  void normalise(std::size_t begin, std::size_t end) {
    const std::string_view segment = text_.substr(begin, end - begin);
    normalised_.clear();
    icu::StringByteSink<std::string> sink(&normalised_);
    UErrorCode status = U_ZERO_ERROR;
    table_.normalizer().normalizeUTF8(
        0, icu::StringPiece(segment.data(), static_cast<int32_t>(segment.size())), sink, nullptr,
        status);
    if (U_FAILURE(status)) {
      throw DocumentError(std::string("ICU normalisation failed: ") + u_errorName(status));
    }
    if (normalised_ != segment) rewriter_.replace(begin, end, normalised_);
  }

  void replace_ill_formed(std::size_t begin, std::size_t end) {
    rewriter_.replace(begin, end, kReplacement);
    replacements_.push_back(
        {rewriter_.edits().back().new_begin, hex_bytes(text_.substr(begin, end - begin))});
  }

  std::string_view text_;
  const QuickCheckTable& table_;
  const nahr::arabic::QuietChunks& chunks_;
  InvalidUtf8Policy policy_;
  TextRewriter rewriter_;
  std::string normalised_;  // reused for every segment
  std::vector<Replacement> replacements_;
};

}  // namespace

std::vector<OptionSpec> UnicodeNormaliser::schema() {
  return {
      text("form", "NFC",
           "Normalisation form: NFC (canonical composition), NFD (canonical decomposition), "
           "NFKC (compatibility composition: presentation forms, ligatures, full-width "
           "letters), NFKC_Casefold (NFKC plus case folding and removal of default-ignorable "
           "code points)",
           {"NFC", "NFD", "NFKC", "NFKC_Casefold"}),
      text("invalid_utf8", "replace",
           "Ill-formed UTF-8: 'replace' puts U+FFFD in place of each maximal ill-formed "
           "sequence and annotates it as 'invalid-utf8' (attribute 'bytes'); 'reject' fails "
           "the document with the byte offset of the first one",
           {"replace", "reject"}),
  };
}

UnicodeNormaliser::UnicodeNormaliser(const Options& options)
    : table_(&QuickCheckTable::of(parse_form(options.text("form")))),
      stable_chunks_([table = table_](char32_t c) { return !table->is_stable_starter(c); }),
      invalid_utf8_(parse_policy(options.text("invalid_utf8"))) {}

void UnicodeNormaliser::process(Document& doc) const {
  const std::string_view text = doc.text();
  if (text.size() > static_cast<std::size_t>(INT32_MAX)) {
    throw DocumentError("document larger than 2 GiB, the limit of ICU's normaliser");
  }
  Pass pass(text, *table_, stable_chunks_, invalid_utf8_);
  if (const auto bad = pass.run()) {
    const std::uint64_t original = doc.to_original({bad->begin, bad->begin + bad->length}).begin;
    throw DocumentError("invalid UTF-8 at byte " + std::to_string(original) + " (" +
                        hex_bytes(text.substr(bad->begin, bad->length)) + ")");
  }
  pass.commit(doc);
}

}  // namespace nahr::normalise_unicode
