// SqlStore: rectification items and their steps (问题整改, migration 0022_rectifications.sql).
#include "store/sql/entities.hpp"
#include "store/sql/fields.hpp"
#include "store/sql/sql_store.hpp"

namespace xj::sql {
namespace {

constexpr std::string_view kRectificationItemColumns =
    "finding_id, region_code, status, owner, deadline, measures, evidence, verification, verified_by, verified_at, "
    "version, updated_at";
const std::string kInsertRectificationItem =
    Concat({"INSERT INTO rectifications (", kRectificationItemColumns, ") VALUES (", Params(12), ")"});
const std::string kSelectItem =
    Concat({"SELECT ", kRectificationItemColumns, " FROM rectifications WHERE finding_id = $1"});
const std::string kSelectRectificationItems =
    Concat({"SELECT ", kRectificationItemColumns, " FROM rectifications ORDER BY finding_id"});
const std::string kUpdateRectificationItem =
    "UPDATE rectifications SET status = $2, owner = $3, deadline = $4, measures = $5, evidence = $6, verification = "
    "$7, verified_by = $8, verified_at = $9, version = $10, updated_at = $11 WHERE finding_id = $1 AND version = $12";

constexpr std::string_view kRectificationEventColumns =
    "id, finding_id, action, from_status, to_status, actor, at, note";
const std::string kInsertRectificationEvent =
    "INSERT INTO rectification_events (finding_id, action, from_status, to_status, actor, at, note) VALUES ($1, $2, "
    "$3, $4, $5, $6, $7)";
const std::string kSelectRectificationEvents =
    Concat({"SELECT ", kRectificationEventColumns, " FROM rectification_events WHERE finding_id = $1 ORDER BY id"});

Result<Rectification> ReadRectification(const Row& row) {
  Fields f(row, "rectifications", "finding_id=" + std::to_string(row.Int(0)));
  Rectification r;
  r.finding_id = f.Int(0);
  r.region_code = f.Text(1);
  r.status = f.Named(2, ParseRectificationStatus, RectificationStatus::kOpen);
  r.owner = f.Text(3);
  r.deadline = f.OptionalDate(4);
  r.measures = f.Text(5);
  r.evidence = f.Text(6);
  r.verification = f.Text(7);
  r.verified_by = f.Text(8);
  r.verified_at = f.Text(9);
  r.version = f.Int(10);
  r.updated_at = f.Text(11);
  XJ_RETURN_IF_ERROR(f.status());
  return r;
}

Result<RectificationEvent> ReadRectificationEvent(const Row& row) {
  Fields f(row, "rectification_events", "id=" + std::to_string(row.Int(0)));
  RectificationEvent e;
  e.id = f.Int(0);
  e.finding_id = f.Int(1);
  e.action = f.Text(2);
  e.from_status = f.Named(3, ParseRectificationStatus, RectificationStatus::kOpen);
  e.to_status = f.Named(4, ParseRectificationStatus, RectificationStatus::kOpen);
  e.actor = f.Text(5);
  e.at = f.Text(6);
  e.note = f.Text(7);
  XJ_RETURN_IF_ERROR(f.status());
  return e;
}

Values ItemValues(const Rectification& r) {
  return {r.finding_id,
          r.region_code,
          std::string(RectificationStatusName(r.status)),
          r.owner,
          DateValue(r.deadline),
          r.measures,
          r.evidence,
          r.verification,
          r.verified_by,
          r.verified_at,
          r.version,
          r.updated_at};
}

}  // namespace

Status SqlStore::InsertRectification(const Rectification& item) {
  return Write([&](Conn& c) { return c.Exec(kInsertRectificationItem.c_str(), ItemValues(item)).status(); });
}

Result<std::optional<Rectification>> SqlStore::FindRectification(std::int64_t finding_id) {
  std::vector<Rectification> found;
  XJ_RETURN_IF_ERROR(
      Read([&](Conn& c) { return CollectRows(c, kSelectItem.c_str(), {finding_id}, ReadRectification, found); }));
  if (found.empty()) return std::optional<Rectification>();
  return std::optional<Rectification>(std::move(found.front()));
}

Result<std::vector<Rectification>> SqlStore::ListRectifications() {
  std::vector<Rectification> out;
  XJ_RETURN_IF_ERROR(
      Read([&](Conn& c) { return CollectRows(c, kSelectRectificationItems.c_str(), {}, ReadRectification, out); }));
  return out;
}

Status SqlStore::UpdateRectification(const Rectification& item, std::int64_t expected_version) {
  return Write([&](Conn& c) -> Status {
    const Values v = {item.finding_id,   std::string(RectificationStatusName(item.status)),
                      item.owner,        DateValue(item.deadline),
                      item.measures,     item.evidence,
                      item.verification, item.verified_by,
                      item.verified_at,  item.version,
                      item.updated_at,   expected_version};
    XJ_ASSIGN_OR_RETURN(std::int64_t changed, c.Exec(kUpdateRectificationItem.c_str(), v));
    if (changed != 1) {
      return Status::Conflict("整改事项 " + std::to_string(item.finding_id) + " 已被他人更新，请刷新后重试")
          .WithReason("stale_version");
    }
    return Status::Ok();
  });
}

Status SqlStore::InsertRectificationEvent(const RectificationEvent& e) {
  return Write([&](Conn& c) {
    return c
        .Exec(kInsertRectificationEvent.c_str(),
              {e.finding_id, e.action, std::string(RectificationStatusName(e.from_status)),
               std::string(RectificationStatusName(e.to_status)), e.actor, e.at, e.note})
        .status();
  });
}

Result<std::vector<RectificationEvent>> SqlStore::ListRectificationEvents(std::int64_t finding_id) {
  std::vector<RectificationEvent> out;
  XJ_RETURN_IF_ERROR(Read([&](Conn& c) {
    return CollectRows(c, kSelectRectificationEvents.c_str(), {finding_id}, ReadRectificationEvent, out);
  }));
  return out;
}

}  // namespace xj::sql
