#pragma once
/// `xianjie copy`: moves a whole database between backends (SQLite ⇄ PostgreSQL).

#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "store/store.hpp"

namespace xj {

/// Every table the copy moves, parents before children. A table added by a
/// migration is added here with one line; schema_migrations is never copied
/// (the target is migrated by its own backend's list).
const std::vector<CopiedTable>& CopiedTables();

/// True when `text` holds only lower-case ASCII letters, digits, '_', ',' and ' ':
/// the table and column lists that the stores splice into SQL.
bool IsPlainSqlNames(std::string_view text);

/// Rows copied per table, in copy order.
struct CopyReport {
  std::vector<std::pair<std::string, std::int64_t>> tables;
};

/// Migrates both stores to the latest version, then copies every table of
/// CopiedTables() from `from` to `to`: one snapshot of the source, one
/// transaction on the target (all or nothing), keys and ledger seq preserved.
/// AlreadyExists when the target already holds data (rows of seeded reference
/// tables are replaced); Internal when the backends' migration lists differ.
Result<CopyReport> CopyStore(Store& from, Store& to);

}  // namespace xj
