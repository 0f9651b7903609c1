// The asset register and work relief (issue #20) through the App: assets created on hand-over,
// 确权 progress, distinct persons across projects and periods, the labour share at the floor,
// masking per role and the audit row of an unmasked view.
#include <gtest/gtest.h>

#include <sstream>

#include "app/app_test_support.hpp"
#include "io/csv_reader.hpp"

namespace xj {
namespace app_assets_test {

using testing::TestApp;

class LastingBenefit : public ::testing::Test {
 protected:
  void SetUp() override {
    // W1, W2 work-relief projects of 城关区 (central funds 1,000 and 2,000 yuan); W3 of 桑珠孜区;
    // H1 an industry project (0101) accepted, ready to be handed over.
    Import(
        "project_code,name,year,region_code,category,total_investment,central_fund,status,work_relief\n"
        "W1,村道硬化,2023,540102,0301,1000,1000,started,是\n"
        "W2,水渠整治,2023,540102,0301,2000,2000,started,是\n"
        "W3,田间道路,2023,540202,0301,1000,1000,started,是\n"
        "H1,牦牛养殖基地,2023,540102,0101,50000,40000,accepted,否\n");
    county_.username = "county";
    county_.role = Role::kCountyOfficer;
    county_.region_code = "540102";
    leader_.username = "leader";
    leader_.role = Role::kLeader;
    leader_.region_code = "540000";
  }

  void Import(const std::string& csv) {
    std::istringstream in(csv);
    CsvReader reader(in);
    auto r = t_.app->ImportProjects(Actor::System(), reader);
    ASSERT_TRUE(r.ok()) << r.status().ToString();
  }

  Result<ImportReport> Csv(Result<ImportReport> (App::*use_case)(const Actor&, TableSource&), const std::string& csv,
                           const Actor& actor = Actor::System()) {
    std::istringstream in(csv);
    CsvReader reader(in);
    return (t_.app.get()->*use_case)(actor, reader);
  }

  TestApp t_;
  Actor county_, leader_;
};

TEST_F(LastingBenefit, HandingOverCreatesTheProjectsAssets) {
  auto p = t_.app->GetProject(Actor::System(), "H1");
  ASSERT_TRUE(p.ok());
  TransitionRequest hand_over{"hand_over", "", Date::FromYmd(2023, 9, 1)};
  auto done = t_.app->TransitionProject(county_, "H1", hand_over, p->stored.version);
  ASSERT_TRUE(done.ok()) << done.status().ToString();
  auto assets = t_.app->ListAssets(leader_, {"", "H1"});
  ASSERT_TRUE(assets.ok());
  ASSERT_EQ(assets->size(), 1u);
  const Asset& a = assets->front();
  EXPECT_EQ(a.asset_code, "H1-A1");
  EXPECT_EQ(a.type, AssetType::kOperating);  // an industry project forms an operating asset
  EXPECT_EQ(a.owner_level, OwnerLevel::kCounty);
  EXPECT_EQ(a.original_value, Fen::FromYuan(50'000));
  EXPECT_EQ(a.fund_sources, "中央衔接资金");  // no other funds in the fixture
  EXPECT_FALSE(a.registered);
}

TEST_F(LastingBenefit, HandOverWithItsOwnAssetsAndRegistrationProgress) {
  auto p = t_.app->GetProject(Actor::System(), "H1");
  ASSERT_TRUE(p.ok());
  TransitionRequest hand_over{"hand_over", "", Date::FromYmd(2023, 9, 1)};
  Asset barn;
  barn.asset_code = "ZC-1";
  barn.name = "牛棚";
  barn.type = AssetType::kOperating;
  barn.original_value = Fen::FromYuan(30'000);
  barn.current_value = barn.original_value;
  Asset road = barn;
  road.asset_code = "ZC-2";
  road.name = "场内道路";
  road.type = AssetType::kPublicWelfare;
  road.original_value = Fen::FromYuan(10'000);
  hand_over.assets = {barn, road};
  ASSERT_TRUE(t_.app->TransitionProject(county_, "H1", hand_over, p->stored.version).ok());
  // An imported asset elsewhere: 桑珠孜区, 60,000 yuan, registered.
  auto imported = Csv(&App::ImportAssets,
                      "资产编码,资产名称,区划代码,资产类型,权属层级,原值（万元）,是否确权,确权日期\n"
                      "ZC-3,光伏电站,540202,经营性,村,6,是,2023-05-01\n");
  ASSERT_TRUE(imported.ok()) << imported.status().ToString();
  EXPECT_EQ(imported->inserted, 1);
  ASSERT_TRUE(t_.app->RegisterAsset(county_, "ZC-1", Date::FromYmd(2023, 10, 1)).ok());
  EXPECT_EQ(t_.app->RegisterAsset(county_, "ZC-1", Date::FromYmd(2023, 10, 2)).status().code(), ErrorCode::kConflict);
  EXPECT_EQ(t_.app->RegisterAsset(county_, "ZC-3", Date::FromYmd(2023, 10, 2)).status().code(),
            ErrorCode::kPermissionDenied);  // 桑珠孜区 is outside 城关区
  // 西藏: 3 assets, 2 registered (ZC-1, ZC-3) → 66.67%; value 100,000, registered 90,000 → 90%.
  auto progress = t_.app->AssetRegistrationOf(leader_, "540000");
  ASSERT_TRUE(progress.ok());
  EXPECT_EQ(progress->assets, 3);
  EXPECT_EQ(progress->registered_assets, 2);
  EXPECT_EQ(progress->value_fen, 10'000'000);
  EXPECT_EQ(progress->registered_value_fen, 9'000'000);
  EXPECT_EQ(PercentHundredths(progress->count_rate), 6667);
  EXPECT_EQ(PercentHundredths(progress->value_rate), 9000);
  ASSERT_EQ(progress->children.size(), 2u);  // 拉萨市 and 日喀则市
  EXPECT_EQ(progress->children[0].assets, 2);
  EXPECT_EQ(PercentHundredths(progress->children[0].value_rate), 7500);  // 30,000 ÷ 40,000
}

TEST_F(LastingBenefit, PersonsAreCountedOnceAcrossProjectsAndPeriods) {
  // 扎西 works on W1 and W2 and on W3 of another county; 卓玛 on W1 only.
  auto roster = Csv(&App::ImportReliefWorkers,
                    "项目编码,姓名,身份证号,联系电话,户类型,是否搬迁户,所在村\n"
                    "W1,扎西,540102199001011234,13800001234,脱贫户,否,八廓村\n"
                    "W2,扎西,540102199001011234,13800001234,脱贫户,否,八廓村\n"
                    "W3,扎西,540102199001011234,,脱贫户,否,八廓村\n"
                    "W1,卓玛,54010219920202567x,,监测户,是,八廓村\n");
  ASSERT_TRUE(roster.ok()) << roster.status().ToString();
  EXPECT_EQ(roster->inserted, 4);
  // Wages: 扎西 W1 2023-03-10 100 元, W2 2023-05-20 200 元, W3 2023-08-01 300 元;
  //        卓玛 W1 2023-03-10 150 元.
  auto wages = Csv(&App::ImportReliefWages,
                   "项目编码,身份证号,发放日期,发放金额,务工天数,发放方式\n"
                   "W1,540102199001011234,2023-03-10,100,5,银行卡\n"
                   "W2,540102199001011234,2023-05-20,200,10,银行卡\n"
                   "W3,540102199001011234,2023-08-01,300,15,现金\n"
                   "W1,54010219920202567X,2023-03-10,150,7,银行卡\n");
  ASSERT_TRUE(wages.ok()) << wages.status().ToString();
  // Re-importing changes nothing.
  auto again = Csv(&App::ImportReliefWorkers,
                   "项目编码,姓名,身份证号,联系电话,户类型,是否搬迁户,所在村\n"
                   "W1,扎西,540102199001011234,13800001234,脱贫户,否,八廓村\n");
  ASSERT_TRUE(again.ok());
  EXPECT_EQ(again->unchanged, 1);
  // First half of 2023, 西藏: 扎西 (100 + 200) and 卓玛 (150) → 2 persons, 450 元, 225 元 each.
  auto h1 = t_.app->WorkReliefSummaryOf(leader_, "540000", Date::FromYmd(2023, 1, 1), Date::FromYmd(2023, 6, 30));
  ASSERT_TRUE(h1.ok());
  EXPECT_EQ(h1->figures.persons, 2);
  EXPECT_EQ(h1->figures.wages_fen, 45'000);
  EXPECT_EQ(h1->figures.wages_per_person_fen, 22'500);
  EXPECT_EQ(h1->figures.relocated_persons, 1);
  // The whole year: still 2 persons (扎西 once, though on three projects), 750 元 → 375 元 each;
  // 城关区 (拉萨市) has both, 450 元; 日喀则市 扎西 alone, 300 元.
  auto year = t_.app->WorkReliefSummaryOf(leader_, "540000", Date::FromYmd(2023, 1, 1), Date::FromYmd(2023, 12, 31));
  ASSERT_TRUE(year.ok());
  EXPECT_EQ(year->figures.persons, 2);
  EXPECT_EQ(year->figures.wages_fen, 75'000);
  EXPECT_EQ(year->figures.wages_per_person_fen, 37'500);
  ASSERT_EQ(year->children.size(), 2u);
  EXPECT_EQ(year->children[0].figures.persons, 2);
  EXPECT_EQ(year->children[0].figures.wages_fen, 45'000);
  EXPECT_EQ(year->children[1].figures.persons, 1);
  EXPECT_EQ(year->children[1].figures.wages_fen, 30'000);
  // Second half alone: 扎西 on W3 → 1 person.
  auto h2 = t_.app->WorkReliefSummaryOf(leader_, "540000", Date::FromYmd(2023, 7, 1), Date::FromYmd(2023, 12, 31));
  ASSERT_TRUE(h2.ok());
  EXPECT_EQ(h2->figures.persons, 1);
  EXPECT_EQ(h2->figures.wages_per_person_fen, 30'000);
}

TEST_F(LastingBenefit, WagesNeedAWorkerOnTheRosterAndErrorsNeverEchoTheNumber) {
  auto r =
      Csv(&App::ImportReliefWages,
          "项目编码,身份证号,发放日期,发放金额\nW1,540102199001011234,2023-03-10,100\nW1,5401021990,2023-03-10,1\n");
  ASSERT_FALSE(r.ok());
  ASSERT_EQ(r.status().details().size(), 1u);  // the malformed number, reported by the reader first
  EXPECT_EQ(r.status().details()[0].code, "invalid_id_number");
  EXPECT_EQ(r.status().details()[0].value, "");
  auto unknown =
      Csv(&App::ImportReliefWages, "项目编码,身份证号,发放日期,发放金额\nW1,540102199001011234,2023-03-10,100\n");
  ASSERT_FALSE(unknown.ok());
  EXPECT_EQ(unknown.status().details()[0].code, "unknown_worker");
  EXPECT_EQ(unknown.status().details()[0].value, "");
}

TEST_F(LastingBenefit, LabourShareMeetsTheFloorExactlyAtThirtyPercent) {
  ASSERT_TRUE(t_.app
                  ->SaveReliefWorkers(Actor::System(),
                                      {{"W1", "扎西", "540102199001011234"}, {"W2", "扎西", "540102199001011234"}})
                  .ok());
  // W1: central 1,000 元, wages 300 元 → exactly 30% → meets; W2: 2,000 元, wages 599.99 元 → 29.9995% → not.
  ASSERT_TRUE(
      t_.app
          ->SaveReliefWages(Actor::System(), {{"W1", "540102199001011234", Date::FromYmd(2023, 3, 1), Fen(30'000)},
                                              {"W2", "540102199001011234", Date::FromYmd(2023, 3, 1), Fen(59'999)}})
          .ok());
  auto shares = t_.app->LabourShares(leader_, "540000");
  ASSERT_TRUE(shares.ok());
  ASSERT_EQ(shares->size(), 3u);  // W1, W2, W3 (flagged 以工代赈; W3 pays nothing yet)
  std::map<std::string, LabourShare> by_code;
  for (const LabourShare& s : *shares) by_code[s.project_code] = s;
  EXPECT_TRUE(by_code["W1"].meets_minimum);
  EXPECT_EQ(by_code["W1"].minimum_bp, 3000);
  EXPECT_EQ(PercentHundredths(by_code["W1"].share), 3000);
  EXPECT_FALSE(by_code["W2"].meets_minimum);
  EXPECT_FALSE(by_code["W3"].meets_minimum);
}

TEST_F(LastingBenefit, NumbersAreMaskedUnlessTheRoleNeedsThemAndEveryUnmaskedViewIsAudited) {
  ASSERT_TRUE(t_.app->SaveReliefWorkers(Actor::System(), {{"W1", "扎西", "540102199001011234", "13800001234"}}).ok());
  auto masked = t_.app->ReliefWorkers(leader_, "W1", false);
  ASSERT_TRUE(masked.ok());
  ASSERT_EQ(masked->size(), 1u);
  EXPECT_EQ(masked->front().id_number, "5401**********1234");
  EXPECT_EQ(masked->front().phone, "1380***1234");
  // A leader may not see the numbers; a county officer may, and the view is audited.
  EXPECT_EQ(t_.app->ReliefWorkers(leader_, "W1", true).status().code(), ErrorCode::kPermissionDenied);
  auto clear = t_.app->ReliefWorkers(county_, "W1", true);
  ASSERT_TRUE(clear.ok());
  EXPECT_EQ(clear->front().id_number, "540102199001011234");
  EXPECT_EQ(clear->front().phone, "13800001234");
  AuditQuery q;
  q.entity_type = "project";
  q.entity_id = "W1";
  auto audit = t_.app->store().QueryAudit(q);
  ASSERT_TRUE(audit.ok());
  ASSERT_EQ(audit->items.size(), 1u);
  EXPECT_EQ(audit->items[0].action, "relief_worker.unmask");
  EXPECT_EQ(audit->items[0].actor, "county");
  // The number is in no audit row, and not stored in clear.
  AuditQuery all;
  all.limit = 1000;
  auto rows = t_.app->store().QueryAudit(all);
  ASSERT_TRUE(rows.ok());
  for (const AuditRecord& r : rows->items) {
    EXPECT_EQ(r.after.find("540102199001011234"), std::string::npos) << r.action;
    EXPECT_EQ(r.before.find("540102199001011234"), std::string::npos) << r.action;
  }
  auto stored = t_.app->store().FindReliefWorkers("W1");
  ASSERT_TRUE(stored.ok());
  EXPECT_EQ(stored->front().id_cipher.find("540102199001011234"), std::string::npos);
}

}  // namespace app_assets_test
}  // namespace xj
