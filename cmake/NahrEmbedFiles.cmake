# cmake -DROOT=<dir> -DOUTPUT=<file.cpp> -DFUNCTION=<name> -P NahrEmbedFiles.cmake
#
# Writes a C++ source that holds every file under ROOT, byte for byte, so
# that the binary needs nothing else at run time. It defines
#   std::span<const nahr::host::EmbeddedFile> nahr::host::FUNCTION();
# (declared in scaffold/embedded_file.hpp): the files sorted by their path
# relative to ROOT, with '/' separators.
foreach(var ROOT OUTPUT FUNCTION)
  if(NOT DEFINED ${var})
    message(FATAL_ERROR "NahrEmbedFiles.cmake: -D${var}=... is required")
  endif()
endforeach()

file(GLOB_RECURSE files LIST_DIRECTORIES false RELATIVE "${ROOT}" "${ROOT}/*")
list(SORT files)

string(REPEAT "\\\\x[0-9a-f][0-9a-f]" 32 line_of_32)
set(entries "")
foreach(file IN LISTS files)
  file(READ "${ROOT}/${file}" hex HEX)
  string(LENGTH "${hex}" hex_length)
  math(EXPR size "${hex_length} / 2")
  # Every byte as \xHH, 32 to a line: no escaping rules to get wrong, and a
  # following character can never extend an escape because it is one too.
  string(REGEX REPLACE "([0-9a-f][0-9a-f])" "\\\\x\\1" escaped "${hex}")
  string(REGEX REPLACE "(${line_of_32})" "\\1\"\n    \"" escaped "${escaped}")
  string(APPEND entries "    {\"${file}\",\n     std::string_view(\n    \"${escaped}\", ${size})},\n")
endforeach()

set(content "// Generated from ${ROOT} by cmake/NahrEmbedFiles.cmake: do not edit.
#include \"scaffold/embedded_file.hpp\"

namespace nahr::host {

std::span<const EmbeddedFile> ${FUNCTION}() {
  static constexpr EmbeddedFile kFiles[] = {
${entries}  };
  return kFiles;
}

}  // namespace nahr::host
")
# Only a changed file is rewritten, so an unchanged one recompiles nothing.
if(EXISTS "${OUTPUT}")
  file(READ "${OUTPUT}" old_content)
endif()
if(NOT old_content STREQUAL content)
  file(WRITE "${OUTPUT}" "${content}")
endif()
