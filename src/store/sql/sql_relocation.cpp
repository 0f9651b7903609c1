// SqlStore: relocation sites, households and subsidy claims (migrations 0027_relocation.sql and
// 0028_relocation_subsidies.sql).
#include "store/sql/entities.hpp"
#include "store/sql/fields.hpp"
#include "store/sql/sql_store.hpp"

namespace xj::sql {
namespace {

constexpr std::string_view kSiteColumns =
    "site_code, name, region_code, kind, planned_households, planned_persons, created_at, updated_at";
const std::string kUpsertSite =
    Concat({"INSERT INTO relocation_sites (", kSiteColumns, ") VALUES (", Params(8),
            ") ON CONFLICT (site_code) DO UPDATE SET name = excluded.name, region_code = excluded.region_code, "
            "kind = excluded.kind, planned_households = excluded.planned_households, planned_persons = "
            "excluded.planned_persons, updated_at = excluded.updated_at"});
const std::string kSelectSites = Concat({"SELECT ", kSiteColumns, " FROM relocation_sites ORDER BY site_code"});

constexpr std::string_view kHouseholdColumns =
    "id, site_code, region_code, origin_village, head_name, person_index, id_cipher, members, household_status, "
    "moved_in_on, created_by, created_at, updated_at";
const std::string kInsertHousehold =
    "INSERT INTO relocation_households (site_code, region_code, origin_village, head_name, person_index, id_cipher, "
    "members, household_status, moved_in_on, created_by, created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, "
    "$8, $9, $10, $11, $11) RETURNING id";
const std::string kSelectHouseholds = Concat({"SELECT ", kHouseholdColumns, " FROM relocation_households ORDER BY id"});

constexpr std::string_view kSubsidyColumns =
    "id, household_id, region_code, kind, basis_on, persons, standard_fen, raise_bp, unit_fen, amount_fen, state, "
    "paid_on, paid_fen, method, created_by, created_at, paid_by, updated_at";
const std::string kInsertSubsidy =
    "INSERT INTO relocation_subsidies (household_id, region_code, kind, basis_on, persons, standard_fen, raise_bp, "
    "unit_fen, amount_fen, created_by, created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, "
    "$11) RETURNING id";
const std::string kPaySubsidy =
    "UPDATE relocation_subsidies SET state = 'paid', paid_on = $2, paid_fen = $3, method = $4, paid_by = $5, "
    "updated_at = $6 WHERE id = $1 AND state = 'computed'";
const std::string kSelectSubsidies =
    Concat({"SELECT ", kSubsidyColumns, " FROM relocation_subsidies WHERE ($1 = 0 OR household_id = $1) ORDER BY id"});

Result<RelocationSite> ReadSite(const Row& row) {
  Fields f(row, "relocation_sites", std::string(row.Text(0)));
  RelocationSite s;
  s.site_code = f.Text(0);
  s.name = f.Text(1);
  s.region_code = f.Text(2);
  s.kind = f.Enum<SiteKind>(3, 1, 2);
  s.planned_households = f.Int(4);
  s.planned_persons = f.Int(5);
  s.created_at = f.Text(6);
  s.updated_at = f.Text(7);
  XJ_RETURN_IF_ERROR(f.status());
  return s;
}

Result<StoredRelocationHousehold> ReadHousehold(const Row& row) {
  Fields f(row, "relocation_households", "id=" + std::to_string(row.Int(0)));
  StoredRelocationHousehold h;
  h.id = f.Int(0);
  h.site_code = f.Text(1);
  h.region_code = f.Text(2);
  h.origin_village = f.Text(3);
  h.head_name = f.Text(4);
  h.person_index = f.Text(5);
  h.id_cipher = f.Text(6);
  h.members = f.Int(7);
  h.household_status = f.Enum<HouseholdStatus>(8, 1, 3);
  h.moved_in_on = f.DateAt(9);
  h.created_by = f.Text(10);
  h.created_at = f.Text(11);
  h.updated_at = f.Text(12);
  XJ_RETURN_IF_ERROR(f.status());
  return h;
}

Result<RelocationSubsidy> ReadSubsidy(const Row& row) {
  Fields f(row, "relocation_subsidies", "id=" + std::to_string(row.Int(0)));
  RelocationSubsidy s;
  s.id = f.Int(0);
  s.household_id = f.Int(1);
  s.region_code = f.Text(2);
  s.kind = f.Named(3, ParseSubsidyKind, SubsidyKind::kCrossRegionTravel);
  s.basis_on = f.DateAt(4);
  s.persons = f.Int(5);
  s.standard_fen = f.Int(6);
  s.raise_bp = f.Int(7);
  s.unit_fen = f.Int(8);
  s.amount_fen = f.Int(9);
  s.state = f.Named(10, ParseSubsidyState, SubsidyState::kComputed);
  s.paid_on = f.OptionalDate(11);
  s.paid_fen = f.Int(12);
  s.method = f.Text(13);
  s.created_by = f.Text(14);
  s.created_at = f.Text(15);
  s.paid_by = f.Text(16);
  s.updated_at = f.Text(17);
  XJ_RETURN_IF_ERROR(f.status());
  return s;
}

}  // namespace

Status SqlStore::UpsertRelocationSite(const RelocationSite& s) {
  return Write([&](Conn& c) {
    return c
        .Exec(kUpsertSite.c_str(), {s.site_code, s.name, s.region_code, EnumValue(s.kind), s.planned_households,
                                    s.planned_persons, s.created_at, s.updated_at})
        .status();
  });
}

Result<std::vector<RelocationSite>> SqlStore::ListRelocationSites() {
  std::vector<RelocationSite> out;
  XJ_RETURN_IF_ERROR(Read([&](Conn& c) { return CollectRows(c, kSelectSites.c_str(), {}, ReadSite, out); }));
  return out;
}

Result<std::int64_t> SqlStore::InsertRelocationHousehold(const StoredRelocationHousehold& h) {
  std::int64_t id = 0;
  XJ_RETURN_IF_ERROR(Write([&](Conn& c) {
    const Values v = {h.site_code,
                      h.region_code,
                      h.origin_village,
                      h.head_name,
                      h.person_index,
                      h.id_cipher,
                      h.members,
                      EnumValue(h.household_status),
                      h.moved_in_on.ToString(),
                      h.created_by,
                      h.created_at};
    return c.Query(kInsertHousehold.c_str(), v, [&](const Row& row) {
      id = row.Int(0);
      return Status::Ok();
    });
  }));
  return id;
}

Result<std::vector<StoredRelocationHousehold>> SqlStore::ListRelocationHouseholds() {
  std::vector<StoredRelocationHousehold> out;
  XJ_RETURN_IF_ERROR(Read([&](Conn& c) { return CollectRows(c, kSelectHouseholds.c_str(), {}, ReadHousehold, out); }));
  return out;
}

Result<std::int64_t> SqlStore::InsertRelocationSubsidy(const RelocationSubsidy& s) {
  std::int64_t id = 0;
  XJ_RETURN_IF_ERROR(Write([&](Conn& c) {
    const Values v = {s.household_id,
                      s.region_code,
                      std::string(SubsidyKindName(s.kind)),
                      s.basis_on.ToString(),
                      s.persons,
                      s.standard_fen,
                      s.raise_bp,
                      s.unit_fen,
                      s.amount_fen,
                      s.created_by,
                      s.created_at};
    return c.Query(kInsertSubsidy.c_str(), v, [&](const Row& row) {
      id = row.Int(0);
      return Status::Ok();
    });
  }));
  return id;
}

Result<bool> SqlStore::PayRelocationSubsidy(std::int64_t id, Date paid_on, std::int64_t paid_fen,
                                            const std::string& method, const std::string& paid_by,
                                            const std::string& at) {
  std::int64_t changed = 0;
  XJ_RETURN_IF_ERROR(Write([&](Conn& c) -> Status {
    XJ_ASSIGN_OR_RETURN(changed, c.Exec(kPaySubsidy.c_str(), {id, paid_on.ToString(), paid_fen, method, paid_by, at}));
    return Status::Ok();
  }));
  return changed == 1;
}

Result<std::vector<RelocationSubsidy>> SqlStore::ListRelocationSubsidies(std::int64_t household_id) {
  std::vector<RelocationSubsidy> out;
  const Values params = {household_id};
  XJ_RETURN_IF_ERROR(Read([&](Conn& c) { return CollectRows(c, kSelectSubsidies.c_str(), params, ReadSubsidy, out); }));
  return out;
}

}  // namespace xj::sql
