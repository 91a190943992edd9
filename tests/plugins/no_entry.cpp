// test-no-entry: an ordinary shared library that is not a nahr plugin.
extern "C" __attribute__((visibility("default"))) int some_other_function() { return 42; }
