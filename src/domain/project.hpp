#pragma once
/// Linkage projects (衔接项目) as the library and the figures see them.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "core/date.hpp"
#include "core/money.hpp"

namespace xj {

/// Project states of docs/definitions.md (national library procedure, then implementation).
/// Values are persisted: never renumber.
enum class ProjectState : int {
  kDraft = 1,             ///< 储备
  kSubmitted = 2,         ///< 村级申报
  kTownshipReviewed = 3,  ///< 乡镇审核
  kCountyReviewed = 4,    ///< 县级论证
  kInLibrary = 5,         ///< 审定入库
  kPlanned = 6,           ///< 纳入年度计划
  kApproved = 7,          ///< 资金已安排
  kStarted = 8,           ///< 开工
  kFinished = 9,          ///< 完工
  kAccepted = 10,         ///< 竣工验收
  kHandedOver = 11,       ///< 资产移交
  kRejected = 12,         ///< 退回/不予入库
  kRolledOver = 13,       ///< 结转下年
  kCancelled = 14,        ///< 撤项
};
std::string_view ProjectStateName(ProjectState s);
std::string_view ProjectStateLabel(ProjectState s);
/// English identifier or Chinese label.
std::optional<ProjectState> ParseProjectState(std::string_view text);

/// Whether a project in state `s` is in its year's plan (纳入年度计划), docs/definitions.md:
/// `planned` and every later state, not `cancelled`. Library-stage (draft … in_library),
/// rejected and rolled-over projects are not. The one definition behind start_rate,
/// completion_rate, industry_share, the compliance review's county plan and `xianjie verify`.
constexpr bool InYearPlan(ProjectState s) {
  return s >= ProjectState::kPlanned && s <= ProjectState::kHandedOver;
}

/// A project row of the projects interchange format (docs/definitions.md §4).
struct Project {
  std::string project_code;  ///< 项目编码, the idempotency key
  std::string name;
  int year = 0;  ///< plan year (年度)
  std::string region_code;
  std::string category;     ///< 项目类别: catalogue code (0101) or its name
  std::string subcategory;  ///< 建设内容
  Fen total_investment;
  Fen central_fund;
  Fen other_fund;
  std::optional<Date> planned_start;
  std::optional<Date> planned_finish;
  std::optional<Date> actual_start;
  std::optional<Date> actual_finish;
  ProjectState status = ProjectState::kDraft;
  std::string responsible_person;
  bool gov_infrastructure = false;
  bool low_skill = false;
  bool work_relief = false;
  bool operator==(const Project&) const = default;
};

/// A signed construction contract on a project (for the 超进度拨款 check).
struct ProjectContract {
  std::string project_code;
  std::string contract_no;
  Fen amount;
  Date signed_on;
  std::optional<std::int32_t> advance_bp =
      std::nullopt;  ///< 预付款比例 in bp (30% = 3000); the policy's rate when absent
  bool operator==(const ProjectContract&) const = default;
};

/// A physical-progress report: share of work done, in hundredths of a percent (45.5% = 4550).
struct ProgressReport {
  std::string project_code;
  Date date;
  std::int32_t progress_hundredths = 0;
  std::string note;
  bool operator==(const ProgressReport&) const = default;
};

}  // namespace xj
