#pragma once
/// Helpers shared by the app's import use cases (ledger, contracts, progress, benchmarks).
/// Internal to the app layer.

#include <string>
#include <string_view>
#include <vector>

#include "core/status.hpp"

namespace xj {

/// A scope refusal naming the rows outside the actor's subtree (REQUIRES: rows not empty).
Status OutOfScope(const std::vector<FieldError>& rows);

/// A refusal of a whole file: "<what>导入被拒绝：共N处错误" with every error (REQUIRES: errors not empty).
Status ImportRejected(std::string_view what, std::vector<FieldError> errors);

/// What an audit row says about a batch: the count and the keys (all of them when few).
std::string BatchSummary(const std::vector<std::string>& keys);

}  // namespace xj
