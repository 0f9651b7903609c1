#pragma once
/// The stored form of village supervisors (村级监督员, migration 0029) and phone spot checks
/// (电话抽查, migration 0030). The phone number is kept only as its encryption and blind index
/// (app/crypto.hpp); the app encrypts, decrypts and masks it.

#include <cstdint>
#include <string>
#include <vector>

#include "domain/spot_check.hpp"

namespace xj {

struct VillageSupervisorRecord {
  std::int64_t id = 0;      ///< assigned by the store
  std::string region_code;  ///< the village
  std::string name;
  std::string phone_cipher;  ///< crypto::EncryptField of the normalised number
  std::string phone_index;   ///< crypto::BlindIndex of the normalised number
  std::string status;        ///< "active" | "inactive"
  std::string created_by, created_at, updated_at;
};

/// One draw: the drawing region, its month, the seed, the pool's size and the sample in draw order.
struct SpotCheckRecord {
  std::int64_t id = 0;  ///< assigned by the store
  std::string region_code;
  std::string month;  ///< YYYY-MM
  std::string seed;   ///< FormatSeed
  std::int64_t pool_size = 0;
  std::int64_t sample_size = 0;
  std::vector<std::int64_t> sample;  ///< supervisor ids, in draw order
  std::string created_by, created_at;
};

}  // namespace xj
