// Self-tests: sample inputs a stage ships with the results it expects.
// `nahr plugin verify FILE.so` runs them in a separate process, so an
// operator can check a plugin before a pipeline relies on it.
//
// A stage declares them like its schema, as an optional static member:
//
//   static std::vector<nahr::SelfTest> self_tests() {
//     return {
//         nahr::SelfTest("folds alef with hamza")
//             .option("preset", "search")
//             .input("أعلن الرئيس")
//             .expect_text("اعلن الرئيس"),
//         nahr::SelfTest("finds the dateline")
//             .input("بيروت (أ ف ب) - أعلن ...")
//             .expect_annotation("dateline", "بيروت (أ ف ب) -", {{"agency", "أ ف ب"}})
//             .expect_metadata("dateline.place", "بيروت"),
//     };
//   }
//
// What each kind gets and what can be checked:
//   normaliser, extractor  input() is the document text, with metadata()
//                          and annotation() as if earlier stages set them;
//                          expect_text/metadata/annotation on the result.
//   reader                 input() is the bytes of one input file;
//                          expect_documents(n), and expect_id/text/metadata
//                          on the first document read.
//   writer                 input() is the text of the document written;
//                          expect_output(s): s appears in the bytes written.
// What a test does not mention is not checked.
#pragma once

#include <nahr/abi.h>
#include <nahr/options.hpp>

#include <charconv>
#include <concepts>
#include <cstdint>
#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace nahr {

class SelfTest {
 public:
  using Pairs = std::initializer_list<std::pair<std::string_view, std::string_view>>;

  explicit SelfTest(std::string name) : name_(std::move(name)) {}

  // Options, by type; options not named take their defaults.
  SelfTest& option(std::string name, bool value) {
    return set_option(std::move(name), value ? "true" : "false");
  }
  template <std::integral I>
    requires(!std::same_as<I, bool>)
  SelfTest& option(std::string name, I value) {
    return set_option(std::move(name), std::to_string(value));
  }
  SelfTest& option(std::string name, double value) {
    char digits[32];
    const auto end = std::to_chars(digits, digits + sizeof digits, value).ptr;
    return set_option(std::move(name), std::string(digits, end));
  }
  SelfTest& option(std::string name, const char* value) {
    return set_option(std::move(name), detail::toml_quote(value));
  }
  SelfTest& option(std::string name, std::string_view value) {
    return set_option(std::move(name), detail::toml_quote(value));
  }
  SelfTest& option(std::string name, std::initializer_list<std::string_view> values) {
    std::string literal = "[";
    for (std::string_view v : values) {
      if (literal.size() > 1) literal += ", ";
      literal += detail::toml_quote(v);
    }
    return set_option(std::move(name), literal + "]");
  }

  SelfTest& input(std::string_view text_or_bytes) {
    input_.assign(text_or_bytes);
    return *this;
  }
  SelfTest& metadata(std::string_view key, std::string_view value) {
    input_metadata_.emplace_back(key, value);
    return *this;
  }
  // An annotation earlier stages would have made, over the first
  // occurrence of `text` in the input.
  SelfTest& annotation(std::string_view type, std::string_view text, Pairs attributes = {}) {
    input_annotations_.push_back(Sample::of(type, text, attributes));
    return *this;
  }

  SelfTest& expect_text(std::string_view text) {
    expected_text_.emplace(text);
    return *this;
  }
  SelfTest& expect_id(std::string_view id) {
    expected_id_.emplace(id);
    return *this;
  }
  SelfTest& expect_metadata(std::string_view key, std::string_view value) {
    expected_metadata_.emplace_back(key, value);
    return *this;
  }
  // An annotation of `type` covering exactly `text` with at least these
  // attributes; each expected annotation needs one of its own.
  SelfTest& expect_annotation(std::string_view type, std::string_view text, Pairs attributes = {}) {
    expected_annotations_.push_back(Sample::of(type, text, attributes));
    return *this;
  }
  SelfTest& expect_documents(std::int64_t count) {
    expected_documents_ = count;
    return *this;
  }
  SelfTest& expect_output(std::string_view substring) {
    expected_output_.emplace(substring);
    return *this;
  }

  // The C view for the descriptor, for stage `stage`. Views point into this
  // object: call once it has reached its final address, and never move it
  // afterwards.
  const nahr_self_test& finish(const char* stage) {
    c_options_ = c_pairs(options_);
    c_input_metadata_ = c_pairs(input_metadata_);
    c_expected_metadata_ = c_pairs(expected_metadata_);
    c_input_annotations_ = c_samples(input_annotations_);
    c_expected_annotations_ = c_samples(expected_annotations_);
    c_ = nahr_self_test{};
    c_.name = str(name_);
    c_.stage = nahr_str{stage, std::char_traits<char>::length(stage)};
    c_.options = c_options_.data();
    c_.option_count = c_options_.size();
    c_.input = str(input_);
    c_.input_metadata = c_input_metadata_.data();
    c_.input_metadata_count = c_input_metadata_.size();
    c_.input_annotations = c_input_annotations_.data();
    c_.input_annotation_count = c_input_annotations_.size();
    c_.expected_text = str(expected_text_);
    c_.expected_id = str(expected_id_);
    c_.expected_metadata = c_expected_metadata_.data();
    c_.expected_metadata_count = c_expected_metadata_.size();
    c_.expected_annotations = c_expected_annotations_.data();
    c_.expected_annotation_count = c_expected_annotations_.size();
    c_.expected_documents = expected_documents_;
    c_.expected_output = str(expected_output_);
    return c_;
  }

 private:
  using PairList = std::vector<std::pair<std::string, std::string>>;

  struct Sample {
    std::string type, text;
    PairList attributes;
    std::vector<nahr_string_pair> c_attributes;

    static Sample of(std::string_view type, std::string_view text, Pairs attributes) {
      Sample s{std::string(type), std::string(text), {}, {}};
      for (const auto& [k, v] : attributes) s.attributes.emplace_back(k, v);
      return s;
    }
  };

  static nahr_str str(const std::string& s) { return nahr_str{s.data(), s.size()}; }
  // Not given: a NULL view, so the host can tell it from an empty string.
  static nahr_str str(const std::optional<std::string>& s) {
    return s ? str(*s) : nahr_str{nullptr, 0};
  }
  static std::vector<nahr_string_pair> c_pairs(const PairList& pairs) {
    std::vector<nahr_string_pair> out;
    for (const auto& [k, v] : pairs) out.push_back(nahr_string_pair{str(k), str(v)});
    return out;
  }
  static std::vector<nahr_sample_annotation> c_samples(std::vector<Sample>& samples) {
    std::vector<nahr_sample_annotation> out;
    for (Sample& s : samples) {
      s.c_attributes = c_pairs(s.attributes);
      out.push_back(nahr_sample_annotation{str(s.type), str(s.text), s.c_attributes.data(),
                                           s.c_attributes.size()});
    }
    return out;
  }

  SelfTest& set_option(std::string name, std::string literal) {
    options_.emplace_back(std::move(name), std::move(literal));
    return *this;
  }

  std::string name_;
  PairList options_;
  std::string input_;
  PairList input_metadata_;
  std::vector<Sample> input_annotations_;
  std::optional<std::string> expected_text_, expected_id_, expected_output_;
  PairList expected_metadata_;
  std::vector<Sample> expected_annotations_;
  std::int64_t expected_documents_ = -1;

  std::vector<nahr_string_pair> c_options_, c_input_metadata_, c_expected_metadata_;
  std::vector<nahr_sample_annotation> c_input_annotations_, c_expected_annotations_;
  nahr_self_test c_{};
};

}  // namespace nahr
