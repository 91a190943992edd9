// Registration only; the stage lives in jsonl_writer.cpp.
#include "jsonl_writer.hpp"

NAHR_PLUGIN("write-jsonl", "1.0.0", "Writes documents as JSON Lines",
            nahr::write_jsonl::JsonlWriter)
