// The demo's receipts from the superior (上级下达, docs/definitions.md §12), so that the 资金分配时效
// screen and its flags have something to show. The demo ledger arranges each fund year's central money
// to projects in a few batches (an advance in November, then March and September); every batch reached
// the county 12 days before it was arranged to projects, its prefecture 10 days before the counties and
// the region 3 days before the first prefecture — all within the 30-day limits. Two planted breaches
// in fund year 2023's March batch (arranged to projects on 2023-03-15):
// - 林芝市's counties received it 36 days early, on 2023-02-07 (林芝市 on 01-28, the region on 01-25):
//   late_distribution for each of those counties, and — the measure is of the whole subtree — for
//   林芝市 and the region, whose money reached projects only on 03-15;
// - 阿里地区 received it on time (2023-02-21) but passed it on to its counties only on 2023-03-27, 34
//   days later (late_allocation); its projects had been arranged in advance, so no distribution breach.
// Only allocations that name a project make a batch (money kept at a county is not in the demo).
// Amounts are the batch's own allocations, so each receipt is covered in full. Deterministic.
#include <map>
#include <set>

#include "app/app.hpp"
#include "app/timeliness.hpp"

namespace xj {
namespace {

constexpr int kCountyLeadDays = 12;
constexpr int kPrefectureLeadDays = 10;
constexpr int kRegionLeadDays = 3;
/// The planted breaches (fund year 2023, its 2023-03-15 batch).
constexpr const char* kEarlyPrefecture = "540400";  // 林芝市: its counties receive 36 days early
constexpr const char* kSlowPrefecture = "542500";   // 阿里地区: passes on 34 days after receiving
constexpr int kEarlyCountyLeadDays = 36;
constexpr int kSlowOnwardDays = 34;

std::string DocNumber(const std::string& issuer, Date on, int number) {
  return issuer + "〔" + std::to_string(on.year()) + "〕" + std::to_string(number) + "号";
}

}  // namespace

Status App::LoadDemoReceipts() {
  auto tree = regions();
  // (fund year, batch date) → county index → the central money arranged to its projects that day.
  std::map<std::pair<int, Date>, std::map<RegionIndex, Fen>> batches;
  XJ_RETURN_IF_ERROR(store_->ScanLedger([&](const StoredEntry& se) {
    const LedgerEntry& e = se.entry;
    if (e.kind != EntryKind::kAllocate || e.fund_source != FundSource::kCentral || e.project_code.empty()) return;
    const RegionIndex at = tree->Find(e.region_code);
    const RegionIndex county = at == kNoRegion ? kNoRegion : tree->AncestorAtLevel(at, RegionLevel::kCounty);
    if (county == kNoRegion) return;
    Fen& sum = batches[{e.fund_year, e.date}][county];
    sum = sum + e.amount;
  }));

  std::vector<FundReceipt> receipts;
  std::map<int, int> batch_of_year;  // fund year → batches seen so far
  for (const auto& [key, counties] : batches) {
    const auto& [year, arranged_on] = key;
    const int batch = ++batch_of_year[year];
    const bool planted = year == 2023 && arranged_on == Date::FromYmd(2023, 3, 15);
    const std::string note = arranged_on.year() < year ? "提前下达" : "第" + std::to_string(batch) + "批";
    const Date usual = arranged_on.AddDays(-kCountyLeadDays);
    auto planted_at = [&](RegionIndex prefecture, const char* code) {
      return planted && tree->node(prefecture).region.code == code;
    };
    // prefecture index → its counties' receipts
    std::map<RegionIndex, std::vector<FundReceipt>> by_prefecture;
    for (const auto& [county, amount] : counties) {
      if (amount.value() <= 0) continue;
      const RegionIndex prefecture = tree->AncestorAtLevel(county, RegionLevel::kPrefecture);
      if (prefecture == kNoRegion) continue;
      Date on = usual;
      if (planted_at(prefecture, kEarlyPrefecture)) on = arranged_on.AddDays(-kEarlyCountyLeadDays);
      if (planted_at(prefecture, kSlowPrefecture)) on = usual.AddDays(-kPrefectureLeadDays + kSlowOnwardDays);
      const std::string issuer = tree->node(prefecture).region.name + "财农";
      by_prefecture[prefecture].push_back(
          {DocNumber(issuer, on, 10 + batch), tree->node(county).region.code, year, on, amount, note});
    }
    std::optional<Date> first_prefecture;
    std::vector<FundReceipt> prefectures;
    RegionIndex region = kNoRegion;
    for (const auto& [prefecture, list] : by_prefecture) {
      Date earliest = usual;
      Fen total;
      for (const FundReceipt& r : list) {
        earliest = std::min(earliest, r.date);
        total = total + r.amount;
      }
      const Date on = earliest.AddDays(-kPrefectureLeadDays);
      if (!first_prefecture || on < *first_prefecture) first_prefecture = on;
      prefectures.push_back({"", tree->node(prefecture).region.code, year, on, total, note});
      receipts.insert(receipts.end(), list.begin(), list.end());
      region = tree->node(prefecture).parent;
    }
    if (!first_prefecture || region == kNoRegion) continue;
    const Date region_on = first_prefecture->AddDays(-kRegionLeadDays);
    Fen region_total;
    // The region's finance department allocates to every prefecture under one number.
    const std::string doc = DocNumber("藏财农", *first_prefecture, 20 + batch);
    for (FundReceipt& r : prefectures) {
      r.receipt_id = doc;
      region_total = region_total + r.amount;
      receipts.push_back(std::move(r));
    }
    receipts.push_back({DocNumber("财农", region_on, 100 + batch), tree->node(region).region.code, year, region_on,
                        region_total, note});
  }
  if (receipts.empty()) return Status::Ok();
  return RecordFundReceipts(Actor::System(), receipts).status();
}

}  // namespace xj
