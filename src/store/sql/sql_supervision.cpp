// SqlStore: supervision visits and their findings (督导, migration 0021_supervision.sql).
#include "store/sql/entities.hpp"
#include "store/sql/fields.hpp"
#include "store/sql/sql_store.hpp"

namespace xj::sql {
namespace {

constexpr std::string_view kVisitColumns =
    "id, region_code, title, team_json, start_date, end_date, regions_json, projects_json, created_by, created_at";
const std::string kInsertVisit =
    "INSERT INTO supervision_visits (region_code, title, team_json, start_date, end_date, regions_json, "
    "projects_json, created_by, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id";
const std::string kSelectVisit = Concat({"SELECT ", kVisitColumns, " FROM supervision_visits WHERE id = $1"});
const std::string kSelectVisits = Concat({"SELECT ", kVisitColumns,
                                          " FROM supervision_visits WHERE ($1 = '' OR start_date >= $1) AND ($2 = '' "
                                          "OR start_date <= $2) ORDER BY start_date, id"});

constexpr std::string_view kFindingColumns = "id, visit_id, category, region_code, project_code, description";
const std::string kInsertFinding =
    "INSERT INTO supervision_findings (visit_id, category, region_code, project_code, description, created_at) "
    "VALUES ($1, $2, $3, $4, $5, $6) RETURNING id";
const std::string kSelectFindings =
    Concat({"SELECT ", kFindingColumns, " FROM supervision_findings WHERE ($1 = 0 OR visit_id = $1) ORDER BY id"});
const std::string kSelectFinding = Concat({"SELECT ", kFindingColumns, " FROM supervision_findings WHERE id = $1"});

Result<SupervisionVisitRecord> ReadVisit(const Row& row) {
  Fields f(row, "supervision_visits", "id=" + std::to_string(row.Int(0)));
  SupervisionVisitRecord r;
  r.id = f.Int(0);
  r.region_code = f.Text(1);
  r.title = f.Text(2);
  r.team_json = f.Text(3);
  r.start_date = f.DateAt(4).ToString();
  r.end_date = f.DateAt(5).ToString();
  r.regions_json = f.Text(6);
  r.projects_json = f.Text(7);
  r.created_by = f.Text(8);
  r.created_at = f.Text(9);
  XJ_RETURN_IF_ERROR(f.status());
  return r;
}

Result<SupervisionFinding> ReadFinding(const Row& row) {
  Fields f(row, "supervision_findings", "id=" + std::to_string(row.Int(0)));
  SupervisionFinding r;
  r.id = f.Int(0);
  r.visit_id = f.Int(1);
  r.category = f.Enum<FindingCategory>(2, 1, 6);
  r.region_code = f.Text(3);
  r.project_code = f.Text(4);
  r.description = f.Text(5);
  XJ_RETURN_IF_ERROR(f.status());
  return r;
}

}  // namespace

Result<std::int64_t> SqlStore::InsertSupervisionVisit(const SupervisionVisitRecord& r) {
  std::int64_t id = 0;
  XJ_RETURN_IF_ERROR(Write([&](Conn& c) {
    const Values v = {r.region_code,  r.title,         r.team_json,  r.start_date, r.end_date,
                      r.regions_json, r.projects_json, r.created_by, r.created_at};
    return c.Query(kInsertVisit.c_str(), v, [&](const Row& row) {
      id = row.Int(0);
      return Status::Ok();
    });
  }));
  return id;
}

Result<std::int64_t> SqlStore::InsertSupervisionFinding(const SupervisionFinding& finding,
                                                        std::string_view created_at) {
  std::int64_t id = 0;
  XJ_RETURN_IF_ERROR(Write([&](Conn& c) {
    const Values v = {finding.visit_id,     EnumValue(finding.category), finding.region_code,
                      finding.project_code, finding.description,         std::string(created_at)};
    return c.Query(kInsertFinding.c_str(), v, [&](const Row& row) {
      id = row.Int(0);
      return Status::Ok();
    });
  }));
  return id;
}

Result<std::optional<SupervisionVisitRecord>> SqlStore::FindSupervisionVisit(std::int64_t id) {
  std::vector<SupervisionVisitRecord> found;
  XJ_RETURN_IF_ERROR(Read([&](Conn& c) { return CollectRows(c, kSelectVisit.c_str(), {id}, ReadVisit, found); }));
  if (found.empty()) return std::optional<SupervisionVisitRecord>();
  return std::optional<SupervisionVisitRecord>(std::move(found.front()));
}

Result<std::vector<SupervisionVisitRecord>> SqlStore::ListSupervisionVisits(std::string_view from,
                                                                            std::string_view to) {
  std::vector<SupervisionVisitRecord> out;
  XJ_RETURN_IF_ERROR(Read([&](Conn& c) {
    return CollectRows(c, kSelectVisits.c_str(), {std::string(from), std::string(to)}, ReadVisit, out);
  }));
  return out;
}

Result<std::vector<SupervisionFinding>> SqlStore::ListSupervisionFindings(std::int64_t visit_id) {
  std::vector<SupervisionFinding> out;
  XJ_RETURN_IF_ERROR(
      Read([&](Conn& c) { return CollectRows(c, kSelectFindings.c_str(), {visit_id}, ReadFinding, out); }));
  return out;
}

Result<std::optional<SupervisionFinding>> SqlStore::FindSupervisionFinding(std::int64_t id) {
  std::vector<SupervisionFinding> found;
  XJ_RETURN_IF_ERROR(Read([&](Conn& c) { return CollectRows(c, kSelectFinding.c_str(), {id}, ReadFinding, found); }));
  if (found.empty()) return std::optional<SupervisionFinding>();
  return std::optional<SupervisionFinding>(std::move(found.front()));
}

}  // namespace xj::sql
