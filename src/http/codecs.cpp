#include "http/codecs.hpp"

namespace xj::http {

nlohmann::json ToJson(const RegionSummary& r) {
  nlohmann::json j = {
      {"code", r.region.code},
      {"name", r.region.name},
      {"level", RegionLevelName(r.region.level)},
      {"level_label", RegionLevelLabel(r.region.level)},
      {"parent_code", r.region.parent_code.empty() ? nlohmann::json(nullptr) : nlohmann::json(r.region.parent_code)},
      {"key_township", r.region.key_township},
      {"child_count", r.child_count},
      {"descendant_count", r.descendant_count}};
  if (!r.region.former_name.empty()) j["former_name"] = r.region.former_name;
  return j;
}

nlohmann::json ToJson(const ImportReport& r) {
  return {
      {"kind", r.kind}, {"rows", r.rows}, {"inserted", r.inserted}, {"updated", r.updated}, {"unchanged", r.unchanged}};
}

}  // namespace xj::http
