// Registration only; the stage lives in normaliser.hpp.
#include "normaliser.hpp"

NAHR_PLUGIN("normalise-arabic", "1.0.0",
            "Switchable Arabic normalisation with presets, every change aligned to the original",
            normalise_arabic::ArabicNormaliser)
