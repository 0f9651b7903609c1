#include "store/store.hpp"

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
  if (path.empty()) return Status::InvalidArgument("数据库地址为空");
  XJ_ASSIGN_OR_RETURN(auto driver, sqlite::SqliteDriver::Open(path));
  return std::unique_ptr<Store>(std::make_unique<sql::SqlStore>(std::move(driver)));
}

}  // namespace xj
