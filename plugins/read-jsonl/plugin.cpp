// Registration only; the stage lives in jsonl_reader.cpp.
#include "jsonl_reader.hpp"

NAHR_PLUGIN("read-jsonl", "1.1.0", "Reads JSON Lines and JSON array files as documents",
            nahr::read_jsonl::JsonlReader)
