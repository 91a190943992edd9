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
#endif
}

}  // namespace nahr::host
