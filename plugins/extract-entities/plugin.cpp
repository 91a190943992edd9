// Registration only; the stage lives in entity_extractor.hpp.
#include "entity_extractor.hpp"

NAHR_PLUGIN("extract-entities", "1.0.0",
            "Named entities (PER, ORG, LOC, MISC) from shipped and user gazetteers plus rules",
            extract_entities::EntityExtractor)
