// Accounts, sessions, scope and the audit trail at the App layer: every error path.
#include <gtest/gtest.h>

#include "app/app_test_support.hpp"

namespace xj {
namespace app_accounts_test {

using namespace std::chrono_literals;
using testing::TestApp;

constexpr const char* kPassword = "correct-horse-9";

ErrorCode CodeOf(const Status& s) {
  return s.code();
}
template <typename T>
ErrorCode CodeOf(const Result<T>& r) {
  return r.status().code();
}

/// An audit filter with the given fields set.
AuditFilter Filter(std::initializer_list<std::pair<std::string AuditFilter::*, const char*>> fields) {
  AuditFilter f;
  for (const auto& [field, value] : fields) f.*field = value;
  return f;
}

Actor Login(TestApp& t, const std::string& name) {
  auto g = t.app->Login(name, kPassword, "10.0.0.1");
  EXPECT_TRUE(g.ok()) << g.status().ToString();
  auto s = t.app->Authenticate(g->token, "10.0.0.1");
  EXPECT_TRUE(s.ok()) << s.status().ToString();
  return s->actor;
}

TEST(Accounts, CreateUserRejectsBadInputWithClearCodes) {
  TestApp t;
  const Actor sys = Actor::System();
  auto make = [&](std::string name, Role role, std::string region, std::string password) {
    return t.app->CreateUser(sys, NewUser{std::move(name), role, std::move(region), std::move(password), ""});
  };
  EXPECT_EQ(CodeOf(make("", Role::kLeader, "540100", kPassword)), ErrorCode::kInvalidArgument);
  EXPECT_EQ(CodeOf(make(std::string(65, 'a'), Role::kLeader, "540100", kPassword)), ErrorCode::kInvalidArgument);
  EXPECT_EQ(CodeOf(make("tab\tname", Role::kLeader, "540100", kPassword)), ErrorCode::kInvalidArgument);
  EXPECT_EQ(CodeOf(make(" padded", Role::kLeader, "540100", kPassword)), ErrorCode::kInvalidArgument);
  EXPECT_EQ(CodeOf(make("bad\xff", Role::kLeader, "540100", kPassword)), ErrorCode::kInvalidArgument);
  EXPECT_EQ(CodeOf(make("sys", Role::kSystem, "540100", kPassword)), ErrorCode::kInvalidArgument);
  EXPECT_EQ(CodeOf(make("noregion", Role::kLeader, "", kPassword)), ErrorCode::kInvalidArgument);
  EXPECT_EQ(CodeOf(make("ghost", Role::kLeader, "999999", kPassword)), ErrorCode::kNotFound);
  EXPECT_EQ(CodeOf(make("short", Role::kLeader, "540100", "123456789")), ErrorCode::kInvalidArgument);
  EXPECT_EQ(CodeOf(make("long", Role::kLeader, "540100", std::string(1025, 'x'))), ErrorCode::kInvalidArgument);
  EXPECT_EQ(CodeOf(make("county", Role::kCountyOfficer, "540100", kPassword)), ErrorCode::kInvalidArgument);
  // Ten Chinese characters are ten characters, though 30 bytes.
  EXPECT_TRUE(make("汉字密码", Role::kLeader, "540100", "衔接资金项目管理系统好").ok());
  EXPECT_TRUE(make("ok", Role::kCountyOfficer, "540102", kPassword).ok());
  auto dup = make("ok", Role::kLeader, "540100", kPassword);
  EXPECT_EQ(CodeOf(dup), ErrorCode::kAlreadyExists);
  EXPECT_EQ(dup.status().message().find("sqlite"), std::string::npos) << "no driver text";
}

TEST(Accounts, OnlyAdminsCreateUsersAndOnlyInTheirScope) {
  TestApp t;
  t.AddUser("admin", Role::kAdmin, "540100");
  t.AddUser("leader", Role::kLeader, "540100");
  const Actor admin = Login(t, "admin");
  const Actor leader = Login(t, "leader");
  EXPECT_EQ(CodeOf(t.app->CreateUser(leader, NewUser{"x1", Role::kLeader, "540100", kPassword, ""})),
            ErrorCode::kPermissionDenied);
  EXPECT_EQ(CodeOf(t.app->CreateUser(admin, NewUser{"x2", Role::kLeader, "540200", kPassword, ""})),
            ErrorCode::kPermissionDenied);
  EXPECT_EQ(CodeOf(t.app->CreateUser(admin, NewUser{"x3", Role::kLeader, "540000", kPassword, ""})),
            ErrorCode::kPermissionDenied)
      << "not even the parent region";
  EXPECT_TRUE(t.app->CreateUser(admin, NewUser{"x4", Role::kCountyOfficer, "540102", kPassword, ""}).ok());
  auto users = t.app->ListUsers(admin, "");
  ASSERT_TRUE(users.ok());
  EXPECT_EQ(users->size(), 3u);  // admin, leader, x4 — all under 540100
  EXPECT_EQ(CodeOf(t.app->ListUsers(admin, "540200")), ErrorCode::kPermissionDenied);
  EXPECT_EQ(CodeOf(t.app->ListUsers(leader, "")), ErrorCode::kPermissionDenied);
  auto county = t.app->ListUsers(admin, "540102");
  ASSERT_TRUE(county.ok());
  ASSERT_EQ(county->size(), 1u);
  EXPECT_EQ(county->front().username, "x4");
}

TEST(Accounts, LoginAnswersTheSameForUnknownUserAndWrongPassword) {
  TestApp t;
  t.AddUser("alice", Role::kLeader, "540100");
  auto wrong = t.app->Login("alice", "wrong-password", "10.0.0.1");
  auto unknown = t.app->Login("nobody", "wrong-password", "10.0.0.1");
  auto empty = t.app->Login("alice", "", "10.0.0.1");
  EXPECT_EQ(CodeOf(wrong), ErrorCode::kUnauthenticated);
  EXPECT_EQ(CodeOf(unknown), ErrorCode::kUnauthenticated);
  EXPECT_EQ(CodeOf(empty), ErrorCode::kUnauthenticated);
  EXPECT_EQ(wrong.status().message(), unknown.status().message());
  EXPECT_EQ(t.app->login_failures(), 3);
}

TEST(Accounts, RepeatedFailuresAreThrottledPerUserAndPerAddress) {
  AppOptions o;
  o.accounts.throttle.max_failures_per_user = 3;
  o.accounts.throttle.max_failures_per_address = 5;
  o.accounts.throttle.window = 60s;
  TestApp t(o);
  t.AddUser("alice", Role::kLeader, "540100");
  t.AddUser("bob", Role::kLeader, "540100");
  for (int i = 0; i < 3; ++i)
    EXPECT_EQ(CodeOf(t.app->Login("alice", "nope-nope-nope", "10.0.0.1")), ErrorCode::kUnauthenticated);
  // Even the right password waits from the guessing address, but the real user elsewhere does not.
  EXPECT_EQ(CodeOf(t.app->Login("alice", kPassword, "10.0.0.1")), ErrorCode::kTooManyRequests);
  EXPECT_TRUE(t.app->Login("alice", kPassword, "10.0.0.2").ok());
  EXPECT_TRUE(t.app->Login("bob", kPassword, "10.0.0.1").ok());
  t.clock.Advance(61s);
  EXPECT_TRUE(t.app->Login("alice", kPassword, "10.0.0.1").ok());
  for (const char* u : {"u1", "u2", "u3", "u4", "u5"}) (void)t.app->Login(u, "nope-nope-nope", "10.9.9.9");
  EXPECT_EQ(CodeOf(t.app->Login("bob", kPassword, "10.9.9.9")), ErrorCode::kTooManyRequests);
  EXPECT_TRUE(t.app->Login("bob", kPassword, "10.0.0.3").ok());
}

TEST(Accounts, SessionsExpireIdleAndAbsolutelyAndOnLogout) {
  AppOptions o;
  o.accounts.session_idle = 30min;
  o.accounts.session_absolute = 12h;
  TestApp t(o);
  t.AddUser("alice", Role::kLeader, "540100");
  auto g = t.app->Login("alice", kPassword, "10.0.0.1");
  ASSERT_TRUE(g.ok());
  EXPECT_EQ(g->token.size(), 64u);
  EXPECT_NE(g->token, g->csrf_token);
  // Used every 20 minutes: idle never reached, but 12 hours is the end.
  for (int i = 0; i < 35; ++i) {
    t.clock.Advance(20min);
    ASSERT_TRUE(t.app->Authenticate(g->token, "10.0.0.1").ok()) << "at step " << i;
  }
  t.clock.Advance(20min);  // 12 h
  EXPECT_EQ(CodeOf(t.app->Authenticate(g->token, "10.0.0.1")), ErrorCode::kUnauthenticated);

  auto idle = t.app->Login("alice", kPassword, "10.0.0.1");
  ASSERT_TRUE(idle.ok());
  t.clock.Advance(29min);
  EXPECT_TRUE(t.app->Authenticate(idle->token, "10.0.0.1").ok());
  t.clock.Advance(30min);
  EXPECT_EQ(CodeOf(t.app->Authenticate(idle->token, "10.0.0.1")), ErrorCode::kUnauthenticated);

  auto out = t.app->Login("alice", kPassword, "10.0.0.1");
  ASSERT_TRUE(out.ok());
  auto s = t.app->Authenticate(out->token, "10.0.0.1");
  ASSERT_TRUE(s.ok());
  EXPECT_TRUE(t.app->Logout(s->actor).ok());
  EXPECT_EQ(CodeOf(t.app->Authenticate(out->token, "10.0.0.1")), ErrorCode::kUnauthenticated);
  EXPECT_EQ(CodeOf(t.app->Logout(Actor{})), ErrorCode::kUnauthenticated);
}

TEST(Accounts, MalformedOrForgedTokensAreUnauthenticated) {
  TestApp t;
  for (const char* token :
       {"", "abc", "' OR 1=1 --", "ZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZ"}) {
    EXPECT_EQ(CodeOf(t.app->Authenticate(token, "x")), ErrorCode::kUnauthenticated) << token;
  }
  EXPECT_EQ(CodeOf(t.app->Authenticate(std::string(64, 'a'), "x")), ErrorCode::kUnauthenticated);
}

TEST(Scope, RegionReadsStayInsideTheHomeSubtree) {
  TestApp t;
  t.AddUser("county", Role::kCountyOfficer, "540102");
  const Actor c = Login(t, "county");
  auto top = t.app->RegionChildren(c, "");
  ASSERT_TRUE(top.ok());
  ASSERT_EQ(top->size(), 1u);
  EXPECT_EQ(top->front().region.code, "540102") << "the top of a county officer's scope is the county";
  EXPECT_TRUE(t.app->RegionChildren(c, "540102").ok());
  EXPECT_TRUE(t.app->RegionDetail(c, "540102001").ok());
  EXPECT_EQ(CodeOf(t.app->RegionDetail(c, "540100")), ErrorCode::kPermissionDenied) << "parent";
  EXPECT_EQ(CodeOf(t.app->RegionDetail(c, "540202")), ErrorCode::kPermissionDenied) << "other county";
  EXPECT_EQ(CodeOf(t.app->RegionChildren(c, "540000")), ErrorCode::kPermissionDenied);
  EXPECT_EQ(CodeOf(t.app->RegionDetail(c, "999999")), ErrorCode::kNotFound);
}

TEST(Scope, RegionImportsNeedTheRoleAndEveryRowInScope) {
  TestApp t;
  t.AddUser("admin", Role::kAdmin, "540100");
  t.AddUser("pref", Role::kPrefectureOfficer, "540100");
  const Actor admin = Login(t, "admin");
  const Actor pref = Login(t, "pref");
  auto import = [&](const Actor& a, const std::string& csv) {
    std::istringstream in("code,name,level,parent_code\n" + csv);
    CsvReader reader(in);
    return t.app->ImportRegions(a, reader);
  };
  EXPECT_EQ(CodeOf(import(pref, "540103,堆龙德庆区,county,540100\n")), ErrorCode::kPermissionDenied);
  EXPECT_EQ(CodeOf(import(admin, "540203,江孜县,county,540200\n")), ErrorCode::kPermissionDenied);
  EXPECT_EQ(CodeOf(import(admin, "540300,昌都市,prefecture,540000\n")), ErrorCode::kPermissionDenied);
  EXPECT_EQ(CodeOf(import(admin, "660000,新省,province,\n")), ErrorCode::kPermissionDenied);
  auto ok = import(admin, "540103,堆龙德庆区,county,540100\n540103001,乃琼镇,township,540103\n");
  ASSERT_TRUE(ok.ok()) << ok.status().ToString();
  EXPECT_EQ(ok->inserted, 2);
}

TEST(Audit, EveryChangeIsRecordedAndAuditorsReadOnlyTheirScope) {
  TestApp t;
  t.AddUser("lhasa-auditor", Role::kAuditor, "540100");
  t.AddUser("shigatse-leader", Role::kLeader, "540200");
  t.AddUser("county-leader", Role::kLeader, "540102");
  const Actor auditor = Login(t, "lhasa-auditor");
  auto page = t.app->ReadAudit(auditor, {});
  ASSERT_TRUE(page.ok()) << page.status().ToString();
  // Lhasa's subtree: 3 region.create (540100, 540102, 540102001), 2 user.create, 1 login.
  EXPECT_EQ(page->total, 6);
  for (const AuditRecord& r : page->items) EXPECT_NE(r.entity_id, "shigatse-leader");
  auto users = t.app->ReadAudit(auditor, Filter({{&AuditFilter::entity, "user"}}));
  ASSERT_TRUE(users.ok());
  EXPECT_EQ(users->total, 2);
  auto one = t.app->ReadAudit(auditor, Filter({{&AuditFilter::entity, "user:county-leader"}}));
  ASSERT_TRUE(one.ok());
  ASSERT_EQ(one->total, 1);
  EXPECT_EQ(one->items[0].action, "user.create");
  EXPECT_EQ(one->items[0].actor, "system");
  EXPECT_EQ(one->items[0].after,
            R"({"disabled":false,"region_code":"540102","role":"leader","username":"county-leader"})");
  auto by_actor = t.app->ReadAudit(auditor, Filter({{&AuditFilter::actor, "lhasa-auditor"}}));
  ASSERT_TRUE(by_actor.ok());
  EXPECT_EQ(by_actor->total, 1);
  auto county = t.app->ReadAudit(auditor, Filter({{&AuditFilter::region, "540102"}}));
  ASSERT_TRUE(county.ok());
  EXPECT_EQ(county->total, 3);  // 540102, 540102001, county-leader
  auto paged = t.app->ReadAudit(auditor, Filter({{&AuditFilter::page, "2"}, {&AuditFilter::page_size, "4"}}));
  ASSERT_TRUE(paged.ok());
  EXPECT_EQ(paged->items.size(), 2u);
  EXPECT_GT(paged->items.front().seq, paged->items.back().seq) << "newest first";
  auto today =
      t.app->ReadAudit(auditor, Filter({{&AuditFilter::from, "2024-03-01"}, {&AuditFilter::to, "2024-03-01"}}));
  ASSERT_TRUE(today.ok());
  EXPECT_EQ(today->total, 6);
  auto before = t.app->ReadAudit(auditor, Filter({{&AuditFilter::to, "2024-02-29"}}));
  ASSERT_TRUE(before.ok());
  EXPECT_EQ(before->total, 0);
}

TEST(Audit, FiltersAreValidatedAndTheRoleIsChecked) {
  TestApp t;
  t.AddUser("auditor", Role::kAuditor, "540100");
  t.AddUser("leader", Role::kLeader, "540100");
  const Actor auditor = Login(t, "auditor");
  EXPECT_EQ(CodeOf(t.app->ReadAudit(Login(t, "leader"), {})), ErrorCode::kPermissionDenied);
  EXPECT_EQ(CodeOf(t.app->ReadAudit(auditor, Filter({{&AuditFilter::region, "540200"}}))),
            ErrorCode::kPermissionDenied);
  EXPECT_EQ(CodeOf(t.app->ReadAudit(auditor, Filter({{&AuditFilter::region, "999999"}}))), ErrorCode::kNotFound);
  for (const char* bad : {"0", "-1", "x", "1.5", "99999999999"}) {
    EXPECT_EQ(CodeOf(t.app->ReadAudit(auditor, Filter({{&AuditFilter::page, bad}}))), ErrorCode::kInvalidArgument)
        << bad;
  }
  EXPECT_EQ(CodeOf(t.app->ReadAudit(auditor, Filter({{&AuditFilter::page_size, "501"}}))), ErrorCode::kInvalidArgument);
  EXPECT_EQ(CodeOf(t.app->ReadAudit(auditor, Filter({{&AuditFilter::from, "yesterday"}}))),
            ErrorCode::kInvalidArgument);
  EXPECT_EQ(CodeOf(t.app->ReadAudit(auditor, Filter({{&AuditFilter::to, "2024-13-01"}}))), ErrorCode::kInvalidArgument);
}

TEST(Audit, TheChainVerifiesAfterEveryKindOfChange) {
  TestApp t;
  t.AddUser("alice", Role::kAdmin, "540100");
  (void)Login(t, "alice");
  (void)t.app->Login("alice", "wrong-password", "10.0.0.1");
  auto v = t.app->VerifyAudit();
  ASSERT_TRUE(v.ok());
  EXPECT_TRUE(v->ok()) << v->reason;
  EXPECT_EQ(v->rows, 9 + 1 + 1 + 1);  // regions, user, login, failed login
}

}  // namespace app_accounts_test
}  // namespace xj
