// SqlStore: allocation factors per county and year (migration 0024_allocation_factors.sql).
#include "store/sql/entities.hpp"
#include "store/sql/fields.hpp"
#include "store/sql/sql_store.hpp"

namespace xj::sql {
namespace {

constexpr std::string_view kFactorColumns =
    "region_code, year, rural_population, lifted_population, monitored_population, area_hundredths_km2, key_county, "
    "performance_score_bp";
const std::string kUpsertFactors =
    Concat({"INSERT INTO allocation_factors (", kFactorColumns,
            ") VALUES ($1, $2, $3, $4, $5, $6, $7, $8) ON CONFLICT (region_code, year) DO UPDATE SET "
            "rural_population = excluded.rural_population, lifted_population = excluded.lifted_population, "
            "monitored_population = excluded.monitored_population, area_hundredths_km2 = "
            "excluded.area_hundredths_km2, key_county = excluded.key_county, performance_score_bp = "
            "excluded.performance_score_bp"});
const std::string kSelectFactors = Concat({"SELECT ", kFactorColumns,
                                           " FROM allocation_factors WHERE ($1 = 0 OR year = $1) ORDER BY "
                                           "region_code, year"});

Result<CountyFactors> ReadFactors(const Row& row) {
  Fields f(row, "allocation_factors",
           "region_code=" + std::string(row.Text(0)) + " year=" + std::to_string(row.Int(1)));
  CountyFactors c;
  c.region_code = f.Text(0);
  c.year = static_cast<int>(f.Int(1));
  c.rural_population = f.Int(2);
  c.lifted_population = f.Int(3);
  c.monitored_population = f.Int(4);
  c.area_hundredths_km2 = f.Int(5);
  c.key_county = f.Bool(6);
  if (!row.IsNull(7)) c.performance_score_bp = static_cast<std::int32_t>(f.Int(7));
  XJ_RETURN_IF_ERROR(f.status());
  return c;
}

}  // namespace

Status SqlStore::UpsertCountyFactors(const std::vector<CountyFactors>& rows) {
  return Write([&](Conn& c) {
    return c.ExecEach(
        kUpsertFactors.c_str(), rows.size(),
        [&](std::size_t i, Values& v) {
          const CountyFactors& r = rows[i];
          v = {r.region_code,
               std::int64_t{r.year},
               r.rural_population,
               r.lifted_population,
               r.monitored_population,
               r.area_hundredths_km2,
               std::int64_t{r.key_county ? 1 : 0},
               r.performance_score_bp ? Value(std::int64_t{*r.performance_score_bp}) : Value()};
        },
        [](std::size_t, const Row&) { return Status::Ok(); });
  });
}

Result<std::vector<CountyFactors>> SqlStore::LoadCountyFactors(int year) {
  std::vector<CountyFactors> out;
  XJ_RETURN_IF_ERROR(
      Read([&](Conn& c) { return CollectRows(c, kSelectFactors.c_str(), {std::int64_t{year}}, ReadFactors, out); }));
  return out;
}

}  // namespace xj::sql
