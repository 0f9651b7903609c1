// Ledger and project imports through the App: all-or-nothing, idempotent, and
// every rule of issue #3 point 1 with its error code, row and column.
#include <gtest/gtest.h>

#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "app/app.hpp"
#include "domain/domain_test_support.hpp"

namespace xj {
namespace app_ledger_test {

using testing::kLedgerHeader;

class LedgerTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = std::filesystem::temp_directory_path() /
           ("xj-ledger-" + std::to_string(::getpid()) + "-" +
            std::string(::testing::UnitTest::GetInstance()->current_test_info()->name()));
    std::filesystem::remove_all(dir_);
    std::filesystem::create_directories(dir_);
    auto store = OpenStore("sqlite:" + (dir_ / "ledger.db").string());
    ASSERT_TRUE(store.ok());
    app_ = std::make_unique<App>(std::move(*store));
    ASSERT_TRUE(app_->Start().ok());
    ASSERT_TRUE(Import("regions",
                       "code,name,level,parent_code\n540000,西藏自治区,province,\n"
                       "540100,拉萨市,prefecture,540000\n540102,城关区,county,540100\n"
                       "540103,堆龙德庆区,county,540100\n")
                    .ok());
    ASSERT_TRUE(
        Import("projects",
               "project_code,name,year,region_code,central_fund,status\nP1,道路硬化项目,2023,540102,100,approved\n")
            .ok());
    ASSERT_TRUE(Ledger("A1,2023-01-10,allocate,central,2023,540102,,1000,,,,\n"
                       "E1,2023-02-01,expend,central,2023,540102,P1,300,某公司,enterprise,,\n")
                    .ok());
  }
  void TearDown() override {
    app_.reset();
    std::filesystem::remove_all(dir_);
  }

  Result<ImportReport> Import(const std::string& kind, const std::string& csv) {
    std::istringstream in(csv);
    CsvReader reader(in);
    if (kind == "regions") return app_->ImportRegions(Actor::System(), reader);
    if (kind == "projects") return app_->ImportProjects(Actor::System(), reader);
    return app_->ImportLedger(Actor::System(), reader);
  }
  Result<ImportReport> Ledger(const std::string& rows) { return Import("ledger", std::string(kLedgerHeader) + rows); }

  FenTotal Expended() {
    auto r =
        app_->ComputeIndicators(Actor::System(), {"540000", 2023, *Date::Parse("2023-12-31"), FundSource::kCentral});
    return r.ok() ? r->figures.expended : Fen(-1);
  }

  /// The single error of a rejected import.
  static FieldError OnlyError(const Result<ImportReport>& r) {
    EXPECT_FALSE(r.ok());
    if (r.ok()) return {};
    const Status s = r.status();
    EXPECT_EQ(s.details().size(), 1u) << s.ToString();
    return s.details().empty() ? FieldError{} : s.details()[0];
  }

  std::filesystem::path dir_;
  std::unique_ptr<App> app_;
};

TEST_F(LedgerTest, ReimportingTheSameRowsChangesNothing) {
  auto again = Ledger(
      "A1,2023-01-10,allocate,central,2023,540102,,1000,,,,\n"
      "E1,2023-02-01,expend,central,2023,540102,P1,300,某公司,enterprise,,\n");
  ASSERT_TRUE(again.ok()) << again.status().ToString();
  EXPECT_EQ(again->inserted, 0);
  EXPECT_EQ(again->unchanged, 2);
  EXPECT_EQ(Expended(), Fen::FromYuan(300));
  // Chinese headers and kind names are the same entries.
  auto zh = Import("ledger",
                   "凭证号,日期,类型,资金来源,资金年度,区划代码,项目编码,金额,收款方,收款方类型,冲销凭证号,备注\n"
                   "E1,2023-02-01,支出,中央,2023,540102,P1,300.00,某公司,企业,,\n");
  ASSERT_TRUE(zh.ok()) << zh.status().ToString();
  EXPECT_EQ(zh->unchanged, 1);
}

TEST_F(LedgerTest, SameKeyWithOtherContentIsRejected) {
  FieldError e = OnlyError(Ledger("E1,2023-02-01,expend,central,2023,540102,P1,301,某公司,enterprise,,\n"));
  EXPECT_EQ(e.code, "conflicts_existing");
  EXPECT_EQ(e.row, 2);
  EXPECT_EQ(e.column, "entry_id");
  EXPECT_EQ(e.column_index, 1);
  auto p = Import("projects",
                  "project_code,name,year,region_code,central_fund,status\nP1,道路硬化项目,2023,540102,101,approved\n");
  EXPECT_EQ(OnlyError(p).code, "conflicts_existing");
}

TEST_F(LedgerTest, OneBadRowRejectsTheWholeFile) {
  auto r = Ledger(
      "E2,2023-03-01,expend,central,2023,540102,P1,100,某公司,enterprise,,\n"
      "E3,2023-03-02,expend,central,2023,549999,P1,100,某公司,enterprise,,\n");
  FieldError e = OnlyError(r);
  EXPECT_NE(r.status().message().find("共1处错误"), std::string::npos) << r.status().message();
  EXPECT_EQ(e.code, "unknown_region");
  EXPECT_EQ(e.row, 3);
  EXPECT_EQ(e.column, "region_code");
  EXPECT_EQ(e.column_index, 6);
  EXPECT_EQ(Expended(), Fen::FromYuan(300));  // E2 was not written either
  EXPECT_EQ(OnlyError(Ledger("E4,2023-03-01,expend,central,2023,540102,NOPE,100,某公司,enterprise,,\n")).code,
            "unknown_project");
  EXPECT_EQ(OnlyError(Import("projects", "project_code,name,year,region_code\nP9,新项目,2023,549999\n")).code,
            "unknown_region");
}

TEST_F(LedgerTest, ReversalRules) {
  EXPECT_EQ(OnlyError(Ledger("R1,2023-03-01,reverse,central,2023,540102,,300,,,NOPE,\n")).code,
            "unknown_reversed_entry");
  FieldError amount = OnlyError(Ledger("R1,2023-03-01,reverse,central,2023,540102,,299,,,E1,\n"));
  EXPECT_EQ(amount.code, "reversal_mismatch");
  EXPECT_EQ(amount.column, "amount");
  EXPECT_EQ(OnlyError(Ledger("R1,2023-03-01,reverse,central,2023,540103,,300,,,E1,\n")).column, "region_code");
  EXPECT_EQ(OnlyError(Ledger("R1,2023-03-01,reverse,provincial,2023,540102,,300,,,E1,\n")).column, "fund_source");
  EXPECT_EQ(OnlyError(Ledger("R1,2023-03-01,reverse,central,2022,540102,,300,,,E1,\n")).column, "fund_year");
  EXPECT_EQ(OnlyError(Ledger("R1,2023-01-01,reverse,central,2023,540102,,300,,,E1,\n")).code,
            "reversal_before_original");
  // Twice in one file: the second is refused and nothing is written.
  auto twice = Ledger(
      "R1,2023-03-01,reverse,central,2023,540102,,300,,,E1,\n"
      "R2,2023-03-02,reverse,central,2023,540102,,300,,,E1,\n");
  FieldError t = OnlyError(twice);
  EXPECT_EQ(t.code, "already_reversed");
  EXPECT_EQ(t.row, 3);
  EXPECT_EQ(Expended(), Fen::FromYuan(300));
  // Once is fine; the reversal takes the entry's project and cancels its amount.
  auto once = Ledger("R1,2023-03-01,冲销,central,2023,540102,,300,,,E1,冲销误记\n");
  ASSERT_TRUE(once.ok()) << once.status().ToString();
  EXPECT_EQ(Expended(), Fen());
  // … and not again from a later file, nor a reversal of the reversal.
  EXPECT_EQ(OnlyError(Ledger("R3,2023-03-05,reverse,central,2023,540102,,300,,,E1,\n")).code, "already_reversed");
  EXPECT_EQ(OnlyError(Ledger("R4,2023-03-05,reverse,central,2023,540102,,300,,,R1,\n")).code, "reverse_of_reversal");
  // Re-importing the reversal itself is idempotent.
  auto same = Ledger("R1,2023-03-01,冲销,central,2023,540102,,300,,,E1,冲销误记\n");
  ASSERT_TRUE(same.ok()) << same.status().ToString();
  EXPECT_EQ(same->unchanged, 1);
}

TEST_F(LedgerTest, ReversalOfAnEntryInTheSameFile) {
  auto r = Ledger(
      "E5,2023-04-01,expend,central,2023,540102,P1,50,某公司,enterprise,,\n"
      "R5,2023-04-02,reverse,central,2023,540102,,50,,,E5,\n");
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_EQ(r->inserted, 2);
  EXPECT_EQ(Expended(), Fen::FromYuan(300));
}

TEST_F(LedgerTest, AReversalMayComeBeforeTheEntryItCancels) {
  // Files come sorted by project or county, not by date: the reversal on row 2, its entry on row 3.
  auto r = Ledger(
      "R6,2023-04-02,reverse,central,2023,540102,,50,,,E6,\n"
      "E6,2023-04-01,expend,central,2023,540102,P1,50,某公司,enterprise,,\n");
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_EQ(r->inserted, 2);
  EXPECT_EQ(Expended(), Fen::FromYuan(300));
  // Stored in the order the references need: the entry before its reversal.
  std::vector<std::string> order;
  ASSERT_TRUE(app_->store().ScanLedger([&](const StoredEntry& e) { order.push_back(e.entry.entry_id); }).ok());
  EXPECT_EQ(order, (std::vector<std::string>{"A1", "E1", "E6", "R6"}));
  // Two reversals of one entry in a batch, wherever they stand, are still one too many.
  auto twice = Ledger(
      "R8,2023-04-03,reverse,central,2023,540102,,60,,,E8,\n"
      "R9,2023-04-03,reverse,central,2023,540102,,60,,,E8,\n"
      "E8,2023-04-01,expend,central,2023,540102,P1,60,某公司,enterprise,,\n");
  EXPECT_EQ(OnlyError(twice).code, "already_reversed");
  // Neither stored nor in the batch: an error.
  EXPECT_EQ(OnlyError(Ledger("R7,2023-04-02,reverse,central,2023,540102,,50,,,NOWHERE,\n")).code,
            "unknown_reversed_entry");
}

TEST_F(LedgerTest, PaymentsNeedAFundedProjectAndAPayeeType) {
  ASSERT_TRUE(Import("projects",
                     "project_code,name,year,region_code,central_fund,status\n"
                     "P2,储备项目,2023,540102,100,in_library\nP3,撤项项目,2023,540102,100,cancelled\n")
                  .ok());
  // Each refused with its row and column; only that problem → a Conflict named project_not_funded.
  auto refused = Ledger(
      "D2,2023-04-01,disburse,central,2023,540102,P2,10,某单位,gov_account,,\n"
      "E3,2023-04-01,expend,central,2023,540102,P3,10,某公司,enterprise,,\n");
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.status().code(), ErrorCode::kConflict);
  EXPECT_EQ(refused.status().code_name(), "project_not_funded");
  ASSERT_EQ(refused.status().details().size(), 2u);
  EXPECT_EQ(refused.status().details()[0].row, 2);
  EXPECT_EQ(refused.status().details()[0].column_index, 7);
  // An allocation naming an unfunded project is not a payment: accepted.
  EXPECT_TRUE(Ledger("A2,2023-04-01,allocate,central,2023,540102,P2,10,,,,\n").ok());
  // An expenditure without a payee type is refused with the other problems (InvalidArgument).
  auto mixed = Ledger(
      "E4,2023-04-01,expend,central,2023,540102,P1,10,某公司,,,\n"
      "E5,2023-04-01,expend,central,2023,540102,P2,10,某公司,enterprise,,\n");
  ASSERT_FALSE(mixed.ok());
  EXPECT_EQ(mixed.status().code_name(), "invalid_argument");
  EXPECT_EQ(mixed.status().details()[0].code, "payee_type_required");
  EXPECT_EQ(mixed.status().details()[1].code, "project_not_funded");
  EXPECT_EQ(Expended(), Fen::FromYuan(300));
}

TEST_F(LedgerTest, ApiBatchesUseTheSameRules) {
  std::vector<NumberedEntry> batch = {
      {1,
       {"E6", *Date::Parse("2023-05-01"), EntryKind::kExpend, FundSource::kCentral, 2023, "540102", "P1",
        Fen::FromYuan(10), "某公司", PayeeType::kEnterprise, "", ""}},
      {2,
       {"E7", *Date::Parse("2023-05-01"), EntryKind::kExpend, FundSource::kCentral, 2023, "540102", "NOPE",
        Fen::FromYuan(10), "某公司", PayeeType::kEnterprise, "", ""}}};
  auto r = app_->PostLedger(Actor::System(), batch);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().details().at(0).row, 2);
  EXPECT_EQ(Expended(), Fen::FromYuan(300));
  batch.pop_back();
  ASSERT_TRUE(app_->PostLedger(Actor::System(), batch).ok());
  EXPECT_EQ(Expended(), Fen::FromYuan(310));
  EXPECT_FALSE(app_->PostLedger(Actor::System(), {}).ok());
}

TEST_F(LedgerTest, ContractsAndProgressNeedAProjectAndSaneValues) {
  const Date d = *Date::Parse("2023-01-01");
  EXPECT_EQ(app_->RecordContract(Actor::System(), {"NOPE", "HT1", Fen(100), d, std::nullopt}).code(),
            ErrorCode::kNotFound);
  EXPECT_EQ(app_->RecordContract(Actor::System(), {"P1", "HT1", Fen(0), d, std::nullopt}).code(),
            ErrorCode::kInvalidArgument);
  EXPECT_EQ(app_->RecordContract(Actor::System(), {"P1", "HT1", Fen(100), d, 10'001}).code(),
            ErrorCode::kInvalidArgument);  // an advance rate over 100%
  EXPECT_EQ(app_->RecordProgress(Actor::System(), {"P1", d, 10001, ""}).code(), ErrorCode::kInvalidArgument);
  EXPECT_TRUE(app_->RecordContract(Actor::System(), {"P1", "HT1", Fen(100), d, 1'000}).ok());
  // The same contract again changes nothing; the same number with other terms is refused.
  EXPECT_TRUE(app_->RecordContract(Actor::System(), {"P1", "HT1", Fen(100), d, 1'000}).ok());
  EXPECT_EQ(app_->RecordContract(Actor::System(), {"P1", "HT1", Fen(200), d, 1'000}).code(), ErrorCode::kAlreadyExists);
  EXPECT_EQ(app_->RecordContract(Actor::System(), {"P1", "HT1", Fen(100), d, std::nullopt}).code(),
            ErrorCode::kAlreadyExists);
  auto contracts = app_->store().ProjectContracts("P1");
  ASSERT_TRUE(contracts.ok());
  EXPECT_EQ(contracts->size(), 1u);
}

}  // namespace app_ledger_test
}  // namespace xj
