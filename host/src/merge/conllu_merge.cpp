// CoNLL-U: the parts one after the other, with document ids made unique
// across them as write-conllu makes them unique in one file.
//
// write-conllu names each sentence "<doc id>-<n>" and gives a document id
// seen before in the file "~2", "~3", ... . A shard only knew its own ids,
// so the merge replays that rule over the whole run: it recovers each
// document's id as the shard saw it (undoing the shard's own suffix) and
// gives it the suffix the single run would have. Lines other than
// "# newdoc id" and "# sent_id" are copied unchanged.
#include <fmt/core.h>

#include <charconv>
#include <fstream>
#include <unordered_set>

#include "merge/merge.hpp"
#include "merge/merge_output.hpp"
#include "merge/writer_options.hpp"

namespace nahr::host {

namespace {

constexpr std::string_view kNewdoc = "# newdoc id = ";
constexpr std::string_view kSentId = "# sent_id = ";

// The ids written so far in one file, and the rule that made them unique.
class UniqueIds {
 public:
  // write-conllu's rule: the id, or the first of id~2, id~3, ... not used yet.
  std::string assign(const std::string& base) {
    std::string id = base;
    for (std::uint64_t k = 2; used_.count(id) != 0; ++k) id = base + '~' + std::to_string(k);
    used_.insert(id);
    return id;
  }

  // The id a document had before `assign` suffixed it: "x~3" came from "x"
  // when "x" and "x~2" were taken by then. (A document id that itself ends
  // in "~<n>" next to the same id without it reads the same way.)
  std::string base_of(std::string_view written) const {
    const std::size_t tilde = written.rfind('~');
    if (tilde == std::string_view::npos) return std::string(written);
    std::uint64_t k = 0;
    const std::string_view digits = written.substr(tilde + 1);
    const auto [end, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), k);
    if (ec != std::errc() || end != digits.data() + digits.size() || k < 2) {
      return std::string(written);
    }
    const std::string base(written.substr(0, tilde));
    if (used_.count(base) == 0) return std::string(written);
    for (std::uint64_t j = 2; j < k; ++j) {
      if (used_.count(base + '~' + std::to_string(j)) == 0) return std::string(written);
    }
    return base;
  }

  void add(std::string id) { used_.insert(std::move(id)); }

 private:
  std::unordered_set<std::string> used_;
};

// "AFP.0001-12" -> ("AFP.0001", 12)
bool split_sent_id(std::string_view sent_id, std::string_view& doc, std::uint64_t& number) {
  const std::size_t dash = sent_id.rfind('-');
  if (dash == std::string_view::npos) return false;
  doc = sent_id.substr(0, dash);
  const std::string_view digits = sent_id.substr(dash + 1);
  const auto [end, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), number);
  return ec == std::errc() && end == digits.data() + digits.size();
}

class ConlluMerge {
 public:
  ConlluMerge(const std::string& target, bool newdoc) : out_(target), newdoc_(newdoc) {}

  void add_part(const std::string& part) {
    std::ifstream in(part, std::ios::binary);
    if (!in) throw MergeError(fmt::format("{}: cannot open", part));
    UniqueIds part_ids;  // the ids as the shard wrote them
    std::string line;
    std::uint64_t line_number = 0;
    while (std::getline(in, line)) {
      ++line_number;
      const std::string_view view(line);
      if (view.starts_with(kNewdoc)) {
        start_document(view.substr(kNewdoc.size()), part_ids);
        out_.write(kNewdoc);
        out_.write(id_);
      } else if (view.starts_with(kSentId)) {
        std::string_view doc;
        std::uint64_t number = 0;
        if (!split_sent_id(view.substr(kSentId.size()), doc, number)) {
          throw MergeError(
              fmt::format("{}:{}: a sent_id that write-conllu does not write", part, line_number));
        }
        // Without newdoc lines, a document starts where its sentences start over.
        if (!newdoc_ && number == 1) start_document(doc, part_ids);
        out_.write(kSentId);
        out_.write(id_);
        out_.write(fmt::format("-{}", number));
      } else {
        out_.write(view);
      }
      out_.write("\n");
    }
    if (in.bad()) throw MergeError(fmt::format("{}: cannot read", part));
  }

  void close() { out_.close(); }

 private:
  void start_document(std::string_view written, UniqueIds& part_ids) {
    std::string base = part_ids.base_of(written);
    part_ids.add(std::string(written));
    id_ = run_ids_.assign(base);
  }

  MergeOutput out_;
  bool newdoc_;
  UniqueIds run_ids_;  // the ids as the single run writes them
  std::string id_;     // the current document's
};

}  // namespace

void merge_conllu(const MergeJob& job) {
  ConlluMerge merge(job.target, option_flag(job.options, "newdoc"));
  for (const std::string& part : job.parts) merge.add_part(part);
  merge.close();
}

}  // namespace nahr::host
