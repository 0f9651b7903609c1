#pragma once
/// Rows of the accounts tables (users, sessions) and the hash-chained audit log, as stored.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "domain/role.hpp"

namespace xj {

/// A user account (账户). The password is kept only as an argon2id hash string.
struct UserRecord {
  std::int64_t id = 0;  ///< assigned by the store
  std::string username;
  Role role = Role::kLeader;
  std::string region_code;    ///< home region: the data scope is its subtree
  std::string password_hash;  ///< crypto_pwhash_str output ("$argon2id$…")
  bool disabled = false;
  std::string created_at;       ///< UTC, ISO 8601
  std::string department = {};  ///< the department (部门) it signs off for in the joint review; '' = none
};

/// A login session. The token itself is never stored, only its SHA-256.
struct SessionRecord {
  std::string token_hash;  ///< hex SHA-256 of the 32-byte token; the key
  std::int64_t user_id = 0;
  std::string csrf_token;         ///< hex, sent back in X-CSRF-Token on state-changing requests
  std::string address;            ///< client address at login
  std::int64_t created_at = 0;    ///< unix seconds
  std::int64_t last_seen_at = 0;  ///< unix seconds, refreshed at most once per touch interval
  bool revoked = false;
};

/// An API token of a service account (API 令牌, migration 0010). Only its SHA-256 is stored.
struct ApiTokenRecord {
  std::int64_t id = 0;     ///< assigned by the store
  std::string token_hash;  ///< hex SHA-256 of the whole token; unique
  std::string prefix;      ///< the token's first characters, shown in lists to recognise it
  std::string account;     ///< the service account's name: the actor of everything done with the token
  Role role = Role::kLeader;
  std::string region_code;   ///< home region: the data scope is its subtree
  std::string allowed_ips;   ///< canonical allow-list entries joined by commas; empty = any address
  std::string created_by;    ///< the administrator's username
  std::string created_at;    ///< UTC, ISO 8601 (as AuditRecord::at)
  std::string expires_at;    ///< UTC, ISO 8601; refused from then on
  std::string revoked_at;    ///< empty while not revoked
  std::string last_used_at;  ///< empty until first used
};

/// One row of the audit log (审计日志). Append-only; `hash` = SHA-256(prev_hash ‖ canonical content).
struct AuditRecord {
  std::int64_t seq = 0;  ///< 1, 2, 3 … without gaps
  std::string at;        ///< UTC, ISO 8601 with milliseconds: "2024-03-01T08:00:00.000Z"
  std::string actor;     ///< username, or "system"
  std::string actor_role;
  std::string address;  ///< client address, empty for the CLI
  std::string action;   ///< "user.create", "region.upsert", "session.login", …
  std::string entity_type;
  std::string entity_id;
  std::string region_code;  ///< region the change belongs to (for scoped reading); empty = whole tree
  std::string before;       ///< JSON object text of the entity before, empty when created
  std::string after;        ///< JSON object text after, empty when deleted
  std::string prev_hash;    ///< hex; 64 zeros for the first row
  std::string hash;         ///< hex
};

/// Filters of an audit query; empty strings and nullopt mean "any".
/// What throttles a login (login_failures, migration 0018): within the window, the failures of the
/// username from the address, of the address, and the distinct addresses that failed for the
/// username — each with its newest failure (unix milliseconds, 0 for none).
struct LoginFailureCounts {
  std::int64_t pair = 0, pair_last_ms = 0;
  std::int64_t address = 0, address_last_ms = 0;
  std::int64_t user_addresses = 0, user_last_ms = 0;
};

struct AuditQuery {
  std::string entity_type;  ///< with `entity_id`: one object as type:id (either may be empty = any)
  std::string entity_id;
  /// An object's own key, without a type (a project code, a voucher number, a username): rows whose
  /// entity_type or entity_id is it, whose composite id ends in ":key" (flag:subject), or — for a
  /// batch row (entity_type ending in _batch) — whose `after` names it as a JSON string (its keys,
  /// a reversal's vouchers). Empty = any. ORed with the type:id pair when both are set.
  std::string key;
  /// `key` spelled as a JSON string, as the snapshots hold it ("key", escaped); set with `key`.
  std::string key_json;
  std::string actor;
  std::string from;  ///< inclusive lower bound on `at` (ISO text)
  std::string to;    ///< exclusive upper bound on `at` (ISO text)
  /// Only rows whose region_code is one of these; nullopt = no region filter.
  std::optional<std::vector<std::string>> region_codes;
  int offset = 0;
  int limit = 50;
  /// Only rows with seq below this (keyset paging of an export); 0 = no bound.
  std::int64_t below_seq = 0;
  /// Whether AuditPage::total is counted (an export reading batch after batch needs it not).
  bool with_total = true;
};

/// One page of audit rows, newest first, with the count of all matching rows.
struct AuditPage {
  std::vector<AuditRecord> items;
  std::int64_t total = 0;
};

}  // namespace xj
