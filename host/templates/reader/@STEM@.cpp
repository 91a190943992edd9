#include "@STEM@.hpp"

namespace @NAMESPACE@ {

namespace {

constexpr std::size_t kBlockSize = std::size_t{1} << 16;

bool is_blank(std::string_view line) {
  return line.find_first_not_of(" \t\r\f\v") == std::string_view::npos;
}

}  // namespace

std::vector<nahr::OptionSpec> @CLASS@::schema() {
  return {nahr::text("comment", "#", "Lines starting with this are skipped; \"\" keeps every line")};
}

@CLASS@::@CLASS@(const nahr::Options& options) : comment_(options.text("comment")) {}

void @CLASS@::open(nahr::Input input) {
  input_ = input;
  input_name_ = input.name();
  buffer_.clear();
  line_start_ = scanned_ = 0;
  at_end_ = false;
  line_number_ = record_ = 0;
}

bool @CLASS@::next_line(std::string_view& line) {
  for (;;) {
    const std::size_t newline = buffer_.find('\n', scanned_);
    if (newline != std::string::npos || at_end_) {
      const std::size_t end = newline != std::string::npos ? newline : buffer_.size();
      if (newline == std::string::npos && line_start_ == end) return false;
      line = std::string_view(buffer_).substr(line_start_, end - line_start_);
      if (line.ends_with('\r')) line.remove_suffix(1);
      line_start_ = scanned_ = newline != std::string::npos ? newline + 1 : end;
      ++line_number_;
      return true;
    }
    // No whole line left: drop what was handed out, then read a block.
    buffer_.erase(0, line_start_);
    scanned_ = buffer_.size();
    line_start_ = 0;
    buffer_.resize(scanned_ + kBlockSize);
    const std::size_t got = input_.read(buffer_.data() + scanned_, kBlockSize);
    buffer_.resize(scanned_ + got);
    at_end_ = got == 0;
  }
}

bool @CLASS@::next(nahr::Document& doc) {
  std::string_view line;
  while (next_line(line)) {
    if (is_blank(line) || (!comment_.empty() && line.starts_with(comment_))) continue;
    id_ = input_name_;
    id_ += ':';
    id_ += std::to_string(line_number_);
    doc.set_id(id_);
    doc.set_source(input_name_, record_++, line_number_);
    doc.set_text(line);
    return true;
  }
  return false;
}

}  // namespace @NAMESPACE@
