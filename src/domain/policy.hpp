#pragma once
/// Policy parameters (政策参数) as data: every threshold of docs/definitions.md has a
/// default and may change on an effective date. Never a literal in logic.

#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "core/date.hpp"

namespace xj {

/// Keys of the known policy values and their defaults. Basis points (bp) are
/// hundredths of a percent: 3000 bp = 30%.
struct PolicyKey {
  static constexpr std::string_view kAdvanceCapBp = "advance_cap_bp";  ///< 预付款上限 30%
  static constexpr std::string_view kRetentionBp = "retention_bp";     ///< 质保金 3%
  /// 缺陷责任期: months after 竣工验收 during which the retention is held (24).
  static constexpr std::string_view kDefectsLiabilityMonths = "defects_liability_months";
  static constexpr std::string_view kIndustryShareMinBp = "industry_share_min_bp";  ///< 产业占比下限 60%
  static constexpr std::string_view kWorkReliefThresholdFen =
      "work_relief_threshold_fen";                                             ///< 以工代赈/招标 4,000,000 元
  static constexpr std::string_view kIncentiveTopN = "incentive_top_n";        ///< 前 10 名奖励
  static constexpr std::string_view kIncentiveBottomN = "incentive_bottom_n";  ///< 后 10 名扣减
  static constexpr std::string_view kIncentiveAmountFen = "incentive_amount_fen";  ///< ±20,000,000 元
  static constexpr std::string_view kPostingDays = "posting_days";                 ///< 公示期 10 天
  /// 以工代赈劳务报酬占比下限: wages ÷ the project's central funds, 30%.
  static constexpr std::string_view kWorkReliefLabourShareMinBp = "work_relief_labour_share_min_bp";
  // Driving execution (issue #17, docs/definitions.md §7).
  /// 月调度截止日: the day of the month a dispatch snapshot is cut at; 0 = the month's last day.
  static constexpr std::string_view kDispatchCutoffDay = "dispatch_cutoff_day";
  /// 月调度填报: days after the cut-off by which units file their explanation and plan (10).
  static constexpr std::string_view kDispatchFilingDays = "dispatch_filing_days";
  /// 点对点提醒: a county is reminded when time progress − expenditure progress exceeds this (1000 bp = 10 points).
  static constexpr std::string_view kReminderBehindTimeBp = "reminder_behind_time_bp";
  /// 点对点提醒: a project not started this many days after its planned start is reminded (30).
  static constexpr std::string_view kReminderNotStartedDays = "reminder_not_started_days";
  /// 约谈名单: a county among the last N of its ranking in a dispatch qualifies (3); qualifying in two
  /// dispatches in a row grades it 约谈, three 问责建议.
  static constexpr std::string_view kInterviewBottomN = "interview_bottom_n";
  /// 约谈名单: a county behind time progress by more than this in a quarter-end dispatch qualifies
  /// (2000 bp = 20 points).
  static constexpr std::string_view kInterviewBehindTimeBp = "interview_behind_time_bp";
  /// 施工季 (docs/definitions.md §7): the first and last month (1–12, both inclusive; start after end runs
  /// across the new year) in which a unit can build. Regional: a value owned by a region applies below it.
  /// Defaults 1 and 12: the whole year.
  static constexpr std::string_view kConstructionSeasonStartMonth = "construction_season_start_month";
  static constexpr std::string_view kConstructionSeasonEndMonth = "construction_season_end_month";
  /// 施工季初: a project planned to start within this many days of its season's first day (21)…
  static constexpr std::string_view kSeasonEarlyDays = "season_early_days";
  /// …is reminded when not started this many days after its planned start (7), not
  /// reminder_not_started_days.
  static constexpr std::string_view kReminderSeasonEarlyNotStartedDays = "reminder_season_early_not_started_days";
  /// 因素法分配 (docs/definitions.md §10): each factor's weight, the key-county tilt, the deduction
  /// rate on settled 以拨代支 + 超进度拨款, and the floor and cap as shares of the pool (all bp).
  static constexpr std::string_view kAllocationWeightRuralPopulationBp = "allocation_weight_rural_population_bp";
  static constexpr std::string_view kAllocationWeightLiftedPopulationBp = "allocation_weight_lifted_population_bp";
  static constexpr std::string_view kAllocationWeightMonitoredPopulationBp =
      "allocation_weight_monitored_population_bp";
  static constexpr std::string_view kAllocationWeightAreaBp = "allocation_weight_area_bp";
  static constexpr std::string_view kAllocationWeightPerformanceBp = "allocation_weight_performance_bp";
  static constexpr std::string_view kAllocationKeyCountyTiltBp = "allocation_key_county_tilt_bp";
  static constexpr std::string_view kAllocationDeductionRateBp = "allocation_deduction_rate_bp";
  static constexpr std::string_view kAllocationFloorBp = "allocation_floor_bp";
  static constexpr std::string_view kAllocationCapBp = "allocation_cap_bp";
  /// 资金分配时效 (docs/definitions.md §12): days a unit may take to pass an allocation it received from
  /// its superior on to its children (30) and to projects (30); more is a breach. Regional.
  static constexpr std::string_view kAllocationTimelinessLimitDays = "allocation_timeliness_limit_days";
  static constexpr std::string_view kDistributionTimelinessLimitDays = "distribution_timeliness_limit_days";
  /// 易地扶贫搬迁后续扶持 (docs/definitions.md §13): the standard of each support kind in fen (per person or
  /// per household as the kind says) and its raise in bp (a +50% raise is 5000 from its date; the raised
  /// standard is rounded half up to whole fen). Regional: a value owned by a region applies below it.
  static constexpr std::string_view kRelocationTravelFen = "relocation_subsidy_cross_region_travel_fen";
  static constexpr std::string_view kRelocationTravelRaiseBp = "relocation_subsidy_cross_region_travel_raise_bp";
  static constexpr std::string_view kRelocationStartupFen = "relocation_subsidy_startup_fen";
  static constexpr std::string_view kRelocationStartupRaiseBp = "relocation_subsidy_startup_raise_bp";
  static constexpr std::string_view kRelocationTrainingFen = "relocation_subsidy_skills_training_fen";
  static constexpr std::string_view kRelocationTrainingRaiseBp = "relocation_subsidy_skills_training_raise_bp";
  /// 电话抽查 (docs/definitions.md §9): the share of the supervisors below it a level calls each month
  /// (1000 bp = 10%, rounded up) and the fewest calls it makes (5; never more than the pool). Regional:
  /// a value owned by a region applies to it and below.
  static constexpr std::string_view kSpotCheckSampleRateBp = "spot_check_sample_rate_bp";
  static constexpr std::string_view kSpotCheckMinCalls = "spot_check_min_calls";
  /// 绩效评价 grade bands (docs/definitions.md §15), in hundredths of a point: a total ≥ excellent is 优
  /// (9000 = 90 points), ≥ good 良 (8000), ≥ pass 中 (6000), below 差. Regional.
  static constexpr std::string_view kEvaluationGradeExcellentPoints = "evaluation_grade_excellent_points";
  static constexpr std::string_view kEvaluationGradeGoodPoints = "evaluation_grade_good_points";
  static constexpr std::string_view kEvaluationGradePassPoints = "evaluation_grade_pass_points";
  /// 数据造假/突击支出识别 (docs/definitions.md §20): the gaming detectors' windows and limits. The ranking
  /// cut-off is dispatch_cutoff_day's; the tendering threshold is work_relief_threshold_fen.
  /// Cut-off rush: an expenditure within this many days up to its month's cut-off (5)…
  static constexpr std::string_view kGamingCutoffRushDays = "gaming_cutoff_rush_days";
  /// …reversed within this many days after the cut-off (30).
  static constexpr std::string_view kGamingCutoffReversalDays = "gaming_cutoff_reversal_days";
  /// Split tenders: first payments to one contractor within this many days (90)…
  static constexpr std::string_view kGamingSplitWindowDays = "gaming_split_window_days";
  /// …on projects each at least threshold × (1 − margin) (2000 bp: ≥ 80% of it) and below it.
  static constexpr std::string_view kGamingSplitMarginBp = "gaming_split_margin_bp";
  /// Payee spread: paid in more than this many counties (3) or projects (10) within the window (365 days).
  static constexpr std::string_view kGamingPayeeMaxCounties = "gaming_payee_max_counties";
  static constexpr std::string_view kGamingPayeeMaxProjects = "gaming_payee_max_projects";
  static constexpr std::string_view kGamingPayeeWindowDays = "gaming_payee_window_days";
  /// Month-end round numbers: an amount a multiple of this (1,000,000 fen = 1 万元), booked in the last
  /// N days of a month (3); flagged per county and month from this many (3) making at least this
  /// share (5000 bp) of the county's month-end expenditures.
  static constexpr std::string_view kGamingRoundUnitFen = "gaming_round_unit_fen";
  static constexpr std::string_view kGamingMonthEndDays = "gaming_month_end_days";
  static constexpr std::string_view kGamingRoundMinCount = "gaming_round_min_count";
  static constexpr std::string_view kGamingRoundShareBp = "gaming_round_share_bp";
  /// 以拨代支回流: a 以拨代支 expenditure reversed 1 to this many days later (90).
  static constexpr std::string_view kGamingReturnWindowDays = "gaming_return_window_days";
};

/// One value taking effect on a date; for `region_code`'s scheme only when given (an
/// incentive scheme 奖惩 is owned by the region whose units it ranks).
struct PolicyChange {
  std::string key;
  Date effective_from;
  std::int64_t value = 0;
  std::string region_code = {};  ///< '' = everywhere
};

/// The incentive scheme (奖惩) that ranks a unit: the region owning it (its units are ranked
/// together) and its N and amount, all as in force on one date.
struct IncentiveScheme {
  std::string owner_code;  ///< '' = the whole tree
  int top_n = 0;
  int bottom_n = 0;
  std::int64_t amount_fen = 0;
};

/// Immutable set of policy values over time. Thread-safe for reads.
class PolicySet {
 public:
  /// The built-in defaults, effective from the beginning of time.
  static PolicySet Defaults();
  /// Defaults overlaid with stored changes.
  static PolicySet WithChanges(const std::vector<PolicyChange>& changes);

  /// The value in force on `date`. REQUIRES: `key` is one of PolicyKey.
  std::int64_t ValueAt(std::string_view key, Date date) const;
  /// Dates on which `key` changes value (excluding the default's).
  std::vector<Date> ChangeDates(std::string_view key) const;
  /// Every value `key` takes at some time (the default included), ascending, unique.
  std::vector<std::int64_t> Values(std::string_view key) const;
  /// Whether `key` is a known policy key.
  static bool IsKnownKey(std::string_view key);
  /// Whether `key` may be owned by a region (the incentive keys: top N, bottom N, amount; the
  /// construction season's months; the timeliness limits; the relocation support standards and their raises;
  /// the spot-check rate and minimum).
  static bool IsRegionalKey(std::string_view key);
  /// Why `value` cannot be a value of `key` ('' when it can): negative, a month outside 1–12, or a
  /// spot-check rate above 10000 bp; a gaming detector's window, count or unit below its least (§20).
  static std::string CheckValue(std::string_view key, std::int64_t value);
  /// The value of a regional `key` for a unit on `date`: that of the first region of `chain` (the
  /// unit itself first, then its ancestors) owning a value in force on the date, else ValueAt.
  std::int64_t ValueIn(std::string_view key, const std::vector<std::string>& chain, Date date) const;

  /// Whether `region_code` owns an incentive scheme in force on `date` (a value of any
  /// incentive key of its own, effective on or before the date).
  bool OwnsIncentiveScheme(std::string_view region_code, Date date) const;
  /// The scheme owned by `region_code` ('' = the defaults' level) on `date`: its own values
  /// where it has them, the general ones otherwise.
  IncentiveScheme IncentiveSchemeOf(std::string_view region_code, Date date) const;

 private:
  using Timeline = std::map<Date, std::int64_t>;
  std::map<std::string, Timeline, std::less<>> values_;
  /// Region code → key → values owned by that region.
  std::map<std::string, std::map<std::string, Timeline, std::less<>>, std::less<>> regional_;
};

}  // namespace xj
