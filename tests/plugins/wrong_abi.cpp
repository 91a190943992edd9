// test-wrong-abi: a plugin built for an ABI version this host does not
// speak. The host must refuse it, naming the file and both versions.
#include <nahr/abi.h>

namespace {
const nahr_plugin_descriptor kDescriptor = {999, sizeof(nahr_plugin_descriptor),
                                            "test-wrong-abi", "9.9.9", "from the future",
                                            nullptr, 0, nullptr, 0};
}  // namespace

extern "C" NAHR_EXPORT const nahr_plugin_descriptor* nahr_plugin_entry(const nahr_host_api*) {
  return &kDescriptor;
}
