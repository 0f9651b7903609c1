// Fuzzes the interchange-format row readers (io/ledger_import.cpp, io/project_import.cpp) with
// their header binding (io/table_header.cpp), fed by the CSV reader as an import is.
// Input: CSV text; the first byte chooses the reader (even: ledger, odd: projects).
#include <cstddef>
#include <cstdint>
#include <sstream>
#include <string>

#include "fuzz_app.hpp"
#include "io/csv_reader.hpp"
#include "io/ledger_import.hpp"
#include "io/project_import.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size == 0) return -1;
  std::istringstream in(std::string(reinterpret_cast<const char*>(data) + 1, size - 1));
  xj::CsvReader reader(in);
  xj::TableHeader header;
  if (data[0] % 2 == 0) {
    auto rows = xj::ReadLedgerRows(reader, &header);
    if (rows.ok()) {
      for (const xj::LedgerRow& r : *rows) {
        if (r.entry.amount.value() <= 0) xj::fuzz::Finding("a ledger row with a non-positive amount passed");
      }
    }
  } else {
    (void)xj::ReadProjectRows(reader, &header);
  }
  return 0;
}
