// The rules every export follows (docs/definitions.md §18): a 合计 row added up in integer fen over
// every row, a table longer than a sheet continued on further sheets, CSV with a BOM, the title
// and units first and the same cells, and an unknown format refused before anything is written.
#include "app/export_table.hpp"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <iterator>

#include "io/xlsx_reader.hpp"

namespace xj {
namespace app_export_table_test {

std::string Slurp(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
}

int Occurrences(const std::string& text, const std::string& part) {
  int n = 0;
  for (std::size_t at = text.find(part); at != std::string::npos; at = text.find(part, at + 1)) ++n;
  return n;
}

XlsxSheetLayout Layout(bool totals) {
  XlsxSheetLayout l;
  l.sheet_name = "资金台账";
  l.title = "城关区 资金台账（类型：支出）";
  l.units = "单位：元";
  l.totals = totals;
  return l;
}

std::vector<XlsxColumn> Columns() {
  return {{"凭证号", XlsxCellKind::kText, 12},
          {"日期", XlsxCellKind::kDate, 11},
          {"金额（元）", XlsxCellKind::kYuan, 16, true},
          {"项目数", XlsxCellKind::kInteger, 8, true},
          {"支出进度", XlsxCellKind::kPercent, 10}};
}

/// Row i (1-based): voucher Vi, 2023-03-i, i × 0.01 + 0.10 元 (10 + i fen, sums no double adds exactly).
std::vector<XlsxCell> Row(int i) {
  std::string id = "V";
  id += std::to_string(i);  // not "V" + …: GCC 12's -Wrestrict misfires on it
  return {XlsxCell::Text(id), XlsxCell::Day(Date::FromYmd(2023, 3, i)), XlsxCell::Yuan(Fen(10 + i)),
          XlsxCell::Integer(1), XlsxCell::Number(0.5441)};
}

class ExportTableTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = std::filesystem::temp_directory_path() /
           ("xj-export-table-" + std::to_string(::testing::UnitTest::GetInstance()->random_seed()) + "-" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    std::filesystem::create_directories(dir_);
  }
  void TearDown() override { std::filesystem::remove_all(dir_); }
  std::filesystem::path dir_;
};

TEST_F(ExportTableTest, CsvHasBomTitleUnitsHeaderRowsAndATotalInFen) {
  const std::string path = (dir_ / "t.csv").string();
  auto t = ExportTable::Create(ExportTarget(path, ExportFormat::kCsv), Layout(true), Columns());
  ASSERT_TRUE(t.ok()) << t.status().ToString();
  // Seven rows of 11..17 fen: 98 fen. As doubles 0.11 + 0.12 + … is not 0.98 exactly.
  for (int i = 1; i <= 7; ++i) ASSERT_TRUE((*t)->AddRow(Row(i)).ok());
  ASSERT_TRUE((*t)->AddRow({XlsxCell::Text("=HYPERLINK(\"x\")"), XlsxCell::Empty(), XlsxCell::Yuan(Fen(-123456)),
                            XlsxCell::Integer(0), XlsxCell::Text("—")})
                  .ok());
  ASSERT_TRUE((*t)->Close().ok());
  EXPECT_EQ((*t)->sheets(), 0);
  EXPECT_EQ(Slurp(path),
            "\xEF\xBB\xBF"
            "城关区 资金台账（类型：支出）\r\n"
            "单位：元\r\n"
            "凭证号,日期,金额（元）,项目数,支出进度\r\n"
            "V1,2023-03-01,0.11,1,54.41%\r\n"
            "V2,2023-03-02,0.12,1,54.41%\r\n"
            "V3,2023-03-03,0.13,1,54.41%\r\n"
            "V4,2023-03-04,0.14,1,54.41%\r\n"
            "V5,2023-03-05,0.15,1,54.41%\r\n"
            "V6,2023-03-06,0.16,1,54.41%\r\n"
            "V7,2023-03-07,0.17,1,54.41%\r\n"
            "\"'=HYPERLINK(\"\"x\"\")\",,-1234.56,0,—\r\n"
            // 98 fen − 123456 fen = −123358 fen; 7 projects.
            "合计,,-1233.58,7,\r\n");
}

TEST_F(ExportTableTest, XlsxPastTheSheetLimitContinuesOnNewSheetsWithTheTotalOnTheLast) {
  const std::string path = (dir_ / "t.xlsx").string();
  ExportTarget target(path);
  target.sheet_rows = 3;
  auto t = ExportTable::Create(target, Layout(true), Columns());
  ASSERT_TRUE(t.ok()) << t.status().ToString();
  for (int i = 1; i <= 7; ++i) ASSERT_TRUE((*t)->AddRow(Row(i)).ok());
  EXPECT_EQ((*t)->rows(), 7);
  EXPECT_EQ((*t)->sheets(), 3);  // 3 + 3 + 1
  ASSERT_TRUE((*t)->Close().ok());

  const std::string bytes = Slurp(path);
  EXPECT_EQ(Occurrences(bytes, "xl/worksheets/sheet3.xml"), 2);  // local header + central directory
  EXPECT_EQ(Occurrences(bytes, "xl/worksheets/sheet4.xml"), 0);

  // The first sheet holds exactly three data rows and no 合计 (its rows continue).
  auto r = XlsxReader::OpenFile(path);
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  std::vector<std::vector<std::string>> rows;
  for (;;) {
    auto next = (*r)->Next();
    ASSERT_TRUE(next.ok()) << next.status().ToString();
    if (!*next) break;
    rows.push_back((*next)->cells);
  }
  ASSERT_EQ(rows.size(), 1u + 3u);
  EXPECT_EQ(rows[0][0], "凭证号");
  EXPECT_EQ(rows[3][0], "V3");
  EXPECT_EQ(rows[3][2], "0.13");
}

TEST_F(ExportTableTest, ExactlyTheLimitStaysOnOneSheet) {
  ExportTarget target((dir_ / "t.xlsx").string());
  target.sheet_rows = 3;
  auto t = ExportTable::Create(target, Layout(true), Columns());
  ASSERT_TRUE(t.ok());
  for (int i = 1; i <= 3; ++i) ASSERT_TRUE((*t)->AddRow(Row(i)).ok());
  EXPECT_EQ((*t)->sheets(), 1);
  ASSERT_TRUE((*t)->Close().ok());
}

TEST_F(ExportTableTest, EachTableOfACsvHasItsOwnHeaderAndTotal) {
  const std::string path = (dir_ / "t.csv").string();
  auto t = ExportTable::Create(ExportTarget(path, ExportFormat::kCsv), Layout(true), Columns());
  ASSERT_TRUE(t.ok());
  ASSERT_TRUE((*t)->AddRow(Row(1)).ok());
  XlsxSheetLayout second = Layout(false);
  second.title = "第二表";
  second.units.clear();
  ASSERT_TRUE((*t)->AddSheet(second, {{"名称", XlsxCellKind::kText}, {"说明", XlsxCellKind::kText}}).ok());
  ASSERT_TRUE((*t)->AddRow({XlsxCell::Text("a,b"), XlsxCell::Text(" 前后空格 ")}).ok());
  EXPECT_EQ((*t)->rows(), 1);
  ASSERT_TRUE((*t)->Close().ok());
  EXPECT_EQ(Slurp(path),
            "\xEF\xBB\xBF"
            "城关区 资金台账（类型：支出）\r\n单位：元\r\n凭证号,日期,金额（元）,项目数,支出进度\r\n"
            "V1,2023-03-01,0.11,1,54.41%\r\n合计,,0.11,1,\r\n"
            "\r\n第二表\r\n名称,说明\r\n\"a,b\",\" 前后空格 \"\r\n");
}

TEST_F(ExportTableTest, TotalsGivenByTheCallerWinOverTheSums) {
  const std::string path = (dir_ / "t.csv").string();
  auto t = ExportTable::Create(ExportTarget(path, ExportFormat::kCsv), Layout(true), Columns());
  ASSERT_TRUE(t.ok());
  ASSERT_TRUE((*t)->AddRow(Row(1)).ok());
  (*t)->SetTotals(
      {XlsxCell::Empty(), XlsxCell::Empty(), XlsxCell::Yuan(Fen(500)), XlsxCell::Empty(), XlsxCell::Number(0.25)});
  ASSERT_TRUE((*t)->Close().ok());
  EXPECT_NE(Slurp(path).find("合计,,5.00,1,25.00%\r\n"), std::string::npos);
}

TEST_F(ExportTableTest, AYuanCellWithoutItsFenIsRefusedAndNothingOfTheRowIsWritten) {
  const std::string path = (dir_ / "t.csv").string();
  auto t = ExportTable::Create(ExportTarget(path, ExportFormat::kCsv), Layout(true), Columns());
  ASSERT_TRUE(t.ok()) << t.status().ToString();
  ASSERT_TRUE((*t)->AddRow(Row(1)).ok());
  // 0.29 元 as a bare double: 0.29 × 100 is 28.999…, the very rounding the fen exist to avoid.
  const Status bad = (*t)->AddRow(
      {XlsxCell::Text("V2"), XlsxCell::Empty(), XlsxCell::Number(0.29), XlsxCell::Integer(1), XlsxCell::Empty()});
  EXPECT_FALSE(bad.ok());
  EXPECT_NE(bad.ToString().find("金额（元）"), std::string::npos) << bad.ToString();
  ASSERT_TRUE((*t)->Close().ok());
  EXPECT_EQ((*t)->rows(), 1);
  const std::string csv = Slurp(path);
  EXPECT_EQ(Occurrences(csv, "V2"), 0) << csv;
  EXPECT_NE(csv.find("合计,,0.11,1,"), std::string::npos) << csv;
}

TEST(ExportFormatTest, OnlyXlsxAndCsvAreFormats) {
  EXPECT_EQ(*ParseExportFormat(""), ExportFormat::kXlsx);
  EXPECT_EQ(*ParseExportFormat("xlsx"), ExportFormat::kXlsx);
  EXPECT_EQ(*ParseExportFormat("csv"), ExportFormat::kCsv);
  for (const char* bad : {"CSV", "xls", "pdf", "csv "}) {
    auto f = ParseExportFormat(bad);
    ASSERT_FALSE(f.ok()) << bad;
    EXPECT_EQ(f.status().code(), ErrorCode::kInvalidArgument);
    EXPECT_EQ(f.status().code_name(), "invalid_format");
  }
  EXPECT_EQ(ExportFileName("资金台账.xlsx", ExportFormat::kCsv), "资金台账.csv");
  EXPECT_EQ(ExportFileName("资金台账.xlsx", ExportFormat::kXlsx), "资金台账.xlsx");
  EXPECT_EQ(ExportContentType(ExportFormat::kCsv), "text/csv; charset=utf-8");
}

TEST(ExportFormatTest, ASheetLimitBelowOneIsRefused) {
  ExportTarget target((std::filesystem::temp_directory_path() / "xj-never-written.xlsx").string());
  target.sheet_rows = 0;
  auto t = ExportTable::Create(target, Layout(true), Columns());
  EXPECT_EQ(t.status().code(), ErrorCode::kInvalidArgument);
  EXPECT_FALSE(std::filesystem::exists(target.path));
}

}  // namespace app_export_table_test
}  // namespace xj
