// Project import: every cell rule of the projects format is reported with its row and column.
#include "io/project_import.hpp"

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>
#include <tuple>

namespace xj {
namespace io_project_import_test {

Result<std::vector<ProjectRow>> Import(const std::string& csv) {
  std::istringstream in(csv);
  CsvReader reader(in);
  return ReadProjectRows(reader);
}

/// The single error of a rejected import.
FieldError OnlyError(const Result<std::vector<ProjectRow>>& r) {
  EXPECT_FALSE(r.ok());
  if (r.ok()) return {};
  EXPECT_EQ(r.status().details().size(), 1u) << r.status().ToString();
  return r.status().details().empty() ? FieldError{} : r.status().details()[0];
}

/// The four required columns; tests append the optional ones they exercise.
constexpr const char* kRequired = "project_code,name,year,region_code";
/// A valid start for a data row under kRequired.
constexpr const char* kValid = "XM-001,村道硬化,2023,540102";

std::string Csv(const std::string& extra_columns, const std::string& extra_cells) {
  return std::string(kRequired) + extra_columns + "\n" + kValid + extra_cells + "\n";
}

constexpr const char* kFullHeader =
    "project_code,name,year,region_code,category,subcategory,total_investment,central_fund,other_fund,"
    "planned_start,planned_finish,actual_start,actual_finish,status,responsible_person,gov_infrastructure,"
    "low_skill,work_relief\n";

TEST(ProjectImportTest, ReadsEveryColumnUnderEnglishHeaders) {
  auto r = Import(std::string(kFullHeader) +
                  "XM-2023-001,拉萨市城关区蔬菜大棚,2023,540102,0101,设施农业,1200000,1000000.50,199999.5,"
                  "2023-03-01,2023-10-31,2023-03-15,2023-10-20,accepted,张三,0,1,1\n");
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  ASSERT_EQ(r->size(), 1u);
  const ProjectRow& row = (*r)[0];
  EXPECT_EQ(row.row, 2);
  const Project& p = row.project;
  EXPECT_EQ(p.project_code, "XM-2023-001");
  EXPECT_EQ(p.name, "拉萨市城关区蔬菜大棚");
  EXPECT_EQ(p.year, 2023);
  EXPECT_EQ(p.region_code, "540102");
  EXPECT_EQ(p.category, "0101");
  EXPECT_EQ(p.subcategory, "设施农业");
  EXPECT_EQ(p.total_investment, Fen(120'000'000));
  EXPECT_EQ(p.central_fund, Fen(100'000'050));
  EXPECT_EQ(p.other_fund, Fen(19'999'950));
  EXPECT_EQ(p.planned_start, Date::FromYmd(2023, 3, 1));
  EXPECT_EQ(p.planned_finish, Date::FromYmd(2023, 10, 31));
  EXPECT_EQ(p.actual_start, Date::FromYmd(2023, 3, 15));
  EXPECT_EQ(p.actual_finish, Date::FromYmd(2023, 10, 20));
  EXPECT_EQ(p.status, ProjectState::kAccepted);
  EXPECT_EQ(p.responsible_person, "张三");
  EXPECT_FALSE(p.gov_infrastructure);
  EXPECT_TRUE(p.low_skill);
  EXPECT_TRUE(p.work_relief);
}

TEST(ProjectImportTest, OptionalColumnsTakeTheirDefaults) {
  auto r = Import(std::string(kRequired) + "\n" + kValid + "\n");
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  ASSERT_EQ(r->size(), 1u);
  Project expected;
  expected.project_code = "XM-001";
  expected.name = "村道硬化";
  expected.year = 2023;
  expected.region_code = "540102";
  EXPECT_EQ((*r)[0].project, expected);
  EXPECT_EQ((*r)[0].project.status, ProjectState::kDraft);

  // Empty optional cells read the same as absent columns.
  auto empty = Import(std::string(kFullHeader) + kValid + ",,,,,,,,,,,,,,\n");
  ASSERT_TRUE(empty.ok()) << empty.status().ToString();
  EXPECT_EQ((*empty)[0].project, expected);
}

TEST(ProjectImportTest, ReadsChineseHeadersWithBomAndCrlf) {
  auto r = Import(
      "\xEF\xBB\xBF项目编码,项目名称,年度,区划代码,项目类别,建设内容,总投资,中央衔接资金,其他资金,计划开工,计划完工,"
      "实际开工,实际完工,状态,责任人,政府投资基建,技术要求低,以工代赈\r\n"
      "XM-001,牦牛养殖合作社,2024,540121,产业发展,养殖,500000,400000,100000,2024-04-01,2024-09-30,,,纳入年度计划,"
      "次仁,否,是,0\r\n"
      "XM-002,村道硬化,2024,540121,基础设施,道路,800000,800000,0,,,,,在建,,1,,\r\n");
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  ASSERT_EQ(r->size(), 2u);
  const Project& a = (*r)[0].project;
  EXPECT_EQ(a.name, "牦牛养殖合作社");
  EXPECT_EQ(a.status, ProjectState::kPlanned);
  EXPECT_EQ(a.total_investment, Fen::FromYuan(500'000));
  EXPECT_EQ(a.responsible_person, "次仁");
  EXPECT_FALSE(a.gov_infrastructure);
  EXPECT_TRUE(a.low_skill);
  EXPECT_FALSE(a.work_relief);
  const Project& b = (*r)[1].project;
  EXPECT_EQ((*r)[1].row, 3);
  EXPECT_EQ(b.status, ProjectState::kStarted);
  EXPECT_TRUE(b.gov_infrastructure);
}

TEST(ProjectImportTest, WanYuanHeaderUnitAndThousandsSeparators) {
  auto r = Import(
      "项目编码,项目名称,年度,区划代码,总投资（万元）,中央衔接资金(万元),其他资金\n"
      "XM-001,村道硬化,2023,540102,12.5,10.123456,\"1,234,567.89\"\n");
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  const Project& p = (*r)[0].project;
  EXPECT_EQ(p.total_investment, Fen(12'500'000));  // 12.5 万元 = 125,000 yuan
  EXPECT_EQ(p.central_fund, Fen(10'123'456));      // 万元 columns take six decimals: exactly one fen each
  EXPECT_EQ(p.other_fund, Fen(123'456'789));
}

TEST(ProjectImportTest, QuotedFieldsKeepCommasAndQuotes) {
  auto r = Import(Csv(",subcategory,responsible_person", ",\"道路,桥梁\",\"张三,李四 \"\"组长\"\"\""));
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_EQ((*r)[0].project.subcategory, "道路,桥梁");
  EXPECT_EQ((*r)[0].project.responsible_person, "张三,李四 \"组长\"");
}

TEST(ProjectImportTest, CellsAreTrimmed) {
  auto r = Import(std::string(kRequired) + "\n  XM-001 ,\xE3\x80\x80村道硬化 , 2023 , 540102\n");
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_EQ((*r)[0].project.project_code, "XM-001");
  EXPECT_EQ((*r)[0].project.name, "村道硬化");
  EXPECT_EQ((*r)[0].project.year, 2023);
}

TEST(ProjectImportTest, StatusFollowsActualDatesWhenAbsent) {
  const std::string cols = ",actual_start,actual_finish,status";
  auto started = Import(Csv(cols, ",2023-05-01,,"));
  ASSERT_TRUE(started.ok()) << started.status().ToString();
  EXPECT_EQ((*started)[0].project.status, ProjectState::kStarted);
  auto finished = Import(Csv(cols, ",2023-05-01,2023-09-01,"));
  ASSERT_TRUE(finished.ok()) << finished.status().ToString();
  EXPECT_EQ((*finished)[0].project.status, ProjectState::kFinished);
  // Without the status column at all.
  auto no_column = Import(Csv(",actual_start", ",2023-05-01"));
  ASSERT_TRUE(no_column.ok()) << no_column.status().ToString();
  EXPECT_EQ((*no_column)[0].project.status, ProjectState::kStarted);
  // A given status is kept as written.
  auto given = Import(Csv(cols, ",2023-05-01,2023-09-01,handed_over"));
  ASSERT_TRUE(given.ok()) << given.status().ToString();
  EXPECT_EQ((*given)[0].project.status, ProjectState::kHandedOver);
}

TEST(ProjectImportTest, MissingValue) {
  FieldError code = OnlyError(Import(std::string(kRequired) + "\n,村道硬化,2023,540102\n"));
  EXPECT_EQ(code.code, "missing_value");
  EXPECT_EQ(code.row, 2);
  EXPECT_EQ(code.column, "project_code");
  EXPECT_EQ(code.column_index, 1);
  FieldError year = OnlyError(Import(std::string(kRequired) + "\nXM-001,村道硬化,,540102\n"));
  EXPECT_EQ(year.code, "missing_value");
  EXPECT_EQ(year.column, "year");
  EXPECT_EQ(year.column_index, 3);
  // A short row leaves the trailing required cells empty.
  FieldError region = OnlyError(Import(std::string(kRequired) + "\nXM-001,村道硬化,2023\n"));
  EXPECT_EQ(region.code, "missing_value");
  EXPECT_EQ(region.column, "region_code");
  EXPECT_EQ(region.column_index, 4);
}

TEST(ProjectImportTest, EmptyName) {
  FieldError e = OnlyError(Import(std::string(kRequired) + "\nXM-001,  ,2023,540102\n"));
  EXPECT_EQ(e.code, "empty_name");
  EXPECT_EQ(e.row, 2);
  EXPECT_EQ(e.column, "name");
  EXPECT_EQ(e.column_index, 2);
  EXPECT_EQ(e.value, "");
}

TEST(ProjectImportTest, InvalidCode) {
  FieldError space = OnlyError(Import(std::string(kRequired) + "\nXM 001,村道硬化,2023,540102\n"));
  EXPECT_EQ(space.code, "invalid_code");
  EXPECT_EQ(space.row, 2);
  EXPECT_EQ(space.column, "project_code");
  EXPECT_EQ(space.column_index, 1);
  EXPECT_EQ(space.value, "XM 001");
  EXPECT_EQ(OnlyError(Import(std::string(kRequired) + "\nXM\xE3\x80\x80"
                                                      "001,村道硬化,2023,540102\n"))
                .code,
            "invalid_code");
  const std::string longest(kMaxImportKeyLength, 'A');
  EXPECT_TRUE(Import(std::string(kRequired) + "\n" + longest + ",村道硬化,2023,540102\n").ok());
  FieldError too_long = OnlyError(Import(std::string(kRequired) + "\n" + longest + "B,村道硬化,2023,540102\n"));
  EXPECT_EQ(too_long.code, "invalid_code");
  EXPECT_EQ(too_long.column, "project_code");

  FieldError region = OnlyError(Import(std::string(kRequired) + "\nXM-001,村道硬化,2023,54010X\n"));
  EXPECT_EQ(region.code, "invalid_code");
  EXPECT_EQ(region.column, "region_code");
  EXPECT_EQ(region.column_index, 4);
  EXPECT_EQ(region.value, "54010X");
}

TEST(ProjectImportTest, InvalidYear) {
  for (const char* year : {"1999", "2101", "二〇二三", "2023.0", "-2023", "02023"}) {
    FieldError e = OnlyError(Import(std::string(kRequired) + "\nXM-001,村道硬化," + year + ",540102\n"));
    EXPECT_EQ(e.code, "invalid_year") << year;
    EXPECT_EQ(e.row, 2);
    EXPECT_EQ(e.column, "year");
    EXPECT_EQ(e.column_index, 3);
    EXPECT_EQ(e.value, year);
  }
  EXPECT_TRUE(Import(std::string(kRequired) + "\nXM-001,村道硬化,2000,540102\n").ok());
  EXPECT_TRUE(Import(std::string(kRequired) + "\nXM-001,村道硬化,2100,540102\n").ok());
}

TEST(ProjectImportTest, InvalidAndNegativeAmounts) {
  FieldError bad = OnlyError(Import(Csv(",total_investment,central_fund", ",12万,100")));
  EXPECT_EQ(bad.code, "invalid_amount");
  EXPECT_EQ(bad.row, 2);
  EXPECT_EQ(bad.column, "total_investment");
  EXPECT_EQ(bad.column_index, 5);
  EXPECT_EQ(bad.value, "12万");
  EXPECT_EQ(OnlyError(Import(Csv(",central_fund", ",1.234"))).code, "invalid_amount");
  EXPECT_EQ(OnlyError(Import(Csv(",central_fund", ",\"12,34\""))).code, "invalid_amount");

  FieldError negative = OnlyError(Import(Csv(",total_investment,central_fund", ",100,-0.01")));
  EXPECT_EQ(negative.code, "negative_amount");
  EXPECT_EQ(negative.column, "central_fund");
  EXPECT_EQ(negative.column_index, 6);
  EXPECT_EQ(negative.value, "-0.01");
  EXPECT_TRUE(Import(Csv(",other_fund", ",0")).ok());
}

TEST(ProjectImportTest, CentralFundAboveTheTotalNamesItsCell) {
  // docs/definitions.md §19: 中央衔接资金 ≤ 总投资, compared in fen; an empty total is 0.
  FieldError over = OnlyError(Import(Csv(",total_investment,central_fund", ",100,100.01")));
  EXPECT_EQ(over.code, "central_exceeds_total");
  EXPECT_EQ(over.row, 2);
  EXPECT_EQ(over.column, "central_fund");
  EXPECT_EQ(over.column_index, 6);
  EXPECT_EQ(over.value, "100.01");
  EXPECT_TRUE(Import(Csv(",central_fund", ",5")).ok());  // no total stated: nothing to compare with
  EXPECT_EQ(OnlyError(Import(Csv(",total_investment,central_fund", ",0.01,5"))).code, "central_exceeds_total");
  EXPECT_TRUE(Import(Csv(",total_investment,central_fund", ",100,100")).ok());
}

TEST(ProjectImportTest, InvalidDate) {
  const std::string cols = ",planned_start,planned_finish,actual_start,actual_finish";
  for (const char* date : {"2023-02-29", "2023/03/01", "2023-3-1", "2023-03-01 08:00"}) {
    FieldError e = OnlyError(Import(Csv(cols, std::string(",") + date + ",,,")));
    EXPECT_EQ(e.code, "invalid_date") << date;
    EXPECT_EQ(e.row, 2);
    EXPECT_EQ(e.column, "planned_start");
    EXPECT_EQ(e.column_index, 5);
    EXPECT_EQ(e.value, date);
  }
  FieldError actual = OnlyError(Import(Csv(cols, ",,,2023-13-01,")));
  EXPECT_EQ(actual.code, "invalid_date");
  EXPECT_EQ(actual.column, "actual_start");
  EXPECT_EQ(actual.column_index, 7);
}

TEST(ProjectImportTest, FinishWithoutStart) {
  FieldError e = OnlyError(Import(Csv(",actual_start,actual_finish", ",,2023-09-01")));
  EXPECT_EQ(e.code, "finish_without_start");
  EXPECT_EQ(e.row, 2);
  EXPECT_EQ(e.column, "actual_finish");
  EXPECT_EQ(e.column_index, 6);
  EXPECT_EQ(e.value, "2023-09-01");
  // Also when the actual_start column is absent.
  FieldError absent = OnlyError(Import(Csv(",actual_finish", ",2023-09-01")));
  EXPECT_EQ(absent.code, "finish_without_start");
  EXPECT_EQ(absent.column_index, 5);
}

TEST(ProjectImportTest, FinishBeforeStart) {
  FieldError actual = OnlyError(Import(Csv(",actual_start,actual_finish", ",2023-09-01,2023-08-31")));
  EXPECT_EQ(actual.code, "finish_before_start");
  EXPECT_EQ(actual.row, 2);
  EXPECT_EQ(actual.column, "actual_finish");
  EXPECT_EQ(actual.column_index, 6);
  EXPECT_EQ(actual.value, "2023-08-31");
  FieldError planned = OnlyError(Import(Csv(",planned_start,planned_finish", ",2023-09-01,2023-03-01")));
  EXPECT_EQ(planned.code, "finish_before_start");
  EXPECT_EQ(planned.column, "planned_finish");
  EXPECT_EQ(planned.column_index, 6);
  // Same-day start and finish is fine; a planned finish alone is fine.
  EXPECT_TRUE(Import(Csv(",actual_start,actual_finish", ",2023-09-01,2023-09-01")).ok());
  EXPECT_TRUE(Import(Csv(",planned_start,planned_finish", ",,2023-03-01")).ok());
}

TEST(ProjectImportTest, InvalidStatus) {
  FieldError e = OnlyError(Import(Csv(",status", ",ongoing")));
  EXPECT_EQ(e.code, "invalid_status");
  EXPECT_EQ(e.row, 2);
  EXPECT_EQ(e.column, "status");
  EXPECT_EQ(e.column_index, 5);
  EXPECT_EQ(e.value, "ongoing");
}

TEST(ProjectImportTest, InvalidFlag) {
  FieldError e = OnlyError(Import(Csv(",gov_infrastructure,low_skill,work_relief", ",0,1,2")));
  EXPECT_EQ(e.code, "invalid_flag");
  EXPECT_EQ(e.row, 2);
  EXPECT_EQ(e.column, "work_relief");
  EXPECT_EQ(e.column_index, 7);
  EXPECT_EQ(e.value, "2");
  EXPECT_EQ(OnlyError(Import(Csv(",low_skill", ",yes"))).code, "invalid_flag");
}

TEST(ProjectImportTest, DuplicateCodeNamesTheFirstRow) {
  auto r = Import(std::string(kRequired) +
                  "\nXM-001,村道硬化,2023,540102\nXM-002,蔬菜大棚,2023,540102\nXM-001,村道硬化二期,2024,540102\n");
  FieldError e = OnlyError(r);
  EXPECT_EQ(e.code, "duplicate_code");
  EXPECT_EQ(e.row, 4);
  EXPECT_EQ(e.column, "project_code");
  EXPECT_EQ(e.column_index, 1);
  EXPECT_EQ(e.value, "XM-001");
  EXPECT_NE(e.message.find("第2行"), std::string::npos) << e.message;
}

TEST(ProjectImportTest, ReportsEveryErrorOfEveryRowAtOnce) {
  auto r = Import(std::string(kRequired) + ",total_investment,actual_start,actual_finish,work_relief\n" +
                  "XM-001,村道硬化,2023,540102,100,,,\n" +              // fine
                  "XM 002,,1999,540102,-1,2023-09-01,2023-02-30,x\n" +  // six errors
                  "XM-001,村道硬化,2023,5401,abc,,,\n");                // three errors
  ASSERT_FALSE(r.ok());
  const Status status = r.status();
  std::vector<std::tuple<int, std::string, std::string>> got;
  for (const FieldError& e : status.details()) got.emplace_back(e.row, e.column, e.code);
  const std::vector<std::tuple<int, std::string, std::string>> want = {
      {3, "project_code", "invalid_code"},   {3, "name", "empty_name"},
      {3, "year", "invalid_year"},           {3, "total_investment", "negative_amount"},
      {3, "actual_finish", "invalid_date"},  {3, "work_relief", "invalid_flag"},
      {4, "region_code", "invalid_code"},    {4, "total_investment", "invalid_amount"},
      {4, "project_code", "duplicate_code"},
  };
  EXPECT_EQ(got, want) << status.ToString();
}

TEST(ProjectImportTest, MissingAndDuplicatedColumns) {
  auto r = Import("project_code,name,region_code\nXM-001,村道硬化,540102\n");
  ASSERT_FALSE(r.ok());
  ASSERT_EQ(r.status().details().size(), 1u);
  const FieldError e = r.status().details()[0];  // a copy: status() returns a temporary
  EXPECT_EQ(e.code, "missing_column");
  EXPECT_EQ(e.row, 1);
  EXPECT_EQ(e.column, "year");
  EXPECT_EQ(e.column_index, 0);
  FieldError dup = OnlyError(Import("project_code,name,year,region_code,项目编码\n"));
  EXPECT_EQ(dup.code, "duplicate_column");
  EXPECT_EQ(dup.column, "project_code");
  EXPECT_EQ(dup.column_index, 5);
}

TEST(ProjectImportTest, EmptyFileAndHeaderOnly) {
  FieldError e = OnlyError(Import(""));
  EXPECT_EQ(e.code, "empty_file");
  EXPECT_EQ(e.row, 1);
  EXPECT_EQ(OnlyError(Import("\xEF\xBB\xBF")).code, "empty_file");
  auto header_only = Import(std::string(kFullHeader));
  ASSERT_TRUE(header_only.ok()) << header_only.status().ToString();
  EXPECT_TRUE(header_only->empty());
}

TEST(ProjectImportTest, MalformedCsvNamesTheRow) {
  FieldError e = OnlyError(Import(std::string(kRequired) + "\n" + kValid + "\nXM-002,\"村道,2023,540102\n"));
  EXPECT_EQ(e.code, "unclosed_quote");
  EXPECT_EQ(e.row, 3);
}

// tests/fixtures/projects-lhasa.csv, by hand:
//   central_fund  (万元) 120 + 85.5 + 300      = 505.5 万元 = 5,055,000 yuan
//   total_investment (万元) 150 + 85.5 + 420.25 = 655.75 万元 = 6,557,500 yuan
//   row 3 has actual_start only → started; row 4 has both actual dates → finished; row 2 says 纳入年度计划.
TEST(ProjectImportTest, TheLhasaFixtureReadsAsComputedByHand) {
  std::ifstream in(std::string(XJ_SOURCE_DIR) + "/tests/fixtures/projects-lhasa.csv");
  ASSERT_TRUE(in.good());
  CsvReader reader(in);
  auto r = ReadProjectRows(reader);
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  ASSERT_EQ(r->size(), 3u);
  Fen central, total;
  for (const ProjectRow& row : *r) {
    central += row.project.central_fund;
    total += row.project.total_investment;
  }
  EXPECT_EQ(central, Fen::FromYuan(5'055'000));
  EXPECT_EQ(total, Fen::FromYuan(6'557'500));
  EXPECT_EQ((*r)[0].project.status, ProjectState::kApproved);  // 资金已安排: the token API test pays it
  EXPECT_EQ((*r)[1].project.status, ProjectState::kStarted);
  EXPECT_EQ((*r)[2].project.status, ProjectState::kFinished);
  EXPECT_TRUE((*r)[2].project.work_relief);
}

}  // namespace io_project_import_test
}  // namespace xj
