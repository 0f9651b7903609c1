// Ledger import: every cell and entry rule of the ledger format is reported with its row and column.
#include "io/ledger_import.hpp"

#include <gtest/gtest.h>

#include <fstream>
#include <map>
#include <sstream>
#include <tuple>

#include "io/project_import.hpp"

namespace xj {
namespace io_ledger_import_test {

Result<std::vector<LedgerRow>> Import(const std::string& csv) {
  std::istringstream in(csv);
  CsvReader reader(in);
  return ReadLedgerRows(reader);
}

/// The single error of a rejected import.
FieldError OnlyError(const Result<std::vector<LedgerRow>>& r) {
  EXPECT_FALSE(r.ok());
  if (r.ok()) return {};
  EXPECT_EQ(r.status().details().size(), 1u) << r.status().ToString();
  return r.status().details().empty() ? FieldError{} : r.status().details()[0];
}

// Column numbers: entry_id 1, date 2, kind 3, fund_source 4, fund_year 5, region_code 6,
// project_code 7, amount 8, payee 9, payee_type 10, reverses 11, note 12.
constexpr const char* kHeader =
    "entry_id,date,kind,fund_source,fund_year,region_code,project_code,amount,payee,payee_type,reverses,note\n";

/// kHeader plus one data row.
Result<std::vector<LedgerRow>> ImportRow(const std::string& row) {
  return Import(std::string(kHeader) + row + "\n");
}

TEST(LedgerImportTest, ReadsEveryKindUnderEnglishHeaders) {
  auto r = Import(std::string(kHeader) +
                  "PZ-001,2023-02-10,allocate,central,2023,540102,,1000000,,,,第一批\n"
                  "PZ-002,2023-03-01,disburse,central,2023,540102,XM-001,300000.50,城关区农业农村局,gov_account,,\n"
                  "PZ-003,2023-04-01,expend,provincial,2023,540102,XM-001,120000,拉萨建工,enterprise,,进度款\n"
                  "PZ-004,2023-04-02,reverse,provincial,2023,540102,,120000,,,PZ-003,重复录入\n");
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  ASSERT_EQ(r->size(), 4u);
  const LedgerEntry& allocate = (*r)[0].entry;
  EXPECT_EQ((*r)[0].row, 2);
  EXPECT_EQ(allocate.entry_id, "PZ-001");
  EXPECT_EQ(allocate.date, Date::FromYmd(2023, 2, 10));
  EXPECT_EQ(allocate.kind, EntryKind::kAllocate);
  EXPECT_EQ(allocate.fund_source, FundSource::kCentral);
  EXPECT_EQ(allocate.fund_year, 2023);
  EXPECT_EQ(allocate.region_code, "540102");
  EXPECT_EQ(allocate.project_code, "");
  EXPECT_EQ(allocate.amount, Fen::FromYuan(1'000'000));
  EXPECT_EQ(allocate.payee_type, PayeeType::kNone);
  EXPECT_EQ(allocate.note, "第一批");
  const LedgerEntry& disburse = (*r)[1].entry;
  EXPECT_EQ(disburse.kind, EntryKind::kDisburse);
  EXPECT_EQ(disburse.project_code, "XM-001");
  EXPECT_EQ(disburse.amount, Fen(30'000'050));
  EXPECT_EQ(disburse.payee, "城关区农业农村局");
  EXPECT_EQ(disburse.payee_type, PayeeType::kGovAccount);
  const LedgerEntry& expend = (*r)[2].entry;
  EXPECT_EQ(expend.kind, EntryKind::kExpend);
  EXPECT_EQ(expend.fund_source, FundSource::kProvincial);
  EXPECT_EQ(expend.payee_type, PayeeType::kEnterprise);
  const LedgerEntry& reverse = (*r)[3].entry;
  EXPECT_EQ((*r)[3].row, 5);
  EXPECT_EQ(reverse.kind, EntryKind::kReverse);
  EXPECT_EQ(reverse.reverses, "PZ-003");
  EXPECT_EQ(reverse.note, "重复录入");
}

TEST(LedgerImportTest, OptionalColumnsMayBeAbsent) {
  auto r = Import(
      "entry_id,date,kind,fund_source,fund_year,region_code,amount\n"
      "PZ-001,2023-02-10,allocate,county,2023,540102,500\n");
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  LedgerEntry expected;
  expected.entry_id = "PZ-001";
  expected.date = Date::FromYmd(2023, 2, 10);
  expected.kind = EntryKind::kAllocate;
  expected.fund_source = FundSource::kCounty;
  expected.fund_year = 2023;
  expected.region_code = "540102";
  expected.amount = Fen::FromYuan(500);
  EXPECT_EQ((*r)[0].entry, expected);
}

TEST(LedgerImportTest, ReadsChineseHeadersAndValuesWithBomAndCrlf) {
  auto r = Import(
      "\xEF\xBB\xBF凭证号,日期,类型,资金来源,资金年度,区划代码,项目编码,金额,收款方,收款方类型,冲销凭证号,备注\r\n"
      "PZ-001,2023-02-10,下达,中央财政衔接资金,2023,540121,,2000000,,,,\r\n"
      "PZ-002,2023-03-10,拨付,中央,2023,540121,XM-001,500000,林周县财政局,财政专户,,\r\n"
      "PZ-003,2023-04-10,支出,统筹整合,2023,540121,XM-001,80000,次仁,农户,,务工报酬\r\n"
      "PZ-004,2023-04-11,冲销,统筹整合,2023,540121,XM-001,80000,,,PZ-003,\r\n");
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  ASSERT_EQ(r->size(), 4u);
  EXPECT_EQ((*r)[0].entry.kind, EntryKind::kAllocate);
  EXPECT_EQ((*r)[0].entry.fund_source, FundSource::kCentral);
  EXPECT_EQ((*r)[1].entry.kind, EntryKind::kDisburse);
  EXPECT_EQ((*r)[1].entry.payee_type, PayeeType::kGovAccount);
  EXPECT_EQ((*r)[2].entry.kind, EntryKind::kExpend);
  EXPECT_EQ((*r)[2].entry.fund_source, FundSource::kIntegrated);
  EXPECT_EQ((*r)[2].entry.payee_type, PayeeType::kIndividual);
  EXPECT_EQ((*r)[2].entry.note, "务工报酬");
  EXPECT_EQ((*r)[3].entry.kind, EntryKind::kReverse);
  EXPECT_EQ((*r)[3].entry.reverses, "PZ-003");
  EXPECT_EQ((*r)[3].row, 5);
}

TEST(LedgerImportTest, WanYuanHeaderUnit) {
  auto r = Import(
      "凭证号,日期,类型,资金来源,资金年度,区划代码,金额（万元）\n"
      "PZ-001,2023-02-10,下达,中央,2023,540102,12.5\n"
      "PZ-002,2023-02-10,下达,中央,2023,540102,0.000001\n");
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_EQ((*r)[0].entry.amount, Fen(12'500'000));  // 12.5 万元 = 125,000 yuan
  EXPECT_EQ((*r)[1].entry.amount, Fen(1));           // one fen
  // An explicit 元 in the cell overrides the header unit.
  auto yuan =
      Import("凭证号,日期,类型,资金来源,资金年度,区划代码,金额(万元)\nPZ-1,2023-02-10,下达,中央,2023,540102,125元\n");
  ASSERT_TRUE(yuan.ok()) << yuan.status().ToString();
  EXPECT_EQ((*yuan)[0].entry.amount, Fen::FromYuan(125));
}

TEST(LedgerImportTest, ThousandsSeparatorsAndQuotedCommas) {
  auto r = ImportRow(
      "PZ-001,2023-02-10,expend,central,2023,540102,XM-001,\"1,234,567.89\",\"拉萨建工,第一分公司\",企业,,"
      "\"备注含\"\"引号\"\",和逗号\"");
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_EQ((*r)[0].entry.amount, Fen(123'456'789));
  EXPECT_EQ((*r)[0].entry.payee, "拉萨建工,第一分公司");
  EXPECT_EQ((*r)[0].entry.note, "备注含\"引号\",和逗号");
}

TEST(LedgerImportTest, MissingValue) {
  struct Case {
    const char* row;
    const char* column;
    int column_index;
  };
  const Case cases[] = {
      {",2023-02-10,allocate,central,2023,540102,,100,,,,", "entry_id", 1},
      {"PZ-1,,allocate,central,2023,540102,,100,,,,", "date", 2},
      {"PZ-1,2023-02-10,,central,2023,540102,,100,,,,", "kind", 3},
      {"PZ-1,2023-02-10,allocate,,2023,540102,,100,,,,", "fund_source", 4},
      {"PZ-1,2023-02-10,allocate,central,,540102,,100,,,,", "fund_year", 5},
      {"PZ-1,2023-02-10,allocate,central,2023,,,100,,,,", "region_code", 6},
      {"PZ-1,2023-02-10,allocate,central,2023,540102,,,,,,", "amount", 8},
  };
  for (const Case& c : cases) {
    FieldError e = OnlyError(ImportRow(c.row));
    EXPECT_EQ(e.code, "missing_value") << c.column;
    EXPECT_EQ(e.row, 2);
    EXPECT_EQ(e.column, c.column);
    EXPECT_EQ(e.column_index, c.column_index);
  }
}

TEST(LedgerImportTest, InvalidCode) {
  FieldError id = OnlyError(ImportRow("PZ 001,2023-02-10,allocate,central,2023,540102,,100,,,,"));
  EXPECT_EQ(id.code, "invalid_code");
  EXPECT_EQ(id.row, 2);
  EXPECT_EQ(id.column, "entry_id");
  EXPECT_EQ(id.column_index, 1);
  EXPECT_EQ(id.value, "PZ 001");
  FieldError region = OnlyError(ImportRow("PZ-001,2023-02-10,allocate,central,2023,5401020,,100,,,,"));
  EXPECT_EQ(region.code, "invalid_code");
  EXPECT_EQ(region.column, "region_code");
  EXPECT_EQ(region.column_index, 6);
  const std::string too_long(kMaxImportKeyLength + 1, 'X');
  FieldError project = OnlyError(ImportRow("PZ-001,2023-02-10,expend,central,2023,540102," + too_long + ",100,,,,"));
  EXPECT_EQ(project.code, "invalid_code");
  EXPECT_EQ(project.column, "project_code");
  EXPECT_EQ(project.column_index, 7);
  FieldError reverses = OnlyError(ImportRow("PZ-002,2023-02-10,reverse,central,2023,540102,,100,,,PZ\t001,"));
  EXPECT_EQ(reverses.code, "invalid_code");
  EXPECT_EQ(reverses.column, "reverses");
  EXPECT_EQ(reverses.column_index, 11);
}

TEST(LedgerImportTest, InvalidDate) {
  for (const char* date : {"2023-02-29", "2023/02/10", "20230210", "2023-2-10"}) {
    FieldError e = OnlyError(ImportRow(std::string("PZ-001,") + date + ",allocate,central,2023,540102,,100,,,,"));
    EXPECT_EQ(e.code, "invalid_date") << date;
    EXPECT_EQ(e.row, 2);
    EXPECT_EQ(e.column, "date");
    EXPECT_EQ(e.column_index, 2);
    EXPECT_EQ(e.value, date);
  }
}

TEST(LedgerImportTest, InvalidKind) {
  FieldError e = OnlyError(ImportRow("PZ-001,2023-02-10,transfer,central,2023,540102,,100,,,,"));
  EXPECT_EQ(e.code, "invalid_kind");
  EXPECT_EQ(e.row, 2);
  EXPECT_EQ(e.column, "kind");
  EXPECT_EQ(e.column_index, 3);
  EXPECT_EQ(e.value, "transfer");
  // With the kind unknown, the rules that depend on it are not applied.
  EXPECT_EQ(OnlyError(ImportRow("PZ-001,2023-02-10,转账,central,2023,540102,,100,,,PZ-000,")).code, "invalid_kind");
}

TEST(LedgerImportTest, InvalidFundSource) {
  FieldError e = OnlyError(ImportRow("PZ-001,2023-02-10,allocate,bank_loan,2023,540102,,100,,,,"));
  EXPECT_EQ(e.code, "invalid_fund_source");
  EXPECT_EQ(e.row, 2);
  EXPECT_EQ(e.column, "fund_source");
  EXPECT_EQ(e.column_index, 4);
  EXPECT_EQ(e.value, "bank_loan");
}

TEST(LedgerImportTest, InvalidYear) {
  for (const char* year : {"1999", "2101", "23", "2023年", "2023.0"}) {
    FieldError e = OnlyError(ImportRow(std::string("PZ-001,2023-02-10,allocate,central,") + year + ",540102,,100,,,,"));
    EXPECT_EQ(e.code, "invalid_year") << year;
    EXPECT_EQ(e.row, 2);
    EXPECT_EQ(e.column, "fund_year");
    EXPECT_EQ(e.column_index, 5);
    EXPECT_EQ(e.value, year);
  }
}

TEST(LedgerImportTest, InvalidAndNonPositiveAmounts) {
  for (const char* amount : {"abc", "1.001", "\"1,23\"", "12万"}) {
    FieldError e =
        OnlyError(ImportRow(std::string("PZ-001,2023-02-10,allocate,central,2023,540102,,") + amount + ",,,,"));
    EXPECT_EQ(e.code, "invalid_amount") << amount;
    EXPECT_EQ(e.row, 2);
    EXPECT_EQ(e.column, "amount");
    EXPECT_EQ(e.column_index, 8);
  }
  for (const char* amount : {"0", "0.00", "-100"}) {
    FieldError e =
        OnlyError(ImportRow(std::string("PZ-001,2023-02-10,allocate,central,2023,540102,,") + amount + ",,,,"));
    EXPECT_EQ(e.code, "non_positive_amount") << amount;
    EXPECT_EQ(e.column, "amount");
    EXPECT_EQ(e.column_index, 8);
    EXPECT_EQ(e.value, amount);
  }
}

// An export shows a 冲销 negative (docs/definitions.md §18): such a row reads as the reversal it
// is; a negative amount of any other kind is still refused, and a reversal of zero too.
TEST(LedgerImportTest, AReversalWrittenNegativeAsExportsShowItReadsAsItsAmount) {
  auto r = ImportRow("R-001,2023-03-12,冲销,central,2023,540102,XM-001,-300000.01,,,E-001,录错");
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  ASSERT_EQ(r->size(), 1u);
  EXPECT_EQ((*r)[0].entry.amount, Fen(30000001));
  EXPECT_EQ((*r)[0].entry.kind, EntryKind::kReverse);
  for (const char* row : {"PZ-001,2023-02-10,expend,central,2023,540102,XM-001,-300000.01,某公司,企业,,",
                          "R-001,2023-03-12,reverse,central,2023,540102,,-0.00,,,E-001,"}) {
    EXPECT_EQ(OnlyError(ImportRow(row)).code, "non_positive_amount") << row;
  }
}

// Our own CSV export (docs/definitions.md §18) as the server writes it: BOM, a title line, the
// 单位 line, the header with the screen's labels, the rows, the 合计 row. It imports as it is.
constexpr const char* kExportHead =
    "\xEF\xBB\xBF\"城关区（540102） 资金台账（类型：下达）\"\r\n"
    "单位：元\r\n"
    "凭证号,日期,类型,资金来源,资金年度,区划代码,项目编码,金额（元）,收款方,收款方类型,冲销凭证号,备注\r\n";

TEST(LedgerImportTest, OurCsvExportImportsWithItsTitleLinesAndTotalsRow) {
  auto r = Import(std::string(kExportHead) +
                  "A1,2023-02-02,下达,中央财政衔接资金,2023,540102,,1.07,,,,\r\n"
                  "A2,2023-02-03,下达,省级衔接资金,2023,540102,,2.14,,,,第二批\r\n"
                  "R1,2023-03-01,冲销,中央财政衔接资金,2023,540102,,-1.07,,,A1,录错\r\n"
                  "合计,,,,,,,2.14,,,,\r\n");
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  ASSERT_EQ(r->size(), 3u);
  EXPECT_EQ((*r)[0].row, 4);  // physical lines: the title and 单位 lines count
  EXPECT_EQ((*r)[0].entry.amount, Fen(107));
  EXPECT_EQ((*r)[1].entry.fund_source, FundSource::kProvincial);
  EXPECT_EQ((*r)[2].entry.kind, EntryKind::kReverse);
  EXPECT_EQ((*r)[2].entry.amount, Fen(107));
  EXPECT_EQ((*r)[2].row, 6);
  // A blank line between the title and the header is skipped as well.
  auto blank = Import("\"资金台账\"\n\n" + std::string(kHeader) + "A1,2023-02-02,下达,中央,2023,540102,,1,,,,\n");
  ASSERT_TRUE(blank.ok()) << blank.status().ToString();
  ASSERT_EQ(blank->size(), 1u);
  EXPECT_EQ((*blank)[0].row, 4);
}

TEST(LedgerImportTest, TotalsRowsAreSkippedAsTheXlsxReaderSkipsThemAndErrorsCountTheTitleLines) {
  // A 小计 between groups (county sheets) and the closing 合计, spaced or full-width spaced.
  auto r = Import(std::string(kExportHead) +
                  "A1,2023-02-02,下达,中央财政衔接资金,2023,540102,,1.07,,,,\r\n"
                  "小 计,,,,,,,1.07,,,,\r\n"
                  "A2,2023-02-03,下达,中央财政衔接资金,2023,540102,,2.14,,,,\r\n"
                  "\xE3\x80\x80合计,,,,,,,3.21,,,,\r\n");
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  ASSERT_EQ(r->size(), 2u);
  EXPECT_EQ((*r)[1].row, 6);
  // An error names the file's own line (the title and 单位 lines count) and the column.
  FieldError e =
      OnlyError(Import(std::string(kExportHead) + "A1,2023-02-02,下达,中央财政衔接资金,2023,540102,,1.07,,,,\r\n"
                                                  "A2,2023-02-30,下达,中央财政衔接资金,2023,540102,,2.14,,,,\r\n"
                                                  "合计,,,,,,,3.21,,,,\r\n"));
  EXPECT_EQ(e.code, "invalid_date");
  EXPECT_EQ(e.row, 5);
  EXPECT_EQ(e.column, "date");
  EXPECT_EQ(e.column_index, 2);
  EXPECT_TRUE(IsTotalsLabel("Totals"));
  EXPECT_FALSE(IsTotalsLabel("合计金额"));
}

TEST(LedgerImportTest, SingleCellLinesWithNoHeaderAfterThemAreReadAsTheHeader) {
  // A file whose lines are one cell each (separated by semicolons): the first line is still the
  // header, so the clerk is told which columns are missing rather than that the file is empty.
  auto r = Import("entry_id;date;kind\nA1;2023-02-02;allocate\n");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().details().at(0).code, "missing_column");
  EXPECT_EQ(r.status().details().at(0).row, 1);
  // Beyond kMaxTitleLines single-cell lines the reader stops looking and gives them back in order.
  std::istringstream in("a\nb\nc\nd\ne\nf\ng\n");
  CsvReader reader(in);
  std::string seen;
  for (;;) {
    auto row = reader.Next();
    ASSERT_TRUE(row.ok());
    if (!*row) break;
    seen += (*row)->cells.at(0) + std::to_string((*row)->row);
  }
  EXPECT_EQ(seen, "a1b2c3d4e5f6g7");
}

TEST(LedgerImportTest, InvalidPayeeType) {
  FieldError e = OnlyError(ImportRow("PZ-001,2023-02-10,expend,central,2023,540102,XM-001,100,某公司,company,,"));
  EXPECT_EQ(e.code, "invalid_payee_type");
  EXPECT_EQ(e.row, 2);
  EXPECT_EQ(e.column, "payee_type");
  EXPECT_EQ(e.column_index, 10);
  EXPECT_EQ(e.value, "company");
}

TEST(LedgerImportTest, ProjectRequiredForDisburseAndExpend) {
  for (const char* kind : {"disburse", "expend", "拨付", "支出"}) {
    FieldError e = OnlyError(ImportRow(std::string("PZ-001,2023-02-10,") + kind + ",central,2023,540102,,100,,,,"));
    EXPECT_EQ(e.code, "project_required") << kind;
    EXPECT_EQ(e.row, 2);
    EXPECT_EQ(e.column, "project_code");
    EXPECT_EQ(e.column_index, 7);
  }
  // Also when the optional project_code column is absent (column_index 0).
  FieldError absent =
      OnlyError(Import("entry_id,date,kind,fund_source,fund_year,region_code,amount\nPZ-001,2023-02-10,expend,central,"
                       "2023,540102,100\n"));
  EXPECT_EQ(absent.code, "project_required");
  EXPECT_EQ(absent.column, "project_code");
  EXPECT_EQ(absent.column_index, 0);
  // Allocations and reversals may leave it empty.
  EXPECT_TRUE(ImportRow("PZ-001,2023-02-10,allocate,central,2023,540102,,100,,,,").ok());
  EXPECT_TRUE(ImportRow("PZ-002,2023-02-10,reverse,central,2023,540102,,100,,,PZ-001,").ok());
}

TEST(LedgerImportTest, ReversalRules) {
  FieldError required = OnlyError(ImportRow("PZ-002,2023-02-10,reverse,central,2023,540102,,100,,,,"));
  EXPECT_EQ(required.code, "reverses_required");
  EXPECT_EQ(required.row, 2);
  EXPECT_EQ(required.column, "reverses");
  EXPECT_EQ(required.column_index, 11);

  FieldError self = OnlyError(ImportRow("PZ-002,2023-02-10,冲销,central,2023,540102,,100,,,PZ-002,"));
  EXPECT_EQ(self.code, "reverses_self");
  EXPECT_EQ(self.column, "reverses");
  EXPECT_EQ(self.column_index, 11);
  EXPECT_EQ(self.value, "PZ-002");

  for (const char* kind : {"allocate", "disburse", "expend"}) {
    FieldError e =
        OnlyError(ImportRow(std::string("PZ-002,2023-02-10,") + kind + ",central,2023,540102,XM-1,100,,,PZ-001,"));
    EXPECT_EQ(e.code, "reverses_not_allowed") << kind;
    EXPECT_EQ(e.column, "reverses");
    EXPECT_EQ(e.column_index, 11);
    EXPECT_EQ(e.value, "PZ-001");
  }
}

TEST(LedgerImportTest, DuplicateEntryIdNamesTheFirstRow) {
  auto r = Import(std::string(kHeader) +
                  "PZ-001,2023-02-10,allocate,central,2023,540102,,100,,,,\n"
                  "PZ-002,2023-02-11,allocate,central,2023,540102,,100,,,,\n"
                  "PZ-001,2023-02-12,allocate,county,2023,540102,,200,,,,\n");
  FieldError e = OnlyError(r);
  EXPECT_EQ(e.code, "duplicate_entry_id");
  EXPECT_EQ(e.row, 4);
  EXPECT_EQ(e.column, "entry_id");
  EXPECT_EQ(e.column_index, 1);
  EXPECT_EQ(e.value, "PZ-001");
  EXPECT_NE(e.message.find("第2行"), std::string::npos) << e.message;
}

TEST(LedgerImportTest, ReportsEveryErrorOfEveryRowAtOnce) {
  auto r = Import(std::string(kHeader) + "PZ-001,2023-02-10,allocate,central,2023,540102,,100,,,,\n" +  // fine
                  "PZ-002,2023-02-30,expend,外资,1999,540102,,0,,公司,,\n" +                            // six errors
                  "PZ-001,2023-02-10,reverse,central,2023,54,,100,,,,\n");                              // three errors
  ASSERT_FALSE(r.ok());
  const Status status = r.status();
  std::vector<std::tuple<int, std::string, std::string>> got;
  for (const FieldError& e : status.details()) got.emplace_back(e.row, e.column, e.code);
  const std::vector<std::tuple<int, std::string, std::string>> want = {
      {3, "date", "invalid_date"},           {3, "fund_source", "invalid_fund_source"},
      {3, "fund_year", "invalid_year"},      {3, "project_code", "project_required"},
      {3, "amount", "non_positive_amount"},  {3, "payee_type", "invalid_payee_type"},
      {4, "region_code", "invalid_code"},    {4, "reverses", "reverses_required"},
      {4, "entry_id", "duplicate_entry_id"},
  };
  EXPECT_EQ(got, want) << status.ToString();
}

TEST(LedgerImportTest, MissingAndDuplicatedColumns) {
  auto r = Import("entry_id,date,kind,fund_source,region_code,金额（万元）\n");
  FieldError e = OnlyError(r);
  EXPECT_EQ(e.code, "missing_column");
  EXPECT_EQ(e.row, 1);
  EXPECT_EQ(e.column, "fund_year");
  EXPECT_EQ(e.column_index, 0);
  auto two = Import("entry_id,date,kind,fund_source\nPZ-001,2023-02-10,allocate,central\n");
  ASSERT_FALSE(two.ok());
  EXPECT_EQ(two.status().details().size(), 3u);  // fund_year, region_code, amount
  FieldError dup = OnlyError(Import(std::string("entry_id,date,kind,fund_source,fund_year,region_code,amount,金额\n")));
  EXPECT_EQ(dup.code, "duplicate_column");
  EXPECT_EQ(dup.column, "amount");
  EXPECT_EQ(dup.column_index, 8);
}

TEST(LedgerImportTest, EmptyFileAndHeaderOnly) {
  FieldError e = OnlyError(Import(""));
  EXPECT_EQ(e.code, "empty_file");
  EXPECT_EQ(e.row, 1);
  EXPECT_EQ(OnlyError(Import("\n\n")).code, "empty_file");
  auto header_only = Import(kHeader);
  ASSERT_TRUE(header_only.ok()) << header_only.status().ToString();
  EXPECT_TRUE(header_only->empty());
}

TEST(LedgerImportTest, MalformedCsvNamesTheRow) {
  FieldError e =
      OnlyError(Import(std::string(kHeader) + "PZ-001,2023-02-10,allocate,central,2023,540102,,\"100,,,,\n"));
  EXPECT_EQ(e.code, "unclosed_quote");
  EXPECT_EQ(e.row, 2);
}

// tests/fixtures/ledger-lhasa.csv (金额 in 万元), by hand, central funds of 2023 for 540102:
//   allocate 500 + 300                 = 800 万元
//   disburse 200 + 150.5               = 350.5 万元
//   expend   80 + 45.25 + 12 − 12 (PZ-2023-007 reverses PZ-2023-006) = 125.25 万元 = 1,252,500 yuan
TEST(LedgerImportTest, TheLhasaFixtureReadsAsComputedByHand) {
  std::ifstream in(std::string(XJ_SOURCE_DIR) + "/tests/fixtures/ledger-lhasa.csv");
  ASSERT_TRUE(in.good());
  CsvReader reader(in);
  auto r = ReadLedgerRows(reader);
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  ASSERT_EQ(r->size(), 8u);
  std::map<std::string, EntryKind> kind_of;
  Fen allocate, disburse, expend;
  for (const LedgerRow& row : *r) kind_of[row.entry.entry_id] = row.entry.kind;
  for (const LedgerRow& row : *r) {
    const LedgerEntry& e = row.entry;
    const bool reversal = e.kind == EntryKind::kReverse;
    const EntryKind kind = reversal ? kind_of.at(e.reverses) : e.kind;
    const Fen delta = reversal ? -e.amount : e.amount;
    if (kind == EntryKind::kAllocate) allocate += delta;
    if (kind == EntryKind::kDisburse) disburse += delta;
    if (kind == EntryKind::kExpend) expend += delta;
  }
  EXPECT_EQ(allocate, Fen::FromYuan(8'000'000));
  EXPECT_EQ(disburse, Fen::FromYuan(3'505'000));
  EXPECT_EQ(expend, Fen::FromYuan(1'252'500));
}

}  // namespace io_ledger_import_test
}  // namespace xj
