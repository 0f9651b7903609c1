// API tokens of service accounts (issue #24): creation rules, the secret kept only as a hash,
// expiry, revocation, the IP allow-list, the rate limit, and the audit trail of every use.
#include <gtest/gtest.h>

#include "app/app_test_support.hpp"
#include "app/crypto.hpp"

namespace xj {
namespace app_api_tokens_test {

using std::chrono::seconds;
using testing::TestApp;

Actor Admin(const std::string& region = "540000") {
  Actor a;
  a.username = "admin";
  a.role = Role::kAdmin;
  a.region_code = region;
  return a;
}

NewApiToken Finance(const std::string& name = "lhasa-finance") {
  return NewApiToken{name, Role::kFinanceOfficer, "540100", "", {}};
}

std::vector<AuditRecord> AuditOf(TestApp& t, const std::string& action) {
  std::vector<AuditRecord> out;
  EXPECT_TRUE(t.app->store()
                  .ScanAudit([&](const AuditRecord& r) {
                    if (r.action == action) out.push_back(r);
                    return Status::Ok();
                  })
                  .ok());
  return out;
}

TEST(ApiTokens, CreatedTokenIsShownOnceAndStoredAsItsHash) {
  TestApp t;
  auto grant = t.app->CreateApiToken(Admin(), Finance());
  ASSERT_TRUE(grant.ok()) << grant.status().ToString();
  EXPECT_TRUE(grant->token.starts_with("xjt_"));
  EXPECT_EQ(grant->token.size(), 68u);
  EXPECT_EQ(grant->expires_at, "2024-05-30T08:00:00.000Z");  // the default 90 days from 2024-03-01T08:00Z
  auto stored = t.app->store().ListApiTokens();
  ASSERT_TRUE(stored.ok());
  ASSERT_EQ(stored->size(), 1u);
  EXPECT_EQ((*stored)[0].token_hash, crypto::Sha256Hex(grant->token));
  EXPECT_EQ((*stored)[0].prefix, grant->token.substr(0, 8));
  // Neither the list nor the audit row carries the secret.
  auto list = t.app->ListApiTokens(Admin());
  ASSERT_TRUE(list.ok());
  ASSERT_EQ(list->size(), 1u);
  EXPECT_EQ((*list)[0].name, "lhasa-finance");
  EXPECT_EQ((*list)[0].region_name, "拉萨市");
  EXPECT_EQ((*list)[0].state, "active");
  const auto created = AuditOf(t, "token.create");
  ASSERT_EQ(created.size(), 1u);
  EXPECT_EQ(created[0].actor, "admin");
  EXPECT_EQ(created[0].after.find(grant->token.substr(8)), std::string::npos);
}

TEST(ApiTokens, CreationRefusesWhatAPersonCouldNotHaveEither) {
  TestApp t;
  t.AddUser("zhang", Role::kLeader, "540100");
  struct Case {
    NewApiToken request;
    ErrorCode code;
  };
  std::vector<Case> cases = {
      {{"", Role::kLeader, "540100", "", {}}, ErrorCode::kInvalidArgument},
      {{"ops", Role::kAdmin, "540000", "", {}}, ErrorCode::kInvalidArgument},                  // no machine admins
      {{"county-feed", Role::kCountyOfficer, "540100", "", {}}, ErrorCode::kInvalidArgument},  // not a county
      {{"nowhere", Role::kLeader, "549999", "", {}}, ErrorCode::kNotFound},
      {{"bad-ip", Role::kLeader, "540100", "", {"10.0.0.0/40"}}, ErrorCode::kInvalidArgument},
      {{"bad-date", Role::kLeader, "540100", "2024-13-01", {}}, ErrorCode::kInvalidArgument},
      {{"past", Role::kLeader, "540100", "2024-02-29", {}}, ErrorCode::kInvalidArgument},
      {{"too-long", Role::kLeader, "540100", "2025-03-03", {}}, ErrorCode::kInvalidArgument},  // > 366 days
      {{"zhang", Role::kLeader, "540100", "", {}}, ErrorCode::kAlreadyExists},                 // a user has the name
  };
  for (const Case& c : cases) {
    auto grant = t.app->CreateApiToken(Admin(), c.request);
    ASSERT_FALSE(grant.ok()) << c.request.name;
    EXPECT_EQ(grant.status().code(), c.code) << c.request.name << ": " << grant.status().ToString();
  }
  // Outside the administrator's subtree, and for a role that may not manage accounts.
  EXPECT_EQ(t.app->CreateApiToken(Admin("540200"), Finance()).status().code(), ErrorCode::kPermissionDenied);
  Actor leader = Admin();
  leader.role = Role::kLeader;
  EXPECT_EQ(t.app->CreateApiToken(leader, Finance()).status().code(), ErrorCode::kPermissionDenied);
  // Nothing was stored by any refusal.
  EXPECT_TRUE(t.app->store().ListApiTokens()->empty());
  // The latest day allowed works through that day.
  NewApiToken last = Finance();
  last.expires_at = "2025-03-01";
  auto grant = t.app->CreateApiToken(Admin(), last);
  ASSERT_TRUE(grant.ok()) << grant.status().ToString();
  EXPECT_EQ(grant->expires_at, "2025-03-02T00:00:00.000Z");
}

TEST(ApiTokens, AServiceAccountKeepsOneRoleAndRegionAcrossItsTokens) {
  TestApp t;
  ASSERT_TRUE(t.app->CreateApiToken(Admin(), Finance()).ok());
  ASSERT_TRUE(t.app->CreateApiToken(Admin(), Finance()).ok());  // rotation: a second token
  NewApiToken other = Finance();
  other.region_code = "540200";
  EXPECT_EQ(t.app->CreateApiToken(Admin(), other).status().code(), ErrorCode::kConflict);
  // and a user may not take a service account's name
  auto user = t.app->CreateUser(Actor::System(), NewUser{"lhasa-finance", Role::kLeader, "540100", "correct-horse-9"});
  EXPECT_EQ(user.status().code(), ErrorCode::kAlreadyExists);
}

TEST(ApiTokens, AUseActsAsTheServiceAccountAndIsAudited) {
  TestApp t;
  auto grant = t.app->CreateApiToken(Admin(), Finance());
  ASSERT_TRUE(grant.ok());
  auto admitted = t.app->AuthenticateToken(grant->token, "10.1.2.3", "GET /api/v1/ledger");
  ASSERT_TRUE(admitted.ok()) << admitted.status().ToString();
  EXPECT_EQ(admitted->retry_after_seconds, 0);
  EXPECT_EQ(admitted->actor.username, "lhasa-finance");
  EXPECT_EQ(admitted->actor.role, Role::kFinanceOfficer);
  EXPECT_EQ(admitted->actor.region_code, "540100");
  EXPECT_EQ(admitted->actor.token_id, grant->id);
  EXPECT_EQ(admitted->actor.user_id, 0);
  // Its scope is the home region's, as for a person of the role.
  EXPECT_TRUE(t.app->Authorize(admitted->actor, Action::kWriteLedger, "540102").ok());
  EXPECT_EQ(t.app->Authorize(admitted->actor, Action::kWriteLedger, "540202").code(), ErrorCode::kPermissionDenied);
  EXPECT_EQ(t.app->Authorize(admitted->actor, Action::kManageUsers, "540102").code(), ErrorCode::kPermissionDenied);
  EXPECT_EQ(t.app->CurrentUser(admitted->actor).status().code(), ErrorCode::kPermissionDenied);
  const auto uses = AuditOf(t, "token.use");
  ASSERT_EQ(uses.size(), 1u);
  EXPECT_EQ(uses[0].actor, "lhasa-finance");
  EXPECT_EQ(uses[0].actor_role, "finance_officer");
  EXPECT_EQ(uses[0].address, "10.1.2.3");
  EXPECT_EQ(uses[0].entity_id, std::to_string(grant->id));
  EXPECT_NE(uses[0].after.find("GET /api/v1/ledger"), std::string::npos);
  EXPECT_FALSE((*t.app->store().ListApiTokens())[0].last_used_at.empty());
}

TEST(ApiTokens, UnknownExpiredAndRevokedTokensAreRefused) {
  TestApp t;
  EXPECT_EQ(t.app->AuthenticateToken("xjt_nothex", "", "GET /").status().code(), ErrorCode::kUnauthenticated);
  EXPECT_EQ(t.app->AuthenticateToken("xjt_" + std::string(64, 'a'), "", "GET /").status().code(),
            ErrorCode::kUnauthenticated);
  NewApiToken short_lived = Finance();
  short_lived.expires_at = "2024-03-02";
  auto grant = t.app->CreateApiToken(Admin(), short_lived);
  ASSERT_TRUE(grant.ok());
  EXPECT_TRUE(t.app->AuthenticateToken(grant->token, "", "GET /").ok());
  t.clock.Advance(seconds(40 * 3600));  // 2024-03-03T00:00Z: past the end of 2024-03-02
  auto expired = t.app->AuthenticateToken(grant->token, "", "GET /");
  EXPECT_EQ(expired.status().code(), ErrorCode::kUnauthenticated);
  EXPECT_NE(expired.status().message().find("过期"), std::string::npos);
  EXPECT_EQ((*t.app->ListApiTokens(Admin()))[0].state, "expired");

  auto second = t.app->CreateApiToken(Admin(), Finance());
  ASSERT_TRUE(second.ok());
  auto revoked = t.app->RevokeApiToken(Admin(), second->id);
  ASSERT_TRUE(revoked.ok()) << revoked.status().ToString();
  EXPECT_EQ(revoked->state, "revoked");
  auto refused = t.app->AuthenticateToken(second->token, "", "GET /");
  EXPECT_EQ(refused.status().code(), ErrorCode::kUnauthenticated);
  EXPECT_NE(refused.status().message().find("吊销"), std::string::npos);
  // Revoking again changes nothing; another administrator's subtree may not revoke it.
  EXPECT_TRUE(t.app->RevokeApiToken(Admin(), second->id).ok());
  EXPECT_EQ(AuditOf(t, "token.revoke").size(), 1u);
  EXPECT_EQ(t.app->RevokeApiToken(Admin("540200"), second->id).status().code(), ErrorCode::kPermissionDenied);
  EXPECT_EQ(t.app->RevokeApiToken(Admin(), 999).status().code(), ErrorCode::kNotFound);
  // Each refusal of a known token is in the audit trail.
  EXPECT_EQ(AuditOf(t, "token.refused").size(), 2u);
}

TEST(ApiTokens, TheAllowListAdmitsOnlyItsAddresses) {
  TestApp t;
  NewApiToken fenced = Finance();
  fenced.allowed_ips = {"10.8.0.0/16", "192.0.2.7"};
  auto grant = t.app->CreateApiToken(Admin(), fenced);
  ASSERT_TRUE(grant.ok());
  EXPECT_TRUE(t.app->AuthenticateToken(grant->token, "10.8.3.4", "GET /").ok());
  EXPECT_TRUE(t.app->AuthenticateToken(grant->token, "::ffff:192.0.2.7", "GET /").ok());
  auto outside = t.app->AuthenticateToken(grant->token, "10.9.0.1", "GET /");
  EXPECT_EQ(outside.status().code(), ErrorCode::kPermissionDenied);
  EXPECT_EQ((*t.app->ListApiTokens(Admin()))[0].allowed_ips, (std::vector<std::string>{"10.8.0.0/16", "192.0.2.7"}));
}

TEST(ApiTokens, EachTokenHasItsOwnRateLimit) {
  AppOptions o;
  o.tokens.rate = {/*requests_per_minute=*/60, /*burst=*/2};
  TestApp t(o);
  auto a = t.app->CreateApiToken(Admin(), Finance("feed-a"));
  auto b = t.app->CreateApiToken(Admin(), Finance("feed-b"));
  ASSERT_TRUE(a.ok() && b.ok());
  EXPECT_EQ(t.app->AuthenticateToken(a->token, "", "GET /")->retry_after_seconds, 0);
  EXPECT_EQ(t.app->AuthenticateToken(a->token, "", "GET /")->retry_after_seconds, 0);
  EXPECT_EQ(t.app->AuthenticateToken(a->token, "", "GET /")->retry_after_seconds, 1);
  EXPECT_EQ(t.app->AuthenticateToken(b->token, "", "GET /")->retry_after_seconds, 0);
  t.clock.Advance(seconds(1));
  EXPECT_EQ(t.app->AuthenticateToken(a->token, "", "GET /")->retry_after_seconds, 0);
  // Refused requests are not uses: only the four admitted ones are audited.
  EXPECT_EQ(AuditOf(t, "token.use").size(), 4u);
}

TEST(ApiTokens, TheListShowsOnlyTheAdministratorsSubtree) {
  TestApp t;
  ASSERT_TRUE(t.app->CreateApiToken(Admin(), Finance("lhasa")).ok());
  NewApiToken shigatse{"shigatse", Role::kLeader, "540200", "", {}};
  ASSERT_TRUE(t.app->CreateApiToken(Admin(), shigatse).ok());
  auto all = t.app->ListApiTokens(Admin());
  ASSERT_TRUE(all.ok());
  ASSERT_EQ(all->size(), 2u);
  EXPECT_EQ((*all)[0].name, "shigatse");  // newest first
  auto mine = t.app->ListApiTokens(Admin("540200"));
  ASSERT_TRUE(mine.ok());
  ASSERT_EQ(mine->size(), 1u);
  EXPECT_EQ((*mine)[0].name, "shigatse");
}

}  // namespace app_api_tokens_test
}  // namespace xj
