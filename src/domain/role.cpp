#include "domain/role.hpp"

#include <algorithm>
#include <array>
#include <initializer_list>

namespace xj {
namespace {

struct RoleInfo {
  Role role;
  std::string_view name;
  std::string_view label;
};

constexpr std::array<RoleInfo, 10> kRoles = {{
    {Role::kSystem, "system", "系统"},
    {Role::kAdmin, "admin", "系统管理员"},
    {Role::kRegionOfficer, "region_officer", "自治区级业务人员"},
    {Role::kPrefectureOfficer, "prefecture_officer", "地市级业务人员"},
    {Role::kCountyOfficer, "county_officer", "县级业务人员"},
    {Role::kTownshipOfficer, "township_officer", "乡镇业务人员"},
    {Role::kFinanceOfficer, "finance_officer", "财政人员"},
    {Role::kSupervisor, "supervisor", "督导人员"},
    {Role::kLeader, "leader", "领导"},
    {Role::kAuditor, "auditor", "审计人员"},
}};

/// The grant table: which role may do which action (within its home region's subtree).
/// Reading is open to every role; each write belongs to the roles whose job it is, and the
/// auditor changes nothing.
struct Grant {
  Role role;
  std::initializer_list<Action> actions;
};
const Grant kGrants[] = {
    {Role::kAdmin,
     {Action::kRead, Action::kImportRegions, Action::kManageUsers, Action::kReadAudit, Action::kReadMetrics,
      Action::kManageReferenceData, Action::kSettleIncentives, Action::kSendInquiry, Action::kDetermineInquiry,
      Action::kApproveInventory}},
    {Role::kRegionOfficer,
     {Action::kRead, Action::kWriteProjects, Action::kReviewProjects, Action::kHandleFlags, Action::kSettleIncentives,
      Action::kManageDispatch, Action::kFileDispatch, Action::kAnswerSupervision, Action::kWriteInventory,
      Action::kWriteRelocation, Action::kReviewEvaluation}},
    // 绩效评价: the county evaluates itself, the prefecture reviews, the region decides (the step
    // an officer may take follows the level of their home region, app/evaluations.cpp).
    {Role::kPrefectureOfficer,
     {Action::kRead, Action::kWriteProjects, Action::kReviewProjects, Action::kHandleFlags, Action::kSettleIncentives,
      Action::kManageDispatch, Action::kFileDispatch, Action::kAnswerSupervision, Action::kWriteInventory,
      Action::kWriteRelocation, Action::kReviewEvaluation}},
    // County and township officers keep the work-relief rosters and the finance bureau pays the
    // wages: they see ID and phone numbers (each view audited); every other role sees them masked.
    {Role::kCountyOfficer,
     {Action::kRead, Action::kWriteProjects, Action::kReviewProjects, Action::kHandleFlags, Action::kFileDispatch,
      Action::kReadPersonalData, Action::kAnswerSupervision, Action::kWriteInventory, Action::kWriteRelocation,
      Action::kSelfEvaluate}},
    {Role::kTownshipOfficer,
     {Action::kRead, Action::kWriteProjects, Action::kReadPersonalData, Action::kAnswerSupervision,
      Action::kWriteInventory, Action::kWriteRelocation}},
    // The finance bureau approves inventory differences (清产核资差异核准), as the admin may, and pays the
    // relocation subsidies the officers computed (搬迁后续扶持补贴发放).
    {Role::kFinanceOfficer,
     {Action::kRead, Action::kWriteLedger, Action::kHandleFlags, Action::kSettleIncentives, Action::kReadPersonalData,
      Action::kSendInquiry, Action::kDetermineInquiry, Action::kApproveInventory, Action::kPayRelocationSubsidy}},
    // The supervisor keeps the registry of village supervisors and phone-spot-checks them (电话抽查).
    {Role::kSupervisor,
     {Action::kRead, Action::kWriteSupervision, Action::kHandleFlags, Action::kSendInquiry,
      Action::kManageVillageSupervisors, Action::kSpotCheck}},
    {Role::kLeader, {Action::kRead}},
    {Role::kAuditor, {Action::kRead, Action::kReadAudit}},
};

}  // namespace

std::string_view RoleName(Role role) {
  for (const RoleInfo& r : kRoles) {
    if (r.role == role) return r.name;
  }
  return "unknown";
}

std::string_view RoleLabel(Role role) {
  for (const RoleInfo& r : kRoles) {
    if (r.role == role) return r.label;
  }
  return "未知";
}

std::optional<Role> ParseRole(std::string_view name) {
  for (const RoleInfo& r : kRoles) {
    if (r.name == name && r.role != Role::kSystem) return r.role;
  }
  return std::nullopt;
}

bool RoleMay(Role role, Action action) {
  if (role == Role::kSystem) return true;
  for (const Grant& g : kGrants) {
    if (g.role == role) return std::find(g.actions.begin(), g.actions.end(), action) != g.actions.end();
  }
  return false;
}

std::optional<RegionLevel> RequiredHomeLevel(Role role) {
  switch (role) {
    case Role::kRegionOfficer: return RegionLevel::kProvince;
    case Role::kPrefectureOfficer: return RegionLevel::kPrefecture;
    case Role::kCountyOfficer: return RegionLevel::kCounty;
    case Role::kTownshipOfficer: return RegionLevel::kTownship;
    default: return std::nullopt;
  }
}

std::string_view ActionName(Action action) {
  switch (action) {
    case Action::kRead: return "read";
    case Action::kImportRegions: return "import_regions";
    case Action::kManageUsers: return "manage_users";
    case Action::kReadAudit: return "read_audit";
    case Action::kWriteProjects: return "write_projects";
    case Action::kWriteLedger: return "write_ledger";
    case Action::kWriteSupervision: return "write_supervision";
    case Action::kReadMetrics: return "read_metrics";
    case Action::kManageReferenceData: return "manage_reference_data";
    case Action::kHandleFlags: return "handle_flags";
    case Action::kReviewProjects: return "review_projects";
    case Action::kSettleIncentives: return "settle_incentives";
    case Action::kReadPersonalData: return "read_personal_data";
    case Action::kManageDispatch: return "manage_dispatch";
    case Action::kFileDispatch: return "file_dispatch";
    case Action::kAnswerSupervision: return "answer_supervision";
    case Action::kSendInquiry: return "send_inquiry";
    case Action::kDetermineInquiry: return "determine_inquiry";
    case Action::kWriteInventory: return "write_inventory";
    case Action::kApproveInventory: return "approve_inventory";
    case Action::kWriteRelocation: return "write_relocation";
    case Action::kPayRelocationSubsidy: return "pay_relocation_subsidy";
    case Action::kManageVillageSupervisors: return "manage_village_supervisors";
    case Action::kSpotCheck: return "spot_check";
    case Action::kSelfEvaluate: return "self_evaluate";
    case Action::kReviewEvaluation: return "review_evaluation";
  }
  return "unknown";
}

}  // namespace xj
