// The demo's lasting-benefit data (issue #20 point 7): Xizang's asset register — 70.9 billion yuan,
// every asset registered (确权 100%) — and the work relief of the first half of 2023: 26,887
// persons (the article's "27,000") paid 135,000,000 yuan, 5,021 yuan per person (13,500,000,000
// fen ÷ 26,887 = 502,101.3 fen). Deterministic: the same database every time.
#include <algorithm>
#include <array>
#include <cstdio>
#include <set>

#include "app/app.hpp"

namespace xj {
namespace {

constexpr std::int64_t kAssetsTotalFen = 7'090'000'000'000;  // 709 亿元
constexpr int kAssetsPerCounty = 10;
constexpr std::int64_t kPersons = 26'887;
constexpr std::int64_t kWagesFen = 13'500'000'000;  // 1.35 亿元
constexpr int kTwoProjectsEvery = 20;               // one person in 20 works on a second project of the county

/// A small deterministic generator (the demo's own, independent of the project generator).
class Lcg {
 public:
  explicit Lcg(std::uint64_t seed) : state_(seed) {}
  std::uint64_t Next() {
    state_ = state_ * 6364136223846793005ULL + 1442695040888963407ULL;
    return state_ >> 33;
  }
  int Between(int lo, int hi) { return lo + static_cast<int>(Next() % static_cast<std::uint64_t>(hi - lo + 1)); }

 private:
  std::uint64_t state_;
};

/// A resident ID number of GB 11643 with its check digit: region (6) + birth date (8) + sequence (3).
std::string IdNumberOf(const std::string& region6, Date birth, int sequence) {
  const std::string d = birth.ToString();  // YYYY-MM-DD
  char seq[4];
  std::snprintf(seq, sizeof seq, "%03d", sequence % 1000);
  std::string id = region6 + d.substr(0, 4) + d.substr(5, 2) + d.substr(8, 2) + seq;
  static constexpr std::array<int, 17> kWeights = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
  static constexpr char kCheck[] = "10X98765432";
  int sum = 0;
  for (std::size_t i = 0; i < kWeights.size(); ++i) sum += (id[i] - '0') * kWeights[i];
  id.push_back(kCheck[sum % 11]);
  return id;
}

constexpr std::array<const char*, 16> kCustodianGivenNames = {"扎西", "卓玛", "次仁", "央金", "拉巴", "格桑",
                                                              "达瓦", "尼玛", "旦增", "普布", "索朗", "平措",
                                                              "德吉", "白玛", "边巴", "顿珠"};

struct AssetKind {
  const char* name;
  AssetType type;
  OwnerLevel level;
};
constexpr std::array<AssetKind, kAssetsPerCounty> kAssetKinds = {{
    {"光伏扶贫电站", AssetType::kOperating, OwnerLevel::kVillage},
    {"牦牛养殖基地", AssetType::kOperating, OwnerLevel::kVillage},
    {"蔬菜温室大棚", AssetType::kOperating, OwnerLevel::kVillage},
    {"农畜产品加工厂房", AssetType::kOperating, OwnerLevel::kCounty},
    {"通村道路", AssetType::kPublicWelfare, OwnerLevel::kCounty},
    {"农村饮水工程", AssetType::kPublicWelfare, OwnerLevel::kVillage},
    {"村级综合服务中心", AssetType::kPublicWelfare, OwnerLevel::kVillage},
    {"小型水利设施", AssetType::kPublicWelfare, OwnerLevel::kTownship},
    {"到户牲畜棚圈", AssetType::kHousehold, OwnerLevel::kHousehold},
    {"到户农机具", AssetType::kHousehold, OwnerLevel::kHousehold},
}};

}  // namespace

Status App::LoadDemoLastingBenefit() {
  // REQUIRES: the demo's regions and projects are stored.
  auto tree = regions();
  std::vector<RegionIndex> counties;
  for (RegionIndex i = 0; i < static_cast<RegionIndex>(tree->size()); ++i) {
    if (tree->node(i).region.level == RegionLevel::kCounty) counties.push_back(i);
  }
  if (counties.empty()) return Status::Ok();
  const std::string at = Now();
  Lcg rng(20230705);

  // --- the asset register: kAssetsPerCounty assets a county, weights 1–9, the total exact ---
  std::vector<Asset> assets;
  std::vector<std::int64_t> weights;
  for (std::size_t c = 0; c < counties.size(); ++c) {
    for (int k = 0; k < kAssetsPerCounty; ++k) weights.push_back(rng.Between(1, 9));
  }
  std::int64_t weight_sum = 0;
  for (std::int64_t w : weights) weight_sum += w;
  std::int64_t assigned = 0;
  for (std::size_t c = 0; c < counties.size(); ++c) {
    const Region& county = tree->node(counties[c]).region;
    for (int k = 0; k < kAssetsPerCounty; ++k) {
      const std::size_t n = c * kAssetsPerCounty + static_cast<std::size_t>(k);
      const bool last = n + 1 == weights.size();
      // Whole yuan per asset; the last takes what is left so the sum is exact.
      std::int64_t value = last ? kAssetsTotalFen - assigned : kAssetsTotalFen / weight_sum * weights[n] / 100 * 100;
      assigned += value;
      const AssetKind& kind = kAssetKinds[static_cast<std::size_t>(k)];
      Asset a;
      a.asset_code = "ZC" + county.code + "-" + std::to_string(k + 1);
      a.name = county.name + kind.name;
      a.region_code = county.code;
      a.type = kind.type;
      a.owner_level = kind.level;
      a.owner = kind.level == OwnerLevel::kHousehold ? "受益农户" : county.name;
      a.original_value = Fen(value);
      a.current_value = Fen(value / 100 * 92);
      a.location = county.name;
      a.operator_name = kind.type == AssetType::kOperating ? county.name + "村集体经济合作社" : "";
      a.custodian = std::string(kCustodianGivenNames[static_cast<std::size_t>(rng.Between(0, 15))]) + "（管护员）";
      a.fund_sources = "中央衔接资金";
      a.registered = true;
      a.registered_on = Date::FromYmd(2022, 12, 31).AddDays(-rng.Between(0, 300));
      assets.push_back(std::move(a));
    }
  }

  // --- work relief: the 2023 work-relief projects started by 2023-06-30, persons spread over them
  //     by central funds; each person paid twice (04-28, 06-28), the total exact ---
  const Date h1_end = Date::FromYmd(2023, 6, 30);
  std::vector<Project> projects;
  XJ_RETURN_IF_ERROR(store_->ScanProjects([&](const Project& p) {
    if (p.year == 2023 && p.work_relief && p.actual_start && *p.actual_start <= h1_end && p.central_fund > Fen()) {
      projects.push_back(p);
    }
  }));
  std::sort(projects.begin(), projects.end(),
            [](const Project& a, const Project& b) { return a.project_code < b.project_code; });
  std::vector<StoredReliefWorker> workers;
  std::vector<StoredWage> wages;
  // Without a data key (an App of a test that gave none) the demo has no personal data to encrypt.
  if (!projects.empty() && !options_.data_key_file.empty()) {
    XJ_ASSIGN_OR_RETURN(crypto::DataKeys keys, PersonalDataKeys());
    std::int64_t central_sum = 0;
    for (const Project& p : projects) central_sum += p.central_fund.value();
    // Persons per project, by central funds; the remainder to the first projects.
    std::vector<std::int64_t> persons_of(projects.size());
    std::int64_t given = 0;
    for (std::size_t i = 0; i < projects.size(); ++i) {
      persons_of[i] = kPersons * projects[i].central_fund.value() / central_sum;
      given += persons_of[i];
    }
    for (std::size_t i = 0; given < kPersons; i = (i + 1) % projects.size(), ++given) ++persons_of[i];
    const std::int64_t per_person = kWagesFen / kPersons;  // 502,101 fen; the remainder to the last
    std::int64_t paid = 0, person_no = 0;
    std::set<std::string> used_ids;
    const Date first_pay = Date::FromYmd(2023, 4, 28), second_pay = Date::FromYmd(2023, 6, 28);
    for (std::size_t i = 0; i < projects.size(); ++i) {
      const Project& p = projects[i];
      const std::string region6 = p.region_code.substr(0, 6);
      // Another work-relief project of the same county, for the persons working on two.
      const Project* second = nullptr;
      for (const Project& q : projects) {
        if (&q != &p && q.region_code.substr(0, 6) == region6) second = &q;
      }
      for (std::int64_t k = 0; k < persons_of[i]; ++k, ++person_no) {
        std::string id;
        do {
          id = IdNumberOf(region6, Date::FromYmd(1965, 1, 1).AddDays(rng.Between(0, 13'000)), rng.Between(0, 999));
        } while (!used_ids.insert(id).second);
        const std::string index = crypto::BlindIndex(keys, id);
        const int roll = rng.Between(1, 100);
        StoredReliefWorker w;
        w.project_code = p.project_code;
        w.region_code = p.region_code;
        w.person_index = index;
        w.id_cipher = crypto::EncryptField(keys, id);
        w.phone_cipher = crypto::EncryptField(keys, "139" + std::to_string(10'000'000 + rng.Between(0, 89'999'999)));
        w.name = std::string(kCustodianGivenNames[static_cast<std::size_t>(rng.Between(0, 15))]) +
                 kCustodianGivenNames[static_cast<std::size_t>(rng.Between(0, 15))];
        w.household_status = roll <= 55   ? HouseholdStatus::kLifted
                             : roll <= 65 ? HouseholdStatus::kMonitored
                                          : HouseholdStatus::kOrdinary;
        w.relocated = rng.Between(1, 100) <= 12;
        w.village = tree->node(tree->Find(p.region_code)).region.name;
        w.team = rng.Between(1, 100) <= 40 ? w.village + "农牧民施工队" : "";
        const bool last_person = person_no + 1 == kPersons;
        const std::int64_t total = last_person ? kWagesFen - paid : per_person;
        paid += total;
        const std::int64_t first_part = total / 2;
        const bool two_projects = second && person_no % kTwoProjectsEvery == 0;
        StoredWage a;
        a.fact = {p.project_code, p.region_code, index, first_pay, first_part, 10};
        StoredWage b;
        b.fact = {two_projects ? second->project_code : p.project_code,
                  two_projects ? second->region_code : p.region_code,
                  index,
                  second_pay,
                  total - first_part,
                  10};
        if (two_projects) {
          StoredReliefWorker again = w;
          again.project_code = second->project_code;
          again.region_code = second->region_code;
          again.id_cipher = crypto::EncryptField(keys, id);
          workers.push_back(std::move(again));
        }
        workers.push_back(std::move(w));
        wages.push_back(std::move(a));
        wages.push_back(std::move(b));
      }
    }
  }
  std::lock_guard write(write_mu_);
  return store_->Transact([&]() -> Status {
    XJ_RETURN_IF_ERROR(store_->UpsertAssets(assets, at));
    XJ_RETURN_IF_ERROR(store_->UpsertReliefWorkers(workers, at));
    return store_->UpsertReliefWages(wages, at);
  });
}

}  // namespace xj
