// The XLSX reader on hand-made fixtures (tests/fixtures/xlsx/make_fixtures.py says what each
// holds) and on workbooks written by XlsxTableWriter: cells, dates, titles, totals, and every
// broken input of issue #7 point 6 with its error code.
#include "io/xlsx_reader.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>

#include "io/ledger_import.hpp"
#include "io/table_file.hpp"
#include "io/xlsx_writer.hpp"

namespace xj {
namespace io_xlsx_reader_test {

std::string Fixture(const std::string& name) {
  return std::string(XJ_SOURCE_DIR) + "/tests/fixtures/xlsx/" + name;
}

std::vector<TableRow> ReadAll(TableSource& source) {
  std::vector<TableRow> rows;
  for (;;) {
    auto next = source.Next();
    EXPECT_TRUE(next.ok()) << next.status().ToString();
    if (!next.ok() || !*next) break;
    rows.push_back(std::move(**next));
  }
  return rows;
}

/// The first error code of opening and reading `name` to the end.
std::string ErrorOf(const std::string& name) {
  auto reader = XlsxReader::OpenFile(Fixture(name));
  if (!reader.ok())
    return reader.status().details().empty() ? "plain:" + reader.status().message() : reader.status().details()[0].code;
  for (;;) {
    auto next = (*reader)->Next();
    if (!next.ok()) return next.status().details().empty() ? "plain" : next.status().details()[0].code;
    if (!*next) return "none";
  }
}

TEST(XlsxReaderTest, ReadsCellsSkippingTitleUnitsAndTotals) {
  auto reader = XlsxReader::OpenFile(Fixture("ledger_good.xlsx"));
  ASSERT_TRUE(reader.ok()) << reader.status().ToString();
  EXPECT_EQ((*reader)->sheet(), "台账");
  EXPECT_EQ((*reader)->declared_rows(), 7);
  std::vector<TableRow> rows = ReadAll(**reader);
  ASSERT_EQ(rows.size(), 4u);  // header + 3 data rows; title, 单位 line and 合计 row skipped
  EXPECT_EQ(rows[0].row, 3);
  EXPECT_EQ(rows[0].cells[7], "金额（万元）");
  EXPECT_EQ(rows[1].row, 4);
  EXPECT_EQ(rows[1].cells[1], "2023-01-10");  // serial 44936, built-in date format 14
  EXPECT_EQ(rows[1].cells[5], "540102");      // a number, no ".0"
  EXPECT_EQ(rows[1].cells[7], "100");         // a number stored as text
  EXPECT_EQ(rows[2].cells[1], "2023-02-01");  // custom format yyyy"年"m"月"d"日"
  EXPECT_EQ(rows[2].cells[7], "12.3456");
  EXPECT_EQ(rows[2].cells[8], "拉萨某建筑公司");  // inline string
  EXPECT_EQ(rows[3].cells[1], "2023-03-01");      // a date stored as text
  EXPECT_EQ(rows[3].cells[7], "1.1");             // "1.1000000000000001" as Excel shows it
}

TEST(XlsxReaderTest, LedgerRowsHonourTheUnitInTheHeader) {
  auto reader = XlsxReader::OpenFile(Fixture("ledger_good.xlsx"));
  ASSERT_TRUE(reader.ok());
  auto rows = ReadLedgerRows(**reader);
  ASSERT_TRUE(rows.ok()) << rows.status().ToString();
  ASSERT_EQ(rows->size(), 3u);
  EXPECT_EQ((*rows)[0].entry.amount, Fen(100'000'000));  // 100 万元
  EXPECT_EQ((*rows)[1].entry.amount, Fen(12'345'600));   // 12.3456 万元
  EXPECT_EQ((*rows)[2].entry.amount, Fen(1'100'000));
  EXPECT_EQ((*rows)[1].entry.date.ToString(), "2023-02-01");
  EXPECT_EQ((*rows)[1].row, 5);
}

TEST(XlsxReaderTest, BrokenInputsGiveClearErrors) {
  EXPECT_EQ(ErrorOf("not_a_zip.xlsx"), "not_xlsx");
  EXPECT_EQ(ErrorOf("empty.xlsx"), "empty_file");
  EXPECT_EQ(ErrorOf("zip_without_sheet.xlsx"), "no_sheet");
  EXPECT_EQ(ErrorOf("shared_string_out_of_range.xlsx"), "shared_string_out_of_range");
  EXPECT_EQ(ErrorOf("formula_no_value.xlsx"), "formula_cell");
  EXPECT_EQ(ErrorOf("cell_50mb.xlsx"), "cell_too_large");
  EXPECT_EQ(ErrorOf("rows_out_of_order.xlsx"), "invalid_cell_reference");  // row 4 stored after row 5
  // An old .xls (or an encrypted workbook, also OLE2) is named as such.
  const std::string ole = std::string("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8) + std::string(512, '\0');
  auto r = XlsxReader::OpenBuffer(ole);
  ASSERT_FALSE(r.ok());
  const Status s = r.status();
  EXPECT_EQ(s.details()[0].code, "not_xlsx");
  EXPECT_NE(s.details()[0].message.find(".xls"), std::string::npos);
}

TEST(XlsxReaderTest, ErrorsNameSheetRowAndCell) {
  auto reader = XlsxReader::OpenFile(Fixture("formula_no_value.xlsx"));
  ASSERT_TRUE(reader.ok());
  auto rows = ReadLedgerRows(**reader);
  ASSERT_FALSE(rows.ok());
  const Status status = rows.status();
  ASSERT_EQ(status.details().size(), 1u);
  const FieldError& e = status.details()[0];
  EXPECT_EQ(e.sheet, "台账");
  EXPECT_EQ(e.row, 4);
  EXPECT_EQ(e.column_index, 8);
  EXPECT_EQ(e.value, "=100*2");
  EXPECT_NE(e.message.find("H4"), std::string::npos) << e.message;
}

TEST(XlsxReaderTest, AFormulaWithoutACachedValueIsRefusedSayingSo) {
  auto reader = XlsxReader::OpenFile(Fixture("formula_no_value.xlsx"));
  ASSERT_TRUE(reader.ok());
  auto rows = ReadLedgerRows(**reader);
  ASSERT_FALSE(rows.ok());
  const FieldError e = rows.status().details().at(0);  // a copy: status() returns a temporary
  EXPECT_EQ(e.code, "formula_cell");
  EXPECT_NE(e.message.find("没有保存计算结果"), std::string::npos) << e.message;
}

TEST(XlsxReaderTest, FormulasWithCachedValuesAreReadAndListed) {
  // formula_cached.xlsx (make_fixtures.py): H4 =100*2 cached 200, L4 ="第"&"一批" cached 第一批,
  // H5 =H4/4 cached 50, and a 合计 row with =SUM(H4:H5), which is skipped and not listed.
  auto reader = XlsxReader::OpenFile(Fixture("formula_cached.xlsx"));
  ASSERT_TRUE(reader.ok());
  auto rows = ReadLedgerRows(**reader);
  ASSERT_TRUE(rows.ok()) << rows.status().ToString();
  ASSERT_EQ(rows->size(), 2u);
  EXPECT_EQ((*rows)[0].entry.amount, Fen(2'000'000'00));  // 200 万元
  EXPECT_EQ((*rows)[0].entry.note, "第一批");
  EXPECT_EQ((*rows)[1].entry.amount, Fen(500'000'00));  // 50 万元
  const FormulaCells cells = (*reader)->formula_cells();
  EXPECT_EQ(cells.total, 3);
  ASSERT_EQ(cells.first.size(), 3u);
  const auto ref = [](const FormulaCell& c) { return c.sheet + "!" + c.column + std::to_string(c.row); };
  EXPECT_EQ(ref(cells.first[0]), "台账!H4");
  EXPECT_EQ(ref(cells.first[1]), "台账!L4");
  EXPECT_EQ(ref(cells.first[2]), "台账!H5");
  // Each with its formula and the value imported (issue #21 point 6).
  EXPECT_EQ(cells.first[0].formula, "100*2");
  EXPECT_EQ(cells.first[0].value, "200");
  EXPECT_EQ(cells.first[1].formula, "\"第\"&\"一批\"");
  EXPECT_EQ(cells.first[1].value, "第一批");
  EXPECT_EQ(cells.first[2].formula, "H4/4");
  EXPECT_EQ(cells.first[2].value, "50");
}

TEST(XlsxReaderTest, StrictFormulasRefuseEvenACachedValue) {
  XlsxOptions strict;
  strict.strict_formulas = true;
  for (const char* name : {"formula_cell.xlsx", "formula_cached.xlsx"}) {
    auto reader = XlsxReader::OpenFile(Fixture(name), strict);
    ASSERT_TRUE(reader.ok());
    auto rows = ReadLedgerRows(**reader);
    ASSERT_FALSE(rows.ok()) << name;
    const FieldError e = rows.status().details().at(0);  // a copy: status() returns a temporary
    EXPECT_EQ(e.code, "formula_cell") << name;
    EXPECT_EQ(e.row, 4) << name;
    EXPECT_EQ(e.column_index, 8) << name;
    EXPECT_NE(e.message.find("不接受公式"), std::string::npos) << e.message;
  }
  // Without the option the old fixture's cached 200 is read.
  auto lenient = XlsxReader::OpenFile(Fixture("formula_cell.xlsx"));
  ASSERT_TRUE(lenient.ok());
  auto rows = ReadLedgerRows(**lenient);
  ASSERT_TRUE(rows.ok()) << rows.status().ToString();
  EXPECT_EQ((*rows)[0].entry.amount, Fen(2'000'000'00));
}

TEST(XlsxReaderTest, ARowThatGoesBackIsRefused) {
  auto reader = XlsxReader::OpenFile(Fixture("rows_out_of_order.xlsx"));
  ASSERT_TRUE(reader.ok());
  std::vector<int> delivered;
  Status error = Status::Ok();
  for (;;) {
    auto next = (*reader)->Next();
    if (!next.ok()) {
      error = next.status();
      break;
    }
    if (!*next) break;
    delivered.push_back((*next)->row);
  }
  EXPECT_TRUE(std::find(delivered.begin(), delivered.end(), 4) == delivered.end());  // one-cell rows read as titles
  ASSERT_EQ(error.details().size(), 1u);
  EXPECT_EQ(error.details()[0].row, 4);
  EXPECT_NE(error.details()[0].message.find("第 5 行之后"), std::string::npos) << error.details()[0].message;
}

TEST(XlsxReaderTest, WrongHeaderIsAMissingColumnError) {
  auto opened = OpenTableFile(Fixture("wrong_header.xlsx"));
  ASSERT_TRUE(opened.ok());
  auto rows = ReadLedgerRows(*opened->source);
  ASSERT_FALSE(rows.ok());
  EXPECT_EQ(rows.status().details()[0].code, "missing_column");
  EXPECT_EQ(rows.status().details()[0].sheet, "台账");
}

TEST(XlsxReaderTest, DetectsFormatByContentThenName) {
  EXPECT_EQ(DetectTableFormat(std::string_view("PK\x03\x04", 4), "a.csv"), TableFormat::kXlsx);
  EXPECT_EQ(DetectTableFormat("entry_id,", "a.xlsx"), TableFormat::kXlsx);
  EXPECT_EQ(DetectTableFormat("entry_id,", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
            TableFormat::kXlsx);
  EXPECT_EQ(DetectTableFormat("entry_id,", "text/csv"), TableFormat::kCsv);
  EXPECT_EQ(DetectTableFormat("entry_id,", "application/vnd.ms-excel;台账.csv"), TableFormat::kCsv);
  EXPECT_EQ(DetectTableFormat("entry_id,", "application/octet-stream;台账.XLSX"), TableFormat::kXlsx);
  EXPECT_EQ(DetectTableFormat(std::string_view("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8), "a.xls"), TableFormat::kXlsx);
  EXPECT_EQ(DetectTableFormat("", ""), TableFormat::kCsv);
}

TEST(XlsxReaderTest, ExcelSerialDates) {
  EXPECT_EQ(ExcelSerialToIsoDate(1, false), "1900-01-01");
  EXPECT_EQ(ExcelSerialToIsoDate(59, false), "1900-02-28");
  EXPECT_EQ(ExcelSerialToIsoDate(60, false), std::nullopt);  // Excel's 1900-02-29
  EXPECT_EQ(ExcelSerialToIsoDate(61, false), "1900-03-01");
  EXPECT_EQ(ExcelSerialToIsoDate(45112.75, false), "2023-07-05");
  EXPECT_EQ(ExcelSerialToIsoDate(0, false), std::nullopt);
  EXPECT_EQ(ExcelSerialToIsoDate(43650, true), "2023-07-05");
}

TEST(XlsxReaderTest, DateFormatCodes) {
  EXPECT_TRUE(IsDateFormatCode("yyyy-mm-dd"));
  EXPECT_TRUE(IsDateFormatCode("yyyy\"年\"m\"月\"d\"日\""));
  EXPECT_TRUE(IsDateFormatCode("[$-804]yyyy/m/d"));
  EXPECT_FALSE(IsDateFormatCode("#,##0.00\"元\""));
  EXPECT_FALSE(IsDateFormatCode("0.00%"));
  EXPECT_FALSE(IsDateFormatCode("General"));
  EXPECT_FALSE(IsDateFormatCode("[Red]0.00"));
  EXPECT_FALSE(IsDateFormatCode("\"days\"0"));
}

class XlsxRoundTripTest : public ::testing::Test {
 protected:
  void SetUp() override {
    path_ = std::filesystem::temp_directory_path() / ("xj-xlsx-" + std::to_string(::getpid()) + ".xlsx");
  }
  void TearDown() override { std::filesystem::remove(path_); }
  std::filesystem::path path_;
};

TEST_F(XlsxRoundTripTest, WriterOutputReadsBackCellForCell) {
  XlsxSheetLayout layout;
  layout.sheet_name = "资金台账";
  layout.title = "资金台账";
  layout.units = "单位：元";
  layout.region = "西藏自治区";
  layout.generated_at = "2023-07-05 10:00";
  layout.totals = true;
  std::vector<XlsxColumn> cols = {{"凭证号", XlsxCellKind::kText, 14},
                                  {"日期", XlsxCellKind::kDate, 12},
                                  {"金额（元）", XlsxCellKind::kYuan, 16, true},
                                  {"进度", XlsxCellKind::kPercent, 10}};
  auto w = XlsxTableWriter::Create(path_.string(), layout, cols);
  ASSERT_TRUE(w.ok()) << w.status().ToString();
  ASSERT_TRUE((*w)->AddRow({XlsxCell::Text("A&1"), XlsxCell::Day(Date::FromYmd(2023, 1, 10)),
                            XlsxCell::Yuan(Fen(123456789012)), XlsxCell::Number(0.5441)})
                  .ok());
  ASSERT_TRUE(
      (*w)->AddRow({XlsxCell::Text("0012"), XlsxCell::Empty(), XlsxCell::Yuan(Fen(1)), XlsxCell::Empty()}).ok());
  ASSERT_TRUE((*w)->Close().ok());

  auto r = XlsxReader::OpenFile(path_.string());
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_EQ((*r)->sheet(), "资金台账");
  std::vector<TableRow> rows = ReadAll(**r);
  ASSERT_EQ(rows.size(), 3u);  // header + 2; title, units and 合计 (a SUM formula) skipped
  EXPECT_EQ(rows[0].row, 3);
  EXPECT_EQ(rows[0].cells[2], "金额（元）");
  EXPECT_EQ(rows[1].cells[0], "A&1");
  EXPECT_EQ(rows[1].cells[1], "2023-01-10");
  EXPECT_EQ(rows[1].cells[2], "1234567890.12");
  EXPECT_EQ(rows[1].cells[3], "0.5441");
  EXPECT_EQ(rows[2].cells[0], "0012");
  EXPECT_EQ(rows[2].cells[2], "0.01");
}

TEST_F(XlsxRoundTripTest, OversizedSharedStringIsRefusedOnlyWhenUsed) {
  // A 2-byte cell limit turns every longer shared string into a marker.
  std::ifstream in(Fixture("ledger_good.xlsx"), std::ios::binary);
  std::string data((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  XlsxOptions options;
  options.max_cell_bytes = 2;
  auto r = XlsxReader::OpenBuffer(data, options);
  ASSERT_TRUE(r.ok()) << r.status().ToString();  // the table loads: only a cell that uses one fails
  auto next = (*r)->Next();
  ASSERT_FALSE(next.ok());
  EXPECT_EQ(next.status().details()[0].code, "cell_too_large");
  EXPECT_NE(next.status().details()[0].message.find("2字节"), std::string::npos);
}

}  // namespace io_xlsx_reader_test
}  // namespace xj
