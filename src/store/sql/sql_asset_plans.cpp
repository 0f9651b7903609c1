// SqlStore: classification labels, plans and income of operating assets (migration 0026_asset_plans.sql).
#include "store/sql/entities.hpp"
#include "store/sql/fields.hpp"
#include "store/sql/sql_store.hpp"

namespace xj::sql {
namespace {

const std::string kSelectLabels = "SELECT asset_class, label FROM asset_class_labels ORDER BY asset_class";
const std::string kUpdateLabel = "UPDATE asset_class_labels SET label = $2, updated_at = $3 WHERE asset_class = $1";

constexpr std::string_view kPlanColumns = "asset_code, asset_class, plan, follow_up_on, updated_by, updated_at";
const std::string kUpsertPlan =
    Concat({"INSERT INTO asset_plans (", kPlanColumns, ") VALUES (", Params(6),
            ") ON CONFLICT (asset_code) DO UPDATE SET asset_class = excluded.asset_class, plan = excluded.plan, "
            "follow_up_on = excluded.follow_up_on, updated_by = excluded.updated_by, updated_at = "
            "excluded.updated_at"});
const std::string kSelectPlans = Concat({"SELECT ", kPlanColumns, " FROM asset_plans ORDER BY asset_code"});

constexpr std::string_view kIncomeColumns =
    "id, asset_code, received_on, amount_fen, distribution, decided_on, decision, created_by, created_at";
const std::string kInsertIncome =
    "INSERT INTO asset_incomes (asset_code, received_on, amount_fen, distribution, decided_on, decision, created_by, "
    "created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id";
const std::string kSelectIncomes =
    Concat({"SELECT ", kIncomeColumns,
            " FROM asset_incomes WHERE ($1 = '' OR asset_code = $1) AND ($2 = '' OR received_on >= $2) AND ($3 = '' "
            "OR received_on <= $3) ORDER BY received_on, id"});

Result<AssetClassLabel> ReadLabel(const Row& row) {
  Fields f(row, "asset_class_labels", std::string(row.Text(0)));
  AssetClassLabel l;
  l.asset_class = f.Named(0, ParseAssetClass, AssetClass::kConsolidate);
  l.label = f.Text(1);
  XJ_RETURN_IF_ERROR(f.status());
  return l;
}

Result<AssetPlan> ReadPlan(const Row& row) {
  Fields f(row, "asset_plans", std::string(row.Text(0)));
  AssetPlan p;
  p.asset_code = f.Text(0);
  p.asset_class = f.Named(1, ParseAssetClass, AssetClass::kConsolidate);
  p.plan = f.Text(2);
  p.follow_up_on = f.OptionalDate(3);
  p.updated_by = f.Text(4);
  p.updated_at = f.Text(5);
  XJ_RETURN_IF_ERROR(f.status());
  return p;
}

Result<AssetIncome> ReadIncome(const Row& row) {
  Fields f(row, "asset_incomes", "id=" + std::to_string(row.Int(0)));
  AssetIncome i;
  i.id = f.Int(0);
  i.asset_code = f.Text(1);
  i.received_on = f.DateAt(2);
  i.amount_fen = f.Int(3);
  i.distribution = f.Text(4);
  i.decided_on = f.OptionalDate(5);
  i.decision = f.Text(6);
  i.created_by = f.Text(7);
  i.created_at = f.Text(8);
  XJ_RETURN_IF_ERROR(f.status());
  return i;
}

std::string DateText(const std::optional<Date>& d) {
  return d ? d->ToString() : std::string();
}

}  // namespace

Result<std::vector<AssetClassLabel>> SqlStore::ListAssetClassLabels() {
  std::vector<AssetClassLabel> out;
  XJ_RETURN_IF_ERROR(Read([&](Conn& c) { return CollectRows(c, kSelectLabels.c_str(), {}, ReadLabel, out); }));
  return out;
}

Status SqlStore::UpdateAssetClassLabels(const std::vector<AssetClassLabel>& labels, const std::string& at) {
  return Write([&](Conn& c) -> Status {
    for (const AssetClassLabel& l : labels) {
      XJ_RETURN_IF_ERROR(
          c.Exec(kUpdateLabel.c_str(), {std::string(AssetClassName(l.asset_class)), l.label, at}).status());
    }
    return Status::Ok();
  });
}

Status SqlStore::UpsertAssetPlan(const AssetPlan& p) {
  return Write([&](Conn& c) {
    return c
        .Exec(kUpsertPlan.c_str(), {p.asset_code, std::string(AssetClassName(p.asset_class)), p.plan,
                                    DateValue(p.follow_up_on), p.updated_by, p.updated_at})
        .status();
  });
}

Result<std::vector<AssetPlan>> SqlStore::ListAssetPlans() {
  std::vector<AssetPlan> out;
  XJ_RETURN_IF_ERROR(Read([&](Conn& c) { return CollectRows(c, kSelectPlans.c_str(), {}, ReadPlan, out); }));
  return out;
}

Result<std::int64_t> SqlStore::InsertAssetIncome(const AssetIncome& i) {
  std::int64_t id = 0;
  XJ_RETURN_IF_ERROR(Write([&](Conn& c) {
    const Values v = {i.asset_code,
                      i.received_on.ToString(),
                      i.amount_fen,
                      i.distribution,
                      DateValue(i.decided_on),
                      i.decision,
                      i.created_by,
                      i.created_at};
    return c.Query(kInsertIncome.c_str(), v, [&](const Row& row) {
      id = row.Int(0);
      return Status::Ok();
    });
  }));
  return id;
}

Result<std::vector<AssetIncome>> SqlStore::ListAssetIncomes(const std::string& asset_code, std::optional<Date> from,
                                                            std::optional<Date> to) {
  std::vector<AssetIncome> out;
  const Values params = {asset_code, DateText(from), DateText(to)};
  XJ_RETURN_IF_ERROR(Read([&](Conn& c) { return CollectRows(c, kSelectIncomes.c_str(), params, ReadIncome, out); }));
  return out;
}

}  // namespace xj::sql
