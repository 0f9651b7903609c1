#pragma once
/// The ledger listing (台账查询): which entries a page shows (its SQL: sql/ledger_sql.hpp).

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/date.hpp"
#include "domain/ledger.hpp"

namespace xj {

/// Which entries a ledger page shows. Every field narrows; defaults show everything.
struct LedgerFilter {
  std::vector<std::string> region_codes;  ///< entries booked to one of these regions; empty: every region
  std::optional<int> fund_year;
  std::optional<FundSource> fund_source;
  std::optional<EntryKind> kind;
  std::string project_code;      ///< exact; empty: any
  std::optional<Date> from, to;  ///< entry dates, both inclusive
  std::string text;              ///< substring of the entry id, payee or note
  std::int64_t limit = 20;
  std::int64_t offset = 0;
  /// Commit order with keyset paging (entries with seq > after_seq) instead of newest first:
  /// how exports walk millions of rows without OFFSET.
  bool oldest_first = false;
  std::int64_t after_seq = 0;
  bool count_total = true;       ///< false: LedgerPage::total stays 0 (saves a second query)
  bool with_reversed_by = true;  ///< false: ListedEntry::reversed_by stays empty (saves a lookup per row)
};

/// One listed entry and, when it has been cancelled, the id of the reversal that did it.
struct ListedEntry {
  StoredEntry stored;
  std::string reversed_by;
};

/// A page of the ledger (newest first unless the filter says otherwise) and how many entries match in all.
struct LedgerPage {
  std::vector<ListedEntry> items;
  std::int64_t total = 0;
};

}  // namespace xj
