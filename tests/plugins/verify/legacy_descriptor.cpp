// test-legacy-descriptor: a plugin built before self-tests were added to
// the end of nahr_plugin_descriptor. Its descriptor stops at stage_count,
// and struct_size says so; the host must load it and read no further.
#include <nahr/abi.h>

#include <cstddef>

namespace {

struct LegacyDescriptor {
  uint32_t abi_version;
  uint32_t struct_size;
  const char* name;
  const char* version;
  const char* summary;
  const nahr_stage_descriptor* stages;
  size_t stage_count;
};
static_assert(sizeof(LegacyDescriptor) == offsetof(nahr_plugin_descriptor, self_tests));

const LegacyDescriptor kDescriptor = {NAHR_ABI_VERSION, sizeof(LegacyDescriptor),
                                      "test-legacy-descriptor", "0.9.0",
                                      "a descriptor without self-tests", nullptr, 0};

}  // namespace

extern "C" NAHR_EXPORT const nahr_plugin_descriptor* nahr_plugin_entry(const nahr_host_api*) {
  // The host reads only the struct_size bytes both layouts share.
  return reinterpret_cast<const nahr_plugin_descriptor*>(&kDescriptor);
}
