// SqlStore: incentive settlement runs (migration 0015_settlements.sql).
#include "store/sql/entities.hpp"
#include "store/sql/fields.hpp"
#include "store/sql/sql_store.hpp"

namespace xj::sql {
namespace {

constexpr std::string_view kRunColumns =
    "id, region_code, year, as_of, fund_source, metric, policy_version, watermark_seq, status, run_by, run_at, "
    "approved_by, approved_at, base_run_id, rows_json, changes_json";
const std::string kInsertRun =
    "INSERT INTO settlement_runs (region_code, year, as_of, fund_source, metric, policy_version, watermark_seq, "
    "status, run_by, run_at, approved_by, approved_at, base_run_id, rows_json, changes_json) VALUES ($1, $2, $3, $4, "
    "$5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15) RETURNING id";
const std::string kSelectRun = Concat({"SELECT ", kRunColumns, " FROM settlement_runs WHERE id = $1"});
const std::string kSelectRuns = Concat({"SELECT ", kRunColumns,
                                        " FROM settlement_runs WHERE ($1 = '' OR region_code = $1) AND ($2 = 0 OR "
                                        "year = $2) ORDER BY id DESC"});
constexpr const char kApproveRun[] =
    "UPDATE settlement_runs SET status = 'approved', approved_by = $2, approved_at = $3 WHERE id = $1 AND status = "
    "'draft'";

Result<SettlementRunRecord> ReadRun(const Row& row) {
  Fields f(row, "settlement_runs", "id=" + std::to_string(row.Int(0)));
  SettlementRunRecord r;
  r.id = f.Int(0);
  r.region_code = f.Text(1);
  r.year = static_cast<int>(f.Int(2));
  r.as_of = f.Text(3);
  r.fund_source = static_cast<int>(f.Int(4));
  r.metric = f.Text(5);
  r.policy_version = f.Text(6);
  r.watermark_seq = f.Int(7);
  r.status = f.Text(8);
  r.run_by = f.Text(9);
  r.run_at = f.Text(10);
  r.approved_by = f.Text(11);
  r.approved_at = f.Text(12);
  if (!row.IsNull(13)) r.base_run_id = f.Int(13);
  r.rows_json = f.Text(14);
  r.changes_json = f.Text(15);
  XJ_RETURN_IF_ERROR(f.status());
  return r;
}

}  // namespace

Result<std::int64_t> SqlStore::InsertSettlementRun(const SettlementRunRecord& r) {
  std::int64_t id = 0;
  XJ_RETURN_IF_ERROR(Write([&](Conn& c) {
    const Values v = {r.region_code,
                      std::int64_t{r.year},
                      r.as_of,
                      std::int64_t{r.fund_source},
                      r.metric,
                      r.policy_version,
                      r.watermark_seq,
                      r.status,
                      r.run_by,
                      r.run_at,
                      r.approved_by,
                      r.approved_at,
                      r.base_run_id ? Value(*r.base_run_id) : Value(),
                      r.rows_json,
                      r.changes_json};
    return c.Query(kInsertRun.c_str(), v, [&](const Row& row) {
      id = row.Int(0);
      return Status::Ok();
    });
  }));
  return id;
}

Result<std::optional<SettlementRunRecord>> SqlStore::FindSettlementRun(std::int64_t id) {
  std::vector<SettlementRunRecord> found;
  XJ_RETURN_IF_ERROR(Read([&](Conn& c) { return CollectRows(c, kSelectRun.c_str(), {id}, ReadRun, found); }));
  if (found.empty()) return std::optional<SettlementRunRecord>();
  return std::optional<SettlementRunRecord>(std::move(found.front()));
}

Result<std::vector<SettlementRunRecord>> SqlStore::ListSettlementRuns(std::string_view region_code, int year) {
  std::vector<SettlementRunRecord> out;
  XJ_RETURN_IF_ERROR(Read([&](Conn& c) {
    return CollectRows(c, kSelectRuns.c_str(), {std::string(region_code), std::int64_t{year}}, ReadRun, out);
  }));
  return out;
}

Status SqlStore::ApproveSettlementRun(std::int64_t id, std::string_view approved_by, std::string_view approved_at) {
  return Write([&](Conn& c) -> Status {
    XJ_ASSIGN_OR_RETURN(std::int64_t changed,
                        c.Exec(kApproveRun, {id, std::string(approved_by), std::string(approved_at)}));
    if (changed != 1) return Status::Conflict("结算批次 " + std::to_string(id) + " 不是待审批状态");
    return Status::Ok();
  });
}

}  // namespace xj::sql
