#pragma once
/// The rules a batch of new ledger entries must satisfy against what is stored
/// (docs/definitions.md, issue #3): idempotency by entry_id, reversals that name an
/// existing entry of the same amount, region, source and fund year, once.

#include <functional>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "core/status.hpp"
#include "domain/ledger.hpp"

namespace xj {

/// An entry with the 1-based row (file row, or item number in an API batch) it came from.
struct NumberedEntry {
  int row = 0;
  LedgerEntry entry;
};

/// What the store already holds that the batch refers to.
struct LedgerLookups {
  std::unordered_map<std::string, StoredEntry> stored;  ///< by entry_id: the batch's ids and the ids it reverses
  std::unordered_set<std::string> already_reversed;     ///< stored entries some stored reversal cancels
  std::function<bool(const std::string&)> region_exists;
  std::function<bool(const std::string&)> project_exists;
};

/// The entries to append (with their effect resolved) and how many rows were already stored.
struct LedgerBatch {
  std::vector<StoredEntry> to_append;
  int unchanged = 0;
};

/// Checks every row, reporting every problem (codes: conflicts_existing,
/// unknown_region, unknown_project, unknown_reversed_entry, reverse_of_reversal,
/// already_reversed, reversal_mismatch, reversal_before_original). A reversal
/// without a project takes the reversed entry's project.
Result<LedgerBatch> CheckLedgerBatch(std::vector<NumberedEntry> rows, const LedgerLookups& lookups);

}  // namespace xj
