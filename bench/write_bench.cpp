// Write benchmark: start the App on a database (engine build included, timed apart), then
// import one ledger CSV through the same use case the CLI and the API use. Prints one JSON
// object. Run by bench/postgres.sh on SQLite and PostgreSQL with the same file.
#include <chrono>
#include <fstream>
#include <iostream>
#include <nlohmann/json.hpp>
#include <string>

#include "app/app.hpp"
#include "io/csv_reader.hpp"

namespace {

using Clock = std::chrono::steady_clock;

double PeakRssMiB() {
  std::ifstream in("/proc/self/status");
  std::string line;
  while (std::getline(in, line)) {
    if (line.rfind("VmHWM:", 0) == 0) return static_cast<double>(std::stol(line.substr(6))) / 1024.0;
  }
  return -1;
}

double Since(Clock::time_point t0) {
  return std::chrono::duration<double>(Clock::now() - t0).count();
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 3) {
    std::cerr << "usage: xj_bench_writes DB_URL LEDGER_CSV\n";
    return 2;
  }
  using namespace xj;
  const auto t0 = Clock::now();
  auto store = OpenStore(argv[1]);
  if (!store.ok()) {
    std::cerr << store.status().ToString() << "\n";
    return 1;
  }
  App app(std::move(*store));
  if (Status s = app.Start(); !s.ok()) {
    std::cerr << s.ToString() << "\n";
    return 1;
  }
  const double start_s = Since(t0);
  const double rss_after_start = PeakRssMiB();

  std::ifstream file(argv[2], std::ios::binary);
  if (!file) {
    std::cerr << "cannot open " << argv[2] << "\n";
    return 1;
  }
  CsvReader reader(file);
  const auto t1 = Clock::now();
  auto report = app.ImportLedger(Actor::System(), reader);
  const double import_s = Since(t1);
  if (!report.ok()) {
    std::cerr << report.status().ToString() << "\n";
    return 1;
  }
  nlohmann::json out = {{"database", argv[1]},
                        {"start_seconds", start_s},
                        {"import_seconds", import_s},
                        {"rows", report->rows},
                        {"inserted", report->inserted},
                        {"rows_per_second", static_cast<double>(report->rows) / import_s},
                        {"peak_rss_mib_after_start", rss_after_start},
                        {"peak_rss_mib", PeakRssMiB()}};
  std::cout << out.dump(2) << "\n";
  return 0;
}
