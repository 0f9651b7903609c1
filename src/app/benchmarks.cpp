// National benchmarks (全国平均) the wall chart compares with: entered by an administrator
// (API) or imported (kind `benchmarks`).
#include "app/app.hpp"
#include "app/import_support.hpp"
#include "io/report_import.hpp"

namespace xj {

Result<ImportReport> App::ImportBenchmarks(const Actor& actor, TableSource& source) {
  XJ_RETURN_IF_ERROR(AuthorizeRole(actor, Action::kManageReferenceData));
  XJ_ASSIGN_OR_RETURN(std::vector<BenchmarkRow> rows, ReadBenchmarkRows(source));
  std::vector<Benchmark> values;
  values.reserve(rows.size());
  for (const BenchmarkRow& r : rows) values.push_back(r.benchmark);
  XJ_ASSIGN_OR_RETURN(ImportReport report, SaveBenchmarks(actor, values));
  report.rows = static_cast<int>(rows.size());
  return report;
}

Result<ImportReport> App::SaveBenchmarks(const Actor& actor, const std::vector<Benchmark>& values) {
  XJ_RETURN_IF_ERROR(AuthorizeRole(actor, Action::kManageReferenceData));
  constexpr std::int32_t kFullBp = 10'000;
  for (const Benchmark& b : values) {
    if (b.value_bp < 0 || b.value_bp > kFullBp) return Status::InvalidArgument("全国平均数值应在 0 到 100 之间");
  }
  std::lock_guard write(write_mu_);
  XJ_ASSIGN_OR_RETURN(std::vector<Benchmark> stored, store_->LoadBenchmarks());
  ImportReport report;
  report.kind = "benchmarks";
  report.rows = static_cast<int>(values.size());
  std::vector<Benchmark> changed;
  std::vector<std::string> keys;
  for (const Benchmark& b : values) {
    const Benchmark* same_key = nullptr;
    for (const Benchmark& s : stored) {
      if (s.indicator == b.indicator && s.date == b.date) same_key = &s;
    }
    if (same_key && *same_key == b) {
      ++report.unchanged;
      continue;
    }
    ++(same_key ? report.updated : report.inserted);
    changed.push_back(b);
    keys.push_back(std::string(BenchmarkIndicatorName(b.indicator)) + "@" + b.date.ToString());
  }
  if (changed.empty()) return report;
  XJ_RETURN_IF_ERROR(store_->Transact([&]() -> Status {
    XJ_RETURN_IF_ERROR(store_->UpsertBenchmarks(changed));
    return AppendAudit(actor, "benchmark.save", "benchmark_batch", keys.front(), "", "", BatchSummary(keys));
  }));
  return report;
}

Result<std::vector<Benchmark>> App::Benchmarks(const Actor& actor) const {
  XJ_RETURN_IF_ERROR(AuthorizeRole(actor, Action::kRead));
  return store_->LoadBenchmarks();
}

}  // namespace xj
