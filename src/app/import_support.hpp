#pragma once
/// Helpers shared by the app's import use cases (ledger, contracts, progress, benchmarks).
/// Internal to the app layer.

#include <string>
#include <vector>

#include "core/status.hpp"

namespace xj {

/// A scope refusal naming the rows outside the actor's subtree (REQUIRES: rows not empty).
Status OutOfScope(const std::vector<FieldError>& rows);

/// What an audit row says about a batch: the count and the keys (all of them when few).
std::string BatchSummary(const std::vector<std::string>& keys);

}  // namespace xj
