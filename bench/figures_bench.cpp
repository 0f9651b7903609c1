// In-process benchmark of the indicator engine on a database written by
// `xianjie demo --scale national`: start-up (engine build), peak RSS, and p50/p99
// latency of the figure queries. Prints one JSON object. Run by bench/run.sh.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <nlohmann/json.hpp>
#include <random>
#include <string>
#include <vector>

#include "app/app.hpp"

namespace {

using Clock = std::chrono::steady_clock;

long PeakRssKiB() {
  std::ifstream in("/proc/self/status");
  std::string line;
  while (std::getline(in, line)) {
    if (line.rfind("VmHWM:", 0) == 0) return std::stol(line.substr(6));
  }
  return -1;
}

struct Latency {
  double p50_us = 0, p99_us = 0, max_us = 0;
  int n = 0;
};

template <typename F>
Latency Measure(int iterations, F&& f) {
  std::vector<double> us;
  us.reserve(static_cast<std::size_t>(iterations));
  for (int i = 0; i < iterations; ++i) {
    const auto t0 = Clock::now();
    f(i);
    us.push_back(std::chrono::duration<double, std::micro>(Clock::now() - t0).count());
  }
  std::sort(us.begin(), us.end());
  auto at = [&](double q) {
    return us[std::min(us.size() - 1, static_cast<std::size_t>(q * static_cast<double>(us.size())))];
  };
  return {at(0.50), at(0.99), us.back(), iterations};
}

nlohmann::json ToJson(const Latency& l) {
  return {{"p50_us", l.p50_us}, {"p99_us", l.p99_us}, {"max_us", l.max_us}, {"n", l.n}};
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    std::cerr << "usage: xj_bench_figures sqlite:PATH [iterations]\n";
    return 2;
  }
  const std::string db = argv[1];
  const int iterations = argc > 2 ? std::stoi(argv[2]) : 2000;
  using namespace xj;

  const auto t0 = Clock::now();
  auto store = OpenStore(db);
  if (!store.ok()) {
    std::cerr << store.status().ToString() << "\n";
    return 1;
  }
  App app(std::move(*store));
  if (Status s = app.Start(); !s.ok()) {
    std::cerr << s.ToString() << "\n";
    return 1;
  }
  const double build_s = std::chrono::duration<double>(Clock::now() - t0).count();
  const long rss_kib = PeakRssKiB();

  auto tree = app.regions();
  std::vector<std::string> provinces, counties, all_codes;
  for (RegionIndex r : tree->roots()) provinces.push_back(tree->node(r).region.code);
  for (RegionIndex r : tree->roots()) {
    for (RegionIndex c : tree->DescendantsAtLevel(r, RegionLevel::kCounty))
      counties.push_back(tree->node(c).region.code);
  }
  for (RegionIndex i = 0; i < static_cast<RegionIndex>(tree->size()); ++i)
    all_codes.push_back(tree->node(i).region.code);
  std::mt19937_64 rng(42);
  auto random_date = [&]() { return Date::FromYmd(2023, 1, 1).AddDays(static_cast<int>(rng() % 365)); };
  auto pick = [&](const std::vector<std::string>& v) { return v[rng() % v.size()]; };
  const Actor system = Actor::System();
  std::size_t sink = 0;

  RankRequest by_village;
  by_village.level = RegionLevel::kVillage;
  const RankRequest by_county;
  const RankRequest province_counties = by_county;

  nlohmann::json out;
  out["database"] = db;
  out["regions"] = tree->size();
  out["counties"] = counties.size();
  out["start_seconds"] = build_s;
  for (const auto& [phase, seconds] : app.start_phases()) out["start_phases"][phase] = seconds;
  out["peak_rss_mib"] = static_cast<double>(rss_kib) / 1024.0;
  out["single_indicator"] = ToJson(Measure(iterations * 5, [&](int) {
    auto r = app.ComputeIndicators(system, {pick(all_codes), 2023, random_date(), FundSource::kCentral});
    sink += static_cast<std::size_t>(r->figures.projects_total);
  }));
  out["root_children"] = ToJson(Measure(iterations, [&](int) {
    auto r = app.ChildIndicators(system, {"", 2023, random_date(), FundSource::kCentral});
    sink += r->size();
  }));
  out["province_counties"] = ToJson(Measure(iterations, [&](int) {
    auto r = app.Rank(system, {pick(provinces), 2023, random_date(), FundSource::kCentral}, province_counties);
    sink += r->rows.size();
  }));
  out["county_villages"] = ToJson(Measure(iterations, [&](int) {
    auto r = app.Rank(system, {pick(counties), 2023, random_date(), FundSource::kCentral}, by_village);
    sink += r->rows.size();
  }));
  out["county_ranking"] = ToJson(Measure(std::max(50, iterations / 10), [&](int) {
    auto r = app.Rank(system, {"", 2023, random_date(), FundSource::kCentral}, by_county);
    sink += r->rows.size();
  }));
  auto check = app.ComputeIndicators(system, {"", 2023, Date::FromYmd(2023, 7, 5), FundSource::kCentral});
  (void)check;
  out["sink"] = sink;
  std::cout << out.dump(2) << "\n";
  return 0;
}
