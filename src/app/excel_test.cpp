// Excel in and out through the App (issue #7): XLSX imports are all-or-nothing like CSV, each
// broken workbook gives its clear error and changes nothing, import jobs report progress and
// errors (with an error workbook), and exported projects and ledger import back identical.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>

#include "app/app_test_support.hpp"
#include "app/excel_exports.hpp"
#include "app/import_jobs.hpp"
#include "io/table_file.hpp"
#include "io/xlsx_reader.hpp"

namespace xj {
namespace app_excel_test {

using testing::TestApp;

std::string Fixture(const std::string& name) {
  return std::string(XJ_SOURCE_DIR) + "/tests/fixtures/xlsx/" + name;
}

std::string Slurp(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
}

Status ImportCsv(App& app, const std::string& kind, const std::string& csv) {
  auto t = OpenTableBuffer(csv, "text/csv");
  if (!t.ok()) return t.status();
  Result<ImportReport> r = kind == "projects" ? app.ImportProjects(Actor::System(), *t->source)
                                              : app.ImportLedger(Actor::System(), *t->source);
  return r.status();
}

/// Everything an import could change: ledger entries, projects and audit rows.
struct Snapshot {
  std::vector<LedgerEntry> entries;
  std::vector<Project> projects;
  std::int64_t audit_rows = 0;
  bool operator==(const Snapshot&) const = default;
};

Snapshot Take(App& app) {
  Snapshot s;
  EXPECT_TRUE(app.store().ScanLedger([&](const StoredEntry& e) { s.entries.push_back(e.entry); }).ok());
  EXPECT_TRUE(app.store().ScanProjects([&](const Project& p) { s.projects.push_back(p); }).ok());
  EXPECT_TRUE(app.store()
                  .ScanAudit([&](const AuditRecord&) {
                    ++s.audit_rows;
                    return Status::Ok();
                  })
                  .ok());
  std::sort(s.entries.begin(), s.entries.end(), [](auto& a, auto& b) { return a.entry_id < b.entry_id; });
  std::sort(s.projects.begin(), s.projects.end(), [](auto& a, auto& b) { return a.project_code < b.project_code; });
  return s;
}

constexpr const char* kProjects =
    "项目编码,项目名称,年度,区划代码,项目类别,建设内容,总投资（万元）,中央衔接资金（万元）,其他资金（万元）,计划开工,"
    "计划完工,实际开工,实际完工,状态,责任人,政府投资基建,技术要求低,以工代赈\n"
    "P1,城关区蔬菜大棚,2023,540102,产业发展,设施农业,150,120,30,2023-03-01,2023-10-31,2023-03-05,,开工,扎西,0,0,0\n"
    "P2,桑珠孜区道路硬化,2023,540202,基础设施,道路,300.5,250.25,50.25,2023-04-01,2023-11-30,2023-04-10,2023-10-01,"
    "完工,次仁,1,1,1\n"
    "P3,八廓街道 \"民宿\"，改造,2022,540102001,产业发展,,10.01,,,,,,,储备,,0,0,0\n";

constexpr const char* kLedger =
    "凭证号,日期,类型,资金来源,资金年度,区划代码,项目编码,金额,收款方,收款方类型,冲销凭证号,备注\n"
    "A1,2023-01-20,下达,中央,2023,540102,,5000000,,,,提前下达\n"
    "A2,2023-01-21,allocate,provincial,2023,540202,P2,1234567.89,,,,\n"
    "E1,2023-03-10,支出,中央,2023,540102,P1,300000.01,拉萨某公司,企业,,第一笔，含逗号\n"
    "E2,2023-03-11,expend,central,2023,540202,P2,1000,某村委会,gov_account,,\n"
    "R1,2023-03-12,冲销,中央,2023,540102,P1,300000.01,,,E1,录错\n";

class ExcelTest : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_TRUE(ImportCsv(*t_.app, "projects", kProjects).ok());
    ASSERT_TRUE(ImportCsv(*t_.app, "ledger", kLedger).ok());
    dir_ = std::filesystem::temp_directory_path() / ("xj-excel-" + std::to_string(::getpid()));
    std::filesystem::create_directories(dir_);
  }
  void TearDown() override { std::filesystem::remove_all(dir_); }

  /// The first error code of importing `path` as a ledger the way the CLI does.
  std::string ImportLedgerFile(const std::string& path) {
    auto t = OpenTableFile(path);
    if (!t.ok()) return t.status().details().empty() ? "plain" : t.status().details()[0].code;
    auto r = t_.app->ImportLedger(Actor::System(), *t->source);
    if (r.ok()) return "ok";
    return r.status().details().empty() ? "plain" : r.status().details()[0].code;
  }

  TestApp t_;
  std::filesystem::path dir_;
};

TEST_F(ExcelTest, XlsxLedgerImportsAndReimportChangesNothing) {
  auto t = OpenTableFile(Fixture("ledger_good.xlsx"));
  ASSERT_TRUE(t.ok()) << t.status().ToString();
  EXPECT_EQ(t->format, TableFormat::kXlsx);
  auto r = t_.app->ImportLedger(Actor::System(), *t->source);
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_EQ(r->inserted, 3);
  const Snapshot after = Take(*t_.app);
  auto again = OpenTableFile(Fixture("ledger_good.xlsx"));
  auto r2 = t_.app->ImportLedger(Actor::System(), *again->source);
  ASSERT_TRUE(r2.ok());
  EXPECT_EQ(r2->inserted, 0);
  EXPECT_EQ(r2->unchanged, 3);
  EXPECT_EQ(Take(*t_.app), after);
}

TEST_F(ExcelTest, WorkbookSavedByLibreOfficeImports) {
  // tests/fixtures/xlsx/make_libreoffice.sh: merged title, 单位 line, 万元 headers, a real date
  // cell with a Chinese date format, numbers and numbers-as-text, a 合计 row with a formula.
  auto t = OpenTableFile(Fixture("libreoffice.xlsx"));
  ASSERT_TRUE(t.ok()) << t.status().ToString();
  auto r = t_.app->ImportProjects(Actor::System(), *t->source);
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_EQ(r->inserted, 2);
  auto stored = t_.app->store().FindProjects({"LO-001", "LO-002"});
  ASSERT_TRUE(stored.ok());
  ASSERT_EQ(stored->size(), 2u);
  const Project& a = (*stored)[0].project_code == "LO-001" ? (*stored)[0] : (*stored)[1];
  const Project& b = (*stored)[0].project_code == "LO-001" ? (*stored)[1] : (*stored)[0];
  EXPECT_EQ(a.region_code, "540102");
  EXPECT_EQ(a.year, 2023);
  EXPECT_EQ(a.total_investment, Fen(150'500'000));  // 150.5 万元
  EXPECT_EQ(a.central_fund, Fen(120'250'000));
  EXPECT_EQ(a.planned_start, Date::FromYmd(2023, 3, 1));
  EXPECT_EQ(a.responsible_person, "扎西");
  EXPECT_EQ(b.region_code, "540102001");
  EXPECT_EQ(b.total_investment, Fen(100'000));  // 0.1 万元
  EXPECT_EQ(b.central_fund, Fen(50'000));       // "0.05" typed as text
  EXPECT_EQ(b.planned_start, Date::FromYmd(2023, 4, 15));
}

TEST_F(ExcelTest, EveryBrokenWorkbookGivesItsErrorAndChangesNothing) {
  const Snapshot before = Take(*t_.app);
  const std::vector<std::pair<std::string, std::string>> cases = {
      {"not_a_zip.xlsx", "not_xlsx"},
      {"empty.xlsx", "empty_file"},
      {"zip_without_sheet.xlsx", "no_sheet"},
      {"wrong_header.xlsx", "missing_column"},
      {"shared_string_out_of_range.xlsx", "shared_string_out_of_range"},
      {"formula_no_value.xlsx", "formula_cell"},
      {"cell_50mb.xlsx", "cell_too_large"},
  };
  for (const auto& [file, code] : cases) {
    EXPECT_EQ(ImportLedgerFile(Fixture(file)), code) << file;
    EXPECT_EQ(Take(*t_.app), before) << file << " changed the store";
  }
}

TEST_F(ExcelTest, ExportedProjectsAndLedgerImportBackIdentical) {
  const std::string projects = (dir_ / "projects.xlsx").string();
  const std::string ledger = (dir_ / "ledger.xlsx").string();
  ASSERT_TRUE(ExportProjects(*t_.app, Actor::System(), {}, projects).ok());
  ASSERT_TRUE(ExportLedger(*t_.app, Actor::System(), {}, ledger).ok());

  TestApp fresh;
  for (const auto& [kind, path] : {std::pair{"projects", projects}, std::pair{"ledger", ledger}}) {
    auto t = OpenTableFile(path);
    ASSERT_TRUE(t.ok()) << t.status().ToString();
    auto r = std::string(kind) == "projects" ? fresh.app->ImportProjects(Actor::System(), *t->source)
                                             : fresh.app->ImportLedger(Actor::System(), *t->source);
    ASSERT_TRUE(r.ok()) << kind << ": " << r.status().ToString();
  }
  const Snapshot a = Take(*t_.app);
  const Snapshot b = Take(*fresh.app);
  EXPECT_EQ(a.projects, b.projects);
  EXPECT_EQ(a.entries, b.entries);
  EXPECT_EQ(b.projects.size(), 3u);
  EXPECT_EQ(b.entries.size(), 5u);
}

TEST_F(ExcelTest, FilteredLedgerExportHasATotalsRowTheImportSkips) {
  const std::string path = (dir_ / "expend.xlsx").string();
  LedgerListQuery q;
  q.kind = "expend";
  q.region_code = "540000";
  ASSERT_TRUE(ExportLedger(*t_.app, Actor::System(), q, path).ok());
  auto r = XlsxReader::OpenFile(path);
  ASSERT_TRUE(r.ok());
  int rows = 0;
  for (;;) {
    auto next = (*r)->Next();
    ASSERT_TRUE(next.ok()) << next.status().ToString();
    if (!*next) break;
    ++rows;
  }
  EXPECT_EQ(rows, 1 + 2);  // header + E1, E2 (the 合计 row is skipped)
}

/// The entry ids of a ledger export, in file order (the header and a 合计 row skipped).
std::vector<std::string> ExportedIds(const std::string& path) {
  std::vector<std::string> ids;
  auto r = XlsxReader::OpenFile(path);
  EXPECT_TRUE(r.ok());
  if (!r.ok()) return ids;
  for (bool header = true;; header = false) {
    auto next = (*r)->Next();
    EXPECT_TRUE(next.ok()) << next.status().ToString();
    if (!next.ok() || !*next) break;
    if (!header) ids.push_back((*next)->cells[0]);
  }
  return ids;
}

TEST_F(ExcelTest, LedgerExportWalksEveryPageInCommitOrderWithTheListFilters) {
  // 4,500 more entries: the export reads the store 2,000 at a time.
  std::string csv = "凭证号,日期,类型,资金来源,资金年度,区划代码,项目编码,金额,收款方,收款方类型,冲销凭证号,备注\n";
  for (int i = 0; i < 4'500; ++i) {
    // Appended piece by piece: GCC 12 warns falsely (-Wrestrict) on long operator+ chains.
    csv.append("B").append(std::to_string(i)).append(",2023-05-01,下达,");
    csv.append(i % 3 == 0 ? "省级" : "中央").append(",2023,").append(i % 2 == 0 ? "540102" : "540202");
    csv.append(",,100,,,,").append(i == 4'321 ? "第4321笔" : "").append("\n");
  }
  ASSERT_TRUE(ImportCsv(*t_.app, "ledger", csv).ok());
  const std::string path = (dir_ / "all.xlsx").string();
  ASSERT_TRUE(ExportLedger(*t_.app, Actor::System(), {}, path).ok());
  std::vector<std::string> ids = ExportedIds(path);
  ASSERT_EQ(ids.size(), 5u + 4'500u);
  EXPECT_EQ(ids[0], "A1");  // commit order: the first import, then B0 … B4499
  EXPECT_EQ(ids[5], "B0");
  EXPECT_EQ(ids.back(), "B4499");

  // The list's filters: region subtree, fund source, kind, text — as GET /api/v1/ledger applies them.
  LedgerListQuery q;
  q.region_code = "540102";
  q.fund_source = "省级";
  q.kind = "allocate";
  ASSERT_TRUE(ExportLedger(*t_.app, Actor::System(), q, path).ok());
  ids = ExportedIds(path);
  ASSERT_EQ(ids.size(), 750u);  // i ≡ 0 (mod 6)
  EXPECT_EQ(ids[0], "B0");
  EXPECT_EQ(ids[1], "B6");
  q = {};
  q.text = "第4321";
  ASSERT_TRUE(ExportLedger(*t_.app, Actor::System(), q, path).ok());
  EXPECT_EQ(ExportedIds(path), std::vector<std::string>{"B4321"});
}

TEST_F(ExcelTest, LedgerExportRefusesBadFiltersAndOtherRegions) {
  const std::string path = (dir_ / "bad.xlsx").string();
  LedgerListQuery q;
  q.kind = "flying";
  EXPECT_EQ(ExportLedger(*t_.app, Actor::System(), q, path).code(), ErrorCode::kInvalidArgument);
  q = {};
  q.fund_source = "月球";
  EXPECT_EQ(ExportLedger(*t_.app, Actor::System(), q, path).code(), ErrorCode::kInvalidArgument);
  q = {};
  q.region_code = "999999";
  EXPECT_EQ(ExportLedger(*t_.app, Actor::System(), q, path).code(), ErrorCode::kNotFound);
  Actor county = Actor::System();
  county.role = Role::kCountyOfficer;
  county.region_code = "540102";
  q = {};
  q.region_code = "540202";
  EXPECT_EQ(ExportLedger(*t_.app, county, q, path).code(), ErrorCode::kPermissionDenied);
  // Its own county: only its own entries (A1, E1, R1).
  q.region_code = "";
  ASSERT_TRUE(ExportLedger(*t_.app, county, q, path).ok());
  EXPECT_EQ(ExportedIds(path), (std::vector<std::string>{"A1", "E1", "R1"}));
}

TEST_F(ExcelTest, ReportsExportForARegion) {
  const IndicatorQuery q{"540000", 2023, *Date::Parse("2023-07-05"), FundSource::kCentral};
  EXPECT_TRUE(ExportDispatchTable(*t_.app, Actor::System(), q, (dir_ / "d.xlsx").string()).ok());
  EXPECT_TRUE(ExportRankings(*t_.app, Actor::System(), q, RankRequest{}, (dir_ / "r.xlsx").string()).ok());
  FlagQuery flags;
  flags.region_code = "540000";
  flags.fund_year = 2023;
  flags.as_of = q.as_of;
  EXPECT_TRUE(ExportFlags(*t_.app, Actor::System(), flags, (dir_ / "f.xlsx").string()).ok());
  auto d = XlsxReader::OpenFile((dir_ / "d.xlsx").string());
  ASSERT_TRUE(d.ok());
  auto header = (*d)->Next();
  ASSERT_TRUE(header.ok() && *header);
  EXPECT_EQ((*header)->cells[3], "下达资金（元）");
  auto first = (*d)->Next();
  ASSERT_TRUE(first.ok() && *first);
  EXPECT_EQ((*first)->cells[1], "540100");
  EXPECT_EQ((*first)->cells[3], "5000000");  // A1: 5,000,000 yuan of central funds to 城关区
}

TEST_F(ExcelTest, JobsReportProgressResultAndErrors) {
  ImportJobs& jobs = t_.app->import_jobs();
  const UserView user = t_.AddUser("财务甲", Role::kFinanceOfficer, "540100");
  Actor actor;
  actor.username = user.username;
  actor.role = user.role;
  actor.region_code = user.region_code;
  actor.user_id = user.id;

  auto ok = jobs.Submit(actor, ImportKind::kLedger, Slurp(Fixture("ledger_good.xlsx")), "台账.xlsx", "");
  ASSERT_TRUE(ok.ok()) << ok.status().ToString();
  EXPECT_EQ(ok->format, "xlsx");
  jobs.WaitIdle();
  auto done = jobs.Get(actor, ok->id);
  ASSERT_TRUE(done.ok());
  EXPECT_EQ(done->state, JobState::kSucceeded);
  EXPECT_EQ(done->rows_read, 3);
  EXPECT_EQ(done->rows_total, 3);
  ASSERT_TRUE(done->report.has_value());
  EXPECT_EQ(done->report->inserted, 3);

  const Snapshot before = Take(*t_.app);
  auto bad = jobs.Submit(actor, ImportKind::kLedger, Slurp(Fixture("formula_no_value.xlsx")), "公式.xlsx", "");
  ASSERT_TRUE(bad.ok());
  jobs.WaitIdle();
  auto failed = jobs.Get(actor, bad->id);
  ASSERT_TRUE(failed.ok());
  EXPECT_EQ(failed->state, JobState::kFailed);
  ASSERT_EQ(failed->errors.size(), 1u);
  EXPECT_EQ(failed->errors[0].code, "formula_cell");
  EXPECT_EQ(Take(*t_.app), before);

  // The error workbook lists the error with its cell.
  auto bytes = jobs.ErrorWorkbook(actor, bad->id);
  ASSERT_TRUE(bytes.ok()) << bytes.status().ToString();
  auto book = XlsxReader::OpenBuffer(*bytes);
  ASSERT_TRUE(book.ok()) << book.status().ToString();
  EXPECT_EQ((*book)->sheet(), "错误清单");
  auto header = (*book)->Next();
  auto line = (*book)->Next();
  ASSERT_TRUE(line.ok() && *line);
  EXPECT_EQ((*line)->cells[0], "台账");
  EXPECT_EQ((*line)->cells[1], "4");
  EXPECT_EQ((*line)->cells[2], "H");
  // 列名 (Chinese, issue #21 point 6) and 英文列名 follow the cell; the code after the value.
  ASSERT_EQ((*header)->cells.size(), 8u);
  EXPECT_EQ((*header)->cells[3], "列名");
  EXPECT_EQ((*header)->cells[4], "英文列名");
  EXPECT_EQ((*line)->cells[6], "formula_cell");

  // Another user does not see the job; an admin does.
  Actor other = actor;
  other.username = "someone-else";
  EXPECT_EQ(jobs.Get(other, bad->id).status().code(), ErrorCode::kNotFound);
  Actor admin = other;
  admin.role = Role::kAdmin;
  EXPECT_TRUE(jobs.Get(admin, bad->id).ok());
}

TEST_F(ExcelTest, JobErrorWorkbookHighlightsTheOffendingRows) {
  ImportJobs& jobs = t_.app->import_jobs();
  const std::string csv =
      std::string("凭证号,日期,类型,资金来源,资金年度,区划代码,项目编码,金额,收款方,收款方类型,冲销凭证号,备注\n") +
      "N1,2023-02-30,下达,中央,2023,540102,,100,,,,\n" + "N2,2023-02-01,下达,中央,2023,540102,,-5,,,,\n";
  auto job = jobs.Submit(Actor::System(), ImportKind::kLedger, csv, "bad.csv", "text/csv");
  ASSERT_TRUE(job.ok());
  jobs.WaitIdle();
  auto v = jobs.Get(Actor::System(), job->id);
  ASSERT_TRUE(v.ok());
  EXPECT_EQ(v->state, JobState::kFailed);
  EXPECT_EQ(v->errors_total, 2);
  EXPECT_EQ(v->rows_read, 2);
  auto bytes = jobs.ErrorWorkbook(Actor::System(), job->id);
  ASSERT_TRUE(bytes.ok());
  EXPECT_NE(bytes->find("xl/worksheets/sheet2.xml"), std::string::npos);  // the 出错行 sheet
}

}  // namespace app_excel_test
}  // namespace xj
