#pragma once
/// Who is acting: every app use case takes one, so scope is enforced below the HTTP layer.

#include <cstdint>
#include <string>

#include "domain/role.hpp"

namespace xj {

/// The authenticated caller of a use case. Built by App::Authenticate from a session (or
/// Actor::System() for the CLI); never from request fields the client controls.
struct Actor {
  std::string username = "system";
  Role role = Role::kSystem;
  std::string region_code;      ///< home region: the data scope is its subtree; empty = whole tree
  std::string address;          ///< client address, for the audit trail and login throttling
  std::int64_t user_id = 0;     ///< 0 for the system actor
  std::string session_id;       ///< hex SHA-256 of the session token; empty outside a session
  std::int64_t token_id = 0;    ///< the API token of a service account (App::AuthenticateToken); 0 for people
  std::string department = {};  ///< the department (部门) the user signs off for in the joint review; '' = none

  static Actor System() { return Actor{}; }
};

}  // namespace xj
