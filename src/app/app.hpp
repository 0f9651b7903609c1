#pragma once
/// The application layer: one function per user action. Owns the store and the
/// in-memory state built from it (region tree, analytics engine). Knows nothing of HTTP.

#include <memory>
#include <mutex>
#include <optional>
#include <shared_mutex>
#include <string>
#include <string_view>
#include <vector>

#include "app/actor.hpp"
#include "core/status.hpp"
#include "domain/region_tree.hpp"
#include "io/csv_reader.hpp"
#include "store/store.hpp"

namespace xj {

/// What an import did. Re-importing the same file yields inserted = updated = 0.
struct ImportReport {
  std::string kind;
  int rows = 0;  ///< data rows read
  int inserted = 0;
  int updated = 0;
  int unchanged = 0;  ///< rows identical to what is stored (idempotent re-import)
};

/// A region with the counts a tree view needs.
struct RegionSummary {
  Region region;
  int child_count = 0;
  int descendant_count = 0;
};

/// Thread-safe. Reads take snapshots; writes are serialized and committed to the
/// store before the in-memory state is updated.
class App {
 public:
  explicit App(std::unique_ptr<Store> store);
  ~App();
  App(const App&) = delete;
  App& operator=(const App&) = delete;

  /// Migrates the store and loads the in-memory state. Call once before anything else.
  Status Start();
  Store& store() { return *store_; }

  // --- regions (区划) ---
  /// Imports the regions interchange format. All-or-nothing, idempotent.
  Result<ImportReport> ImportRegions(const Actor& actor, TableSource& source);
  /// Children of `parent_code` (the top-level regions when empty), ordered by code.
  Result<std::vector<RegionSummary>> RegionChildren(const Actor& actor, std::string_view parent_code) const;
  Result<RegionSummary> RegionDetail(const Actor& actor, std::string_view code) const;
  /// The current tree. The snapshot stays valid while held, even across imports.
  std::shared_ptr<const RegionTree> regions() const;

 private:
  Status ReloadRegions();

  std::unique_ptr<Store> store_;
  std::mutex write_mu_;  // serializes use cases that write
  mutable std::shared_mutex state_mu_;
  // shared_ptr: readers keep using an old tree while an import swaps in a new one.
  std::shared_ptr<const RegionTree> regions_;  // GUARDED_BY(state_mu_)
};

}  // namespace xj
