// The write-conllu stage: `sentence` and `token` annotations as CoNLL-U,
// valid for the format rules of the UD validator (levels 1 and 2).
#pragma once

#include <nahr/plugin.hpp>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

#include "conllu_text.hpp"
#include <nahr/io/output_file.hpp>
#include "sentence_units.hpp"

namespace nahr::write_conllu {

class ConlluWriter final : public nahr::Writer {
 public:
  static constexpr const char* name = "write-conllu";
  static constexpr const char* summary =
      "Writes sentences and tokens as CoNLL-U with # sent_id, # text and SpaceAfter=No";
  static std::vector<OptionSpec> schema();

  explicit ConlluWriter(const Options& options);

  void open(std::string_view path);
  void write(const Document& doc);
  void close();

 private:
  // A token as written: its span, its annotation and its FORM in forms_.
  struct Word {
    Span span;
    std::size_t annotation;
    std::size_t form_begin = 0;
    std::size_t form_end = 0;
    bool space_after = true;
  };

  void collect(const Document& doc);
  std::string_view unique_id(std::string_view id);
  void write_sentence(const Document& doc, const Unit& unit, std::string_view id,
                      std::size_t number);
  void append_word_line(const Document& doc, std::size_t number, const Word& word);

  bool newdoc_;
  Orphans orphans_;

  io::OutputFile file_{name};
  std::unordered_set<std::string> used_ids_;  // sent_id must be unique in the file
  // Reused for every document.
  std::vector<Word> words_;
  std::vector<Span> token_spans_;
  std::vector<Span> sentences_;
  std::vector<std::uint64_t> paragraph_begins_;
  std::vector<Unit> units_;
  std::vector<FormView> views_;
  std::string forms_;
  std::string id_;
  std::string text_;
  std::string field_;
};

}  // namespace nahr::write_conllu
