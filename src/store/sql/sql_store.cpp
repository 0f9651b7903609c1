// SqlStore: regions, projects and their lifecycle, the ledger, contracts and progress,
// reference data, library records and policies. Accounts and the audit log: sql_accounts.cpp;
// the indicator engine's sharded ledger read: sql_scan.cpp; verify: sql_verify.cpp; copy: sql_copy.cpp.
#include "store/sql/sql_store.hpp"

#include <algorithm>

#include "store/sql/entities.hpp"
#include "store/sql/ledger_sql.hpp"

namespace xj::sql {
namespace {

const std::string kSelectRegions = Concat({"SELECT ", kRegionColumns, " FROM regions"});
const std::string kUpsertRegion =
    Concat({"INSERT INTO regions (", kRegionWriteColumns, ") VALUES (", Params(6),
            ") ON CONFLICT (code) DO UPDATE SET name = excluded.name, key_township = excluded.key_township, "
            "former_name = excluded.former_name"});

const std::string kSelectProjects = Concat({"SELECT ", kProjectColumns, " FROM projects ORDER BY project_code"});
const DialectSql kSelectProjectsIn([](Dialect d) {
  return Concat({"SELECT ", kProjectColumns, " FROM projects WHERE ", InList("project_code", "$1", d)});
});
const std::string kSelectProjectVersion =
    Concat({"SELECT ", kProjectColumns, ", version FROM projects WHERE project_code = $1"});
const std::string kInsertProject =
    Concat({"INSERT INTO projects (", kProjectWriteColumns, ") VALUES (", Params(kProjectWriteColumnCount), ")"});
constexpr const char kUpdateProjectState[] =
    "UPDATE projects SET status = $2, actual_start = $3, actual_finish = $4, version = version + 1 "
    "WHERE project_code = $1 AND version = $5";
constexpr const char kUpdateProject[] =
    "UPDATE projects SET name = $2, year = $3, category = $4, subcategory = $5, total_investment_fen = $6, "
    "central_fund_fen = $7, other_fund_fen = $8, planned_start = $9, planned_finish = $10, actual_start = $11, "
    "actual_finish = $12, status = $13, responsible_person = $14, gov_infrastructure = $15, low_skill = $16, "
    "work_relief = $17, version = version + 1 WHERE project_code = $1 AND version = $18";
// Rows that belong to a project take its province (the distribution key) from it.
constexpr const char kProvinceOfProject[] = "(SELECT province_code FROM projects WHERE project_code = $1)";
const std::string kInsertTransition = Concat({"INSERT INTO project_transitions (province_code, ", kTransitionColumns,
                                              ") VALUES (", kProvinceOfProject, ", ", Params(8), ")"});
const std::string kSelectTransitions =
    Concat({"SELECT ", kTransitionColumns, " FROM project_transitions WHERE project_code = $1 ORDER BY id"});
const DialectSql kSelectTransitionsIn([](Dialect d) {
  return Concat({"SELECT ", kTransitionColumns, " FROM project_transitions WHERE ", InList("project_code", "$1", d),
                 " ORDER BY project_code, id"});
});
// The 竣工验收 date: the latest step into accepted (10).
constexpr const char kSelectAcceptances[] =
    "SELECT project_code, MAX(on_date) FROM project_transitions WHERE to_state = 10 GROUP BY project_code";
const std::string kUpsertProcedure =
    Concat({"INSERT INTO project_procedures (province_code, project_code, ", kProcedureColumns,
            ", updated_at) VALUES (", kProvinceOfProject, ", ", Params(5),
            ") ON CONFLICT (project_code, kind) DO UPDATE SET complete = excluded.complete, "
            "document_ref = excluded.document_ref, updated_at = excluded.updated_at"});
const std::string kSelectProcedures =
    Concat({"SELECT ", kProcedureColumns, " FROM project_procedures WHERE project_code = $1 ORDER BY kind"});

const std::string kSelectLedger = Concat({"SELECT ", kEntryColumns, " FROM ledger_entries ORDER BY seq"});
const DialectSql kSelectEntriesIn([](Dialect d) {
  return Concat({"SELECT ", kEntryColumns, " FROM ledger_entries WHERE ", InList("entry_id", "$1", d)});
});
const DialectSql kSelectReversedIn([](Dialect d) {
  return Concat({"SELECT reverses FROM ledger_entries WHERE ", InList("reverses", "$1", d)});
});
const std::string kSelectProjectEntries =
    Concat({"SELECT ", kEntryColumns, " FROM ledger_entries WHERE project_code = $1 ORDER BY seq"});
const std::string kInsertEntry = Concat({"INSERT INTO ledger_entries (", kEntryWriteColumns, ") VALUES (",
                                         Params(kEntryWriteColumnCount), ") RETURNING seq"});
const DialectSql kReserveSeqs([](Dialect d) { return std::string(ReserveLedgerSeqs(d)); });

const std::string kInsertContract = Concat({"INSERT INTO project_contracts (province_code, ", kContractColumns,
                                            ") VALUES (", kProvinceOfProject, ", ", Params(5), ")"});
const std::string kSelectContracts = Concat({"SELECT ", kContractColumns, " FROM project_contracts ORDER BY id"});
const std::string kInsertProgress = Concat({"INSERT INTO progress_reports (province_code, ", kProgressColumns,
                                            ") VALUES (", kProvinceOfProject, ", ", Params(4), ")"});
const std::string kSelectProgress = Concat({"SELECT ", kProgressColumns, " FROM progress_reports ORDER BY id"});
const std::string kSelectProjectContracts =
    Concat({"SELECT ", kContractColumns, " FROM project_contracts WHERE project_code = $1 ORDER BY id"});
const std::string kSelectProjectProgress =
    Concat({"SELECT ", kProgressColumns, " FROM progress_reports WHERE project_code = $1 ORDER BY id"});

const DialectSql kSelectCategories([](Dialect d) {
  return Concat(
      {"SELECT c.code, c.level1, c.level2, c.industry FROM project_categories c "
       "WHERE c.effective_from = (SELECT MAX(effective_from) FROM project_categories x WHERE x.code = c.code "
       "AND x.effective_from <= ",
       CurrentDate(d), ") ORDER BY c.code"});
});

constexpr const char kInsertLibraryRecord[] =
    "INSERT INTO library_records (kind, province_code, region_code, project_code, ref_id, doc, created_at, "
    "updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $7) RETURNING id";
constexpr const char kUpdateLibraryRecord[] = "UPDATE library_records SET doc = $2, updated_at = $3 WHERE id = $1";
// One statement per lookup key, so that each uses its index (kind, key, id).
const std::string kLibraryByKind =
    Concat({"SELECT ", kLibraryColumns, " FROM library_records WHERE kind = $1 ORDER BY id"});
const std::string kLibraryById =
    Concat({"SELECT ", kLibraryColumns, " FROM library_records WHERE kind = $1 AND id = $2 ORDER BY id"});
const std::string kLibraryByProject =
    Concat({"SELECT ", kLibraryColumns, " FROM library_records WHERE kind = $1 AND project_code = $2 ORDER BY id"});
const std::string kLibraryByRef =
    Concat({"SELECT ", kLibraryColumns, " FROM library_records WHERE kind = $1 AND ref_id = $2 ORDER BY id"});
const std::string kLibraryByRegion =
    Concat({"SELECT ", kLibraryColumns, " FROM library_records WHERE kind = $1 AND region_code = $2 ORDER BY id"});

// dispatch_records (issue #17): a duplicate dedup_key inserts nothing and returns no id.
constexpr const char kInsertDispatchRecord[] =
    "INSERT INTO dispatch_records (kind, region_code, period, ref_id, dedup_key, doc, created_at, updated_at) "
    "VALUES ($1, $2, $3, $4, $5, $6, $7, $7) ON CONFLICT (dedup_key) WHERE dedup_key <> '' DO NOTHING RETURNING id";
constexpr const char kUpdateDispatchRecord[] = "UPDATE dispatch_records SET doc = $2, updated_at = $3 WHERE id = $1";
// Each key narrows only when given: 0 / '' stand for "any".
const std::string kFindDispatchRecords =
    Concat({"SELECT ", kDispatchColumns,
            " FROM dispatch_records WHERE kind = $1 AND ($2 = 0 OR id = $2) AND ($3 = 0 OR ref_id = $3) "
            "AND ($4 = '' OR period = $4) AND ($5 = '' OR region_code = $5) ORDER BY id"});

const std::string kInsertPosting = Concat({"INSERT INTO library_postings (", kPostingWriteColumns, ") VALUES (",
                                           Params(kPostingWriteColumnCount), ") RETURNING id"});

const std::string kSelectPolicies =
    Concat({"SELECT ", kPolicyColumns, " FROM policies ORDER BY key, region_code, effective_from"});
constexpr const char kInsertPolicy[] =
    "INSERT INTO policies (key, effective_from, value, note, region_code) VALUES ($1, $2, $3, $4, $5)";

Status StaleVersion(const Project& p) {
  return Status::Conflict("项目已被他人修改（版本不符），请刷新后重试：" + p.project_code).WithReason("stale_version");
}

}  // namespace

Status SqlStore::Transact(const std::function<Status()>& fn) {
  // The caller's function may have effects outside the store: never re-run it.
  return driver_->Write([&](Conn&) { return fn(); }, false);
}

Status SqlStore::Exclusive(std::string_view name, const std::function<Status()>& fn) {
  return driver_->Exclusive(name, fn);
}

Result<std::vector<Region>> SqlStore::LoadRegions() {
  std::vector<Region> out;
  XJ_RETURN_IF_ERROR(Read([&](Conn& c) { return CollectRows(c, kSelectRegions.c_str(), {}, ReadRegion, out); }));
  return out;
}

Status SqlStore::UpsertRegions(const std::vector<Region>& regions) {
  return Write([&](Conn& c) {
    return c.ExecEach(
        kUpsertRegion.c_str(), regions.size(), [&](std::size_t i, Values& v) { WriteRegion(regions[i], v); },
        [](std::size_t, const Row&) { return Status::Ok(); });
  });
}

Status SqlStore::ScanProjects(const std::function<void(const Project&)>& fn) {
  return Read([&](Conn& c) {
    return c.Stream(kSelectProjects, {}, [&](const Row& row) -> Status {
      XJ_ASSIGN_OR_RETURN(Project p, ReadProject(row));
      fn(p);
      return Status::Ok();
    });
  });
}

Result<std::vector<Project>> SqlStore::FindProjects(const std::vector<std::string>& codes) {
  std::vector<Project> out;
  if (codes.empty()) return out;
  XJ_RETURN_IF_ERROR(Read([&](Conn& c) {
    return CollectRows(
        c, kSelectProjectsIn(d_), {ListValue(codes, d_)}, [](const Row& row) { return ReadProject(row); }, out);
  }));
  return out;
}

Status SqlStore::InsertProjects(const std::vector<Project>& projects) {
  const auto write = [&](std::size_t i, Values& v) { WriteProject(projects[i], v); };
  return Write([&](Conn& c) -> Status {
    if (projects.size() > kBulkRows) {
      static const std::vector<std::string> kColumns = SplitColumns(kProjectWriteColumns);
      return c.BulkAppend("projects", kColumns, projects.size(), write);
    }
    return c.ExecEach(kInsertProject.c_str(), projects.size(), write,
                      [](std::size_t, const Row&) { return Status::Ok(); });
  });
}

Result<std::optional<StoredProject>> SqlStore::GetProject(std::string_view code) {
  std::optional<StoredProject> out;
  XJ_RETURN_IF_ERROR(Read([&](Conn& c) {
    return c.Query(kSelectProjectVersion.c_str(), {std::string(code)}, [&](const Row& row) -> Status {
      XJ_ASSIGN_OR_RETURN(Project p, ReadProject(row));
      out = StoredProject{std::move(p), row.Int(kProjectColumnCount)};
      return Status::Ok();
    });
  }));
  return out;
}

Status SqlStore::UpdateProjectState(const Project& p, std::int64_t expected_version) {
  return Write([&](Conn& c) -> Status {
    XJ_ASSIGN_OR_RETURN(std::int64_t changed,
                        c.Exec(kUpdateProjectState, {p.project_code, EnumValue(p.status), DateValue(p.actual_start),
                                                     DateValue(p.actual_finish), expected_version}));
    return changed == 0 ? StaleVersion(p) : Status::Ok();
  });
}

Status SqlStore::UpdateProject(const Project& p, std::int64_t expected_version) {
  return Write([&](Conn& c) -> Status {
    XJ_ASSIGN_OR_RETURN(
        std::int64_t changed,
        c.Exec(kUpdateProject,
               {p.project_code, p.name, std::int64_t{p.year}, p.category, p.subcategory, p.total_investment.value(),
                p.central_fund.value(), p.other_fund.value(), DateValue(p.planned_start), DateValue(p.planned_finish),
                DateValue(p.actual_start), DateValue(p.actual_finish), EnumValue(p.status), p.responsible_person,
                std::int64_t{p.gov_infrastructure ? 1 : 0}, std::int64_t{p.low_skill ? 1 : 0},
                std::int64_t{p.work_relief ? 1 : 0}, expected_version}));
    return changed == 0 ? StaleVersion(p) : Status::Ok();
  });
}

Status SqlStore::AppendTransition(const TransitionRecord& r) {
  return Write([&](Conn& c) -> Status {
    Values v;
    WriteTransition(r, v);
    return c.Exec(kInsertTransition.c_str(), v).status();
  });
}

Result<std::vector<TransitionRecord>> SqlStore::ProjectTransitions(std::string_view code) {
  std::vector<TransitionRecord> out;
  XJ_RETURN_IF_ERROR(Read(
      [&](Conn& c) { return CollectRows(c, kSelectTransitions.c_str(), {std::string(code)}, ReadTransition, out); }));
  return out;
}

Result<std::vector<TransitionRecord>> SqlStore::FindTransitions(const std::vector<std::string>& codes) {
  std::vector<TransitionRecord> out;
  if (codes.empty()) return out;
  XJ_RETURN_IF_ERROR(Read(
      [&](Conn& c) { return CollectRows(c, kSelectTransitionsIn(d_), {ListValue(codes, d_)}, ReadTransition, out); }));
  return out;
}

Result<std::vector<std::pair<std::string, Date>>> SqlStore::AcceptanceDates() {
  std::vector<std::pair<std::string, Date>> out;
  XJ_RETURN_IF_ERROR(Read([&](Conn& c) {
    return c.Query(kSelectAcceptances, {}, [&](const Row& row) -> Status {
      Fields f(row, "project_transitions", "project_code=" + std::string(row.Text(0)));
      const Date on = f.DateAt(1);
      XJ_RETURN_IF_ERROR(f.status());
      out.emplace_back(std::string(row.Text(0)), on);
      return Status::Ok();
    });
  }));
  return out;
}

Status SqlStore::UpsertProcedure(std::string_view code, const ProcedureStatus& p, const std::string& at) {
  return Write([&](Conn& c) {
    return c
        .Exec(kUpsertProcedure.c_str(),
              {std::string(code), EnumValue(p.kind), std::int64_t{p.complete ? 1 : 0}, p.document_ref, at})
        .status();
  });
}

Result<std::vector<ProcedureStatus>> SqlStore::ProjectProcedures(std::string_view code) {
  std::vector<ProcedureStatus> out;
  XJ_RETURN_IF_ERROR(Read([&](Conn& c) {
    return CollectRows(
        c, kSelectProcedures.c_str(), {std::string(code)}, [&](const Row& row) { return ReadProcedure(row, code); },
        out);
  }));
  return out;
}

Status SqlStore::ScanLedger(const std::function<void(const StoredEntry&)>& fn) {
  return Read([&](Conn& c) {
    return c.Stream(kSelectLedger, {}, [&](const Row& row) -> Status {
      XJ_ASSIGN_OR_RETURN(StoredEntry e, ReadEntry(row));
      fn(e);
      return Status::Ok();
    });
  });
}

Result<std::vector<StoredEntry>> SqlStore::FindEntries(const std::vector<std::string>& entry_ids) {
  std::vector<StoredEntry> out;
  if (entry_ids.empty()) return out;
  XJ_RETURN_IF_ERROR(
      Read([&](Conn& c) { return CollectRows(c, kSelectEntriesIn(d_), {ListValue(entry_ids, d_)}, ReadEntry, out); }));
  return out;
}

Result<std::vector<std::string>> SqlStore::FindReversed(const std::vector<std::string>& entry_ids) {
  std::vector<std::string> out;
  if (entry_ids.empty()) return out;
  XJ_RETURN_IF_ERROR(Read([&](Conn& c) {
    return c.Query(kSelectReversedIn(d_), {ListValue(entry_ids, d_)}, [&](const Row& row) {
      out.emplace_back(row.Text(0));
      return Status::Ok();
    });
  }));
  return out;
}

Result<std::vector<StoredEntry>> SqlStore::AppendEntries(std::vector<StoredEntry> entries) {
  XJ_RETURN_IF_ERROR(Write([&](Conn& c) -> Status {
    XJ_RETURN_IF_ERROR(driver_->LockLedger(c));
    if (entries.size() <= kBulkRows) {
      return c.ExecEach(
          kInsertEntry.c_str(), entries.size(), [&](std::size_t i, Values& v) { WriteEntry(entries[i], v); },
          [&](std::size_t i, const Row& row) {
            entries[i].seq = row.Int(0);
            return Status::Ok();
          });
    }
    std::vector<std::int64_t> reserved;
    reserved.reserve(entries.size());
    XJ_RETURN_IF_ERROR(c.Query(kReserveSeqs(d_), {static_cast<std::int64_t>(entries.size())}, [&](const Row& row) {
      reserved.push_back(row.Int(0));
      return Status::Ok();
    }));
    if (reserved.size() != entries.size()) return Status::Internal("台账序号预留数量不符");
    std::sort(reserved.begin(), reserved.end());
    static const std::vector<std::string> kColumns = [] {
      std::vector<std::string> cols = {"seq"};
      for (std::string& col : SplitColumns(kEntryWriteColumns)) cols.push_back(std::move(col));
      return cols;
    }();
    return c.BulkAppend("ledger_entries", kColumns, entries.size(), [&](std::size_t i, Values& v) {
      entries[i].seq = reserved[i];
      WriteEntry(entries[i], v);
      v.insert(v.begin(), reserved[i]);
    });
  }));
  return entries;
}

Result<std::vector<StoredEntry>> SqlStore::ProjectEntries(std::string_view project_code) {
  std::vector<StoredEntry> out;
  XJ_RETURN_IF_ERROR(Read([&](Conn& c) {
    return CollectRows(c, kSelectProjectEntries.c_str(), {std::string(project_code)}, ReadEntry, out);
  }));
  return out;
}

Result<LedgerPage> SqlStore::ListLedger(const LedgerFilter& filter) {
  const LedgerQuerySql sql = BuildLedgerQuery(filter, d_);
  LedgerPage page;
  XJ_RETURN_IF_ERROR(Read([&](Conn& c) -> Status {
    if (filter.count_total) {
      XJ_RETURN_IF_ERROR(c.QueryText(sql.count, sql.params, [&](const Row& row) {
        page.total = row.Int(0);
        return Status::Ok();
      }));
    }
    Values params = sql.params;
    params.emplace_back(filter.limit);
    params.emplace_back(filter.offset);
    return c.QueryText(sql.page, params, [&](const Row& row) -> Status {
      XJ_ASSIGN_OR_RETURN(StoredEntry e, ReadEntry(row));
      page.items.push_back({std::move(e), std::string(row.Text(kEntryColumnCount))});
      return Status::Ok();
    });
  }));
  return page;
}

Status SqlStore::InsertContract(const ProjectContract& contract) {
  return Write([&](Conn& c) {
    Values v;
    WriteContract(contract, v);
    return c.Exec(kInsertContract.c_str(), v).status();
  });
}

Status SqlStore::InsertProgress(const ProgressReport& report) {
  return Write([&](Conn& c) {
    Values v;
    WriteProgress(report, v);
    return c.Exec(kInsertProgress.c_str(), v).status();
  });
}

Status SqlStore::ScanContracts(const std::function<void(const ProjectContract&)>& fn) {
  return Read([&](Conn& c) {
    return c.Stream(kSelectContracts, {}, [&](const Row& row) -> Status {
      XJ_ASSIGN_OR_RETURN(ProjectContract k, ReadContract(row));
      fn(k);
      return Status::Ok();
    });
  });
}

Status SqlStore::ScanProgress(const std::function<void(const ProgressReport&)>& fn) {
  return Read([&](Conn& c) {
    return c.Stream(kSelectProgress, {}, [&](const Row& row) -> Status {
      XJ_ASSIGN_OR_RETURN(ProgressReport p, ReadProgress(row));
      fn(p);
      return Status::Ok();
    });
  });
}

Result<std::vector<ProjectContract>> SqlStore::ProjectContracts(std::string_view code) {
  std::vector<ProjectContract> out;
  XJ_RETURN_IF_ERROR(Read([&](Conn& c) {
    return CollectRows(c, kSelectProjectContracts.c_str(), {std::string(code)}, ReadContract, out);
  }));
  return out;
}

Result<std::vector<ProgressReport>> SqlStore::ProjectProgress(std::string_view code) {
  std::vector<ProgressReport> out;
  XJ_RETURN_IF_ERROR(Read(
      [&](Conn& c) { return CollectRows(c, kSelectProjectProgress.c_str(), {std::string(code)}, ReadProgress, out); }));
  return out;
}

Result<std::vector<ProjectCategory>> SqlStore::LoadCategories() {
  std::vector<ProjectCategory> out;
  XJ_RETURN_IF_ERROR(Read([&](Conn& c) { return CollectRows(c, kSelectCategories(d_), {}, ReadCategory, out); }));
  return out;
}

Result<std::int64_t> SqlStore::InsertLibraryRecord(const LibraryRecord& r) {
  std::int64_t id = 0;
  XJ_RETURN_IF_ERROR(Write([&](Conn& c) {
    return c.Query(kInsertLibraryRecord,
                   {r.kind, r.region_code.empty() ? std::string() : ProvinceCodeOf(r.region_code), r.region_code,
                    r.project_code, r.ref_id, r.doc, r.created_at},
                   [&](const Row& row) {
                     id = row.Int(0);
                     return Status::Ok();
                   });
  }));
  return id;
}

Status SqlStore::UpdateLibraryRecord(std::int64_t id, const std::string& doc, const std::string& updated_at) {
  return Write([&](Conn& c) -> Status {
    XJ_ASSIGN_OR_RETURN(std::int64_t changed, c.Exec(kUpdateLibraryRecord, {id, doc, updated_at}));
    if (changed == 0) return Status::NotFound("项目库记录不存在：" + std::to_string(id));
    return Status::Ok();
  });
}

Result<std::vector<LibraryRecord>> SqlStore::FindLibraryRecords(const LibraryRecordQuery& q) {
  const std::string* sql = &kLibraryByKind;
  Values params = {q.kind};
  if (q.id) {
    sql = &kLibraryById;
    params.emplace_back(*q.id);
  } else if (q.project_code) {
    sql = &kLibraryByProject;
    params.emplace_back(*q.project_code);
  } else if (q.ref_id) {
    sql = &kLibraryByRef;
    params.emplace_back(*q.ref_id);
  } else if (q.region_code) {
    sql = &kLibraryByRegion;
    params.emplace_back(*q.region_code);
  }
  std::vector<LibraryRecord> out;
  XJ_RETURN_IF_ERROR(Read([&](Conn& c) { return CollectRows(c, sql->c_str(), params, ReadLibraryRecord, out); }));
  return out;
}

Result<std::int64_t> SqlStore::InsertDispatchRecord(const DispatchRecord& r) {
  std::int64_t id = 0;
  XJ_RETURN_IF_ERROR(Write([&](Conn& c) {
    return c.Query(kInsertDispatchRecord, {r.kind, r.region_code, r.period, r.ref_id, r.dedup_key, r.doc, r.created_at},
                   [&](const Row& row) {
                     id = row.Int(0);
                     return Status::Ok();
                   });
  }));
  return id;
}

Status SqlStore::UpdateDispatchRecord(std::int64_t id, const std::string& doc, const std::string& updated_at) {
  return Write([&](Conn& c) -> Status {
    XJ_ASSIGN_OR_RETURN(std::int64_t changed, c.Exec(kUpdateDispatchRecord, {id, doc, updated_at}));
    if (changed == 0) return Status::NotFound("调度记录不存在：" + std::to_string(id));
    return Status::Ok();
  });
}

Result<std::vector<DispatchRecord>> SqlStore::FindDispatchRecords(const DispatchRecordQuery& q) {
  const Values params = {q.kind, q.id.value_or(0), q.ref_id.value_or(0), q.period.value_or(std::string()),
                         q.region_code.value_or(std::string())};
  std::vector<DispatchRecord> out;
  XJ_RETURN_IF_ERROR(
      Read([&](Conn& c) { return CollectRows(c, kFindDispatchRecords.c_str(), params, ReadDispatchRecord, out); }));
  return out;
}

Result<std::int64_t> SqlStore::InsertPosting(const Posting& posting) {
  std::int64_t id = 0;
  XJ_RETURN_IF_ERROR(Write([&](Conn& c) {
    Values v;
    WritePosting(posting, v);
    return c.Query(kInsertPosting.c_str(), v, [&](const Row& row) {
      id = row.Int(0);
      return Status::Ok();
    });
  }));
  return id;
}

Result<std::vector<Posting>> SqlStore::FindPostings(const PostingQuery& q) {
  // Built per call: the filters combine freely and each narrows through an index
  // (id, (project_code, id), (region_code, id)).
  Values params;
  std::string sql = Concat({"SELECT ", kPostingColumns, " FROM library_postings WHERE 1 = 1"});
  // The number of the parameter just added.
  const auto last = [&] { return Param(static_cast<int>(params.size())); };
  if (q.id) {
    params.emplace_back(*q.id);
    sql += " AND id = " + last();
  }
  if (q.project_code) {
    params.emplace_back(*q.project_code);
    sql += " AND project_code = " + last();
  }
  if (q.region_codes) {
    params.emplace_back(ListValue(*q.region_codes, d_));
    sql += " AND " + InList("region_code", last(), d_);
  }
  sql += q.newest_first ? " ORDER BY id DESC" : " ORDER BY id";
  if (q.limit > 0) {
    params.emplace_back(q.limit);
    sql += " LIMIT " + last();
  }
  std::vector<Posting> out;
  XJ_RETURN_IF_ERROR(Read([&](Conn& c) {
    return c.QueryText(sql, params, [&](const Row& row) -> Status {
      XJ_ASSIGN_OR_RETURN(Posting p, ReadPosting(row));
      out.push_back(std::move(p));
      return Status::Ok();
    });
  }));
  return out;
}

Result<std::vector<PolicyValue>> SqlStore::LoadPolicies() {
  std::vector<PolicyValue> out;
  XJ_RETURN_IF_ERROR(Read([&](Conn& c) { return CollectRows(c, kSelectPolicies.c_str(), {}, ReadPolicy, out); }));
  return out;
}

Status SqlStore::InsertPolicy(const PolicyValue& value) {
  return Write([&](Conn& c) {
    Values v;
    WritePolicy(value, v);
    return c.Exec(kInsertPolicy, v).status();
  });
}

}  // namespace xj::sql
