// SqlStore: the asset register (确权资产) and work relief (以工代赈), migration 0013.
#include "store/sql/entities.hpp"
#include "store/sql/fields.hpp"
#include "store/sql/sql_store.hpp"

namespace xj::sql {
namespace {

constexpr const char kAssetColumns[] =
    "asset_code, name, region_code, asset_type, owner_level, owner, original_value_fen, current_value_fen, location, "
    "operator, custodian, project_code, fund_sources, status, registered, registered_on";
constexpr int kAssetColumnCount = 16;
const std::string kUpsertAsset =
    Concat({"INSERT INTO assets (", kAssetColumns, ", created_at, updated_at) VALUES (", Params(kAssetColumnCount),
            ", $17, $17) ON CONFLICT (asset_code) DO UPDATE SET name = excluded.name, region_code = "
            "excluded.region_code, asset_type = excluded.asset_type, owner_level = excluded.owner_level, owner = "
            "excluded.owner, original_value_fen = excluded.original_value_fen, current_value_fen = "
            "excluded.current_value_fen, location = excluded.location, operator = excluded.operator, custodian = "
            "excluded.custodian, project_code = excluded.project_code, fund_sources = excluded.fund_sources, status = "
            "excluded.status, registered = excluded.registered, registered_on = excluded.registered_on, updated_at = "
            "excluded.updated_at"});
const std::string kSelectAssets = Concat({"SELECT ", kAssetColumns,
                                          " FROM assets WHERE (CAST($1 AS TEXT) IS NULL OR project_code = $1) "
                                          "ORDER BY asset_code"});

constexpr const char kWorkerColumns[] =
    "project_code, region_code, person_index, id_cipher, phone_cipher, name, household_status, relocated, village, "
    "team";
const std::string kUpsertWorker =
    Concat({"INSERT INTO relief_workers (", kWorkerColumns, ", created_at, updated_at) VALUES (", Params(10),
            ", $11, $11) ON CONFLICT (project_code, person_index) DO UPDATE SET region_code = excluded.region_code, "
            "id_cipher = excluded.id_cipher, phone_cipher = excluded.phone_cipher, name = excluded.name, "
            "household_status = excluded.household_status, relocated = excluded.relocated, village = "
            "excluded.village, team = excluded.team, updated_at = excluded.updated_at"});
const std::string kSelectWorkers =
    Concat({"SELECT id, ", kWorkerColumns,
            ", created_at, updated_at FROM relief_workers WHERE (CAST($1 AS TEXT) IS NULL OR project_code = $1) "
            "ORDER BY id"});

constexpr const char kWageColumns[] = "project_code, region_code, person_index, paid_on, amount_fen, days, method";
const std::string kUpsertWage =
    Concat({"INSERT INTO relief_wages (", kWageColumns, ", created_at) VALUES (", Params(7),
            ", $8) ON CONFLICT (project_code, person_index, paid_on) DO UPDATE SET region_code = "
            "excluded.region_code, amount_fen = excluded.amount_fen, days = excluded.days, method = excluded.method"});
const std::string kSelectWages =
    Concat({"SELECT id, ", kWageColumns,
            " FROM relief_wages WHERE (CAST($1 AS TEXT) IS NULL OR paid_on >= $1) AND (CAST($2 AS TEXT) IS NULL OR "
            "paid_on <= $2) AND (CAST($3 AS TEXT) IS NULL OR project_code = $3) ORDER BY id"});

Result<Asset> ReadAsset(const Row& row) {
  Fields f(row, "assets", std::string(row.Text(0)));
  Asset a;
  a.asset_code = f.Text(0);
  a.name = f.Text(1);
  a.region_code = f.Text(2);
  a.type = f.Enum<AssetType>(3, 1, 3);
  a.owner_level = f.Enum<OwnerLevel>(4, 1, 5);
  a.owner = f.Text(5);
  a.original_value = Fen(f.Int(6));
  a.current_value = Fen(f.Int(7));
  a.location = f.Text(8);
  a.operator_name = f.Text(9);
  a.custodian = f.Text(10);
  a.project_code = f.Text(11);
  a.fund_sources = f.Text(12);
  a.status = f.Named<std::string>(13, ParseAssetStatus, "in_use");
  a.registered = f.Bool(14);
  a.registered_on = f.OptionalDate(15);
  XJ_RETURN_IF_ERROR(f.status());
  return a;
}

Result<StoredReliefWorker> ReadWorker(const Row& row) {
  Fields f(row, "relief_workers", std::to_string(row.Int(0)));
  StoredReliefWorker w;
  w.id = f.Int(0);
  w.project_code = f.Text(1);
  w.region_code = f.Text(2);
  w.person_index = f.Text(3);
  w.id_cipher = f.Text(4);
  w.phone_cipher = f.Text(5);
  w.name = f.Text(6);
  w.household_status = f.Enum<HouseholdStatus>(7, 1, 3);
  w.relocated = f.Bool(8);
  w.village = f.Text(9);
  w.team = f.Text(10);
  w.created_at = f.Text(11);
  w.updated_at = f.Text(12);
  XJ_RETURN_IF_ERROR(f.status());
  return w;
}

Result<StoredWage> ReadWage(const Row& row) {
  Fields f(row, "relief_wages", std::to_string(row.Int(0)));
  StoredWage w;
  w.id = f.Int(0);
  w.fact.project_code = f.Text(1);
  w.fact.region_code = f.Text(2);
  w.fact.person_index = f.Text(3);
  w.fact.paid_on = f.DateAt(4);
  w.fact.amount_fen = f.Int(5);
  w.fact.days = static_cast<std::int32_t>(f.Int(6));
  w.detail.method = f.Named<std::string>(7, ParseWageMethod, "other");
  XJ_RETURN_IF_ERROR(f.status());
  return w;
}

Value OptionalCode(const std::string& code) {
  return code.empty() ? Value() : Value(code);
}

Value OptionalDateText(const std::optional<Date>& d) {
  return d ? Value(d->ToString()) : Value();
}

auto NoRows = [](std::size_t, const Row&) { return Status::Ok(); };

}  // namespace

Status SqlStore::UpsertAssets(const std::vector<Asset>& assets, const std::string& at) {
  return Write([&](Conn& c) {
    return c.ExecEach(
        kUpsertAsset.c_str(), assets.size(),
        [&](std::size_t i, Values& v) {
          const Asset& a = assets[i];
          v = {a.asset_code,
               a.name,
               a.region_code,
               EnumValue(a.type),
               EnumValue(a.owner_level),
               a.owner,
               a.original_value.value(),
               a.current_value.value(),
               a.location,
               a.operator_name,
               a.custodian,
               a.project_code,
               a.fund_sources,
               a.status,
               std::int64_t{a.registered ? 1 : 0},
               DateValue(a.registered_on),
               at};
        },
        NoRows);
  });
}

Result<std::vector<Asset>> SqlStore::FindAssets(const std::string& project_code) {
  std::vector<Asset> out;
  XJ_RETURN_IF_ERROR(Read(
      [&](Conn& c) { return CollectRows(c, kSelectAssets.c_str(), {OptionalCode(project_code)}, ReadAsset, out); }));
  return out;
}

Status SqlStore::UpsertReliefWorkers(const std::vector<StoredReliefWorker>& workers, const std::string& at) {
  return Write([&](Conn& c) {
    return c.ExecEach(
        kUpsertWorker.c_str(), workers.size(),
        [&](std::size_t i, Values& v) {
          const StoredReliefWorker& w = workers[i];
          v = {w.project_code,
               w.region_code,
               w.person_index,
               w.id_cipher,
               w.phone_cipher,
               w.name,
               EnumValue(w.household_status),
               std::int64_t{w.relocated ? 1 : 0},
               w.village,
               w.team,
               at};
        },
        NoRows);
  });
}

Result<std::vector<StoredReliefWorker>> SqlStore::FindReliefWorkers(const std::string& project_code) {
  std::vector<StoredReliefWorker> out;
  XJ_RETURN_IF_ERROR(Read(
      [&](Conn& c) { return CollectRows(c, kSelectWorkers.c_str(), {OptionalCode(project_code)}, ReadWorker, out); }));
  return out;
}

Status SqlStore::UpsertReliefWages(const std::vector<StoredWage>& wages, const std::string& at) {
  return Write([&](Conn& c) {
    return c.ExecEach(
        kUpsertWage.c_str(), wages.size(),
        [&](std::size_t i, Values& v) {
          const StoredWage& w = wages[i];
          v = {w.fact.project_code, w.fact.region_code,        w.fact.person_index, w.fact.paid_on.ToString(),
               w.fact.amount_fen,   std::int64_t{w.fact.days}, w.detail.method,     at};
        },
        NoRows);
  });
}

Result<std::vector<StoredWage>> SqlStore::FindReliefWages(std::optional<Date> from, std::optional<Date> to,
                                                          const std::string& project_code) {
  std::vector<StoredWage> out;
  const Values params = {OptionalDateText(from), OptionalDateText(to), OptionalCode(project_code)};
  XJ_RETURN_IF_ERROR(Read([&](Conn& c) { return CollectRows(c, kSelectWages.c_str(), params, ReadWage, out); }));
  return out;
}

}  // namespace xj::sql
