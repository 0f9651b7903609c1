#pragma once
/// Versioned schema migrations, embedded from src/store/migrations/<backend>/NNNN_name.sql.

#include <string_view>
#include <vector>

namespace xj {

struct Migration {
  int version;
  std::string_view name;
  std::string_view sql;
};

/// In version order. The two lists are kept in step: same versions, same tables.
const std::vector<Migration>& SqliteMigrations();
const std::vector<Migration>& PostgresMigrations();

}  // namespace xj
