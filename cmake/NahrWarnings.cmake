# Warnings every nahr target is built with; -Werror in CI (NAHR_WERROR=ON).
add_library(nahr_warnings INTERFACE)
target_compile_options(nahr_warnings INTERFACE
  -Wall -Wextra -Wpedantic -Wshadow -Wnon-virtual-dtor -Wcast-align -Wunused
  -Woverloaded-virtual -Wimplicit-fallthrough
  $<$<BOOL:${NAHR_WERROR}>:-Werror>)
