#include "lexicon.hpp"

#include <algorithm>
#include <fstream>
#include <map>
#include <mutex>
#include <nahr/error.hpp>
#include <nahr/text/lexicon_tokens.hpp>

#include "rule_words.hpp"

namespace extract_entities {
namespace {

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\r')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\r')) s.remove_suffix(1);
  return s;
}

}  // namespace

std::string_view label_name(Label label) {
  switch (label) {
    case Label::per:
      return "PER";
    case Label::org:
      return "ORG";
    case Label::loc:
      return "LOC";
    case Label::misc:
      return "MISC";
  }
  return "MISC";
}

Lexicon::Lexicon(const std::vector<std::filesystem::path>& gazetteers) {
  add_rule_words();
  for (const std::filesystem::path& file : gazetteers) read_gazetteer(file);
}

void Lexicon::add_rule_words() {
  for (const RuleWords& list : rule_words()) {
    std::string_view words = list.words;
    while (!words.empty()) {
      const std::size_t space = words.find_first_of(" \n");
      const std::string_view word = words.substr(0, space);
      if (!word.empty()) words_[nahr::lexicon::lexicon_key(word)].classes |= list.classes;
      words.remove_prefix(space == std::string_view::npos ? words.size() : space + 1);
    }
  }
}

void Lexicon::read_gazetteer(const std::filesystem::path& file) {
  std::ifstream in(file, std::ios::binary);
  if (!in) throw nahr::FatalError("extract-entities: cannot read gazetteer " + file.string());
  const std::string source = "gazetteer:" + file.stem().string();
  std::string line;
  for (std::size_t number = 1; std::getline(in, line); ++number) {
    add_line(line, source, file.string() + ":" + std::to_string(number));
  }
}

void Lexicon::add_line(std::string_view line, const std::string& source, const std::string& where) {
  if (line.size() >= 3 && line.substr(0, 3) == "\xEF\xBB\xBF") line.remove_prefix(3);  // BOM
  line = trim(line);
  if (line.empty() || line.front() == '#') return;

  std::string_view fields[3];
  std::size_t count = 0;
  while (count < 3) {
    const std::size_t tab = line.find('\t');
    fields[count++] = trim(line.substr(0, tab));
    if (tab == std::string_view::npos) break;
    line.remove_prefix(tab + 1);
  }
  const auto fail = [&](std::string_view why) {
    throw nahr::FatalError("extract-entities: " + where + ": " + std::string(why));
  };
  if (count < 2 || fields[0].empty() || fields[1].empty()) {
    fail("expected name<TAB>label[<TAB>canonical]");
  }

  nahr::lexicon::LexiconTokens tokens("extract-entities");
  tokens.scan(fields[0]);
  if (tokens.size() == 0) fail("the name has nothing to match");
  std::string phrase;
  for (std::size_t i = 0; i < tokens.size(); ++i) {
    if (i > 0) phrase += ' ';
    phrase += tokens.key(i);
  }

  const std::string_view label = fields[1];
  if (label == "GIVEN" || label == "GIVEN-COMMON") {
    if (tokens.size() != 1) {
      fail("a given name is one word (compounds like عبد الله are built by the rules)");
    }
    words_[phrase].classes |= label == "GIVEN" ? word_class::given : word_class::given_common;
    return;
  }
  Entry entry;
  if (label == "PER") {
    entry.label = Label::per;
  } else if (label == "ORG") {
    entry.label = Label::org;
  } else if (label == "LOC") {
    entry.label = Label::loc;
  } else if (label == "MISC") {
    entry.label = Label::misc;
  } else {
    fail("unknown label '" + std::string(label) + "' (PER, ORG, LOC, MISC, GIVEN, GIVEN-COMMON)");
  }
  entry.canonical = std::string(count == 3 && !fields[2].empty() ? fields[2] : fields[0]);
  entry.source = source;

  WordInfo& first = words_[tokens.key(0)];
  first.longest_entry = static_cast<std::uint8_t>(
      std::max<std::size_t>(first.longest_entry, std::min<std::size_t>(tokens.size(), 255)));
  entries_[phrase] = std::move(entry);
}

std::shared_ptr<const Lexicon> Lexicon::shared(
    const std::vector<std::filesystem::path>& gazetteers) {
  static std::mutex mutex;
  static std::map<std::vector<std::filesystem::path>, std::weak_ptr<const Lexicon>> cache;
  const std::lock_guard lock(mutex);
  std::weak_ptr<const Lexicon>& slot = cache[gazetteers];
  if (std::shared_ptr<const Lexicon> lexicon = slot.lock()) return lexicon;
  auto lexicon = std::make_shared<const Lexicon>(gazetteers);
  slot = lexicon;
  return lexicon;
}

}  // namespace extract_entities
