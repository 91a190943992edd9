// Base64 (RFC 4648, with padding): how the quarantine keeps a record that is
// not valid UTF-8 byte for byte, since a JSON string cannot hold such bytes.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace nahr::host::base64 {

void append_encoded(std::string& out, std::string_view bytes);
// nullopt when `text` is not padded base64.
std::optional<std::string> decode(std::string_view text);

}  // namespace nahr::host::base64
