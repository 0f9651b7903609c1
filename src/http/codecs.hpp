#pragma once
/// JSON codecs for the DTOs of the API: free functions, domain types never see JSON.

#include <nlohmann/json.hpp>

#include "app/app.hpp"

namespace xj::http {

nlohmann::json ToJson(const RegionSummary& r);
nlohmann::json ToJson(const ImportReport& r);
/// A user without secrets: id, username, role (+ role_label), region_code, region_name, disabled, created_at.
nlohmann::json ToJson(const UserView& u);
/// An audit row; `before`/`after` as JSON values (null when empty), hashes as hex.
nlohmann::json ToJson(const AuditRecord& r);

}  // namespace xj::http
