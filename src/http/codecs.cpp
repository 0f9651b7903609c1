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

namespace xj::http {
namespace {
nlohmann::json Snapshot(const std::string& text) {
  if (text.empty()) return nullptr;
  nlohmann::json j = nlohmann::json::parse(text, nullptr, false);
  return j.is_discarded() ? nlohmann::json(text) : j;
}
}  // namespace

nlohmann::json ToJson(const UserView& u) {
  return {{"id", u.id},
          {"username", u.username},
          {"role", RoleName(u.role)},
          {"role_label", RoleLabel(u.role)},
          {"region_code", u.region_code},
          {"region_name", u.region_name},
          {"disabled", u.disabled},
          {"created_at", u.created_at}};
}

nlohmann::json ToJson(const AuditRecord& r) {
  return {{"seq", r.seq},
          {"at", r.at},
          {"actor", r.actor},
          {"actor_role", r.actor_role},
          {"address", r.address},
          {"action", r.action},
          {"entity_type", r.entity_type},
          {"entity_id", r.entity_id},
          {"region_code", r.region_code},
          {"before", Snapshot(r.before)},
          {"after", Snapshot(r.after)},
          {"prev_hash", r.prev_hash},
          {"hash", r.hash}};
}

}  // namespace xj::http
