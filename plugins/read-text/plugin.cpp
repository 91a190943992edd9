// Registration only; the stage lives in text_reader.cpp.
#include "text_reader.hpp"

NAHR_PLUGIN("read-text", "1.0.0", "Reads plain text files as documents",
            nahr::read_text::TextReader)
