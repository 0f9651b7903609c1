// SqlStore: performance evaluations (绩效评价, migrations 0031_evaluations.sql, 0032_evaluation_steps.sql).
#include "store/sql/entities.hpp"
#include "store/sql/fields.hpp"
#include "store/sql/sql_store.hpp"

namespace xj::sql {
namespace {

constexpr std::string_view kEvaluationColumns =
    "id, region_code, year, as_of, template_version, status, total, grade, created_by, created_at, updated_at, "
    "finalized_by, finalized_at, version";
const std::string kInsertEvaluation =
    "INSERT INTO evaluations (region_code, year, as_of, template_version, status, total, grade, created_by, "
    "created_at, updated_at, finalized_by, finalized_at, version) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, "
    "$11, $12, 1) RETURNING id";
const std::string kSelectEvaluation = Concat({"SELECT ", kEvaluationColumns, " FROM evaluations WHERE id = $1"});
const std::string kSelectEvaluations =
    Concat({"SELECT ", kEvaluationColumns, " FROM evaluations WHERE ($1 = 0 OR year = $1) ORDER BY region_code, year"});
constexpr const char kUpdateEvaluation[] =
    "UPDATE evaluations SET status = $2, total = $3, grade = $4, updated_at = $5, finalized_by = $6, finalized_at = "
    "$7, version = version + 1 WHERE id = $1 AND version = $8 AND status <> 'final'";

constexpr std::string_view kEvaluationItemColumns =
    "evaluation_id, item_id, source, figure, points, evidence, self_points, adjust_reason, scored_by, scored_at";
constexpr const char kInsertEvaluationItem[] =
    "INSERT INTO evaluation_items (evaluation_id, item_id, source, figure, points, evidence, self_points, "
    "adjust_reason, scored_by, scored_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)";
const std::string kSelectEvaluationItems =
    Concat({"SELECT ", kEvaluationItemColumns, " FROM evaluation_items WHERE evaluation_id = $1 ORDER BY item_id"});
constexpr const char kUpdateEvaluationItem[] =
    "UPDATE evaluation_items SET source = $3, figure = $4, points = $5, evidence = $6, self_points = $7, "
    "adjust_reason = $8, scored_by = $9, scored_at = $10 WHERE evaluation_id = $1 AND item_id = $2";

constexpr std::string_view kStepColumns = "id, evaluation_id, step, from_status, to_status, actor, at, note";
const std::string kInsertStep =
    "INSERT INTO evaluation_steps (evaluation_id, step, from_status, to_status, actor, at, note) VALUES ($1, $2, $3, "
    "$4, $5, $6, $7) RETURNING id";
const std::string kSelectSteps =
    Concat({"SELECT ", kStepColumns, " FROM evaluation_steps WHERE evaluation_id = $1 ORDER BY id"});

Result<EvaluationRecord> ReadEvaluation(const Row& row) {
  Fields f(row, "evaluations", "id=" + std::to_string(row.Int(0)));
  EvaluationRecord r;
  r.id = f.Int(0);
  r.region_code = f.Text(1);
  r.year = static_cast<int>(f.Int(2));
  r.as_of = f.Text(3);
  r.template_version = f.Text(4);
  r.status = f.Text(5);
  if (!row.IsNull(6)) r.total = f.Int(6);
  r.grade = f.Text(7);
  r.created_by = f.Text(8);
  r.created_at = f.Text(9);
  r.updated_at = f.Text(10);
  r.finalized_by = f.Text(11);
  r.finalized_at = f.Text(12);
  r.version = f.Int(13);
  XJ_RETURN_IF_ERROR(f.status());
  return r;
}

Result<EvaluationItemRecord> ReadEvaluationItem(const Row& row) {
  Fields f(row, "evaluation_items",
           "evaluation_id=" + std::to_string(row.Int(0)) + " item_id=" + std::string(row.Text(1)));
  EvaluationItemRecord r;
  r.evaluation_id = f.Int(0);
  r.item_id = f.Text(1);
  r.source = f.Text(2);
  r.figure = f.Text(3);
  if (!row.IsNull(4)) r.points = f.Int(4);
  r.evidence = f.Text(5);
  if (!row.IsNull(6)) r.self_points = f.Int(6);
  r.adjust_reason = f.Text(7);
  r.scored_by = f.Text(8);
  r.scored_at = f.Text(9);
  XJ_RETURN_IF_ERROR(f.status());
  return r;
}

Result<EvaluationStepRecord> ReadStep(const Row& row) {
  Fields f(row, "evaluation_steps", "id=" + std::to_string(row.Int(0)));
  EvaluationStepRecord r;
  r.id = f.Int(0);
  r.evaluation_id = f.Int(1);
  r.step = f.Text(2);
  r.from_status = f.Text(3);
  r.to_status = f.Text(4);
  r.actor = f.Text(5);
  r.at = f.Text(6);
  r.note = f.Text(7);
  XJ_RETURN_IF_ERROR(f.status());
  return r;
}

Values ItemValues(const EvaluationItemRecord& i) {
  return {
      i.evaluation_id, i.item_id,   i.source,   i.figure, OptionalInt(i.points), i.evidence, OptionalInt(i.self_points),
      i.adjust_reason, i.scored_by, i.scored_at};
}

}  // namespace

Result<std::int64_t> SqlStore::InsertEvaluation(const EvaluationRecord& r,
                                                const std::vector<EvaluationItemRecord>& items) {
  std::int64_t id = 0;
  XJ_RETURN_IF_ERROR(Write([&](Conn& c) -> Status {
    const Values v = {r.region_code, std::int64_t{r.year}, r.as_of,        r.template_version,
                      r.status,      OptionalInt(r.total), r.grade,        r.created_by,
                      r.created_at,  r.updated_at,         r.finalized_by, r.finalized_at};
    XJ_RETURN_IF_ERROR(c.Query(kInsertEvaluation.c_str(), v, [&](const Row& row) {
      id = row.Int(0);
      return Status::Ok();
    }));
    for (EvaluationItemRecord item : items) {
      item.evaluation_id = id;
      XJ_RETURN_IF_ERROR(c.Exec(kInsertEvaluationItem, ItemValues(item)).status());
    }
    return Status::Ok();
  }));
  return id;
}

Result<std::optional<EvaluationRecord>> SqlStore::FindEvaluation(std::int64_t id) {
  std::vector<EvaluationRecord> found;
  XJ_RETURN_IF_ERROR(
      Read([&](Conn& c) { return CollectRows(c, kSelectEvaluation.c_str(), {id}, ReadEvaluation, found); }));
  if (found.empty()) return std::optional<EvaluationRecord>();
  return std::optional<EvaluationRecord>(std::move(found.front()));
}

Result<std::vector<EvaluationRecord>> SqlStore::ListEvaluations(int year) {
  std::vector<EvaluationRecord> out;
  XJ_RETURN_IF_ERROR(Read(
      [&](Conn& c) { return CollectRows(c, kSelectEvaluations.c_str(), {std::int64_t{year}}, ReadEvaluation, out); }));
  return out;
}

Result<std::vector<EvaluationItemRecord>> SqlStore::ListEvaluationItems(std::int64_t evaluation_id) {
  std::vector<EvaluationItemRecord> out;
  XJ_RETURN_IF_ERROR(Read([&](Conn& c) {
    return CollectRows(c, kSelectEvaluationItems.c_str(), {evaluation_id}, ReadEvaluationItem, out);
  }));
  return out;
}

Status SqlStore::UpdateEvaluation(const EvaluationRecord& r, std::int64_t expected_version) {
  return Write([&](Conn& c) -> Status {
    XJ_ASSIGN_OR_RETURN(std::int64_t changed,
                        c.Exec(kUpdateEvaluation, {r.id, r.status, OptionalInt(r.total), r.grade, r.updated_at,
                                                   r.finalized_by, r.finalized_at, expected_version}));
    if (changed != 1) return Status::Conflict("绩效评价 " + std::to_string(r.id) + " 已被他人修改或已终审");
    return Status::Ok();
  });
}

Status SqlStore::UpdateEvaluationItem(const EvaluationItemRecord& item) {
  return Write([&](Conn& c) -> Status {
    XJ_ASSIGN_OR_RETURN(std::int64_t changed, c.Exec(kUpdateEvaluationItem, ItemValues(item)));
    if (changed != 1) return Status::NotFound("评分项不存在：" + item.item_id);
    return Status::Ok();
  });
}

Result<std::int64_t> SqlStore::AppendEvaluationStep(const EvaluationStepRecord& s) {
  std::int64_t id = 0;
  XJ_RETURN_IF_ERROR(Write([&](Conn& c) {
    return c.Query(kInsertStep.c_str(), {s.evaluation_id, s.step, s.from_status, s.to_status, s.actor, s.at, s.note},
                   [&](const Row& row) {
                     id = row.Int(0);
                     return Status::Ok();
                   });
  }));
  return id;
}

Result<std::vector<EvaluationStepRecord>> SqlStore::ListEvaluationSteps(std::int64_t evaluation_id) {
  std::vector<EvaluationStepRecord> out;
  XJ_RETURN_IF_ERROR(
      Read([&](Conn& c) { return CollectRows(c, kSelectSteps.c_str(), {evaluation_id}, ReadStep, out); }));
  return out;
}

}  // namespace xj::sql
