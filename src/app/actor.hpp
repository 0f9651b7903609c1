#pragma once
/// Who is acting: every app use case takes one, so scope is enforced below the HTTP layer.

#include <string>

namespace xj {

/// Roles of issue #5. Values are persisted: never renumber.
enum class Role : int {
  kSystem = 0,  ///< the CLI and start-up tasks: everything, audited as "system"
  kAdmin = 1,
  kRegionOfficer = 2,
  kPrefectureOfficer = 3,
  kCountyOfficer = 4,
  kTownshipOfficer = 5,
  kFinanceOfficer = 6,
  kSupervisor = 7,
  kLeader = 8,
  kAuditor = 9,
};

struct Actor {
  std::string username = "system";
  Role role = Role::kSystem;
  std::string region_code;  ///< home region; empty = whole tree
  std::string address;      ///< client address, for the audit trail

  static Actor System() { return Actor{}; }
};

}  // namespace xj
