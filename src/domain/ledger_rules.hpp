#pragma once
/// The rules a batch of new ledger entries must satisfy against what is stored
/// (docs/definitions.md, issues #3 and #14): idempotency by entry_id, reversals that name an
/// existing entry of the same amount, region, source and fund year, once; payments with a
/// basis in the plan; expenditures that say whom they paid. A batch is checked as a whole:
/// its rows may come in any order.

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
  /// Whether a payment (拨付/支出) on a known project dated `date` has a basis in the plan: the
  /// project reached `approved` (资金已安排) and was not cancelled or rejected before the date.
  std::function<bool(const std::string& project_code, Date date)> project_funded;
};

/// The entries to append (with their effect resolved) and how many rows were already stored.
struct LedgerBatch {
  std::vector<StoredEntry> to_append;
  int unchanged = 0;
};

/// Checks every row, reporting every problem (codes: conflicts_existing, unknown_region,
/// unknown_project, project_not_funded, payee_type_required, unknown_reversed_entry,
/// reverse_of_reversal, already_reversed, reversal_mismatch, reversal_before_original).
/// A reversal may name an entry stored or anywhere in the batch (before or after it); only a
/// reference found in neither is an error. A reversal without a project takes the reversed
/// entry's project; reversals are never refused for the project's state. The entries to
/// append come in row order, reversals after the entries they may cancel. When every problem
/// is `project_not_funded` the refusal is a Conflict named so (the payments have no basis in
/// the plan); otherwise it is InvalidArgument with every problem.
Result<LedgerBatch> CheckLedgerBatch(std::vector<NumberedEntry> rows, const LedgerLookups& lookups);

}  // namespace xj
