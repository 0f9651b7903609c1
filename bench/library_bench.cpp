// Benchmark of the project library list (GET /api/v1/projects) at national scale: writes
// 1,000,000 projects over the national demo region tree into a fresh SQLite file through the
// store, starts the App on it, and measures App::ListProjects — the call the route makes — for
// filtered first pages (region subtree + year + state + category + text). Prints one JSON object;
// bench/library_run.sh adds the same queries by SQL in SQLite and writes the figures.
#include <algorithm>
#include <chrono>
#include <iostream>
#include <nlohmann/json.hpp>
#include <random>
#include <string>
#include <vector>

#include "app/app.hpp"
#include "app/demo_generator.hpp"

namespace {

using Clock = std::chrono::steady_clock;

struct Latency {
  double p50_us = 0, p99_us = 0, max_us = 0;
  int n = 0;
  double avg_total = 0;  ///< mean number of matching projects (the list's `total`)
};

template <typename F>
Latency Measure(int iterations, F&& f) {
  std::vector<double> us;
  double totals = 0;
  for (int i = 0; i < iterations; ++i) {
    const auto t0 = Clock::now();
    totals += static_cast<double>(f(i));
    us.push_back(std::chrono::duration<double, std::micro>(Clock::now() - t0).count());
  }
  std::sort(us.begin(), us.end());
  auto at = [&](double q) {
    return us[std::min(us.size() - 1, static_cast<std::size_t>(q * static_cast<double>(us.size())))];
  };
  return {at(0.50), at(0.99), us.back(), iterations, totals / iterations};
}

nlohmann::json ToJson(const Latency& l) {
  return {{"p50_us", l.p50_us}, {"p99_us", l.p99_us}, {"max_us", l.max_us}, {"n", l.n}, {"avg_total", l.avg_total}};
}

const char* kKinds[][3] = {
    {"0101", "牦牛养殖基地建设项目", "生产项目"},     {"0101", "青稞种植基地提质增效项目", "生产项目"},
    {"0102", "农畜产品加工厂建设项目", "加工流通项目"}, {"0103", "产业路建设项目", "配套设施项目"},
    {"0201", "务工交通补助项目", "务工补助"},         {"0301", "村内道路硬化项目", "农村基础设施"},
    {"0301", "安全饮水巩固提升工程", "农村基础设施"},   {"0302", "人居环境整治项目", "人居环境整治"},
};
const char* kPeople[] = {"扎西次仁", "次仁卓玛", "格桑旺堆", "尼玛顿珠", "达瓦央宗", "平措朗杰", "王建国", "李秀英"};
const xj::ProjectState kStates[] = {xj::ProjectState::kDraft,     xj::ProjectState::kInLibrary,
                                    xj::ProjectState::kPlanned,   xj::ProjectState::kApproved,
                                    xj::ProjectState::kStarted,   xj::ProjectState::kStarted,
                                    xj::ProjectState::kFinished,  xj::ProjectState::kCancelled};

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    std::cerr << "usage: xj_bench_library sqlite:PATH (a new file) [projects] [iterations]\n";
    return 2;
  }
  using namespace xj;
  const std::string db = argv[1];
  const int n_projects = argc > 2 ? std::stoi(argv[2]) : 1'000'000;
  const int iterations = argc > 3 ? std::stoi(argv[3]) : 1000;
  nlohmann::json out;
  std::mt19937_64 rng(20230705);

  // --- write the dataset (regions + projects) through the store ---
  const auto t_write = Clock::now();
  {
    auto store = OpenStore(db);
    if (!store.ok() || !(*store)->Migrate().ok()) {
      std::cerr << "cannot open or migrate " << db << "\n";
      return 1;
    }
    std::vector<Region> regions = NationalDemoRegions(20230705);
    std::vector<const Region*> places;
    for (const Region& r : regions) {
      if (r.level == RegionLevel::kVillage || r.level == RegionLevel::kCounty) places.push_back(&r);
    }
    Status s = (*store)->Transact([&]() -> Status {
      XJ_RETURN_IF_ERROR((*store)->UpsertRegions(regions));
      std::vector<Project> batch;
      for (int i = 0; i < n_projects; ++i) {
        const Region& place = *places[rng() % places.size()];
        const auto& kind = kKinds[rng() % std::size(kKinds)];
        Project p;
        p.project_code = "BN" + std::to_string(10'000'000 + i);
        p.name = place.name + kind[1];
        p.year = 2022 + static_cast<int>(rng() % 3);
        p.region_code = place.code;
        p.category = kind[0];
        p.subcategory = kind[2];
        p.central_fund = Fen(static_cast<std::int64_t>(rng() % 500 + 10) * 1'000'000);
        p.total_investment = p.central_fund;
        p.planned_start = Date::FromYmd(p.year, 3, 1).AddDays(static_cast<int>(rng() % 90));
        p.status = kStates[rng() % std::size(kStates)];
        if (p.status == ProjectState::kStarted || p.status == ProjectState::kFinished) p.actual_start = p.planned_start;
        p.responsible_person = kPeople[rng() % std::size(kPeople)];
        batch.push_back(std::move(p));
        if (batch.size() == 50'000) {
          XJ_RETURN_IF_ERROR((*store)->InsertProjects(batch));
          batch.clear();
        }
      }
      return batch.empty() ? Status::Ok() : (*store)->InsertProjects(batch);
    });
    if (!s.ok()) {
      std::cerr << s.ToString() << "\n";
      return 1;
    }
  }
  out["write_seconds"] = std::chrono::duration<double>(Clock::now() - t_write).count();

  // --- start the App as `xianjie serve` does ---
  const auto t0 = Clock::now();
  auto store = OpenStore(db);
  App app(std::move(*store));
  if (Status s = app.Start(); !s.ok()) {
    std::cerr << s.ToString() << "\n";
    return 1;
  }
  out["start_seconds"] = std::chrono::duration<double>(Clock::now() - t0).count();
  auto tree = app.regions();
  std::vector<std::string> provinces, prefectures, counties;
  for (RegionIndex r : tree->roots()) {
    provinces.push_back(tree->node(r).region.code);
    for (RegionIndex c : tree->DescendantsAtLevel(r, RegionLevel::kPrefecture))
      prefectures.push_back(tree->node(c).region.code);
    for (RegionIndex c : tree->DescendantsAtLevel(r, RegionLevel::kCounty)) counties.push_back(tree->node(c).region.code);
  }
  out["regions"] = tree->size();
  out["projects"] = n_projects;
  auto pick = [&](const std::vector<std::string>& v) { return v[rng() % v.size()]; };
  const Actor system = Actor::System();
  const char* words[] = {"牦牛", "道路", "饮水", "扎西", "加工厂"};

  // Every filter of the route at once: subtree, year, state, category and text, first page of 20.
  auto filtered = [&](const std::string& region) {
    ProjectListQuery q;
    q.region_code = region;
    q.year = 2023;
    q.state = "started";
    const auto& kind = kKinds[rng() % std::size(kKinds)];
    q.category = kind[0];
    q.text = words[rng() % std::size(words)];
    q.page_size = 20;
    auto r = app.ListProjects(system, q);
    return r.ok() ? r->total : -1;
  };
  out["filtered_county"] = ToJson(Measure(iterations, [&](int) { return filtered(pick(counties)); }));
  out["filtered_prefecture"] = ToJson(Measure(iterations, [&](int) { return filtered(pick(prefectures)); }));
  out["filtered_province"] = ToJson(Measure(iterations, [&](int) { return filtered(pick(provinces)); }));
  out["filtered_root"] = ToJson(Measure(std::max(50, iterations / 10), [&](int) { return filtered(""); }));
  out["unfiltered_root_first_page"] = ToJson(Measure(std::max(50, iterations / 10), [&](int) {
    ProjectListQuery q;
    auto r = app.ListProjects(system, q);
    return r.ok() ? r->total : -1;
  }));
  out["sample_prefectures"] = std::vector<std::string>(prefectures.begin(), prefectures.begin() + 5);
  std::cout << out.dump(2) << "\n";
  return 0;
}
