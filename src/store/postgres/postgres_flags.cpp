// Flags as work items (问题预警) and the project money the over_arranged check reads
// (PostgreSQL port of sqlite_flags.cpp, statement for statement).
#include "store/postgres/postgres_store.hpp"

namespace xj {
namespace {

constexpr const char kUpsertRaisedFlag[] = R"sql(
INSERT INTO flags (kind, subject_type, subject, province_code, region_code, project_code, fund_year, fund_source,
                   raised_on, cleared_on, amount_fen, detail, status, updated_at)
VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, 'open', $13)
ON CONFLICT (kind, subject) DO UPDATE SET amount_fen = excluded.amount_fen, detail = excluded.detail,
  cleared_on = excluded.cleared_on, updated_at = excluded.updated_at
)sql";
constexpr const char kInsertFlag[] = R"sql(
INSERT INTO flags (kind, subject_type, subject, province_code, region_code, project_code, fund_year, fund_source,
                   raised_on, cleared_on, amount_fen, detail, status, assignee, reason, updated_at)
VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16) RETURNING id
)sql";
constexpr const char kSelectFlags[] = R"sql(
SELECT id, kind, subject, region_code, project_code, fund_year, fund_source, raised_on, cleared_on, amount_fen,
  detail, status, assignee, reason, updated_at, version
FROM flags WHERE ($1::bigint IS NULL OR id = $1::bigint) AND ($2::text IS NULL OR kind = $2::text)
  AND ($3::text IS NULL OR subject = $3::text)
ORDER BY id
)sql";
constexpr const char kUpdateFlagState[] =
    "UPDATE flags SET status = $2, assignee = $3, reason = $4, amount_fen = $5, detail = $6, updated_at = $7, "
    "version = version + 1 WHERE id = $1 AND version = $8 RETURNING id";
constexpr const char kInsertFlagEvent[] =
    "INSERT INTO flag_events (flag_id, province_code, at, actor, action, status, assignee, reason) "
    "VALUES ($1, (SELECT province_code FROM flags WHERE id = $1), $2, $3, $4, $5, $6, $7)";
constexpr const char kSelectFlagEvents[] =
    "SELECT flag_id, at, actor, action, status, assignee, reason FROM flag_events WHERE flag_id = $1 ORDER BY id";
constexpr const char kSelectProjectMoney[] = R"sql(
SELECT project_code,
  SUM(CASE WHEN effective_kind = 1 THEN sign * amount_fen ELSE 0 END)::bigint,
  SUM(CASE WHEN effective_kind = 3 THEN sign * amount_fen ELSE 0 END)::bigint,
  SUM(CASE WHEN effective_kind = 1 THEN 1 ELSE 0 END)::bigint
FROM ledger_entries WHERE project_code = ANY ($1::text[]) GROUP BY project_code
)sql";

pg::Cell Optional(const std::optional<std::int64_t>& v) {
  return v ? pg::Cell(std::to_string(*v)) : std::nullopt;
}

/// $1 … $12 of an insert: the flag's identity and what was found.
pg::Params FoundCells(const Flag& f) {
  return {f.kind,
          std::string(FlagSubjectType(f.kind)),
          f.subject,
          ProvinceCodeOf(f.region_code),
          f.region_code,
          f.project_code,
          Optional(f.fund_year ? std::optional<std::int64_t>(*f.fund_year) : std::nullopt),
          Optional(f.fund_source ? std::optional<std::int64_t>(static_cast<int>(*f.fund_source)) : std::nullopt),
          f.raised_on.ToString(),
          f.cleared_on ? pg::Cell(f.cleared_on->ToString()) : std::nullopt,
          std::to_string(f.amount.value()),
          f.detail};
}

Result<Flag> ReadFlag(const pg::Rows& r, int i) {
  Flag f;
  f.id = r.Int(i, 0);
  f.kind = r.Text(i, 1);
  f.subject = r.Text(i, 2);
  f.region_code = r.Text(i, 3);
  f.project_code = r.Text(i, 4);
  if (!r.IsNull(i, 5)) f.fund_year = static_cast<int>(r.Int(i, 5));
  if (!r.IsNull(i, 6)) f.fund_source = static_cast<FundSource>(r.Int(i, 6));
  auto raised = Date::Parse(r.Text(i, 7));
  if (!raised.ok()) return Status::Internal("预警日期已损坏：" + r.Text(i, 7));
  f.raised_on = *raised;
  if (!r.IsNull(i, 8)) {
    auto cleared = Date::Parse(r.Text(i, 8));
    if (!cleared.ok()) return Status::Internal("预警日期已损坏：" + r.Text(i, 8));
    f.cleared_on = *cleared;
  }
  f.amount = Fen(r.Int(i, 9));
  f.detail = r.Text(i, 10);
  auto status = ParseFlagStatus(r.Text(i, 11));
  if (!status) return Status::Internal("预警状态已损坏：" + r.Text(i, 11));
  f.status = *status;
  f.assignee = r.Text(i, 12);
  f.reason = r.Text(i, 13);
  f.updated_at = r.Text(i, 14);
  f.version = r.Int(i, 15);
  return f;
}

}  // namespace

Status PostgresStore::UpsertRaisedFlags(const std::vector<Flag>& flags, const std::string& at) {
  return InTx(
      [&](pg::Conn& c) -> Status {
        for (const Flag& f : flags) {
          pg::Params p = FoundCells(f);
          p.push_back(at);
          XJ_RETURN_IF_ERROR(c.Query(kUpsertRaisedFlag, p).status());
        }
        return Status::Ok();
      },
      true);
}

Result<std::vector<Flag>> PostgresStore::FindFlags(const FlagFilter& filter) {
  XJ_ASSIGN_OR_RETURN(ConnRef c, Connection());
  XJ_ASSIGN_OR_RETURN(pg::Rows rows, c->Query(kSelectFlags, {Optional(filter.id), filter.kind, filter.subject}));
  std::vector<Flag> out;
  for (int i = 0; i < rows.size(); ++i) {
    XJ_ASSIGN_OR_RETURN(Flag f, ReadFlag(rows, i));
    out.push_back(std::move(f));
  }
  return out;
}

Result<std::int64_t> PostgresStore::InsertFlag(const Flag& f) {
  std::int64_t id = 0;
  XJ_RETURN_IF_ERROR(InTx(
      [&](pg::Conn& c) -> Status {
        pg::Params p = FoundCells(f);
        for (const std::string& v : {std::string(FlagStatusName(f.status)), f.assignee, f.reason, f.updated_at}) {
          p.push_back(v);
        }
        XJ_ASSIGN_OR_RETURN(pg::Rows rows, c.Query(kInsertFlag, p));
        id = rows.Int(0, 0);
        return Status::Ok();
      },
      true));
  return id;
}

Status PostgresStore::UpdateFlagState(const Flag& f, std::int64_t expected_version) {
  return InTx(
      [&](pg::Conn& c) -> Status {
        XJ_ASSIGN_OR_RETURN(pg::Rows rows,
                            c.Query(kUpdateFlagState, {std::to_string(f.id), std::string(FlagStatusName(f.status)),
                                                       f.assignee, f.reason, std::to_string(f.amount.value()), f.detail,
                                                       f.updated_at, std::to_string(expected_version)}));
        if (rows.size() == 0) return Status::Conflict("预警已被他人处理（版本不符），请刷新后重试");
        return Status::Ok();
      },
      true);
}

Status PostgresStore::AppendFlagEvent(const FlagEvent& e) {
  return InTx(
      [&](pg::Conn& c) {
        return c
            .Query(kInsertFlagEvent, {std::to_string(e.flag_id), e.at, e.actor, std::string(FlagActionName(e.action)),
                                      std::string(FlagStatusName(e.status)), e.assignee, e.reason})
            .status();
      },
      true);
}

Result<std::vector<FlagEvent>> PostgresStore::FlagEvents(std::int64_t flag_id) {
  XJ_ASSIGN_OR_RETURN(ConnRef c, Connection());
  XJ_ASSIGN_OR_RETURN(pg::Rows rows, c->Query(kSelectFlagEvents, {std::to_string(flag_id)}));
  std::vector<FlagEvent> out;
  for (int i = 0; i < rows.size(); ++i) {
    auto action = ParseFlagAction(rows.Text(i, 3));
    auto status = ParseFlagStatus(rows.Text(i, 4));
    if (!action || !status) return Status::Internal("预警处理记录已损坏");
    out.push_back(
        {rows.Int(i, 0), rows.Text(i, 1), rows.Text(i, 2), *action, *status, rows.Text(i, 5), rows.Text(i, 6)});
  }
  return out;
}

Result<std::vector<ProjectMoney>> PostgresStore::ProjectMoneyOf(const std::vector<std::string>& codes) {
  if (codes.empty()) return std::vector<ProjectMoney>{};
  XJ_ASSIGN_OR_RETURN(ConnRef c, Connection());
  XJ_ASSIGN_OR_RETURN(pg::Rows rows, c->Query(kSelectProjectMoney, {pg::TextArray(codes)}));
  std::vector<ProjectMoney> out;
  for (int i = 0; i < rows.size(); ++i) {
    out.push_back({rows.Text(i, 0), Fen(rows.Int(i, 1)), Fen(rows.Int(i, 2)), rows.Int(i, 3) > 0});
  }
  return out;
}

}  // namespace xj
