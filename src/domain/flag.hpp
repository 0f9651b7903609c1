#pragma once
/// Flags (问题预警) as work items: something the figures or the payment checks found about a
/// ledger entry or a project, which somebody must look into, explain and close.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/date.hpp"
#include "core/money.hpp"
#include "core/status.hpp"
#include "domain/ledger.hpp"

namespace xj {

/// Kinds of flags (stable identifiers; later issues add more).
struct FlagKind {
  static constexpr std::string_view kDisburseAsExpend = "disburse_as_expend";       ///< 以拨代支 (an entry)
  static constexpr std::string_view kPayAheadOfProgress = "pay_ahead_of_progress";  ///< 超进度拨款 (a project)
  static constexpr std::string_view kOverArranged = "over_arranged";  ///< 支出超过安排资金 (a project)
  static constexpr std::string_view kNegativeList = "negative_list";  ///< 用途涉及负面清单 (an entry)
  /// 分配下达超时 / 分配到项目超时 (docs/definitions.md §12): an allocation received from the superior
  /// (its document id is the subject, an "entry") passed on to the children / to projects late.
  static constexpr std::string_view kLateAllocation = "late_allocation";
  static constexpr std::string_view kLateDistribution = "late_distribution";
  /// Gaming detectors (数据造假/突击支出识别, docs/definitions.md §20), computed on each as-of date.
  static constexpr std::string_view kCutoffRush = "cutoff_rush";         ///< 截止前突击支出 (an entry)
  static constexpr std::string_view kTenderSplit = "tender_split";       ///< 化整为零规避招标 (a project)
  static constexpr std::string_view kPayeeSpread = "payee_spread";       ///< 收款方跨县跨项目 (a payee)
  static constexpr std::string_view kMonthEndRound = "month_end_round";  ///< 月末整数支出集中 (a county-month)
  static constexpr std::string_view kGovAccountReturn = "gov_account_return";  ///< 以拨代支回流 (an entry)
};
/// The known kinds, in display order.
inline constexpr std::string_view kFlagKinds[] = {
    FlagKind::kDisburseAsExpend, FlagKind::kPayAheadOfProgress, FlagKind::kOverArranged,    FlagKind::kNegativeList,
    FlagKind::kLateAllocation,   FlagKind::kLateDistribution,   FlagKind::kCutoffRush,      FlagKind::kTenderSplit,
    FlagKind::kPayeeSpread,      FlagKind::kMonthEndRound,      FlagKind::kGovAccountReturn};
/// Whether `kind` is a known kind.
bool IsFlagKind(std::string_view kind);
/// 以拨代支, 超进度拨款, 超安排支出, 负面清单, 分配下达超时, 分配到项目超时, and the §20 kinds' labels.
std::string_view FlagKindLabel(std::string_view kind);
/// "entry", "project", "payee" (a payee's name) or "region" ("county@YYYY-MM"): what the kind's subject is.
std::string_view FlagSubjectType(std::string_view kind);

/// Where a flag stands. Persisted by name: never rename.
enum class FlagStatus : int {
  kOpen = 1,       ///< 待处理
  kExplained = 2,  ///< 已说明
  kClosed = 3,     ///< 已关闭
};
std::string_view FlagStatusName(FlagStatus s);
std::string_view FlagStatusLabel(FlagStatus s);
/// open|explained|closed or 待处理|已说明|已关闭.
std::optional<FlagStatus> ParseFlagStatus(std::string_view text);

/// What somebody does to a flag.
enum class FlagAction : int {
  kAssign = 1,   ///< 指派 (names the assignee; the status stays)
  kExplain = 2,  ///< 说明 (open or explained → explained; a reason is required)
  kClose = 3,    ///< 关闭 (open or explained → closed; a reason is required)
  kReopen = 4,   ///< 重新打开 (closed → open; a reason is required)
};
std::string_view FlagActionName(FlagAction a);
std::optional<FlagAction> ParseFlagAction(std::string_view text);

/// The status after `action` from `status`. InvalidArgument when the reason (or, for assign,
/// the assignee) is missing; Conflict naming the status when the action does not apply.
Result<FlagStatus> ApplyFlagAction(FlagStatus status, FlagAction action, std::string_view reason,
                                   std::string_view assignee);

/// over_arranged (超安排支出): cumulative expenditure on a project beyond the funds arranged to
/// it — the allocations naming it, or its planned funds (central + other) when no allocation
/// names it. The excess, 0 when there is none.
FenTotal OverArrangedExcess(FenTotal expended, FenTotal allocated, bool any_allocation, FenTotal planned);

/// One dated movement of a project's money (a ledger entry as it counts, signed), for the
/// over_arranged history below.
struct ProjectMovement {
  Date date;
  FenTotal allocated;       ///< signed: a reversed allocation is negative
  FenTotal expended;        ///< signed, likewise
  bool allocation = false;  ///< an allocation names the project (even a reversed one)
};

/// A project's over_arranged history over its dated movements (any order): the excess on each
/// date counts every movement dated on or before it, so a back-dated entry or a file not sorted
/// by date dates the flag where the overspending really began.
struct OverArrangedRun {
  std::optional<Date> raised_on;   ///< first day of the last period in excess (none: never in excess)
  std::optional<Date> cleared_on;  ///< the day that period ended (none: still in excess on the last date)
  FenTotal excess;                 ///< on the last date (0 when cleared)
  FenTotal last_excess;            ///< on the last day of the last period in excess
  FenTotal expended;               ///< on the last date
  FenTotal arranged;               ///< on the last date: allocations, or `planned` when none
};
OverArrangedRun SweepOverArranged(std::vector<ProjectMovement> movements, FenTotal planned);

/// A flag as the list shows it: what was found (the figures or the store) and its work state.
struct Flag {
  std::int64_t id = 0;  ///< 0 while nobody has acted on a flag the engine computes
  std::string kind;
  std::string subject;  ///< the entry id or the project code
  std::string region_code;
  std::string project_code;
  std::optional<int> fund_year;           ///< an entry's
  std::optional<FundSource> fund_source;  ///< an entry's
  Date raised_on;                         ///< when the condition held (the entry's date for an entry)
  std::optional<Date> cleared_on;         ///< when it stopped holding (stored kinds)
  Fen amount;                             ///< the entry's amount, or the excess of a project
  std::string detail;                     ///< what was found, in Chinese
  FlagStatus status = FlagStatus::kOpen;
  std::string assignee;
  std::string reason;
  std::string updated_at;
  std::int64_t version = 0;  ///< 0 while not stored
};

/// One step in a flag's history.
struct FlagEvent {
  std::int64_t flag_id = 0;
  std::string at;  ///< UTC timestamp
  std::string actor;
  FlagAction action = FlagAction::kAssign;
  FlagStatus status = FlagStatus::kOpen;  ///< after the step
  std::string assignee;                   ///< after the step
  std::string reason;
};

}  // namespace xj
