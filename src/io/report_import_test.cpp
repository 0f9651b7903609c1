// The contracts, progress and benchmarks import kinds: headers in English or Chinese with units,
// percentages, and every problem with its row and column.
#include "io/report_import.hpp"

#include <gtest/gtest.h>

#include <sstream>

namespace xj {
namespace io_report_import_test {

template <typename Rows>
Rows Read(Result<Rows> (*read)(TableSource&, TableHeader*), const std::string& csv, Status* error = nullptr) {
  std::istringstream in(csv);
  CsvReader reader(in);
  auto r = read(reader, nullptr);
  if (error) *error = r.status();
  return r.ok() ? *r : Rows{};
}

std::vector<std::string> Cells(const Status& s) {
  std::vector<std::string> out;
  for (const FieldError& e : s.details()) out.push_back(std::to_string(e.row) + ":" + e.column + ":" + e.code);
  return out;
}

TEST(ReportImportTest, PercentagesAreExactWithAtMostTwoDecimals) {
  EXPECT_EQ(ParsePercentBp("45.5"), 4550);
  EXPECT_EQ(ParsePercentBp("45.50%"), 4550);
  EXPECT_EQ(ParsePercentBp("100"), 10000);
  EXPECT_EQ(ParsePercentBp("0"), 0);
  EXPECT_EQ(ParsePercentBp(".5"), 50);
  for (const char* bad : {"", "%", "100.01", "101", "-1", "45.555", "4a", "1.2.3", "1e2"}) {
    EXPECT_FALSE(ParsePercentBp(bad).has_value()) << bad;
  }
}

TEST(ReportImportTest, ContractsWithChineseHeadersUnitsAndAnOptionalAdvanceRate) {
  Status error;
  auto rows = Read(
      &ReadContractRows,
      "项目编码,合同编号,合同金额（万元）,签订日期,预付款比例(%)\nR1,HT-1,40,2023-03-01,10\nR2,HT-2,12.5,2023-04-01,\n",
      &error);
  ASSERT_TRUE(error.ok()) << error.ToString();
  ASSERT_EQ(rows.size(), 2u);
  EXPECT_EQ(rows[0].row, 2);
  EXPECT_EQ(rows[0].contract.amount, Fen::FromYuan(400'000));
  EXPECT_EQ(rows[0].contract.advance_bp, std::optional<std::int32_t>(1000));
  EXPECT_EQ(rows[1].contract.amount, Fen::FromYuan(125'000));
  EXPECT_EQ(rows[1].contract.advance_bp, std::nullopt);
  EXPECT_EQ(rows[1].contract.signed_on, Date::FromYmd(2023, 4, 1));
}

TEST(ReportImportTest, ContractErrorsNameRowAndColumn) {
  Status error;
  Read(&ReadContractRows,
       "project_code,contract_no,amount,signed_on,advance_rate\n"
       ",HT-1,100,2023-03-01,\n"
       "R1,HT 2,0,2023-02-30,101\n"
       "R1,HT-3,abc,2023-03-01,\n"
       "R1,HT-3,100,2023-03-01,\n",
       &error);
  EXPECT_EQ(Cells(error), (std::vector<std::string>{"2:project_code:missing_value", "3:contract_no:invalid_code",
                                                    "3:amount:non_positive_amount", "3:signed_on:invalid_date",
                                                    "3:advance_rate:invalid_percent", "4:amount:invalid_amount",
                                                    "5:contract_no:duplicate_row"}));
  Read(&ReadContractRows, "project_code,contract_no\nR1,HT\n", &error);
  EXPECT_EQ(Cells(error), (std::vector<std::string>{"1:amount:missing_column", "1:signed_on:missing_column"}));
  Read(&ReadContractRows, "", &error);
  EXPECT_EQ(Cells(error), (std::vector<std::string>{"1::empty_file"}));
}

TEST(ReportImportTest, ProgressAndBenchmarks) {
  Status error;
  auto progress = Read(&ReadProgressRows, "项目编码,日期,形象进度(%),备注\nR8,2023-06-01,100,完工\n", &error);
  ASSERT_TRUE(error.ok()) << error.ToString();
  ASSERT_EQ(progress.size(), 1u);
  EXPECT_EQ(progress[0].report.progress_hundredths, 10000);
  EXPECT_EQ(progress[0].report.note, "完工");
  Read(&ReadProgressRows, "project_code,date,progress\nR8,2023-06-01,\nR8,2023-06-02,100.5\n", &error);
  EXPECT_EQ(Cells(error), (std::vector<std::string>{"2:progress:missing_value", "3:progress:invalid_percent"}));

  auto benchmarks =
      Read(&ReadBenchmarkRows, "日期,指标,数值(%)\n2023-06-30,开工率,45.5\n2023-06-30,expend_progress,48\n", &error);
  ASSERT_TRUE(error.ok()) << error.ToString();
  ASSERT_EQ(benchmarks.size(), 2u);
  EXPECT_EQ(benchmarks[0].benchmark.indicator, BenchmarkIndicator::kStartRate);
  EXPECT_EQ(benchmarks[0].benchmark.value_bp, 4550);
  EXPECT_EQ(benchmarks[1].benchmark.indicator, BenchmarkIndicator::kExpendProgress);
  Read(&ReadBenchmarkRows, "date,indicator,value\n2023-06-30,vibes,1\n2023-06-30,start_rate,1\n2023-06-30,开工率,2\n",
       &error);
  EXPECT_EQ(Cells(error), (std::vector<std::string>{"2:indicator:invalid_indicator", "4:date:duplicate_row"}));
}

}  // namespace io_report_import_test
}  // namespace xj
