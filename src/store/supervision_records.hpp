#pragma once
/// The stored form of supervision visits and their findings (督导, migration 0021). The team,
/// the regions and the projects of a visit are JSON arrays of strings the app writes and reads
/// (app/supervision.cpp); the store only keeps them.

#include <cstdint>
#include <string>

#include "domain/rectification.hpp"
#include "domain/supervision.hpp"

namespace xj {

struct SupervisionVisitRecord {
  std::int64_t id = 0;  ///< assigned by the store
  std::string region_code;
  std::string title;
  std::string team_json;
  std::string start_date, end_date;  ///< YYYY-MM-DD
  std::string regions_json;
  std::string projects_json;
  std::string created_by, created_at;
};

}  // namespace xj
