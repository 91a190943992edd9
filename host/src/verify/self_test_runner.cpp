#include "verify/self_test_runner.hpp"

#include "config/option_check.hpp"

#include <fmt/format.h>
#include <nahr/model/host_api.hpp>
#include <nahr/text/utf8.hpp>
#include <stdlib.h>

#include <filesystem>
#include <fstream>
#include <optional>
#include <span>
#include <sstream>

namespace nahr::host {

namespace {

// Readers that never stop are cut off here.
constexpr std::int64_t kMaxDocuments = 100000;
// Bytes of a writer's output shown when the expected text is not in it.
constexpr std::size_t kShownOutput = 400;
// The stage id recorded in annotations a self-test puts on its input.
constexpr std::string_view kInputStage = "self-test";

std::string_view view(nahr_str s) { return std::string_view(s.data, s.size); }
std::optional<std::string> given(nahr_str s) {
  if (s.data == nullptr) return std::nullopt;
  return std::string(view(s));
}

template <class T>
std::span<const T> items(const T* data, std::size_t count) {
  return data == nullptr ? std::span<const T>() : std::span<const T>(data, count);
}

StringPairs pairs(const nahr_string_pair* data, std::size_t count) {
  StringPairs out;
  for (const nahr_string_pair& p : items(data, count)) {
    out.emplace_back(view(p.key), view(p.value));
  }
  return out;
}

Expectations expectations_of(const nahr_self_test& test) {
  Expectations e;
  e.text = given(test.expected_text);
  e.metadata = pairs(test.expected_metadata, test.expected_metadata_count);
  for (const nahr_sample_annotation& a :
       items(test.expected_annotations, test.expected_annotation_count)) {
    e.annotations.push_back(ExpectedAnnotation{std::string(view(a.type)), std::string(view(a.text)),
                                               std::nullopt,
                                               pairs(a.attributes, a.attribute_count)});
  }
  return e;
}

// The stage's options: the test's values where it names them, else the
// schema's defaults, checked exactly as a config's.
std::optional<OptionValues> options_for(const nahr_stage_descriptor& stage,
                                        const nahr_self_test& test, std::string& failure) {
  const std::span<const nahr_option_spec> schema = items(stage.options, stage.option_count);
  const std::span<const nahr_string_pair> set = items(test.options, test.option_count);
  for (const nahr_string_pair& p : set) {
    const bool known = std::any_of(schema.begin(), schema.end(), [&](const nahr_option_spec& s) {
      return view(p.key) == s.name;
    });
    if (!known) {
      failure = fmt::format("the test sets option '{}', which stage '{}' does not have",
                            view(p.key), stage.name);
      return std::nullopt;
    }
  }
  OptionValues values;
  for (const nahr_option_spec& spec : schema) {
    const auto it = std::find_if(set.begin(), set.end(),
                                 [&](const nahr_string_pair& p) { return view(p.key) == spec.name; });
    const std::string subject = fmt::format("option '{}'", spec.name);
    std::optional<ValueProblem> problem;
    if (it != set.end()) {
      problem = add_option_literal(spec, view(it->value), subject, values);
    } else if (spec.default_value != nullptr) {
      problem = add_option_literal(spec, spec.default_value, subject, values);
    } else {
      problem = ValueProblem{nullptr, fmt::format("the test must set required {}", subject)};
    }
    if (problem) {
      failure = problem->message;
      return std::nullopt;
    }
  }
  return values;
}

// A stage instance, destroyed through the plugin.
class Instance {
 public:
  Instance(const nahr_stage_descriptor& stage, void* handle) : stage_(stage), handle_(handle) {}
  ~Instance() { stage_.vtable.destroy(handle_); }
  Instance(const Instance&) = delete;
  Instance& operator=(const Instance&) = delete;
  const nahr_stage_vtable& vtable() const { return stage_.vtable; }
  void* handle() const { return handle_; }

 private:
  const nahr_stage_descriptor& stage_;
  void* handle_;
};

// The document a non-reader test starts from, as earlier stages left it.
std::optional<std::string> prepare(model::Document& doc, const nahr_self_test& test) {
  doc.id = "self-test";
  doc.source_file = "self-test";
  doc.set_text(view(test.input));
  for (const auto& [key, value] : pairs(test.input_metadata, test.input_metadata_count)) {
    doc.set_metadata(key, value);
  }
  for (const nahr_sample_annotation& a :
       items(test.input_annotations, test.input_annotation_count)) {
    const std::size_t at = doc.text().find(view(a.text));
    if (at == std::string::npos) {
      return fmt::format("input annotation {} {} is not in the input", view(a.type),
                         quote(view(a.text)));
    }
    const std::size_t index = doc.add_annotation(view(a.type), at, at + a.text.size, kInputStage);
    for (const auto& [key, value] : pairs(a.attributes, a.attribute_count)) {
      doc.set_attribute(index, key, value);
    }
  }
  return std::nullopt;
}

std::string status_failure(std::string_view step, nahr_status status, const std::string& message) {
  return fmt::format("{} returned {}: {}", step,
                     status == NAHR_FATAL_ERROR ? "a fatal error" : "a document error",
                     message.empty() ? "(no message)" : message);
}

class MemoryInput final : public model::InputStream {
 public:
  explicit MemoryInput(std::string_view bytes) : bytes_(bytes) {}
  std::string_view name() const override { return "self-test-input"; }
  bool read(char* buffer, std::size_t capacity, std::size_t& got, std::string&) override {
    got = std::min(capacity, bytes_.size());
    std::copy_n(bytes_.data(), got, buffer);
    bytes_.remove_prefix(got);
    return true;
  }

 private:
  std::string_view bytes_;
};

void run_processor(const Instance& stage, const nahr_self_test& test, SelfTestResult& result) {
  model::Document doc;
  if (auto problem = prepare(doc, test)) {
    result.failure = *problem;
    return;
  }
  doc.current_stage = view(test.stage);
  model::ErrorSlot slot;
  const nahr_status status =
      stage.vtable().process(stage.handle(), model::as_handle(doc), model::as_handle(slot));
  if (status != NAHR_OK) {
    result.failure = status_failure("process", status, slot.message);
    return;
  }
  result.differences = differences(doc, expectations_of(test));
}

void run_reader(const Instance& stage, const nahr_self_test& test, SelfTestResult& result) {
  MemoryInput input(view(test.input));
  model::InputBinding binding(input);
  model::ErrorSlot slot;
  nahr_status status =
      stage.vtable().open_input(stage.handle(), binding.handle(), model::as_handle(slot));
  if (status != NAHR_OK) {
    result.failure = status_failure("open_input", status, slot.message);
    return;
  }
  model::Document first, doc;
  std::int64_t count = 0;
  for (; count < kMaxDocuments; ++count) {
    model::Document& target = count == 0 ? first : doc;
    target.clear();
    target.current_stage = view(test.stage);
    slot.message.clear();
    status = stage.vtable().next_document(stage.handle(), model::as_handle(target),
                                          model::as_handle(slot));
    if (status == NAHR_END_OF_INPUT) break;
    if (status != NAHR_OK) {
      result.failure = status_failure(fmt::format("next_document (document {})", count + 1),
                                       status, slot.message);
      return;
    }
  }
  if (count == kMaxDocuments) {
    result.failure = fmt::format("still reading after {} documents", kMaxDocuments);
    return;
  }
  if (test.expected_documents >= 0 && count != test.expected_documents) {
    result.differences.push_back(Difference{"documents read", {fmt::format("{}", test.expected_documents)},
                                            {fmt::format("{}", count)}});
  }
  const Expectations expected = expectations_of(test);
  const std::optional<std::string> id = given(test.expected_id);
  if (count == 0) {
    if (!expected.empty() || id) {
      result.differences.push_back(Difference{"first document", {"a document"}, {"none read"}});
    }
    return;
  }
  if (id && *id != first.id) {
    result.differences.push_back(Difference{"id of the first document", {quote(*id)}, {quote(first.id)}});
  }
  for (Difference& d : differences(first, expected)) result.differences.push_back(std::move(d));
}

// The bytes written, as shown in a report: text excerpted, binary summarised.
std::string shown_output(std::string_view bytes) {
  if (bytes.find('\0') != std::string_view::npos || !utf8::is_valid(bytes)) {
    return fmt::format("({} bytes of binary output)", bytes.size());
  }
  if (bytes.size() <= kShownOutput) return quote(bytes);
  std::size_t end = kShownOutput;
  while (end > 0 && (static_cast<unsigned char>(bytes[end]) & 0xC0) == 0x80) --end;
  return fmt::format("{}... ({} bytes)", quote(bytes.substr(0, end)), bytes.size());
}

void check_output(const nahr_self_test& test, const std::string& written, SelfTestResult& result) {
  const std::optional<std::string> expected = given(test.expected_output);
  if (expected && written.find(*expected) == std::string::npos) {
    result.differences.push_back(Difference{"output does not contain the expected text",
                                            {quote(*expected)},
                                            {shown_output(written)}});
  }
}

// A stream writer: the host would write header, document and footer bytes.
void run_encoder(const Instance& stage, const nahr_self_test& test, model::Document& doc,
                 SelfTestResult& result) {
  const nahr_stage_vtable& v = stage.vtable();
  model::ErrorSlot slot;
  std::string written;
  const auto take = [&](std::string_view step, nahr_status status, nahr_str bytes) {
    if (status != NAHR_OK) {
      result.failure = status_failure(step, status, slot.message);
      return false;
    }
    written.append(bytes.data, bytes.size);
    return true;
  };
  nahr_str bytes{};
  if (v.encode_header != nullptr &&
      !take("encode_header", v.encode_header(stage.handle(), &bytes, model::as_handle(slot)), bytes)) {
    return;
  }
  bytes = {};
  if (!take("encode_document",
            v.encode_document(stage.handle(), model::as_handle(doc), &bytes, model::as_handle(slot)),
            bytes)) {
    return;
  }
  bytes = {};
  if (v.encode_footer != nullptr &&
      !take("encode_footer", v.encode_footer(stage.handle(), &bytes, model::as_handle(slot)), bytes)) {
    return;
  }
  check_output(test, written, result);
}

// A writer that manages its own output file, written in a fresh directory.
void run_file_writer(const Instance& stage, const nahr_self_test& test, model::Document& doc,
                     SelfTestResult& result) {
  namespace fs = std::filesystem;
  std::string dir_template = (fs::temp_directory_path() / "nahr-self-test-XXXXXX").string();
  if (::mkdtemp(dir_template.data()) == nullptr) {
    result.failure = "cannot create a temporary directory for the output";
    return;
  }
  const fs::path dir(dir_template);
  const std::string path = (dir / "output").string();
  model::ErrorSlot slot;
  const nahr_stage_vtable& v = stage.vtable();
  nahr_status status = v.open_output(stage.handle(), nahr_str{path.data(), path.size()},
                                     model::as_handle(slot));
  if (status == NAHR_OK) {
    status = v.write_document(stage.handle(), model::as_handle(doc), model::as_handle(slot));
    const std::string step = status == NAHR_OK ? "close_output" : "write_document";
    if (status == NAHR_OK) status = v.close_output(stage.handle(), model::as_handle(slot));
    if (status != NAHR_OK) result.failure = status_failure(step, status, slot.message);
  } else {
    result.failure = status_failure("open_output", status, slot.message);
  }
  if (result.failure.empty()) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream bytes;
    bytes << in.rdbuf();
    check_output(test, bytes.str(), result);
  }
  std::error_code ec;
  fs::remove_all(dir, ec);
}

void run_writer(const Instance& stage, const nahr_self_test& test, SelfTestResult& result) {
  model::Document doc;
  if (auto problem = prepare(doc, test)) {
    result.failure = *problem;
    return;
  }
  doc.current_stage = view(test.stage);
  if (stage.vtable().encode_document != nullptr) {
    run_encoder(stage, test, doc, result);
  } else {
    run_file_writer(stage, test, doc, result);
  }
}

}  // namespace

SelfTestResult run_self_test(const PluginLibrary& plugin, const nahr_self_test& test) {
  SelfTestResult result;
  const nahr_stage_descriptor* stage = plugin.stage(view(test.stage));
  if (stage == nullptr) {
    result.failure = fmt::format("the plugin has no stage '{}'", view(test.stage));
    return result;
  }
  std::optional<OptionValues> options = options_for(*stage, test, result.failure);
  if (!options) return result;
  model::ErrorSlot slot;
  void* handle = stage->vtable.create(options->get(), model::as_handle(slot));
  if (handle == nullptr) {
    result.failure = fmt::format("create refused the options: {}",
                                 slot.message.empty() ? "(no message)" : slot.message);
    return result;
  }
  const Instance instance(*stage, handle);
  switch (stage->kind) {
    case NAHR_STAGE_READER: run_reader(instance, test, result); break;
    case NAHR_STAGE_WRITER: run_writer(instance, test, result); break;
    case NAHR_STAGE_NORMALISER:
    case NAHR_STAGE_EXTRACTOR: run_processor(instance, test, result); break;
  }
  return result;
}

std::vector<std::string> schema_problems(const PluginLibrary& plugin) {
  std::vector<std::string> out;
  const nahr_plugin_descriptor& d = plugin.descriptor();
  for (const nahr_stage_descriptor& stage : items(d.stages, d.stage_count)) {
    for (const nahr_option_spec& spec : items(stage.options, stage.option_count)) {
      if (spec.name == nullptr) {
        out.push_back(fmt::format("stage '{}' has an option without a name", stage.name));
        continue;
      }
      if (spec.default_value == nullptr) continue;  // required
      OptionValues scratch;
      const std::string subject = fmt::format("option '{}' of stage '{}'", spec.name, stage.name);
      if (auto problem = add_option_literal(spec, spec.default_value, subject, scratch)) {
        out.push_back(fmt::format("bad default `{}` for {}: {}", spec.default_value, subject,
                                  problem->message));
      }
    }
  }
  return out;
}

}  // namespace nahr::host
