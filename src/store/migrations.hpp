#pragma once
/// Versioned schema migrations, embedded from src/store/migrations/<backend>/NNNN_name.sql.

#include <set>
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

/// The migrations of `migrations` whose version is not in `applied`, in list order: every gap,
/// not only those above the newest applied version.
inline std::vector<const Migration*> PendingMigrations(const std::vector<Migration>& migrations,
                                                       const std::set<int>& applied) {
  std::vector<const Migration*> out;
  for (const Migration& m : migrations) {
    if (!applied.contains(m.version)) out.push_back(&m);
  }
  return out;
}

}  // namespace xj
