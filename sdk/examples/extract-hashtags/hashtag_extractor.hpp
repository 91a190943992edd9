// extract-hashtags: annotates hashtags such as #سوريا, #الانتخابات_العراقية
// and #COP28, with the tag (without '#') as the attribute `tag`.
#pragma once

#include <nahr/plugin.hpp>

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace hashtags {

// A hashtag found in a text: [begin, end) in UTF-8 bytes, '#' included.
struct Hashtag {
  std::size_t begin = 0;
  std::size_t end = 0;
};

// Finds every hashtag in `text`. A hashtag is '#' followed by a run of
// Arabic or Latin letters, digits, underscores and the marks that belong to
// them (diacritics, tatweel). The run needs at least one letter and
// `min_length` characters, marks not counted; the '#' must not follow such
// a character itself, so "C#" and "abc#def" hold no hashtag.
std::vector<Hashtag> find_hashtags(std::string_view text, std::size_t min_length);

class HashtagExtractor final : public nahr::Extractor {
 public:
  static constexpr const char* name = "extract-hashtags";
  static constexpr const char* summary =
      "Annotates #hashtags (Arabic and Latin letters, digits, underscore) with their tag";
  // Holds only its options: one instance serves every worker thread.
  static constexpr bool thread_safe = true;

  static std::vector<nahr::OptionSpec> schema();
  explicit HashtagExtractor(const nahr::Options& options);

  void process(nahr::Document& doc) const;

 private:
  std::size_t min_length_;
  std::string type_;
};

}  // namespace hashtags
