// The demo's need factors for 因素法分配 (docs/definitions.md §10): 2023's for every county, from which
// the year 2024 is allocated. Invented but of plausible size for Xizang: 15,000–120,000 rural residents,
// 18–33% of them lifted out of poverty, 1–3% monitored, 1,000–40,000 km², a performance score of 70–95.
// No county of Xizang is on the national list of key-help counties (国家乡村振兴重点帮扶县: the region is
// supported as a whole). Deterministic.
#include "app/app.hpp"
#include "domain/factor_allocation.hpp"

namespace xj {

Status App::LoadDemoFactors() {
  auto tree = regions();
  std::vector<CountyFactors> rows;
  std::uint64_t state = 20240101;
  auto next = [&state](std::int64_t lo, std::int64_t hi) {
    state = state * 6364136223846793005ULL + 1442695040888963407ULL;
    return lo + static_cast<std::int64_t>((state >> 33) % static_cast<std::uint64_t>(hi - lo + 1));
  };
  for (RegionIndex i = 0; i < static_cast<RegionIndex>(tree->size()); ++i) {
    const Region& r = tree->node(i).region;
    if (r.level != RegionLevel::kCounty) continue;
    CountyFactors f;
    f.region_code = r.code;
    f.year = 2023;
    f.rural_population = next(15, 120) * 1000 + next(0, 999);
    f.lifted_population = f.rural_population * next(18, 33) / 100;
    f.monitored_population = f.rural_population * next(10, 30) / 1000;
    f.area_hundredths_km2 = next(1000, 40000) * 100 + next(0, 99);
    f.performance_score_bp = static_cast<std::int32_t>(next(7000, 9500));
    rows.push_back(std::move(f));
  }
  if (rows.empty()) return Status::Ok();
  return store_->UpsertCountyFactors(rows);
}

}  // namespace xj
