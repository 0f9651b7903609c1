#include "domain/role.hpp"

#include <gtest/gtest.h>

namespace xj {
namespace domain_role_test {

TEST(Role, NamesRoundTripAndSystemIsNotAUserRole) {
  for (Role r : kUserRoles) EXPECT_EQ(ParseRole(RoleName(r)), r);
  EXPECT_EQ(ParseRole("system"), std::nullopt);
  EXPECT_EQ(ParseRole("Admin"), std::nullopt);
  EXPECT_EQ(ParseRole(""), std::nullopt);
}

TEST(Role, EveryRoleReadsAndTheAuditorChangesNothing) {
  for (Role r : kUserRoles) EXPECT_TRUE(RoleMay(r, Action::kRead)) << RoleName(r);
  for (Action a : kAllActions) {
    if (a == Action::kRead || a == Action::kReadAudit) continue;
    EXPECT_FALSE(RoleMay(Role::kAuditor, a)) << ActionName(a);
    EXPECT_FALSE(RoleMay(Role::kLeader, a)) << ActionName(a);
  }
  EXPECT_TRUE(RoleMay(Role::kAuditor, Action::kReadAudit));
}

TEST(Role, WritesBelongToTheirRoles) {
  EXPECT_TRUE(RoleMay(Role::kFinanceOfficer, Action::kWriteLedger));
  EXPECT_FALSE(RoleMay(Role::kCountyOfficer, Action::kWriteLedger));
  EXPECT_TRUE(RoleMay(Role::kSupervisor, Action::kWriteSupervision));
  EXPECT_FALSE(RoleMay(Role::kSupervisor, Action::kWriteProjects));
  EXPECT_TRUE(RoleMay(Role::kAdmin, Action::kManageUsers));
  EXPECT_FALSE(RoleMay(Role::kRegionOfficer, Action::kManageUsers));
  for (Action a : kAllActions) EXPECT_TRUE(RoleMay(Role::kSystem, a));
}

TEST(Role, InventoryChecksAndTheirApprovalBelongToDifferentRoles) {
  // 清产核资: the officers check, the finance bureau and the admin approve; no user role does both.
  for (Role r : {Role::kRegionOfficer, Role::kPrefectureOfficer, Role::kCountyOfficer, Role::kTownshipOfficer}) {
    EXPECT_TRUE(RoleMay(r, Action::kWriteInventory)) << RoleName(r);
  }
  EXPECT_TRUE(RoleMay(Role::kFinanceOfficer, Action::kApproveInventory));
  EXPECT_TRUE(RoleMay(Role::kAdmin, Action::kApproveInventory));
  for (Role r : kUserRoles) {
    EXPECT_FALSE(RoleMay(r, Action::kWriteInventory) && RoleMay(r, Action::kApproveInventory)) << RoleName(r);
  }
}

TEST(Role, RelocationSubsidiesAreComputedByOfficersAndPaidByFinance) {
  for (Role r : {Role::kRegionOfficer, Role::kPrefectureOfficer, Role::kCountyOfficer, Role::kTownshipOfficer}) {
    EXPECT_TRUE(RoleMay(r, Action::kWriteRelocation)) << RoleName(r);
  }
  EXPECT_TRUE(RoleMay(Role::kFinanceOfficer, Action::kPayRelocationSubsidy));
  for (Role r : kUserRoles) {
    EXPECT_FALSE(RoleMay(r, Action::kWriteRelocation) && RoleMay(r, Action::kPayRelocationSubsidy)) << RoleName(r);
  }
  EXPECT_EQ(ActionName(Action::kWriteRelocation), "write_relocation");
  EXPECT_EQ(ActionName(Action::kPayRelocationSubsidy), "pay_relocation_subsidy");
}

TEST(Role, OnlyTheSupervisorKeepsVillageSupervisorsAndSpotChecksThem) {
  for (Role r : kUserRoles) {
    EXPECT_EQ(RoleMay(r, Action::kManageVillageSupervisors), r == Role::kSupervisor) << RoleName(r);
    EXPECT_EQ(RoleMay(r, Action::kSpotCheck), r == Role::kSupervisor) << RoleName(r);
  }
  EXPECT_EQ(ActionName(Action::kManageVillageSupervisors), "manage_village_supervisors");
  EXPECT_EQ(ActionName(Action::kSpotCheck), "spot_check");
}

TEST(Role, OfficersWorkAtTheLevelTheirTitleSays) {
  EXPECT_EQ(RequiredHomeLevel(Role::kRegionOfficer), RegionLevel::kProvince);
  EXPECT_EQ(RequiredHomeLevel(Role::kPrefectureOfficer), RegionLevel::kPrefecture);
  EXPECT_EQ(RequiredHomeLevel(Role::kCountyOfficer), RegionLevel::kCounty);
  EXPECT_EQ(RequiredHomeLevel(Role::kTownshipOfficer), RegionLevel::kTownship);
  EXPECT_EQ(RequiredHomeLevel(Role::kAuditor), std::nullopt);
}

}  // namespace domain_role_test
}  // namespace xj
