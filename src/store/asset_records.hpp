#pragma once
/// Stored forms of the asset register and work relief (issue #20) the Store hands over:
/// roster rows carry the personal numbers encrypted and the blind index, never in clear.

#include <cstdint>
#include <string>

#include "domain/asset.hpp"
#include "domain/work_relief.hpp"

namespace xj {

/// A roster row (relief_workers) as stored.
struct StoredReliefWorker {
  std::int64_t id = 0;  ///< assigned on insert
  std::string project_code;
  std::string region_code;   ///< the project's region
  std::string person_index;  ///< blind index of the ID number
  std::string id_cipher;     ///< the ID number, encrypted (crypto::EncryptField)
  std::string phone_cipher;  ///< the phone number, encrypted; '' when none
  std::string name;
  HouseholdStatus household_status = HouseholdStatus::kOrdinary;
  bool relocated = false;
  std::string village;
  std::string team;
  std::string created_at, updated_at;
};

/// What a wage row holds beyond its WageFact.
struct StoredWageDetail {
  std::string method = "bank";
};

/// A wage row (relief_wages) as stored.
struct StoredWage {
  std::int64_t id = 0;
  WageFact fact;
  StoredWageDetail detail;
};

}  // namespace xj
