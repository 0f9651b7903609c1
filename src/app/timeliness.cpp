// 资金分配时效 (issue #19 point 5, docs/definitions.md §12): received allocations (上级下达) as
// `fund_receipt` documents of dispatch_records, their measures against the children's receipts and
// the engine's allocations to projects, and the report.
#include "app/timeliness.hpp"

#include <algorithm>
#include <map>
#include <set>

#include <nlohmann/json.hpp>

#include "app/app.hpp"

namespace xj {
namespace {

using nlohmann::json;

constexpr int kMinFundYear = 2000;
constexpr int kMaxFundYear = 2100;

json ToDoc(const FundReceipt& r) {
  return json{{"receipt_id", r.receipt_id},
              {"fund_year", r.fund_year},
              {"date", r.date.ToString()},
              {"amount_fen", r.amount.value()},
              {"note", r.note}};
}

Result<FundReceipt> FromRecord(const DispatchRecord& rec) {
  json j = json::parse(rec.doc, nullptr, false);
  const std::string where = "（fund_receipt id=" + std::to_string(rec.id) + "）";
  if (j.is_discarded() || !j.is_object()) return Status::Internal("下达记录不是 JSON 对象" + where);
  try {
    FundReceipt r;
    r.receipt_id = j.at("receipt_id").get<std::string>();
    r.region_code = rec.region_code;
    r.fund_year = j.at("fund_year").get<int>();
    XJ_ASSIGN_OR_RETURN(r.date, Date::Parse(j.at("date").get<std::string>()));
    r.amount = Fen(j.at("amount_fen").get<std::int64_t>());
    r.note = j.value("note", "");
    return r;
  } catch (const json::exception& e) {
    return Status::Internal(std::string("下达记录字段有误：") + e.what() + where);
  }
}

std::string Yuan(Fen f) {
  return FormatYuan(f) + " 元";
}

/// One receipt per receiving unit and 文号 (migration 0035).
std::string ReceiptKey(const FundReceipt& r) {
  return std::string(kFundReceiptKind) + ":" + r.region_code + ":" + r.receipt_id;
}

/// The stored receipt of `r`'s unit and 文号 (NotFound when there is none).
Result<FundReceipt> StoredReceipt(Store& store, const FundReceipt& r) {
  DispatchRecordQuery q;
  q.kind = kFundReceiptKind;
  q.region_code = r.region_code;
  XJ_ASSIGN_OR_RETURN(std::vector<DispatchRecord> records, store.FindDispatchRecords(q));
  for (const DispatchRecord& rec : records) {
    if (rec.dedup_key != ReceiptKey(r)) continue;
    return FromRecord(rec);
  }
  return Status::NotFound("下达文号 " + r.receipt_id + " 未登记");
}

}  // namespace

Result<FundReceiptBatch> App::RecordFundReceipts(const Actor& actor, const std::vector<FundReceipt>& receipts) {
  XJ_RETURN_IF_ERROR(AuthorizeRole(actor, Action::kWriteLedger));
  if (receipts.empty()) return Status::InvalidArgument("没有要登记的上级下达");
  auto tree = regions();
  // Scope first: a unit outside the caller's scope is refused whatever else is wrong.
  for (const FundReceipt& r : receipts) {
    if (tree->Find(r.region_code) != kNoRegion)
      XJ_RETURN_IF_ERROR(Authorize(actor, Action::kWriteLedger, r.region_code));
  }
  std::vector<FieldError> problems;
  std::set<std::string> ids;
  for (std::size_t i = 0; i < receipts.size(); ++i) {
    const FundReceipt& r = receipts[i];
    const int row = static_cast<int>(i) + 1;
    auto bad = [&](std::string column, std::string value, std::string message) {
      FieldError e;
      e.row = row;
      e.column = std::move(column);
      e.value = std::move(value);
      e.code = "invalid_value";
      e.message = std::move(message);
      problems.push_back(std::move(e));
    };
    if (r.receipt_id.empty()) bad("receipt_id", "", "缺少下达文号");
    if (!ids.insert(r.region_code + ":" + r.receipt_id).second) {
      bad("receipt_id", r.receipt_id, "同一批次中同一单位的下达文号重复");
    }
    const RegionIndex at = tree->Find(r.region_code);
    if (at == kNoRegion) {
      bad("region_code", r.region_code, "区划不存在");
    } else if (tree->node(at).region.level > RegionLevel::kCounty) {
      bad("region_code", r.region_code, "只有省、地市、县级单位接收上级下达");
    }
    if (r.fund_year < kMinFundYear || r.fund_year > kMaxFundYear) {
      bad("fund_year", std::to_string(r.fund_year), "资金年度应在 2000 到 2100 之间");
    }
    if (r.amount.value() <= 0) bad("amount_fen", std::to_string(r.amount.value()), "金额应为正");
  }
  if (!problems.empty()) return Status::InvalidArgument("上级下达有误").WithDetails(std::move(problems));
  FundReceiptBatch batch;
  std::lock_guard write(write_mu_);
  const std::string now = Now();
  XJ_RETURN_IF_ERROR(store_->Transact([&]() -> Status {
    for (const FundReceipt& r : receipts) {
      const std::string doc = ToDoc(r).dump();
      XJ_ASSIGN_OR_RETURN(std::int64_t id,
                          store_->InsertDispatchRecord({0, kFundReceiptKind, r.region_code, std::to_string(r.fund_year),
                                                        0, ReceiptKey(r), doc, now, now}));
      if (id == 0) {
        // Recorded before: the same receipt again is left as it was; a different one under the
        // same unit and 文号 is a conflict (nothing of the batch is written).
        XJ_ASSIGN_OR_RETURN(FundReceipt stored, StoredReceipt(*store_, r));
        if (stored.fund_year != r.fund_year || stored.date != r.date || stored.amount != r.amount) {
          return Status::Conflict("下达文号 " + r.receipt_id + " 已为 " + r.region_code + " 登记（" +
                                  std::to_string(stored.fund_year) + " 年度，" + stored.date.ToString() + "，" +
                                  Yuan(stored.amount) + "），与本次不同");
        }
        ++batch.existing;
        continue;
      }
      ++batch.created;
      XJ_RETURN_IF_ERROR(
          AppendAudit(actor, "fund_receipt.record", "fund_receipt", r.receipt_id, r.region_code, "", doc));
    }
    return Status::Ok();
  }));
  return batch;
}

Result<TimelinessReport> App::Timeliness(const Actor& actor, const std::string& region_code, int year,
                                         Date as_of) const {
  if (region_code.empty()) return Status::InvalidArgument("缺少 region");
  XJ_RETURN_IF_ERROR(Authorize(actor, Action::kRead, region_code));
  if (year < kMinFundYear || year > kMaxFundYear) return Status::InvalidArgument("year 应在 2000 到 2100 之间");
  return ComputeTimeliness(region_code, year, as_of);
}

Result<TimelinessReport> App::ComputeTimeliness(const std::string& region_code, std::optional<int> year,
                                                Date as_of) const {
  DispatchRecordQuery q;
  q.kind = kFundReceiptKind;
  if (year) q.period = std::to_string(*year);
  XJ_ASSIGN_OR_RETURN(std::vector<DispatchRecord> records, store_->FindDispatchRecords(q));
  TimelinessReport report;
  report.region_code = region_code;
  report.year = year.value_or(0);
  report.as_of = as_of;

  std::shared_lock lock(state_mu_);
  const RegionTree& tree = engine_->tree();
  const PolicySet& policy = engine_->policy();
  RegionIndex root = kNoRegion;
  if (!region_code.empty()) {
    XJ_ASSIGN_OR_RETURN(root, ResolveRegion(tree, region_code));
  }
  // (unit, fund year) → its receipts; the units in tree order, fund years ascending.
  std::map<std::pair<RegionIndex, int>, std::vector<FundReceipt>> by_unit;
  for (const DispatchRecord& rec : records) {
    const RegionIndex at = tree.Find(rec.region_code);
    if (at == kNoRegion || (root != kNoRegion && !tree.Contains(root, at))) continue;
    XJ_ASSIGN_OR_RETURN(FundReceipt r, FromRecord(rec));
    by_unit[{at, r.fund_year}].push_back(std::move(r));
  }
  auto to_inputs = [](const std::vector<FundReceipt>& rs) {
    std::vector<TimelinessReceipt> out;
    for (const FundReceipt& r : rs) out.push_back({r.receipt_id, r.date, r.amount});
    return out;
  };
  for (auto& [key, receipts] : by_unit) {
    const auto [unit, fund_year] = key;
    // Only receipts dated on or before the as-of date count; a unit with none is not reported.
    std::vector<TimelinessReceipt> inputs = to_inputs(receipts);
    std::erase_if(inputs, [as_of](const TimelinessReceipt& r) { return r.date > as_of; });
    if (inputs.empty()) continue;
    Date first = as_of;
    for (const TimelinessReceipt& r : inputs) first = std::min(first, r.date);
    const std::vector<std::string> chain = tree.CodesToRoot(unit);  // the limits' owners
    auto limit = [&policy, &chain](std::string_view policy_key) {
      return
          [&policy, &chain, policy_key](const ReceiptMeasure& m) { return policy.ValueIn(policy_key, chain, m.date); };
    };
    // Distribution: the subtree's central allocations to projects of the fund year, day by day.
    std::vector<OnwardMovement> to_projects;
    FenTotal previous;
    for (Date d = first.AddDays(-1); d <= as_of; d = d.AddDays(1)) {
      const FenTotal now = engine_->ComputeMoney(unit, fund_year, d, FundSource::kCentral).allocated_to_projects;
      if (now != previous) to_projects.push_back({d, now - previous});
      previous = now;
    }
    std::vector<ReceiptMeasure> distribution =
        MeasureTimeliness(inputs, std::move(to_projects), as_of, limit(PolicyKey::kDistributionTimelinessLimitDays));
    // Onward: the receipts of the unit's children (a county's are not measured).
    std::optional<std::vector<ReceiptMeasure>> allocation;
    if (tree.node(unit).region.level < RegionLevel::kCounty) {
      std::vector<OnwardMovement> onward;
      for (RegionIndex child : tree.node(unit).children) {
        auto it = by_unit.find({child, fund_year});
        if (it == by_unit.end()) continue;
        for (const FundReceipt& r : it->second) onward.push_back({r.date, FenTotal(r.amount)});
      }
      allocation =
          MeasureTimeliness(inputs, std::move(onward), as_of, limit(PolicyKey::kAllocationTimelinessLimitDays));
    }
    UnitTimeliness u;
    u.region = tree.node(unit).region;
    u.fund_year = fund_year;
    std::map<std::string, const FundReceipt*> by_id;
    for (const FundReceipt& r : receipts) by_id[r.receipt_id] = &r;
    for (std::size_t i = 0; i < distribution.size(); ++i) {
      ReceiptTimeliness t;
      t.receipt = *by_id.at(distribution[i].receipt_id);
      t.cumulative = distribution[i].cumulative;
      t.distribution = distribution[i];
      if (allocation) t.allocation = (*allocation)[i];  // same receipts, same order
      if (t.allocation && t.allocation->breach) ++u.late_allocation;
      if (t.distribution.breach) ++u.late_distribution;
      u.receipts.push_back(std::move(t));
    }
    report.units.push_back(std::move(u));
  }
  return report;
}

std::vector<FlagItem> TimelinessFlags(const TimelinessReport& report) {
  std::vector<FlagItem> out;
  for (const UnitTimeliness& u : report.units) {
    for (const ReceiptTimeliness& t : u.receipts) {
      auto add = [&](std::string_view kind, const ReceiptMeasure& m, const char* onward_to) {
        if (!m.breach) return;
        FlagItem item;
        item.region = u.region;
        Flag& f = item.flag;
        f.kind = std::string(kind);
        f.subject = t.receipt.receipt_id;
        f.region_code = u.region.code;
        f.fund_year = t.receipt.fund_year;
        f.fund_source = FundSource::kCentral;
        f.raised_on = t.receipt.date.AddDays(static_cast<int>(m.limit_days) + 1);  // the first day over the limit
        f.amount = t.receipt.amount;
        f.detail = "上级下达「" + t.receipt.receipt_id + "」（" + t.receipt.date.ToString() + "，" +
                   Yuan(t.receipt.amount) + "）" +
                   (m.done_on ? "于 " + m.done_on->ToString() + " 分配到" + onward_to + "，用时 " +
                                    std::to_string(m.days) + " 天"
                              : "截至 " + report.as_of.ToString() + " 尚未全部分配到" + onward_to + "，已 " +
                                    std::to_string(m.days) + " 天") +
                   "，超过时限 " + std::to_string(m.limit_days) + " 天";
        item.timeliness = m;
        out.push_back(std::move(item));
      };
      if (t.allocation) add(FlagKind::kLateAllocation, *t.allocation, "下级");
      add(FlagKind::kLateDistribution, t.distribution, "项目");
    }
  }
  return out;
}

}  // namespace xj
