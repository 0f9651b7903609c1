#pragma once
/// Stored forms of relocation support (issue #20 point 5, migrations 0027 and 0028): a household
/// carries its head's ID number encrypted and the blind index, never in clear.

#include <cstdint>
#include <optional>
#include <string>

#include "domain/relocation.hpp"

namespace xj {

/// A relocated household (relocation_households) as stored.
struct StoredRelocationHousehold {
  std::int64_t id = 0;  ///< assigned on insert
  std::string site_code;
  std::string region_code;  ///< the site's
  std::string origin_village;
  std::string head_name;
  std::string person_index;  ///< blind index of the head's ID number
  std::string id_cipher;     ///< the head's ID number, encrypted (crypto::EncryptField)
  std::int64_t members = 1;
  HouseholdStatus household_status = HouseholdStatus::kLifted;
  Date moved_in_on;
  std::string created_by, created_at, updated_at;
};

/// A subsidy claim (relocation_subsidies) with the standard it was computed from and its payment.
struct RelocationSubsidy {
  std::int64_t id = 0;  ///< assigned on insert
  std::int64_t household_id = 0;
  std::string region_code;  ///< the household's
  SubsidyKind kind = SubsidyKind::kCrossRegionTravel;
  Date basis_on;
  std::int64_t persons = 1;
  std::int64_t standard_fen = 0;
  std::int64_t raise_bp = 0;
  std::int64_t unit_fen = 0;
  std::int64_t amount_fen = 0;
  SubsidyState state = SubsidyState::kComputed;
  std::optional<Date> paid_on;
  std::int64_t paid_fen = 0;
  std::string method;  ///< '' until paid; bank | cash | other
  std::string created_by, created_at, paid_by, updated_at;
};

}  // namespace xj
