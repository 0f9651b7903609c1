#pragma once
/// Gaming detectors (数据造假/突击支出识别, docs/definitions.md §20): pure rules over ledger entries and
/// projects that find figures made to look better than they are. Each finding carries its evidence
/// (the entries and projects involved, amounts in fen) and the ledger filter that shows them.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/date.hpp"
#include "core/money.hpp"
#include "domain/flag.hpp"
#include "domain/ledger.hpp"
#include "domain/policy.hpp"

namespace xj {

/// The thresholds of §20 in force on one date (policy data, PolicyKey::kGaming* and the two keys the
/// detectors share with other rules).
struct GamingPolicy {
  std::int64_t cutoff_day = 0;              ///< dispatch_cutoff_day: the ranking cut-off (0 = month's last day)
  std::int64_t rush_days = 5;               ///< gaming_cutoff_rush_days
  std::int64_t reversal_days = 30;          ///< gaming_cutoff_reversal_days
  std::int64_t tender_threshold_fen = 0;    ///< work_relief_threshold_fen (招标限额 4,000,000 元)
  std::int64_t split_window_days = 90;      ///< gaming_split_window_days
  std::int64_t split_margin_bp = 2000;      ///< gaming_split_margin_bp
  std::int64_t payee_max_counties = 3;      ///< gaming_payee_max_counties
  std::int64_t payee_max_projects = 10;     ///< gaming_payee_max_projects
  std::int64_t payee_window_days = 365;     ///< gaming_payee_window_days
  std::int64_t round_unit_fen = 1'000'000;  ///< gaming_round_unit_fen
  std::int64_t month_end_days = 3;          ///< gaming_month_end_days
  std::int64_t round_min_count = 3;         ///< gaming_round_min_count
  std::int64_t round_share_bp = 5000;       ///< gaming_round_share_bp
  std::int64_t return_window_days = 90;     ///< gaming_return_window_days

  /// The values in force on `date` (the detectors apply those of the as-of date throughout).
  static GamingPolicy At(const PolicySet& policy, Date date);
};

/// The ranking cut-off (排名截止日) on or after `date`: day `cutoff_day` of the date's month (0, or a
/// day the month lacks, is its last day); when the date lies after it, next month's.
Date RankingCutoffOn(Date date, std::int64_t cutoff_day);

/// One ledger entry as the detectors read it.
struct GamingEntry {
  std::string entry_id;
  Date date;
  EntryKind kind = EntryKind::kExpend;
  FundSource fund_source = FundSource::kCentral;
  int fund_year = 0;
  std::string region_code;
  std::string county_code;  ///< the county holding region_code (the region itself above a county)
  std::string project_code;
  Fen amount;
  std::string payee;
  PayeeType payee_type = PayeeType::kNone;
  std::string reverses;  ///< for a reversal: the entry it cancels
  bool operator==(const GamingEntry&) const = default;
};

/// One project as the detectors read it.
struct GamingProject {
  std::string project_code;
  std::string name;
  std::string region_code;  ///< the village (or whatever unit the project is booked to)
  std::string category;
  Fen total_investment;
};

/// A project in a finding's evidence, with what the finding measured on it.
struct GamingProjectEvidence {
  std::string project_code;
  std::string name;
  std::string region_code;
  std::string category;
  Fen total_investment;
  std::optional<Date> first_paid_on;  ///< tender_split: the first payment to the contractor
  Fen paid;                           ///< net expenditure to the finding's payee on the project
};

/// The ledger list (台账查询) that shows a finding's entries: every field narrows, empty = any.
struct GamingLedgerLink {
  std::string region_code;
  std::string text;  ///< an entry id or a payee (the ledger's q)
  std::optional<EntryKind> kind;
  std::optional<Date> from, to;
};

/// A named figure the rule measured (days before the cut-off, counties, share in bp …).
struct GamingMeasure {
  std::string name;
  std::int64_t value = 0;
};

/// What one detector found: a flag of one of the §20 kinds with its evidence.
struct GamingFinding {
  std::string kind;         ///< FlagKind::kCutoffRush …
  std::string subject;      ///< entry id, first project code, payee, or "county@YYYY-MM"
  std::string region_code;  ///< the entry's or project's region; the county; '' for payee_spread (the app
                            ///< puts the lowest region holding every county)
  std::string project_code;
  std::string project_name;  ///< left empty by the detectors; the reader fills it from the projects
  std::optional<int> fund_year;
  std::optional<FundSource> fund_source;
  Date raised_on;  ///< when the pattern became visible (the reversal's date, the last part's …)
  Fen amount;
  std::string detail;          ///< in Chinese
  std::optional<Date> cutoff;  ///< cutoff_rush: the ranking cut-off straddled
  std::vector<GamingEntry> entries;
  std::vector<GamingProjectEvidence> projects;
  std::vector<std::string> counties;  ///< payee_spread: the distinct counties paid in
  std::vector<GamingMeasure> measures;
  GamingLedgerLink ledger;
};

/// Everything the detectors read: every entry and project (unfiltered), and the policy.
struct GamingInput {
  std::vector<GamingEntry> entries;
  std::vector<GamingProject> projects;
  Date as_of;
};

/// 截止前突击支出: an expenditure (not to a government account) dated within `rush_days` up to and
/// including the ranking cut-off on or after it, reversed by an entry dated after that cut-off and at
/// most `reversal_days` after it, the reversal dated ≤ as_of. Subject: the expenditure.
std::vector<GamingFinding> DetectCutoffRush(const GamingInput& in, const GamingPolicy& p);

/// 化整为零规避招标: projects of one village, category and contractor (a payee other than a government
/// account paid on each) whose total investment is each in [threshold × (1 − margin), threshold), the
/// first payments to that contractor within `split_window_days` of the earliest, two or more together
/// reaching the threshold. Subject: the earliest project.
std::vector<GamingFinding> DetectTenderSplit(const GamingInput& in, const GamingPolicy& p);

/// 收款方跨县跨项目: a payee (not a government account) with net expenditure in more than
/// `payee_max_counties` counties or more than `payee_max_projects` projects in the window
/// (as_of − window + 1 … as_of). Subject: the payee.
std::vector<GamingFinding> DetectPayeeSpread(const GamingInput& in, const GamingPolicy& p);

/// 月末整数支出集中: per county and month, the unreversed expenditures booked in the month's last
/// `month_end_days` days (up to as_of) whose amount is a multiple of `round_unit_fen`: flagged from
/// `round_min_count` of them making ≥ `round_share_bp` of that county's month-end expenditures.
/// Subject: "county@YYYY-MM".
std::vector<GamingFinding> DetectMonthEndRound(const GamingInput& in, const GamingPolicy& p);

/// 以拨代支回流: an expenditure to a government account (以拨代支) reversed 1 to `return_window_days`
/// days after it, the reversal dated ≤ as_of. Subject: the expenditure.
std::vector<GamingFinding> DetectGovAccountReturn(const GamingInput& in, const GamingPolicy& p);

/// All five, in kind order.
std::vector<GamingFinding> DetectGaming(const GamingInput& in, const GamingPolicy& p);

}  // namespace xj
