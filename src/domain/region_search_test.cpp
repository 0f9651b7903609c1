#include "domain/region_search.hpp"

#include <gtest/gtest.h>

namespace xj {
namespace domain_region_search_test {

Region R(std::string code, std::string name, RegionLevel level, std::string parent, std::string former = "") {
  return Region{std::move(code), std::move(name), level, std::move(parent), false, std::move(former)};
}

RegionTree Tree() {
  auto t = RegionTree::Build({
      R("540000", "西藏自治区", RegionLevel::kProvince, ""),
      R("540100", "拉萨市", RegionLevel::kPrefecture, "540000"),
      R("540102", "城关区", RegionLevel::kCounty, "540100"),
      R("540102001", "八廓街道", RegionLevel::kTownship, "540102"),
      R("540102001001", "团结新村", RegionLevel::kVillage, "540102001"),
      R("540102002", "蔡公堂乡", RegionLevel::kTownship, "540102"),
      R("540102002001", "团结新村", RegionLevel::kVillage, "540102002"),
      R("540124", "曲水县", RegionLevel::kCounty, "540100"),
      R("540400", "林芝市", RegionLevel::kPrefecture, "540000"),
      R("540402", "米林市", RegionLevel::kCounty, "540400", "米林县"),
  });
  EXPECT_TRUE(t.ok());
  return *t;
}

RegionQuery Q(std::string_view raw) {
  auto q = ParseRegionQuery(raw);
  EXPECT_TRUE(q.ok()) << raw;
  return q.ok() ? *q : RegionQuery{};
}

std::vector<std::string> Codes(const RegionTree& t, const RegionHits& h) {
  std::vector<std::string> out;
  for (RegionIndex i : h.regions) out.push_back(t.node(i).region.code);
  return out;
}

TEST(RegionSearchTest, PinyinInitialsOfHanCharactersIncludeEveryReading) {
  EXPECT_EQ(PinyinInitials(U'拉'), "l");
  EXPECT_EQ(PinyinInitials(U'萨'), "s");
  EXPECT_NE(PinyinInitials(U'藏').find('z'), std::string_view::npos) << "西藏: zàng";
  EXPECT_NE(PinyinInitials(U'藏').find('c'), std::string_view::npos) << "cáng";
  EXPECT_EQ(PinyinInitials(U'a'), "");
  EXPECT_EQ(PinyinInitials(U'，'), "");
}

TEST(RegionSearchTest, ParsesQueriesAndRefusesBadOnes) {
  EXPECT_EQ(Q("  LSQ ").kind, RegionQuery::Kind::kInitials);
  EXPECT_EQ(Q("  LSQ ").text, "lsq");
  EXPECT_EQ(Q("5401").kind, RegionQuery::Kind::kCode);
  EXPECT_EQ(Q("城关").kind, RegionQuery::Kind::kName);
  EXPECT_EQ(Q("城关 1").kind, RegionQuery::Kind::kName);
  EXPECT_EQ(ParseRegionQuery("   ").status().code(), ErrorCode::kInvalidArgument);
  EXPECT_EQ(ParseRegionQuery("").status().code(), ErrorCode::kInvalidArgument);
  EXPECT_EQ(ParseRegionQuery(std::string(21, 'a')).status().code(), ErrorCode::kInvalidArgument);
  EXPECT_TRUE(ParseRegionQuery(std::string(20, 'a')).ok());
  EXPECT_EQ(ParseRegionQuery("\xE5\x9F").status().code(), ErrorCode::kInvalidArgument) << "cut UTF-8";
  EXPECT_EQ(ParseRegionQuery("\xFF").status().code(), ErrorCode::kInvalidArgument);
}

TEST(RegionSearchTest, InitialsMatchARunOfCharactersAnywhereInTheName) {
  EXPECT_TRUE(RegionNameMatches("拉萨市", Q("lss")));
  EXPECT_TRUE(RegionNameMatches("拉萨市", Q("ls")));
  EXPECT_TRUE(RegionNameMatches("拉萨市", Q("ss")));
  EXPECT_FALSE(RegionNameMatches("拉萨市", Q("lsx")));
  EXPECT_FALSE(RegionNameMatches("拉萨市", Q("lsss")));
  EXPECT_TRUE(RegionNameMatches("西藏自治区", Q("xz")));
  EXPECT_TRUE(RegionNameMatches("城关区", Q("关区")));
  EXPECT_FALSE(RegionNameMatches("城关区", Q("城区")));
}

TEST(RegionSearchTest, SearchesSubtreesHigherLevelsFirstAndCapsTheHits) {
  const RegionTree t = Tree();
  const std::vector<RegionIndex> all = t.roots();
  EXPECT_EQ(Codes(t, SearchRegions(t, all, Q("lss"))), (std::vector<std::string>{"540100"}));
  EXPECT_EQ(Codes(t, SearchRegions(t, all, Q("ls"))), (std::vector<std::string>{"540100", "540402"})) << "米林市: 林市";
  EXPECT_EQ(Codes(t, SearchRegions(t, all, Q("tjxc"))), (std::vector<std::string>{"540102001001", "540102002001"}))
      << "both villages of the same name";
  EXPECT_EQ(Codes(t, SearchRegions(t, all, Q("区"))), (std::vector<std::string>{"540000", "540102"}));
  EXPECT_EQ(Codes(t, SearchRegions(t, all, Q("米林县"))), (std::vector<std::string>{"540402"})) << "former name";
  EXPECT_EQ(Codes(t, SearchRegions(t, all, Q("5401020"))),
            (std::vector<std::string>{"540102001", "540102002", "540102001001", "540102002001"}));
  // Only inside the given subtree: 林芝 does not see 拉萨's regions.
  const std::vector<RegionIndex> nyingchi = {t.Find("540400")};
  EXPECT_TRUE(SearchRegions(t, nyingchi, Q("lss")).regions.empty());
  const RegionHits capped = SearchRegions(t, all, Q("54"), 3);
  EXPECT_EQ(capped.regions.size(), 3u);
  EXPECT_TRUE(capped.truncated);
  EXPECT_FALSE(SearchRegions(t, all, Q("54")).truncated);
}

}  // namespace domain_region_search_test
}  // namespace xj
