#include <catch2/catch.hpp>
#include <nahr/text/arabic.hpp>
#include <nahr/text/quiet_chunks.hpp>
#include <nahr/text/utf8.hpp>
#include <random>
#include <string>
#include <string_view>
#include <vector>

using nahr::arabic::QuietChunks;

namespace {

std::string utf8_of(char32_t c) {
  std::string out;
  nahr::utf8::append(out, c);
  return out;
}

// A scan in the manner of normalise-arabic: tashkeel, alef forms, alef
// maksura, Arabic-Indic digits and ASCII controls are its business.
bool touched(char32_t c) {
  return nahr::arabic::is_tashkeel(c) || (c >= 0x0622 && c <= 0x0625) || c == 0x0649 ||
         (c >= 0x0660 && c <= 0x0669) || c < 0x20 || c == 0x7F;
}

// The bytes whitespace starts with, a no-break space's lead byte among them.
bool whitespace_lead(char32_t b) { return b == ' ' || b == '\t' || b == '\n' || b == 0xC2; }

// What skip() promises: it stops on a character boundary, and every
// character it passed is well formed and untouched, with no space before
// whitespace when the pair rule is on.
void require_sound(const QuietChunks& chunks, const std::string& text, std::size_t from,
                   bool pair_rule) {
  const std::size_t end = chunks.skip(text, from);
  REQUIRE(end >= from);
  REQUIRE(end <= text.size());
  std::size_t i = from;
  while (i < end) {
    const nahr::utf8::CodePoint c = nahr::utf8::decode_maximal(text, i);
    INFO("byte " << i << " of a skip from " << from << " to " << end);
    REQUIRE(c.valid());
    REQUIRE_FALSE(touched(c.value));
    if (pair_rule && c.value == ' ') {
      REQUIRE_FALSE(whitespace_lead(static_cast<unsigned char>(text[i + 1])));
    }
    i += c.length;
  }
  REQUIRE(i == end);
}

QuietChunks make_chunks(bool pair_rule) {
  QuietChunks chunks(touched);
  if (pair_rule) chunks.touch_before(' ', whitespace_lead);
  return chunks;
}

const std::string plain = "قال المرصد السوري ان 12 مدنيا قتلوا في الباغوز. ";

}  // namespace

TEST_CASE("untouched Arabic and ASCII are skipped in whole chunks") {
  const QuietChunks chunks = make_chunks(true);
  // Every x86-64 machine this runs on has SSSE3.
  REQUIRE(QuietChunks::enabled());
  std::string text;
  while (text.size() < 4096) text += plain;
  // From the second letter: the pass looks at the byte before where it starts.
  const std::size_t second = std::string("ق").size();
  CHECK(chunks.skip(text, second) + QuietChunks::kBytes + 1 > text.size());
  require_sound(chunks, text, second, true);
}

TEST_CASE("skip stops right at the first character to look at") {
  const QuietChunks chunks = make_chunks(true);
  // Ends with a full stop: a space there would be the stop before whitespace.
  const std::string head = plain + plain + plain.substr(0, plain.size() - 1);
  for (const std::string_view stop : {"أ", "ى", "٣", "\t", "é", "😀", "\xD8", "\x80", "  "}) {
    INFO(stop);
    const std::string text = head + std::string(stop) + plain;
    CHECK(chunks.skip(text, 2) == head.size());
  }
  // A stray continuation byte after a letter: its bits, read as if the
  // letter's last byte were its lead, spell a touched character (U+0651,
  // shadda). skip() stops at the stray byte, not inside the letter before.
  const std::string text = head + "ٱ" + "\x91" + plain;
  CHECK(chunks.skip(text, 2) == head.size() + std::string("ٱ").size());
}

TEST_CASE("skip stops before every touched character of the block and of ASCII") {
  for (const bool pair_rule : {false, true}) {
    const QuietChunks chunks = make_chunks(pair_rule);
    for (char32_t c = 0; c <= 0x06FF; c = c == 0x7F ? 0x0600 : c + 1) {
      for (std::size_t at = 1; at < 40; ++at) {
        // Letters as filler put c at every byte offset of a chunk.
        std::string text = std::string(at, 'x') + utf8_of(c) + std::string(40, 'y');
        INFO("U+" << std::hex << static_cast<std::uint32_t>(c) << " at byte " << std::dec << at);
        require_sound(chunks, text, 1, pair_rule);
        if (touched(c)) CHECK(chunks.skip(text, 1) <= at);
      }
    }
  }
}

TEST_CASE("a space before whitespace stops skip only under the pair rule") {
  const std::string text = std::string(20, 'x') + "  " + std::string(40, 'y');
  CHECK(make_chunks(false).skip(text, 1) > 21);
  CHECK(make_chunks(true).skip(text, 1) <= 20);
}

TEST_CASE("mixed scripts, marks and broken bytes: every skip is sound") {
  const std::vector<std::string> pieces = {
      "قال ", "مُحَمَّد ", "ـــ", "ﻻ", "١٢٣", "café ", "e\xCC\x81", "😀", " ", "  ", "\t",
      "\xD8", "\x80", "\xD9\x8B", "\xDA\x80", "\xDB\x96", "أ", "abc", "\xC3\xA9", "\xEF\xBB\xBF", "\xC2\xA0",
      "ٱ", "\x91", "\x8E"};
  for (const bool pair_rule : {false, true}) {
    const QuietChunks chunks = make_chunks(pair_rule);
    std::mt19937 random(7);
    for (int round = 0; round < 2000; ++round) {
      std::string text;
      const int count = 1 + static_cast<int>(random() % 40);
      for (int k = 0; k < count; ++k) text += pieces[random() % pieces.size()];
      // From every boundary after the first, as a scan would call it.
      for (std::size_t from = nahr::utf8::decode_maximal(text, 0).length; from < text.size();
           from += nahr::utf8::decode_maximal(text, from).length) {
        require_sound(chunks, text, from, pair_rule);
      }
    }
  }
}
