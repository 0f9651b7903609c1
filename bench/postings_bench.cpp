// Benchmark of the county public postings page (GET /api/v1/public/postings?region=COUNTY) at
// national scale: writes the national demo region tree, one project per posting and N postings
// spread over the villages and counties through the store, starts the App on it and measures
// App::PublicPostings — the call the route makes — for random counties and prefectures. Issue #15
// asks ≤ 20 ms p99 for a county. Prints one JSON object; bench/postings_run.sh runs it.
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

nlohmann::json Measure(int iterations, const std::function<std::size_t(int)>& f) {
  std::vector<double> us;
  double rows = 0;
  for (int i = 0; i < iterations; ++i) {
    const auto t0 = Clock::now();
    rows += static_cast<double>(f(i));
    us.push_back(std::chrono::duration<double, std::micro>(Clock::now() - t0).count());
  }
  std::sort(us.begin(), us.end());
  auto at = [&](double q) {
    return us[std::min(us.size() - 1, static_cast<std::size_t>(q * static_cast<double>(us.size())))];
  };
  return {{"p50_us", at(0.50)},
          {"p99_us", at(0.99)},
          {"max_us", us.back()},
          {"n", iterations},
          {"avg_rows", rows / iterations}};
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    std::cerr << "usage: xj_bench_postings DB_URL (a new, empty database) [postings] [iterations]\n";
    return 2;
  }
  using namespace xj;
  const std::string db = argv[1];
  const int n_postings = argc > 2 ? std::stoi(argv[2]) : 300'000;
  const int iterations = argc > 3 ? std::stoi(argv[3]) : 1000;
  nlohmann::json out;
  std::mt19937_64 rng(20230705);

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
      std::vector<Project> projects;
      std::vector<Posting> postings;
      for (int i = 0; i < n_postings; ++i) {
        const Region& place = *places[rng() % places.size()];
        Project p;
        p.project_code = "PB" + std::to_string(10'000'000 + i);
        p.name = place.name + "村内道路硬化项目";
        p.year = 2024;
        p.region_code = place.code;
        p.category = "0301";
        p.central_fund = Fen(static_cast<std::int64_t>(rng() % 500 + 10) * 1'000'000);
        p.total_investment = p.central_fund;
        p.status = ProjectState::kCountyReviewed;
        Posting post;
        post.project_code = p.project_code;
        post.region_code = p.region_code;
        post.stage = "admit";
        post.place = "村务公开栏";
        post.start = Date::FromYmd(2024, 1, 1).AddDays(static_cast<int>(rng() % 300));
        post.end = post.start.AddDays(9);
        post.project_name = p.name;
        post.region_name = place.name;
        post.construction_content = "硬化村内道路 3 公里";
        post.total_investment = p.total_investment;
        post.central_fund = p.central_fund;
        post.implementing_unit = "乡人民政府";
        post.benefit_mechanism = "带动脱贫户务工增收";
        post.households_linked = static_cast<std::int32_t>(rng() % 200);
        post.responsible_person = "扎西次仁";
        post.created_by = "bench";
        post.created_at = "2024-01-01T00:00:00.000Z";
        projects.push_back(std::move(p));
        postings.push_back(std::move(post));
        if (projects.size() == 50'000 || i + 1 == n_postings) {
          XJ_RETURN_IF_ERROR((*store)->InsertProjects(projects));
          for (const Posting& x : postings) XJ_RETURN_IF_ERROR((*store)->InsertPosting(x).status());
          projects.clear();
          postings.clear();
        }
      }
      return Status::Ok();
    });
    if (!s.ok()) {
      std::cerr << s.ToString() << "\n";
      return 1;
    }
  }
  out["write_seconds"] = std::chrono::duration<double>(Clock::now() - t_write).count();

  auto store = OpenStore(db);
  App app(std::move(*store));
  if (Status s = app.Start(); !s.ok()) {
    std::cerr << s.ToString() << "\n";
    return 1;
  }
  auto tree = app.regions();
  std::vector<std::string> prefectures, counties;
  for (RegionIndex r : tree->roots()) {
    for (RegionIndex c : tree->DescendantsAtLevel(r, RegionLevel::kPrefecture))
      prefectures.push_back(tree->node(c).region.code);
    for (RegionIndex c : tree->DescendantsAtLevel(r, RegionLevel::kCounty))
      counties.push_back(tree->node(c).region.code);
  }
  out["db"] = db.substr(0, db.find(':'));
  out["regions"] = tree->size();
  out["postings"] = n_postings;
  auto page = [&](const std::vector<std::string>& from) {
    auto r = app.PublicPostings(from[rng() % from.size()]);
    return r.ok() ? r->size() : 0;
  };
  out["county_page"] = Measure(iterations, [&](int) { return page(counties); });
  out["prefecture_page"] = Measure(std::max(50, iterations / 10), [&](int) { return page(prefectures); });
  std::cout << out.dump(2) << "\n";
  return 0;
}
