#pragma once
/// The SQL of the ledger listing (台账查询), written once for both dialects from one LedgerFilter.

#include <string>

#include "store/ledger_query.hpp"
#include "store/sql/driver.hpp"

namespace xj::sql {

/// The statements of a ledger page: `count` and `page` share the numbered parameters in
/// `params` (`page` binds two more for LIMIT and OFFSET, numbered after them).
struct LedgerQuerySql {
  std::string count;
  std::string page;
  Values params;
};

/// Column order of `page`: those of a stored entry (entities.hpp, kEntryColumns), then reversed_by.
LedgerQuerySql BuildLedgerQuery(const LedgerFilter& filter, Dialect dialect);

}  // namespace xj::sql
