#pragma once
/// Roles of users (角色) and what each role may do, as data (docs/style.md rule 9).

#include <optional>
#include <string_view>

#include "domain/region.hpp"

namespace xj {

/// A user's role. Values are persisted: never renumber.
enum class Role : int {
  kSystem = 0,  ///< the CLI and start-up tasks: everything, audited as "system"; never a stored user
  kAdmin = 1,
  kRegionOfficer = 2,      ///< 自治区（省）级乡村振兴局
  kPrefectureOfficer = 3,  ///< 地市级
  kCountyOfficer = 4,      ///< 县级
  kTownshipOfficer = 5,    ///< 乡镇
  kFinanceOfficer = 6,     ///< 财政局：资金台账
  kSupervisor = 7,         ///< 督导：监督记录
  kLeader = 8,             ///< 领导：挂图作战
  kAuditor = 9,            ///< 审计：只读全部，不改任何数据
};

/// What a use case does, checked against the role's grants before any region scope check.
/// Values are not persisted; add new actions at the end.
enum class Action : int {
  kRead = 0,                 ///< read data of the scope (regions, figures, wall chart)
  kImportRegions = 1,        ///< change the region tree
  kManageUsers = 2,          ///< create and list user accounts
  kReadAudit = 3,            ///< read the audit trail
  kWriteProjects = 4,        ///< project library entries and state transitions
  kWriteLedger = 5,          ///< fund ledger entries
  kWriteSupervision = 6,     ///< supervision visits, findings, rectification
  kReadMetrics = 7,          ///< /metrics from a non-loopback address
  kManageReferenceData = 8,  ///< guideline catalogue, negative list, policy thresholds (参考数据)
  kHandleFlags = 9,          ///< work on flags (问题预警): assign, explain, close, reopen
  kReviewProjects = 10,  ///< the county's steps of the library: county review (县级论证) and admission (审定入库)
  kSettleIncentives = 11,      ///< run and approve incentive settlements (奖惩结算) of the scope
  kReadPersonalData = 12,      ///< see ID and phone numbers unmasked (个人信息明文), each view audited
  kManageDispatch = 13,        ///< 包保 assignments, opening, reviewing and closing monthly dispatches (月调度)
  kFileDispatch = 14,          ///< a unit's 填报 in a monthly dispatch: explanation of lag, next month's plan
  kAnswerSupervision = 15,     ///< the unit's side of supervision: rectify findings (整改), answer inquiries (问询)
  kSendInquiry = 16,           ///< send an inquiry (问询单) on a flag of the scope
  kDetermineInquiry = 17,      ///< record the determination (认定处理单) of an answered inquiry of the scope
  kWriteInventory = 18,        ///< 清产核资: open and close campaigns, record the check of each asset
  kApproveInventory = 19,      ///< 清产核资: approve or return a difference (by another user than the checker)
  kWriteRelocation = 20,       ///< 易地搬迁: relocation sites, households, computing their subsidies
  kPayRelocationSubsidy = 21,  ///< 易地搬迁: record the payment of a computed subsidy (发放)
  kManageVillageSupervisors = 22,  ///< the registry of village supervisors (村级监督员): add, change status
  kSpotCheck = 23,                 ///< phone spot checks (电话抽查): draw the month's sample, record calls
  kSelfEvaluate = 24,              ///< 绩效评价 自评: create the county's evaluation, score its items, submit it
  kReviewEvaluation = 25,  ///< 绩效评价 复核/审定: the prefecture's review and the region's final, or a return
};

/// Every action, for tests and listings.
inline constexpr Action kAllActions[] = {Action::kRead,
                                         Action::kImportRegions,
                                         Action::kManageUsers,
                                         Action::kReadAudit,
                                         Action::kWriteProjects,
                                         Action::kWriteLedger,
                                         Action::kWriteSupervision,
                                         Action::kReadMetrics,
                                         Action::kManageReferenceData,
                                         Action::kHandleFlags,
                                         Action::kReviewProjects,
                                         Action::kSettleIncentives,
                                         Action::kReadPersonalData,
                                         Action::kManageDispatch,
                                         Action::kFileDispatch,
                                         Action::kAnswerSupervision,
                                         Action::kSendInquiry,
                                         Action::kDetermineInquiry,
                                         Action::kWriteInventory,
                                         Action::kApproveInventory,
                                         Action::kWriteRelocation,
                                         Action::kPayRelocationSubsidy,
                                         Action::kManageVillageSupervisors,
                                         Action::kSpotCheck,
                                         Action::kSelfEvaluate,
                                         Action::kReviewEvaluation};
/// Every role a stored user may have (not kSystem).
inline constexpr Role kUserRoles[] = {Role::kAdmin,         Role::kRegionOfficer,   Role::kPrefectureOfficer,
                                      Role::kCountyOfficer, Role::kTownshipOfficer, Role::kFinanceOfficer,
                                      Role::kSupervisor,    Role::kLeader,          Role::kAuditor};

/// "admin", "county_officer", … as the CLI and the API spell them.
std::string_view RoleName(Role role);
/// Chinese label: 系统管理员, 县级业务人员, …
std::string_view RoleLabel(Role role);
/// The role named `name` (RoleName spelling); nullopt for unknown names and "system".
std::optional<Role> ParseRole(std::string_view name);
/// Whether `role` is granted `action` by the grant table (access_policy.cpp). kSystem may do everything.
bool RoleMay(Role role, Action action);
/// The level a user's home region must have for `role` (a county officer works for a
/// county …), or nullopt when any level will do.
std::optional<RegionLevel> RequiredHomeLevel(Role role);
/// Stable name of an action, for error messages and the audit trail.
std::string_view ActionName(Action action);

}  // namespace xj
