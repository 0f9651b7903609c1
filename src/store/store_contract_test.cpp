// The Store contract: one typed suite, run unchanged against SQLite and PostgreSQL.
// PostgreSQL instances read the server from XIANJIE_TEST_PG_URL (./test.sh starts a
// throwaway cluster and sets it) and are skipped only when it is unset. Every test
// gets a fresh database: a temporary file, or a fresh schema on the server.
#include <gtest/gtest.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <map>
#include <mutex>
#include <set>
#include <stdexcept>
#include <thread>

#include "store/migrations.hpp"
#include "store/postgres/pg_conn.hpp"
#include "store/postgres/postgres_driver.hpp"
#include "store/sqlite/sqlite_driver.hpp"
#include "store/store.hpp"
#include "store/store_copy.hpp"

namespace xj {
namespace store_store_contract_test {

namespace fs = std::filesystem;

std::string UniqueName(std::string_view prefix) {
  static std::atomic<int> counter{0};
  return std::string(prefix) + "_" + std::to_string(::getpid()) + "_" + std::to_string(++counter);
}

/// Fresh SQLite files in a temporary folder.
class SqliteBackend {
 public:
  static constexpr const char* kName = "sqlite";
  static const char* Unavailable() { return nullptr; }
  ~SqliteBackend() {
    std::error_code ignored;
    fs::remove_all(dir_, ignored);
  }
  std::string NewDatabaseUrl() {
    if (dir_.empty()) {
      dir_ = fs::temp_directory_path() / UniqueName("xj_contract");
      fs::create_directories(dir_);
    }
    return "sqlite:" + (dir_ / (UniqueName("db") + ".db")).string();
  }
  static const std::vector<Migration>& Migrations() { return SqliteMigrations(); }
  /// The backend's driver on a database of NewDatabaseUrl(), to read and tamper behind the store's back.
  static std::unique_ptr<sql::Driver> Driver(const std::string& url) {
    auto driver = sqlite::SqliteDriver::Open(url.substr(std::string_view("sqlite:").size()));
    if (!driver.ok()) throw std::runtime_error(driver.status().ToString());
    return std::move(driver).value();
  }

 private:
  fs::path dir_;
};

/// Fresh schemas on the server named by XIANJIE_TEST_PG_URL, dropped afterwards.
class PostgresBackend {
 public:
  static constexpr const char* kName = "postgresql";
  static const char* Unavailable() {
    return std::getenv("XIANJIE_TEST_PG_URL") ? nullptr : "XIANJIE_TEST_PG_URL is not set";
  }
  ~PostgresBackend() {
    if (admin_) {
      for (const std::string& schema : schemas_) (void)admin_->Exec("DROP SCHEMA " + schema + " CASCADE");
    }
  }
  std::string NewDatabaseUrl() {
    const std::string base = std::getenv("XIANJIE_TEST_PG_URL");
    if (!admin_) {
      auto conn = pg::Conn::Open(base);
      if (!conn.ok()) throw std::runtime_error(conn.status().ToString());
      admin_ = std::move(conn).value();
    }
    const std::string schema = UniqueName("xj_contract");
    Status s = admin_->Exec("CREATE SCHEMA " + schema);
    if (!s.ok()) throw std::runtime_error(s.ToString());
    schemas_.push_back(schema);
    const char sep = base.find('?') == std::string::npos ? '?' : '&';
    return base + sep + "options=-csearch_path%3D" + schema;
  }
  static const std::vector<Migration>& Migrations() { return PostgresMigrations(); }
  static std::unique_ptr<sql::Driver> Driver(const std::string& url) {
    auto driver = pg::PostgresDriver::Open(url);
    if (!driver.ok()) throw std::runtime_error(driver.status().ToString());
    return std::move(driver).value();
  }

 private:
  std::unique_ptr<pg::Conn> admin_;
  std::vector<std::string> schemas_;
};

const Date kAsOf = Date::FromYmd(2023, 7, 5);

Region MakeRegion(std::string code, std::string name, RegionLevel level, std::string parent) {
  Region r;
  r.code = std::move(code);
  r.name = std::move(name);
  r.level = level;
  r.parent_code = std::move(parent);
  return r;
}

/// 西藏自治区 › 拉萨市 › 城关区, 林周县.
std::vector<Region> Regions() {
  return {MakeRegion("540000", "西藏自治区", RegionLevel::kProvince, ""),
          MakeRegion("540100", "拉萨市", RegionLevel::kPrefecture, "540000"),
          MakeRegion("540102", "城关区", RegionLevel::kCounty, "540100"),
          MakeRegion("540121", "林周县", RegionLevel::kCounty, "540100")};
}

Project MakeProject(std::string code, std::string region, std::string category, std::int64_t central,
                    ProjectState status) {
  Project p;
  p.project_code = std::move(code);
  p.name = "项目 " + p.project_code;
  p.year = 2023;
  p.region_code = std::move(region);
  p.category = std::move(category);
  p.central_fund = Fen(central);
  p.total_investment = Fen(central * 2);
  p.status = status;
  p.responsible_person = "张三";
  return p;
}

/// P1 industry (0101) in 城关区, started 2023-03-01; P2 infrastructure (0301) in 林周县,
/// not started; P3 in 林周县, cancelled (excluded from every figure).
std::vector<Project> Projects() {
  Project p1 = MakeProject("P1", "540102", "0101", 1'500'000, ProjectState::kStarted);
  p1.planned_start = Date::FromYmd(2023, 2, 1);
  p1.actual_start = Date::FromYmd(2023, 3, 1);
  p1.work_relief = true;
  Project p2 = MakeProject("P2", "540121", "0301", 500'000, ProjectState::kPlanned);
  Project p3 = MakeProject("P3", "540121", "0301", 900'000, ProjectState::kCancelled);
  return {p1, p2, p3};
}

StoredEntry Entry(std::string id, Date date, EntryKind kind, std::string region, std::string project,
                  std::int64_t amount, PayeeType payee = PayeeType::kNone, FundSource source = FundSource::kCentral,
                  int fund_year = 2023) {
  StoredEntry se;
  LedgerEntry& e = se.entry;
  e.entry_id = std::move(id);
  e.date = date;
  e.kind = kind;
  e.fund_source = source;
  e.fund_year = fund_year;
  e.region_code = std::move(region);
  e.project_code = std::move(project);
  e.amount = Fen(amount);
  e.payee = payee == PayeeType::kNone ? "" : "收款方";
  e.payee_type = payee;
  se.effective = EffectiveEntry{kind, payee, 1};
  return se;
}

StoredEntry Reversal(std::string id, Date date, const StoredEntry& of) {
  StoredEntry se = of;
  se.entry.entry_id = std::move(id);
  se.entry.date = date;
  se.entry.kind = EntryKind::kReverse;
  se.entry.reverses = of.entry.entry_id;
  se.effective.sign = -1;
  return se;
}

/// The ledger whose figures are worked out by hand in the ComputeFiguresBySql test.
std::vector<StoredEntry> Ledger() {
  const StoredEntry d2 =
      Entry("D2", Date::FromYmd(2023, 2, 11), EntryKind::kDisburse, "540102", "P1", 100'000, PayeeType::kNone);
  return {
      Entry("A1", Date::FromYmd(2023, 1, 10), EntryKind::kAllocate, "540102", "", 2'000'000),
      Entry("A2", Date::FromYmd(2023, 1, 10), EntryKind::kAllocate, "540121", "P2", 500'000),
      Entry("A3", Date::FromYmd(2023, 1, 10), EntryKind::kAllocate, "540121", "", 700'000, PayeeType::kNone,
            FundSource::kProvincial),
      Entry("A4", Date::FromYmd(2022, 3, 1), EntryKind::kAllocate, "540102", "", 50'000, PayeeType::kNone,
            FundSource::kCentral, 2022),
      Entry("D1", Date::FromYmd(2023, 2, 10), EntryKind::kDisburse, "540102", "P1", 600'000),
      d2,
      Reversal("R1", Date::FromYmd(2023, 2, 12), d2),
      Entry("E1", Date::FromYmd(2023, 3, 10), EntryKind::kExpend, "540102", "P1", 300'000, PayeeType::kEnterprise),
      Entry("E2", Date::FromYmd(2023, 5, 10), EntryKind::kExpend, "540102", "P1", 250'000, PayeeType::kEnterprise),
      Entry("E3", Date::FromYmd(2023, 5, 20), EntryKind::kExpend, "540102", "P1", 100'000, PayeeType::kGovAccount),
  };
}

/// `n` allocations numbered from `first`, enough to take the bulk (COPY) path.
std::vector<StoredEntry> ManyAllocations(int first, int n) {
  std::vector<StoredEntry> out;
  for (int i = first; i < first + n; ++i) {
    out.push_back(Entry("BULK-" + std::to_string(i), Date::FromYmd(2023, 1, 1 + i % 28), EntryKind::kAllocate,
                        i % 2 ? "540102" : "540121", "", 100 + i));
  }
  return out;
}

template <typename Backend>
class StoreContractTest : public ::testing::Test {
 protected:
  void SetUp() override {
    if (const char* why = Backend::Unavailable()) GTEST_SKIP() << why;
    url_ = backend_.NewDatabaseUrl();
    store_ = OpenMigrated(url_);
  }

  /// Runs `sql` on the store's database behind its back (a tampering operator, a broken disk).
  void Tamper(const std::string& statement) {
    Status s = Backend::Driver(url_)->Write([&](sql::Conn& c) { return c.ExecText(statement, {}).status(); }, false);
    ASSERT_TRUE(s.ok()) << s.ToString();
  }

  /// A new, migrated, empty store of this backend.
  std::unique_ptr<Store> OpenFresh() { return OpenMigrated(backend_.NewDatabaseUrl()); }

  static std::unique_ptr<Store> OpenMigrated(const std::string& url) {
    auto store = OpenStore(url);
    if (!store.ok()) throw std::runtime_error(store.status().ToString());
    auto version = (*store)->Migrate();
    if (!version.ok()) throw std::runtime_error(version.status().ToString());
    return std::move(store).value();
  }

  /// Regions, projects, a contract, two progress reports and the hand-worked ledger.
  void Populate(Store& store) {
    ASSERT_TRUE(store.UpsertRegions(Regions()).ok());
    ASSERT_TRUE(store.InsertProjects(Projects()).ok());
    ASSERT_TRUE(store.InsertContract({"P1", "HT-001", Fen(1'000'000), Date::FromYmd(2023, 2, 1), std::nullopt}).ok());
    ASSERT_TRUE(store.InsertProgress({"P1", Date::FromYmd(2023, 4, 1), 1000, "基础完工"}).ok());
    ASSERT_TRUE(store.InsertProgress({"P1", Date::FromYmd(2023, 6, 1), 2000, "主体施工"}).ok());
    ASSERT_TRUE(store.AppendEntries(Ledger()).ok());
    ASSERT_TRUE(store.InsertPolicy({"advance_cap_bp", 3000, Date::FromYmd(2020, 1, 1), "预付上限", ""}).ok());
  }

  static std::vector<StoredEntry> AllEntries(Store& store) {
    std::vector<StoredEntry> out;
    EXPECT_TRUE(store.ScanLedger([&](const StoredEntry& e) { out.push_back(e); }).ok());
    return out;
  }

  static std::vector<PolicyValue> Policies(Store& store) {
    auto policies = store.LoadPolicies();
    EXPECT_TRUE(policies.ok());
    return policies.ok() ? *policies : std::vector<PolicyValue>{};
  }

  static std::map<std::string, SqlRegionFigures> Figures(Store& store, Date as_of) {
    auto rows = store.ComputeFiguresBySql({2023, as_of, FundSource::kCentral, 3000, 300, 24});
    EXPECT_TRUE(rows.ok()) << rows.status().ToString();
    std::map<std::string, SqlRegionFigures> out;
    if (rows.ok()) {
      for (const auto& f : *rows) out[f.region_code] = f;
    }
    return out;
  }

  Backend backend_;
  std::string url_;
  std::unique_ptr<Store> store_;
};

struct BackendNames {
  template <typename T>
  static std::string GetName(int) {
    return T::kName;
  }
};

using Backends = ::testing::Types<SqliteBackend, PostgresBackend>;
TYPED_TEST_SUITE(StoreContractTest, Backends, BackendNames);

TYPED_TEST(StoreContractTest, MigrateReachesTheLatestVersionOnceAndKeepsBackendsInStep) {
  const int latest = SqliteMigrations().back().version;
  ASSERT_EQ(PostgresMigrations().size(), SqliteMigrations().size());
  EXPECT_EQ(PostgresMigrations().back().version, latest);
  auto again = this->store_->Migrate();
  ASSERT_TRUE(again.ok());
  EXPECT_EQ(*again, latest);
  auto version = this->store_->SchemaVersion();
  ASSERT_TRUE(version.ok());
  EXPECT_EQ(*version, latest);
}

TYPED_TEST(StoreContractTest, MigrateAppliesEveryMissingVersionAlsoBelowTheNewestApplied) {
  // A database migrated before 0013 landed: 0001..0012 and 0015 applied, 0013 (and 0014) not.
  const std::string url = this->backend_.NewDatabaseUrl();
  std::vector<Migration> older;
  for (const Migration& m : TypeParam::Migrations()) {
    if (m.version <= 12 || m.version == 15) older.push_back(m);
  }
  ASSERT_TRUE(std::any_of(TypeParam::Migrations().begin(), TypeParam::Migrations().end(),
                          [](const Migration& m) { return m.version == 13; }));
  {
    auto reached = TypeParam::Driver(url)->ApplyMigrations(older);
    ASSERT_TRUE(reached.ok()) << reached.status().ToString();
    EXPECT_EQ(*reached, 15);
  }
  std::unique_ptr<Store> store = this->OpenMigrated(url);
  auto version = store->SchemaVersion();
  ASSERT_TRUE(version.ok());
  EXPECT_EQ(*version, TypeParam::Migrations().back().version);

  std::vector<int> recorded, expected;
  for (const Migration& m : TypeParam::Migrations()) expected.push_back(m.version);
  std::int64_t assets = -1;
  auto driver = TypeParam::Driver(url);
  Status s = driver->Read([&](sql::Conn& c) -> Status {
    XJ_RETURN_IF_ERROR(
        c.QueryText("SELECT version FROM schema_migrations ORDER BY version", {}, [&](const sql::Row& row) {
          recorded.push_back(static_cast<int>(row.Int(0)));
          return Status::Ok();
        }));
    // 0013's table is there, empty.
    return c.QueryText("SELECT COUNT(*) FROM assets", {}, [&](const sql::Row& row) {
      assets = row.Int(0);
      return Status::Ok();
    });
  });
  ASSERT_TRUE(s.ok()) << s.ToString();
  EXPECT_EQ(recorded, expected);
  EXPECT_EQ(assets, 0);
}

TYPED_TEST(StoreContractTest, RegionsUpsertUpdatesNamesButNotTheTree) {
  Store& s = *this->store_;
  ASSERT_TRUE(s.UpsertRegions(Regions()).ok());
  Region renamed = MakeRegion("540121", "林周县（新）", RegionLevel::kCounty, "540100");
  renamed.former_name = "林周县";
  renamed.key_township = true;
  ASSERT_TRUE(s.UpsertRegions({renamed}).ok());
  auto loaded = s.LoadRegions();
  ASSERT_TRUE(loaded.ok());
  std::sort(loaded->begin(), loaded->end(), [](const Region& a, const Region& b) { return a.code < b.code; });
  ASSERT_EQ(loaded->size(), 4u);
  EXPECT_EQ((*loaded)[0], Regions()[0]);
  EXPECT_EQ((*loaded)[3], renamed);
}

TYPED_TEST(StoreContractTest, ProjectsRoundTripWithDatesAndRejectDuplicatesWhole) {
  Store& s = *this->store_;
  ASSERT_TRUE(s.UpsertRegions(Regions()).ok());
  ASSERT_TRUE(s.InsertProjects(Projects()).ok());
  auto found = s.FindProjects({"P1", "NOPE"});
  ASSERT_TRUE(found.ok());
  ASSERT_EQ(found->size(), 1u);
  EXPECT_EQ(found->front(), Projects()[0]);
  // Codes as a request may spell them (found by fuzz_json_bodies: a control character in a
  // project code made SQLite's list parameter malformed JSON, and the request a 500).
  auto odd = s.FindProjects({std::string("P\x0e") + "1", "P\"1", "P\\1", "P\t1", "P1"});
  ASSERT_TRUE(odd.ok()) << odd.status().ToString();
  ASSERT_EQ(odd->size(), 1u);
  EXPECT_EQ(odd->front().project_code, "P1");

  Project fresh = MakeProject("P4", "540102", "0101", 1, ProjectState::kDraft);
  Status dup = s.InsertProjects({fresh, Projects()[1]});
  EXPECT_EQ(dup.code(), ErrorCode::kAlreadyExists) << dup.ToString();
  std::vector<std::string> codes;
  ASSERT_TRUE(s.ScanProjects([&](const Project& p) { codes.push_back(p.project_code); }).ok());
  EXPECT_EQ(codes, (std::vector<std::string>{"P1", "P2", "P3"}));
  auto count = s.CountProjects();
  ASSERT_TRUE(count.ok());
  EXPECT_EQ(*count, 3);
}

TYPED_TEST(StoreContractTest, ProjectEditsNeedTheCurrentVersionAndAStaleOneWritesNothing) {
  Store& s = *this->store_;
  ASSERT_TRUE(s.UpsertRegions(Regions()).ok());
  ASSERT_TRUE(s.InsertProjects(Projects()).ok());
  auto before = s.GetProject("P1");
  ASSERT_TRUE(before.ok() && *before);
  Project edited = (*before)->project;
  edited.name = "青稞基地（扩建）";
  edited.total_investment = Fen::FromYuan(2'000'000);
  edited.planned_finish = Date::FromYmd(2023, 12, 31);
  edited.work_relief = true;
  ASSERT_TRUE(s.UpdateProject(edited, (*before)->version).ok());
  Project stale = edited;
  stale.name = "过期的修改";
  EXPECT_EQ(s.UpdateProject(stale, (*before)->version).code(), ErrorCode::kConflict);
  auto after = s.GetProject("P1");
  ASSERT_TRUE(after.ok() && *after);
  EXPECT_EQ((*after)->version, (*before)->version + 1);
  EXPECT_EQ((*after)->project, edited);
}

TYPED_TEST(StoreContractTest, LibraryRecordsRoundTripByEachKeyAndSeedTheReferenceData) {
  Store& s = *this->store_;
  ASSERT_TRUE(s.UpsertRegions(Regions()).ok());
  ASSERT_TRUE(s.InsertProjects(Projects()).ok());
  auto negative = s.FindLibraryRecords({"negative", {}, {}, {}, {}});
  ASSERT_TRUE(negative.ok());
  EXPECT_EQ(negative->size(), 7u);
  auto guidelines = s.FindLibraryRecords({"guideline", {}, {}, {}, {}});
  ASSERT_TRUE(guidelines.ok());
  EXPECT_EQ(guidelines->size(), 23u);

  auto posting = s.InsertLibraryRecord({0, "posting", "540102", "P1", 0, R"({"place":"公开栏"})", "t1", "t1"});
  ASSERT_TRUE(posting.ok());
  auto objection = s.InsertLibraryRecord({0, "objection", "540102", "P1", *posting, R"({"text":"异议"})", "t2", "t2"});
  ASSERT_TRUE(objection.ok());
  EXPECT_GT(*objection, *posting);
  ASSERT_TRUE(s.InsertLibraryRecord({0, "posting", "540121", "P2", 0, "{}", "t3", "t3"}).ok());

  auto by_project = s.FindLibraryRecords({"posting", {}, std::string("P1"), {}, {}});
  ASSERT_TRUE(by_project.ok());
  ASSERT_EQ(by_project->size(), 1u);
  EXPECT_EQ(by_project->front().doc, R"({"place":"公开栏"})");
  EXPECT_EQ(by_project->front().region_code, "540102");
  EXPECT_EQ(by_project->front().created_at, "t1");
  auto by_ref = s.FindLibraryRecords({"objection", {}, {}, *posting, {}});
  ASSERT_TRUE(by_ref.ok());
  ASSERT_EQ(by_ref->size(), 1u);
  EXPECT_EQ(by_ref->front().id, *objection);
  auto by_region = s.FindLibraryRecords({"posting", {}, {}, {}, std::string("540121")});
  ASSERT_TRUE(by_region.ok());
  ASSERT_EQ(by_region->size(), 1u);
  EXPECT_EQ(by_region->front().project_code, "P2");
  auto all = s.FindLibraryRecords({"posting", {}, {}, {}, {}});
  ASSERT_TRUE(all.ok());
  EXPECT_EQ(all->size(), 2u);

  ASSERT_TRUE(s.UpdateLibraryRecord(*objection, R"({"text":"异议","resolved":true})", "t4").ok());
  auto by_id = s.FindLibraryRecords({"objection", *objection, {}, {}, {}});
  ASSERT_TRUE(by_id.ok());
  ASSERT_EQ(by_id->size(), 1u);
  EXPECT_EQ(by_id->front().doc, R"({"text":"异议","resolved":true})");
  EXPECT_EQ(by_id->front().created_at, "t2");
  EXPECT_EQ(by_id->front().updated_at, "t4");
  EXPECT_EQ(s.UpdateLibraryRecord(999999, "{}", "t5").code(), ErrorCode::kNotFound);
  // A write inside a failed transaction leaves nothing behind.
  Status failed = s.Transact([&]() -> Status {
    EXPECT_TRUE(s.InsertLibraryRecord({0, "village_plan", "540102", "", 0, "{}", "t6", "t6"}).ok());
    return Status::Conflict("回滚");
  });
  EXPECT_FALSE(failed.ok());
  EXPECT_TRUE(s.FindLibraryRecords({"village_plan", {}, {}, {}, {}})->empty());
}

TYPED_TEST(StoreContractTest, ProjectsForAnUnknownRegionAreRejected) {
  Store& s = *this->store_;
  ASSERT_TRUE(s.UpsertRegions(Regions()).ok());
  Status st = s.InsertProjects({MakeProject("PX", "999999", "0101", 1, ProjectState::kDraft)});
  EXPECT_EQ(st.code(), ErrorCode::kInvalidArgument) << st.ToString();
}

TYPED_TEST(StoreContractTest, LedgerAppendsAssignIncreasingSeqAndScansInCommitOrder) {
  Store& s = *this->store_;
  this->Populate(s);
  std::vector<StoredEntry> all = this->AllEntries(s);
  ASSERT_EQ(all.size(), Ledger().size());
  for (std::size_t i = 0; i < all.size(); ++i) {
    EXPECT_EQ(all[i].entry, Ledger()[i].entry) << i;
    if (i > 0) {
      EXPECT_GT(all[i].seq, all[i - 1].seq);
    }
  }
  EXPECT_EQ(all[6].effective.sign, -1);
  EXPECT_EQ(all[6].effective.kind, EntryKind::kDisburse);

  auto more = s.AppendEntries({Entry("A9", Date::FromYmd(2023, 6, 1), EntryKind::kAllocate, "540102", "", 5)});
  ASSERT_TRUE(more.ok());
  EXPECT_GT(more->front().seq, all.back().seq);

  auto found = s.FindEntries({"E2", "R1", "NOPE"});
  ASSERT_TRUE(found.ok());
  EXPECT_EQ(found->size(), 2u);
  auto reversed = s.FindReversed({"D1", "D2"});
  ASSERT_TRUE(reversed.ok());
  EXPECT_EQ(*reversed, std::vector<std::string>{"D2"});
  auto of_p1 = s.ProjectEntries("P1");
  ASSERT_TRUE(of_p1.ok());
  ASSERT_EQ(of_p1->size(), 6u);  // D1 D2 R1 E1 E2 E3
  EXPECT_EQ(of_p1->front().entry.entry_id, "D1");
  EXPECT_EQ(of_p1->back().entry.entry_id, "E3");
}

TYPED_TEST(StoreContractTest, LedgerListFiltersCountsAndPagesNewestFirst) {
  Store& s = *this->store_;
  this->Populate(s);
  const auto ids = [](const LedgerPage& p) {
    std::vector<std::string> out;
    for (const ListedEntry& e : p.items) out.push_back(e.stored.entry.entry_id);
    return out;
  };
  LedgerFilter all;
  all.limit = 3;
  auto first = s.ListLedger(all);
  ASSERT_TRUE(first.ok()) << first.status().ToString();
  EXPECT_EQ(first->total, 10);
  EXPECT_EQ(ids(*first), (std::vector<std::string>{"E3", "E2", "E1"}));
  all.offset = 3;
  auto second = s.ListLedger(all);
  ASSERT_TRUE(second.ok());
  EXPECT_EQ(ids(*second), (std::vector<std::string>{"R1", "D2", "D1"}));
  EXPECT_EQ(second->items[1].reversed_by, "R1");  // D2 is cancelled by R1
  EXPECT_EQ(second->items[0].reversed_by, "");
  EXPECT_EQ(second->items[0].stored.entry.reverses, "D2");

  LedgerFilter county;
  county.region_codes = {"540121"};
  auto c = s.ListLedger(county);
  ASSERT_TRUE(c.ok());
  EXPECT_EQ(ids(*c), (std::vector<std::string>{"A3", "A2"}));
  county.fund_source = FundSource::kProvincial;
  EXPECT_EQ(ids(*s.ListLedger(county)), std::vector<std::string>{"A3"});

  LedgerFilter narrow;
  narrow.region_codes = {"540102", "540121"};
  narrow.fund_year = 2023;
  narrow.kind = EntryKind::kExpend;
  narrow.project_code = "P1";
  narrow.from = Date::FromYmd(2023, 5, 10);
  narrow.to = Date::FromYmd(2023, 5, 20);
  auto n = s.ListLedger(narrow);
  ASSERT_TRUE(n.ok()) << n.status().ToString();
  EXPECT_EQ(n->total, 2);
  EXPECT_EQ(ids(*n), (std::vector<std::string>{"E3", "E2"}));

  LedgerFilter old;
  old.fund_year = 2022;
  EXPECT_EQ(ids(*s.ListLedger(old)), std::vector<std::string>{"A4"});

  // Commit order with keyset paging (how exports walk the ledger): seq > after_seq, no count.
  LedgerFilter walk;
  walk.oldest_first = true;
  walk.count_total = false;
  walk.with_reversed_by = false;
  walk.limit = 4;
  std::vector<std::string> walked;
  for (int pages = 0;; ++pages) {
    ASSERT_LT(pages, 5);
    auto page = s.ListLedger(walk);
    ASSERT_TRUE(page.ok()) << page.status().ToString();
    EXPECT_EQ(page->total, 0);
    for (const ListedEntry& e : page->items) {
      EXPECT_GT(e.stored.seq, walk.after_seq);
      EXPECT_EQ(e.reversed_by, "");  // not looked up (D2's would be R1)
      walk.after_seq = e.stored.seq;
      walked.push_back(e.stored.entry.entry_id);
    }
    if (page->items.size() < 4) break;
  }
  auto newest = s.ListLedger(LedgerFilter{});
  ASSERT_TRUE(newest.ok());
  std::vector<std::string> reversed = ids(*newest);
  std::reverse(reversed.begin(), reversed.end());
  EXPECT_EQ(walked, reversed);  // every entry once, oldest first

  LedgerFilter text;
  text.text = "收款";  // payee of E1, E2, E3
  auto t = s.ListLedger(text);
  ASSERT_TRUE(t.ok());
  EXPECT_EQ(t->total, 3);
  text.text = "'; DROP TABLE ledger_entries; --";
  auto none = s.ListLedger(text);
  ASSERT_TRUE(none.ok()) << none.status().ToString();
  EXPECT_EQ(none->total, 0);
  EXPECT_TRUE(none->items.empty());

  LedgerFilter quoted;
  quoted.region_codes = {"54\"01\\02"};  // a code that needs escaping matches nothing and breaks nothing
  auto q = s.ListLedger(quoted);
  ASSERT_TRUE(q.ok()) << q.status().ToString();
  EXPECT_EQ(q->total, 0);
}

TYPED_TEST(StoreContractTest, LedgerRejectsDuplicateIdsAndSecondReversalsWithoutPartialWrites) {
  Store& s = *this->store_;
  this->Populate(s);
  const std::size_t before = this->AllEntries(s).size();
  auto dup = s.AppendEntries({Entry("NEW", Date::FromYmd(2023, 6, 1), EntryKind::kAllocate, "540102", "", 5),
                              Entry("A1", Date::FromYmd(2023, 6, 1), EntryKind::kAllocate, "540102", "", 5)});
  EXPECT_EQ(dup.status().code(), ErrorCode::kAlreadyExists);
  auto twice = s.AppendEntries({Reversal("R2", Date::FromYmd(2023, 6, 2), Ledger()[5])});
  EXPECT_EQ(twice.status().code(), ErrorCode::kAlreadyExists);
  EXPECT_EQ(this->AllEntries(s).size(), before);
}

TYPED_TEST(StoreContractTest, BulkAppendsKeepOrderAndSeqAndAreAllOrNothing) {
  Store& s = *this->store_;
  this->Populate(s);
  auto bulk = s.AppendEntries(ManyAllocations(0, 2500));
  ASSERT_TRUE(bulk.ok()) << bulk.status().ToString();
  std::vector<StoredEntry> all = this->AllEntries(s);
  ASSERT_EQ(all.size(), Ledger().size() + 2500);
  for (std::size_t i = 0; i < bulk->size(); ++i) {
    const StoredEntry& stored = all[Ledger().size() + i];
    EXPECT_EQ(stored.seq, (*bulk)[i].seq);
    EXPECT_EQ(stored.entry, (*bulk)[i].entry);
  }
  std::vector<StoredEntry> clash = ManyAllocations(5000, 1500);
  clash.back().entry.entry_id = "BULK-7";
  EXPECT_EQ(s.AppendEntries(std::move(clash)).status().code(), ErrorCode::kAlreadyExists);
  EXPECT_EQ(this->AllEntries(s).size(), all.size());
}

TYPED_TEST(StoreContractTest, ConcurrentAppendsFromManyThreadsGetDistinctOrderedSeqs) {
  Store& s = *this->store_;
  ASSERT_TRUE(s.UpsertRegions(Regions()).ok());
  constexpr int kThreads = 4;
  constexpr int kPerThread = 25;
  std::vector<std::vector<std::int64_t>> seqs(kThreads);
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&, t] {
      for (int i = 0; i < kPerThread; ++i) {
        std::string id = "T";
        id += std::to_string(t);
        id += '-';
        id += std::to_string(i);
        auto r = s.AppendEntries({Entry(id, Date::FromYmd(2023, 1, 1), EntryKind::kAllocate, "540102", "", 1)});
        if (r.ok()) seqs[t].push_back(r->front().seq);
      }
    });
  }
  for (auto& th : threads) th.join();
  std::vector<std::int64_t> all_seqs;
  for (const auto& per : seqs) {
    ASSERT_EQ(per.size(), static_cast<std::size_t>(kPerThread));
    EXPECT_TRUE(std::is_sorted(per.begin(), per.end()));
    all_seqs.insert(all_seqs.end(), per.begin(), per.end());
  }
  std::sort(all_seqs.begin(), all_seqs.end());
  EXPECT_EQ(std::adjacent_find(all_seqs.begin(), all_seqs.end()), all_seqs.end());
  std::vector<StoredEntry> scanned = this->AllEntries(s);
  ASSERT_EQ(scanned.size(), all_seqs.size());
  for (std::size_t i = 0; i < scanned.size(); ++i) EXPECT_EQ(scanned[i].seq, all_seqs[i]);
}

TYPED_TEST(StoreContractTest, TransactCommitsNestedWritesAndSeesThemInside) {
  Store& s = *this->store_;
  Status st = s.Transact([&]() -> Status {
    XJ_RETURN_IF_ERROR(s.UpsertRegions(Regions()));
    XJ_RETURN_IF_ERROR(s.InsertProjects(Projects()));
    XJ_ASSIGN_OR_RETURN(std::int64_t n, s.CountProjects());
    EXPECT_EQ(n, 3);
    XJ_ASSIGN_OR_RETURN(auto found, s.FindProjects({"P2"}));
    EXPECT_EQ(found.size(), 1u);
    return s.InsertContract({"P1", "HT-001", Fen(1'000'000), Date::FromYmd(2023, 2, 1), std::nullopt});
  });
  ASSERT_TRUE(st.ok()) << st.ToString();
  std::vector<ProjectContract> contracts;
  ASSERT_TRUE(s.ScanContracts([&](const ProjectContract& c) { contracts.push_back(c); }).ok());
  ASSERT_EQ(contracts.size(), 1u);
  EXPECT_EQ(contracts[0].amount, Fen(1'000'000));
  EXPECT_EQ(contracts[0].signed_on, Date::FromYmd(2023, 2, 1));
}

TYPED_TEST(StoreContractTest, TransactRollsBackOnErrorAndOnException) {
  Store& s = *this->store_;
  const PolicyValue policy{"retention_bp", 500, Date::FromYmd(2024, 1, 1), "质保金", ""};
  Status failed = s.Transact([&]() -> Status {
    XJ_RETURN_IF_ERROR(s.InsertPolicy(policy));
    return Status::Conflict("业务规则不满足");
  });
  EXPECT_EQ(failed.code(), ErrorCode::kConflict);
  EXPECT_TRUE(this->Policies(s).empty());

  EXPECT_THROW((void)s.Transact([&]() -> Status {
    EXPECT_TRUE(s.InsertPolicy(policy).ok());
    throw std::runtime_error("bug");
  }),
               std::runtime_error);
  EXPECT_TRUE(this->Policies(s).empty());

  Status inner_failure = s.Transact([&]() -> Status {
    XJ_RETURN_IF_ERROR(s.InsertPolicy(policy));
    return s.InsertPolicy(policy);  // same key and date: AlreadyExists
  });
  EXPECT_EQ(inner_failure.code(), ErrorCode::kAlreadyExists);
  EXPECT_TRUE(this->Policies(s).empty());

  ASSERT_TRUE(s.InsertPolicy(policy).ok());  // the store is still usable
  auto policies = this->Policies(s);
  ASSERT_EQ(policies.size(), 1u);
  EXPECT_EQ(policies[0].value, 500);
  EXPECT_EQ(policies[0].effective_from, Date::FromYmd(2024, 1, 1));
}

TYPED_TEST(StoreContractTest, ReferenceDataAndYearsPresent) {
  Store& s = *this->store_;
  auto categories = s.LoadCategories();
  ASSERT_TRUE(categories.ok());
  ASSERT_EQ(categories->size(), 20u);
  EXPECT_EQ(categories->front().code, "0101");
  EXPECT_TRUE(categories->front().industry);
  this->Populate(s);
  auto years = s.FundYearsAndSources();
  ASSERT_TRUE(years.ok());
  EXPECT_EQ(*years, (std::vector<std::pair<int, FundSource>>{
                        {2022, FundSource::kCentral}, {2023, FundSource::kCentral}, {2023, FundSource::kProvincial}}));
  std::vector<ProgressReport> progress;
  ASSERT_TRUE(s.ScanProgress([&](const ProgressReport& r) { progress.push_back(r); }).ok());
  ASSERT_EQ(progress.size(), 2u);
  EXPECT_EQ(progress[1].progress_hundredths, 2000);
  EXPECT_EQ(progress[1].note, "主体施工");
}

// Worked by hand (fund year 2023, central, cap 30%, retention 3%):
// 城关区 540102: P1 (industry, started 03-01, 1,500,000); allocated A1 2,000,000 (no
//   project); disbursed D1 600,000 + D2 100,000 − R1 100,000 = 600,000; expended E1 300,000
//   + E2 250,000 + E3 100,000 = 650,000, of which E3 (gov_account) 100,000 is 以拨代支.
//   超进度拨款 on 07-05: contract 1,000,000 × max(30% advance, 20% progress) = 300,000 (under
//   97%); payments E1 + E2 = 550,000 → 250,000, attributed to E2 (latest first).
//   On 04-30 the progress is 10%: cap 300,000 ≥ E1 300,000 → 0.
// P2 (planned) is in the year's plan; P3 (cancelled) is not.
// 林周县 540121: P2 (500,000, not started), P3 cancelled; A2 500,000 to P2; A3 is provincial.
// 拉萨市 and 西藏自治区: the sums. A4 is fund year 2022.
TYPED_TEST(StoreContractTest, FiguresBySqlMatchTheHandWorkedLedger) {
  Store& s = *this->store_;
  this->Populate(s);
  auto july = this->Figures(s, kAsOf);
  const SqlRegionFigures& county = july["540102"];
  EXPECT_EQ(county.projects_total, 1);
  EXPECT_EQ(county.projects_started, 1);
  EXPECT_EQ(county.projects_finished, 0);
  EXPECT_EQ(county.planned_total, 1'500'000);
  EXPECT_EQ(county.planned_industry, 1'500'000);
  EXPECT_EQ(county.allocated, 2'000'000);
  EXPECT_EQ(county.allocated_to_projects, 0);
  EXPECT_EQ(county.disbursed, 600'000);
  EXPECT_EQ(county.expended, 650'000);
  EXPECT_EQ(county.disburse_as_expend, 100'000);
  EXPECT_EQ(county.pay_ahead, 250'000);
  const SqlRegionFigures& linzhou = july["540121"];
  EXPECT_EQ(linzhou.projects_total, 1);
  EXPECT_EQ(linzhou.projects_started, 0);
  EXPECT_EQ(linzhou.planned_industry, 0);
  EXPECT_EQ(linzhou.allocated, 500'000);
  EXPECT_EQ(linzhou.allocated_to_projects, 500'000);
  for (const char* code : {"540100", "540000"}) {
    const SqlRegionFigures& sum = july[code];
    EXPECT_EQ(sum.projects_total, 2) << code;
    EXPECT_EQ(sum.projects_started, 1) << code;
    EXPECT_EQ(sum.planned_total, 2'000'000) << code;
    EXPECT_EQ(sum.planned_industry, 1'500'000) << code;
    EXPECT_EQ(sum.allocated, 2'500'000) << code;
    EXPECT_EQ(sum.allocated_to_projects, 500'000) << code;
    EXPECT_EQ(sum.disbursed, 600'000) << code;
    EXPECT_EQ(sum.expended, 650'000) << code;
    EXPECT_EQ(sum.disburse_as_expend, 100'000) << code;
    EXPECT_EQ(sum.pay_ahead, 250'000) << code;
  }
  auto april = this->Figures(s, Date::FromYmd(2023, 4, 30));
  EXPECT_EQ(april["540000"].expended, 300'000);
  EXPECT_EQ(april["540000"].pay_ahead, 0);
  EXPECT_EQ(april["540000"].projects_started, 1);
}

// The defects-liability period by SQL (issue #14): P1 accepted on 2023-06-30; as of 2025-06-29 the
// retention is held (cap min(max(30%, 100%), 97%) = 970,000 on a 1,000,000 contract), from 2025-06-30
// it is released (cap 1,000,000). Paid E1 300,000 + E2 250,000 + P 450,000 = 1,000,000 → 30,000, then 0.
// A contract with its own 10% advance rate counts at that rate.
TYPED_TEST(StoreContractTest, PayAheadBySqlHoldsTheRetentionUntilTheLiabilityPeriodEnds) {
  Store& s = *this->store_;
  this->Populate(s);
  ASSERT_TRUE(s.InsertProgress({"P1", Date::FromYmd(2023, 6, 20), 10000, "完工"}).ok());
  ASSERT_TRUE(s.AppendEntries({Entry("P", Date::FromYmd(2023, 6, 25), EntryKind::kExpend, "540102", "P1", 450'000,
                                     PayeeType::kEnterprise)})
                  .ok());
  ASSERT_TRUE(s.AppendTransition({"P1", "accept", ProjectState::kFinished, ProjectState::kAccepted, "tester",
                                  "2023-06-30T00:00:00Z", Date::FromYmd(2023, 6, 30), ""})
                  .ok());
  auto accepted = s.AcceptanceDates();
  ASSERT_TRUE(accepted.ok());
  EXPECT_EQ(*accepted, (std::vector<std::pair<std::string, Date>>{{"P1", Date::FromYmd(2023, 6, 30)}}));
  EXPECT_EQ(this->Figures(s, Date::FromYmd(2025, 6, 29))["540102"].pay_ahead, 30'000);
  EXPECT_EQ(this->Figures(s, Date::FromYmd(2025, 6, 30))["540102"].pay_ahead, 0);
  // P2 gets a contract of 200,000 with its own advance rate of 10% and a payment of 50,000:
  // cap 20,000 → 30,000 ahead (the policy's 30% would have allowed 60,000).
  ASSERT_TRUE(s.InsertContract({"P2", "HT-002", Fen(200'000), Date::FromYmd(2023, 2, 1), 1000}).ok());
  ASSERT_TRUE(s.AppendEntries({Entry("Q", Date::FromYmd(2023, 3, 1), EntryKind::kExpend, "540121", "P2", 50'000,
                                     PayeeType::kEnterprise)})
                  .ok());
  EXPECT_EQ(this->Figures(s, kAsOf)["540121"].pay_ahead, 30'000);
  auto contracts = s.ProjectContracts("P2");
  ASSERT_TRUE(contracts.ok());
  ASSERT_EQ(contracts->size(), 1u);
  EXPECT_EQ(contracts->front().advance_bp, std::optional<std::int32_t>(1000));
  auto p1 = s.ProjectContracts("P1");
  ASSERT_TRUE(p1.ok() && p1->size() == 1);
  EXPECT_EQ(p1->front().advance_bp, std::nullopt);
  auto progress = s.ProjectProgress("P1");
  ASSERT_TRUE(progress.ok());
  EXPECT_EQ(progress->size(), 3u);
  auto steps = s.FindTransitions({"P1", "P2"});
  ASSERT_TRUE(steps.ok());
  ASSERT_EQ(steps->size(), 1u);
  EXPECT_EQ(steps->front().to, ProjectState::kAccepted);
}

TYPED_TEST(StoreContractTest, FlagsKeepTheirWorkStateAndHistory) {
  Store& s = *this->store_;
  this->Populate(s);
  Flag raised{0,
              "negative_list",
              "E2",
              "540102",
              "P1",
              2023,
              FundSource::kCentral,
              Date::FromYmd(2023, 5, 10),
              std::nullopt,
              Fen(250'000),
              "购置车辆",
              FlagStatus::kOpen,
              "",
              "",
              "",
              0};
  ASSERT_TRUE(s.UpsertRaisedFlags({raised}, "2023-05-10T00:00:00Z").ok());
  auto found = s.FindFlags({std::nullopt, std::string("negative_list"), std::string("E2")});
  ASSERT_TRUE(found.ok());
  ASSERT_EQ(found->size(), 1u);
  Flag f = found->front();
  EXPECT_GT(f.id, 0);
  EXPECT_EQ(f.status, FlagStatus::kOpen);
  EXPECT_EQ(f.fund_year, std::optional<int>(2023));
  EXPECT_EQ(f.fund_source, std::optional<FundSource>(FundSource::kCentral));
  EXPECT_EQ(f.version, 1);
  // Work state, then a stale write that changes nothing.
  f.status = FlagStatus::kExplained;
  f.reason = "已核实";
  f.updated_at = "2023-06-01T00:00:00Z";
  ASSERT_TRUE(s.UpdateFlagState(f, 1).ok());
  EXPECT_EQ(s.UpdateFlagState(f, 1).code(), ErrorCode::kConflict);
  ASSERT_TRUE(
      s.AppendFlagEvent({f.id, f.updated_at, "tester", FlagAction::kExplain, FlagStatus::kExplained, "", "已核实"})
          .ok());
  // Raised again (the entry reversed): what was found changes, the work state stays.
  raised.cleared_on = Date::FromYmd(2023, 6, 2);
  ASSERT_TRUE(s.UpsertRaisedFlags({raised}, "2023-06-02T00:00:00Z").ok());
  auto again = s.FindFlags({f.id, std::nullopt, std::nullopt});
  ASSERT_TRUE(again.ok() && again->size() == 1);
  EXPECT_EQ(again->front().status, FlagStatus::kExplained);
  EXPECT_EQ(again->front().reason, "已核实");
  EXPECT_EQ(again->front().version, 2);
  EXPECT_EQ(again->front().cleared_on, std::optional<Date>(Date::FromYmd(2023, 6, 2)));
  auto history = s.FlagEvents(f.id);
  ASSERT_TRUE(history.ok() && history->size() == 1);
  EXPECT_EQ(history->front().action, FlagAction::kExplain);
  // An engine-computed kind stored when first handled; the same (kind, subject) twice is refused.
  Flag ahead{0,
             "pay_ahead_of_progress",
             "P1",
             "540102",
             "P1",
             std::nullopt,
             std::nullopt,
             kAsOf,
             std::nullopt,
             Fen(1),
             "",
             FlagStatus::kOpen,
             "county",
             "",
             "2023-07-05T00:00:00Z",
             1};
  ASSERT_TRUE(s.InsertFlag(ahead).ok());
  EXPECT_EQ(s.InsertFlag(ahead).status().code(), ErrorCode::kAlreadyExists);
  auto all = s.FindFlags({});
  ASSERT_TRUE(all.ok());
  EXPECT_EQ(all->size(), 2u);
  // The money of a project net of reversals: P1 has no allocation naming it; expended 650,000.
  auto money = s.ProjectMoneyOf({"P1", "P2", "NONE"});
  ASSERT_TRUE(money.ok());
  std::map<std::string, ProjectMoney> by_code;
  for (const ProjectMoney& m : *money) by_code[m.project_code] = m;
  EXPECT_EQ(by_code.size(), 2u);
  EXPECT_EQ(by_code["P1"].expended, Fen(650'000));
  EXPECT_FALSE(by_code["P1"].any_allocation);
  EXPECT_EQ(by_code["P2"].allocated, Fen(500'000));
  EXPECT_TRUE(by_code["P2"].any_allocation);
}

TYPED_TEST(StoreContractTest, BenchmarksRegionalPoliciesAndDepartments) {
  Store& s = *this->store_;
  ASSERT_TRUE(s.UpsertRegions(Regions()).ok());
  ASSERT_TRUE(s.UpsertBenchmarks({{BenchmarkIndicator::kStartRate, Date::FromYmd(2023, 6, 30), 4550},
                                  {BenchmarkIndicator::kExpendProgress, Date::FromYmd(2023, 6, 30), 4800}})
                  .ok());
  ASSERT_TRUE(s.UpsertBenchmarks({{BenchmarkIndicator::kStartRate, Date::FromYmd(2023, 6, 30), 4600}}).ok());
  auto b = s.LoadBenchmarks();
  ASSERT_TRUE(b.ok());
  ASSERT_EQ(b->size(), 2u);
  EXPECT_EQ((*b)[0].indicator, BenchmarkIndicator::kExpendProgress);
  EXPECT_EQ((*b)[1].value_bp, 4600);
  // The same key and date for two regions are two policy values.
  ASSERT_TRUE(s.InsertPolicy({"incentive_top_n", 5, Date::FromYmd(2023, 1, 1), "", "540000"}).ok());
  ASSERT_TRUE(s.InsertPolicy({"incentive_top_n", 3, Date::FromYmd(2023, 1, 1), "", "540100"}).ok());
  ASSERT_TRUE(s.InsertPolicy({"incentive_top_n", 8, Date::FromYmd(2023, 1, 1), "", ""}).ok());
  auto policies = this->Policies(s);
  ASSERT_EQ(policies.size(), 3u);
  EXPECT_EQ(policies[0].region_code, "");
  EXPECT_EQ(policies[1].region_code, "540000");
  EXPECT_EQ(policies[2].value, 3);
  UserRecord u;
  u.username = "caizheng";
  u.role = Role::kCountyOfficer;
  u.region_code = "540102";
  u.password_hash = "x";
  u.created_at = "2023-01-01T00:00:00Z";
  u.department = "财政局";
  ASSERT_TRUE(s.InsertUser(u).ok());
  auto back = s.FindUserByName("caizheng");
  ASSERT_TRUE(back.ok() && back->has_value());
  EXPECT_EQ((*back)->department, "财政局");
}

// Account administration (issue #13 point 4): a user's fields change by id, the username stays;
// revoking a user's sessions spares the one kept and no other user's.
TYPED_TEST(StoreContractTest, UsersChangeAndTheirSessionsAreRevoked) {
  Store& s = *this->store_;
  ASSERT_TRUE(s.UpsertRegions(Regions()).ok());
  UserRecord u{0, "zhuoma", Role::kLeader, "540000", "h1", false, "2023-01-01T00:00:00Z", ""};
  auto id = s.InsertUser(u);
  ASSERT_TRUE(id.ok());
  UserRecord other = u;
  other.username = "other";
  auto other_id = s.InsertUser(other);
  ASSERT_TRUE(other_id.ok());
  for (const auto& [hash, user] : {std::pair{"a", *id}, {"b", *id}, {"c", *id}, {"d", *other_id}}) {
    ASSERT_TRUE(s.InsertSession(SessionRecord{hash, user, "csrf", "", 1, 1, false}).ok());
  }
  u.id = *id;
  u.role = Role::kCountyOfficer;
  u.region_code = "540102";
  u.department = "财政局";
  u.disabled = true;
  u.password_hash = "h2";
  u.username = "ignored";
  ASSERT_TRUE(s.UpdateUser(u).ok());
  auto back = s.FindUserById(*id);
  ASSERT_TRUE(back.ok() && back->has_value());
  EXPECT_EQ((*back)->username, "zhuoma");
  EXPECT_EQ((*back)->role, Role::kCountyOfficer);
  EXPECT_EQ((*back)->region_code, "540102");
  EXPECT_EQ((*back)->department, "财政局");
  EXPECT_TRUE((*back)->disabled);
  EXPECT_EQ((*back)->password_hash, "h2");
  u.id = 999;
  EXPECT_EQ(s.UpdateUser(u).code(), ErrorCode::kNotFound);
  auto revoked = s.RevokeUserSessions(*id, "b");
  ASSERT_TRUE(revoked.ok());
  EXPECT_EQ(*revoked, 2);
  for (const auto& [hash, want] : {std::pair{"a", true}, {"b", false}, {"c", true}, {"d", false}}) {
    auto session = s.FindSession(hash);
    ASSERT_TRUE(session.ok() && session->has_value());
    EXPECT_EQ((*session)->revoked, want) << hash;
  }
  revoked = s.RevokeUserSessions(*id, "");
  ASSERT_TRUE(revoked.ok());
  EXPECT_EQ(*revoked, 1);  // only "b" was left
}

// 问询 → 认定 (migration 0020): an inquiry per flag, versioned steps, its events, and a rejected
// 以拨代支 determination that verify's SQL leaves out: E3 (100,000, 以拨代支 of 540102, see the
// hand-worked ledger below) rejected → 540102 以拨代支 100,000 − 100,000 = 0; expended stays 650,000.
// 绩效评价 (migrations 0031, 0032): one per county and year, items and steps round-trip with their
// NULLs, a stale version writes nothing, and the database itself refuses changing a final
// evaluation or its items (triggers), beside the app's check.
TYPED_TEST(StoreContractTest, EvaluationsRoundTripAndAFinalOneNeverChanges) {
  Store& s = *this->store_;
  this->Populate(s);
  EvaluationRecord e;
  e.region_code = "540102";
  e.year = 2023;
  e.as_of = "2023-12-31";
  e.template_version = "2025.1";
  e.status = "self_evaluation";
  e.created_by = "county";
  e.created_at = e.updated_at = "2026-12-01T00:00:00.000Z";
  EvaluationItemRecord engine{0, "C1", "engine", "15.66%", 391, "", std::nullopt, "", "system", "2026-12-01"};
  EvaluationItemRecord manual{0, "A2", "manual", "", std::nullopt, "", std::nullopt, "", "", ""};
  auto id = s.InsertEvaluation(e, {engine, manual});
  ASSERT_TRUE(id.ok()) << id.status().ToString();
  EXPECT_EQ(s.InsertEvaluation(e, {}).status().code(), ErrorCode::kAlreadyExists);  // one a county and year
  auto items = s.ListEvaluationItems(*id);
  ASSERT_TRUE(items.ok());
  ASSERT_EQ(items->size(), 2u);
  EXPECT_EQ(items->at(0).item_id, "A2");
  EXPECT_FALSE(items->at(0).points.has_value());
  EXPECT_EQ(items->at(1).points, 391);

  manual.evaluation_id = *id;
  manual.points = 450;
  manual.self_points = 500;
  manual.evidence = "分配方案";
  manual.adjust_reason = "复核";
  ASSERT_TRUE(s.UpdateEvaluationItem(manual).ok());
  auto found = s.FindEvaluation(*id);
  ASSERT_TRUE(found.ok() && *found);
  EvaluationRecord next = **found;
  EXPECT_EQ(next.version, 1);
  EXPECT_FALSE(next.total.has_value());
  next.status = "final";
  next.total = 8689;
  next.grade = "good";
  next.finalized_by = "region";
  next.finalized_at = "2026-12-02T00:00:00.000Z";
  EXPECT_EQ(s.UpdateEvaluation(next, 7).code(), ErrorCode::kConflict);  // stale: nothing written
  ASSERT_TRUE(s.UpdateEvaluation(next, 1).ok());
  ASSERT_TRUE(s.AppendEvaluationStep({0, *id, "finalize", "reviewed", "final", "region", "2026-12-02", ""}).ok());
  auto after = s.FindEvaluation(*id);
  ASSERT_TRUE(after.ok() && *after);
  EXPECT_EQ((*after)->version, 2);
  EXPECT_EQ((*after)->total, 8689);
  EXPECT_EQ((*after)->finalized_by, "region");

  // Final: neither the evaluation nor an item may change, whatever the caller.
  EXPECT_FALSE(s.UpdateEvaluation(next, 2).ok());
  manual.points = 0;
  EXPECT_FALSE(s.UpdateEvaluationItem(manual).ok());
  auto unchanged = s.ListEvaluationItems(*id);
  ASSERT_TRUE(unchanged.ok());
  EXPECT_EQ(unchanged->at(0).points, 450);
  EXPECT_EQ(unchanged->at(0).self_points, 500);
  auto steps = s.ListEvaluationSteps(*id);
  ASSERT_TRUE(steps.ok());
  ASSERT_EQ(steps->size(), 1u);
  EXPECT_EQ(steps->front().to_status, "final");
  auto listed = s.ListEvaluations(2023);
  ASSERT_TRUE(listed.ok());
  EXPECT_EQ(listed->size(), 1u);
  EXPECT_TRUE(s.ListEvaluations(2022)->empty());
}

TYPED_TEST(StoreContractTest, VillageSupervisorsAndSpotChecksRoundTrip) {
  Store& s = *this->store_;
  this->Populate(s);
  VillageSupervisorRecord v;
  v.region_code = "540102";
  v.name = "卓玛";
  v.phone_cipher = "c1";
  v.phone_index = "i1";
  v.status = "active";
  v.created_by = "sup";
  v.created_at = v.updated_at = "2026-11-01T00:00:00.000Z";
  auto first = s.InsertVillageSupervisor(v);
  ASSERT_TRUE(first.ok()) << first.status().ToString();
  EXPECT_EQ(s.InsertVillageSupervisor(v).status().code(), ErrorCode::kAlreadyExists);  // one phone per village
  v.phone_index = "i2";
  auto second = s.InsertVillageSupervisor(v);
  ASSERT_TRUE(second.ok());
  ASSERT_TRUE(s.UpdateVillageSupervisorStatus(*second, "inactive", "2026-11-02T00:00:00.000Z").ok());
  EXPECT_EQ(s.UpdateVillageSupervisorStatus(999, "inactive", "x").code(), ErrorCode::kNotFound);
  auto found = s.FindVillageSupervisor(*second);
  ASSERT_TRUE(found.ok() && *found);
  EXPECT_EQ((*found)->status, "inactive");
  EXPECT_EQ((*found)->phone_cipher, "c1");
  auto all = s.ListVillageSupervisors();
  ASSERT_TRUE(all.ok());
  ASSERT_EQ(all->size(), 2u);
  EXPECT_EQ(all->front().id, *first);

  SpotCheckRecord c;
  c.region_code = "540100";
  c.month = "2026-11";
  c.seed = "0000000000002023";
  c.pool_size = 2;
  c.sample_size = 2;
  c.sample = {*second, *first};
  c.created_by = "sup";
  c.created_at = "2026-11-03T00:00:00.000Z";
  auto check = s.InsertSpotCheck(c);
  ASSERT_TRUE(check.ok()) << check.status().ToString();
  EXPECT_EQ(s.InsertSpotCheck(c).status().code(), ErrorCode::kAlreadyExists);  // one draw a region and month
  auto read = s.FindSpotCheck(*check);
  ASSERT_TRUE(read.ok() && *read);
  EXPECT_EQ((*read)->sample, (std::vector<std::int64_t>{*second, *first}));  // draw order kept
  EXPECT_EQ((*read)->seed, "0000000000002023");
  SpotCheckCall call;
  call.spot_check_id = *check;
  call.supervisor_id = *first;
  call.called_at = "2026-11-04T00:00:00.000Z";
  call.reached = true;
  call.problem_reported = true;
  call.note = "停工";
  call.created_by = "sup";
  call.created_at = call.called_at;
  ASSERT_TRUE(s.InsertSpotCheckCall(call).ok());
  for (const auto& [id, month] : {std::pair<std::int64_t, std::string>{*check, ""}, {0, "2026-11"}}) {
    auto calls = s.ListSpotCheckCalls(id, month);
    ASSERT_TRUE(calls.ok()) << calls.status().ToString();
    ASSERT_EQ(calls->size(), 1u);
    EXPECT_TRUE(calls->front().reached && calls->front().problem_reported && !calls->front().knows_duties);
    EXPECT_EQ(calls->front().note, "停工");
  }
  EXPECT_TRUE(s.ListSpotCheckCalls(0, "2026-10")->empty());
  auto month = s.ListSpotChecks("2026-11");
  ASSERT_TRUE(month.ok());
  ASSERT_EQ(month->size(), 1u);
  EXPECT_EQ(month->front().sample.size(), 2u);
  EXPECT_TRUE(s.ListSpotChecks("2026-10")->empty());
}

TYPED_TEST(StoreContractTest, InquiriesStepByVersionAndARejectedOneLeavesVerifysDeduction) {
  Store& s = *this->store_;
  this->Populate(s);
  Inquiry q;
  q.flag_kind = "disburse_as_expend";
  q.subject = "E3";
  q.region_code = "540102";
  q.project_code = "P1";
  q.amount = Fen(100'000);
  q.questions = "请说明";
  q.due_on = Date::FromYmd(2023, 6, 30);
  q.sent_by = "cz";
  q.sent_at = q.updated_at = "2023-06-01T00:00:00.000Z";
  auto id = s.InsertInquiry(q);
  ASSERT_TRUE(id.ok()) << id.status().ToString();
  EXPECT_EQ(s.InsertInquiry(q).status().code(), ErrorCode::kAlreadyExists);  // one per flag
  ASSERT_TRUE(
      s.InsertInquiryEvent({0, *id, "send", InquiryStatus::kSent, InquiryStatus::kSent, "cz", q.sent_at, "请说明"})
          .ok());
  auto found = s.FindInquiry(*id);
  ASSERT_TRUE(found.ok() && *found) << found.status().ToString();
  EXPECT_EQ((*found)->due_on, q.due_on);
  EXPECT_EQ((*found)->amount, Fen(100'000));
  EXPECT_EQ((*found)->province_code, "540000");

  Inquiry answered = **found;
  answered.status = InquiryStatus::kAnswered;
  answered.answer = "付款对象登记有误";
  answered.version = 2;
  ASSERT_TRUE(s.UpdateInquiry(answered, 1).ok());
  const Status stale = s.UpdateInquiry(answered, 1);
  EXPECT_EQ(stale.code(), ErrorCode::kConflict);
  EXPECT_EQ(stale.code_name(), "stale_version");
  EXPECT_EQ(this->Figures(s, kAsOf)["540102"].disburse_as_expend, 100'000);  // not determined yet
  auto none = s.RejectedDisburseAsExpendEntries();
  ASSERT_TRUE(none.ok());
  EXPECT_TRUE(none->empty());

  Inquiry rejected = answered;
  rejected.status = InquiryStatus::kDetermined;
  rejected.outcome = InquiryOutcome::kRejected;
  rejected.reason = "实为施工企业";
  rejected.version = 3;
  ASSERT_TRUE(s.UpdateInquiry(rejected, 2).ok());
  auto cleared = s.RejectedDisburseAsExpendEntries();
  ASSERT_TRUE(cleared.ok());
  EXPECT_EQ(*cleared, std::vector<std::string>{"E3"});
  auto july = this->Figures(s, kAsOf);
  EXPECT_EQ(july["540102"].disburse_as_expend, 0);
  EXPECT_EQ(july["540102"].expended, 650'000);
  EXPECT_EQ(july["540000"].disburse_as_expend, 0);
  auto listed = s.ListInquiries();
  ASSERT_TRUE(listed.ok());
  ASSERT_EQ(listed->size(), 1u);
  EXPECT_EQ(listed->front().outcome, InquiryOutcome::kRejected);
  auto events = s.ListInquiryEvents(*id);
  ASSERT_TRUE(events.ok());
  ASSERT_EQ(events->size(), 1u);
  EXPECT_EQ(events->front().action, "send");
}

// demo → other backend → this backend again: every row, key and figure survives.
TYPED_TEST(StoreContractTest, LedgerFactsScanInShardsSeesEveryEntryOnce) {
  Store& s = *this->store_;
  this->Populate(s);
  std::map<std::int64_t, std::pair<std::string, std::string>> expected_gov;  // seq → entry id, payee
  std::multiset<std::int64_t> expected;
  for (const StoredEntry& e : this->AllEntries(s)) {
    expected.insert(e.seq);
    if (e.entry.kind == EntryKind::kExpend && e.effective.payee_type == PayeeType::kGovAccount) {
      expected_gov[e.seq] = {e.entry.entry_id, e.entry.payee};
    }
  }
  ASSERT_FALSE(expected_gov.empty());
  for (const auto& [from, want_shards] : {std::pair<std::int64_t, int>{1, 3}, {std::int64_t{1} << 40, 1}}) {
    s.set_parallel_scan_from(from);
    std::mutex mu;
    std::multiset<std::int64_t> seen;
    std::set<int> shards;
    std::map<std::int64_t, std::pair<std::string, std::string>> gov;
    ASSERT_TRUE(s.ScanLedgerFacts(3, [&](int shard, const LedgerFact& f) {
                   std::lock_guard lock(mu);
                   seen.insert(f.seq);
                   shards.insert(shard);
                   if (!f.entry_id.empty()) gov[f.seq] = {std::string(f.entry_id), std::string(f.payee)};
                 }).ok());
    EXPECT_EQ(s.last_scan_shards(), want_shards);
    EXPECT_EQ(seen, expected);     // every entry exactly once
    EXPECT_EQ(gov, expected_gov);  // 以拨代支 rows carry their voucher and payee, others none
    for (int shard : shards) {
      EXPECT_GE(shard, 0);
      EXPECT_LT(shard, want_shards);
    }
  }
}

TYPED_TEST(StoreContractTest, CopyRoundTripsThroughTheOtherBackend) {
  Store& s = *this->store_;
  this->Populate(s);
  ASSERT_TRUE(s.AppendEntries(ManyAllocations(0, 1200)).ok());
  SqliteBackend sqlite;
  std::unique_ptr<Store> middle = this->OpenMigrated(sqlite.NewDatabaseUrl());
  auto there = CopyStore(s, *middle);
  ASSERT_TRUE(there.ok()) << there.status().ToString();
  std::unique_ptr<Store> back = this->OpenFresh();
  auto again = CopyStore(*middle, *back);
  ASSERT_TRUE(again.ok()) << again.status().ToString();
  ASSERT_EQ(again->tables.size(), CopiedTables().size());

  std::vector<StoredEntry> original = this->AllEntries(s), copied = this->AllEntries(*back);
  ASSERT_EQ(copied.size(), original.size());
  for (std::size_t i = 0; i < original.size(); ++i) {
    EXPECT_EQ(copied[i].seq, original[i].seq);
    EXPECT_EQ(copied[i].entry, original[i].entry);
    EXPECT_EQ(copied[i].effective.sign, original[i].effective.sign);
  }
  auto figures = this->Figures(*back, kAsOf);
  EXPECT_EQ(figures["540000"].pay_ahead, 250'000);
  EXPECT_EQ(figures["540000"].expended, this->Figures(s, kAsOf)["540000"].expended);
  EXPECT_EQ(this->Policies(*back).size(), 1u);

  // Sequences moved past the copied keys: new rows append after them.
  auto next = back->AppendEntries({Entry("AFTER", Date::FromYmd(2023, 6, 1), EntryKind::kAllocate, "540102", "", 1)});
  ASSERT_TRUE(next.ok()) << next.status().ToString();
  EXPECT_GT(next->front().seq, original.back().seq);
  EXPECT_TRUE(back->InsertProgress({"P1", Date::FromYmd(2023, 7, 1), 3000, ""}).ok());

  // A target with data is refused and left as it was.
  auto refused = CopyStore(s, *back);
  EXPECT_EQ(refused.status().code(), ErrorCode::kAlreadyExists);
  EXPECT_EQ(this->AllEntries(*back).size(), original.size() + 1);
}

TYPED_TEST(StoreContractTest, RelocationSitesHouseholdsAndSubsidiesRoundTripAndPayOnce) {
  Store& s = *this->store_;
  this->Populate(s);
  ASSERT_TRUE(
      s.UpsertRelocationSite({"AZD-1", "幸福家园", "540102", SiteKind::kConcentrated, 10, 40, "t0", "t0"}).ok());
  ASSERT_TRUE(
      s.UpsertRelocationSite({"AZD-1", "幸福家园二期", "540102", SiteKind::kDispersed, 12, 48, "t1", "t1"}).ok());
  auto sites = s.ListRelocationSites();
  ASSERT_TRUE(sites.ok()) << sites.status().ToString();
  ASSERT_EQ(sites->size(), 1u);
  EXPECT_EQ((*sites)[0].name, "幸福家园二期");
  EXPECT_EQ((*sites)[0].kind, SiteKind::kDispersed);
  EXPECT_EQ((*sites)[0].planned_persons, 48);

  StoredRelocationHousehold h;
  h.site_code = "AZD-1";
  h.region_code = "540102";
  h.head_name = "扎西";
  h.person_index = "idx-1";
  h.id_cipher = "cipher";
  h.members = 4;
  h.household_status = HouseholdStatus::kMonitored;
  h.moved_in_on = Date::FromYmd(2023, 3, 1);
  h.created_by = "county";
  h.created_at = "t2";
  auto id = s.InsertRelocationHousehold(h);
  ASSERT_TRUE(id.ok()) << id.status().ToString();
  EXPECT_EQ(s.InsertRelocationHousehold(h).status().code(), ErrorCode::kAlreadyExists);  // one per head
  auto households = s.ListRelocationHouseholds();
  ASSERT_TRUE(households.ok());
  ASSERT_EQ(households->size(), 1u);
  EXPECT_EQ((*households)[0].id, *id);
  EXPECT_EQ((*households)[0].household_status, HouseholdStatus::kMonitored);
  EXPECT_EQ((*households)[0].moved_in_on, Date::FromYmd(2023, 3, 1));

  RelocationSubsidy c;
  c.household_id = *id;
  c.region_code = "540102";
  c.kind = SubsidyKind::kCrossRegionTravel;
  c.basis_on = Date::FromYmd(2023, 7, 1);
  c.persons = 2;
  c.standard_fen = 50000;
  c.raise_bp = 5000;
  c.unit_fen = 75000;
  c.amount_fen = 150000;
  c.created_by = "county";
  c.created_at = "t3";
  auto claim = s.InsertRelocationSubsidy(c);
  ASSERT_TRUE(claim.ok()) << claim.status().ToString();
  EXPECT_EQ(s.InsertRelocationSubsidy(c).status().code(), ErrorCode::kAlreadyExists);  // same household, kind, date
  auto paid = s.PayRelocationSubsidy(*claim, Date::FromYmd(2023, 7, 20), 150000, "bank", "finance", "t4");
  ASSERT_TRUE(paid.ok()) << paid.status().ToString();
  EXPECT_TRUE(*paid);
  auto again = s.PayRelocationSubsidy(*claim, Date::FromYmd(2023, 7, 21), 150000, "cash", "finance", "t5");
  ASSERT_TRUE(again.ok());
  EXPECT_FALSE(*again);
  auto claims = s.ListRelocationSubsidies(*id);
  ASSERT_TRUE(claims.ok()) << claims.status().ToString();
  ASSERT_EQ(claims->size(), 1u);
  const RelocationSubsidy& got = (*claims)[0];
  EXPECT_EQ(got.state, SubsidyState::kPaid);
  EXPECT_EQ(got.paid_on, Date::FromYmd(2023, 7, 20));
  EXPECT_EQ(got.method, "bank");
  EXPECT_EQ(got.amount_fen, 150000);
  EXPECT_EQ(got.raise_bp, 5000);
  EXPECT_EQ(s.ListRelocationSubsidies(0)->size(), 1u);
  EXPECT_TRUE(s.ListRelocationSubsidies(*id + 1)->empty());
}

TYPED_TEST(StoreContractTest, ApiTokensAreFoundByHashRevokedOnceAndListedNewestFirst) {
  Store& s = *this->store_;
  ASSERT_TRUE(s.UpsertRegions(Regions()).ok());
  ApiTokenRecord t;
  t.token_hash = std::string(64, 'a');
  t.prefix = "xjt_aaaa";
  t.account = "feed";
  t.role = Role::kFinanceOfficer;
  t.region_code = "540100";
  t.allowed_ips = "10.0.0.0/8";
  t.created_by = "admin";
  t.created_at = "2024-03-01T08:00:00.000Z";
  t.expires_at = "2024-05-30T08:00:00.000Z";
  auto first = s.InsertApiToken(t);
  ASSERT_TRUE(first.ok()) << first.status().ToString();
  ApiTokenRecord second = t;
  second.token_hash = std::string(64, 'b');
  auto second_id = s.InsertApiToken(second);
  ASSERT_TRUE(second_id.ok());
  EXPECT_EQ(s.InsertApiToken(t).status().code(), ErrorCode::kAlreadyExists);  // the hash is unique

  auto found = s.FindApiToken(t.token_hash);
  ASSERT_TRUE(found.ok() && found->has_value());
  t.id = *first;
  EXPECT_EQ((*found)->id, t.id);
  EXPECT_EQ((*found)->account, "feed");
  EXPECT_EQ((*found)->role, Role::kFinanceOfficer);
  EXPECT_EQ((*found)->allowed_ips, "10.0.0.0/8");
  EXPECT_EQ((*found)->revoked_at, "");
  EXPECT_FALSE(s.FindApiToken(std::string(64, 'c'))->has_value());

  ASSERT_TRUE(s.TouchApiToken(t.id, "2024-03-02T00:00:00.000Z").ok());
  ASSERT_TRUE(s.RevokeApiToken(t.id, "2024-03-03T00:00:00.000Z").ok());
  ASSERT_TRUE(s.RevokeApiToken(t.id, "2024-04-01T00:00:00.000Z").ok());  // the first revocation stays
  auto listed = s.ListApiTokens();
  ASSERT_TRUE(listed.ok());
  ASSERT_EQ(listed->size(), 2u);
  EXPECT_EQ((*listed)[0].id, *second_id);
  EXPECT_EQ((*listed)[1].last_used_at, "2024-03-02T00:00:00.000Z");
  EXPECT_EQ((*listed)[1].revoked_at, "2024-03-03T00:00:00.000Z");
}

TYPED_TEST(StoreContractTest, ExclusiveLookUpThenInsertNeverRacesAnotherStoreOnTheDatabase) {
  // Two stores on one database stand for two servers numbering codes: each looks for the first free
  // number and inserts it a moment later. Under Exclusive() no two pick the same number and every
  // insert succeeds; without it, two REPEATABLE READ transactions on PostgreSQL see the same free number.
  ASSERT_TRUE(this->store_->UpsertRegions(Regions()).ok());
  std::unique_ptr<Store> other = this->OpenMigrated(this->url_);
  constexpr int kPerThread = 6;
  std::atomic<int> failures{0};
  auto number = [&](Store& store) {
    for (int i = 0; i < kPerThread; ++i) {
      Status s = store.Exclusive("xianjie.contract_test", [&]() -> Status {
        return store.Transact([&]() -> Status {
          int next = 1;
          for (;; ++next) {
            XJ_ASSIGN_OR_RETURN(std::optional<StoredProject> taken, store.GetProject("EX-" + std::to_string(next)));
            if (!taken) break;
          }
          std::this_thread::sleep_for(std::chrono::milliseconds(3));
          return store.InsertProjects(
              {MakeProject("EX-" + std::to_string(next), "540102", "0101", 100, ProjectState::kDraft)});
        });
      });
      if (!s.ok()) {
        ADD_FAILURE() << s.ToString();
        ++failures;
      }
    }
  };
  std::vector<std::thread> threads;
  for (int t = 0; t < 2; ++t) {
    threads.emplace_back(number, std::ref(*this->store_));
    threads.emplace_back(number, std::ref(*other));
  }
  for (std::thread& t : threads) t.join();
  EXPECT_EQ(failures.load(), 0);
  for (int k = 1; k <= 4 * kPerThread; ++k) {
    auto p = this->store_->GetProject("EX-" + std::to_string(k));
    ASSERT_TRUE(p.ok());
    EXPECT_TRUE(p->has_value()) << "EX-" << k;
  }
  // Inside a transaction it is refused, not deadlocked (PostgreSQL) or run as is (SQLite: the write lock is held).
  Status nested = this->store_->Transact(
      [&] { return this->store_->Exclusive("xianjie.contract_test", [] { return Status::Ok(); }); });
  if (std::string_view(TypeParam::kName) == "postgresql") {
    EXPECT_EQ(nested.code(), ErrorCode::kInternal);
  }
}

TYPED_TEST(StoreContractTest, BackupWritesAFile) {
  Store& s = *this->store_;
  this->Populate(s);
  const fs::path file = fs::temp_directory_path() / (UniqueName("xj_backup") + ".bak");
  Status st = s.Backup(file.string());
  if (st.code() == ErrorCode::kUnavailable && s.backend() == "postgresql") {
    GTEST_SKIP() << "pg_dump not installed: " << st.ToString();
  }
  ASSERT_TRUE(st.ok()) << st.ToString();
  EXPECT_GT(fs::file_size(file), 0u);
  fs::remove(file);
}

Posting MakePosting(std::string project, std::string region, Date start) {
  Posting p;
  p.project_code = std::move(project);
  p.region_code = std::move(region);
  p.stage = "admit";
  p.place = "村务公开栏";
  p.start = start;
  p.end = start.AddDays(6);
  p.project_name = "项目 " + p.project_code;
  p.region_name = "城关区";
  p.total_investment = Fen(2'000'000);
  p.central_fund = Fen(1'500'000);
  p.households_linked = 12;
  p.created_by = "zhang";
  p.created_at = "2024-03-01T08:00:00.000Z";
  return p;
}

TYPED_TEST(StoreContractTest, PostingsRoundTripByIdProjectAndRegionNewestFirst) {
  Store& s = *this->store_;
  ASSERT_TRUE(s.UpsertRegions(Regions()).ok());
  ASSERT_TRUE(s.InsertProjects(Projects()).ok());
  std::vector<Posting> written = {MakePosting("P1", "540102", Date::FromYmd(2024, 3, 1)),
                                  MakePosting("P2", "540121", Date::FromYmd(2024, 3, 2)),
                                  MakePosting("P1", "540102", Date::FromYmd(2024, 4, 1))};
  for (Posting& p : written) {
    auto id = s.InsertPosting(p);
    ASSERT_TRUE(id.ok()) << id.status().ToString();
    p.id = *id;
  }
  EXPECT_LT(written[0].id, written[1].id);
  PostingQuery by_id;
  by_id.id = written[1].id;
  auto one = s.FindPostings(by_id);
  ASSERT_TRUE(one.ok());
  ASSERT_EQ(one->size(), 1u);
  EXPECT_EQ(one->front(), written[1]);

  PostingQuery by_project;
  by_project.project_code = "P1";
  auto p1 = s.FindPostings(by_project);
  ASSERT_TRUE(p1.ok());
  EXPECT_EQ(*p1, (std::vector<Posting>{written[0], written[2]}));  // oldest first

  PostingQuery by_region;
  by_region.region_codes = std::vector<std::string>{"540100", "540102"};
  by_region.newest_first = true;
  auto county = s.FindPostings(by_region);
  ASSERT_TRUE(county.ok());
  EXPECT_EQ(*county, (std::vector<Posting>{written[2], written[0]}));
  by_region.limit = 1;
  EXPECT_EQ(s.FindPostings(by_region)->size(), 1u);
  by_region.region_codes = std::vector<std::string>{};
  EXPECT_TRUE(s.FindPostings(by_region)->empty());  // an empty subtree has no postings

  Posting orphan = MakePosting("NOPE", "540102", Date::FromYmd(2024, 3, 1));
  EXPECT_FALSE(s.InsertPosting(orphan).ok());  // a posting belongs to a stored project
}

/// A corrupt row is an Internal error naming its table, its key and the bad column, on every backend.
void ExpectCorrupt(const Status& s, std::initializer_list<std::string_view> names) {
  EXPECT_EQ(s.code(), ErrorCode::kInternal) << s.ToString();
  for (std::string_view name : names) EXPECT_NE(s.message().find(name), std::string::npos) << s.ToString();
}

TYPED_TEST(StoreContractTest, CorruptRowsAreInternalErrorsNamingTableAndKey) {
  Store& s = *this->store_;
  this->Populate(s);
  this->Tamper("UPDATE projects SET status = 99 WHERE project_code = 'P2'");
  ExpectCorrupt(s.ScanProjects([](const Project&) {}), {"projects", "P2", "status", "99"});
  ExpectCorrupt(s.FindProjects({"P1", "P2"}).status(), {"projects", "P2", "status"});
  ExpectCorrupt(s.GetProject("P2").status(), {"projects", "P2"});
  EXPECT_TRUE(s.GetProject("P1").ok());  // the other rows still read

  // A ledger row whose payee type no release ever wrote (inserted: the ledger refuses updates).
  this->Tamper(
      "INSERT INTO ledger_entries (seq, entry_id, province_code, entry_date, kind, fund_source, fund_year, "
      "region_code, amount_fen, payee, payee_type, note, effective_kind, effective_payee_type, sign) VALUES "
      "(9001, 'BAD-1', '540000', '2023-03-01', 3, 1, 2023, '540102', 5, 'x', 1, '', 3, 7, 1)");
  ExpectCorrupt(s.ScanLedgerFacts(1, [](int, const LedgerFact&) {}),
                {"ledger_entries", "9001", "effective_payee_type"});
  ExpectCorrupt(s.ScanLedger([](const StoredEntry&) {}), {"ledger_entries", "9001", "effective_payee_type", "7"});
  ExpectCorrupt(s.FindEntries({"BAD-1"}).status(), {"ledger_entries", "9001"});

  ASSERT_TRUE(s.AppendTransition({"P2", "submit", ProjectState::kDraft, ProjectState::kSubmitted, "zhang",
                                  "2023-01-02T03:04:05.000Z", Date::FromYmd(2023, 1, 2), ""})
                  .ok());
  this->Tamper("UPDATE project_transitions SET to_state = 77");
  ExpectCorrupt(s.ProjectTransitions("P2").status(), {"project_transitions", "P2", "to_state", "77"});
}

TYPED_TEST(StoreContractTest, CorruptDatesAreInternalErrorsWhereTheBackendCanHoldThem) {
  // PostgreSQL's DATE columns cannot hold a bad date; SQLite's TEXT columns can.
  if (std::string_view(TypeParam::kName) != "sqlite") GTEST_SKIP() << "DATE columns refuse bad dates";
  Store& s = *this->store_;
  this->Populate(s);
  this->Tamper("UPDATE projects SET planned_start = '2023-02-30' WHERE project_code = 'P1'");
  ExpectCorrupt(s.ScanProjects([](const Project&) {}), {"projects", "P1", "planned_start", "2023-02-30"});
  this->Tamper("UPDATE project_contracts SET signed_on = 'soon'");
  ExpectCorrupt(s.ScanContracts([](const ProjectContract&) {}), {"project_contracts", "P1", "signed_on"});
  this->Tamper("UPDATE progress_reports SET report_date = '2023-6-1'");
  ExpectCorrupt(s.ScanProgress([](const ProgressReport&) {}), {"progress_reports", "P1", "report_date"});
  this->Tamper("UPDATE policies SET effective_from = ''");
  ExpectCorrupt(s.LoadPolicies().status(), {"policies", "advance_cap_bp", "effective_from"});
  this->Tamper("DROP TRIGGER ledger_entries_no_update");
  this->Tamper("UPDATE ledger_entries SET entry_date = '2023-13-01' WHERE entry_id = 'E1'");
  ExpectCorrupt(s.ScanLedgerFacts(1, [](int, const LedgerFact&) {}), {"ledger_entries", "entry_date", "2023-13-01"});
  ExpectCorrupt(s.ProjectEntries("P1").status(), {"ledger_entries", "entry_date"});
}

/// Tables and columns (name, kind, NOT NULL) a backend's migrations create, as
/// "table.column kind [not null]". Kinds: integer; text (PostgreSQL's DATE and TIMESTAMPTZ
/// are ISO text in SQLite, so they count as text).
std::set<std::string> SchemaOf(sql::Driver& driver) {
  std::set<std::string> out;
  const auto kind = [](std::string type) {
    std::transform(type.begin(), type.end(), type.begin(), [](unsigned char c) { return std::tolower(c); });
    if (type == "integer" || type == "bigint" || type == "smallint") return std::string("integer");
    if (type == "text" || type == "date" || type == "timestamp with time zone") return std::string("text");
    return "unexpected:" + type;
  };
  const std::string sql =
      driver.dialect() == sql::Dialect::kSqlite
          ? "SELECT m.name, p.name, p.type, CASE WHEN p.\"notnull\" = 1 OR p.pk > 0 THEN 1 ELSE 0 END "
            "FROM sqlite_master m, pragma_table_info(m.name) p WHERE m.type = 'table' AND m.name NOT LIKE 'sqlite_%'"
          : "SELECT table_name, column_name, data_type, CASE WHEN is_nullable = 'NO' THEN 1 ELSE 0 END "
            "FROM information_schema.columns WHERE table_schema = current_schema()";
  Status s = driver.Read([&](sql::Conn& c) {
    return c.QueryText(sql, {}, [&](const sql::Row& row) {
      out.insert(std::string(row.Text(0)) + "." + std::string(row.Text(1)) + " " + kind(std::string(row.Text(2))) +
                 (row.Int(3) ? " not null" : ""));
      return Status::Ok();
    });
  });
  EXPECT_TRUE(s.ok()) << s.ToString();
  return out;
}

TEST(MigrationsTest, BothBackendsCreateTheSameTablesAndColumns) {
  if (const char* why = PostgresBackend::Unavailable()) GTEST_SKIP() << why;
  SqliteBackend sqlite;
  PostgresBackend postgres;
  const std::string sqlite_url = sqlite.NewDatabaseUrl(), pg_url = postgres.NewDatabaseUrl();
  for (const std::string& url : {sqlite_url, pg_url}) {
    auto store = OpenStore(url);
    ASSERT_TRUE(store.ok()) << store.status().ToString();
    ASSERT_TRUE((*store)->Migrate().ok());
  }
  const std::set<std::string> on_sqlite = SchemaOf(*SqliteBackend::Driver(sqlite_url));
  const std::set<std::string> on_pg = SchemaOf(*PostgresBackend::Driver(pg_url));
  EXPECT_GT(on_sqlite.size(), 100u);
  std::vector<std::string> only_sqlite, only_pg;
  std::set_difference(on_sqlite.begin(), on_sqlite.end(), on_pg.begin(), on_pg.end(), std::back_inserter(only_sqlite));
  std::set_difference(on_pg.begin(), on_pg.end(), on_sqlite.begin(), on_sqlite.end(), std::back_inserter(only_pg));
  EXPECT_TRUE(only_sqlite.empty()) << "only on SQLite: " << ::testing::PrintToString(only_sqlite);
  EXPECT_TRUE(only_pg.empty()) << "only on PostgreSQL: " << ::testing::PrintToString(only_pg);
}

}  // namespace store_store_contract_test
}  // namespace xj
