// Registration only; the stage lives in csv_reader.cpp.
#include "csv_reader.hpp"

NAHR_PLUGIN("read-csv", "1.0.0", "Reads CSV and TSV files with a header row as documents",
            nahr::read_csv::CsvReader)
