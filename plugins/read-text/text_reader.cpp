#include "text_reader.hpp"

#include <algorithm>
#include <string>

namespace nahr::read_text {
namespace {

constexpr std::string_view kBom = "\xEF\xBB\xBF";
constexpr std::size_t kBlockSize = std::size_t{1} << 20;

// A record over the limit; unlike a damaged stream, reading goes on after it.
class RecordTooLarge : public DocumentError {
 public:
  using DocumentError::DocumentError;
};

// Length of the Unicode White_Space character at the start of `s` that is
// not ASCII (NEL, NBSP, the U+2000 spaces, ideographic space...), or 0.
std::size_t unicode_space_length(std::string_view s) {
  const auto byte = [&](std::size_t i) { return static_cast<unsigned char>(s[i]); };
  if (s.size() >= 2 && byte(0) == 0xC2 && (byte(1) == 0x85 || byte(1) == 0xA0)) return 2;
  if (s.size() < 3) return 0;
  const unsigned c0 = byte(0), c1 = byte(1), c2 = byte(2);
  if (c0 == 0xE1 && c1 == 0x9A && c2 == 0x80) return 3;  // U+1680
  if (c0 == 0xE2 && c1 == 0x80 &&
      ((c2 >= 0x80 && c2 <= 0x8A) || c2 == 0xA8 || c2 == 0xA9 || c2 == 0xAF)) {
    return 3;  // U+2000..200A, U+2028, U+2029, U+202F
  }
  if (c0 == 0xE2 && c1 == 0x81 && c2 == 0x9F) return 3;  // U+205F
  if (c0 == 0xE3 && c1 == 0x80 && c2 == 0x80) return 3;  // U+3000
  return 0;
}

// A line that is empty or holds only white space separates documents.
bool is_blank(std::string_view line) {
  std::size_t i = 0;
  while (i < line.size()) {
    const char c = line[i];
    if (c == ' ' || c == '\t' || c == '\r' || c == '\v' || c == '\f') {
      ++i;
      continue;
    }
    const std::size_t n = unicode_space_length(line.substr(i));
    if (n == 0) return false;
    i += n;
  }
  return true;
}

}  // namespace

std::vector<OptionSpec> TextReader::schema() {
  return {
      text("mode", "file",
           "file: one document per input file; blocks: one per block of lines separated by blank "
           "lines; lines: one per non-blank line",
           {"file", "blocks", "lines"}),
      text("id_format", "",
           "Document id; placeholders {stem} {name} {index} {index1}. Empty means \"{stem}\" in "
           "file mode and \"{stem}-{index}\" otherwise"),
      flag("strip_bom", true, "Drop a UTF-8 byte order mark at the start of each file"),
      flag("crlf", true,
           "Treat \"\\r\\n\" as one line break when splitting (the text keeps its bytes)"),
  };
}

TextReader::Mode TextReader::parse_mode(std::string_view mode) {
  if (mode == "file") return Mode::file;
  if (mode == "blocks") return Mode::blocks;
  if (mode == "lines") return Mode::lines;
  throw FatalError("read-text: mode must be \"file\", \"blocks\" or \"lines\", not \"" +
                   std::string(mode) + "\"");
}

std::string TextReader::id_pattern(const Options& options, Mode mode) {
  std::string pattern = options.text("id_format");
  if (pattern.empty()) pattern = mode == Mode::file ? "{stem}" : "{stem}-{index}";
  return pattern;
}

TextReader::TextReader(const Options& options)
    : mode_(parse_mode(options.text("mode"))),
      id_format_(id_pattern(options, mode_)),
      strip_bom_(options.flag("strip_bom")),
      crlf_(options.flag("crlf")),
      scanner_(kBlockSize) {}

void TextReader::open(Input input) {
  input_ = input;
  part_ = input.part();
  source_.assign(input.name());
  name_ = file_name(source_);
  stem_ = file_stem(name_);
  index_ = 0;
  file_done_ = false;
  limit_ = input.max_record_bytes();
  if (mode_ != Mode::file) {
    // Lines mode releases every line; blocks mode holds a block until it is
    // over the limit, and then the head it keeps.
    scanner_.open(input, crlf_, limit_, mode_ == Mode::lines ? 0 : bytes_before_skipping(limit_));
    if (strip_bom_) scanner_.skip_prefix(kBom);
  }
}

bool TextReader::next(Document& doc) {
  if (mode_ == Mode::file) return next_file(doc);
  try {
    return mode_ == Mode::blocks ? next_block(doc) : next_line(doc);
  } catch (const RecordTooLarge&) {
    throw;
  } catch (const DocumentError& e) {
    // A damaged stream (truncated .gz, ...): say how far reading got.
    throw DocumentError(std::string(e.what()) + " (after line " +
                        std::to_string(scanner_.line_number()) + ")");
  }
}

bool TextReader::next_file(Document& doc) {
  if (file_done_) return false;
  file_done_ = true;
  // The document starts at the input's first byte: another part's, unless
  // this part holds that byte.
  if (part_.before(0) || part_.after(0)) return false;
  const Input::Whole all = input_.read_all_within_limit();
  std::string_view text = all.bytes;
  if (all.over_limit) refuse(doc, "file", text, all.size, 1);
  if (strip_bom_ && text.starts_with(kBom)) text.remove_prefix(kBom.size());
  emit(doc, text, 1);
  return true;
}

bool TextReader::skip_blank_lines(LineScanner::Line& line) {
  do {
    scanner_.release();
    if (!scanner_.next(line)) return false;
  } while (!line.cut() && is_blank(scanner_.text(line)));
  return true;
}

bool TextReader::next_block(Document& doc) {
  for (;;) {
    LineScanner::Line line;
    if (!skip_blank_lines(line)) return false;
    const std::uint64_t start = scanner_.offset_of(line);
    if (part_.after(start)) return false;
    // The block starts at the mark: skip_blank_lines() released up to it.
    const std::uint64_t first_line = scanner_.line_number();
    std::size_t end = line.end;
    std::uint64_t too_large = 0;  // the block's size, once it is over the limit
    for (;;) {
      if (line.cut() || line.offset + line.size - start > limit_) {
        too_large = skip_rest_of_block(line, start);
        break;
      }
      end = line.end;
      if (!scanner_.next(line) || (!line.cut() && is_blank(scanner_.text(line)))) break;
    }
    if (part_.before(start)) {
      ++index_;  // another part's document: counted, not returned
      continue;
    }
    if (too_large != 0) refuse(doc, "block", head_, too_large, first_line);
    emit(doc, scanner_.retained(0, end), first_line);
    return true;
  }
}

std::uint64_t TextReader::skip_rest_of_block(LineScanner::Line last, std::uint64_t offset) {
  const auto ends_block = [&](const LineScanner::Line& line) {
    return !line.cut() && is_blank(scanner_.text(line));
  };
  // Lines are kept until they make the head the quarantine shows, then
  // released one by one, so that the block is never held whole.
  std::uint64_t end = last.offset + last.size;
  std::size_t kept = last.end;
  bool more = true;
  for (LineScanner::Line line; more && !last.cut() && kept < kOversizedRecordHead;) {
    more = scanner_.next(line) && !ends_block(line);
    if (!more) break;
    last = line;
    end = line.offset + line.size;
    kept = line.end;
  }
  head_.assign(scanner_.retained(0, std::min(kept, kOversizedRecordHead)));
  for (LineScanner::Line line; more && (scanner_.release(), scanner_.next(line));) {
    if (ends_block(line)) break;
    end = line.offset + line.size;
  }
  return end - offset;
}

bool TextReader::next_line(Document& doc) {
  LineScanner::Line line;
  for (;;) {
    if (!skip_blank_lines(line)) return false;
    const std::uint64_t start = scanner_.offset_of(line);
    if (part_.after(start)) return false;
    if (!part_.before(start)) break;
    ++index_;  // another part's document: counted, not returned
  }
  if (line.size > limit_) refuse(doc, "line", scanner_.text(line), line.size, scanner_.line_number());
  emit(doc, scanner_.text(line), scanner_.line_number());
  return true;
}

void TextReader::refuse(Document& doc, std::string_view what, std::string_view head,
                        std::uint64_t size, std::uint64_t line) {
  emit(doc, head, line);
  throw RecordTooLarge(source_ + ":" + std::to_string(line) + ": " +
                       record_too_large(what, size, limit_, head.size()));
}

void TextReader::emit(Document& doc, std::string_view text, std::uint64_t line) {
  id_format_.render(IdFields{stem_, name_, index_}, id_);
  doc.set_id(id_);
  doc.set_source(source_, index_, line);
  doc.set_text(text);
  ++index_;
}

}  // namespace nahr::read_text
