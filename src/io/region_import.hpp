#pragma once
/// Reads the regions interchange format (docs/definitions.md §4) into rows for the domain.

#include <vector>

#include "core/status.hpp"
#include "domain/region_tree.hpp"
#include "io/csv_reader.hpp"

namespace xj {

/// Reads every row; on any problem returns all of them (row, column, value, reason).
/// Checks only what a single cell can tell; tree rules are MergeRegionRows's.
Result<std::vector<RegionRow>> ReadRegionRows(TableSource& source);

}  // namespace xj
