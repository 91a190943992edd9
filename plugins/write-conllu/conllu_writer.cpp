#include "conllu_writer.hpp"

#include <algorithm>
#include <charconv>

namespace nahr::write_conllu {
namespace {

Orphans parse_orphans(std::string_view name) {
  if (name == "sentence") return Orphans::sentence;
  if (name == "skip") return Orphans::skip;
  throw FatalError("write-conllu: orphans must be \"sentence\" or \"skip\", not \"" +
                   std::string(name) + "\"");
}

void append_number(std::string& out, std::uint64_t n) {
  char digits[20];
  out.append(digits, std::to_chars(digits, digits + sizeof digits, n).ptr);
}

// UPOS must be a tag of capitals (NOUN, VERB, ...) for the validator.
bool is_upos(std::string_view v) {
  return !v.empty() && std::all_of(v.begin(), v.end(), [](char c) { return c >= 'A' && c <= 'Z'; });
}

// XPOS and FEATS are written only as printable ASCII without spaces, as UD
// tags and features are; anything else could break the line or its NFC.
bool is_plain_tag(std::string_view v) {
  return !v.empty() && std::all_of(v.begin(), v.end(), [](char c) { return c > ' ' && c < 0x7F; });
}

std::string_view text_of(std::string_view text, Span span) {
  return text.substr(span.begin, span.end - span.begin);
}

}  // namespace

std::vector<OptionSpec> ConlluWriter::schema() {
  return {
      flag("newdoc", true,
           "Write \"# newdoc id = <document id>\" before a document's first sentence"),
      text("orphans", "sentence",
           "Tokens outside every sentence annotation: \"sentence\" groups each run of them "
           "(within a paragraph) into a sentence of its own; \"skip\" leaves them out",
           {"sentence", "skip"}),
  };
}

ConlluWriter::ConlluWriter(const Options& options)
    : newdoc_(options.flag("newdoc")), orphans_(parse_orphans(options.text("orphans"))) {}

void ConlluWriter::open(std::string_view path) {
  file_.open(path);
  used_ids_.clear();
}

void ConlluWriter::close() { file_.close(); }

void ConlluWriter::write(const Document& doc) {
  collect(doc);
  group_sentences(token_spans_, sentences_, paragraph_begins_, orphans_, units_);
  if (units_.empty()) return;  // no token to write (or only skipped orphans)

  const std::string_view id = unique_id(doc.id());
  std::string& out = file_.buffer();
  if (newdoc_) {
    out += "# newdoc id = ";
    out += id;
    out += '\n';
  }
  for (std::size_t n = 0; n < units_.size(); ++n) write_sentence(doc, units_[n], id, n + 1);
  file_.flush_if_full();
}

void ConlluWriter::collect(const Document& doc) {
  const std::string_view text = doc.text();
  words_.clear();
  sentences_.clear();
  paragraph_begins_.clear();
  const std::size_t count = doc.annotation_count();
  for (std::size_t i = 0; i < count; ++i) {
    const AnnotationView a = doc.annotation(i);
    if (a.span.begin >= a.span.end || a.span.end > text.size()) continue;
    if (a.type == "token") {
      // A token never holds surrounding whitespace; one that is all whitespace is no token.
      const Span trimmed = trim_space(text, a.span);
      if (trimmed.begin < trimmed.end) words_.push_back(Word{trimmed, i});
    } else if (a.type == "sentence") {
      sentences_.push_back(a.span);
    } else if (a.type == "paragraph") {
      paragraph_begins_.push_back(a.span.begin);
    }
  }

  // Stages add annotations in any order. Of overlapping tokens the first in
  // text order stays (the shorter when two begin together).
  std::sort(words_.begin(), words_.end(), [](const Word& x, const Word& y) {
    return x.span.begin != y.span.begin ? x.span.begin < y.span.begin : x.span.end < y.span.end;
  });
  std::uint64_t end = 0;
  std::erase_if(words_, [&](const Word& w) {
    if (w.span.begin < end) return true;
    end = w.span.end;
    return false;
  });
  std::sort(sentences_.begin(), sentences_.end(), [](const Span& x, const Span& y) {
    return x.begin != y.begin ? x.begin < y.begin : x.end < y.end;
  });
  std::sort(paragraph_begins_.begin(), paragraph_begins_.end());

  // SpaceAfter=No when no whitespace separates a token from the next one in
  // the document, even across a sentence boundary, as UD treebanks do.
  token_spans_.clear();
  for (std::size_t k = 0; k < words_.size(); ++k) {
    token_spans_.push_back(words_[k].span);
    if (k + 1 < words_.size()) {
      words_[k].space_after = has_space(text, words_[k].span.end, words_[k + 1].span.begin);
    }
  }
}

std::string_view ConlluWriter::unique_id(std::string_view id) {
  // `# sent_id` must be one word; the validator reserves '/' for parallel treebanks.
  std::string base;
  for (std::size_t i = 0; i < id.size();) {
    const Decoded d = decode(id, i);
    if (is_space(d.cp) || d.cp == '/')
      base += '_';
    else if (d.valid)
      base.append(id.data() + i, d.size);
    else
      base += "\xEF\xBF\xBD";
    i += d.size;
  }
  if (base.empty()) base = "_";
  id_ = base;
  // A document id seen before (a feed sent twice) gets a suffix: ~2, ~3, ...
  for (std::uint64_t k = 2; !used_ids_.insert(id_).second; ++k) {
    id_ = base + '~';
    append_number(id_, k);
  }
  return id_;
}

void ConlluWriter::write_sentence(const Document& doc, const Unit& unit, std::string_view id,
                                  std::size_t number) {
  const std::string_view text = doc.text();
  forms_.clear();
  for (std::size_t k = unit.first; k < unit.last; ++k) {
    Word& w = words_[k];
    w.form_begin = forms_.size();
    append_form(forms_, text_of(text, w.span));
    normalize_nfc(forms_, w.form_begin);
    w.form_end = forms_.size();
  }
  views_.clear();
  for (std::size_t k = unit.first; k < unit.last; ++k) {
    const Word& w = words_[k];
    views_.push_back(
        {std::string_view(forms_).substr(w.form_begin, w.form_end - w.form_begin), w.space_after});
  }

  // `# text` is the sentence as written (line breaks as spaces) when the
  // FORMs account for it; when they cannot (a character no token covers, a
  // FORM that had to change), it is rebuilt from the FORMs and SpaceAfter.
  text_.clear();
  append_comment(text_, text_of(text, unit.text));
  normalize_nfc(text_, 0);
  if (!text_matches(text_, views_)) {
    text_.clear();
    for (const FormView& v : views_) {
      text_ += v.form;
      if (v.space_after && &v != &views_.back()) text_ += ' ';
    }
  }

  std::string& out = file_.buffer();
  out += "# sent_id = ";
  out += id;
  out += '-';
  append_number(out, number);
  out += "\n# text = ";
  out += text_;
  out += '\n';
  for (std::size_t k = unit.first; k < unit.last; ++k) {
    append_word_line(doc, k - unit.first + 1, words_[k]);
  }
  out += '\n';
}

void ConlluWriter::append_word_line(const Document& doc, std::size_t number, const Word& word) {
  const AnnotationView a = doc.annotation(word.annotation);
  std::string& out = file_.buffer();
  append_number(out, number);
  out += '\t';
  out.append(forms_, word.form_begin, word.form_end - word.form_begin);
  out += '\t';

  field_.clear();
  if (const auto lemma = doc.attribute(a, "lemma")) {
    append_form(field_, *lemma);
    normalize_nfc(field_, 0);
  }
  out += field_.empty() ? "_" : field_;
  out += '\t';

  const auto tag = [&](std::string_view key, bool (*acceptable)(std::string_view)) {
    const auto value = doc.attribute(a, key);
    out += value && acceptable(*value) ? *value : std::string_view("_");
    out += '\t';
  };
  tag("upos", is_upos);
  tag("xpos", is_plain_tag);
  tag("feats", is_plain_tag);
  out += "_\t_\t_\t";  // HEAD, DEPREL, DEPS: nahr does not parse
  out += word.space_after ? "_" : "SpaceAfter=No";
  out += '\n';
}

}  // namespace nahr::write_conllu
