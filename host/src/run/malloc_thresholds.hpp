// How the host asks glibc's malloc to give memory back.
#pragma once

namespace nahr::host {

// Keeps blocks of 128 KiB and more in mappings of their own, returned to the
// system when freed. By default glibc raises that threshold each time such a
// block is freed, up to 32 MiB; from then on batch-sized buffers come from
// the heap, whose freed space the process keeps, and a long run's peak memory
// creeps up with its length. Elsewhere than glibc it does nothing.
void fix_malloc_thresholds();

}  // namespace nahr::host
