#pragma once
/// What the relocation use cases (relocation.cpp, issue #20 point 5) take and answer.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "domain/relocation.hpp"
#include "store/relocation_records.hpp"

namespace xj {

/// A household as entered: the head's ID number in clear (encrypted before it is stored).
struct NewRelocationHousehold {
  std::string site_code;
  std::string origin_village;
  std::string head_name;
  std::string id_number;
  std::int64_t members = 0;
  HouseholdStatus household_status = HouseholdStatus::kLifted;
  std::optional<Date> moved_in_on;
};

/// A household as a caller sees it: the head's ID number masked (5401**********1234) unless asked
/// for in clear by a role granted kReadPersonalData (each such view audited).
struct RelocationHouseholdView {
  std::int64_t id = 0;
  std::string site_code;
  std::string region_code;
  std::string origin_village;
  std::string head_name;
  std::string id_number;
  bool masked = true;
  std::int64_t members = 0;
  HouseholdStatus household_status = HouseholdStatus::kLifted;
  Date moved_in_on;
};

/// Which households to list: those of `region_code`'s subtree ('' = the actor's), of one site when given.
struct RelocationHouseholdQuery {
  std::string region_code;
  std::string site_code;
};

/// Asks for the subsidy of `kind` for a household on `basis_on`; `persons` (per-person kinds only)
/// defaults to the household's members.
struct SubsidyRequest {
  std::int64_t household_id = 0;
  SubsidyKind kind = SubsidyKind::kCrossRegionTravel;
  std::optional<Date> basis_on;
  std::optional<std::int64_t> persons;
};

/// The payment (发放) of a computed claim: the whole computed amount, on a date, by a method.
struct SubsidyPayment {
  std::optional<Date> paid_on;
  std::int64_t paid_fen = 0;
  std::string method = "bank";
};

/// The figures of a region's subtree and period, with each child region's (one level).
struct RelocationSummary {
  std::string region_code;
  std::string region_name;
  std::optional<Date> from, to;
  RelocationFigures figures;
  std::vector<RelocationSummary> children;
};

}  // namespace xj
