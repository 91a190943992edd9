#include "loader/plugin_file.hpp"

#include <elf.h>
#include <fmt/format.h>
#include <sys/stat.h>

#include <array>
#include <cerrno>
#include <cstring>
#include <fstream>

namespace nahr::host {

namespace {

std::string_view elf_type_name(unsigned type) {
  switch (type) {
    case ET_REL: return "an object file (.o), not a shared library";
    case ET_EXEC: return "an executable, not a shared library";
    case ET_CORE: return "a core dump, not a shared library";
    default: return "an ELF file of unknown type, not a shared library";
  }
}

// The ELF header's e_type, or nullopt when `file` does not start like ELF.
std::optional<unsigned> elf_type(const std::filesystem::path& file) {
  std::array<unsigned char, EI_NIDENT + 2> header{};
  std::ifstream in(file, std::ios::binary);
  in.read(reinterpret_cast<char*>(header.data()), header.size());
  if (in.gcount() != static_cast<std::streamsize>(header.size()) ||
      std::memcmp(header.data(), ELFMAG, SELFMAG) != 0) {
    return std::nullopt;
  }
  const unsigned lo = header[EI_NIDENT], hi = header[EI_NIDENT + 1];
  return header[EI_DATA] == ELFDATA2MSB ? (lo << 8 | hi) : (hi << 8 | lo);
}

// Like ssh with its keys: code that anyone on the machine could have
// replaced is not loaded. A sticky directory (/tmp) does not let others
// replace a file they do not own.
std::optional<std::string> unsafe_permissions(const std::filesystem::path& file) {
  const std::filesystem::path dir = file.has_parent_path() ? file.parent_path() : ".";
  for (const std::filesystem::path& p : {file, dir}) {
    struct stat st {};
    if (::stat(p.c_str(), &st) != 0) continue;
    const bool sticky_dir = S_ISDIR(st.st_mode) && (st.st_mode & S_ISVTX);
    if ((st.st_mode & S_IWOTH) && !sticky_dir) {
      return fmt::format("{} is writable by every user (chmod o-w it)", p.string());
    }
  }
  return std::nullopt;
}

}  // namespace

std::optional<std::string> plugin_file_problem(const std::filesystem::path& file) {
  struct stat st {};
  if (::stat(file.c_str(), &st) != 0) return std::string(std::strerror(errno));
  if (!S_ISREG(st.st_mode)) return std::string("not a regular file");
  if (auto unsafe = unsafe_permissions(file)) return unsafe;
  const std::optional<unsigned> type = elf_type(file);
  if (!type) return std::string("not a shared object (invalid ELF header)");
  if (*type != ET_DYN) return fmt::format("not a shared object: it is {}", elf_type_name(*type));
  return std::nullopt;
}

std::string explain_load_error(const std::filesystem::path& file, std::string_view text) {
  // glibc: "<needed>: cannot open shared object file: No such file or directory"
  constexpr std::string_view kMissing = ": cannot open shared object file";
  const std::size_t at = text.find(kMissing);
  if (at != std::string_view::npos) {
    const std::string_view needed = text.substr(0, at);
    if (needed != file.string()) {
      return fmt::format("unresolved shared-library dependency {} ({})", needed, text);
    }
  }
  return std::string(text);
}

}  // namespace nahr::host
