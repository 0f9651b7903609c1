// API tokens of service accounts (issue #24): machine clients such as a finance bureau's payment
// system call the API with `Authorization: Bearer <token>`. A token carries the service account's
// name, role and home region, so every scope check is the one a person of that role gets.
#include <algorithm>
#include <nlohmann/json.hpp>

#include "app/account_names.hpp"
#include "app/app.hpp"
#include "app/crypto.hpp"
#include "app/ip_allow_list.hpp"
#include "core/timestamp.hpp"

namespace xj {
namespace {

constexpr std::string_view kTokenPrefix = "xjt_";
constexpr std::size_t kTokenBytes = 32;
constexpr std::size_t kShownPrefixChars = 8;  ///< "xjt_" and four hex digits

bool IsTokenText(std::string_view t) {
  if (t.size() != kTokenPrefix.size() + kTokenBytes * 2 || !t.starts_with(kTokenPrefix)) return false;
  return std::all_of(t.begin() + kTokenPrefix.size(), t.end(),
                     [](char c) { return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'); });
}

std::string TokenState(const ApiTokenRecord& t, const std::string& now) {
  if (!t.revoked_at.empty()) return "revoked";
  return now >= t.expires_at ? "expired" : "active";
}

/// What the audit trail keeps of a token: everything but the secret.
std::string TokenSnapshot(const ApiTokenRecord& t) {
  return nlohmann::json{{"name", t.account},         {"role", RoleName(t.role)},     {"region_code", t.region_code},
                        {"prefix", t.prefix},        {"allowed_ips", t.allowed_ips}, {"expires_at", t.expires_at},
                        {"revoked_at", t.revoked_at}}
      .dump();
}

Actor ActorOfToken(const ApiTokenRecord& t, std::string_view address) {
  Actor a;
  a.username = t.account;
  a.role = t.role;
  a.region_code = t.region_code;
  a.address = std::string(address);
  a.token_id = t.id;
  return a;
}

}  // namespace

ApiTokenView App::ViewOf(const ApiTokenRecord& t) const {
  auto tree = regions();
  const RegionIndex i = tree->Find(t.region_code);
  ApiTokenView v;
  v.id = t.id;
  v.name = t.account;
  v.role = t.role;
  v.region_code = t.region_code;
  v.region_name = i == kNoRegion ? std::string() : tree->node(i).region.name;
  v.allowed_ips = SplitAllowList(t.allowed_ips);
  v.prefix = t.prefix;
  v.created_by = t.created_by;
  v.created_at = t.created_at;
  v.expires_at = t.expires_at;
  v.revoked_at = t.revoked_at;
  v.last_used_at = t.last_used_at;
  v.state = TokenState(t, Now());
  return v;
}

Result<ApiTokenGrant> App::CreateApiToken(const Actor& actor, const NewApiToken& request) {
  XJ_RETURN_IF_ERROR(ValidateAccountName(request.name));
  if (request.role == Role::kSystem || request.role == Role::kAdmin) {
    return Status::InvalidArgument("服务账户不能是系统管理员：管理工作由人完成");
  }
  if (request.region_code.empty()) return Status::InvalidArgument("缺少所属区划");
  XJ_RETURN_IF_ERROR(Authorize(actor, Action::kManageUsers, request.region_code));
  XJ_RETURN_IF_ERROR(CheckHomeRegion(request.role, request.region_code));
  XJ_ASSIGN_OR_RETURN(IpAllowList allow, IpAllowList::Parse(request.allowed_ips));

  const auto& policy = options_.tokens;
  const auto now = options_.clock();
  const std::string latest = FormatTimestamp(now + std::chrono::days(policy.max_lifetime_days));
  std::string expires_at = FormatTimestamp(now + std::chrono::days(policy.default_lifetime_days));
  if (!request.expires_at.empty()) {
    auto parsed = ParseTimestampBound(request.expires_at, BoundKind::kTo);
    if (!parsed.ok())
      return Status::InvalidArgument("有效期 expires_at 应为 YYYY-MM-DD 日期或 UTC 时间：" + request.expires_at);
    expires_at = *parsed;
  }
  if (expires_at <= FormatTimestamp(now)) return Status::InvalidArgument("有效期已过：" + request.expires_at);
  if (expires_at > latest) {
    return Status::InvalidArgument("有效期最长 " + std::to_string(policy.max_lifetime_days) + " 天（至 " +
                                   latest.substr(0, 10) + "）");
  }

  ApiTokenGrant grant;
  grant.token = std::string(kTokenPrefix) + crypto::RandomHex(kTokenBytes);
  grant.expires_at = expires_at;
  ApiTokenRecord rec;
  rec.token_hash = crypto::Sha256Hex(grant.token);
  rec.prefix = grant.token.substr(0, kShownPrefixChars);
  rec.account = request.name;
  rec.role = request.role;
  rec.region_code = request.region_code;
  rec.allowed_ips = allow.ToText();
  rec.created_by = actor.username;
  rec.created_at = Now();
  rec.expires_at = expires_at;

  std::lock_guard write(write_mu_);
  Status s = store_->Transact([&]() -> Status {
    XJ_ASSIGN_OR_RETURN(auto user, store_->FindUserByName(rec.account));
    if (user) return Status::AlreadyExists("已有同名用户：" + rec.account + "（服务账户与用户不能同名）");
    XJ_ASSIGN_OR_RETURN(std::vector<ApiTokenRecord> tokens, store_->ListApiTokens());
    for (const ApiTokenRecord& t : tokens) {
      if (t.account == rec.account && (t.role != rec.role || t.region_code != rec.region_code)) {
        return Status::Conflict("服务账户 " + rec.account + " 已有角色「" + std::string(RoleLabel(t.role)) +
                                "」、所属区划 " + t.region_code + " 的令牌：同一服务账户的令牌角色与区划须一致");
      }
    }
    XJ_ASSIGN_OR_RETURN(rec.id, store_->InsertApiToken(rec));
    return AppendAudit(actor, "token.create", "api_token", std::to_string(rec.id), rec.region_code, "",
                       TokenSnapshot(rec));
  });
  if (!s.ok()) return s;
  grant.id = rec.id;
  return grant;
}

Result<std::vector<ApiTokenView>> App::ListApiTokens(const Actor& actor) const {
  XJ_RETURN_IF_ERROR(AuthorizeRole(actor, Action::kManageUsers));
  XJ_ASSIGN_OR_RETURN(std::vector<ApiTokenRecord> all, store_->ListApiTokens());
  std::vector<ApiTokenView> out;
  for (const ApiTokenRecord& t : all) {
    if (InScope(actor, t.region_code)) out.push_back(ViewOf(t));
  }
  return out;
}

Result<ApiTokenView> App::RevokeApiToken(const Actor& actor, std::int64_t id) {
  XJ_RETURN_IF_ERROR(AuthorizeRole(actor, Action::kManageUsers));
  std::lock_guard write(write_mu_);
  std::optional<ApiTokenRecord> found;
  Status s = store_->Transact([&]() -> Status {
    XJ_ASSIGN_OR_RETURN(std::vector<ApiTokenRecord> all, store_->ListApiTokens());
    for (const ApiTokenRecord& t : all) {
      if (t.id == id) found = t;
    }
    if (!found) return Status::NotFound("API 令牌不存在：" + std::to_string(id));
    XJ_RETURN_IF_ERROR(Authorize(actor, Action::kManageUsers, found->region_code));
    if (!found->revoked_at.empty()) return Status::Ok();
    const std::string before = TokenSnapshot(*found);
    found->revoked_at = Now();
    XJ_RETURN_IF_ERROR(store_->RevokeApiToken(id, found->revoked_at));
    return AppendAudit(actor, "token.revoke", "api_token", std::to_string(id), found->region_code, before,
                       TokenSnapshot(*found));
  });
  if (!s.ok()) return s;
  return ViewOf(*found);
}

Result<TokenAdmission> App::AuthenticateToken(std::string_view token, std::string_view address,
                                              std::string_view request_line) {
  if (!IsTokenText(token)) return Status::Unauthenticated("API 令牌格式无效");
  XJ_ASSIGN_OR_RETURN(auto found, store_->FindApiToken(crypto::Sha256Hex(token)));
  if (!found) return Status::Unauthenticated("API 令牌无效");
  const ApiTokenRecord& t = *found;
  TokenAdmission admission{ActorOfToken(t, address), 0};
  const std::string now = Now();
  const std::string use = nlohmann::json{{"request", std::string(request_line)}}.dump();

  // A known token refused: the attempt is kept in the audit trail, like a failed login.
  auto refuse = [&](Status why) -> Status {
    std::lock_guard write(write_mu_);
    XJ_RETURN_IF_ERROR(store_->Transact([&] {
      return AppendAudit(admission.actor, "token.refused", "api_token", std::to_string(t.id), t.region_code, "",
                         nlohmann::json{{"request", std::string(request_line)}, {"reason", why.message()}}.dump());
    }));
    return why;
  };
  if (!t.revoked_at.empty()) return refuse(Status::Unauthenticated("API 令牌已于 " + t.revoked_at + " 吊销"));
  if (now >= t.expires_at) return refuse(Status::Unauthenticated("API 令牌已于 " + t.expires_at + " 过期"));
  XJ_ASSIGN_OR_RETURN(IpAllowList allow, IpAllowList::Parse(SplitAllowList(t.allowed_ips)));
  if (!allow.Allows(address)) {
    return refuse(Status::PermissionDenied("该 API 令牌不允许从地址 " + std::string(address) + " 使用"));
  }
  admission.retry_after_seconds = token_limit_.Take(t.id, options_.clock());
  if (admission.retry_after_seconds > 0) return admission;

  std::lock_guard write(write_mu_);
  XJ_RETURN_IF_ERROR(store_->Transact([&]() -> Status {
    XJ_RETURN_IF_ERROR(store_->TouchApiToken(t.id, now));
    return AppendAudit(admission.actor, "token.use", "api_token", std::to_string(t.id), t.region_code, "", use);
  }));
  return admission;
}

}  // namespace xj
