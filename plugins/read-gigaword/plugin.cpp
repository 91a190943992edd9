// Registration only; the stage lives in gigaword_reader.cpp.
#include "gigaword_reader.hpp"

NAHR_PLUGIN("read-gigaword", "1.0.0", "Reads LDC Gigaword SGML files as documents",
            nahr::read_gigaword::GigawordReader)
