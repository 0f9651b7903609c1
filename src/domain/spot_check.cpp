#include "domain/spot_check.hpp"

#include <algorithm>
#include <set>
#include <utility>

namespace xj {

std::uint64_t SplitMix64::Next() {
  state_ += 0x9e3779b97f4a7c15ULL;
  std::uint64_t z = state_;
  z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
  z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
  return z ^ (z >> 31);
}

std::uint64_t SplitMix64::Below(std::uint64_t bound) {
  // 2⁶⁴ mod bound, in 64-bit arithmetic: (2⁶⁴ − bound) mod bound.
  const std::uint64_t threshold = (0 - bound) % bound;
  for (;;) {
    const std::uint64_t r = Next();
    if (r >= threshold) return r % bound;
  }
}

std::vector<std::int64_t> DrawSample(std::uint64_t seed, std::vector<std::int64_t> pool, std::size_t n) {
  n = std::min(n, pool.size());
  SplitMix64 rng(seed);
  for (std::size_t i = 0; i < n; ++i) {
    const std::size_t j = i + static_cast<std::size_t>(rng.Below(pool.size() - i));
    std::swap(pool[i], pool[j]);
  }
  pool.resize(n);
  return pool;
}

std::int64_t SpotCheckSampleSize(std::int64_t pool, std::int64_t rate_bp, std::int64_t min_calls) {
  pool = std::max<std::int64_t>(pool, 0);
  rate_bp = std::max<std::int64_t>(rate_bp, 0);
  min_calls = std::max<std::int64_t>(min_calls, 0);
  // Exact in 64 bits: pool counts people (far below 2³¹) and rate_bp is a policy value (≤ 10000 in use).
  const std::int64_t by_rate = (pool * rate_bp + 9999) / 10000;
  return std::min(pool, std::max(min_calls, by_rate));
}

std::string FormatSeed(std::uint64_t seed) {
  static constexpr char kHex[] = "0123456789abcdef";
  std::string out(16, '0');
  for (int i = 15; i >= 0; --i) {
    out[static_cast<std::size_t>(i)] = kHex[seed & 0xf];
    seed >>= 4;
  }
  return out;
}

std::optional<std::uint64_t> ParseSeed(std::string_view text) {
  if (text.empty() || text.size() > 16) return std::nullopt;
  std::uint64_t v = 0;
  for (char c : text) {
    int d = 0;
    if (c >= '0' && c <= '9') {
      d = c - '0';
    } else if (c >= 'a' && c <= 'f') {
      d = c - 'a' + 10;
    } else if (c >= 'A' && c <= 'F') {
      d = c - 'A' + 10;
    } else {
      return std::nullopt;
    }
    v = (v << 4) | static_cast<std::uint64_t>(d);
  }
  return v;
}

std::vector<SpotCheckLevelCoverage> CountSpotCheckCoverage(const std::vector<RegionLevel>& levels,
                                                           const std::vector<UnitSpotCheck>& units) {
  std::vector<SpotCheckLevelCoverage> out;
  for (RegionLevel level : levels) {
    SpotCheckLevelCoverage c;
    c.level = level;
    for (const UnitSpotCheck& u : units) {
      if (u.level != level) continue;
      ++c.units;
      c.target += u.target;
      if (!u.drawn) continue;
      ++c.units_drawn;
      const std::set<std::int64_t> sample(u.sample.begin(), u.sample.end());
      c.sampled += static_cast<std::int64_t>(sample.size());
      std::set<std::int64_t> called, reached, knows, matches, problems;
      for (const SpotCheckCall& call : u.calls) {
        if (!sample.contains(call.supervisor_id)) continue;
        called.insert(call.supervisor_id);
        if (!call.reached) continue;
        reached.insert(call.supervisor_id);
        if (call.knows_duties) knows.insert(call.supervisor_id);
        if (call.log_matches) matches.insert(call.supervisor_id);
        if (call.problem_reported) problems.insert(call.supervisor_id);
      }
      c.called += static_cast<std::int64_t>(called.size());
      c.reached += static_cast<std::int64_t>(reached.size());
      c.knows_duties += static_cast<std::int64_t>(knows.size());
      c.log_matches += static_cast<std::int64_t>(matches.size());
      c.problems_reported += static_cast<std::int64_t>(problems.size());
    }
    c.coverage = Ratio{c.called, c.target};
    out.push_back(c);
  }
  return out;
}

}  // namespace xj
