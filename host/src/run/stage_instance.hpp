// One live instance of a stage: created from validated options, destroyed
// through the plugin's own destroy function.
#pragma once

#include "config/pipeline_config.hpp"

#include <memory>
#include <string>

namespace nahr::host {

class StageInstance {
 public:
  // nullptr with `error` set when the plugin refuses its options.
  static std::unique_ptr<StageInstance> create(const StageConfig& config, std::string& error);
  ~StageInstance();
  StageInstance(const StageInstance&) = delete;
  StageInstance& operator=(const StageInstance&) = delete;

  const nahr_stage_vtable& vtable() const { return descriptor_->vtable; }
  void* handle() const { return handle_; }
  std::string_view id() const { return id_; }

 private:
  StageInstance(const nahr_stage_descriptor* descriptor, void* handle, std::string_view id)
      : descriptor_(descriptor), handle_(handle), id_(id) {}

  const nahr_stage_descriptor* descriptor_;
  void* handle_;
  std::string_view id_;  // owned by the StageConfig
};

}  // namespace nahr::host
