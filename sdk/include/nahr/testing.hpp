// nahr/testing.hpp: run one stage on in-memory documents inside a unit test,
// without the host and without loading a shared library.
//
//   nahr::testing::Harness h;                       // installs the host API
//   auto doc = h.process<ArabicNormaliser>("أَحمد", {{"preset", "search"}});
//   CHECK(doc.text() == "احمد");
//   auto docs = h.read<TextReader>("a\n\nb", {{"mode", "blocks"}});
//   std::string out = h.write<JsonlWriter>(docs);   // writes to a temp file
//
// The harness uses the same document model and host function table as the
// host, so a stage behaves exactly as it will in a run.
#pragma once

#include <nahr/model/host_api.hpp>
#include <nahr/plugin.hpp>

#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <limits>
#include <map>
#include <sstream>
#include <string>
#include <variant>
#include <vector>

namespace nahr::testing {

using Value = std::variant<bool, std::int64_t, double, std::string, std::vector<std::string>>;

// Option overrides by name; anything not given takes the schema default.
class OptionMap {
 public:
  OptionMap() = default;
  // {{"form", "NFKC"}, {"limit", std::int64_t{3}}, {"strict", true}}
  OptionMap(std::initializer_list<std::pair<const std::string, Value>> values) : values_(values) {}
  const std::map<std::string, Value>& values() const { return values_; }

 private:
  std::map<std::string, Value> values_;
};

// A failure reported by a stage, as the host would see it.
struct StageFailure {
  nahr_status status;
  std::string message;
};

namespace detail {

inline void log_to_stderr(nahr_log_level level, nahr_str message) {
  static const char* names[] = {"?", "debug", "info", "warn", "error"};
  std::cerr << "[plugin " << names[level <= 4 ? level : 0] << "] "
            << std::string_view(message.data, message.size) << '\n';
}

// What Harness::set_run_info last set, offered as nahr_host_api.run_info_json.
inline std::string& run_info() {
  static std::string info;
  return info;
}
inline nahr_str run_info_json() { return nahr_str{run_info().data(), run_info().size()}; }

// Parses the default literals the SDK's OptionSpec helpers write.
inline std::string unquote(std::string_view s) {
  std::string out;
  for (std::size_t i = 1; i + 1 < s.size(); ++i) {
    if (s[i] == '\\' && i + 2 < s.size()) {
      const char c = s[++i];
      out += c == 'n' ? '\n' : c == 't' ? '\t' : c == 'r' ? '\r' : c;
    } else {
      out += s[i];
    }
  }
  return out;
}
inline Value parse_default(const OptionSpec& spec) {
  const std::string& lit = *spec.default_toml;
  switch (spec.type) {
    case NAHR_OPTION_BOOL: return lit == "true";
    case NAHR_OPTION_INT: return static_cast<std::int64_t>(std::stoll(lit));
    case NAHR_OPTION_FLOAT: return std::stod(lit);
    case NAHR_OPTION_STRING: return unquote(lit);
    case NAHR_OPTION_STRING_LIST: {
      std::vector<std::string> items;
      std::size_t i = 0;
      while ((i = lit.find('"', i)) != std::string::npos) {
        std::size_t j = i + 1;
        while (j < lit.size() && lit[j] != '"') j += (lit[j] == '\\') ? 2 : 1;
        items.push_back(unquote(lit.substr(i, j - i + 1)));
        i = j + 1;
      }
      return items;
    }
  }
  return false;
}

// Owns the nahr_options a stage is created with.
class OptionStorage {
 public:
  OptionStorage(const std::vector<OptionSpec>& schema, const OptionMap& given) {
    for (const auto& [name, v] : given.values()) {
      bool known = false;
      for (const OptionSpec& s : schema) known = known || s.name == name;
      if (!known) throw std::invalid_argument("test sets unknown option '" + name + "'");
    }
    values_.reserve(schema.size());
    for (const OptionSpec& spec : schema) {
      auto it = given.values().find(spec.name);
      if (it == given.values().end() && !spec.default_toml) {
        throw std::invalid_argument("test omits required option '" + spec.name + "'");
      }
      values_.push_back(it != given.values().end() ? it->second : parse_default(spec));
      names_.push_back(spec.name);
      types_.push_back(spec.type);
    }
    for (std::size_t i = 0; i < values_.size(); ++i) {
      if (auto* list = std::get_if<std::vector<std::string>>(&values_[i])) {
        lists_.emplace_back();
        for (const std::string& s : *list) lists_.back().push_back(to_str(s));
      }
    }
    std::size_t list = 0;
    for (std::size_t i = 0; i < values_.size(); ++i) {
      nahr_option_value v{};
      v.name = to_str(names_[i]);
      v.type = types_[i];
      std::visit(
          [&](const auto& x) {
            using T = std::decay_t<decltype(x)>;
            if constexpr (std::is_same_v<T, bool>) v.bool_value = x;
            else if constexpr (std::is_same_v<T, std::int64_t>) v.int_value = x, v.float_value = double(x);
            else if constexpr (std::is_same_v<T, double>) v.float_value = x;
            else if constexpr (std::is_same_v<T, std::string>) v.string_value = to_str(x);
            else {
              v.list_items = lists_[list].data();
              v.list_size = lists_[list].size();
              ++list;
            }
          },
          values_[i]);
      c_values_.push_back(v);
    }
    options_ = nahr_options{c_values_.data(), c_values_.size()};
  }
  const nahr_options* get() const { return &options_; }

 private:
  std::vector<Value> values_;
  std::vector<std::string> names_;
  std::vector<nahr_option_type> types_;
  std::vector<std::vector<nahr_str>> lists_;
  std::vector<nahr_option_value> c_values_;
  nahr_options options_{};
};

template <class T>
std::vector<OptionSpec> schema_of() {
  if constexpr (requires { T::schema(); }) return T::schema();
  else return {};
}

class MemoryInput final : public model::InputStream {
 public:
  MemoryInput(std::string name, std::string bytes, std::size_t block,
              std::uint64_t part_begin = 0, std::uint64_t part_end = UINT64_MAX)
      : name_(std::move(name)),
        bytes_(std::move(bytes)),
        block_(block),
        part_begin_(part_begin),
        part_end_(part_end) {}
  std::string_view name() const override { return name_; }
  bool read(char* buffer, std::size_t capacity, std::size_t& got, std::string&) override {
    got = std::min({capacity, block_, bytes_.size() - pos_});
    std::copy_n(bytes_.data() + pos_, got, buffer);
    pos_ += got;
    return true;
  }
  void part(std::uint64_t& begin, std::uint64_t& end) const override {
    begin = part_begin_;
    end = part_end_;
  }

 private:
  std::string name_, bytes_;
  std::size_t block_, pos_ = 0;
  std::uint64_t part_begin_, part_end_;
};

}  // namespace detail

// Result of reading: the documents, and the records the reader rejected.
struct ReadResult {
  std::vector<model::Document> documents;
  std::vector<StageFailure> failures;
};

class Harness {
 public:
  // The function table outlives every harness: plugins keep the pointer.
  Harness() {
    static const nahr_host_api api =
        model::make_host_api(&detail::log_to_stderr, &detail::run_info_json);
    nahr::detail::g_host = &api;
  }

  // The run's provenance JSON writers read through nahr::run_info_json();
  // empty, as outside a run, until set.
  void set_run_info(std::string json) { detail::run_info() = std::move(json); }

  // A stage instance created as the host would: schema defaults + `options`.
  // It installs the host API itself, so it works without a Harness around.
  template <class T>
  class Instance {
   public:
    explicit Instance(const OptionMap& options)
        : storage_(detail::schema_of<T>(), options), stage_(Options(storage_.get())) {}
    T& operator*() { return stage_; }
    T* operator->() { return &stage_; }

   private:
    struct HostApi {
      HostApi() { Harness(); }
    };
    HostApi host_api_;  // first: the stage may call the host from its constructor
    detail::OptionStorage storage_;
    T stage_;
  };

  // Runs a normaliser or extractor; throws what the stage throws.
  template <class T>
  void process(model::Document& doc, const OptionMap& options = {}) {
    Instance<T> stage(options);
    run(*stage, doc);
  }
  template <class T>
  model::Document process(std::string_view text, const OptionMap& options = {}) {
    model::Document doc;
    doc.id = "test";
    doc.set_text(text);
    process<T>(doc, options);
    return doc;
  }
  // Runs one instance on a document, recording provenance like the host.
  template <class T>
  void run(T& stage, model::Document& doc, std::string_view stage_id = T::name) {
    doc.current_stage = stage_id;
    Document view(model::as_handle(doc));
    stage.process(view);
  }

  // Reads `bytes` as one input named `name`, delivered in blocks of `block`
  // bytes (small blocks exercise a reader's buffer boundaries), telling the
  // reader that records over `max_record_bytes` are refused.
  template <class T>
  ReadResult read(std::string bytes, const OptionMap& options = {}, std::string name = "input.txt",
                  std::size_t block = 1 << 16,
                  std::uint64_t max_record_bytes = std::numeric_limits<std::uint64_t>::max()) {
    return read_part<T>(std::move(bytes), 0, UINT64_MAX, options, std::move(name), block,
                        max_record_bytes);
  }

  // Reads only the part [begin, end) of the input, as a shard of a sharded
  // run does: a splittable reader returns the records that start in it.
  template <class T>
  ReadResult read_part(std::string bytes, std::uint64_t begin, std::uint64_t end,
                       const OptionMap& options = {}, std::string name = "input.txt",
                       std::size_t block = 1 << 16,
                       std::uint64_t max_record_bytes = std::numeric_limits<std::uint64_t>::max()) {
    Instance<T> stage(options);
    detail::MemoryInput input(std::move(name), std::move(bytes), block, begin, end);
    model::InputBinding binding(input, max_record_bytes);
    ReadResult result;
    stage->open(Input(binding.handle()));
    for (;;) {
      model::Document doc;
      Document view(model::as_handle(doc));
      try {
        if (!stage->next(view)) break;
        result.documents.push_back(std::move(doc));
      } catch (const FatalError& e) {
        result.failures.push_back({NAHR_FATAL_ERROR, e.what()});
        break;
      } catch (const std::exception& e) {
        result.failures.push_back({NAHR_DOCUMENT_ERROR, e.what()});
      }
    }
    return result;
  }

  // Writes documents with writer T and returns the bytes it produced: a
  // stream writer's header, documents and footer, as the host writes them,
  // or what a self-managing writer put in a temporary file.
  template <class T>
  std::string write(std::vector<model::Document>& docs, const OptionMap& options = {}) {
    Instance<T> stage(options);
    if constexpr (nahr::detail::StreamWriter<T>) {
      std::string out;
      if constexpr (requires(T& t, std::string& o) { t.header(o); }) stage->header(out);
      for (model::Document& d : docs) stage->encode(Document(model::as_handle(d)), out);
      if constexpr (requires(T& t, std::string& o) { t.footer(o); }) stage->footer(out);
      return out;
    } else {
      return write_to_file(*stage, docs);
    }
  }

 private:
  template <class T>
  static std::string write_to_file(T& stage, std::vector<model::Document>& docs) {
    const auto path = std::filesystem::temp_directory_path() /
                      ("nahr-test-" + std::to_string(reinterpret_cast<std::uintptr_t>(&docs)));
    stage.open(path.string());
    for (model::Document& d : docs) stage.write(Document(model::as_handle(d)));
    stage.close();
    std::ifstream in(path, std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    std::filesystem::remove(path);
    return ss.str();
  }
};

// Assertion helpers: find annotations by type and text.
inline std::string_view covered_text(const model::Document& doc, const model::Annotation& a) {
  return std::string_view(doc.text()).substr(a.begin, a.end - a.begin);
}
inline std::string_view original_text_of(const model::Document& doc, const model::Annotation& a) {
  const auto [b, e] = doc.to_original(a.begin, a.end);
  return std::string_view(doc.original_text()).substr(b, e - b);
}
inline std::vector<const model::Annotation*> annotations_of(const model::Document& doc,
                                                            std::string_view type) {
  std::vector<const model::Annotation*> out;
  for (const model::Annotation& a : doc.annotations) {
    if (a.type == type) out.push_back(&a);
  }
  return out;
}
inline std::vector<std::string> texts_of(const model::Document& doc, std::string_view type) {
  std::vector<std::string> out;
  for (const model::Annotation* a : annotations_of(doc, type)) out.emplace_back(covered_text(doc, *a));
  return out;
}
inline std::string attribute_of(const model::Annotation& a, std::string_view key) {
  for (const model::Attribute& x : a.attributes) {
    if (x.key == key) return std::string(x.value);
  }
  return {};
}

}  // namespace nahr::testing
