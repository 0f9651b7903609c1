// Driving execution (issue #17): 包保 coverage with a gap, and the monthly dispatch's frozen
// snapshot under a late entry. Every expected value is computed by hand beside it.
#include <gtest/gtest.h>

#include <map>
#include <set>
#include <sstream>

#include "app/app_test_support.hpp"

namespace xj {
namespace app_dispatch_test {

using testing::TestApp;

Date D(const char* text) {
  return *Date::Parse(text);
}

using testing::As;

void ImportCsv(App& app, const std::string& kind, const std::string& csv) {
  std::istringstream in(csv);
  CsvReader reader(in);
  Result<ImportReport> r = kind == "regions"    ? app.ImportRegions(Actor::System(), reader)
                           : kind == "projects" ? app.ImportProjects(Actor::System(), reader)
                                                : app.ImportLedger(Actor::System(), reader);
  ASSERT_TRUE(r.ok()) << r.status().ToString();
}

/// Two key townships (one per county) beside the fixture's ordinary ones.
void AddKeyTownships(App& app) {
  ImportCsv(app, "regions",
            "code,name,level,parent_code,key_township\n"
            "540102002,纳金乡,township,540102,1\n"
            "540202002,曲布雄乡,township,540202,1\n");
}

BaobaoAssignment Assignment(const std::string& region, LeaderLevel level, const std::string& username = "") {
  BaobaoAssignment a;
  a.region_code = region;
  a.leader_name = "张三";
  a.post = "副主席";
  a.level = level;
  a.username = username;
  a.period_from = D("2023-01-01");
  a.period_to = D("2023-12-31");
  return a;
}

TEST(BaobaoTest, CoverageListsEveryUnitWithoutItsLeader) {
  TestApp t;
  AddKeyTownships(*t.app);
  Actor officer = As("region", Role::kRegionOfficer, "540000");
  ASSERT_TRUE(t.app->AddBaobao(officer, Assignment("540102", LeaderLevel::kRegion)).ok());
  ASSERT_TRUE(t.app->AddBaobao(officer, Assignment("540102002", LeaderLevel::kPrefecture)).ok());

  // 西藏: counties 城关区 (covered), 桑珠孜区 (gap); key townships 纳金乡 (covered), 曲布雄乡 (gap).
  // The ordinary townships 八廓街道 and 城南街道 are not counted.
  auto c = t.app->Coverage(officer, "540000", D("2023-06-30"));
  ASSERT_TRUE(c.ok()) << c.status().ToString();
  EXPECT_EQ(c->counties_total, 2);
  EXPECT_EQ(c->counties_covered, 1);
  EXPECT_EQ(c->key_townships_total, 2);
  EXPECT_EQ(c->key_townships_covered, 1);
  ASSERT_EQ(c->uncovered.size(), 2u);
  EXPECT_EQ(c->uncovered[0].region_code, "540202");  // tree order: 日喀则市's county, then its township
  EXPECT_EQ(c->uncovered[0].level, RegionLevel::kCounty);
  EXPECT_EQ(c->uncovered[1].region_code, "540202002");
  EXPECT_EQ(c->uncovered[1].level, RegionLevel::kTownship);

  // On the last day of the period the leaders still count; the day after, nobody does.
  auto last_day = t.app->Coverage(officer, "540000", D("2023-12-31"));
  ASSERT_TRUE(last_day.ok());
  EXPECT_EQ(last_day->counties_covered, 1);
  auto after = t.app->Coverage(officer, "540000", D("2024-01-01"));
  ASSERT_TRUE(after.ok());
  EXPECT_EQ(after->counties_covered, 0);
  EXPECT_EQ(after->key_townships_covered, 0);
  EXPECT_EQ(after->uncovered.size(), 4u);

  // A subtree: 拉萨市 is fully covered.
  auto lhasa = t.app->Coverage(officer, "540100", D("2023-06-30"));
  ASSERT_TRUE(lhasa.ok());
  EXPECT_EQ(lhasa->counties_total, 1);
  EXPECT_EQ(lhasa->counties_covered, 1);
  EXPECT_TRUE(lhasa->uncovered.empty());
}

TEST(BaobaoTest, RefusesTheWrongLevelAndTheWrongCaller) {
  TestApp t;
  AddKeyTownships(*t.app);
  Actor officer = As("region", Role::kRegionOfficer, "540000");
  // A regional leader covers a county, not a township; a prefecture leader a key township only.
  EXPECT_EQ(t.app->AddBaobao(officer, Assignment("540102002", LeaderLevel::kRegion)).status().code(),
            ErrorCode::kInvalidArgument);
  EXPECT_EQ(t.app->AddBaobao(officer, Assignment("540102001", LeaderLevel::kPrefecture)).status().code(),
            ErrorCode::kInvalidArgument);
  BaobaoAssignment nameless = Assignment("540102", LeaderLevel::kRegion);
  nameless.leader_name.clear();
  EXPECT_EQ(t.app->AddBaobao(officer, nameless).status().code(), ErrorCode::kInvalidArgument);
  BaobaoAssignment backwards = Assignment("540102", LeaderLevel::kRegion);
  backwards.period_to = D("2022-12-31");
  EXPECT_EQ(t.app->AddBaobao(officer, backwards).status().code(), ErrorCode::kInvalidArgument);
  EXPECT_EQ(t.app->AddBaobao(officer, Assignment("999999", LeaderLevel::kRegion)).status().code(),
            ErrorCode::kNotFound);
  // A county officer reads but assigns nobody; a prefecture assigns only inside its own prefecture.
  Actor county = As("county", Role::kCountyOfficer, "540102");
  EXPECT_EQ(t.app->AddBaobao(county, Assignment("540102", LeaderLevel::kRegion)).status().code(),
            ErrorCode::kPermissionDenied);
  Actor shigatse = As("shigatse", Role::kPrefectureOfficer, "540200");
  EXPECT_EQ(t.app->AddBaobao(shigatse, Assignment("540102002", LeaderLevel::kPrefecture)).status().code(),
            ErrorCode::kPermissionDenied);
  EXPECT_TRUE(t.app->AddBaobao(shigatse, Assignment("540202002", LeaderLevel::kPrefecture)).ok());
  // Nothing refused was stored.
  auto all = t.app->ListBaobao(officer, "540000");
  ASSERT_TRUE(all.ok());
  ASSERT_EQ(all->size(), 1u);
  EXPECT_EQ((*all)[0].region_code, "540202002");
}

TEST(BaobaoTest, MyUnitsAreTheLeadersOwn) {
  TestApp t;
  AddKeyTownships(*t.app);
  Actor officer = As("region", Role::kRegionOfficer, "540000");
  ASSERT_TRUE(t.app->AddBaobao(officer, Assignment("540102", LeaderLevel::kRegion, "leader1")).ok());
  ASSERT_TRUE(t.app->AddBaobao(officer, Assignment("540202", LeaderLevel::kRegion, "leader2")).ok());
  Actor leader = As("leader1", Role::kLeader, "540000");
  auto mine = t.app->MyBaobao(leader, D("2023-06-30"));
  ASSERT_TRUE(mine.ok()) << mine.status().ToString();
  ASSERT_EQ(mine->size(), 1u);
  EXPECT_EQ((*mine)[0].assignment.region_code, "540102");
  EXPECT_EQ((*mine)[0].assignment.region_name, "城关区");
}

// 城关区 540102, central funds of 2023: allocated 1,000,000 (01-10); expended 200,000 (05-20).
// May's dispatch of 西藏 (cut-off 2023-05-31): 城关区 expend progress 200,000 / 1,000,000 = 20.00%.
// A late entry of 100,000 dated 05-25 arrives after the dispatch opened: the live figure at the
// same cut-off becomes 300,000 / 1,000,000 = 30.00%, the snapshot stays 20.00%. June's dispatch
// (cut-off 06-30) freezes 30.00%: month over month +10.00 points, from the two snapshots.
TEST(DispatchTest, SnapshotIsFrozenUnderLateEntries) {
  TestApp t;
  ImportCsv(*t.app, "projects",
            "项目编码,项目名称,年度,区划代码,项目类别,建设内容,总投资,中央衔接资金,其他资金,计划开工,计划完工,"
            "实际开工,实际完工,状态,责任人\n"
            "Q1,城关区温室大棚项目,2023,540102,0101,生产项目,1000000,1000000,0,2023-03-01,2023-10-31,2023-03-"
            "05,,started,扎西\n");
  const std::string header =
      "凭证号,日期,类型,资金来源,资金年度,区划代码,项目编码,金额,收款方,收款方类型,冲销凭证号,备注\n";
  ImportCsv(*t.app, "ledger",
            header +
                "A1,2023-01-10,下达,central,2023,540102,Q1,1000000,,,,\n"
                "E1,2023-05-20,支出,central,2023,540102,Q1,200000,西藏高原建设工程有限公司,enterprise,,\n");
  Actor officer = As("region", Role::kRegionOfficer, "540000");
  auto may = t.app->OpenDispatch(officer, "540000", "2023-05");
  ASSERT_TRUE(may.ok()) << may.status().ToString();
  EXPECT_EQ(may->cycle.cutoff, D("2023-05-31"));
  EXPECT_EQ(may->cycle.status, CycleStatus::kOpen);
  EXPECT_EQ(may->cycle.opened_by, "region");
  EXPECT_GT(may->cycle.watermark, 0);
  // Every unit below 西藏 down to the counties: 拉萨市, 城关区, 日喀则市, 桑珠孜区 (tree order).
  ASSERT_EQ(may->rows.size(), 4u);
  EXPECT_EQ(may->rows[0].region_code, "540100");
  EXPECT_EQ(may->rows[1].region_code, "540102");
  EXPECT_EQ(may->rows[1].figures.expended, FenTotal(Fen::FromYuan(200'000)));
  EXPECT_EQ(PercentHundredths(may->rows[1].figures.expend_progress), 2000);
  EXPECT_EQ(may->rows[1].rank, 1);  // the only county with an allocation: 桑珠孜区 is unranked
  // The snapshot keeps the project figures too: Q1 started on 2023-03-05, before the cut-off.
  EXPECT_EQ(may->rows[1].figures.projects_total, 1);
  EXPECT_EQ(may->rows[1].figures.projects_started, 1);
  EXPECT_EQ(PercentHundredths(may->rows[1].figures.start_rate), 10000);
  EXPECT_EQ(may->rows[0].figures.projects_total, 1);  // 拉萨市 holds 城关区
  EXPECT_EQ(may->rows[3].rank, std::nullopt);

  ImportCsv(*t.app, "ledger",
            header + "E2,2023-05-25,支出,central,2023,540102,Q1,100000,西藏高原建设工程有限公司,enterprise,,补录\n");
  auto again = t.app->GetDispatch(officer, "540000", "2023-05");
  ASSERT_TRUE(again.ok()) << again.status().ToString();
  EXPECT_EQ(again->rows[1].figures.expended, FenTotal(Fen::FromYuan(200'000)));  // frozen
  EXPECT_EQ(PercentHundredths(again->rows[1].figures.expend_progress), 2000);
  EXPECT_EQ(again->live[1].expended, FenTotal(Fen::FromYuan(300'000)));  // live at the same cut-off
  EXPECT_EQ(PercentHundredths(again->live[1].expend_progress), 3000);
  EXPECT_FALSE(again->previous[1].has_value());  // no April dispatch

  // Opening May again changes nothing.
  EXPECT_EQ(t.app->OpenDispatch(officer, "540000", "2023-05").status().code(), ErrorCode::kAlreadyExists);

  auto june = t.app->OpenDispatch(officer, "540000", "2023-06");
  ASSERT_TRUE(june.ok()) << june.status().ToString();
  EXPECT_EQ(PercentHundredths(june->rows[1].figures.expend_progress), 3000);
  ASSERT_TRUE(june->previous[1].has_value());
  EXPECT_EQ(
      PointsDifferenceHundredths(june->rows[1].figures.expend_progress, june->previous[1]->figures.expend_progress),
      1000);
}

TEST(DispatchTest, FilingReviewAndClose) {
  TestApp t;
  Actor region = As("region", Role::kRegionOfficer, "540000");
  Actor lhasa = As("lhasa", Role::kPrefectureOfficer, "540100");
  Actor county = As("county", Role::kCountyOfficer, "540102");
  Actor other_county = As("other", Role::kCountyOfficer, "540202");
  // The fake clock stands at 2024-03-01: June 2023's deadline (07-10) is long past, so open
  // February 2024 (cut-off 02-29, deadline 03-10).
  ASSERT_TRUE(t.app->OpenDispatch(region, "540000", "2024-02").ok());
  EXPECT_EQ(t.app->OpenDispatch(county, "540102", "2024-02").status().code(), ErrorCode::kPermissionDenied);
  EXPECT_EQ(t.app->OpenDispatch(region, "540000", "2024-13").status().code(), ErrorCode::kInvalidArgument);

  DispatchFiling filing{"540102", "项目集中在二季度开工", "三月完成招标", "", ""};
  auto filed = t.app->FileDispatch(county, "540000", "2024-02", filing);
  ASSERT_TRUE(filed.ok()) << filed.status().ToString();
  ASSERT_EQ(filed->cycle.filings.size(), 1u);
  EXPECT_EQ(filed->cycle.filings[0].filed_by, "county");
  // A county files only for itself.
  DispatchFiling for_other = filing;
  for_other.region_code = "540102";
  EXPECT_EQ(t.app->FileDispatch(other_county, "540000", "2024-02", for_other).status().code(),
            ErrorCode::kPermissionDenied);
  DispatchFiling empty{"540102", "", "", "", ""};
  EXPECT_EQ(t.app->FileDispatch(county, "540000", "2024-02", empty).status().code(), ErrorCode::kInvalidArgument);

  // A county reads its own part of the region's dispatch: its row and its filing only.
  auto part = t.app->GetDispatch(county, "540000", "2024-02");
  ASSERT_TRUE(part.ok()) << part.status().ToString();
  ASSERT_EQ(part->rows.size(), 1u);
  EXPECT_EQ(part->rows[0].region_code, "540102");
  EXPECT_EQ(t.app->GetDispatch(county, "650000", "2024-02").status().code(), ErrorCode::kPermissionDenied);

  // Each prefecture reviews its part; the region closes once both are in.
  Actor shigatse = As("shigatse", Role::kPrefectureOfficer, "540200");
  EXPECT_EQ(t.app->CloseDispatch(region, "540000", "2024-02").status().code(), ErrorCode::kConflict);
  EXPECT_EQ(t.app->ReviewDispatch(county, "540000", "2024-02", "540100").status().code(), ErrorCode::kPermissionDenied);
  EXPECT_EQ(t.app->ReviewDispatch(shigatse, "540000", "2024-02", "540100").status().code(),
            ErrorCode::kPermissionDenied);
  EXPECT_EQ(t.app->ReviewDispatch(lhasa, "540000", "2024-02", "540102").status().code(),
            ErrorCode::kInvalidArgument);  // a county does not review
  auto reviewed = t.app->ReviewDispatch(lhasa, "540000", "2024-02", "540100");
  ASSERT_TRUE(reviewed.ok()) << reviewed.status().ToString();
  EXPECT_EQ(reviewed->cycle.status, CycleStatus::kOpen);  // 日喀则市 has not reviewed yet
  ASSERT_EQ(reviewed->cycle.reviews.size(), 1u);
  EXPECT_EQ(reviewed->cycle.reviews[0].reviewed_by, "lhasa");
  EXPECT_EQ(t.app->ReviewDispatch(lhasa, "540000", "2024-02", "540100").status().code(), ErrorCode::kConflict);
  // 城关区's part is reviewed: it files no more; 桑珠孜区's is not.
  EXPECT_EQ(t.app->FileDispatch(county, "540000", "2024-02", filing).status().code(), ErrorCode::kConflict);
  EXPECT_TRUE(
      t.app->FileDispatch(other_county, "540000", "2024-02", {"540202", "待资金到位", "四月开工", "", ""}).ok());
  EXPECT_EQ(t.app->CloseDispatch(region, "540000", "2024-02").status().code(), ErrorCode::kConflict);
  auto all_in = t.app->ReviewDispatch(shigatse, "540000", "2024-02", "540200");
  ASSERT_TRUE(all_in.ok());
  EXPECT_EQ(all_in->cycle.status, CycleStatus::kReviewed);
  EXPECT_EQ(t.app->CloseDispatch(lhasa, "540000", "2024-02").status().code(), ErrorCode::kPermissionDenied);
  auto closed = t.app->CloseDispatch(region, "540000", "2024-02");
  ASSERT_TRUE(closed.ok()) << closed.status().ToString();
  EXPECT_EQ(closed->cycle.status, CycleStatus::kClosed);
  EXPECT_EQ(closed->cycle.closed_by, "region");

  // A filing after the deadline is refused.
  ASSERT_TRUE(t.app->OpenDispatch(region, "540000", "2024-01").ok());  // deadline 2024-02-10
  EXPECT_EQ(t.app->FileDispatch(county, "540000", "2024-01", filing).status().code(), ErrorCode::kConflict);
}

}  // namespace app_dispatch_test
}  // namespace xj

namespace xj {
namespace app_dispatch_test {

// Weekly reminders of 2023-W27, as of its Monday 2023-07-03: time progress 184 ÷ 365.
// Each county has 1,460,000 allocated; expenditure E puts it behind time by
// 184/365 − E/1,460,000 — exactly 10 points at E = 590,000 (368/730 − 295/730 = 73/730):
//   城关区 540102 E = 590,000.00 → at the threshold of 10 points: no reminder ("more than")
//   桑珠孜区 540202 E = 589,999.99 → above (shown rounded as 10.00): reminded
//   达孜区 540104 E = 590,000.01 → just below: no reminder
// Projects not started Y = 30 days after their planned start (days late = 07-03 − planned):
//   N29 planned 06-04 (29 days, below) no; N30 06-03 (30, at) yes; N31 06-02 (31, above) yes.
class RemindersTest : public ::testing::Test {
 protected:
  void SetUp() override {
    ImportCsv(*t.app, "regions", "code,name,level,parent_code\n540104,达孜区,county,540100\n");
    ImportCsv(
        *t.app, "projects",
        "项目编码,项目名称,年度,区划代码,项目类别,建设内容,总投资,中央衔接资金,其他资金,计划开工,计划完工,"
        "实际开工,实际完工,状态,责任人\n"
        "C1,城关区项目,2023,540102,0101,生产项目,1460000,1460000,0,2023-03-01,2023-10-31,2023-03-01,,started,扎西\n"
        "C2,桑珠孜区项目,2023,540202,0101,生产项目,1460000,1460000,0,2023-03-01,2023-10-31,2023-03-01,,started,"
        "次仁\n"
        "C3,达孜区项目,2023,540104,0101,生产项目,1460000,1460000,0,2023-03-01,2023-10-31,2023-03-01,,started,达瓦\n"
        "N29,未开工项目甲,2023,540102,0101,生产项目,100000,0,100000,2023-06-04,2023-10-31,,,approved,卓玛\n"
        "N30,未开工项目乙,2023,540102,0101,生产项目,100000,0,100000,2023-06-03,2023-10-31,,,approved,卓玛\n"
        "N31,未开工项目丙,2023,540102,0101,生产项目,100000,0,100000,2023-06-02,2023-10-31,,,approved,\n");
    const std::string header =
        "凭证号,日期,类型,资金来源,资金年度,区划代码,项目编码,金额,收款方,收款方类型,冲销凭证号,备注\n";
    ImportCsv(*t.app, "ledger",
              header +
                  "A1,2023-01-10,下达,central,2023,540102,C1,1460000,,,,\n"
                  "A2,2023-01-10,下达,central,2023,540202,C2,1460000,,,,\n"
                  "A3,2023-01-10,下达,central,2023,540104,C3,1460000,,,,\n"
                  "E1,2023-06-10,支出,central,2023,540102,C1,590000.00,西藏高原建设工程有限公司,enterprise,,\n"
                  "E2,2023-06-10,支出,central,2023,540202,C2,589999.99,西藏高原建设工程有限公司,enterprise,,\n"
                  "E3,2023-06-10,支出,central,2023,540104,C3,590000.01,西藏高原建设工程有限公司,enterprise,,\n");
    BaobaoAssignment a = Assignment("540202", LeaderLevel::kRegion, "leader2");
    a.leader_name = "李四";
    ASSERT_TRUE(t.app->AddBaobao(region, a).ok());
  }

  std::vector<const Reminder*> Of(const ReminderBatch& b, const std::string& kind) {
    std::vector<const Reminder*> out;
    for (const Reminder& r : b.items) {
      if (r.kind == kind) out.push_back(&r);
    }
    return out;
  }

  TestApp t;
  Actor region = As("region", Role::kRegionOfficer, "540000");
};

TEST_F(RemindersTest, RulesAtTheirThresholds) {
  auto batch = t.app->GenerateReminders(region, "540000", "2023-W27");
  ASSERT_TRUE(batch.ok()) << batch.status().ToString();
  EXPECT_EQ(batch->as_of, D("2023-07-03"));
  auto behind = Of(*batch, ReminderKind::kCountyBehindTime);
  // Only 桑珠孜区: to the county and to its 包保 leader.
  ASSERT_EQ(behind.size(), 2u);
  for (const Reminder* r : behind) {
    EXPECT_EQ(r->target_region_code, "540202");
    EXPECT_EQ(r->triggered_by.metric, "expend_progress_behind_time_pts");
    EXPECT_EQ(r->triggered_by.value, 1000);  // 10.00 points, rounded
    EXPECT_EQ(r->triggered_by.threshold, 1000);
  }
  EXPECT_EQ(behind[0]->recipient.kind, "unit");
  EXPECT_EQ(behind[1]->recipient.kind, "leader");
  EXPECT_EQ(behind[1]->recipient.name, "李四");

  auto late = Of(*batch, ReminderKind::kProjectNotStarted);
  std::set<std::string> codes;
  for (const Reminder* r : late) codes.insert(r->project_code);
  EXPECT_EQ(codes, (std::set<std::string>{"N30", "N31"}));
  // N30: the unit and its 责任人; N31 has no 责任人 named: the unit only.
  EXPECT_EQ(late.size(), 3u);
  for (const Reminder* r : late) {
    EXPECT_EQ(r->triggered_by.threshold, 30);
    EXPECT_EQ(r->triggered_by.value, r->project_code == "N30" ? 30 : 31);
  }
  EXPECT_EQ(batch->created, static_cast<int>(batch->items.size()));
  EXPECT_EQ(batch->existing, 0);
}

// 施工季: 日喀则市 540200 owns a season of June–October (policy), 城关区 keeps the whole year.
// Defaults: a start in the season's first 21 days is reminded after 7 days, any other after 30.
//   S1 桑珠孜区 planned 06-22 — 21 days after the opening: not early; W27 (07-03) 11 days late < 30: no
//   S2 planned 06-21 — 20 days after: early; W27 12 days ≥ 7: yes
//   S4 planned 03-01 — out of season: counted from the opening 06-01 (early); W27 32 days: yes
//        (days_since_season_opening); in W10 (03-06) the season has not opened: no
//   S7 planned 06-19 — early; W26 (06-26) 7 days, at the threshold: yes. S8 06-20 — W26 6 days: no
//   W1 城关区 planned 01-20 (no season): in W10 45 days ≥ 30: yes
TEST_F(RemindersTest, TheConstructionSeasonMovesAndHastensNotStartedReminders) {
  for (auto [key, month] : {std::pair{"construction_season_start_month", 6}, {"construction_season_end_month", 10}}) {
    ASSERT_TRUE(t.app->AddPolicy(Actor::System(), {key, month, D("2020-01-01"), "高海拔", "540200"}).ok());
  }
  ImportCsv(*t.app, "projects",
            "项目编码,项目名称,年度,区划代码,项目类别,建设内容,总投资,中央衔接资金,其他资金,计划开工,计划完工,"
            "实际开工,实际完工,状态,责任人\n"
            "S1,季中项目,2023,540202,0101,生产项目,100000,0,100000,2023-06-22,2023-10-31,,,approved,\n"
            "S2,季初项目,2023,540202,0101,生产项目,100000,0,100000,2023-06-21,2023-10-31,,,approved,\n"
            "S4,季外项目,2023,540202,0101,生产项目,100000,0,100000,2023-03-01,2023-10-31,,,approved,\n"
            "S7,季初项目乙,2023,540202,0101,生产项目,100000,0,100000,2023-06-19,2023-10-31,,,approved,\n"
            "S8,季初项目丙,2023,540202,0101,生产项目,100000,0,100000,2023-06-20,2023-10-31,,,approved,\n"
            "W1,冬季项目,2023,540102,0101,生产项目,100000,0,100000,2023-01-20,2023-10-31,,,approved,\n");
  EXPECT_EQ(t.app->SeasonOf("540202", D("2023-07-03")), (ConstructionSeason{6, 10}));
  EXPECT_EQ(t.app->SeasonOf("540102", D("2023-07-03")), (ConstructionSeason{1, 12}));
  auto late = [&](const std::string& week) {
    std::map<std::string, Reminder> out;
    auto batch = t.app->GenerateReminders(region, "540000", week);
    EXPECT_TRUE(batch.ok()) << batch.status().ToString();
    if (!batch.ok()) return out;
    for (const Reminder* r : Of(*batch, ReminderKind::kProjectNotStarted)) out[r->project_code] = *r;
    return out;
  };
  auto w27 = late("2023-W27");
  for (const char* code : {"S2", "S4", "S7", "S8"}) ASSERT_TRUE(w27.contains(code)) << code;
  EXPECT_FALSE(w27.contains("S1"));
  EXPECT_EQ(w27["S2"].triggered_by.metric, "days_since_planned_start");
  EXPECT_EQ(w27["S2"].triggered_by.value, 12);
  EXPECT_EQ(w27["S2"].triggered_by.threshold, 7);
  EXPECT_EQ(w27["S4"].triggered_by.metric, "days_since_season_opening");
  EXPECT_EQ(w27["S4"].triggered_by.value, 32);
  EXPECT_EQ(w27["S4"].triggered_by.threshold, 7);
  EXPECT_EQ(w27["N30"].triggered_by.threshold, 30);  // 城关区: no season, as before
  auto w26 = late("2023-W26");
  EXPECT_TRUE(w26.contains("S7"));
  EXPECT_EQ(w26["S7"].triggered_by.value, 7);
  EXPECT_FALSE(w26.contains("S8"));
  auto w10 = late("2023-W10");
  EXPECT_FALSE(w10.contains("S4"));
  ASSERT_TRUE(w10.contains("W1"));
  EXPECT_EQ(w10["W1"].triggered_by.value, 45);
}

TEST_F(RemindersTest, SeasonPolicyValuesAreMonthsAndMayBelongToARegion) {
  Actor admin = As("admin", Role::kAdmin, "");
  EXPECT_EQ(t.app->AddPolicy(admin, {"construction_season_start_month", 13, D("2023-01-01"), "", "540200"}).code(),
            ErrorCode::kInvalidArgument);
  EXPECT_EQ(t.app->AddPolicy(admin, {"construction_season_end_month", 0, D("2023-01-01"), "", ""}).code(),
            ErrorCode::kInvalidArgument);
  EXPECT_EQ(t.app->AddPolicy(admin, {"season_early_days", 10, D("2023-01-01"), "", "540200"}).code(),
            ErrorCode::kInvalidArgument);  // not a regional key
  EXPECT_EQ(t.app->AddPolicy(admin, {"construction_season_start_month", 5, D("2023-01-01"), "", "549999"}).code(),
            ErrorCode::kNotFound);
  ASSERT_TRUE(t.app->AddPolicy(admin, {"construction_season_start_month", 5, D("2023-01-01"), "", "540100"}).ok());
  // The prefecture's value holds for its counties from its date, not before and not elsewhere.
  EXPECT_EQ(t.app->SeasonOf("540102", D("2023-01-01")).start_month, 5);
  EXPECT_EQ(t.app->SeasonOf("540102", D("2022-12-31")).start_month, 1);
  EXPECT_EQ(t.app->SeasonOf("540202", D("2023-06-01")).start_month, 1);
  // Backward scheduling for 城关区 (season May–December from 2023) vs the calendar.
  auto seasonal = t.app->ProposeSchedule(admin, {{"施工", 10, {}, {}}}, D("2023-05-05"), "540102");
  ASSERT_TRUE(seasonal.ok()) << seasonal.status().ToString();
  EXPECT_EQ(seasonal->start, D("2022-12-26"));  // 05-04 … 05-01 (4), then 2022's whole year: 12-31 … 12-26 (6)
  auto calendar = t.app->ProposeSchedule(admin, {{"施工", 10, {}, {}}}, D("2023-05-05"));
  ASSERT_TRUE(calendar.ok());
  EXPECT_EQ(calendar->start, D("2023-04-25"));
  Actor county = As("county", Role::kCountyOfficer, "540102");
  EXPECT_EQ(t.app->ProposeSchedule(county, {{"施工", 10, {}, {}}}, D("2023-05-05"), "540202").status().code(),
            ErrorCode::kPermissionDenied);
}

TEST_F(RemindersTest, WeeklyGenerationIsIdempotent) {
  auto first = t.app->GenerateReminders(region, "540000", "2023-W27");
  ASSERT_TRUE(first.ok());
  ASSERT_GT(first->created, 0);
  auto second = t.app->GenerateReminders(region, "540000", "2023-W27");
  ASSERT_TRUE(second.ok());
  EXPECT_EQ(second->created, 0);
  EXPECT_EQ(second->existing, first->created);
  EXPECT_EQ(second->items.size(), first->items.size());
  // A prefecture's run of the same week finds its part already there.
  Actor shigatse = As("shigatse", Role::kPrefectureOfficer, "540200");
  auto part = t.app->GenerateReminders(shigatse, "540200", "2023-W27");
  ASSERT_TRUE(part.ok()) << part.status().ToString();
  EXPECT_EQ(part->created, 0);
  EXPECT_EQ(part->existing, 2);
  EXPECT_EQ(t.app->GenerateReminders(region, "540000", "2023-W54").status().code(), ErrorCode::kInvalidArgument);
  Actor county = As("county", Role::kCountyOfficer, "540102");
  EXPECT_EQ(t.app->GenerateReminders(county, "540102", "2023-W27").status().code(), ErrorCode::kPermissionDenied);
}

TEST_F(RemindersTest, OnlyTheRecipientAcknowledges) {
  auto batch = t.app->GenerateReminders(region, "540000", "2023-W27");
  ASSERT_TRUE(batch.ok());
  const Reminder* to_unit = nullptr;
  const Reminder* to_leader = nullptr;
  for (const Reminder* r : Of(*batch, ReminderKind::kCountyBehindTime)) {
    (r->recipient.kind == "unit" ? to_unit : to_leader) = r;
  }
  ASSERT_TRUE(to_unit && to_leader);
  Actor county2 = As("county2", Role::kCountyOfficer, "540202", 12);
  Actor county1 = As("county1", Role::kCountyOfficer, "540102", 11);
  Actor leader2 = As("leader2", Role::kLeader, "540000", 13);
  Actor leader1 = As("leader1", Role::kLeader, "540000", 14);
  // Another county does not even see it; the region's officer sees it but is not its recipient.
  EXPECT_EQ(t.app->AcknowledgeReminder(county1, to_unit->id, "").status().code(), ErrorCode::kNotFound);
  Actor region_user = As("region", Role::kRegionOfficer, "540000", 10);
  EXPECT_EQ(t.app->AcknowledgeReminder(region_user, to_unit->id, "").status().code(), ErrorCode::kPermissionDenied);
  EXPECT_EQ(t.app->AcknowledgeReminder(leader1, to_leader->id, "").status().code(), ErrorCode::kPermissionDenied);
  EXPECT_EQ(t.app->AcknowledgeReminder(county2, to_leader->id, "").status().code(), ErrorCode::kPermissionDenied);
  auto acked = t.app->AcknowledgeReminder(county2, to_unit->id, "本周完成两笔支出");
  ASSERT_TRUE(acked.ok()) << acked.status().ToString();
  EXPECT_EQ(acked->status, "acknowledged");
  EXPECT_EQ(acked->acknowledged_by, "county2");
  EXPECT_EQ(acked->reply, "本周完成两笔支出");
  EXPECT_EQ(t.app->AcknowledgeReminder(county2, to_unit->id, "").status().code(), ErrorCode::kConflict);
  ASSERT_TRUE(t.app->AcknowledgeReminder(leader2, to_leader->id, "").ok());
  // The message centre: each recipient's own, unread first gone.
  ReminderQuery mine;
  mine.mine = true;
  auto box = t.app->ListReminders(county2, mine);
  ASSERT_TRUE(box.ok());
  for (const Reminder& r : *box) EXPECT_EQ(r.recipient.region_code, "540202");
  // The sender sees who has not acknowledged.
  ReminderQuery unread;
  unread.region_code = "540000";
  unread.week = "2023-W27";
  unread.status = "unread";
  auto open = t.app->ListReminders(region, unread);
  ASSERT_TRUE(open.ok());
  for (const Reminder& r : *open) EXPECT_NE(r.target_region_code, "540202");
  EXPECT_EQ(open->size(), batch->items.size() - 2);
}

TEST_F(RemindersTest, OutboxDeliversThroughEachChannel) {
  auto sms = std::make_shared<LoggingSender>("sms");
  t.app->AddReminderSender(sms);
  auto batch = t.app->GenerateReminders(region, "540000", "2023-W27");
  ASSERT_TRUE(batch.ok());
  EXPECT_EQ(sms->sent(), static_cast<int>(batch->items.size()));
  for (const Reminder& r : batch->items) {
    ASSERT_EQ(r.deliveries.size(), 2u);
    EXPECT_EQ(r.deliveries[0].channel, "in_app");
    EXPECT_EQ(r.deliveries[1].channel, "sms");
    EXPECT_EQ(r.deliveries[1].status, "sent");
  }
  // Nothing is sent twice.
  ASSERT_TRUE(t.app->GenerateReminders(region, "540000", "2023-W27").ok());
  EXPECT_EQ(sms->sent(), static_cast<int>(batch->items.size()));
}

TEST(IsoWeekTest, MondaysAndYearEdges) {
  EXPECT_EQ(*ParseIsoWeek("2023-W27"), D("2023-07-03"));
  EXPECT_EQ(*ParseIsoWeek("2023-W01"), D("2023-01-02"));
  EXPECT_EQ(*ParseIsoWeek("2020-W53"), D("2020-12-28"));
  EXPECT_EQ(IsoWeekOf(D("2021-01-03")), "2020-W53");
  EXPECT_EQ(IsoWeekOf(D("2024-12-30")), "2025-W01");
  EXPECT_FALSE(ParseIsoWeek("2023-W53").ok());
  EXPECT_FALSE(ParseIsoWeek("2023-27").ok());
}

}  // namespace app_dispatch_test
}  // namespace xj
