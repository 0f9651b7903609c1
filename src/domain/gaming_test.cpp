#include "domain/gaming.hpp"

#include <gtest/gtest.h>

#include "domain/domain_test_support.hpp"

namespace xj {
namespace domain_gaming_test {

using testing::D;

GamingEntry Expend(std::string id, Date date, std::int64_t fen, std::string payee, std::string county = "540102",
                   std::string project = "P", PayeeType type = PayeeType::kEnterprise) {
  GamingEntry e;
  e.entry_id = std::move(id);
  e.date = date;
  e.kind = EntryKind::kExpend;
  e.fund_year = 2023;
  e.region_code = county;
  e.county_code = std::move(county);
  e.project_code = std::move(project);
  e.amount = Fen(fen);
  e.payee = std::move(payee);
  e.payee_type = type;
  return e;
}

GamingEntry Reverse(std::string id, Date date, const GamingEntry& of) {
  GamingEntry r = of;
  r.entry_id = std::move(id);
  r.date = date;
  r.kind = EntryKind::kReverse;
  r.payee_type = PayeeType::kNone;
  r.reverses = of.entry_id;
  return r;
}

/// "X3" from ("X", 3), built without operator+ (GCC 12 warns falsely on it under -O2).
std::string Id(const char* prefix, int i) {
  std::string id = prefix;
  id += std::to_string(i);
  return id;
}

GamingPolicy Defaults(Date on = D(2023, 12, 31)) {
  return GamingPolicy::At(PolicySet::Defaults(), on);
}

std::vector<std::string> Subjects(const std::vector<GamingFinding>& findings) {
  std::vector<std::string> out;
  for (const GamingFinding& f : findings) out.push_back(f.subject);
  return out;
}

std::int64_t Measure(const GamingFinding& f, std::string_view name) {
  for (const GamingMeasure& m : f.measures) {
    if (m.name == name) return m.value;
  }
  ADD_FAILURE() << "no measure " << name;
  return -1;
}

// The thresholds are policy data with the defaults of docs/definitions.md §20.
TEST(Gaming, PolicyDefaultsAndBounds) {
  const GamingPolicy p = Defaults();
  EXPECT_EQ(p.cutoff_day, 0);
  EXPECT_EQ(p.rush_days, 5);
  EXPECT_EQ(p.reversal_days, 30);
  EXPECT_EQ(p.tender_threshold_fen, 400'000'000);
  EXPECT_EQ(p.split_window_days, 90);
  EXPECT_EQ(p.split_margin_bp, 2000);
  EXPECT_EQ(p.payee_max_counties, 3);
  EXPECT_EQ(p.payee_max_projects, 10);
  EXPECT_EQ(p.payee_window_days, 365);
  EXPECT_EQ(p.round_unit_fen, 1'000'000);
  EXPECT_EQ(p.month_end_days, 3);
  EXPECT_EQ(p.round_min_count, 3);
  EXPECT_EQ(p.round_share_bp, 5000);
  EXPECT_EQ(p.return_window_days, 90);
  const GamingPolicy changed =
      GamingPolicy::At(PolicySet::WithChanges({{"gaming_payee_max_counties", D(2023, 7, 1), 5}}), D(2023, 7, 1));
  EXPECT_EQ(changed.payee_max_counties, 5);
  EXPECT_EQ(GamingPolicy::At(PolicySet::WithChanges({{"gaming_payee_max_counties", D(2023, 7, 1), 5}}), D(2023, 6, 30))
                .payee_max_counties,
            3);

  EXPECT_EQ(PolicySet::CheckValue(PolicyKey::kGamingCutoffRushDays, 31), "");
  EXPECT_NE(PolicySet::CheckValue(PolicyKey::kGamingCutoffRushDays, 32), "");
  EXPECT_NE(PolicySet::CheckValue(PolicyKey::kGamingSplitWindowDays, 0), "");
  EXPECT_NE(PolicySet::CheckValue(PolicyKey::kGamingSplitMarginBp, 10001), "");
  EXPECT_EQ(PolicySet::CheckValue(PolicyKey::kGamingSplitMarginBp, 0), "");
  EXPECT_NE(PolicySet::CheckValue(PolicyKey::kGamingRoundUnitFen, 99), "");
  EXPECT_EQ(PolicySet::CheckValue(PolicyKey::kGamingRoundUnitFen, 100), "");
  EXPECT_NE(PolicySet::CheckValue(PolicyKey::kGamingMonthEndDays, 29), "");
  EXPECT_NE(PolicySet::CheckValue(PolicyKey::kGamingPayeeMaxCounties, 0), "");
  EXPECT_NE(PolicySet::CheckValue(PolicyKey::kGamingReturnWindowDays, -1), "");
  EXPECT_FALSE(PolicySet::IsRegionalKey(PolicyKey::kGamingPayeeMaxCounties));
}

// The ranking cut-off is dispatch_cutoff_day of the month (0 or a day the month lacks: its last day),
// the next month's when the date lies after it.
TEST(Gaming, RankingCutoff) {
  EXPECT_EQ(RankingCutoffOn(D(2023, 6, 1), 0), D(2023, 6, 30));
  EXPECT_EQ(RankingCutoffOn(D(2023, 6, 30), 0), D(2023, 6, 30));
  EXPECT_EQ(RankingCutoffOn(D(2023, 6, 25), 25), D(2023, 6, 25));
  EXPECT_EQ(RankingCutoffOn(D(2023, 6, 26), 25), D(2023, 7, 25));
  EXPECT_EQ(RankingCutoffOn(D(2023, 2, 10), 31), D(2023, 2, 28));
  EXPECT_EQ(RankingCutoffOn(D(2023, 12, 31), 25), D(2024, 1, 25));
}

// 截止前突击支出: booked 0–4 days up to the 06-30 cut-off, reversed 1–30 days after it.
TEST(Gaming, CutoffRushPlantedAndNearMisses) {
  const GamingEntry e1 = Expend("E1", D(2023, 6, 28), 12'345'678, "甲建工");  // 2 days before
  const GamingEntry e2 = Expend("E2", D(2023, 6, 25), 500'000, "甲建工");     // 5 days before: too early
  const GamingEntry e3 = Expend("E3", D(2023, 6, 26), 700'000, "乙建工");     // 4 days before
  const GamingEntry e4 = Expend("E4", D(2023, 6, 26), 800'000, "乙建工");
  const GamingEntry e5 = Expend("E5", D(2023, 6, 29), 900'000, "乙建工");  // reversed before the cut-off
  const GamingEntry gov = Expend("G1", D(2023, 6, 29), 1'000'000, "县财政专户", "540102", "P", PayeeType::kGovAccount);
  GamingInput in;
  in.entries = {e1,
                e2,
                e3,
                e4,
                e5,
                gov,
                Reverse("R1", D(2023, 7, 3), e1),  // 3 days after
                Reverse("R2", D(2023, 7, 3), e2),
                Reverse("R3", D(2023, 7, 31), e3),   // 31 days after: too late
                Reverse("R4", D(2023, 7, 30), e4),   // 30 days after: within
                Reverse("R5", D(2023, 6, 30), e5),   // on the cut-off: not after it
                Reverse("RG", D(2023, 7, 3), gov)};  // 以拨代支回流's, not this rule's
  in.as_of = D(2023, 7, 31);
  const std::vector<GamingFinding> found = DetectCutoffRush(in, Defaults());
  ASSERT_EQ(Subjects(found), (std::vector<std::string>{"E1", "E4"}));
  const GamingFinding& f = found[0];
  EXPECT_EQ(f.kind, "cutoff_rush");
  EXPECT_EQ(f.amount, Fen(12'345'678));
  EXPECT_EQ(f.raised_on, D(2023, 7, 3));
  EXPECT_EQ(f.cutoff, D(2023, 6, 30));
  EXPECT_EQ(Measure(f, "days_before_cutoff"), 2);
  EXPECT_EQ(Measure(f, "days_after_cutoff"), 3);
  ASSERT_EQ(f.entries.size(), 2u);
  EXPECT_EQ(f.entries[1].entry_id, "R1");
  EXPECT_EQ(f.ledger.text, "E1");
  EXPECT_EQ(Measure(found[1], "days_before_cutoff"), 4);
  EXPECT_EQ(Measure(found[1], "days_after_cutoff"), 30);

  // Before the reversal is booked there is nothing to see.
  in.as_of = D(2023, 7, 2);
  EXPECT_TRUE(DetectCutoffRush(in, Defaults()).empty());
  // A cut-off on the 25th moves the window: E1 (06-28) now lies 27 days before 07-25, while E2 was
  // booked on the cut-off itself and reversed 8 days after it.
  GamingPolicy p = Defaults();
  p.cutoff_day = 25;
  in.as_of = D(2023, 7, 31);
  const std::vector<GamingFinding> on25 = DetectCutoffRush(in, p);
  ASSERT_EQ(Subjects(on25), (std::vector<std::string>{"E2"}));
  EXPECT_EQ(on25[0].cutoff, D(2023, 6, 25));
  EXPECT_EQ(Measure(on25[0], "days_after_cutoff"), 8);
}

// 化整为零规避招标: two parts each in [3,200,000, 4,000,000) 元 of one village, category and contractor,
// first paid within 90 days, together ≥ 4,000,000 元.
TEST(Gaming, TenderSplitPlantedAndNearMisses) {
  auto project = [](std::string code, std::int64_t fen, std::string village = "540102001",
                    std::string category = "0301") {
    return GamingProject{code, code + "道路", std::move(village), std::move(category), Fen(fen)};
  };
  GamingInput in;
  in.projects = {project("S1", 399'999'999),  // 3,999,999.99 元
                 project("S2", 350'000'000),  // first paid 90 days after S1
                 project("S3", 360'000'000),  // first paid 91 days after S4
                 project("S4", 390'000'000),
                 project("S5", 400'000'000),                        // at the threshold: tendered
                 project("S6", 319'999'999),                        // below the margin
                 project("S7", 380'000'000, "540102002"),           // another village
                 project("S8", 380'000'000, "540102001", "0101")};  // another category
  in.entries = {Expend("A1", D(2023, 3, 1), 100'000'000, "建工甲", "540102", "S1"),
                Expend("A2", D(2023, 5, 30), 50'000'000, "建工甲", "540102", "S2"),
                Expend("A3", D(2023, 6, 1), 20'000'000, "建工甲", "540102", "S2"),
                Expend("B1", D(2023, 1, 10), 10'000'000, "建工乙", "540102", "S4"),
                Expend("B2", D(2023, 4, 11), 10'000'000, "建工乙", "540102", "S3"),  // 91 days after B1
                Expend("B3", D(2023, 1, 12), 10'000'000, "建工乙", "540102", "S5"),
                Expend("B4", D(2023, 1, 13), 10'000'000, "建工乙", "540102", "S6"),
                Expend("C1", D(2023, 3, 2), 10'000'000, "建工甲", "540102", "S7"),
                Expend("C2", D(2023, 3, 3), 10'000'000, "建工甲", "540102", "S8"),
                Expend("G1", D(2023, 1, 11), 10'000'000, "乡财政所", "540102", "S4", PayeeType::kGovAccount)};
  in.as_of = D(2023, 12, 31);
  const std::vector<GamingFinding> found = DetectTenderSplit(in, Defaults());
  ASSERT_EQ(Subjects(found), (std::vector<std::string>{"S1"}));
  const GamingFinding& f = found[0];
  EXPECT_EQ(f.kind, "tender_split");
  EXPECT_EQ(f.region_code, "540102001");
  EXPECT_EQ(f.amount, Fen(749'999'999));
  EXPECT_EQ(f.raised_on, D(2023, 5, 30));
  EXPECT_EQ(Measure(f, "parts"), 2);
  EXPECT_EQ(Measure(f, "span_days"), 90);
  ASSERT_EQ(f.projects.size(), 2u);
  EXPECT_EQ(f.projects[1].project_code, "S2");
  EXPECT_EQ(f.projects[1].first_paid_on, D(2023, 5, 30));
  EXPECT_EQ(f.projects[1].paid, Fen(70'000'000));
  EXPECT_EQ(f.ledger.text, "建工甲");
  EXPECT_EQ(f.ledger.from, D(2023, 3, 1));
  EXPECT_EQ(f.ledger.region_code, "540102");  // the county the payments are booked to

  // One day more apart (S2 first paid on 05-31) and there is no split.
  in.entries[1].date = D(2023, 5, 31);
  in.entries[2].date = D(2023, 6, 1);
  EXPECT_TRUE(DetectTenderSplit(in, Defaults()).empty());
  // A wider margin takes S6 in beside S4 and S5 stays out (at the threshold).
  GamingPolicy wide = Defaults();
  wide.split_margin_bp = 3000;
  ASSERT_EQ(Subjects(DetectTenderSplit(in, wide)), (std::vector<std::string>{"S4"}));
  EXPECT_EQ(DetectTenderSplit(in, wide)[0].amount, Fen(390'000'000 + 319'999'999));
}

// 收款方跨县跨项目: more than 3 counties or 10 projects within 365 days up to as_of.
TEST(Gaming, PayeeSpreadPlantedAndNearMisses) {
  GamingInput in;
  const char* counties[] = {"540102", "540103", "540104", "540105"};
  for (int i = 0; i < 4; ++i) {  // 4 counties: one over the limit
    in.entries.push_back(Expend(Id("X", i), D(2023, 1 + i, 10), 1'000'000 + i, "路桥公司", counties[i], Id("PX", i)));
  }
  for (int i = 0; i < 3; ++i) {  // 3 counties: at the limit
    in.entries.push_back(Expend(Id("Y", i), D(2023, 1 + i, 10), 1'000'000, "水利公司", counties[i], Id("PY", i)));
  }
  for (int i = 0; i < 11; ++i) {  // 11 projects in one county
    in.entries.push_back(Expend(Id("Z", i), D(2023, 2, 1 + i), 100'000, "农机合作社", "540102", Id("PZ", i)));
  }
  for (int i = 0; i < 10; ++i) {  // 10 projects: at the limit
    in.entries.push_back(Expend(Id("V", i), D(2023, 2, 1 + i), 100'000, "种植合作社", "540102", Id("PV", i)));
  }
  // 4 counties, but one payment a day before the window (as_of 2023-12-31: window from 2023-01-01).
  in.entries.push_back(Expend("W0", D(2022, 12, 31), 1'000'000, "监理公司", "540102", "PW0"));
  for (int i = 1; i < 4; ++i) {
    in.entries.push_back(Expend(Id("W", i), D(2023, i, 1), 1'000'000, "监理公司", counties[i], Id("PW", i)));
  }
  // 4 counties, one of them reversed.
  for (int i = 0; i < 4; ++i) {
    in.entries.push_back(Expend(Id("U", i), D(2023, 3, 1 + i), 1'000'000, "设计院", counties[i], Id("PU", i)));
  }
  in.entries.push_back(Reverse("UR", D(2023, 4, 1), in.entries.back()));
  in.as_of = D(2023, 12, 31);
  const std::vector<GamingFinding> found = DetectPayeeSpread(in, Defaults());
  ASSERT_EQ(Subjects(found), (std::vector<std::string>{"农机合作社", "路桥公司"}));
  const GamingFinding& roads = found[1];
  EXPECT_EQ(roads.kind, "payee_spread");
  EXPECT_EQ(roads.amount, Fen(4'000'006));
  EXPECT_EQ(roads.raised_on, D(2023, 4, 10));  // the fourth county
  EXPECT_EQ(roads.counties, (std::vector<std::string>{"540102", "540103", "540104", "540105"}));
  EXPECT_EQ(Measure(roads, "counties"), 4);
  EXPECT_EQ(Measure(roads, "projects"), 4);
  EXPECT_EQ(roads.ledger.text, "路桥公司");
  EXPECT_EQ(roads.ledger.from, D(2023, 1, 1));
  const GamingFinding& coop = found[0];
  EXPECT_EQ(Measure(coop, "counties"), 1);
  EXPECT_EQ(Measure(coop, "projects"), 11);
  EXPECT_EQ(coop.amount, Fen(1'100'000));
  EXPECT_EQ(coop.raised_on, D(2023, 2, 11));
  // The window moved back one day takes W0 in.
  in.as_of = D(2023, 12, 30);
  EXPECT_EQ(Subjects(DetectPayeeSpread(in, Defaults())),
            (std::vector<std::string>{"农机合作社", "监理公司", "路桥公司"}));
}

// The evidence of a wide payee lists the 20 projects paid most and the first 20 entries; the measures count all.
TEST(Gaming, PayeeSpreadEvidenceIsCapped) {
  GamingInput in;
  for (int i = 0; i < 25; ++i) {
    in.entries.push_back(Expend(Id("E", i), D(2023, 1, 1 + i), 100'000 + i, "总包公司", "540102", Id("P", i)));
  }
  in.as_of = D(2023, 12, 31);
  const std::vector<GamingFinding> found = DetectPayeeSpread(in, Defaults());
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(Measure(found[0], "projects"), 25);
  EXPECT_EQ(Measure(found[0], "entries"), 25);
  ASSERT_EQ(found[0].projects.size(), 20u);
  EXPECT_EQ(found[0].projects.front().project_code, "P24");
  EXPECT_EQ(found[0].projects.front().paid, Fen(100'024));
  EXPECT_EQ(found[0].projects.back().project_code, "P5");
  ASSERT_EQ(found[0].entries.size(), 20u);
  EXPECT_EQ(found[0].entries.back().entry_id, "E19");
  EXPECT_EQ(found[0].raised_on, D(2023, 1, 11));  // the eleventh project
}

// 月末整数支出集中: ≥ 3 whole-万元 expenditures in a county's last 3 days of a month, ≥ 50% of them.
TEST(Gaming, MonthEndRoundPlantedAndNearMisses) {
  GamingInput in;
  in.entries = {
      // 540102: 3 round of 4 at June's end (75%).
      Expend("A1", D(2023, 6, 28), 5'000'000, "甲", "540102"), Expend("A2", D(2023, 6, 29), 2'000'000, "甲", "540102"),
      Expend("A3", D(2023, 6, 30), 10'000'000, "甲", "540102"), Expend("A4", D(2023, 6, 30), 1'234'567, "甲", "540102"),
      // 540103: 3 round of 7 (42.85%).
      Expend("B1", D(2023, 6, 28), 1'000'000, "乙", "540103"), Expend("B2", D(2023, 6, 28), 1'000'000, "乙", "540103"),
      Expend("B3", D(2023, 6, 28), 1'000'000, "乙", "540103"), Expend("B4", D(2023, 6, 29), 1'000'001, "乙", "540103"),
      Expend("B5", D(2023, 6, 29), 1'000'002, "乙", "540103"), Expend("B6", D(2023, 6, 29), 1'000'003, "乙", "540103"),
      Expend("B7", D(2023, 6, 29), 1'000'004, "乙", "540103"),
      // 540104: 2 round at the month's end, the third a day before the window.
      Expend("C1", D(2023, 6, 27), 3'000'000, "丙", "540104"), Expend("C2", D(2023, 6, 28), 3'000'000, "丙", "540104"),
      Expend("C3", D(2023, 6, 30), 3'000'000, "丙", "540104")};
  in.as_of = D(2023, 7, 15);
  const std::vector<GamingFinding> found = DetectMonthEndRound(in, Defaults());
  ASSERT_EQ(Subjects(found), (std::vector<std::string>{"540102@2023-06"}));
  const GamingFinding& f = found[0];
  EXPECT_EQ(f.kind, "month_end_round");
  EXPECT_EQ(f.region_code, "540102");
  EXPECT_EQ(f.amount, Fen(17'000'000));
  EXPECT_EQ(f.raised_on, D(2023, 6, 30));
  EXPECT_EQ(Measure(f, "round_count"), 3);
  EXPECT_EQ(Measure(f, "month_end_count"), 4);
  EXPECT_EQ(Measure(f, "share_bp"), 7500);
  EXPECT_EQ(f.ledger.from, D(2023, 6, 28));
  EXPECT_EQ(f.ledger.to, D(2023, 6, 30));
  // On 06-29 only two were booked.
  in.as_of = D(2023, 6, 29);
  EXPECT_TRUE(DetectMonthEndRound(in, Defaults()).empty());
  // Reversing one of the three leaves two.
  in.as_of = D(2023, 7, 15);
  in.entries.push_back(Reverse("AR", D(2023, 7, 2), in.entries[0]));
  EXPECT_TRUE(DetectMonthEndRound(in, Defaults()).empty());
}

// 以拨代支回流: an expenditure to a government account reversed 1–90 days later.
TEST(Gaming, GovAccountReturnPlantedAndNearMisses) {
  auto gov = [](std::string id, Date d) {
    return Expend(std::move(id), d, 30'000'000, "县财政专户", "540102", "P", PayeeType::kGovAccount);
  };
  const GamingEntry g1 = gov("G1", D(2023, 3, 1));
  const GamingEntry g2 = gov("G2", D(2023, 3, 1));
  const GamingEntry g3 = gov("G3", D(2023, 3, 1));
  const GamingEntry n1 = Expend("N1", D(2023, 3, 1), 30'000'000, "建工甲");
  GamingInput in;
  in.entries = {g1,
                g2,
                g3,
                n1,
                Reverse("R1", D(2023, 5, 30), g1),  // 90 days
                Reverse("R2", D(2023, 5, 31), g2),  // 91 days
                Reverse("R3", D(2023, 3, 1), g3),   // the same day: a correction
                Reverse("RN", D(2023, 4, 1), n1)};  // not a government account
  in.as_of = D(2023, 12, 31);
  const std::vector<GamingFinding> found = DetectGovAccountReturn(in, Defaults());
  ASSERT_EQ(Subjects(found), (std::vector<std::string>{"G1"}));
  EXPECT_EQ(found[0].kind, "gov_account_return");
  EXPECT_EQ(found[0].amount, Fen(30'000'000));
  EXPECT_EQ(found[0].raised_on, D(2023, 5, 30));
  EXPECT_EQ(Measure(found[0], "days_parked"), 90);
  in.as_of = D(2023, 5, 29);
  EXPECT_TRUE(DetectGovAccountReturn(in, Defaults()).empty());
}

}  // namespace domain_gaming_test
}  // namespace xj
