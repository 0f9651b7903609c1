#include "store/store_copy.hpp"

namespace xj {
namespace {

/// Rows handed from the source to the target at a time.
constexpr std::size_t kCopyBatchRows = 10'000;

}  // namespace

// Left out on purpose: change_log (migration 0012) and auth_log (0019), since each database counts its own changes;
// import_jobs (0016) and login_failures (0018), the running state of the servers of the source database.
const std::vector<CopiedTable>& CopiedTables() {
  static const std::vector<CopiedTable> kTables = {
      {"regions", "level, code", false},
      {"project_categories", "code, effective_from", true},
      {"policies", "key, region_code, effective_from", false},
      {"projects", "project_code", false},
      {"ledger_entries", "seq", false},
      {"project_contracts", "id", false},
      {"progress_reports", "id", false},
      {"users", "id", false},
      {"sessions", "token_hash", false},
      {"audit_log", "seq", false},
      {"project_transitions", "id", false},
      {"project_procedures", "project_code, kind", false},
      {"library_records", "id", true},
      {"library_postings", "id", false},
      {"flags", "id", false},
      {"flag_events", "id", false},
      {"benchmarks", "indicator, bench_date", false},
      {"api_tokens", "id", false},
      {"assets", "asset_code", false},
      {"relief_workers", "id", false},
      {"relief_wages", "id", false},
      {"settlement_runs", "id", false},
      {"dispatch_records", "id", false},
      {"allocation_factors", "region_code, year", false},
      {"supervision_visits", "id", false},
      {"supervision_findings", "id", false},
      {"rectifications", "finding_id", false},
      {"rectification_events", "id", false},
      {"inquiries", "id", false},
      {"inquiry_events", "id", false},
      {"asset_inventories", "id", false},
      {"asset_inventory_checks", "inventory_id, asset_code", false},
      {"asset_changes", "id", false},
      {"asset_class_labels", "asset_class", true},
      {"asset_plans", "asset_code", false},
      {"asset_incomes", "id", false},
      {"relocation_sites", "site_code", false},
      {"relocation_households", "id", false},
      {"relocation_subsidies", "id", false},
      {"village_supervisors", "id", false},
      {"spot_checks", "id", false},
      {"spot_check_samples", "spot_check_id, draw_order", false},
      {"spot_check_calls", "id", false},
      {"evaluations", "id", false},
      {"evaluation_items", "evaluation_id, item_id", false},
      {"evaluation_steps", "id", false},
  };
  return kTables;
}

bool IsPlainSqlNames(std::string_view text) {
  if (text.empty()) return false;
  for (char c : text) {
    const bool ok = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == ',' || c == ' ';
    if (!ok) return false;
  }
  return true;
}

Result<CopyReport> CopyStore(Store& from, Store& to) {
  XJ_ASSIGN_OR_RETURN(int from_version, from.Migrate());
  XJ_ASSIGN_OR_RETURN(int to_version, to.Migrate());
  if (from_version != to_version) {
    return Status::Internal("两种后端的迁移版本不一致：" + std::to_string(from_version) + " 与 " +
                            std::to_string(to_version));
  }
  CopyReport report;
  Status s = from.Transact([&]() -> Status {
    return to.Transact([&]() -> Status {
      for (const CopiedTable& table : CopiedTables()) {
        if (table.seeded) {
          XJ_RETURN_IF_ERROR(to.ClearRows(table));
        } else {
          XJ_ASSIGN_OR_RETURN(std::int64_t existing, to.CountRows(table));
          if (existing > 0) {
            return Status::AlreadyExists("目标数据库的 " + std::string(table.name) + " 表已有数据，只能复制到空库");
          }
        }
        std::int64_t copied = 0;
        XJ_RETURN_IF_ERROR(from.ExportRows(table, kCopyBatchRows, [&](const RowBatch& batch) -> Status {
          copied += static_cast<std::int64_t>(batch.rows.size());
          return to.ImportRows(table, batch);
        }));
        report.tables.emplace_back(std::string(table.name), copied);
      }
      return Status::Ok();
    });
  });
  if (!s.ok()) return s;
  return report;
}

}  // namespace xj
