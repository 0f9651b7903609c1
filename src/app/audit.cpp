// Audit trail use cases: appending hash-chained rows, reading them with filters, verifying the chain.
#include <charconv>

#include <nlohmann/json.hpp>

#include "app/app.hpp"
#include "core/timestamp.hpp"

namespace xj {
namespace {

constexpr int kMaxPage = 1'000'000;

/// A positive integer ≤ `max`, or `fallback` for empty text.
Result<int> PositiveInt(std::string_view text, int fallback, int max, std::string_view what) {
  if (text.empty()) return fallback;
  int v = 0;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), v);
  if (ec != std::errc() || end != text.data() + text.size() || v < 1 || v > max) {
    return Status::InvalidArgument(std::string(what) + " 应为 1–" + std::to_string(max) + " 的整数");
  }
  return v;
}

}  // namespace

Status App::AppendAudit(const Actor& actor, std::string action, std::string entity_type, std::string entity_id,
                        std::string region_code, std::string before, std::string after) {
  XJ_ASSIGN_OR_RETURN(std::optional<AuditRecord> last, store_->LastAudit());
  AuditRecord r;
  r.seq = last ? last->seq + 1 : 1;
  r.at = Now();
  r.actor = actor.username;
  // An unauthenticated caller (a failed login) has no role.
  const bool anonymous = actor.role == Role::kSystem && actor.username != Actor::System().username;
  r.actor_role = anonymous ? "" : std::string(RoleName(actor.role));
  r.address = actor.address;
  r.action = std::move(action);
  r.entity_type = std::move(entity_type);
  r.entity_id = std::move(entity_id);
  r.region_code = std::move(region_code);
  r.before = std::move(before);
  r.after = std::move(after);
  r.prev_hash = last ? last->hash : std::string(kAuditGenesisHash);
  r.hash = AuditHash(r.prev_hash, r);
  return store_->AppendAudit(r);
}

namespace {

/// The store query of the filters every audit read shares (not the page): the entity text, the
/// actor, the dates and the region scope (docs/definitions.md §18 for what a plain key finds).
Result<AuditQuery> AuditQueryOf(const AuditFilter& f) {
  AuditQuery q;
  if (const auto colon = f.entity.find(':'); colon != std::string::npos) {
    // type:id — and the whole text as a key too: composite ids (flag:subject, 540102:2024-03) hold a colon.
    q.entity_type = f.entity.substr(0, colon);
    q.entity_id = f.entity.substr(colon + 1);
  }
  q.key = f.entity;
  if (!q.key.empty()) q.key_json = nlohmann::json(q.key).dump();
  q.actor = f.actor;
  if (!f.from.empty()) {
    XJ_ASSIGN_OR_RETURN(q.from, ParseTimestampBound(f.from, BoundKind::kFrom));
  }
  if (!f.to.empty()) {
    XJ_ASSIGN_OR_RETURN(q.to, ParseTimestampBound(f.to, BoundKind::kTo));
  }
  return q;
}

/// Rows an export reads from the store at once.
constexpr int kAuditScanBatch = 1000;

}  // namespace

Result<AuditListing> App::ReadAudit(const Actor& actor, const AuditFilter& f) const {
  XJ_RETURN_IF_ERROR(AuthorizeRole(actor, Action::kReadAudit));
  if (!f.region.empty()) XJ_RETURN_IF_ERROR(Authorize(actor, Action::kReadAudit, f.region));
  const auto& policy = options_.accounts;
  XJ_ASSIGN_OR_RETURN(int page, PositiveInt(f.page, 1, kMaxPage, "page"));
  XJ_ASSIGN_OR_RETURN(
      int page_size, PositiveInt(f.page_size, policy.audit_default_page_size, policy.audit_max_page_size, "page_size"));
  XJ_ASSIGN_OR_RETURN(AuditQuery q, AuditQueryOf(f));
  q.region_codes = ScopeCodes(actor, f.region);
  q.limit = page_size;
  q.offset = (page - 1) * page_size;
  XJ_ASSIGN_OR_RETURN(AuditPage found, store_->QueryAudit(q));
  return AuditListing{std::move(found.items), found.total, page, page_size};
}

Result<std::int64_t> App::ScanAuditListing(const Actor& actor, const AuditFilter& f,
                                           const std::function<Status(const AuditRecord&)>& fn) const {
  XJ_RETURN_IF_ERROR(AuthorizeRole(actor, Action::kReadAudit));
  if (!f.region.empty()) XJ_RETURN_IF_ERROR(Authorize(actor, Action::kReadAudit, f.region));
  XJ_ASSIGN_OR_RETURN(AuditQuery q, AuditQueryOf(f));
  q.region_codes = ScopeCodes(actor, f.region);
  q.limit = kAuditScanBatch;
  q.with_total = false;
  std::int64_t count = 0;
  // Keyset paging by seq: rows appended while exporting (the export's own audit row, a login)
  // cannot shift a batch and repeat a row, as OFFSET would.
  XJ_ASSIGN_OR_RETURN(std::optional<AuditRecord> last, store_->LastAudit());
  q.below_seq = last ? last->seq + 1 : 1;
  for (;;) {
    XJ_ASSIGN_OR_RETURN(AuditPage found, store_->QueryAudit(q));
    for (const AuditRecord& r : found.items) {
      XJ_RETURN_IF_ERROR(fn(r));
      ++count;
    }
    if (static_cast<int>(found.items.size()) < q.limit) break;
    q.below_seq = found.items.back().seq;
  }
  return count;
}

Result<AuditVerification> App::VerifyAudit() const {
  AuditChainVerifier verifier;
  const Status scanned = store_->ScanAudit([&](const AuditRecord& r) -> Status {
    // Stop scanning at the first broken link: later rows cannot be trusted either.
    return verifier.Add(r) ? Status::Ok() : Status::Conflict("chain broken");
  });
  if (!scanned.ok() && verifier.result().ok()) return scanned;
  return verifier.result();
}

}  // namespace xj
