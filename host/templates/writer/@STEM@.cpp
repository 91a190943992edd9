#include "@STEM@.hpp"

namespace @NAMESPACE@ {

std::vector<nahr::OptionSpec> @CLASS@::schema() {
  return {nahr::text("separator", "\t", "What separates the fields of a line")};
}

@CLASS@::@CLASS@(const nahr::Options& options) : separator_(options.text("separator")) {
  if (separator_.empty() || separator_.find('\n') != std::string::npos) {
    throw nahr::FatalError("separator must be non-empty and hold no line break");
  }
}

void @CLASS@::open(std::string_view path) { file_.open(path); }

void @CLASS@::close() { file_.close(); }

void @CLASS@::append_field(std::string& out, std::string_view field) const {
  for (std::size_t at = 0; at < field.size();) {
    std::size_t cut = field.find_first_of("\r\n", at);
    if (const std::size_t sep = field.find(separator_, at); sep < cut) cut = sep;
    out.append(field.substr(at, cut - at));
    if (cut == std::string_view::npos) break;
    out += ' ';
    at = cut + (field.compare(cut, separator_.size(), separator_) == 0 ? separator_.size() : 1);
  }
}

void @CLASS@::write(const nahr::Document& doc) {
  std::string& out = file_.buffer();
  const std::string_view original = doc.original_text();
  for (std::size_t i = 0; i < doc.annotation_count(); ++i) {
    // `original` offsets point into the text as read, even after a
    // normaliser changed the text.
    const nahr::AnnotationView a = doc.annotation(i);
    append_field(out, doc.id());
    out += separator_;
    append_field(out, a.type);
    out += separator_;
    out += std::to_string(a.original.begin);
    out += separator_;
    out += std::to_string(a.original.end);
    out += separator_;
    append_field(out, original.substr(a.original.begin, a.original.end - a.original.begin));
    out += '\n';
  }
  file_.flush_if_full();
}

}  // namespace @NAMESPACE@
