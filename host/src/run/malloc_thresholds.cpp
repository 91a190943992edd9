#include "run/malloc_thresholds.hpp"

#include <cstdlib>  // defines __GLIBC__ where glibc is the C library

#if defined(__GLIBC__)
#include <malloc.h>
#endif

namespace nahr::host {

void fix_malloc_thresholds() {
#if defined(__GLIBC__)
  // Setting the threshold turns off glibc's raising of it. 128 KiB is
  // glibc's own starting value, kept.
  mallopt(M_MMAP_THRESHOLD, 128 * 1024);
  // Fixing it also leaves the trim threshold at 128 KiB: whenever that much
  // was free at the top of a heap, glibc gave it back, and the next batch
  // faulted it in again page by page. The full AFP pipeline took 16,000
  // page faults on 28 MB, 8,300 with 4 MiB; peak memory did not change.
  mallopt(M_TRIM_THRESHOLD, 4 * 1024 * 1024);
#endif
}

}  // namespace nahr::host
