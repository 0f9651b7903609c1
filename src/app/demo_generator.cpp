#include "app/demo_generator.hpp"

#include <algorithm>
#include <array>
#include <map>
#include <optional>
#include <unordered_map>

#include "core/int128.hpp"
#include "core/ratio.hpp"

namespace xj {
namespace {

constexpr std::int64_t kFenPerWan = 1'000'000;  // 1 万元
constexpr std::int64_t kBp = 10'000;
constexpr int kTownshipsPerCounty = 5;
constexpr int kVillagesPerTownship = 4;

/// splitmix64: small, fast and the same everywhere.
class Rng {
 public:
  explicit Rng(std::uint64_t seed) : s_(seed) {}
  std::uint64_t Next() {
    std::uint64_t z = (s_ += 0x9E3779B97F4A7C15ULL);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    return z ^ (z >> 31);
  }
  /// Uniform in [lo, hi].
  std::int64_t Between(std::int64_t lo, std::int64_t hi) {
    return lo + static_cast<std::int64_t>(Next() % static_cast<std::uint64_t>(hi - lo + 1));
  }
  bool Chance(int percent) { return Between(1, 100) <= percent; }
  template <typename T>
  const T& Pick(const std::vector<T>& v) {
    return v[static_cast<std::size_t>(Between(0, static_cast<std::int64_t>(v.size()) - 1))];
  }

 private:
  std::uint64_t s_;
};

const std::vector<std::string> kSyllables = {
    "扎西", "德吉", "曲水", "达孜", "甲玛", "嘎东", "纳木", "唐古", "羊八", "帕古", "卡若", "俄杰", "江热", "白朗",
    "拉孜", "萨嘎", "措美", "米堆", "雪村", "嘎玛", "吉塘", "色麦", "岗巴", "普兰", "热振", "贡嘎", "林卡", "觉木",
    "桑日", "强钦", "旁多", "堆龙", "乃琼", "柳梧", "蔡公", "协荣", "聂当", "昌果", "章达", "荣玛", "洛隆", "巴嘎"};
const std::vector<std::string> kPeople = {"扎西次仁", "次仁卓玛", "格桑旺堆", "尼玛顿珠", "达瓦央宗", "平措朗杰",
                                          "白玛曲珍", "旦增罗布", "拉巴次仁", "德吉央金", "索朗多吉", "普布仓决",
                                          "边巴扎西", "央金拉姆", "次旦多吉", "米玛卓嘎"};
const std::vector<std::string> kContractors = {"西藏高原建设工程有限公司", "西藏雪域路桥工程有限公司",
                                               "拉萨城投建筑安装有限公司", "西藏天路股份有限公司",
                                               "西藏藏建农牧开发有限公司", "西藏圣地水利水电工程有限公司"};

struct ProjectKind {
  std::string code;
  std::string subcategory;
  std::string name;  // {v}: village or township, {c}: county
  int weight;        // how often
  int fund_weight;   // relative size
  bool construction;
};

const std::vector<ProjectKind> kDemoKinds = {
    {"0101", "生产项目", "{v}牦牛养殖基地建设项目", 9, 8, false},
    {"0101", "生产项目", "{v}青稞种植基地提质增效项目", 7, 6, false},
    {"0101", "生产项目", "{v}设施温室大棚建设项目", 6, 7, true},
    {"0102", "加工流通项目", "{c}农畜产品加工厂建设项目", 3, 10, true},
    {"0102", "加工流通项目", "{c}冷链物流中心建设项目", 2, 9, true},
    {"0103", "配套设施项目", "{v}产业路建设项目", 6, 6, true},
    {"0103", "配套设施项目", "{v}农田灌溉水渠改造项目", 5, 5, true},
    {"0104", "产业服务支撑项目", "{c}农牧业社会化服务中心项目", 2, 4, false},
    {"0201", "务工补助", "{c}脱贫劳动力外出务工交通补助项目", 3, 2, false},
    {"0203", "公益性岗位", "{v}生态护林员公益性岗位项目", 4, 2, false},
    {"0301", "农村基础设施（道路、供水、电力、清洁能源、数字乡村、村级综合服务设施）", "{v}村内道路硬化项目", 6, 5,
     true},
    {"0301", "农村基础设施（道路、供水、电力、清洁能源、数字乡村、村级综合服务设施）", "{v}安全饮水巩固提升工程", 4, 4,
     true},
    {"0302", "人居环境整治（卫生厕所、污水、垃圾、村容村貌）", "{v}人居环境整治项目", 4, 3, true},
    {"0402", "搬迁群众就业帮扶（含跨区域就业交通补助）", "{c}易地搬迁安置点就业帮扶车间项目", 2, 4, true},
    {"0502", "教育（雨露计划等）", "{c}雨露计划职业教育补助项目", 2, 2, false},
    {"0701", "项目管理费", "{c}衔接资金项目管理费", 1, 1, false},
};

std::string Replace(std::string s, const std::string& key, const std::string& value) {
  for (std::size_t p = s.find(key); p != std::string::npos; p = s.find(key, p + value.size())) {
    s.replace(p, key.size(), value);
  }
  return s;
}

std::string Pad(std::int64_t n, int width) {
  std::string s = std::to_string(n);
  return std::string(static_cast<std::size_t>(std::max(0, width - static_cast<int>(s.size()))), '0') + s;
}

Date RandomDate(Rng& rng, Date from, Date to) {
  return Date::FromDays(static_cast<std::int32_t>(rng.Between(from.days(), to.days())));
}

/// Splits `total` into `n` parts proportional to `weights` (integers, exact sum).
std::vector<std::int64_t> Proportional(std::int64_t total, const std::vector<std::int64_t>& weights) {
  std::int64_t sum = 0;
  for (auto w : weights) sum += w;
  std::vector<std::int64_t> out(weights.size());
  std::int64_t given = 0;
  for (std::size_t i = 0; i < weights.size(); ++i) {
    out[i] = static_cast<std::int64_t>(static_cast<Int128>(total) * weights[i] / sum);
    given += out[i];
  }
  if (!out.empty()) out[0] += total - given;
  return out;
}

struct CountyPlan {
  std::int64_t allocated_wan = 0;  // central allocation dated on or before the as-of date, 万元
  std::int64_t expend_fen = 0;     // central expenditure on or before the as-of date
  int projects = 0;
  int not_started = 0;
  int cancelled = 0;
};

}  // namespace

DemoOptions XizangDemoOptions() {
  DemoOptions o;
  // 2023: 3890 / 3900 = 99.7436% → 99.74; 2022: 2896 / 3500 = 82.7429% → 82.74; difference 17.0007 → +17.00.
  // Central progress 54.41% (2023) and 21.41% (2022) exactly → +33.00. 2021 (for the wall chart's
  // best earlier year): 2480 / 3100 = 80.00%, progress 18.50%.
  // 2021 draws from its own seed, so the 2022 and 2023 data are exactly what they were before it was added.
  o.years = {{2021, 3100, 2480, 5, 1850, 7, 5, 20210705},
             {2022, 3500, 2896, 8, 2141, 7, 5, 0},
             {2023, 3900, 3890, 12, 5441, 7, 5, 0}};
  o.expend_pieces = 3;
  return o;
}

std::vector<Benchmark> DemoBenchmarks() {
  // Month-end national averages in bp, January … December; each earlier year a little lower.
  constexpr std::array<std::int32_t, 12> kStart = {500,  1200, 3000, 5500, 7200, 8400,
                                                   9000, 9300, 9500, 9600, 9700, 9750};
  constexpr std::array<std::int32_t, 12> kExpend = {200,  500,  1000, 1800, 2700, 3600,
                                                    4500, 5300, 6200, 7200, 8200, 9500};
  std::vector<Benchmark> out;
  for (int year = 2021; year <= 2023; ++year) {
    const std::int32_t lower = (2023 - year) * 200;
    for (int m = 1; m <= 12; ++m) {
      const Date end = Date::FromYmd(year, m, Date::DaysInMonth(year, m));
      const auto i = static_cast<std::size_t>(m - 1);
      out.push_back({BenchmarkIndicator::kStartRate, end, std::max(0, kStart[i] - lower)});
      out.push_back({BenchmarkIndicator::kExpendProgress, end, std::max(0, kExpend[i] - lower)});
    }
  }
  return out;
}

DemoOptions NationalDemoOptions() {
  DemoOptions o;
  o.years = {{2022, 500'000, 413'000, 1'000, 2141, 7, 5, 0}, {2023, 500'000, 498'700, 1'500, 5441, 7, 5, 0}};
  o.expend_pieces = 30;
  return o;
}

std::vector<Region> NationalDemoRegions(std::uint64_t seed) {
  static const std::vector<std::pair<std::string, std::string>> kProvinces = {
      {"110000", "北京市"},          {"120000", "天津市"},         {"130000", "河北省"},
      {"140000", "山西省"},          {"150000", "内蒙古自治区"},   {"210000", "辽宁省"},
      {"220000", "吉林省"},          {"230000", "黑龙江省"},       {"310000", "上海市"},
      {"320000", "江苏省"},          {"330000", "浙江省"},         {"340000", "安徽省"},
      {"350000", "福建省"},          {"360000", "江西省"},         {"370000", "山东省"},
      {"410000", "河南省"},          {"420000", "湖北省"},         {"430000", "湖南省"},
      {"440000", "广东省"},          {"450000", "广西壮族自治区"}, {"460000", "海南省"},
      {"500000", "重庆市"},          {"510000", "四川省"},         {"520000", "贵州省"},
      {"530000", "云南省"},          {"540000", "西藏自治区"},     {"610000", "陕西省"},
      {"620000", "甘肃省"},          {"630000", "青海省"},         {"640000", "宁夏回族自治区"},
      {"650000", "新疆维吾尔自治区"}};
  Rng rng(seed);
  std::vector<Region> out;
  // 341 prefectures and 2,850 counties in all: 11 prefectures per province (10 for the last 5),
  // 8 or 9 counties per prefecture, 13–14 townships per county, 12–14 villages per township.
  int prefecture_total = 0, county_total = 0;
  for (std::size_t p = 0; p < kProvinces.size(); ++p) {
    const auto& [pcode, pname] = kProvinces[p];
    out.push_back({pcode, pname, RegionLevel::kProvince, "", false, ""});
    const int prefectures = p < 26 ? 11 : 11 - 1;
    for (int f = 1; f <= prefectures; ++f) {
      ++prefecture_total;
      const std::string fcode = pcode.substr(0, 2) + Pad(f, 2) + "00";
      out.push_back({fcode, rng.Pick(kSyllables) + "市", RegionLevel::kPrefecture, pcode, false, ""});
      const int counties = prefecture_total <= 120 ? 9 : 8;
      for (int c = 1; c <= counties && county_total < 2850; ++c) {
        ++county_total;
        const std::string ccode = fcode.substr(0, 4) + Pad(c, 2);
        out.push_back(
            {ccode, rng.Pick(kSyllables) + (c % 3 == 0 ? "区" : "县"), RegionLevel::kCounty, fcode, false, ""});
        const int townships = county_total % 3 == 0 ? 14 : 13;
        for (int t = 1; t <= townships; ++t) {
          const std::string tcode = ccode + Pad(t, 3);
          out.push_back(
              {tcode, rng.Pick(kSyllables) + (t % 2 ? "乡" : "镇"), RegionLevel::kTownship, ccode, t == 1, ""});
          const int villages = 12 + static_cast<int>(rng.Between(0, 2));
          for (int v = 1; v <= villages; ++v) {
            out.push_back({tcode + Pad(v, 3), rng.Pick(kSyllables) + "村", RegionLevel::kVillage, tcode, false, ""});
          }
        }
      }
    }
  }
  return out;
}

DemoGenerator::DemoGenerator(DemoOptions options, std::vector<Region> regions)
    : options_(std::move(options)), regions_(std::move(regions)) {}

std::vector<Region> DemoGenerator::ExtraRegions() {
  std::unordered_map<std::string, int> child_count;
  for (const Region& r : regions_) child_count[r.parent_code]++;
  std::vector<Region> extra;
  Rng rng(options_.seed ^ 0x5EED);
  for (const Region& r : regions_) {
    if (r.level != RegionLevel::kCounty || child_count[r.code] > 0) continue;
    for (int t = 1; t <= kTownshipsPerCounty; ++t) {
      const std::string tcode = r.code + Pad(t, 3);
      extra.push_back({tcode, kSyllables[static_cast<std::size_t>(rng.Between(0, 41))] + (t == 1 ? "镇" : "乡"),
                       RegionLevel::kTownship, r.code, t == 1, ""});
      for (int v = 1; v <= kVillagesPerTownship; ++v) {
        extra.push_back({tcode + Pad(v, 3), kSyllables[static_cast<std::size_t>(rng.Between(0, 41))] + "村",
                         RegionLevel::kVillage, tcode, false, ""});
      }
    }
  }
  regions_.insert(regions_.end(), extra.begin(), extra.end());
  return extra;
}

Status DemoGenerator::Generate(const std::function<Status(DemoChunk&&)>& sink) {
  std::vector<const Region*> counties;
  std::unordered_map<std::string, std::vector<const Region*>> children;
  std::unordered_map<std::string, const Region*> by_code;
  for (const Region& r : regions_) {
    by_code[r.code] = &r;
    children[r.parent_code].push_back(&r);
    if (r.level == RegionLevel::kCounty) counties.push_back(&r);
  }
  std::sort(counties.begin(), counties.end(), [](const Region* a, const Region* b) { return a->code < b->code; });
  if (counties.empty()) return Status::InvalidArgument("演示数据需要县级区划");
  const auto n_counties = static_cast<std::int64_t>(counties.size());
  Rng plan_rng(options_.seed);

  // --- plan: per county and year, amounts and counts that add up exactly ---
  std::map<int, std::vector<CountyPlan>> plans;
  for (const DemoYearTarget& t : options_.years) {
    // A year with its own seed draws from its own stream: adding it leaves the others' data as it was.
    Rng own_plan_rng(t.seed);
    Rng& prng = t.seed ? own_plan_rng : plan_rng;
    std::vector<CountyPlan>& plan = plans[t.year];
    plan.resize(counties.size());
    std::int64_t allocated_fen = 0;
    for (std::int64_t c = 0; c < n_counties; ++c) {
      CountyPlan& p = plan[static_cast<std::size_t>(c)];
      p.projects = static_cast<int>(t.projects / n_counties + (c < t.projects % n_counties ? 1 : 0));
      p.cancelled = static_cast<int>(t.cancelled / n_counties + (c < t.cancelled % n_counties ? 1 : 0));
      p.allocated_wan = prng.Between(3000, 12000) * std::max<std::int64_t>(1, p.projects / 50);
      allocated_fen += p.allocated_wan * kFenPerWan;
    }
    // Not-started projects go to counties chosen at random (never more than half a county).
    for (int left = t.projects - t.started; left > 0;) {
      CountyPlan& p = plan[static_cast<std::size_t>(prng.Between(0, n_counties - 1))];
      if (p.not_started * 2 < p.projects) {
        ++p.not_started;
        --left;
      }
    }
    // Expenditure: random per county around the target, then corrected to hit it exactly.
    const std::int64_t target = allocated_fen / kBp * t.progress_bp;  // exact: allocations are whole 万元
    const std::int64_t mean_bp = t.progress_bp;
    std::int64_t spent = 0;
    for (CountyPlan& p : plan) {
      const std::int64_t bp = std::clamp<std::int64_t>(mean_bp + prng.Between(-2500, 2500), 500, 8500);
      p.expend_fen = p.allocated_wan * kFenPerWan / kBp * bp;
      spent += p.expend_fen;
    }
    for (int pass = 0; spent != target && pass < 100; ++pass) {
      for (std::size_t c = 0; c < plan.size() && spent != target; ++c) {
        CountyPlan& p = plan[c];
        const std::int64_t lo = p.allocated_wan * kFenPerWan / 20, hi = p.allocated_wan * kFenPerWan * 85 / 100;
        const std::int64_t share = (target - spent) / static_cast<std::int64_t>(plan.size() - c);
        const std::int64_t want = share == 0 ? target - spent : share;
        const std::int64_t next = std::clamp(p.expend_fen + want, lo, hi);
        spent += next - p.expend_fen;
        p.expend_fen = next;
      }
    }
    if (spent != target) return Status::Internal("演示数据无法达到目标支出进度");
  }

  // --- per county: projects, ledger, contracts, progress ---
  std::int64_t entry_seq = 0;
  std::map<int, std::int64_t> own_entry_seq;  // the years with their own seed number their entries apart
  for (std::size_t ci = 0; ci < counties.size(); ++ci) {
    const Region& county = *counties[ci];
    Rng shared_rng(options_.seed * 1000003 + ci);
    std::vector<const Region*> places;  // townships and villages of the county
    for (const Region* t : children[county.code]) {
      places.push_back(t);
      for (const Region* v : children[t->code]) places.push_back(v);
    }
    DemoChunk chunk;
    // Entries of a year with its own seed (and the spending carried from it) are numbered "…H<n>".
    const DemoYearTarget* numbering = nullptr;
    auto entry_id = [&](int year) {
      if (numbering && numbering->seed) {
        return "PZ" + std::to_string(year) + county.code + "H" + Pad(++own_entry_seq[numbering->year], 7);
      }
      return "PZ" + std::to_string(year) + county.code + Pad(++entry_seq, 8);
    };
    auto add_entry = [&](LedgerEntry e, EffectiveEntry effect) {
      chunk.entries.push_back(StoredEntry{std::move(e), 0, effect});
    };
    // Projects of the previous year, for carried-over spending, drawn from that year's stream.
    std::vector<std::size_t> previous_year;  // indices: chunk.projects grows
    const DemoYearTarget* previous_target = nullptr;
    std::optional<Rng> previous_own_rng;

    for (const DemoYearTarget& t : options_.years) {
      Rng own_rng(t.seed * 1000003 + ci);
      Rng& rng = t.seed ? own_rng : shared_rng;
      numbering = &t;
      const CountyPlan& plan = plans[t.year][ci];
      const Date as_of = Date::FromYmd(t.year, t.month, t.day);
      const Date year_start = Date::FromYmd(t.year, 1, 1);
      const Date year_end = Date::FromYmd(t.year, 12, 31);
      const std::size_t first = chunk.projects.size();

      // Projects with weights for their share of the central fund.
      std::vector<std::int64_t> weights;
      std::vector<const ProjectKind*> kinds;
      int kind_total = 0;
      for (const auto& k : kDemoKinds) kind_total += k.weight;
      for (int i = 0; i < plan.projects + plan.cancelled; ++i) {
        int pick = static_cast<int>(rng.Between(1, kind_total));
        const ProjectKind* kind = &kDemoKinds.front();
        for (const auto& k : kDemoKinds) {
          if ((pick -= k.weight) <= 0) {
            kind = &k;
            break;
          }
        }
        kinds.push_back(kind);
        weights.push_back(kind->fund_weight * rng.Between(5, 15));
      }
      const std::int64_t arranged_wan = plan.allocated_wan * 9 / 10;
      std::vector<std::int64_t> project_wan(weights.size(), 0);
      {
        std::vector<std::int64_t> active(weights.begin(), weights.begin() + plan.projects);
        auto shares = Proportional(arranged_wan, active);
        std::copy(shares.begin(), shares.end(), project_wan.begin());
      }
      for (int i = 0; i < plan.projects + plan.cancelled; ++i) {
        const ProjectKind& kind = *kinds[static_cast<std::size_t>(i)];
        const Region* place = places.empty() ? &county : rng.Pick(places);
        if (rng.Chance(10)) place = &county;
        const Region* township = place->level == RegionLevel::kVillage ? by_code[place->parent_code] : place;
        std::string where = county.name;
        if (place != &county) where += (township != place ? township->name : "") + place->name;
        Project p;
        p.project_code = "XZ" + std::to_string(t.year) + county.code + Pad(i + 1, 4);
        p.name = Replace(Replace(kind.name, "{v}", where), "{c}", county.name);
        p.year = t.year;
        p.region_code = place->code;
        p.category = kind.code;
        p.subcategory = kind.subcategory;
        p.central_fund = Fen(project_wan[static_cast<std::size_t>(i)] * kFenPerWan);
        p.other_fund = Fen(rng.Chance(30) ? p.central_fund.value() / 5 / kFenPerWan * kFenPerWan : 0);
        p.total_investment = p.central_fund + p.other_fund;
        p.planned_start = RandomDate(rng, year_start.AddDays(59), year_start.AddDays(120));
        p.planned_finish = Date::FromYmd(t.year, 11, 30);
        p.responsible_person = rng.Pick(kPeople);
        p.gov_infrastructure = kind.construction;
        p.low_skill = kind.construction && rng.Chance(60);
        p.work_relief = p.low_skill && rng.Chance(50);
        const bool cancelled = i >= plan.projects;
        const bool started_by_as_of = i < plan.projects - plan.not_started;
        if (cancelled) {
          p.status = ProjectState::kCancelled;
        } else if (started_by_as_of) {
          p.actual_start = RandomDate(rng, year_start.AddDays(45), as_of);
          p.status = ProjectState::kStarted;
          if (rng.Chance(25)) {
            p.actual_finish = RandomDate(rng, *p.actual_start, as_of);
            p.status = ProjectState::kFinished;
          }
        } else if (t.year < options_.years.back().year) {
          p.actual_start = RandomDate(rng, as_of.AddDays(1), year_end.AddDays(-40));  // started late
          p.status = ProjectState::kStarted;
        } else {
          p.status = ProjectState::kApproved;  // funds arranged, not yet started
        }
        chunk.projects.push_back(std::move(p));
      }

      // Central allocations: to projects (most), unassigned, and one late top-up.
      for (std::size_t i = first; i < first + static_cast<std::size_t>(plan.projects); ++i) {
        const Project& p = chunk.projects[i];
        if (p.central_fund.value() == 0) continue;
        LedgerEntry e;
        e.entry_id = entry_id(t.year);
        e.date = rng.Chance(60) ? Date::FromYmd(t.year - 1, 11, 20) : Date::FromYmd(t.year, 3, 15);
        e.kind = EntryKind::kAllocate;
        e.fund_source = FundSource::kCentral;
        e.fund_year = t.year;
        e.region_code = county.code;
        e.project_code = p.project_code;
        e.amount = p.central_fund;
        e.note = e.date.year() < t.year ? "提前下达" : "第二批下达";
        add_entry(e, {EntryKind::kAllocate, PayeeType::kNone, 1});
      }
      if (const std::int64_t rest = plan.allocated_wan - arranged_wan; rest > 0) {
        add_entry({entry_id(t.year), Date::FromYmd(t.year, 4, 10), EntryKind::kAllocate, FundSource::kCentral, t.year,
                   county.code, "", Fen(rest * kFenPerWan), "", PayeeType::kNone, "", "待分配到项目"},
                  {EntryKind::kAllocate, PayeeType::kNone, 1});
      }
      add_entry({entry_id(t.year), Date::FromYmd(t.year, 9, 20), EntryKind::kAllocate, FundSource::kCentral, t.year,
                 county.code, "", Fen(plan.allocated_wan / 20 * kFenPerWan + kFenPerWan), "", PayeeType::kNone, "",
                 "第三批下达（截至日后）"},
                {EntryKind::kAllocate, PayeeType::kNone, 1});

      // Central expenditure up to the as-of date: the county total, split by project weight.
      std::vector<std::int64_t> funded(static_cast<std::size_t>(plan.projects));
      for (int i = 0; i < plan.projects; ++i)
        funded[static_cast<std::size_t>(i)] = std::max<std::int64_t>(1, project_wan[static_cast<std::size_t>(i)]);
      const auto spend = Proportional(plan.expend_fen, funded);
      for (int i = 0; i < plan.projects; ++i) {
        Project& p = chunk.projects[first + static_cast<std::size_t>(i)];
        const std::int64_t total = spend[static_cast<std::size_t>(i)];
        if (total <= 0) continue;
        const Date from = year_start.AddDays(31);
        // Treasury → implementing unit before spending.
        add_entry({entry_id(t.year), from.AddDays(-10), EntryKind::kDisburse, FundSource::kCentral, t.year, county.code,
                   p.project_code, Fen(total), county.name + "乡村振兴局项目专户", PayeeType::kGovAccount, "",
                   "拨付至项目实施单位"},
                  {EntryKind::kDisburse, PayeeType::kGovAccount, 1});
        const int pieces = static_cast<int>(rng.Between(1, options_.expend_pieces));
        std::vector<std::int64_t> piece_weights(static_cast<std::size_t>(pieces));
        for (auto& w : piece_weights) w = rng.Between(1, 10);
        const auto parts = Proportional(total, piece_weights);
        for (std::int64_t part : parts) {
          if (part <= 0) continue;
          LedgerEntry e;
          e.entry_id = entry_id(t.year);
          e.date = RandomDate(rng, from, as_of);
          e.kind = EntryKind::kExpend;
          e.fund_source = FundSource::kCentral;
          e.fund_year = t.year;
          e.region_code = county.code;
          e.project_code = p.project_code;
          e.amount = Fen(part);
          if (rng.Chance(3)) {
            e.payee = county.name + "财政局专户";
            e.payee_type = PayeeType::kGovAccount;
            e.note = "转入专户";
          } else if (kinds[static_cast<std::size_t>(i)]->construction) {
            e.payee = rng.Pick(kContractors);
            e.payee_type = PayeeType::kEnterprise;
            e.note = "工程进度款";
          } else if (rng.Chance(50)) {
            e.payee = "村股份经济合作社";
            e.payee_type = PayeeType::kCollective;
            e.note = "产业发展资金";
          } else {
            e.payee = "农牧民群众";
            e.payee_type = PayeeType::kIndividual;
            e.note = "务工工资及补助";
          }
          add_entry(e, {EntryKind::kExpend, e.payee_type, 1});
        }
        // Spending after the as-of date (late entries).
        if (rng.Chance(40)) {
          add_entry(
              {entry_id(t.year), RandomDate(rng, as_of.AddDays(1), year_end), EntryKind::kExpend, FundSource::kCentral,
               t.year, county.code, p.project_code, Fen(std::max<std::int64_t>(100, total / 10)),
               rng.Pick(kContractors), PayeeType::kEnterprise, "", "工程进度款"},
              {EntryKind::kExpend, PayeeType::kEnterprise, 1});
        }
        // Construction contracts and physical progress (超进度拨款 inputs).
        if (kinds[static_cast<std::size_t>(i)]->construction && p.central_fund.value() > 0) {
          const Date signed_on = from.AddDays(-5);
          chunk.contracts.push_back({p.project_code, "HT-" + p.project_code, p.central_fund, signed_on, std::nullopt});
          const std::int64_t paid_bp =
              static_cast<std::int64_t>(static_cast<double>(total) * kBp / static_cast<double>(p.central_fund.value()));
          const bool ahead = paid_bp >= 5000 && rng.Chance(8);
          const auto bp = static_cast<std::int32_t>(ahead ? 1000 : std::min<std::int64_t>(kBp, paid_bp + 2000));
          chunk.progress.push_back({p.project_code, signed_on, bp, ahead ? "形象进度滞后" : "按月填报"});
          chunk.progress.push_back({p.project_code, year_end, static_cast<std::int32_t>(kBp), "完工"});
        }
      }

      // A mistaken payment and its reversal (冲销), both before the as-of date.
      if (plan.projects > 0 && rng.Chance(30)) {
        const Project& p = chunk.projects[first + static_cast<std::size_t>(rng.Between(0, plan.projects - 1))];
        const Date d = RandomDate(rng, year_start.AddDays(40), as_of.AddDays(-10));
        LedgerEntry wrong{entry_id(t.year),
                          d,
                          EntryKind::kExpend,
                          FundSource::kCentral,
                          t.year,
                          county.code,
                          p.project_code,
                          Fen(rng.Between(1000, 50000) * 100),
                          rng.Pick(kContractors),
                          PayeeType::kEnterprise,
                          "",
                          "误记"};
        add_entry(wrong, {EntryKind::kExpend, PayeeType::kEnterprise, 1});
        add_entry({entry_id(t.year), RandomDate(rng, d, as_of), EntryKind::kReverse, FundSource::kCentral, t.year,
                   county.code, p.project_code, wrong.amount, "", PayeeType::kNone, wrong.entry_id, "冲销误记凭证"},
                  {EntryKind::kExpend, PayeeType::kEnterprise, -1});
      }

      // Other fund sources on some projects (never part of the central figures).
      for (int i = 0; i < plan.projects; ++i) {
        const Project& p = chunk.projects[first + static_cast<std::size_t>(i)];
        if (p.other_fund.value() == 0) continue;
        const FundSource source = rng.Chance(50) ? FundSource::kProvincial : FundSource::kIntegrated;
        add_entry({entry_id(t.year), Date::FromYmd(t.year, 2, 20), EntryKind::kAllocate, source, t.year, county.code,
                   p.project_code, p.other_fund, "", PayeeType::kNone, "", "地方配套"},
                  {EntryKind::kAllocate, PayeeType::kNone, 1});
        add_entry({entry_id(t.year), RandomDate(rng, year_start.AddDays(60), year_end), EntryKind::kExpend, source,
                   t.year, county.code, p.project_code, Fen(p.other_fund.value() / 2), rng.Pick(kContractors),
                   PayeeType::kEnterprise, "", "配套资金支出"},
                  {EntryKind::kExpend, PayeeType::kEnterprise, 1});
      }

      // Money of the previous fund year spent in this one (结转资金).
      Rng& carry_rng = previous_own_rng ? *previous_own_rng : rng;
      numbering = previous_target && previous_target->seed ? previous_target : &t;
      for (std::size_t index : previous_year) {
        const Project* prev = &chunk.projects[index];
        if (!carry_rng.Chance(20) || prev->central_fund.value() < kFenPerWan) continue;
        add_entry({entry_id(t.year), RandomDate(carry_rng, year_start.AddDays(30), year_start.AddDays(100)),
                   EntryKind::kExpend, FundSource::kCentral, prev->year, county.code, prev->project_code,
                   Fen(prev->central_fund.value() / 50), carry_rng.Pick(kContractors), PayeeType::kEnterprise, "",
                   "上年结转资金支出"},
                  {EntryKind::kExpend, PayeeType::kEnterprise, 1});
      }
      previous_year.clear();
      for (std::size_t i = first; i < first + static_cast<std::size_t>(plan.projects); ++i) {
        previous_year.push_back(i);
      }
      previous_target = &t;
      previous_own_rng.reset();
      if (t.seed) previous_own_rng = own_rng;
    }
    XJ_RETURN_IF_ERROR(sink(std::move(chunk)));
  }
  return Status::Ok();
}

}  // namespace xj
