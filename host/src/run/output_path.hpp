// Creating output files without following a symlink someone planted where
// the file is to go: the file is made new (O_CREAT | O_EXCL | O_NOFOLLOW),
// so a link at its path is removed rather than written through.
#pragma once

#include <string>
#include <string_view>

namespace nahr::host {

// Removes whatever is at `path` (a stale file, or a link: never its target)
// and creates an empty file there, for the writer to fill. False with
// `error` when it cannot.
bool create_partial(const std::string& path, std::string& error);

// Writes `content` to `path` through `path.partial` and a rename, so the
// file is complete or absent and a link at either name is never followed.
bool write_file_atomically(const std::string& path, std::string_view content, std::string& error);

}  // namespace nahr::host
