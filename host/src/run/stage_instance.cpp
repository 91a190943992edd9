#include "run/stage_instance.hpp"

#include <nahr/model/host_api.hpp>

namespace nahr::host {

std::unique_ptr<StageInstance> StageInstance::create(const StageConfig& config, std::string& error) {
  model::ErrorSlot slot;
  void* handle = config.stage.stage->vtable.create(config.options.get(), model::as_handle(slot));
  if (handle == nullptr) {
    error = slot.message.empty() ? "the plugin refused its options" : slot.message;
    return nullptr;
  }
  return std::unique_ptr<StageInstance>(new StageInstance(config.stage.stage, handle, config.id));
}

StageInstance::~StageInstance() { descriptor_->vtable.destroy(handle_); }

}  // namespace nahr::host
