# Warnings every nahr target is built with; -Werror in CI (NAHR_WERROR=ON).
add_library(nahr_warnings INTERFACE)
target_compile_options(nahr_warnings INTERFACE
  -Wall -Wextra -Wpedantic -Wshadow -Wnon-virtual-dtor -Wcast-align -Wunused
  -Woverloaded-virtual -Wimplicit-fallthrough
  $<$<BOOL:${NAHR_WERROR}>:-Werror>
  # g++ 12 at -O3 reports impossible overlaps inside inlined std::string
  # copies (GCC bug 105329): noise, not a finding.
  $<$<CXX_COMPILER_ID:GNU>:-Wno-restrict>)
