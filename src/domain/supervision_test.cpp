#include "domain/supervision.hpp"

#include <gtest/gtest.h>

#include "domain/domain_test_support.hpp"

namespace xj {
namespace domain_supervision_test {

using testing::R;

class CoverageTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto built = RegionTree::Build({
        R("540000", RegionLevel::kProvince, ""),
        R("540100", RegionLevel::kPrefecture, "540000"),
        R("540102", RegionLevel::kCounty, "540100"),
        R("540102001", RegionLevel::kTownship, "540102"),
        R("540103", RegionLevel::kCounty, "540100"),
        R("540200", RegionLevel::kPrefecture, "540000"),
        R("540202", RegionLevel::kCounty, "540200"),
    });
    ASSERT_TRUE(built.ok()) << built.status().ToString();
    tree_ = std::move(*built);
  }
  RegionIndex At(std::string_view code) const { return tree_.Find(code); }
  RegionTree tree_;
};

TEST_F(CoverageTest, CountsEachPrefectureAndCountyOnceThroughTheirPlaces) {
  // Visit 1: the township 540102001 (→ county 540102, prefecture 540100) and project P1 in 540103.
  // Visit 2: the county 540102 again and P1 again, plus P2 in 540202 (→ 540200).
  // Visit 3: only the prefecture 540200 itself: a prefecture, no county.
  // Visit 4: only the province: no prefecture, no county, but a visit of the province.
  std::vector<CoveredPlaces> visits = {
      {{At("540102001")}, {{"P1", At("540103")}}},
      {{At("540102")}, {{"P1", At("540103")}, {"P2", At("540202")}}},
      {{At("540200")}, {}},
      {{At("540000")}, {}},
  };
  SupervisionCoverage all = CountCoverage(tree_, At("540000"), visits);
  EXPECT_EQ(all.visits, 4);
  EXPECT_EQ(all.prefectures_covered, 2);  // 540100, 540200
  EXPECT_EQ(all.counties_covered, 3);     // 540102, 540103, 540202
  EXPECT_EQ(all.projects_checked, 2);     // P1, P2

  // 拉萨市 540100: visits 1 and 2 reach it; visit 3 (日喀则) and 4 (the province, above it) do not.
  SupervisionCoverage lhasa = CountCoverage(tree_, At("540100"), visits);
  EXPECT_EQ(lhasa.visits, 2);
  EXPECT_EQ(lhasa.prefectures_covered, 1);
  EXPECT_EQ(lhasa.counties_covered, 2);
  EXPECT_EQ(lhasa.projects_checked, 1);

  // 日喀则市 540200: visit 2 (P2) and visit 3 (the prefecture); one county, through P2.
  SupervisionCoverage shigatse = CountCoverage(tree_, At("540200"), visits);
  EXPECT_EQ(shigatse.visits, 2);
  EXPECT_EQ(shigatse.prefectures_covered, 1);
  EXPECT_EQ(shigatse.counties_covered, 1);
  EXPECT_EQ(shigatse.projects_checked, 1);

  // A county counts the prefecture it lies in.
  SupervisionCoverage county = CountCoverage(tree_, At("540102"), visits);
  EXPECT_EQ(county.visits, 2);
  EXPECT_EQ(county.prefectures_covered, 1);
  EXPECT_EQ(county.counties_covered, 1);
  EXPECT_EQ(county.projects_checked, 0);
}

TEST_F(CoverageTest, NoVisitsCoverNothing) {
  SupervisionCoverage none = CountCoverage(tree_, At("540000"), {});
  EXPECT_EQ(none.visits, 0);
  EXPECT_EQ(none.prefectures_covered, 0);
  EXPECT_EQ(none.counties_covered, 0);
  EXPECT_EQ(none.projects_checked, 0);
}

TEST(FindingCategoryTest, NamesRoundTrip) {
  for (FindingCategory c : {FindingCategory::kFundUse, FindingCategory::kDisburseAsExpend, FindingCategory::kProgress,
                            FindingCategory::kQuality, FindingCategory::kAssetManagement, FindingCategory::kOther}) {
    EXPECT_EQ(ParseFindingCategory(FindingCategoryName(c)), c);
  }
  EXPECT_EQ(ParseFindingCategory("以拨代支"), std::nullopt);
  EXPECT_EQ(FindingCategoryLabel(FindingCategory::kDisburseAsExpend), "以拨代支");
}

}  // namespace domain_supervision_test
}  // namespace xj
