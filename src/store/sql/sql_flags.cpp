// SqlStore: flags as work items (问题预警, migration 0009), the project money the over_arranged
// check reads, and the national benchmarks (全国平均) the wall chart compares with.
#include "store/sql/entities.hpp"
#include "store/sql/sql_store.hpp"

namespace xj::sql {
namespace {

// $1 … $12 as WriteFoundFlag writes them.
constexpr const char kFoundFlagColumns[] =
    "kind, subject_type, subject, province_code, region_code, project_code, fund_year, fund_source, raised_on, "
    "cleared_on, amount_fen, detail";
// A flag raised at payment: new as open, a known one's finding updated (its work state untouched),
// its dates included: a back-dated entry can move the day the overspending began.
const std::string kUpsertRaisedFlag =
    Concat({"INSERT INTO flags (", kFoundFlagColumns, ", status, updated_at) VALUES (", Params(12), ", 'open', $13) ",
            "ON CONFLICT (kind, subject) DO UPDATE SET amount_fen = excluded.amount_fen, detail = excluded.detail, "
            "raised_on = excluded.raised_on, cleared_on = excluded.cleared_on, updated_at = excluded.updated_at"});
const std::string kInsertFlag =
    Concat({"INSERT INTO flags (", kFoundFlagColumns, ", status, assignee, reason, updated_at) VALUES (", Params(16),
            ") RETURNING id"});
// Every filter optional (NULL = any).
const std::string kSelectFlags =
    Concat({"SELECT ", kFlagColumns,
            " FROM flags WHERE (CAST($1 AS BIGINT) IS NULL OR id = $1) AND (CAST($2 AS TEXT) IS NULL OR kind = $2) "
            "AND (CAST($3 AS TEXT) IS NULL OR subject = $3) ORDER BY id"});
constexpr const char kUpdateFlagState[] =
    "UPDATE flags SET status = $2, assignee = $3, reason = $4, amount_fen = $5, detail = $6, updated_at = $7, "
    "version = version + 1 WHERE id = $1 AND version = $8";
const std::string kInsertFlagEvent =
    Concat({"INSERT INTO flag_events (province_code, ", kFlagEventColumns,
            ") VALUES ((SELECT province_code FROM flags WHERE id = $1), ", Params(7), ")"});
const std::string kSelectFlagEvents =
    Concat({"SELECT ", kFlagEventColumns, " FROM flag_events WHERE flag_id = $1 ORDER BY id"});
// Net of reversals (sign), over every fund year and source. Each money SUM in two parts,
// SUM(x / 10⁹) and SUM(x % 10⁹), joined in 128 bits (as in sql_verify.cpp): a project's total
// past 2⁶³ fen neither fails ("integer overflow", "bigint out of range") nor wraps.
const DialectSql kSelectProjectMoney([](Dialect d) {
  const std::string allocated = "(CASE WHEN effective_kind = 1 THEN sign * amount_fen ELSE 0 END)";
  const std::string expended = "(CASE WHEN effective_kind = 3 THEN sign * amount_fen ELSE 0 END)";
  return Concat({"SELECT project_code, CAST(SUM(", allocated, " / 1000000000) AS BIGINT), CAST(SUM(", allocated,
                 " % 1000000000) AS BIGINT), CAST(SUM(", expended, " / 1000000000) AS BIGINT), CAST(SUM(", expended,
                 " % 1000000000) AS BIGINT), "
                 "CAST(SUM(CASE WHEN effective_kind = 1 THEN 1 ELSE 0 END) AS BIGINT) FROM ledger_entries WHERE ",
                 InList("project_code", "$1", d), " GROUP BY project_code"});
});
FenTotal Joined(const Row& row, int first) {
  return FenTotal(static_cast<Int128>(row.Int(first)) * 1'000'000'000 + row.Int(first + 1));
}

const std::string kUpsertBenchmark =
    Concat({"INSERT INTO benchmarks (", kBenchmarkColumns, ") VALUES (", Params(3),
            ") ON CONFLICT (indicator, bench_date) DO UPDATE SET value_bp = excluded.value_bp"});
const std::string kSelectBenchmarks =
    Concat({"SELECT ", kBenchmarkColumns, " FROM benchmarks ORDER BY indicator, bench_date"});

Value OptionalText(const std::optional<std::string>& v) {
  return v ? Value(*v) : Value();
}

}  // namespace

Status SqlStore::UpsertRaisedFlags(const std::vector<Flag>& flags, const std::string& at) {
  return Write([&](Conn& c) {
    return c.ExecEach(
        kUpsertRaisedFlag.c_str(), flags.size(),
        [&](std::size_t i, Values& v) {
          WriteFoundFlag(flags[i], v);
          v.emplace_back(at);
        },
        [](std::size_t, const Row&) { return Status::Ok(); });
  });
}

Result<std::vector<Flag>> SqlStore::FindFlags(const FlagFilter& filter) {
  std::vector<Flag> out;
  const Values params = {filter.id ? Value(*filter.id) : Value(), OptionalText(filter.kind),
                         OptionalText(filter.subject)};
  XJ_RETURN_IF_ERROR(Read([&](Conn& c) { return CollectRows(c, kSelectFlags.c_str(), params, ReadFlag, out); }));
  return out;
}

Result<std::int64_t> SqlStore::InsertFlag(const Flag& f) {
  std::int64_t id = 0;
  XJ_RETURN_IF_ERROR(Write([&](Conn& c) {
    Values v;
    WriteFoundFlag(f, v);
    v.insert(v.end(), {std::string(FlagStatusName(f.status)), f.assignee, f.reason, f.updated_at});
    return c.Query(kInsertFlag.c_str(), v, [&](const Row& row) {
      id = row.Int(0);
      return Status::Ok();
    });
  }));
  return id;
}

Status SqlStore::UpdateFlagState(const Flag& f, std::int64_t expected_version) {
  return Write([&](Conn& c) -> Status {
    XJ_ASSIGN_OR_RETURN(std::int64_t changed,
                        c.Exec(kUpdateFlagState, {f.id, std::string(FlagStatusName(f.status)), f.assignee, f.reason,
                                                  f.amount.value(), f.detail, f.updated_at, expected_version}));
    if (changed == 0) return Status::Conflict("预警已被他人处理（版本不符），请刷新后重试");
    return Status::Ok();
  });
}

Status SqlStore::AppendFlagEvent(const FlagEvent& e) {
  return Write([&](Conn& c) {
    return c
        .Exec(kInsertFlagEvent.c_str(), {e.flag_id, e.at, e.actor, std::string(FlagActionName(e.action)),
                                         std::string(FlagStatusName(e.status)), e.assignee, e.reason})
        .status();
  });
}

Result<std::vector<FlagEvent>> SqlStore::FlagEvents(std::int64_t flag_id) {
  std::vector<FlagEvent> out;
  XJ_RETURN_IF_ERROR(
      Read([&](Conn& c) { return CollectRows(c, kSelectFlagEvents.c_str(), {flag_id}, ReadFlagEvent, out); }));
  return out;
}

Result<std::vector<ProjectMoney>> SqlStore::ProjectMoneyOf(const std::vector<std::string>& codes) {
  std::vector<ProjectMoney> out;
  if (codes.empty()) return out;
  XJ_RETURN_IF_ERROR(Read([&](Conn& c) {
    return c.Query(kSelectProjectMoney(d_), {ListValue(codes, d_)}, [&](const Row& row) {
      out.push_back({std::string(row.Text(0)), Joined(row, 1), Joined(row, 3), row.Int(5) > 0});
      return Status::Ok();
    });
  }));
  return out;
}

Status SqlStore::UpsertBenchmarks(const std::vector<Benchmark>& rows) {
  return Write([&](Conn& c) {
    return c.ExecEach(
        kUpsertBenchmark.c_str(), rows.size(), [&](std::size_t i, Values& v) { WriteBenchmark(rows[i], v); },
        [](std::size_t, const Row&) { return Status::Ok(); });
  });
}

Result<std::vector<Benchmark>> SqlStore::LoadBenchmarks() {
  std::vector<Benchmark> out;
  XJ_RETURN_IF_ERROR(Read([&](Conn& c) { return CollectRows(c, kSelectBenchmarks.c_str(), {}, ReadBenchmark, out); }));
  return out;
}

}  // namespace xj::sql
