#include "io/factor_import.hpp"

#include <array>
#include <map>
#include <string>

#include "io/asset_import.hpp"
#include "io/project_import.hpp"
#include "io/table_cells.hpp"

namespace xj {
namespace {

constexpr std::int64_t kMaxValue = 1'000'000'000'000;

constexpr std::array<ColumnSpec, 8> kFactorColumns = {{
    {"region_code", "区划代码", true},
    {"year", "年度", true},
    {"rural_population", "农村人口", true},
    {"lifted_population", "脱贫人口", true},
    {"monitored_population", "监测对象", true},
    {"area", "面积", true},
    {"key_county", "重点帮扶县", false},
    {"performance_score", "绩效评价得分", false},
}};

std::int64_t Count(Cells& c, std::string_view key, std::string_view zh) {
  const std::string_view text = c.Text(key);
  if (text.empty()) {
    c.Fail(key, "missing_value", std::string(zh) + "不能为空");
    return 0;
  }
  const std::optional<std::int64_t> n = ParseCount(text);
  if (!n) c.Fail(key, "invalid_count", std::string(zh) + "应为不小于 0 的整数（人）");
  return n.value_or(0);
}

}  // namespace

std::optional<std::int64_t> ParseCount(std::string_view text) {
  std::int64_t n = 0;
  bool digits = false;
  for (char ch : text) {
    if (ch == ',') continue;
    if (ch < '0' || ch > '9') return std::nullopt;
    digits = true;
    n = n * 10 + (ch - '0');
    if (n > kMaxValue) return std::nullopt;
  }
  if (!digits) return std::nullopt;
  return n;
}

std::optional<std::int64_t> ParseHundredths(std::string_view text) {
  const std::size_t dot = text.find('.');
  const std::string_view whole = text.substr(0, dot);
  const std::string_view frac = dot == std::string_view::npos ? std::string_view() : text.substr(dot + 1);
  if (frac.size() > 2 || (dot != std::string_view::npos && frac.empty())) return std::nullopt;
  const std::optional<std::int64_t> w = ParseCount(whole);
  if (!w || *w > kMaxValue / 100) return std::nullopt;
  std::int64_t f = 0;
  for (std::size_t i = 0; i < 2; ++i) {
    f *= 10;
    if (i < frac.size()) {
      if (frac[i] < '0' || frac[i] > '9') return std::nullopt;
      f += frac[i] - '0';
    }
  }
  return *w * 100 + f;
}

Result<std::vector<FactorRow>> ReadFactorRows(TableSource& source, TableHeader* header_out) {
  std::map<std::pair<std::string, int>, int> seen;
  return ReadTable<FactorRow>(source, kFactorColumns, "分配因素", header_out, [&](Cells& c, int row) {
    FactorRow r;
    r.row = row;
    CountyFactors& f = r.factors;
    f.region_code = c.Key("region_code", "区划代码");
    if (const std::string_view year = c.Text("year"); year.empty()) {
      c.Fail("year", "missing_value", "年度不能为空");
    } else if (const std::optional<int> y = ParseImportYear(year); !y) {
      c.Fail("year", "invalid_year",
             "年度应为" + std::to_string(kMinImportYear) + "至" + std::to_string(kMaxImportYear) + "之间的整数");
    } else {
      f.year = *y;
    }
    f.rural_population = Count(c, "rural_population", "农村人口");
    f.lifted_population = Count(c, "lifted_population", "脱贫人口");
    f.monitored_population = Count(c, "monitored_population", "监测对象");
    if (const std::string_view area = c.Text("area"); area.empty()) {
      c.Fail("area", "missing_value", "面积不能为空");
    } else if (const std::optional<std::int64_t> a = ParseHundredths(area); !a) {
      c.Fail("area", "invalid_area", "面积应为不小于 0 的数（平方公里），最多两位小数");
    } else {
      f.area_hundredths_km2 = *a;
    }
    f.key_county = c.Choice("key_county", "重点帮扶县", false, ParseYesNo, false, "invalid_flag", "0|1 或 是|否");
    f.performance_score_bp = c.Percent("performance_score", "绩效评价得分", false);
    if (!f.region_code.empty() && f.year != 0) {
      auto [it, fresh] = seen.emplace(std::make_pair(f.region_code, f.year), row);
      if (!fresh)
        c.Fail("region_code", "duplicate_row", "同一区划同一年度与第" + std::to_string(it->second) + "行重复");
    }
    return r;
  });
}

}  // namespace xj
