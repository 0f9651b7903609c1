#include "domain/flag.hpp"

#include <algorithm>
#include <array>

namespace xj {
namespace {

struct KindInfo {
  std::string_view kind, label, subject;
};
constexpr std::array<KindInfo, 11> kKindInfo = {{
    {FlagKind::kDisburseAsExpend, "以拨代支", "entry"},
    {FlagKind::kPayAheadOfProgress, "超进度拨款", "project"},
    {FlagKind::kOverArranged, "超安排支出", "project"},
    {FlagKind::kNegativeList, "负面清单", "entry"},
    {FlagKind::kLateAllocation, "分配下达超时", "entry"},
    {FlagKind::kLateDistribution, "分配到项目超时", "entry"},
    {FlagKind::kCutoffRush, "截止前突击支出", "entry"},
    {FlagKind::kTenderSplit, "化整为零规避招标", "project"},
    {FlagKind::kPayeeSpread, "收款方跨县跨项目", "payee"},
    {FlagKind::kMonthEndRound, "月末整数支出集中", "region"},
    {FlagKind::kGovAccountReturn, "以拨代支回流", "entry"},
}};

constexpr std::array<std::pair<FlagStatus, std::pair<std::string_view, std::string_view>>, 3> kFlagStatuses = {{
    {FlagStatus::kOpen, {"open", "待处理"}},
    {FlagStatus::kExplained, {"explained", "已说明"}},
    {FlagStatus::kClosed, {"closed", "已关闭"}},
}};

constexpr std::array<std::pair<FlagAction, std::string_view>, 4> kActions = {{
    {FlagAction::kAssign, "assign"},
    {FlagAction::kExplain, "explain"},
    {FlagAction::kClose, "close"},
    {FlagAction::kReopen, "reopen"},
}};

}  // namespace

bool IsFlagKind(std::string_view kind) {
  for (const KindInfo& k : kKindInfo) {
    if (k.kind == kind) return true;
  }
  return false;
}

std::string_view FlagKindLabel(std::string_view kind) {
  for (const KindInfo& k : kKindInfo) {
    if (k.kind == kind) return k.label;
  }
  return kind;
}

std::string_view FlagSubjectType(std::string_view kind) {
  for (const KindInfo& k : kKindInfo) {
    if (k.kind == kind) return k.subject;
  }
  return "entry";
}

std::string_view FlagStatusName(FlagStatus s) {
  for (const auto& [status, names] : kFlagStatuses) {
    if (status == s) return names.first;
  }
  return "open";
}

std::string_view FlagStatusLabel(FlagStatus s) {
  for (const auto& [status, names] : kFlagStatuses) {
    if (status == s) return names.second;
  }
  return "待处理";
}

std::optional<FlagStatus> ParseFlagStatus(std::string_view text) {
  for (const auto& [status, names] : kFlagStatuses) {
    if (text == names.first || text == names.second) return status;
  }
  return std::nullopt;
}

std::string_view FlagActionName(FlagAction a) {
  for (const auto& [action, name] : kActions) {
    if (action == a) return name;
  }
  return "assign";
}

std::optional<FlagAction> ParseFlagAction(std::string_view text) {
  for (const auto& [action, name] : kActions) {
    if (text == name) return action;
  }
  return std::nullopt;
}

Result<FlagStatus> ApplyFlagAction(FlagStatus status, FlagAction action, std::string_view reason,
                                   std::string_view assignee) {
  const std::string now = std::string(FlagStatusLabel(status)) + "（" + std::string(FlagStatusName(status)) + "）";
  switch (action) {
    case FlagAction::kAssign:
      if (assignee.empty()) return Status::InvalidArgument("指派须填写负责人 assignee");
      if (status == FlagStatus::kClosed) return Status::Conflict("预警已关闭，不能再指派；请先重新打开");
      return status;
    case FlagAction::kExplain:
      if (reason.empty()) return Status::InvalidArgument("说明须填写理由 reason");
      if (status == FlagStatus::kClosed) return Status::Conflict("预警当前为" + now + "，不能再说明；请先重新打开");
      return FlagStatus::kExplained;
    case FlagAction::kClose:
      if (reason.empty()) return Status::InvalidArgument("关闭须填写理由 reason");
      if (status == FlagStatus::kClosed) return Status::Conflict("预警当前为" + now + "，已经关闭");
      return FlagStatus::kClosed;
    case FlagAction::kReopen:
      if (reason.empty()) return Status::InvalidArgument("重新打开须填写理由 reason");
      if (status != FlagStatus::kClosed) return Status::Conflict("预警当前为" + now + "，只有已关闭的预警可以重新打开");
      return FlagStatus::kOpen;
  }
  return Status::InvalidArgument("未知的处理动作");
}

FenTotal OverArrangedExcess(FenTotal expended, FenTotal allocated, bool any_allocation, FenTotal planned) {
  const FenTotal arranged = any_allocation ? allocated : planned;
  return expended > arranged ? expended - arranged : FenTotal();
}

OverArrangedRun SweepOverArranged(std::vector<ProjectMovement> movements, FenTotal planned) {
  std::stable_sort(movements.begin(), movements.end(),
                   [](const ProjectMovement& a, const ProjectMovement& b) { return a.date < b.date; });
  OverArrangedRun run;
  FenTotal allocated;
  bool any_allocation = false;
  for (std::size_t i = 0; i < movements.size();) {
    const Date date = movements[i].date;
    for (; i < movements.size() && movements[i].date == date; ++i) {
      allocated += movements[i].allocated;
      run.expended += movements[i].expended;
      any_allocation = any_allocation || movements[i].allocation;
    }
    run.excess = OverArrangedExcess(run.expended, allocated, any_allocation, planned);
    if (run.excess.value() > 0) {
      if (!run.raised_on || run.cleared_on) run.raised_on = date;
      run.cleared_on.reset();
      run.last_excess = run.excess;
    } else if (run.raised_on && !run.cleared_on) {
      run.cleared_on = date;
    }
  }
  run.arranged = any_allocation ? allocated : planned;
  return run;
}

}  // namespace xj
