#include "clitics.hpp"

#include "char_class.hpp"

#include <nahr/text/arabic.hpp>
#include <nahr/text/utf8.hpp>

#include <array>

namespace extract_tokens {
namespace {

constexpr char32_t kAlef = 0x0627, kBa = 0x0628, kFa = 0x0641, kKaf = 0x0643, kLam = 0x0644,
                   kWaw = 0x0648;

// Endings a word of a root-و stem may carry and still be that word:
// وزير → وزيرة وزيرا وزيرها; وضع → وضعت وضعها.
constexpr auto kStemEndings = std::to_array<std::string_view>(
    {"", "ه", "ها", "هم", "هما", "هن", "ك", "كم", "نا", "ي", "ة", "ات", "ان", "ين", "ون", "ا",
     "ت", "تم", "وا", "ية", "يا", "ته", "تها", "يات"});

}  // namespace

bool CliticSegmenter::collect_letters(std::string_view word) {
  letters_.clear();
  for (std::size_t i = 0; i < word.size();) {
    const nahr::utf8::CodePoint d = nahr::utf8::decode(word, i);
    const CharClass c = classify(d.value);
    if (c == CharClass::arabic_letter) {
      letters_.push_back({nahr::arabic::fold(d.value), i, i + d.length});
    } else if (c == CharClass::arabic_mark || c == CharClass::mark || c == CharClass::joiner) {
      if (!letters_.empty()) letters_.back().end = i + d.length;  // tashkeel, tatweel: الـ
    } else {
      return false;  // a dotted acronym (أ.ف.ب) is not segmented
    }
    i += d.length;
  }
  return true;
}

bool CliticSegmenter::article_at(std::size_t k) const {
  return letter(k) == kAlef && letter(k + 1) == kLam;
}

std::string_view CliticSegmenter::key(std::size_t from, std::string_view before) {
  key_.assign(before);
  for (std::size_t k = from; k < letters_.size(); ++k) nahr::utf8::append(key_, letters_[k].folded);
  return key_;
}

bool CliticSegmenter::natural_waw_word() {
  const std::string_view word = key(0);
  for (std::string_view ending : kStemEndings) {
    if (word.size() > ending.size() && word.ends_with(ending) &&
        natural_waw_stems_.contains(word.substr(0, word.size() - ending.size()))) {
      return true;
    }
  }
  return false;
}

// Whether the first letter (و or ف) is a conjunction.
bool CliticSegmenter::conjunction_fits() {
  const std::size_t rest = letters_.size() - 1;
  if (letter(0) == kWaw && natural_waw_word()) return false;  // وزير, وضعت, واشنطن
  if (function_words_.contains(key(1))) return true;          // وفي, فإن, ولكن
  if (article_at(1)) {
    // والحكومة, والتي; not فالح (a name: only one letter after ال)
    return rest >= 4 || article_exceptions_.contains(key(1));
  }
  if ((letter(1) == kBa || letter(1) == kLam || letter(1) == kKaf) &&
      preposition_fits(1) != PrepositionFit::none) {
    return true;  // وبالتالي, وللمرة, وبها
  }
  // و before any other word of three letters or more (وقال, وأضاف); ف only
  // in the cases above, since far more words start with a root ف.
  return letter(0) == kWaw && rest >= 3;
}

// Whether the letter at k (ب ل ك) is a preposition, and why.
CliticSegmenter::PrepositionFit CliticSegmenter::preposition_fits(std::size_t k) {
  const std::size_t rest = letters_.size() - (k + 1);
  if (article_at(k + 1) && rest >= 4) return PrepositionFit::article;  // بالقاهرة
  if (letter(k) == kLam && letter(k + 1) == kLam && rest >= 3) {
    return PrepositionFit::elided_article;  // للسلطة = ل + السلطة
  }
  if (letter(k) != kKaf && preposition_phrases_.contains(key(k))) return PrepositionFit::phrase;
  return PrepositionFit::none;
}

Segmentation CliticSegmenter::segment(std::string_view word) {
  Segmentation s;
  if (!collect_letters(word) || letters_.size() < 3 || whole_exceptions_.contains(key(0))) {
    return s;
  }
  const auto push = [&](PrefixKind kind, std::size_t first, std::size_t last) {
    s.prefixes[s.count++] = {kind, kind == PrefixKind::article ? kAlef : letters_[first].folded,
                             letters_[first].begin, letters_[last].end};
  };
  const std::size_t n = letters_.size();
  std::size_t k = 0;
  if ((letter(0) == kWaw || letter(0) == kFa) && conjunction_fits()) {
    push(PrefixKind::conjunction, 0, 0);
    k = 1;
  }
  PrepositionFit fit = PrepositionFit::none;
  if (letter(k) == kBa || letter(k) == kLam || letter(k) == kKaf) {
    fit = preposition_fits(k);
    if (fit != PrepositionFit::none) {
      push(PrefixKind::preposition, k, k);
      ++k;
    }
  }
  if (fit == PrepositionFit::elided_article) {
    // The article's alef is not written after ل: للذين is ل + الذين, where
    // ال is no article.
    if (!article_exceptions_.contains(key(k, "ا"))) {
      push(PrefixKind::article, k, k);
      ++k;
    }
  } else if (article_at(k) && n - (k + 2) >= 2 && !article_exceptions_.contains(key(k))) {
    push(PrefixKind::article, k, k + 1);
    k += 2;
  }
  s.stem_begin = k == 0 ? 0 : letters_[k - 1].end;
  return s;
}

}  // namespace extract_tokens
