// `xianjie demo`, `xianjie verify` and `xianjie copy`.
#include <iostream>

#include "cli/commands.hpp"
#include "store/store_copy.hpp"

namespace xj::cli {

int RunDemo(const std::string& db, const std::string& scale) {
  auto app = OpenApp(db);
  if (!app.ok()) return Fail(app.status());
  if (Status s = (*app)->LoadDemo(Actor::System(), scale == "national"); !s.ok()) return Fail(s);
  std::cout << "演示数据已写入（" << scale << "）\n";
  return 0;
}

int RunCopy(const std::string& from, const std::string& to) {
  if (from == to) return Fail(Status::InvalidArgument("--from 与 --to 不能是同一个数据库"));
  auto source = OpenStore(from);
  if (!source.ok()) return Fail(source.status());
  auto target = OpenStore(to);
  if (!target.ok()) return Fail(target.status());
  auto report = CopyStore(**source, **target);
  if (!report.ok()) return Fail(report.status());
  for (const auto& [table, rows] : report->tables) std::cout << table << ": " << rows << " 行\n";
  std::cout << "复制完成：" << (*source)->backend() << " → " << (*target)->backend() << "\n";
  return 0;
}

int RunVerify(const std::string& db) {
  auto app = OpenApp(db);
  if (!app.ok()) return Fail(app.status());
  const int audit_rc = VerifyAuditChain(**app);
  auto report = (*app)->Verify();
  if (!report.ok()) return Fail(report.status());
  constexpr std::size_t kShown = 50;
  for (std::size_t i = 0; i < report->mismatches.size() && i < kShown; ++i) {
    const auto& m = report->mismatches[i];
    std::cerr << "不一致 region " << m.region_code << " year " << m.year << " as-of " << m.as_of.ToString()
              << " source " << FundSourceName(m.fund_source) << " figure " << m.figure << ": engine "
              << Int128ToString(m.engine) << " sql " << Int128ToString(m.sql) << "\n";
  }
  if (!report->mismatches.empty()) {
    std::cerr << "verify FAILED: " << report->mismatches.size() << " 处不一致（共比对 " << report->checks << " 组）\n";
    return 1;
  }
  std::cout << "verify ok: " << report->checks << " 组（区划 × 年度 × 截至日 × 资金来源）全部一致\n";
  return audit_rc;
}

}  // namespace xj::cli
