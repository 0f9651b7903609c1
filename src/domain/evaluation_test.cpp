#include "domain/evaluation.hpp"

#include <gtest/gtest.h>

#include <map>

namespace xj {
namespace domain_evaluation_test {

const EvaluationTemplate& V2025() {
  const EvaluationTemplate* t = FindEvaluationTemplate(EvaluationTemplates(), "2025.1");
  EXPECT_NE(t, nullptr);
  return *t;
}

EvaluationFigure RatioFigure(std::int64_t num, std::int64_t den) {
  return {Ratio{num, den}, std::nullopt};
}
EvaluationFigure CountFigure(std::int64_t n) {
  return {std::nullopt, n};
}

/// Scores every item of the template: engine items from `figures` (an undefined figure falls to
/// `manual`, as the app does), manual items from `manual` (checked with an evidence note).
std::vector<ItemPoints> Score(const EvaluationTemplate& t, const std::map<std::string, EvaluationFigure>& figures,
                              const std::map<std::string, std::int64_t>& manual) {
  std::vector<ItemPoints> out;
  for (const EvaluationItem& item : t.items) {
    std::optional<std::int64_t> points;
    if (auto f = figures.find(item.id); f != figures.end()) points = EngineItemPoints(item, f->second);
    if (!points) {
      auto m = manual.find(item.id);
      if (m != manual.end()) {
        EXPECT_TRUE(CheckManualScore(item, m->second, "佐证材料").ok()) << item.id;
        points = m->second;
      }
    }
    out.push_back({item.id, points});
  }
  return out;
}

TEST(Evaluation, TemplatesAddUpToOneHundredPointsInFourParts) {
  for (const EvaluationTemplate& t : EvaluationTemplates()) {
    EXPECT_EQ(t.MaxTotal(), 10000) << t.version;
    std::int64_t parts[4] = {0, 0, 0, 0};
    for (const EvaluationItem& i : t.items) {
      parts[static_cast<int>(i.part) - 1] += i.max_points;
      EXPECT_EQ(i.rule == EvaluationRule::kManual, i.metric == EvaluationMetric::kNone) << i.id;
      if (i.part == EvaluationPart::kAdjustment) {
        EXPECT_LT(i.min_points, 0) << i.id;
      }
    }
    EXPECT_EQ(parts[0], 1500) << t.version;  // 资金分解下达
    EXPECT_EQ(parts[1], 2500) << t.version;  // 项目管理
    EXPECT_EQ(parts[2], 6000) << t.version;  // 使用成效
    EXPECT_EQ(parts[3], 0) << t.version;     // 加减分: deductions only
  }
}

// 甲县, template 2025.1, computed by hand (points in hundredths):
//   A1 资金分配及时性  1 receipt late:          10 − 2 × 1                 =  8.00 →  800
//   A2 资金分配合理性  evaluator                                           =  4.50 →  450
//   B1/B2/B3          evaluator 5, 4, 5                                    → 500 + 400 + 500
//   B4 问题整改        7 of 8 findings verified: 10 × 7/8 = 8.75            →  875
//   C1 预算执行率      92.34%: 25 × 0.9234 = 23.085, half away from zero    → 2309
//   C2 产业占比        55% against 60%: 15 × 55/60 = 13.75                  → 1375
//   C3/C4             evaluator 9, 8                                       →  900 + 800
//   D1 审计发现问题    evaluator −1                                         → −100
//   D2 以拨代支        12,000 of 1,000,000 元 = 1.2%: −5 × 1.2/5 = −1.20    → −120
//   D3 超进度拨款      0 of 1,000,000 元                                    →    0
//   parts: A 1250, B 2275, C 5384, D −220; total 1250 + 2275 + 5384 − 220 = 8689 (86.89) → 良
TEST(Evaluation, HandComputedCountyJia) {
  const EvaluationTemplate& t = V2025();
  auto scores = Score(t,
                      {{"A1", CountFigure(1)},
                       {"B4", RatioFigure(7, 8)},
                       {"C1", RatioFigure(9234, 10000)},
                       {"C2", RatioFigure(5500, 10000)},
                       {"D2", RatioFigure(1'200'000, 100'000'000)},
                       {"D3", RatioFigure(0, 100'000'000)}},
                      {{"A2", 450}, {"B1", 500}, {"B2", 400}, {"B3", 500}, {"C3", 900}, {"C4", 800}, {"D1", -100}});
  std::map<std::string, std::int64_t> by_id;
  for (const ItemPoints& s : scores) by_id[s.item_id] = s.points.value_or(-99999);
  EXPECT_EQ(by_id["A1"], 800);
  EXPECT_EQ(by_id["B4"], 875);
  EXPECT_EQ(by_id["C1"], 2309);
  EXPECT_EQ(by_id["C2"], 1375);
  EXPECT_EQ(by_id["D2"], -120);
  EXPECT_EQ(by_id["D3"], 0);
  EvaluationTotals totals = SumEvaluation(t, scores);
  EXPECT_EQ(totals.unscored, 0);
  EXPECT_EQ(totals.parts[0], 1250);
  EXPECT_EQ(totals.parts[1], 2275);
  EXPECT_EQ(totals.parts[2], 5384);
  EXPECT_EQ(totals.parts[3], -220);
  EXPECT_EQ(totals.total, 8689);
  EXPECT_EQ(GradeOf(totals.total, GradeBands{}), "good");
}

// 乙县, template 2025.1, computed by hand (points in hundredths):
//   A1 资金分配及时性  7 receipts late: 10 − 2 × 7 = −4, never below 0      →    0
//   A2                evaluator 3                                          →  300
//   B1/B2/B3          evaluator 3, 3, 2                                    → 300 + 300 + 200
//   B4 问题整改        no findings in the year: undefined, the evaluator    →  600
//   C1 预算执行率      1/3: 25 × 1/3 = 8.333…                               →  833
//   C2 产业占比        70% ≥ 60%: full                                      → 1500
//   C3/C4             evaluator 5, 4                                       →  500 + 400
//   D1                evaluator 0                                          →    0
//   D2 以拨代支        7%: −5 × 7/5 = −7, never beyond −5                   → −500
//   D3 超进度拨款      2,500 of 1,000,000 元 = 0.25%: −5 × 0.25/5 = −0.25   →  −25
//   parts: A 300, B 1400, C 3233, D −525; total 300 + 1400 + 3233 − 525 = 4408 (44.08) → 差
TEST(Evaluation, HandComputedCountyYi) {
  const EvaluationTemplate& t = V2025();
  auto scores =
      Score(t,
            {{"A1", CountFigure(7)},
             {"B4", RatioFigure(0, 0)},
             {"C1", RatioFigure(1, 3)},
             {"C2", RatioFigure(7000, 10000)},
             {"D2", RatioFigure(7'000'000, 100'000'000)},
             {"D3", RatioFigure(250'000, 100'000'000)}},
            {{"A2", 300}, {"B1", 300}, {"B2", 300}, {"B3", 200}, {"B4", 600}, {"C3", 500}, {"C4", 400}, {"D1", 0}});
  EvaluationTotals totals = SumEvaluation(t, scores);
  EXPECT_EQ(totals.unscored, 0);
  EXPECT_EQ(totals.parts[0], 300);
  EXPECT_EQ(totals.parts[1], 1400);
  EXPECT_EQ(totals.parts[2], 3233);
  EXPECT_EQ(totals.parts[3], -525);
  EXPECT_EQ(totals.total, 4408);
  EXPECT_EQ(GradeOf(totals.total, GradeBands{}), "fail");
}

TEST(Evaluation, UndefinedFigureIsNotScoredByTheEngine) {
  const EvaluationTemplate& t = V2025();
  EXPECT_FALSE(EngineItemPoints(*t.Find("C1"), RatioFigure(5, 0)).has_value());
  EXPECT_FALSE(EngineItemPoints(*t.Find("C1"), CountFigure(3)).has_value());  // wrong kind
  EXPECT_FALSE(EngineItemPoints(*t.Find("A1"), RatioFigure(1, 2)).has_value());
  EXPECT_FALSE(EngineItemPoints(*t.Find("A2"), CountFigure(0)).has_value());  // manual
  // A negative figure (reversals beyond the allocations) scores nothing, never below 0.
  EXPECT_EQ(EngineItemPoints(*t.Find("C1"), RatioFigure(-1, 10)), 0);
  // A negative denominator is the same ratio.
  EXPECT_EQ(EngineItemPoints(*t.Find("C1"), RatioFigure(-1, -2)), 1250);
}

TEST(Evaluation, ManualScoreBoundsAndEvidence) {
  const EvaluationTemplate& t = V2025();
  const EvaluationItem& a2 = *t.Find("A2");  // 0 … 5
  EXPECT_TRUE(CheckManualScore(a2, 0, "说明").ok());
  EXPECT_TRUE(CheckManualScore(a2, 500, "说明").ok());
  EXPECT_EQ(CheckManualScore(a2, 501, "说明").code_name(), "score_out_of_range");
  EXPECT_EQ(CheckManualScore(a2, -1, "说明").code_name(), "score_out_of_range");
  EXPECT_EQ(CheckManualScore(a2, 300, "  \n").code_name(), "missing_evidence");
  const EvaluationItem& d1 = *t.Find("D1");  // −5 … 0
  EXPECT_TRUE(CheckManualScore(d1, -500, "审计报告").ok());
  EXPECT_EQ(CheckManualScore(d1, -501, "审计报告").code_name(), "score_out_of_range");
  EXPECT_EQ(CheckManualScore(d1, 1, "审计报告").code_name(), "score_out_of_range");
}

TEST(Evaluation, GradeBandEdges) {
  const GradeBands bands;  // 90 / 80 / 60
  EXPECT_EQ(GradeOf(10000, bands), "excellent");
  EXPECT_EQ(GradeOf(9000, bands), "excellent");
  EXPECT_EQ(GradeOf(8999, bands), "good");
  EXPECT_EQ(GradeOf(8000, bands), "good");
  EXPECT_EQ(GradeOf(7999, bands), "pass");
  EXPECT_EQ(GradeOf(6000, bands), "pass");
  EXPECT_EQ(GradeOf(5999, bands), "fail");
  EXPECT_EQ(GradeOf(-500, bands), "fail");
  // Bands are policy: a region raising 优 to 95 grades 94.99 as 良.
  EXPECT_EQ(GradeOf(9499, GradeBands{9500, 8000, 6000}), "good");
  EXPECT_EQ(GradeLabel("excellent"), "优");
  EXPECT_EQ(GradeLabel("good"), "良");
  EXPECT_EQ(GradeLabel("pass"), "中");
  EXPECT_EQ(GradeLabel("fail"), "差");
}

// An evaluation keeps the version it was created with: the same figures score by that version's
// points after a later version has taken effect.
TEST(Evaluation, TemplateVersionPinning) {
  const auto versions = EvaluationTemplates();
  const EvaluationTemplate* in_2024 = CurrentEvaluationTemplate(versions, Date::FromYmd(2024, 12, 31));
  const EvaluationTemplate* in_2025 = CurrentEvaluationTemplate(versions, Date::FromYmd(2025, 1, 1));
  ASSERT_NE(in_2024, nullptr);
  ASSERT_NE(in_2025, nullptr);
  EXPECT_EQ(in_2024->version, "2021.1");
  EXPECT_EQ(in_2025->version, "2025.1");
  EXPECT_EQ(CurrentEvaluationTemplate(versions, Date::FromYmd(2020, 12, 31)), nullptr);
  EXPECT_EQ(FindEvaluationTemplate(versions, "1999.9"), nullptr);

  // An evaluation created in 2024 stored "2021.1"; scored today it still reads that version:
  // 预算执行率 92.34% is 30 × 0.9234 = 27.702 → 2770 there, 25 × 0.9234 → 2309 in 2025.1;
  // one late receipt costs 2.5 points there (750), 2 in 2025.1 (800).
  const EvaluationTemplate* pinned = FindEvaluationTemplate(versions, in_2024->version);
  ASSERT_NE(pinned, nullptr);
  EXPECT_EQ(EngineItemPoints(*pinned->Find("C1"), RatioFigure(9234, 10000)), 2770);
  EXPECT_EQ(EngineItemPoints(*in_2025->Find("C1"), RatioFigure(9234, 10000)), 2309);
  EXPECT_EQ(EngineItemPoints(*pinned->Find("A1"), CountFigure(1)), 750);
  EXPECT_EQ(EngineItemPoints(*in_2025->Find("A1"), CountFigure(1)), 800);
}

}  // namespace domain_evaluation_test
}  // namespace xj
