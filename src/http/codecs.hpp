#pragma once
/// JSON codecs for the DTOs of the API and the CLI's json/csv/table output:
/// free functions, domain types never see JSON. Field names are the public
/// contract of docs/definitions.md §5 and issue #3 — never rename them.

#include <nlohmann/json.hpp>

#include "app/app.hpp"

namespace xj::http {

using OrderedJson = nlohmann::ordered_json;

nlohmann::json ToJson(const RegionSummary& r);
nlohmann::json ToJson(const ImportReport& r);
/// A user without secrets: id, username, role (+ role_label), region_code, region_name, disabled, created_at.
nlohmann::json ToJson(const UserView& u);
/// An audit row; `before`/`after` as JSON values (null when empty), hashes as hex.
nlohmann::json ToJson(const AuditRecord& r);

/// A percentage in hundredths as a JSON number (99.74), or null when undefined.
OrderedJson PercentJson(Ratio r);
/// A total in fen as a JSON integer. Beyond ±2⁶³ fen (only reachable past the input limits'
/// design range) a JSON number rounded to double precision — large, never wrapped.
OrderedJson TotalJson(FenTotal total);
/// Points difference (a − b) as a JSON number, or null.
OrderedJson PointsJson(Ratio a, Ratio b);
/// A date as "YYYY-MM-DD", or null when absent.
OrderedJson DateJson(const std::optional<Date>& d);

/// `{region_code, region_name, projects_total, …, on_track, …}` in the documented order.
OrderedJson ToJson(const RegionIndicators& r);
/// `{rank, region_code, region_name, expend_progress, assessed_progress, incentive_fen, …}`.
/// The rows of a ranking (rank null for units without a figure; scope_region_code and
/// scope_size on every row).
OrderedJson RankRowsJson(const Ranking& ranking);
/// {items: the rows, scopes: each scheme's owner, size, N and amount}.
OrderedJson ToJson(const Ranking& ranking);
/// `{disburse_as_expend: […], pay_ahead: […], *_total_fen}`.
/// One flag of the list (what was found, its work state; the 超进度拨款 figures when it is one).
OrderedJson ToJson(const FlagItem& item);
/// A timeliness measure (docs/definitions.md §12) and the per-unit report.
OrderedJson ToJson(const ReceiptMeasure& m);
OrderedJson ToJson(const TimelinessReport& r);
/// 年末支出进度预测 (docs/definitions.md §21): forecast_codec.cpp.
OrderedJson ToJson(const ForecastReport& r);
/// One row of it, flat (the CLI's csv and table): basis years joined by "、".
OrderedJson FlatForecastRow(const ForecastRow& row, std::int64_t target_bp);
/// {items: the page, total, page, page_size, summary per kind, and every matching flag grouped by
/// kind: disburse_as_expend, pay_ahead, over_arranged, negative_list with their *_total_fen}.
OrderedJson ToJson(const FlagsReport& r);
/// A flag with its history.
OrderedJson ToJson(const FlagDetail& d);
/// {ok, error: the refusal (code, message, details) or null, warnings: the flags saving would raise}.
OrderedJson ToJson(const LedgerCheck& c);

/// A project list page `{items, total, page, page_size}`.
OrderedJson ToJson(const ProjectList& page);
OrderedJson ToJson(const LedgerList& page);
/// A project with its region, version, history, pre-procedures, allowed actions and ledger entries.
OrderedJson ToJson(const ProjectDetail& d);
/// Adds the library sheet, compliance review, joint review, postings and village plan of `d` to `j`.
void AddLibraryJson(OrderedJson& j, const ProjectDetail& d);

/// Flat rows of a flags report for CSV/table output.
OrderedJson FlagRows(const FlagsReport& r);

}  // namespace xj::http

namespace xj::http {

/// Reads one ledger entry object, an array of them, or `{"entries": […]}` into
/// numbered entries (row = 1-based item number), through the same validation as a
/// file import. `amount_fen` is integer fen (or `amount` in yuan as a string).
Result<std::vector<NumberedEntry>> LedgerEntriesFromJson(const nlohmann::json& body);
/// `{"contract_no", "amount_fen", "signed_on"}`.
Result<ProjectContract> ContractFromJson(const std::string& project_code, const nlohmann::json& body);
/// `{"date", "progress"}` with progress a percentage (45.5) or `progress_bp` (4550), optional `note`.
Result<ProgressReport> ProgressFromJson(const std::string& project_code, const nlohmann::json& body);

}  // namespace xj::http
