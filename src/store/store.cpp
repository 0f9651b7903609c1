#include "store/store.hpp"

#include <algorithm>
#include <charconv>

#include "store/postgres/postgres_driver.hpp"
#include "store/sql/sql_store.hpp"
#include "store/sqlite/sqlite_driver.hpp"

namespace xj {

std::string ProvinceCodeOf(std::string_view region_code) {
  if (region_code.size() < 2) return std::string(region_code);
  return std::string(region_code.substr(0, 2)) + "0000";
}

Result<std::unique_ptr<Store>> OpenStore(std::string_view url) {
  if (url.starts_with("postgresql://") || url.starts_with("postgres://")) {
    XJ_ASSIGN_OR_RETURN(auto driver, pg::PostgresDriver::Open(std::string(url)));
    return std::unique_ptr<Store>(std::make_unique<sql::SqlStore>(std::move(driver)));
  }
  std::string path(url);
  if (url.starts_with("sqlite:")) path = std::string(url.substr(7));
  // sqlite:PATH?max_pages=N caps the file's size in pages (a full disk on purpose: drills, tests).
  std::int64_t max_pages = 0;
  if (const auto q = path.find('?'); q != std::string::npos) {
    const std::string query = path.substr(q + 1);
    path.resize(q);
    constexpr std::string_view kMaxPages = "max_pages=";
    const std::string_view value = std::string_view(query).substr(std::min(query.size(), kMaxPages.size()));
    const auto [end, ec] = std::from_chars(value.data(), value.data() + value.size(), max_pages);
    if (!query.starts_with(kMaxPages) || ec != std::errc() || end != value.data() + value.size() || max_pages <= 0) {
      return Status::InvalidArgument("数据库地址的参数只能是 max_pages=正整数：" + query);
    }
  }
  if (path.empty()) return Status::InvalidArgument("数据库地址为空");
  XJ_ASSIGN_OR_RETURN(auto driver, sqlite::SqliteDriver::Open(path, max_pages));
  return std::unique_ptr<Store>(std::make_unique<sql::SqlStore>(std::move(driver)));
}

}  // namespace xj
