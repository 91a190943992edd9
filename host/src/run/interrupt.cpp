#include "run/interrupt.hpp"

#include <atomic>
#include <csignal>

namespace nahr::host {

namespace {
std::atomic<int> g_signal{0};
static_assert(std::atomic<int>::is_always_lock_free, "used from a signal handler");

void on_signal(int signal) { g_signal.store(signal, std::memory_order_relaxed); }
}  // namespace

void install_interrupt_handlers() {
  struct sigaction action {};
  action.sa_handler = &on_signal;
  sigemptyset(&action.sa_mask);
  // The first signal drains the run; the handler then resets to the default,
  // so a second one ends the process.
  action.sa_flags = SA_RESETHAND | SA_RESTART;
  sigaction(SIGINT, &action, nullptr);
  sigaction(SIGTERM, &action, nullptr);
}

int interrupt_signal() { return g_signal.load(std::memory_order_relaxed); }

}  // namespace nahr::host
