// Everything a plugin author includes, plus the NAHR_PLUGIN registration
// macro, which builds the ABI descriptor from ordinary C++ stage classes:
//
//   class Upper final : public nahr::Normaliser { ... };
//   NAHR_PLUGIN("upper", "1.0.0", "Upper-cases ASCII letters", Upper)
//
// A stage's optional static self_tests() (nahr/self_test.hpp) go into the
// descriptor too, for `nahr plugin verify`.
#pragma once

#include <nahr/abi.h>
#include <nahr/document.hpp>
#include <nahr/error.hpp>
#include <nahr/host.hpp>
#include <nahr/input.hpp>
#include <nahr/options.hpp>
#include <nahr/self_test.hpp>
#include <nahr/stage.hpp>
#include <nahr/text_rewriter.hpp>

#include <array>
#include <exception>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

namespace nahr::detail {

inline void report(nahr_error* error, std::string_view message) {
  api().set_error(error, to_str(message));
}

// Runs `f` and turns any exception into a status code: nothing thrown inside
// a plugin may unwind into the host.
template <class F>
nahr_status guarded(nahr_error* error, F&& f) noexcept {
  try {
    return f();
  } catch (const FatalError& e) {
    report(error, e.what());
    return NAHR_FATAL_ERROR;
  } catch (const std::exception& e) {
    report(error, e.what());
    return NAHR_DOCUMENT_ERROR;
  } catch (...) {
    report(error, "unknown exception");
    return NAHR_DOCUMENT_ERROR;
  }
}

template <class T>
concept StreamWriter = requires(T& t, const Document& doc, std::string& out) {
  t.encode(doc, out);
};

template <class T>
struct Trampolines {
  static void* create(const nahr_options* options, nahr_error* error) noexcept {
    T* stage = nullptr;
    guarded(error, [&] {
      stage = new T(Options(options));
      return NAHR_OK;
    });
    return stage;
  }
  static void destroy(void* stage) noexcept { delete static_cast<T*>(stage); }
  static nahr_status process(void* stage, nahr_document* doc, nahr_error* error) noexcept {
    return guarded(error, [&] {
      Document d(doc);
      static_cast<T*>(stage)->process(d);
      return NAHR_OK;
    });
  }
  static nahr_status open_input(void* stage, nahr_input* input, nahr_error* error) noexcept {
    return guarded(error, [&] {
      static_cast<T*>(stage)->open(Input(input));
      return NAHR_OK;
    });
  }
  static nahr_status next_document(void* stage, nahr_document* doc, nahr_error* error) noexcept {
    return guarded(error, [&] {
      Document d(doc);
      return static_cast<T*>(stage)->next(d) ? NAHR_OK : NAHR_END_OF_INPUT;
    });
  }
  static nahr_status open_output(void* stage, nahr_str path, nahr_error* error) noexcept {
    return guarded(error, [&] {
      static_cast<T*>(stage)->open(to_view(path));
      return NAHR_OK;
    });
  }
  static nahr_status write_document(void* stage, const nahr_document* doc,
                                    nahr_error* error) noexcept {
    return guarded(error, [&] {
      const Document d(doc);
      static_cast<T*>(stage)->write(d);
      return NAHR_OK;
    });
  }
  static nahr_status close_output(void* stage, nahr_error* error) noexcept {
    return guarded(error, [&] {
      static_cast<T*>(stage)->close();
      return NAHR_OK;
    });
  }

  // Stream writers: the bytes live in a per-thread buffer until the next
  // call on that thread, as the ABI promises.
  static std::string& encode_buffer() {
    thread_local std::string buffer;
    buffer.clear();
    return buffer;
  }
  static nahr_status encode_document(void* stage, const nahr_document* doc, nahr_str* bytes,
                                     nahr_error* error) noexcept {
    return guarded(error, [&] {
      std::string& out = encode_buffer();
      static_cast<T*>(stage)->encode(Document(doc), out);
      *bytes = to_str(out);
      return NAHR_OK;
    });
  }
  static nahr_status encode_header(void* stage, nahr_str* bytes, nahr_error* error) noexcept {
    return guarded(error, [&] {
      std::string& out = encode_buffer();
      static_cast<T*>(stage)->header(out);
      *bytes = to_str(out);
      return NAHR_OK;
    });
  }
  static nahr_status encode_footer(void* stage, nahr_str* bytes, nahr_error* error) noexcept {
    return guarded(error, [&] {
      std::string& out = encode_buffer();
      static_cast<T*>(stage)->footer(out);
      *bytes = to_str(out);
      return NAHR_OK;
    });
  }

  static nahr_stage_vtable vtable() {
    nahr_stage_vtable v{};
    v.create = &create;
    v.destroy = &destroy;
    if constexpr (T::kind == NAHR_STAGE_READER) {
      v.open_input = &open_input;
      v.next_document = &next_document;
    } else if constexpr (T::kind == NAHR_STAGE_WRITER && StreamWriter<T>) {
      v.encode_document = &encode_document;
      if constexpr (requires(T& t, std::string& out) { t.header(out); }) {
        v.encode_header = &encode_header;
      }
      if constexpr (requires(T& t, std::string& out) { t.footer(out); }) {
        v.encode_footer = &encode_footer;
      }
    } else if constexpr (T::kind == NAHR_STAGE_WRITER) {
      v.open_output = &open_output;
      v.write_document = &write_document;
      v.close_output = &close_output;
    } else {
      v.process = &process;
    }
    return v;
  }
};

// Owns the C views of one stage's schema for the life of the plugin.
class StageRecord {
 public:
  template <class T>
  static StageRecord of() {
    StageRecord r;
    if constexpr (requires { T::schema(); }) r.schema_ = T::schema();
    r.descriptor_.kind = T::kind;
    r.descriptor_.name = T::name;
    r.descriptor_.summary = T::summary;
    if constexpr (requires { T::thread_safe; }) {
      if (T::thread_safe) r.descriptor_.flags |= NAHR_STAGE_THREAD_SAFE;
    }
    if constexpr (requires { T::splittable; }) {
      if (T::splittable) r.descriptor_.flags |= NAHR_STAGE_SPLITTABLE;
    }
    r.descriptor_.vtable = Trampolines<T>::vtable();
    return r;
  }

  // Must run once the record has reached its final address.
  const nahr_stage_descriptor& finish() {
    choices_.resize(schema_.size());
    specs_.clear();
    for (std::size_t i = 0; i < schema_.size(); ++i) {
      const OptionSpec& o = schema_[i];
      for (const std::string& c : o.choices) choices_[i].push_back(c.c_str());
      if (!o.choices.empty()) choices_[i].push_back(nullptr);
      specs_.push_back(nahr_option_spec{o.name.c_str(), o.type,
                                        o.default_toml ? o.default_toml->c_str() : nullptr,
                                        o.choices.empty() ? nullptr : choices_[i].data(),
                                        o.doc.c_str()});
    }
    descriptor_.options = specs_.data();
    descriptor_.option_count = specs_.size();
    return descriptor_;
  }

 private:
  std::vector<OptionSpec> schema_;
  std::vector<std::vector<const char*>> choices_;
  std::vector<nahr_option_spec> specs_;
  nahr_stage_descriptor descriptor_{};
};

// Owns every stage's self-tests and their C views for the life of the plugin.
class SelfTestRecord {
 public:
  template <class T>
  void add() {
    if constexpr (requires { T::self_tests(); }) {
      for (SelfTest& t : T::self_tests()) tests_.push_back({std::move(t), T::name});
    }
  }
  // Must run once every stage was added.
  void finish() {
    for (auto& [test, stage] : tests_) views_.push_back(test.finish(stage));
  }
  const nahr_self_test* data() const { return views_.data(); }
  std::size_t size() const { return views_.size(); }

 private:
  std::vector<std::pair<SelfTest, const char*>> tests_;
  std::vector<nahr_self_test> views_;
};

template <class... Stages>
class PluginRecord {
 public:
  PluginRecord(const char* name, const char* version, const char* summary)
      : records_{StageRecord::of<Stages>()...} {
    for (StageRecord& r : records_) stages_.push_back(r.finish());
    (self_tests_.add<Stages>(), ...);
    self_tests_.finish();
    descriptor_ = nahr_plugin_descriptor{NAHR_ABI_VERSION,
                                         sizeof(nahr_plugin_descriptor),
                                         name,
                                         version,
                                         summary,
                                         stages_.data(),
                                         stages_.size(),
                                         self_tests_.data(),
                                         self_tests_.size()};
  }
  const nahr_plugin_descriptor* descriptor() const { return &descriptor_; }

 private:
  std::array<StageRecord, sizeof...(Stages)> records_;
  std::vector<nahr_stage_descriptor> stages_;
  SelfTestRecord self_tests_;
  nahr_plugin_descriptor descriptor_{};
};

template <class... Stages>
const nahr_plugin_descriptor* describe(const nahr_host_api* host_api, const char* name,
                                       const char* version, const char* summary) {
  g_host = host_api;
  static const PluginRecord<Stages...> record(name, version, summary);
  return record.descriptor();
}

}  // namespace nahr::detail

// Exports the plugin's entry symbol. NAME is what configs refer to and
// should match the library's file name (NAME.so).
#define NAHR_PLUGIN(NAME, VERSION, SUMMARY, ...)                                       \
  extern "C" NAHR_EXPORT const nahr_plugin_descriptor* nahr_plugin_entry(              \
      const nahr_host_api* host_api) {                                                 \
    return ::nahr::detail::describe<__VA_ARGS__>(host_api, NAME, VERSION, SUMMARY);    \
  }
