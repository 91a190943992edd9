// Registration only; the stage lives in newsml_reader.cpp.
#include "newsml_reader.hpp"

NAHR_PLUGIN("read-newsml", "1.0.0", "Reads IPTC NewsML-G2 news items as documents",
            nahr::read_newsml::NewsmlReader)
