// Fuzzes the streaming CSV reader (io/csv_reader.cpp): any bytes must give rows or an error value,
// with 1-based row numbers that only grow.
#include <cstddef>
#include <cstdint>
#include <sstream>
#include <string>

#include "fuzz_app.hpp"
#include "io/csv_reader.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::istringstream in(std::string(reinterpret_cast<const char*>(data), size));
  xj::CsvReader reader(in);
  int last_row = 0;
  for (;;) {
    auto next = reader.Next();
    if (!next.ok() || !*next) break;
    if ((*next)->row <= last_row) xj::fuzz::Finding("row numbers went back");
    last_row = (*next)->row;
  }
  return 0;
}
