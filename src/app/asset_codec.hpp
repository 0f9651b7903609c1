#pragma once
/// The JSON form of an asset (确权资产), shared by the audit trail's snapshots and the API.

#include <nlohmann/json.hpp>

#include "domain/asset.hpp"

namespace xj {

/// Every field of the asset; `registered_on` null when not registered.
nlohmann::ordered_json AssetToJson(const Asset& a);

}  // namespace xj
