#pragma once
/// Deterministic demo data (演示数据): realistic regions, projects and a fund ledger
/// whose headline figures are exact by construction.

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "core/status.hpp"
#include "domain/benchmark.hpp"
#include "domain/ledger.hpp"
#include "domain/project.hpp"
#include "domain/region.hpp"

namespace xj {

/// What one fund year of the demo must show on its as-of date, for the whole dataset.
struct DemoYearTarget {
  int year = 0;
  int projects = 0;              ///< non-cancelled projects of the plan year
  int started = 0;               ///< … started on or before the as-of date
  int cancelled = 0;             ///< extra cancelled projects (excluded from the rate)
  std::int64_t progress_bp = 0;  ///< central expend ÷ allocate on the as-of date, in basis points of 1/10000
  int month = 7, day = 5;        ///< the as-of date in `year`
  /// 0: draw from the dataset's shared random streams; else this year's own seed, so that adding
  /// the year leaves the other years' data unchanged (its entries are numbered "PZ<year><county>H<n>").
  std::uint64_t seed = 0;
};

struct DemoOptions {
  std::vector<DemoYearTarget> years;
  int expend_pieces = 3;  ///< expend entries a project's spending is split into
  std::uint64_t seed = 20230705;
};

/// The article's figures: 2023-07-05 start rate 99.74% (+17.00), central progress 54.41% (+33.00);
/// fund years 2021–2023.
DemoOptions XizangDemoOptions();
/// Illustrative national averages (全国平均) for the demo's wall chart: month ends of 2021–2023.
/// Made up for the demo, not official figures.
std::vector<Benchmark> DemoBenchmarks();
/// ~1,000,000 projects and ~20,000,000 entries over two fund years (benchmark scale).
DemoOptions NationalDemoOptions();

/// Everything generated for one county (written in one go).
struct DemoChunk {
  std::vector<Project> projects;
  std::vector<StoredEntry> entries;  ///< effect resolved; seq assigned by the store
  std::vector<ProjectContract> contracts;
  std::vector<ProgressReport> progress;
};

/// Generates the dataset county by county over the given regions (which must
/// contain counties). Townships and villages are created under counties that
/// have none and returned through `regions_out` first.
class DemoGenerator {
 public:
  DemoGenerator(DemoOptions options, std::vector<Region> regions);
  /// New township and village regions to add before the chunks.
  std::vector<Region> ExtraRegions();
  /// Calls `sink` once per county. Stops at the first failure.
  Status Generate(const std::function<Status(DemoChunk&&)>& sink);

 private:
  DemoOptions options_;
  std::vector<Region> regions_;
};

/// The national region tree: 31 provinces, ~340 prefectures, ~2,850 counties,
/// ~38,000 townships, ~490,000 villages.
std::vector<Region> NationalDemoRegions(std::uint64_t seed);

}  // namespace xj
