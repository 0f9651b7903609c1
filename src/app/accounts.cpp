// Accounts, sessions and authorization use cases (issue: accounts and region-scoped authorization).
#include <nlohmann/json.hpp>

#include "app/account_names.hpp"
#include "app/app.hpp"
#include "core/timestamp.hpp"

namespace xj {
namespace {

constexpr std::size_t kMaxUsernameBytes = kMaxAccountNameBytes;
constexpr std::size_t kSessionTokenBytes = 32;
constexpr std::size_t kCsrfTokenBytes = 32;

bool IsHexToken(std::string_view t) {
  if (t.size() != kSessionTokenBytes * 2) return false;
  for (char c : t) {
    if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) return false;
  }
  return true;
}

std::int64_t UnixSeconds(std::chrono::system_clock::time_point t) {
  return std::chrono::duration_cast<std::chrono::seconds>(t.time_since_epoch()).count();
}

std::string UserSnapshot(const UserRecord& u) {
  nlohmann::json j{
      {"username", u.username}, {"role", RoleName(u.role)}, {"region_code", u.region_code}, {"disabled", u.disabled}};
  if (!u.department.empty()) j["department"] = u.department;  // older snapshots have no department
  return j.dump();
}

Actor ActorOfUser(const UserRecord& u, std::string_view address) {
  Actor a;
  a.username = u.username;
  a.role = u.role;
  a.region_code = u.region_code;
  a.address = std::string(address);
  a.user_id = u.id;
  a.department = u.department;
  return a;
}

Status CheckDepartment(const std::string& department) {
  constexpr std::size_t kMaxDepartment = 64;
  const bool padded = !department.empty() && (department.front() == ' ' || department.back() == ' ');
  if (department.size() > kMaxDepartment || padded) {
    return Status::InvalidArgument("部门名称不超过 64 字节，且首尾不能有空格");
  }
  return Status::Ok();
}

Status OwnAccount(std::string message) {
  return Status::Conflict(std::move(message)).WithReason("own_account");
}

}  // namespace

// --- authorization ---

bool App::InScope(const Actor& actor, std::string_view region_code) const {
  auto tree = regions();
  if (region_code.empty()) {
    // The whole tree: only for an actor whose home is empty (system) or the single root.
    return actor.region_code.empty() ||
           (tree->roots().size() == 1 && tree->node(tree->roots()[0]).region.code == actor.region_code);
  }
  const RegionIndex i = tree->Find(region_code);
  if (i == kNoRegion) return false;
  if (actor.region_code.empty()) return true;
  const RegionIndex home = tree->Find(actor.region_code);
  return home != kNoRegion && tree->Contains(home, i);
}

Status App::AuthorizeRole(const Actor& actor, Action action) const {
  if (RoleMay(actor.role, action)) return Status::Ok();
  return Status::PermissionDenied("角色「" + std::string(RoleLabel(actor.role)) + "」无权执行此操作（" +
                                  std::string(ActionName(action)) + "）");
}

Status App::Authorize(const Actor& actor, Action action, std::string_view region_code) const {
  if (actor.role == Role::kSystem) return Status::Ok();
  XJ_RETURN_IF_ERROR(AuthorizeRole(actor, action));
  if (!region_code.empty() && regions()->Find(region_code) == kNoRegion) {
    return Status::NotFound("区划不存在：" + std::string(region_code));
  }
  if (!InScope(actor, region_code)) {
    return Status::PermissionDenied(
        "超出数据范围：" + (region_code.empty() ? std::string("全部区划") : "区划 " + std::string(region_code)));
  }
  return Status::Ok();
}

std::optional<std::vector<std::string>> App::ScopeCodes(const Actor& actor, std::string_view within) const {
  auto tree = regions();
  const std::string root(within.empty() ? std::string_view(actor.region_code) : within);
  if (root.empty()) return std::nullopt;
  if (tree->roots().size() == 1 && tree->node(tree->roots()[0]).region.code == root) return std::nullopt;
  std::vector<std::string> codes;
  const RegionIndex i = tree->Find(root);
  if (i == kNoRegion) return codes;
  for (RegionIndex k = i; k < tree->node(i).subtree_end; ++k) codes.push_back(tree->node(k).region.code);
  return codes;
}

// --- accounts ---

Status App::CheckHomeRegion(Role role, const std::string& region_code) const {
  auto tree = regions();
  const RegionIndex i = tree->Find(region_code);
  if (i == kNoRegion) return Status::NotFound("区划不存在：" + region_code);
  const auto level = RequiredHomeLevel(role);
  if (level && tree->node(i).region.level != *level) {
    return Status::InvalidArgument("角色「" + std::string(RoleLabel(role)) + "」的所属区划应为" +
                                   std::string(RegionLevelLabel(*level)) + "，而 " + region_code + " 是" +
                                   std::string(RegionLevelLabel(tree->node(i).region.level)));
  }
  return Status::Ok();
}

std::string App::Now() const {
  return FormatTimestamp(options_.clock());
}

UserView App::ViewOf(const UserRecord& u) const {
  auto tree = regions();
  const RegionIndex i = tree->Find(u.region_code);
  return UserView{
      u.id,       u.username,   u.role,      u.region_code, i == kNoRegion ? std::string() : tree->node(i).region.name,
      u.disabled, u.created_at, u.department};
}

Status App::CheckPasswordPolicy(std::string_view password) const {
  const auto& policy = options_.accounts;
  const auto length = Utf8Length(password);
  if (!length) return Status::InvalidArgument("密码不是合法的 UTF-8 文本").WithReason("weak_password");
  if (*length < policy.min_password_length) {
    return Status::InvalidArgument("密码至少 " + std::to_string(policy.min_password_length) + " 个字符")
        .WithReason("weak_password");
  }
  if (password.size() > policy.max_password_length) {
    return Status::InvalidArgument("密码过长（最多 " + std::to_string(policy.max_password_length) + " 字节）")
        .WithReason("weak_password");
  }
  return Status::Ok();
}

Result<UserRecord> App::ManagedUser(const Actor& actor, std::int64_t id) const {
  XJ_RETURN_IF_ERROR(AuthorizeRole(actor, Action::kManageUsers));
  XJ_ASSIGN_OR_RETURN(std::optional<UserRecord> user, store_->FindUserById(id));
  if (!user) return Status::NotFound("账户不存在：" + std::to_string(id));
  XJ_RETURN_IF_ERROR(Authorize(actor, Action::kManageUsers, user->region_code));
  return std::move(*user);
}

Result<UserView> App::CreateUser(const Actor& actor, const NewUser& nu) {
  XJ_RETURN_IF_ERROR(ValidateAccountName(nu.username));
  if (nu.role == Role::kSystem) return Status::InvalidArgument("不能创建 system 角色的用户");
  if (nu.region_code.empty()) return Status::InvalidArgument("缺少所属区划");
  XJ_RETURN_IF_ERROR(CheckDepartment(nu.department));
  XJ_RETURN_IF_ERROR(Authorize(actor, Action::kManageUsers, nu.region_code));
  XJ_RETURN_IF_ERROR(CheckHomeRegion(nu.role, nu.region_code));
  XJ_RETURN_IF_ERROR(CheckPasswordPolicy(nu.password));
  XJ_ASSIGN_OR_RETURN(std::string hash, crypto::HashPassword(nu.password, options_.accounts.password_hash_cost));

  UserRecord rec;
  rec.username = nu.username;
  rec.role = nu.role;
  rec.region_code = nu.region_code;
  rec.department = nu.department;
  rec.password_hash = std::move(hash);
  rec.created_at = Now();
  std::lock_guard write(write_mu_);
  Status s = store_->Transact([&]() -> Status {
    XJ_ASSIGN_OR_RETURN(auto existing, store_->FindUserByName(rec.username));
    if (existing) return Status::AlreadyExists("用户名已存在：" + rec.username);
    // Service accounts share the namespace: the audit trail names both the same way.
    XJ_ASSIGN_OR_RETURN(std::vector<ApiTokenRecord> tokens, store_->ListApiTokens());
    for (const ApiTokenRecord& t : tokens) {
      if (t.account == rec.username) return Status::AlreadyExists("已有同名的服务账户：" + rec.username);
    }
    auto id = store_->InsertUser(rec);
    // A concurrent insert of the same name surfaces as the driver's unique violation.
    if (!id.ok() && id.status().code() == ErrorCode::kAlreadyExists) {
      return Status::AlreadyExists("用户名已存在：" + rec.username);
    }
    if (!id.ok()) return id.status();
    rec.id = *id;
    return AppendAudit(actor, "user.create", "user", rec.username, rec.region_code, "", UserSnapshot(rec));
  });
  if (!s.ok()) return s;
  return ViewOf(rec);
}

Result<std::vector<UserView>> App::ListUsers(const Actor& actor, std::string_view region_code) const {
  XJ_RETURN_IF_ERROR(AuthorizeRole(actor, Action::kManageUsers));
  if (!region_code.empty()) XJ_RETURN_IF_ERROR(Authorize(actor, Action::kManageUsers, region_code));
  XJ_ASSIGN_OR_RETURN(std::vector<UserRecord> all, store_->ListUsers());
  Actor within = actor;
  if (!region_code.empty()) within.region_code = std::string(region_code);
  std::vector<UserView> out;
  for (const UserRecord& u : all) {
    if (InScope(actor, u.region_code) && InScope(within, u.region_code)) out.push_back(ViewOf(u));
  }
  return out;
}

Result<UserView> App::UpdateUser(const Actor& actor, std::int64_t id, const UserChange& change) {
  XJ_ASSIGN_OR_RETURN(UserRecord before, ManagedUser(actor, id));
  UserRecord after = before;
  if (change.role) after.role = *change.role;
  if (change.region_code) after.region_code = *change.region_code;
  if (change.department) after.department = *change.department;
  if (change.disabled) after.disabled = *change.disabled;
  if (after.role == Role::kSystem) return Status::InvalidArgument("不能设为 system 角色");
  XJ_RETURN_IF_ERROR(CheckDepartment(after.department));
  if (after.region_code != before.region_code) {
    if (after.region_code.empty()) return Status::InvalidArgument("缺少所属区划");
    XJ_RETURN_IF_ERROR(Authorize(actor, Action::kManageUsers, after.region_code));
  }
  XJ_RETURN_IF_ERROR(CheckHomeRegion(after.role, after.region_code));
  if (actor.user_id == id && actor.token_id == 0) {
    if (after.disabled) return OwnAccount("不能停用自己的账户");
    if (after.role != before.role || after.region_code != before.region_code)
      return OwnAccount("不能更改自己的角色或所属区划");
  }
  if (after.role == before.role && after.region_code == before.region_code && after.department == before.department &&
      after.disabled == before.disabled) {
    return ViewOf(before);  // nothing to change, nothing to audit
  }
  const char* action = "user.update";
  const bool only_flag =
      after.role == before.role && after.region_code == before.region_code && after.department == before.department;
  if (only_flag) action = after.disabled ? "user.disable" : "user.enable";
  std::lock_guard write(write_mu_);
  XJ_RETURN_IF_ERROR(store_->Transact([&]() -> Status {
    XJ_RETURN_IF_ERROR(store_->UpdateUser(after));
    nlohmann::json snapshot = nlohmann::json::parse(UserSnapshot(after));
    if (after.disabled && !before.disabled) {
      XJ_ASSIGN_OR_RETURN(std::int64_t revoked, store_->RevokeUserSessions(id, ""));
      snapshot["sessions_revoked"] = revoked;
    }
    // The audit row's region is the new home, so administrators of both regions see the move.
    return AppendAudit(actor, action, "user", after.username, after.region_code, UserSnapshot(before), snapshot.dump());
  }));
  session_cache_.Clear();  // role, region or disabled changed: other servers follow auth_log
  return ViewOf(after);
}

Result<UserView> App::ResetPassword(const Actor& actor, std::int64_t id, std::string_view new_password) {
  XJ_ASSIGN_OR_RETURN(UserRecord user, ManagedUser(actor, id));
  if (actor.user_id == id && actor.token_id == 0) return OwnAccount("不能重置自己的密码，请使用「修改密码」");
  XJ_RETURN_IF_ERROR(CheckPasswordPolicy(new_password));
  XJ_ASSIGN_OR_RETURN(user.password_hash, crypto::HashPassword(new_password, options_.accounts.password_hash_cost));
  std::lock_guard write(write_mu_);
  XJ_RETURN_IF_ERROR(store_->Transact([&]() -> Status {
    XJ_RETURN_IF_ERROR(store_->UpdateUser(user));
    XJ_ASSIGN_OR_RETURN(std::int64_t revoked, store_->RevokeUserSessions(id, ""));
    return AppendAudit(actor, "user.password_reset", "user", user.username, user.region_code, "",
                       nlohmann::json{{"sessions_revoked", revoked}}.dump());
  }));
  session_cache_.Clear();
  return ViewOf(user);
}

Status App::ChangeOwnPassword(const Actor& actor, std::string_view old_password, std::string_view new_password) {
  if (actor.token_id != 0) return Status::PermissionDenied("API 令牌没有可修改的密码");
  if (actor.session_id.empty()) return Status::Unauthenticated("未登录");
  const auto now = options_.clock();
  XJ_ASSIGN_OR_RETURN(const std::int64_t wait, throttle_.RetryAfterSeconds(actor.username, actor.address, now));
  if (wait > 0) {
    return Status::TooManyRequests("密码错误次数过多，请 " + std::to_string(wait) + " 秒后再试");
  }
  XJ_ASSIGN_OR_RETURN(std::optional<UserRecord> user, store_->FindUserById(actor.user_id));
  if (!user || user->disabled) return Status::Unauthenticated("账户不存在或已停用");
  const bool right = !old_password.empty() && old_password.size() <= options_.accounts.max_password_length &&
                     crypto::VerifyPassword(user->password_hash, old_password);
  if (!right) {
    XJ_RETURN_IF_ERROR(throttle_.RecordFailure(actor.username, actor.address, now));
    std::lock_guard write(write_mu_);
    XJ_RETURN_IF_ERROR(store_->Transact([&] {
      return AppendAudit(actor, "user.password_change_failed", "user", user->username, user->region_code, "", "");
    }));
    return Status::InvalidArgument("原密码不正确").WithReason("wrong_password");
  }
  XJ_RETURN_IF_ERROR(CheckPasswordPolicy(new_password));
  if (new_password == old_password) {
    return Status::InvalidArgument("新密码不能与原密码相同").WithReason("weak_password");
  }
  XJ_ASSIGN_OR_RETURN(user->password_hash, crypto::HashPassword(new_password, options_.accounts.password_hash_cost));
  std::lock_guard write(write_mu_);
  XJ_RETURN_IF_ERROR(store_->Transact([&]() -> Status {
    XJ_RETURN_IF_ERROR(store_->UpdateUser(*user));
    XJ_ASSIGN_OR_RETURN(std::int64_t revoked, store_->RevokeUserSessions(user->id, actor.session_id));
    return AppendAudit(actor, "user.password_change", "user", user->username, user->region_code, "",
                       nlohmann::json{{"sessions_revoked", revoked}}.dump());
  }));
  session_cache_.Clear();
  return Status::Ok();
}

// --- sessions ---

Result<SessionGrant> App::Login(std::string_view username, std::string_view password, std::string_view address) {
  const auto& policy = options_.accounts;
  const auto now = options_.clock();
  XJ_ASSIGN_OR_RETURN(const std::int64_t wait, throttle_.RetryAfterSeconds(username, address, now));
  if (wait > 0) {
    ++login_failures_;
    Actor anonymous;
    anonymous.username = "anonymous";
    anonymous.address = std::string(address);
    const std::string entity(username.substr(0, kMaxUsernameBytes));
    std::optional<std::int64_t> coalesced;  // set when this refusal gets an audit row
    {
      std::lock_guard lock(throttle_audit_mu_);
      if (throttle_audit_.size() >= policy.throttle.max_tracked_keys) throttle_audit_.clear();
      ThrottleAudit& seen = throttle_audit_[entity + '\n' + std::string(address)];
      if (now < seen.quiet_until) {
        ++seen.coalesced;
      } else {
        coalesced = seen.coalesced;
        seen = ThrottleAudit{now + std::chrono::seconds(wait), 0};
      }
    }
    if (coalesced) {
      std::lock_guard write(write_mu_);
      XJ_RETURN_IF_ERROR(store_->Transact([&] {
        return AppendAudit(anonymous, "session.login_throttled", "user", entity, "", "",
                           nlohmann::json{{"retry_after_seconds", wait}, {"coalesced", *coalesced}}.dump());
      }));
    }
    return Status::TooManyRequests("登录失败次数过多，请 " + std::to_string(wait) + " 秒后再试");
  }
  std::optional<UserRecord> user;
  if (!username.empty() && username.size() <= kMaxUsernameBytes) {
    XJ_ASSIGN_OR_RETURN(user, store_->FindUserByName(username));
  }
  bool ok = false;
  if (password.empty() || password.size() > policy.max_password_length) {
    ok = false;
  } else if (user && !user->disabled) {
    ok = crypto::VerifyPassword(user->password_hash, password);
  } else {
    // Spend the same time as a real check, so response time does not reveal which usernames exist.
    std::call_once(dummy_hash_once_, [&] {
      auto h = crypto::HashPassword("xianjie-dummy-password", policy.password_hash_cost);
      if (h.ok()) dummy_hash_ = std::move(*h);
    });
    (void)crypto::VerifyPassword(dummy_hash_, password);
  }

  std::lock_guard write(write_mu_);
  if (!ok) {
    XJ_RETURN_IF_ERROR(throttle_.RecordFailure(username, address, now));
    ++login_failures_;
    Actor anonymous;
    anonymous.username = "anonymous";
    anonymous.address = std::string(address);
    const std::string entity(username.substr(0, kMaxUsernameBytes));
    XJ_RETURN_IF_ERROR(store_->Transact([&] {
      return AppendAudit(anonymous, "session.login_failed", "user", entity, user ? user->region_code : "", "", "");
    }));
    return Status::Unauthenticated("用户名或密码错误");
  }
  XJ_RETURN_IF_ERROR(throttle_.RecordSuccess(username, address));

  SessionGrant grant;
  grant.token = crypto::RandomHex(kSessionTokenBytes);
  grant.csrf_token = crypto::RandomHex(kCsrfTokenBytes);
  grant.max_age = policy.session_absolute;
  // The session starts now, after the password check: under load that check takes seconds, and a
  // session stamped with the request's arrival would be born part-way to its idle expiry.
  const std::int64_t now_s = UnixSeconds(options_.clock());
  SessionRecord rec{
      crypto::Sha256Hex(grant.token), user->id, grant.csrf_token, std::string(address), now_s, now_s, false};
  const Actor actor = ActorOfUser(*user, address);
  XJ_RETURN_IF_ERROR(store_->Transact([&]() -> Status {
    XJ_RETURN_IF_ERROR(
        store_->DeleteStaleSessions(now_s - policy.session_absolute.count(), now_s - policy.session_idle.count()));
    XJ_RETURN_IF_ERROR(store_->InsertSession(rec));
    return AppendAudit(actor, "session.login", "session", rec.token_hash.substr(0, 16), user->region_code, "",
                       nlohmann::json{{"username", user->username}, {"address", std::string(address)}}.dump());
  }));
  grant.user = ViewOf(*user);
  return grant;
}

Result<AuthenticatedSession> App::Authenticate(std::string_view token, std::string_view address) {
  const auto& policy = options_.accounts;
  if (!IsHexToken(token)) return Status::Unauthenticated("未登录或会话无效，请登录");
  const std::string token_hash = crypto::Sha256Hex(token);
  const std::int64_t now_s = UnixSeconds(options_.clock());
  const std::int64_t touch = std::min(policy.session_touch_interval.count(), policy.session_idle.count() / 4);
  auto grant = [&](const SessionRecord& session, const UserRecord& user) {
    AuthenticatedSession out;
    out.actor = ActorOfUser(user, address);
    out.actor.session_id = token_hash;
    out.csrf_token = session.csrf_token;
    out.user = ViewOf(user);
    return out;
  };
  // From the cache while nothing can have ended the session: not revoked or changed (the cache
  // is emptied then), not expired, and no touch of last_seen_at due.
  if (auto hit = session_cache_.Find(token_hash, now_s, policy.session_cache_ttl.count())) {
    const SessionRecord& s = hit->session;
    if (now_s - s.created_at < policy.session_absolute.count() && now_s - s.last_seen_at < touch) {
      return grant(s, hit->user);
    }
  }
  const std::uint64_t generation = session_cache_.generation();
  XJ_ASSIGN_OR_RETURN(auto session, store_->FindSession(token_hash));
  if (!session || session->revoked) return Status::Unauthenticated("会话无效或已注销，请重新登录");
  if (now_s - session->created_at >= policy.session_absolute.count()) {
    return Status::Unauthenticated("会话已超过最长时限，请重新登录");
  }
  if (now_s - session->last_seen_at >= policy.session_idle.count()) {
    return Status::Unauthenticated("会话因长时间未操作已过期，请重新登录");
  }
  XJ_ASSIGN_OR_RETURN(auto user, store_->FindUserById(session->user_id));
  if (!user || user->disabled) return Status::Unauthenticated("账户不存在或已停用");
  if (now_s - session->last_seen_at >= touch) {
    // On a full disk the touch cannot be written; reads must go on (the session then looks
    // idle since its last recorded use, so it may expire a little early).
    Status touched = store_->TouchSession(token_hash, now_s);
    if (!touched.ok() && touched.code() != ErrorCode::kStorageFull) return touched;
    if (touched.ok()) session->last_seen_at = now_s;
  }
  session_cache_.Put(generation, {*session, *user, now_s});
  return grant(*session, *user);
}

Result<UserView> App::CurrentUser(const Actor& actor) const {
  if (actor.token_id != 0) return Status::PermissionDenied("API 令牌没有登录会话");
  XJ_ASSIGN_OR_RETURN(auto user, store_->FindUserById(actor.user_id));
  if (!user) return Status::NotFound("账户不存在");
  return ViewOf(*user);
}

Status App::Logout(const Actor& actor) {
  if (actor.session_id.empty()) return Status::Unauthenticated("未登录");
  std::lock_guard write(write_mu_);
  XJ_RETURN_IF_ERROR(store_->Transact([&]() -> Status {
    XJ_RETURN_IF_ERROR(store_->RevokeSession(actor.session_id));
    return AppendAudit(actor, "session.logout", "session", actor.session_id.substr(0, 16), actor.region_code, "", "");
  }));
  session_cache_.Erase(actor.session_id);  // other servers: at their follower's next tick (auth_log)
  return Status::Ok();
}

}  // namespace xj
