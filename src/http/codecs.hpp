#pragma once
/// JSON codecs for the DTOs of the API: free functions, domain types never see JSON.

#include <nlohmann/json.hpp>

#include "app/app.hpp"

namespace xj::http {

nlohmann::json ToJson(const RegionSummary& r);
nlohmann::json ToJson(const ImportReport& r);

}  // namespace xj::http
