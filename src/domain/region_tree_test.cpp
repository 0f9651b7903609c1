#include "domain/region_tree.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <random>

#include "domain/domain_test_support.hpp"

namespace xj {
namespace domain_region_tree_test {

using testing::R;

TEST(RegionTreeTest, NumbersDepthFirstAndOrdersCodesAsStrings) {
  // Given shuffled: two provinces, a county with townships and villages, codes of 6, 9 and 12
  // digits sharing long prefixes (the sort keys compare 16-byte prefixes, then the strings).
  std::vector<Region> regions = {
      R("650000", RegionLevel::kProvince, ""),
      R("540000", RegionLevel::kProvince, ""),
      R("540100", RegionLevel::kPrefecture, "540000"),
      R("540102", RegionLevel::kCounty, "540100"),
      R("540102002", RegionLevel::kTownship, "540102"),
      R("540102001", RegionLevel::kTownship, "540102"),
      R("540102001002", RegionLevel::kVillage, "540102001"),
      R("540102001001", RegionLevel::kVillage, "540102001"),
      R("540102002001", RegionLevel::kVillage, "540102002"),
  };
  std::mt19937 rng(7);
  std::shuffle(regions.begin(), regions.end(), rng);
  auto tree = RegionTree::Build(regions);
  ASSERT_TRUE(tree.ok()) << tree.status().ToString();
  std::vector<std::string> dfs;
  for (RegionIndex i = 0; i < static_cast<RegionIndex>(tree->size()); ++i) dfs.push_back(tree->node(i).region.code);
  EXPECT_EQ(dfs, (std::vector<std::string>{"540000", "540100", "540102", "540102001", "540102001001", "540102001002",
                                           "540102002", "540102002001", "650000"}));
  // code_order is the rank of the code among all codes.
  std::vector<std::string> sorted = dfs;
  std::sort(sorted.begin(), sorted.end());
  for (RegionIndex i = 0; i < static_cast<RegionIndex>(tree->size()); ++i) {
    const auto& n = tree->node(i);
    EXPECT_EQ(sorted[static_cast<std::size_t>(n.code_order)], n.region.code);
  }
  const RegionIndex county = tree->Find("540102");
  ASSERT_NE(county, kNoRegion);
  EXPECT_EQ(tree->DescendantCount(county), 5);
  EXPECT_TRUE(tree->Contains(county, tree->Find("540102002001")));
  EXPECT_FALSE(tree->Contains(county, tree->Find("650000")));
  EXPECT_EQ(tree->Find("540102003"), kNoRegion);
  EXPECT_EQ(tree->CodesToRoot(tree->Find("540102001002")),
            (std::vector<std::string>{"540102001002", "540102001", "540102", "540100", "540000"}));
  EXPECT_EQ(tree->CodesToRoot(tree->Find("650000")), (std::vector<std::string>{"650000"}));
  EXPECT_TRUE(tree->CodesToRoot(kNoRegion).empty());
}

TEST(RegionTreeTest, RejectsDuplicatesMissingParentsAndCycles) {
  EXPECT_FALSE(
      RegionTree::Build({R("540000", RegionLevel::kProvince, ""), R("540000", RegionLevel::kProvince, "")}).ok());
  EXPECT_FALSE(RegionTree::Build({R("540100", RegionLevel::kPrefecture, "540000")}).ok());
  EXPECT_FALSE(RegionTree::Build(
                   {R("540100", RegionLevel::kPrefecture, "540200"), R("540200", RegionLevel::kPrefecture, "540100")})
                   .ok());
}

}  // namespace domain_region_tree_test
}  // namespace xj
