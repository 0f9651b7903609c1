#pragma once
/// Village supervisors (村级监督员, issue #18 point 4, the registry) and the monthly phone spot
/// checks of them (电话抽查, point 5; docs/definitions.md §9 "Phone spot checks"). The use cases
/// are App methods (spot_checks.cpp).

#include <cstdint>
#include <string>
#include <vector>

#include "domain/region.hpp"
#include "domain/spot_check.hpp"

namespace xj {

/// A village supervisor as the API shows it: the phone masked (MaskNumber) unless asked unmasked
/// by a role that may see it.
struct VillageSupervisorView {
  std::int64_t id = 0;
  std::string region_code;  ///< the village
  std::string region_name;
  std::string name;
  std::string phone;
  bool masked = true;
  std::string status;  ///< "active" | "inactive"
  std::string created_by, created_at, updated_at;
};

/// What a new supervisor records. `status` empty means active.
struct NewVillageSupervisor {
  std::string region_code;
  std::string name;
  std::string phone;
  std::string status;
};

/// Filters of the registry: a region subtree (the actor's home when empty), a status (every when
/// empty), a page; `unmasked` asks for the phone numbers in clear (kReadPersonalData, audited).
struct VillageSupervisorQuery {
  std::string region_code;
  std::string status;
  int page = 1;
  int page_size = 50;
  bool unmasked = false;
};

struct VillageSupervisorPage {
  std::int64_t total = 0;  ///< matching supervisors, every page
  std::vector<VillageSupervisorView> items;
};

/// A draw's request: the drawing region (a province, prefecture or county), the month (YYYY-MM)
/// and, optionally, the seed (1–16 hex digits; generated when empty).
struct NewSpotCheck {
  std::string region_code;
  std::string month;
  std::string seed;
};

/// One sampled supervisor in draw order, with how the calls on it went so far.
struct SampledSupervisor {
  VillageSupervisorView supervisor;
  bool called = false;
  bool reached = false;
};

/// A draw as the API shows it: the draw, its level, its sample and its calls.
struct SpotCheckView {
  std::int64_t id = 0;
  std::string region_code;
  std::string region_name;
  RegionLevel level = RegionLevel::kCounty;
  std::string month;
  std::string seed;
  std::int64_t pool_size = 0;
  std::int64_t sample_size = 0;  ///< the level's target for the month
  std::vector<SampledSupervisor> sample;
  std::vector<SpotCheckCall> calls;
  std::string created_by, created_at;
};

/// A call's request. `called_at` is "YYYY-MM-DD", "YYYY-MM-DDTHH:MM:SSZ" or with milliseconds (UTC).
struct NewSpotCheckCall {
  std::int64_t supervisor_id = 0;
  std::string called_at;
  bool reached = false;
  bool knows_duties = false;
  bool log_matches = false;
  bool problem_reported = false;
  std::string note;
};

/// The month's coverage of a region's subtree, one row per level from the region's down to county.
struct SpotCheckCoverageView {
  std::string region_code;
  std::string month;
  std::vector<SpotCheckLevelCoverage> levels;
};

}  // namespace xj
