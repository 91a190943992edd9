// Registration only; the stage lives in conllu_writer.cpp.
#include "conllu_writer.hpp"

NAHR_PLUGIN("write-conllu", "1.0.0", "Writes sentences and tokens as CoNLL-U",
            nahr::write_conllu::ConlluWriter)
