#include "cli/app.hpp"

int main(int argc, char** argv) { return nahr::host::run_app(argc, argv); }
