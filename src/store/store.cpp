#include "store/store.hpp"

#include <thread>

#include "store/postgres/postgres_store.hpp"
#include "store/sqlite/sqlite_store.hpp"

namespace xj {

Status Store::ScanInShards(int shards, std::int64_t lo, std::int64_t hi,
                           const std::function<Status(std::int64_t, std::int64_t, int)>& scan) {
  last_scan_shards_ = shards;
  std::vector<Status> results(static_cast<std::size_t>(shards));
  std::vector<std::thread> readers;
  for (int k = 0; k < shards; ++k) {
    const std::int64_t from = lo + (hi - lo) * k / shards;
    const std::int64_t to = k + 1 == shards ? hi : lo + (hi - lo) * (k + 1) / shards;
    readers.emplace_back([&, k, from, to] { results[static_cast<std::size_t>(k)] = scan(from, to, k); });
  }
  for (std::thread& t : readers) t.join();
  for (const Status& s : results) XJ_RETURN_IF_ERROR(s);
  return Status::Ok();
}

std::string ProvinceCodeOf(std::string_view region_code) {
  if (region_code.size() < 2) return std::string(region_code);
  return std::string(region_code.substr(0, 2)) + "0000";
}

Result<std::unique_ptr<Store>> OpenStore(std::string_view url) {
  if (url.starts_with("postgresql://") || url.starts_with("postgres://")) {
    XJ_ASSIGN_OR_RETURN(auto store, PostgresStore::Open(std::string(url)));
    return std::unique_ptr<Store>(std::move(store));
  }
  std::string path(url);
  if (url.starts_with("sqlite:")) path = std::string(url.substr(7));
  if (path.empty()) return Status::InvalidArgument("数据库地址为空");
  XJ_ASSIGN_OR_RETURN(auto store, SqliteStore::Open(path));
  return std::unique_ptr<Store>(std::move(store));
}

}  // namespace xj
