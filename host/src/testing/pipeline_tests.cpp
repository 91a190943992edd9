#include "testing/pipeline_tests.hpp"

#include "run/stage_instance.hpp"

#include <fmt/format.h>
#include <nahr/model/host_api.hpp>

#include <memory>

namespace nahr::host {

namespace {

// The document a test describes, as a reader would have made it.
void prepare(model::Document& doc, const PipelineConfig& config, const PipelineTest& test) {
  doc.clear();
  doc.id = test.id.empty() ? test.name : test.id;
  doc.source_file = config.file.string();
  doc.source_line = static_cast<std::uint64_t>(test.where.line);
  doc.set_text(test.text);
  for (const auto& [key, value] : test.metadata) doc.set_metadata(key, value);
}

}  // namespace

PipelineTestRun run_pipeline_tests(const PipelineConfig& config) {
  PipelineTestRun run;
  std::vector<std::unique_ptr<StageInstance>> stages;
  for (std::size_t i = 1; i + 1 < config.stages.size(); ++i) {
    const StageConfig& s = config.stages[i];
    std::string error;
    stages.push_back(StageInstance::create(s, error));
    if (!stages.back()) {
      run.error = fmt::format("stage '{}' ({}): {}", s.id, s.plugin, error);
      return run;
    }
  }

  model::Document doc;
  model::ErrorSlot slot;
  for (const PipelineTest& test : config.tests) {
    TestOutcome outcome{&test, {}, {}};
    prepare(doc, config, test);
    for (const std::unique_ptr<StageInstance>& stage : stages) {
      doc.current_stage = stage->id();
      slot.message.clear();
      const nahr_status status =
          stage->vtable().process(stage->handle(), model::as_handle(doc), model::as_handle(slot));
      if (status != NAHR_OK) {
        outcome.failure = fmt::format("stage '{}' {}: {}", stage->id(),
                                      status == NAHR_FATAL_ERROR ? "stopped" : "failed the document",
                                      slot.message);
        break;
      }
    }
    if (outcome.failure.empty()) outcome.differences = differences(doc, test.expect);
    run.outcomes.push_back(std::move(outcome));
  }
  return run;
}

}  // namespace nahr::host
