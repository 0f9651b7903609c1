#include "app/audit_chain.hpp"

#include "app/crypto.hpp"

namespace xj {
namespace {

void Field(std::string& out, std::string_view v) {
  out += std::to_string(v.size());
  out += ':';
  out += v;
  out += ';';
}

}  // namespace

std::string CanonicalAuditContent(const AuditRecord& r) {
  std::string out;
  Field(out, std::to_string(r.seq));
  Field(out, r.at);
  Field(out, r.actor);
  Field(out, r.actor_role);
  Field(out, r.address);
  Field(out, r.action);
  Field(out, r.entity_type);
  Field(out, r.entity_id);
  Field(out, r.region_code);
  Field(out, r.before);
  Field(out, r.after);
  return out;
}

std::string AuditHash(std::string_view prev_hash, const AuditRecord& r) {
  std::string data(prev_hash);
  data += CanonicalAuditContent(r);
  return crypto::Sha256Hex(data);
}

bool AuditChainVerifier::Add(const AuditRecord& r) {
  if (result_.broken_seq) return false;
  auto fail = [&](std::string reason) {
    result_.broken_seq = r.seq;
    result_.reason = std::move(reason);
    return false;
  };
  if (r.seq != expected_seq_) {
    return fail("序号不连续：应为 " + std::to_string(expected_seq_) + "，实为 " + std::to_string(r.seq) +
                "（有记录被删除或插入）");
  }
  if (r.prev_hash != expected_prev_) return fail("前一条哈希不匹配（前序记录被修改、删除或替换）");
  if (AuditHash(r.prev_hash, r) != r.hash) return fail("本条内容与哈希不符（记录被修改）");
  ++result_.rows;
  ++expected_seq_;
  expected_prev_ = r.hash;
  result_.head_hash = r.hash;
  return true;
}

}  // namespace xj
