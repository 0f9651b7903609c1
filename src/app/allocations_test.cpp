// Allocation by factors (issue #19 point 4): the `factors` import and App::Allocate with the
// settled incentive of the year before. Figures are worked out by hand beside each assertion.
#include <gtest/gtest.h>

#include <sstream>

#include "app/app_test_support.hpp"
#include "domain/domain_test_support.hpp"

namespace xj {
namespace app_allocations_test {

using testing::TestApp;

using testing::kWan;

constexpr const char* kFactorsCsv =
    "区划代码,年度,农村人口,脱贫人口,监测对象,面积（平方公里）,重点帮扶县,绩效评价得分\n"
    "540102,2023,100,0,0,0,0,\n"
    "540202,2023,300,0,0,0,是,88.5\n";

class AllocationTest : public ::testing::Test {
 protected:
  void SetUp() override {
    region_ = Person("region", Role::kRegionOfficer, "540000");
    other_ = Person("other", Role::kRegionOfficer, "540000");
  }
  static Actor Person(const std::string& name, Role role, const std::string& region) {
    Actor a;
    a.username = name;
    a.role = role;
    a.region_code = region;
    return a;
  }
  Result<ImportReport> ImportFactors(const std::string& csv, const Actor& actor = Actor::System()) {
    std::istringstream in(csv);
    CsvReader reader(in);
    return t_.app->ImportFactors(actor, reader);
  }
  Status Import(const std::string& kind, const std::string& csv) {
    std::istringstream in(csv);
    CsvReader reader(in);
    if (kind == "projects") return t_.app->ImportProjects(Actor::System(), reader).status();
    return t_.app->ImportLedger(Actor::System(), reader).status();
  }
  /// A settlement of 2023: 城关区 first (+20,000,000 yuan), 桑珠孜区 last (−20,000,000 yuan).
  Result<SettlementRun> Settle2023() {
    XJ_RETURN_IF_ERROR(Import("projects",
                              "project_code,name,year,region_code,central_fund,status\n"
                              "P1,城关区项目,2023,540102,1000000,approved\nP2,桑珠孜区项目,2023,540202,1000000,"
                              "approved\n"));
    XJ_RETURN_IF_ERROR(Import("ledger",
                              "entry_id,date,kind,fund_source,fund_year,region_code,project_code,amount,payee,"
                              "payee_type,reverses,note\n"
                              "A1,2023-01-10,allocate,central,2023,540102,,1000000,,,,\n"
                              "A2,2023-01-10,allocate,central,2023,540202,,1000000,,,,\n"
                              "E1,2023-05-01,expend,central,2023,540102,P1,600000,施工单位,enterprise,,\n"
                              "E2,2023-05-01,expend,central,2023,540202,P2,300000,施工单位,enterprise,,\n"));
    for (std::string_view key : {PolicyKey::kIncentiveTopN, PolicyKey::kIncentiveBottomN}) {
      XJ_RETURN_IF_ERROR(
          t_.app->AddPolicy(Actor::System(), {std::string(key), 1, Date::FromYmd(2023, 1, 1), "", "540000"}));
    }
    return t_.app->Settle(region_, {"540000", 2023, Date::FromYmd(2023, 12, 31)});
  }
  /// Only the rural population weighs (100%); the tilt (10%) and deduction rate (100%) are the defaults.
  static AllocationRequest RuralOnly(std::int64_t pool_wan) {
    return {"540000",
            2024,
            Fen(pool_wan * kWan),
            {{"allocation_weight_rural_population_bp", 10'000},
             {"allocation_weight_lifted_population_bp", 0},
             {"allocation_weight_monitored_population_bp", 0},
             {"allocation_weight_area_bp", 0},
             {"allocation_weight_performance_bp", 0}}};
  }

  TestApp t_;
  Actor region_, other_;
};

TEST_F(AllocationTest, ImportsFactorsAndReimportChangesNothing) {
  auto first = ImportFactors(kFactorsCsv);
  ASSERT_TRUE(first.ok()) << first.status().ToString();
  EXPECT_EQ(first->inserted, 2);
  auto again = ImportFactors(kFactorsCsv);
  ASSERT_TRUE(again.ok());
  EXPECT_EQ(again->unchanged, 2);
  EXPECT_EQ(again->inserted, 0);
}

TEST_F(AllocationTest, ImportRejectsTheWholeFileWithRowAndColumn) {
  auto r = ImportFactors(
      "region_code,year,rural_population,lifted_population,monitored_population,area,key_county,performance_score\n"
      "540102,2023,100,0,0,0,0,\n"          // fine, but not written: the file is refused
      "999999,2023,1,1,1,1,0,\n"            // row 3: unknown region
      "540100,2023,1,1,1,1,0,\n"            // row 4: a prefecture
      "540202,2023,-5,1.5,1,1.234,x,101\n"  // row 5: count, count, area, flag, score
      "540102,2023,1,1,1,1,0,\n");          // row 6: duplicate of row 2
  ASSERT_FALSE(r.ok());
  std::vector<std::tuple<int, std::string, std::string>> got;
  const Status refused = r.status();
  for (const FieldError& e : refused.details()) got.emplace_back(e.row, e.column, e.code);
  using E = std::vector<std::tuple<int, std::string, std::string>>;
  EXPECT_EQ(got, (E{{5, "rural_population", "invalid_count"},
                    {5, "lifted_population", "invalid_count"},
                    {5, "area", "invalid_area"},
                    {5, "key_county", "invalid_flag"},
                    {5, "performance_score", "invalid_percent"},
                    {6, "region_code", "duplicate_row"}}));
  // Once the cells are right, the regions are checked.
  auto regions = ImportFactors(
      "区划代码,年度,农村人口,脱贫人口,监测对象,面积\n540102,2023,1,1,1,1\n999999,2023,1,1,1,1\n540100,2023,1,1,1,1\n");
  ASSERT_FALSE(regions.ok());
  got.clear();
  const Status refused_regions = regions.status();
  for (const FieldError& e : refused_regions.details()) got.emplace_back(e.row, e.column, e.code);
  EXPECT_EQ(got, (E{{3, "region_code", "unknown_region"}, {4, "region_code", "not_county"}}));
  auto missing = ImportFactors("区划代码,年度,农村人口\n540102,2023,1\n");
  ASSERT_FALSE(missing.ok());
  const Status refused_header = missing.status();
  ASSERT_FALSE(refused_header.details().empty());
  EXPECT_EQ(refused_header.details()[0].code, "missing_column");
  // Nothing was written: allocating finds no factors.
  auto none = t_.app->Allocate(Actor::System(), RuralOnly(100));
  EXPECT_EQ(none.status().code_name(), "factors_missing");
}

TEST_F(AllocationTest, ImportOutsideTheActorsScopeIsRefused) {
  auto r = ImportFactors(kFactorsCsv, Person("lhasa", Role::kRegionOfficer, "540100"));
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), ErrorCode::kPermissionDenied);
}

// Pool 10,000 万元, rural population 100 : 300, 桑珠孜区 a key county (+10%):
//   index 2500 : 7500 × 1.1 = 8250 (× 10¹²); need 10¹⁰ × 2500/10750 = 2,325,581,395 fen and
//   10¹⁰ × 8250/10750 = 7,674,418,604 fen → 2325.58 / 7674.42 万元 → 2325 + 7674, the one left to
//   城关区 (.58 the larger remainder): 2326 / 7674 万元.
TEST_F(AllocationTest, HandComputedWithoutASettlement) {
  ASSERT_TRUE(ImportFactors(kFactorsCsv).ok());
  auto r = t_.app->Allocate(Actor::System(), RuralOnly(10'000));
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  ASSERT_EQ(r->counties.size(), 2u);
  EXPECT_EQ(r->counties[0].factors.region_code, "540102");
  EXPECT_EQ(r->counties[0].result.need.value(), 2'325'581'395);
  EXPECT_EQ(r->counties[1].result.need.value(), 7'674'418'604);
  EXPECT_EQ(r->counties[0].result.amount.value(), 2326 * kWan);
  EXPECT_EQ(r->counties[1].result.amount.value(), 7674 * kWan);
  EXPECT_EQ(r->total.value(), 10'000 * kWan);
  EXPECT_TRUE(r->what_if);
  const auto cli = AllocationCliJson(*r);
  EXPECT_EQ(cli.dump(), R"({"year":2024,"pool_fen":10000000000,"total_fen":10000000000,"counties":[)"
                        R"({"region_code":"540102","amount_fen":2326000000,"factors":{"rural_population":100,)"
                        R"("lifted_population":0,"monitored_population":0,"area_km2":0.0,"key_county":false,)"
                        R"("performance_score":null,"incentive_fen":0,"deducted_fen":0}},)"
                        R"({"region_code":"540202","amount_fen":7674000000,"factors":{"rural_population":300,)"
                        R"("lifted_population":0,"monitored_population":0,"area_km2":0.0,"key_county":true,)"
                        R"("performance_score":88.5,"incentive_fen":0,"deducted_fen":0}}]})");
}

// The approved settlement of 2023 moves 20,000,000 yuan each way: the need portion stays
// 10,000 万元 (+2000 − 2000), so 城关区 4,325,581,395 and 桑珠孜区 5,674,418,604 fen provisionally
// (Σ 9,999,999,999, rescaled to the pool: the same) → 4325.58 / 5674.42 → 4326 / 5674 万元.
// A draft run counts for nothing.
TEST_F(AllocationTest, TheLatestApprovedSettlementOfTheYearBeforeCounts) {
  ASSERT_TRUE(ImportFactors(kFactorsCsv).ok());
  auto run = Settle2023();
  ASSERT_TRUE(run.ok()) << run.status().ToString();
  auto draft = t_.app->Allocate(Actor::System(), RuralOnly(10'000));
  ASSERT_TRUE(draft.ok());
  EXPECT_FALSE(draft->counties[0].settlement_run_id.has_value());
  EXPECT_EQ(draft->counties[0].result.amount.value(), 2326 * kWan);
  ASSERT_TRUE(t_.app->ApproveSettlement(other_, run->id).ok());
  auto r = t_.app->Allocate(Actor::System(), RuralOnly(10'000));
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_EQ(r->counties[0].settlement_run_id, run->id);
  EXPECT_EQ(r->counties[0].result.incentive.value(), 2'000'000'000);
  EXPECT_EQ(r->counties[1].result.incentive.value(), -2'000'000'000);
  EXPECT_EQ(r->counties[0].result.amount.value(), 4326 * kWan);
  EXPECT_EQ(r->counties[1].result.amount.value(), 5674 * kWan);
  EXPECT_EQ(r->total.value(), 10'000 * kWan);
}

TEST_F(AllocationTest, RefusesBadRequestsByName) {
  ASSERT_TRUE(ImportFactors(kFactorsCsv).ok());
  AllocationRequest not_wan = RuralOnly(100);
  not_wan.pool = Fen(100 * kWan + 50);
  EXPECT_EQ(t_.app->Allocate(Actor::System(), not_wan).status().code_name(), "pool_not_whole_wan");
  AllocationRequest unknown = RuralOnly(100);
  unknown.what_if.emplace_back("incentive_top_n", 3);
  auto u = t_.app->Allocate(Actor::System(), unknown);
  EXPECT_EQ(u.status().code(), ErrorCode::kInvalidArgument);
  EXPECT_NE(u.status().message().find("incentive_top_n"), std::string::npos);
  AllocationRequest repeated = RuralOnly(100);
  repeated.what_if.emplace_back("allocation_weight_area_bp", 5);
  EXPECT_NE(t_.app->Allocate(Actor::System(), repeated).status().message().find("重复"), std::string::npos);
  AllocationRequest next_year = RuralOnly(100);
  next_year.year = 2025;  // no factors of 2024
  auto missing = t_.app->Allocate(Actor::System(), next_year);
  EXPECT_EQ(missing.status().code_name(), "factors_missing");
  EXPECT_NE(missing.status().message().find("540102"), std::string::npos);
  AllocationRequest elsewhere = RuralOnly(100);
  elsewhere.region_code = "540000";
  EXPECT_EQ(t_.app->Allocate(Person("xj", Role::kRegionOfficer, "650000"), elsewhere).status().code(),
            ErrorCode::kPermissionDenied);
}

}  // namespace app_allocations_test
}  // namespace xj
