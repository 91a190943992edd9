#include <nahr/plugin.hpp>

#include "wire_cleaner.hpp"

NAHR_PLUGIN("clean-wire", "1.0.0",
            "Cleans newswire artefacts: character references, stray fragments, control "
            "characters, doubled words",
            nahr::clean_wire::WireCleaner)
