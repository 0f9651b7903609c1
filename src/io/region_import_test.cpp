// Region import: every error of issue #2 is reported with its row and column.
#include "io/region_import.hpp"

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include "domain/region_tree.hpp"

namespace xj {
namespace io_region_import_test {

Result<std::vector<Region>> Import(const std::string& csv, const std::vector<Region>& existing = {}) {
  std::istringstream in(csv);
  CsvReader reader(in);
  XJ_ASSIGN_OR_RETURN(auto rows, ReadRegionRows(reader));
  return MergeRegionRows(existing, rows);
}

/// The single error of a rejected import.
FieldError OnlyError(const Result<std::vector<Region>>& r) {
  EXPECT_FALSE(r.ok());
  if (r.ok()) return {};
  EXPECT_EQ(r.status().details().size(), 1u) << r.status().ToString();
  return r.status().details().empty() ? FieldError{} : r.status().details()[0];
}

constexpr const char* kHeader = "code,name,level,parent_code\n";

TEST(RegionImportTest, ReadsEnglishAndChineseHeadersWithBom) {
  auto en = Import(std::string(kHeader) + "540000,西藏自治区,province,\n540100,拉萨市,prefecture,540000\n");
  ASSERT_TRUE(en.ok()) << en.status().ToString();
  EXPECT_EQ(en->size(), 2u);
  auto zh = Import(
      "\xEF\xBB\xBF区划代码,名称,级别,上级代码,重点乡镇\r\n540000,西藏自治区,自治区,,0\r\n"
      "540100,拉萨市,地市,540000,\r\n540102,城关区,县,540100,1\r\n");
  ASSERT_TRUE(zh.ok()) << zh.status().ToString();
  EXPECT_EQ(zh->size(), 3u);
}

TEST(RegionImportTest, TheShippedXizangListBuildsTheExpectedTree) {
  std::ifstream in(std::string(XJ_SOURCE_DIR) + "/data/xizang-regions.csv");
  ASSERT_TRUE(in.good());
  CsvReader reader(in);
  auto rows = ReadRegionRows(reader);
  ASSERT_TRUE(rows.ok()) << rows.status().ToString();
  auto merged = MergeRegionRows({}, *rows);
  ASSERT_TRUE(merged.ok()) << merged.status().ToString();
  auto tree = RegionTree::Build(*merged);
  ASSERT_TRUE(tree.ok());
  ASSERT_EQ(tree->roots().size(), 1u);
  const RegionIndex root = tree->roots()[0];
  EXPECT_EQ(tree->node(root).region.name, "西藏自治区");
  EXPECT_EQ(tree->node(root).children.size(), 7u);
  EXPECT_EQ(tree->DescendantsAtLevel(root, RegionLevel::kCounty).size(), 74u);
  EXPECT_EQ(tree->DescendantCount(root), 81);
  // Depth-first numbering: every subtree is a contiguous range.
  const RegionIndex lhasa = tree->Find("540100");
  const RegionIndex chengguan = tree->Find("540102");
  EXPECT_TRUE(tree->Contains(lhasa, chengguan));
  EXPECT_FALSE(tree->Contains(lhasa, tree->Find("540202")));
  EXPECT_EQ(tree->AncestorAtLevel(chengguan, RegionLevel::kPrefecture), lhasa);
}

TEST(RegionImportTest, MalformedCsvNamesTheRow) {
  auto r = Import(std::string(kHeader) + "540000,西藏自治区,province,\n540100,\"拉萨市,prefecture,540000\n");
  FieldError e = OnlyError(r);
  EXPECT_EQ(e.code, "unclosed_quote");
  EXPECT_EQ(e.row, 3);
}

TEST(RegionImportTest, UnknownParent) {
  FieldError e =
      OnlyError(Import(std::string(kHeader) + "540000,西藏自治区,province,\n540100,拉萨市,prefecture,530000\n"));
  EXPECT_EQ(e.code, "unknown_parent");
  EXPECT_EQ(e.row, 3);
  EXPECT_EQ(e.column, "parent_code");
  EXPECT_EQ(e.column_index, 4);
  EXPECT_EQ(e.value, "530000");
}

TEST(RegionImportTest, DuplicateCode) {
  FieldError e = OnlyError(Import(std::string(kHeader) + "540000,西藏自治区,province,\n540000,西藏,province,\n"));
  EXPECT_EQ(e.code, "duplicate_code");
  EXPECT_EQ(e.row, 3);
  EXPECT_EQ(e.column, "code");
}

TEST(RegionImportTest, Cycle) {
  auto r = Import(std::string(kHeader) + "540100,拉萨市,prefecture,540200\n540200,日喀则市,prefecture,540100\n");
  ASSERT_FALSE(r.ok());
  bool cycle_row2 = false, cycle_row3 = false;
  const Status status = r.status();
  for (const FieldError& e : status.details()) {
    if (e.code == "cycle" && e.row == 2) cycle_row2 = true;
    if (e.code == "cycle" && e.row == 3) cycle_row3 = true;
  }
  EXPECT_TRUE(cycle_row2 && cycle_row3) << r.status().ToString();
  FieldError self = OnlyError(Import(std::string(kHeader) + "540100,拉萨市,prefecture,540100\n"));
  EXPECT_EQ(self.code, "cycle");
}

TEST(RegionImportTest, LevelOutOfOrder) {
  FieldError e =
      OnlyError(Import(std::string(kHeader) + "540000,西藏自治区,province,\n540100,拉萨市,province,540000\n"));
  EXPECT_EQ(e.code, "level_order");
  EXPECT_EQ(e.row, 3);
  EXPECT_EQ(e.column, "level");
  FieldError up = OnlyError(Import(std::string(kHeader) + "540102,城关区,county,\n540100,拉萨市,prefecture,540102\n"));
  EXPECT_EQ(up.code, "level_order");
}

TEST(RegionImportTest, EmptyNameAndBadCells) {
  FieldError e = OnlyError(Import(std::string(kHeader) + "540000,  ,province,\n"));
  EXPECT_EQ(e.code, "empty_name");
  EXPECT_EQ(e.row, 2);
  EXPECT_EQ(e.column, "name");
  EXPECT_EQ(OnlyError(Import(std::string(kHeader) + "540000,西藏,planet,\n")).code, "invalid_level");
  EXPECT_EQ(OnlyError(Import(std::string(kHeader) + "54000X,西藏,province,\n")).code, "invalid_code");
  EXPECT_EQ(OnlyError(Import("code,name,level,parent_code,key_township\n540000,西藏,province,,2\n")).code,
            "invalid_flag");
}

TEST(RegionImportTest, WrongHeaderAndEmptyFile) {
  auto r = Import("code,name,parent_code\n540000,西藏,\n");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().details().at(0).code, "missing_column");
  EXPECT_EQ(r.status().details().at(0).column, "level");
  EXPECT_EQ(r.status().details().at(0).row, 1);
  EXPECT_EQ(OnlyError(Import("")).code, "empty_file");
  EXPECT_EQ(OnlyError(Import("code,name,level,parent_code,代码\n")).code, "duplicate_column");
}

TEST(RegionImportTest, ReportsEveryErrorAtOnce) {
  auto r = Import(std::string(kHeader) + "540000,,province,\n540100,拉萨市,prefecture,999999\n540100,x,county,\n");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().details().size(), 3u) << r.status().ToString();
}

TEST(RegionImportTest, ConflictsWithStoredRegions) {
  std::vector<Region> existing = {{"540000", "西藏自治区", RegionLevel::kProvince, "", false, ""},
                                  {"540400", "林芝市", RegionLevel::kPrefecture, "540000", false, ""},
                                  {"540422", "米林县", RegionLevel::kCounty, "540400", false, ""}};
  EXPECT_EQ(OnlyError(Import(std::string(kHeader) + "540422,米林县,county,540000\n", existing)).code,
            "conflicts_existing");
  // A rename keeps the old name, and re-importing the old list changes nothing.
  auto renamed = Import(std::string(kHeader) + "540422,米林市,county,540400\n", existing);
  ASSERT_TRUE(renamed.ok());
  auto tree = RegionTree::Build(*renamed);
  const Region& mainling = tree->node(tree->Find("540422")).region;
  EXPECT_EQ(mainling.name, "米林市");
  EXPECT_EQ(mainling.former_name, "米林县");
  auto again = Import(std::string(kHeader) + "540422,米林县,county,540400\n", tree->Regions());
  ASSERT_TRUE(again.ok());
  auto tree2 = RegionTree::Build(*again);
  EXPECT_EQ(tree2->node(tree2->Find("540422")).region.name, "米林市");
}

}  // namespace io_region_import_test
}  // namespace xj
