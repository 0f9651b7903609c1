#include "domain/project.hpp"

#include <array>

namespace xj {
namespace {

struct StateNames {
  ProjectState state;
  std::string_view name;
  std::string_view label;
};

constexpr std::array<StateNames, 14> kStates = {{
    {ProjectState::kDraft, "draft", "储备"},
    {ProjectState::kSubmitted, "submitted", "村级申报"},
    {ProjectState::kTownshipReviewed, "township_reviewed", "乡镇审核"},
    {ProjectState::kCountyReviewed, "county_reviewed", "县级论证"},
    {ProjectState::kInLibrary, "in_library", "审定入库"},
    {ProjectState::kPlanned, "planned", "纳入年度计划"},
    {ProjectState::kApproved, "approved", "资金已安排"},
    {ProjectState::kStarted, "started", "开工"},
    {ProjectState::kFinished, "finished", "完工"},
    {ProjectState::kAccepted, "accepted", "竣工验收"},
    {ProjectState::kHandedOver, "handed_over", "资产移交"},
    {ProjectState::kRejected, "rejected", "退回"},
    {ProjectState::kRolledOver, "rolled_over", "结转下年"},
    {ProjectState::kCancelled, "cancelled", "撤项"},
}};

}  // namespace

std::string_view ProjectStateName(ProjectState s) {
  for (const auto& n : kStates) {
    if (n.state == s) return n.name;
  }
  return "draft";
}

std::string_view ProjectStateLabel(ProjectState s) {
  for (const auto& n : kStates) {
    if (n.state == s) return n.label;
  }
  return "储备";
}

std::optional<ProjectState> ParseProjectState(std::string_view text) {
  for (const auto& n : kStates) {
    if (text == n.name || text == n.label) return n.state;
  }
  if (text == "已开工" || text == "在建") return ProjectState::kStarted;
  if (text == "已完工") return ProjectState::kFinished;
  if (text == "已撤项" || text == "撤销") return ProjectState::kCancelled;
  return std::nullopt;
}

}  // namespace xj
