// `xianjie allocate`: the allocation by factors (因素法分配, issue #19 point 4), printed as
// {year, pool_fen, total_fen, counties: [{region_code, amount_fen, factors: {…}}]}.
#include <CLI/CLI.hpp>

#include <charconv>
#include <iostream>

#include "app/excel_exports.hpp"
#include "cli/commands.hpp"
#include "cli/output.hpp"

namespace xj::cli {

void AddAllocateFlags(CLI::App* cmd, AllocateCliFlags& f) {
  cmd->add_option("--region", f.region, "分配区划代码（其下辖各县参与分配）")->required();
  cmd->add_option("--year", f.year, "分配年度 Y（因素与结算取 Y−1 年）")->required()->check(CLI::Range(2001, 2100));
  cmd->add_option("--pool", f.pool_yuan, "分配资金总额（元，须为整万元）")->required();
  cmd->add_option("--format", f.format, "json|csv|table");
  cmd->add_option("--what-if", f.what_if, "模拟参数 allocation_*=基点（可多个），不保存");
  cmd->add_option("--xlsx", f.xlsx, "同时写出 XLSX 分配表到此文件");
}

int RunAllocate(const std::string& db, const AllocateCliFlags& f) {
  AllocationRequest request;
  request.region_code = f.region;
  request.year = f.year;
  auto pool = ParseYuan(f.pool_yuan);
  if (!pool.ok()) return Fail(pool.status());
  request.pool = *pool;
  for (const std::string& pair : f.what_if) {
    const std::size_t eq = pair.find('=');
    std::int64_t value = 0;
    const char* end = pair.data() + pair.size();
    if (eq == std::string::npos || std::from_chars(pair.data() + eq + 1, end, value).ptr != end ||
        eq + 1 == pair.size()) {
      return Fail(Status::InvalidArgument("--what-if 应为 key=整数：" + pair));
    }
    request.what_if.emplace_back(pair.substr(0, eq), value);
  }
  if (!IsKnownFormat(f.format)) return Fail(Status::InvalidArgument("--format 应为 json|csv|table"));
  auto app = OpenApp(db);
  if (!app.ok()) return Fail(app.status());
  auto result = (*app)->Allocate(Actor::System(), request);
  if (!result.ok()) return Fail(result.status());
  if (!f.xlsx.empty()) {
    if (Status s = ExportAllocation(**app, Actor::System(), request, f.xlsx); !s.ok()) return Fail(s);
  }
  if (f.format == "json") {
    PrintFormatted(AllocationCliJson(*result), "json", std::cout);
  } else {
    nlohmann::ordered_json rows = nlohmann::ordered_json::array();
    for (const auto& c : AllocationCliJson(*result)["counties"]) {
      nlohmann::ordered_json row = {{"region_code", c["region_code"]}, {"amount_fen", c["amount_fen"]}};
      for (const auto& [k, v] : c["factors"].items()) row[k] = v;
      rows.push_back(std::move(row));
    }
    PrintFormatted(rows, f.format, std::cout);
  }
  return 0;
}

}  // namespace xj::cli
