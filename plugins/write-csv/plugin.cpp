// Registration only; the stage lives in csv_writer.cpp.
#include "csv_writer.hpp"

NAHR_PLUGIN("write-csv", "1.0.0", "Writes documents or annotations as CSV (RFC 4180)",
            nahr::write_csv::CsvWriter)
