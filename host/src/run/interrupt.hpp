// SIGINT and SIGTERM ask a run to stop reading and finish what is in flight;
// a second signal ends the process at once.
#pragma once

namespace nahr::host {

void install_interrupt_handlers();
// The signal that asked the run to stop, or 0.
int interrupt_signal();

}  // namespace nahr::host
