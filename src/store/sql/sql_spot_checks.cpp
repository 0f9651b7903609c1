// SqlStore: village supervisors and phone spot checks (migrations 0029_village_supervisors.sql,
// 0030_spot_checks.sql).
#include <map>

#include "store/sql/entities.hpp"
#include "store/sql/fields.hpp"
#include "store/sql/sql_store.hpp"

namespace xj::sql {
namespace {

constexpr std::string_view kSupervisorColumns =
    "id, region_code, name, phone_cipher, phone_index, status, created_by, created_at, updated_at";
const std::string kInsertSupervisor =
    "INSERT INTO village_supervisors (region_code, name, phone_cipher, phone_index, status, created_by, created_at, "
    "updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id";
const std::string kSelectSupervisor =
    Concat({"SELECT ", kSupervisorColumns, " FROM village_supervisors WHERE id = $1"});
const std::string kSelectSupervisors = Concat({"SELECT ", kSupervisorColumns, " FROM village_supervisors ORDER BY id"});
const std::string kUpdateSupervisorStatus = "UPDATE village_supervisors SET status = $1, updated_at = $2 WHERE id = $3";

constexpr std::string_view kSpotCheckColumns =
    "id, region_code, month, seed, pool_size, sample_size, created_by, created_at";
const std::string kInsertSpotCheck =
    "INSERT INTO spot_checks (region_code, month, seed, pool_size, sample_size, created_by, created_at) "
    "VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id";
const std::string kInsertSample =
    "INSERT INTO spot_check_samples (spot_check_id, draw_order, supervisor_id) VALUES ($1, $2, $3)";
const std::string kSelectCheck = Concat({"SELECT ", kSpotCheckColumns, " FROM spot_checks WHERE id = $1"});
const std::string kSelectSpotChecks =
    Concat({"SELECT ", kSpotCheckColumns, " FROM spot_checks WHERE ($1 = '' OR month = $1) ORDER BY region_code, id"});
const std::string kSelectSamples =
    "SELECT s.spot_check_id, s.supervisor_id FROM spot_check_samples s JOIN spot_checks c ON c.id = "
    "s.spot_check_id WHERE ($1 = 0 OR c.id = $1) AND ($2 = '' OR c.month = $2) ORDER BY s.spot_check_id, "
    "s.draw_order";

constexpr std::string_view kCallColumns =
    "k.id, k.spot_check_id, k.supervisor_id, k.called_at, k.reached, k.knows_duties, k.log_matches, "
    "k.problem_reported, k.note, k.created_by, k.created_at";
const std::string kInsertCall =
    "INSERT INTO spot_check_calls (spot_check_id, supervisor_id, called_at, reached, knows_duties, log_matches, "
    "problem_reported, note, created_by, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING id";
const std::string kSelectCalls = Concat({"SELECT ", kCallColumns,
                                         " FROM spot_check_calls k JOIN spot_checks c ON c.id = k.spot_check_id "
                                         "WHERE ($1 = 0 OR c.id = $1) AND ($2 = '' OR c.month = $2) ORDER BY k.id"});

Result<VillageSupervisorRecord> ReadSupervisor(const Row& row) {
  Fields f(row, "village_supervisors", "id=" + std::to_string(row.Int(0)));
  VillageSupervisorRecord r;
  r.id = f.Int(0);
  r.region_code = f.Text(1);
  r.name = f.Text(2);
  r.phone_cipher = f.Text(3);
  r.phone_index = f.Text(4);
  r.status = f.Text(5);
  r.created_by = f.Text(6);
  r.created_at = f.Text(7);
  r.updated_at = f.Text(8);
  XJ_RETURN_IF_ERROR(f.status());
  return r;
}

Result<SpotCheckRecord> ReadSpotCheck(const Row& row) {
  Fields f(row, "spot_checks", "id=" + std::to_string(row.Int(0)));
  SpotCheckRecord r;
  r.id = f.Int(0);
  r.region_code = f.Text(1);
  r.month = f.Text(2);
  r.seed = f.Text(3);
  r.pool_size = f.Int(4);
  r.sample_size = f.Int(5);
  r.created_by = f.Text(6);
  r.created_at = f.Text(7);
  XJ_RETURN_IF_ERROR(f.status());
  return r;
}

Result<SpotCheckCall> ReadCall(const Row& row) {
  Fields f(row, "spot_check_calls", "id=" + std::to_string(row.Int(0)));
  SpotCheckCall r;
  r.id = f.Int(0);
  r.spot_check_id = f.Int(1);
  r.supervisor_id = f.Int(2);
  r.called_at = f.Text(3);
  r.reached = f.Bool(4);
  r.knows_duties = f.Bool(5);
  r.log_matches = f.Bool(6);
  r.problem_reported = f.Bool(7);
  r.note = f.Text(8);
  r.created_by = f.Text(9);
  r.created_at = f.Text(10);
  XJ_RETURN_IF_ERROR(f.status());
  return r;
}

/// The samples of the draws `checks` holds (by id, in draw order), read with one query.
Status AttachSamples(Conn& c, std::int64_t id, std::string_view month, std::vector<SpotCheckRecord>& checks) {
  std::map<std::int64_t, SpotCheckRecord*> by_id;
  for (SpotCheckRecord& r : checks) by_id[r.id] = &r;
  return c.Query(kSelectSamples.c_str(), {id, std::string(month)}, [&](const Row& row) {
    auto it = by_id.find(row.Int(0));
    if (it != by_id.end()) it->second->sample.push_back(row.Int(1));
    return Status::Ok();
  });
}

std::int64_t Flag(bool b) {
  return b ? 1 : 0;
}

}  // namespace

Result<std::int64_t> SqlStore::InsertVillageSupervisor(const VillageSupervisorRecord& r) {
  std::int64_t id = 0;
  XJ_RETURN_IF_ERROR(Write([&](Conn& c) {
    const Values v = {r.region_code, r.name,       r.phone_cipher, r.phone_index,
                      r.status,      r.created_by, r.created_at,   r.updated_at};
    return c.Query(kInsertSupervisor.c_str(), v, [&](const Row& row) {
      id = row.Int(0);
      return Status::Ok();
    });
  }));
  return id;
}

Result<std::optional<VillageSupervisorRecord>> SqlStore::FindVillageSupervisor(std::int64_t id) {
  std::vector<VillageSupervisorRecord> found;
  XJ_RETURN_IF_ERROR(
      Read([&](Conn& c) { return CollectRows(c, kSelectSupervisor.c_str(), {id}, ReadSupervisor, found); }));
  if (found.empty()) return std::optional<VillageSupervisorRecord>();
  return std::optional<VillageSupervisorRecord>(std::move(found.front()));
}

Result<std::vector<VillageSupervisorRecord>> SqlStore::ListVillageSupervisors() {
  std::vector<VillageSupervisorRecord> out;
  XJ_RETURN_IF_ERROR(
      Read([&](Conn& c) { return CollectRows(c, kSelectSupervisors.c_str(), {}, ReadSupervisor, out); }));
  return out;
}

Status SqlStore::UpdateVillageSupervisorStatus(std::int64_t id, std::string_view status, std::string_view updated_at) {
  return Write([&](Conn& c) -> Status {
    XJ_ASSIGN_OR_RETURN(std::int64_t changed,
                        c.Exec(kUpdateSupervisorStatus.c_str(), {std::string(status), std::string(updated_at), id}));
    if (changed == 0) return Status::NotFound("村级监督员不存在：" + std::to_string(id));
    return Status::Ok();
  });
}

Result<std::int64_t> SqlStore::InsertSpotCheck(const SpotCheckRecord& r) {
  std::int64_t id = 0;
  XJ_RETURN_IF_ERROR(Write([&](Conn& c) -> Status {
    const Values v = {r.region_code, r.month, r.seed, r.pool_size, r.sample_size, r.created_by, r.created_at};
    XJ_RETURN_IF_ERROR(c.Query(kInsertSpotCheck.c_str(), v, [&](const Row& row) {
      id = row.Int(0);
      return Status::Ok();
    }));
    for (std::size_t i = 0; i < r.sample.size(); ++i) {
      XJ_RETURN_IF_ERROR(c.Exec(kInsertSample.c_str(), {id, static_cast<std::int64_t>(i), r.sample[i]}).status());
    }
    return Status::Ok();
  }));
  return id;
}

Result<std::optional<SpotCheckRecord>> SqlStore::FindSpotCheck(std::int64_t id) {
  std::vector<SpotCheckRecord> found;
  XJ_RETURN_IF_ERROR(Read([&](Conn& c) -> Status {
    XJ_RETURN_IF_ERROR(CollectRows(c, kSelectCheck.c_str(), {id}, ReadSpotCheck, found));
    if (found.empty()) return Status::Ok();
    return AttachSamples(c, id, "", found);
  }));
  if (found.empty()) return std::optional<SpotCheckRecord>();
  return std::optional<SpotCheckRecord>(std::move(found.front()));
}

Result<std::vector<SpotCheckRecord>> SqlStore::ListSpotChecks(std::string_view month) {
  std::vector<SpotCheckRecord> out;
  XJ_RETURN_IF_ERROR(Read([&](Conn& c) -> Status {
    XJ_RETURN_IF_ERROR(CollectRows(c, kSelectSpotChecks.c_str(), {std::string(month)}, ReadSpotCheck, out));
    if (out.empty()) return Status::Ok();
    return AttachSamples(c, 0, month, out);
  }));
  return out;
}

Result<std::int64_t> SqlStore::InsertSpotCheckCall(const SpotCheckCall& k) {
  std::int64_t id = 0;
  XJ_RETURN_IF_ERROR(Write([&](Conn& c) {
    const Values v = {k.spot_check_id,     k.supervisor_id,          k.called_at, Flag(k.reached), Flag(k.knows_duties),
                      Flag(k.log_matches), Flag(k.problem_reported), k.note,      k.created_by,    k.created_at};
    return c.Query(kInsertCall.c_str(), v, [&](const Row& row) {
      id = row.Int(0);
      return Status::Ok();
    });
  }));
  return id;
}

Result<std::vector<SpotCheckCall>> SqlStore::ListSpotCheckCalls(std::int64_t spot_check_id, std::string_view month) {
  std::vector<SpotCheckCall> out;
  XJ_RETURN_IF_ERROR(Read([&](Conn& c) {
    return CollectRows(c, kSelectCalls.c_str(), {spot_check_id, std::string(month)}, ReadCall, out);
  }));
  return out;
}

}  // namespace xj::sql
