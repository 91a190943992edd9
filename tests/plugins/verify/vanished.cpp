// libnahr-vanished: a library test-missing-dependency links against. It is
// linked under the soname libnahr-vanished.so.1 but built as
// libnahr-vanished-stub.so, so at load time the dependency cannot be found,
// as when a plugin's library was uninstalled.
extern "C" __attribute__((visibility("default"))) int nahr_vanished_answer() { return 42; }
