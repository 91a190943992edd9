#include "cli/app.hpp"
#include "run/malloc_thresholds.hpp"

int main(int argc, char** argv) {
  nahr::host::fix_malloc_thresholds();
  return nahr::host::run_app(argc, argv);
}
