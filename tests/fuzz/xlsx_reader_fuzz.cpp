// Fuzzes the XLSX reader (io/xlsx_reader.cpp: libzip + expat, shared strings, styles, cell
// references) and the format detection of table_file: any bytes must give rows or an error value.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "fuzz_app.hpp"
#include "io/table_file.hpp"
#include "io/xlsx_reader.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  auto opened = xj::OpenTableBuffer(bytes, "upload.xlsx");
  if (!opened.ok()) return 0;
  int last_row = 0;
  for (;;) {
    auto next = opened->source->Next();
    if (!next.ok() || !*next) break;
    if ((*next)->row <= last_row) xj::fuzz::Finding("row numbers went back");
    last_row = (*next)->row;
  }
  (void)opened->source->sheet();
  return 0;
}
