// The stages behind the config tests' in-memory plugins. Only their
// descriptors (kind, name, option schema) matter; nothing is ever run.
#include "config_test_support.hpp"

#include <nahr/plugin.hpp>

namespace {

struct ReadText final : nahr::Reader {
  static constexpr const char* name = "read-text";
  static constexpr const char* summary = "Reads plain text files";
  static std::vector<nahr::OptionSpec> schema() {
    return {nahr::text("mode", "blocks", "How a file splits into documents",
                       {"blocks", "lines", "file"}),
            nahr::text("encoding", "utf-8", "Input encoding")};
  }
  explicit ReadText(const nahr::Options&) {}
  void open(nahr::Input) {}
  bool next(nahr::Document&) { return false; }
};

struct NormaliseArabic final : nahr::Normaliser {
  static constexpr const char* name = "normalise-arabic";
  static constexpr const char* summary = "Folds Arabic letter variants";
  static std::vector<nahr::OptionSpec> schema() {
    return {nahr::flag("strip_tatweel", true, "Remove tatweel (U+0640)"),
            nahr::flag("strip_diacritics", false, "Remove harakat"),
            nahr::text("form", "NFC", "Unicode form", {"NFC", "NFKC", "none"}),
            nahr::text_list("letters", {"alef", "yeh"}, "Letters to fold",
                            {"alef", "yeh", "teh-marbuta", "hamza"})};
  }
  explicit NormaliseArabic(const nahr::Options&) {}
  void process(nahr::Document&) {}
};

struct TagEntities final : nahr::Extractor {
  static constexpr const char* name = "tag-entities";
  static constexpr const char* summary = "Tags place names from a gazetteer";
  static std::vector<nahr::OptionSpec> schema() {
    return {nahr::required_text("gazetteer", "Gazetteer file"),
            nahr::integer("min_length", 2, "Shortest name in letters"),
            nahr::number("threshold", 0.5, "Minimum score"),
            nahr::text_list("labels", {}, "Entity labels to keep")};
  }
  explicit TagEntities(const nahr::Options&) {}
  void process(nahr::Document&) {}
};

struct WriteJsonl final : nahr::Writer {
  static constexpr const char* name = "write-jsonl";
  static constexpr const char* summary = "Writes one JSON object per line";
  static std::vector<nahr::OptionSpec> schema() {
    return {nahr::text("offsets", "codepoints", "Offset unit", {"bytes", "codepoints", "utf16"}),
            nahr::flag("pretty", false, "Indent the JSON")};
  }
  explicit WriteJsonl(const nahr::Options&) {}
  void open(std::string_view) {}
  void write(const nahr::Document&) {}
  void close() {}
};

// Two stages in one plugin, neither named like the plugin.
struct StripKashida final : nahr::Normaliser {
  static constexpr const char* name = "strip-kashida";
  static constexpr const char* summary = "Removes kashida";
  explicit StripKashida(const nahr::Options&) {}
  void process(nahr::Document&) {}
};

struct CountWords final : nahr::Extractor {
  static constexpr const char* name = "count-words";
  static constexpr const char* summary = "Counts words";
  explicit CountWords(const nahr::Options&) {}
  void process(nahr::Document&) {}
};

// A plugin bug the host must catch: a string default for an integer option.
struct BadDefault final : nahr::Extractor {
  static constexpr const char* name = "bad-default";
  static constexpr const char* summary = "Declares a string default for an integer";
  static std::vector<nahr::OptionSpec> schema() {
    return {nahr::OptionSpec{"limit", NAHR_OPTION_INT, "\"ten\"", {}, "A limit"}};
  }
  explicit BadDefault(const nahr::Options&) {}
  void process(nahr::Document&) {}
};

}  // namespace

namespace config_test {

std::vector<const nahr_plugin_descriptor*> plugin_descriptors(const nahr_host_api* host) {
  using nahr::detail::describe;
  return {describe<ReadText>(host, "read-text", "1.0", "test reader"),
          describe<NormaliseArabic>(host, "normalise-arabic", "1.0", "test normaliser"),
          describe<TagEntities>(host, "tag-entities", "1.0", "test extractor"),
          describe<WriteJsonl>(host, "write-jsonl", "1.0", "test writer"),
          describe<StripKashida, CountWords>(host, "arabic-tools", "1.0", "two stages"),
          describe<BadDefault>(host, "bad-default", "1.0", "broken schema")};
}

}  // namespace config_test
