#include "domain/allocation.hpp"

#include <algorithm>
#include <numeric>

#include "core/int128.hpp"

namespace xj {

Result<std::vector<Fen>> SplitByLargestRemainder(Fen pool, const std::vector<std::int64_t>& weights) {
  if (pool.value() < 0 || pool.value() % kFenPerWan != 0) {
    return Status::InvalidArgument("分配资金总额须为整万元：" + FormatYuan(pool) + " 元")
        .WithReason("pool_not_whole_wan");
  }
  if (weights.empty()) return Status::InvalidArgument("没有参与分配的县");
  Int128 total = 0;
  for (std::int64_t w : weights) {
    if (w < 0) return Status::InvalidArgument("分配权重不能为负数");
    total += w;
  }
  if (total == 0) return Status::InvalidArgument("全部县的分配权重都是 0，无法按因素分配");
  const Int128 units = pool.value() / kFenPerWan;
  std::vector<std::int64_t> whole(weights.size());
  std::vector<Int128> remainder(weights.size());
  Int128 given = 0;
  for (std::size_t i = 0; i < weights.size(); ++i) {
    const Int128 exact = units * weights[i];  // share = exact ÷ total 万元
    whole[i] = static_cast<std::int64_t>(exact / total);
    remainder[i] = exact % total;
    given += whole[i];
  }
  std::vector<std::size_t> order(weights.size());
  std::iota(order.begin(), order.end(), std::size_t{0});
  std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
    if (remainder[a] != remainder[b]) return remainder[a] > remainder[b];
    return weights[a] > weights[b];
  });
  // Fewer 万元 are left than counties with a weight: each gets at most one more.
  for (std::size_t k = 0; given < units; ++k) {
    ++whole[order[k]];
    ++given;
  }
  std::vector<Fen> out;
  out.reserve(whole.size());
  for (std::int64_t w : whole) out.push_back(Fen(w * kFenPerWan));
  return out;
}

}  // namespace xj
