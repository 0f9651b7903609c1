#include "app/audit_chain.hpp"

#include <gtest/gtest.h>

#include <vector>

namespace xj {
namespace app_audit_chain_test {

std::vector<AuditRecord> Chain(int n) {
  std::vector<AuditRecord> rows;
  std::string prev(kAuditGenesisHash);
  for (int i = 1; i <= n; ++i) {
    AuditRecord r;
    r.seq = i;
    r.at = "2024-03-01T08:00:00.000Z";
    r.actor = "alice";
    r.actor_role = "admin";
    r.action = "user.create";
    r.entity_type = "user";
    r.entity_id = std::to_string(i);
    r.after = R"({"role":"leader"})";
    r.prev_hash = prev;
    r.hash = AuditHash(prev, r);
    prev = r.hash;
    rows.push_back(r);
  }
  return rows;
}

AuditRecord WithActor(std::string actor, std::string role) {
  AuditRecord r;
  r.actor = std::move(actor);
  r.actor_role = std::move(role);
  return r;
}

AuditVerification Verify(const std::vector<AuditRecord>& rows) {
  AuditChainVerifier v;
  for (const auto& r : rows) v.Add(r);
  return v.result();
}

TEST(AuditChain, AnIntactChainVerifies) {
  auto rows = Chain(5);
  auto v = Verify(rows);
  EXPECT_TRUE(v.ok());
  EXPECT_EQ(v.rows, 5);
  EXPECT_EQ(v.head_hash, rows.back().hash);
  EXPECT_TRUE(Verify({}).ok());
  EXPECT_EQ(Verify({}).head_hash, kAuditGenesisHash);
}

TEST(AuditChain, FieldBoundariesAreUnambiguous) {
  const AuditRecord a = WithActor("ab", "c");
  const AuditRecord b = WithActor("a", "bc");
  EXPECT_NE(CanonicalAuditContent(a), CanonicalAuditContent(b));
}

TEST(AuditChain, AnEditedRowIsTheFirstBrokenLink) {
  auto rows = Chain(5);
  rows[2].after = R"({"role":"admin"})";
  auto v = Verify(rows);
  EXPECT_FALSE(v.ok());
  EXPECT_EQ(v.broken_seq, 3);
  EXPECT_EQ(v.rows, 2);
}

TEST(AuditChain, ARecomputedHashBreaksTheNextLink) {
  auto rows = Chain(5);
  rows[2].actor = "mallory";
  rows[2].hash = AuditHash(rows[2].prev_hash, rows[2]);
  EXPECT_EQ(Verify(rows).broken_seq, 4);
}

TEST(AuditChain, DeletedOrReorderedRowsAreDetected) {
  auto rows = Chain(5);
  auto deleted = rows;
  deleted.erase(deleted.begin() + 1);
  EXPECT_EQ(Verify(deleted).broken_seq, 3);
  auto swapped = rows;
  std::swap(swapped[1], swapped[2]);
  EXPECT_EQ(Verify(swapped).broken_seq, 3);
}

}  // namespace app_audit_chain_test
}  // namespace xj
