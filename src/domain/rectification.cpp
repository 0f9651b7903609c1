#include "domain/rectification.hpp"

#include <algorithm>
#include <array>

namespace xj {
namespace {

struct RectificationStatusInfo {
  RectificationStatus status;
  std::string_view name;
  std::string_view label;
};

constexpr std::array<RectificationStatusInfo, 5> kRectificationStatuses = {{
    {RectificationStatus::kOpen, "open", "待整改"},
    {RectificationStatus::kRectifying, "rectifying", "整改中"},
    {RectificationStatus::kSubmitted, "submitted", "已提交"},
    {RectificationStatus::kVerified, "verified", "已销号"},
    {RectificationStatus::kReturned, "returned", "已退回"},
}};

bool Blank(const std::optional<std::string>& s) {
  return !s || s->empty();
}

}  // namespace

std::string_view RectificationStatusName(RectificationStatus s) {
  for (const RectificationStatusInfo& i : kRectificationStatuses) {
    if (i.status == s) return i.name;
  }
  return "open";
}

std::string_view RectificationStatusLabel(RectificationStatus s) {
  for (const RectificationStatusInfo& i : kRectificationStatuses) {
    if (i.status == s) return i.label;
  }
  return "待整改";
}

std::optional<RectificationStatus> ParseRectificationStatus(std::string_view name) {
  for (const RectificationStatusInfo& i : kRectificationStatuses) {
    if (i.name == name) return i.status;
  }
  return std::nullopt;
}

const std::vector<RectificationStep>& RectificationSteps() {
  using S = RectificationStatus;
  static const std::vector<RectificationStep> kSteps = {
      {"assign",
       "指定责任人和时限",
       {S::kOpen, S::kRectifying, S::kReturned},
       std::nullopt,
       RectificationActor::kSupervisor},
      {"start", "开始整改", {S::kOpen, S::kReturned}, S::kRectifying, RectificationActor::kUnit},
      {"submit", "提交整改结果", {S::kRectifying, S::kReturned}, S::kSubmitted, RectificationActor::kUnit},
      {"verify", "验收销号", {S::kSubmitted}, S::kVerified, RectificationActor::kSupervisor},
      {"return", "退回重改", {S::kSubmitted}, S::kReturned, RectificationActor::kSupervisor},
  };
  return kSteps;
}

const RectificationStep* FindRectificationStep(std::string_view action) {
  for (const RectificationStep& s : RectificationSteps()) {
    if (s.action == action) return &s;
  }
  return nullptr;
}

Result<const RectificationStep*> CheckRectificationStep(const Rectification& item,
                                                        const RectificationRequest& request) {
  const auto& steps = RectificationSteps();
  auto it =
      std::find_if(steps.begin(), steps.end(), [&](const RectificationStep& s) { return s.action == request.action; });
  if (it == steps.end()) {
    return Status::InvalidArgument("未知的整改操作：" + request.action + "（assign|start|submit|verify|return）")
        .WithReason("unknown_action");
  }
  if (request.version != item.version) {
    return Status::Conflict("整改事项已被他人更新（当前版本 " + std::to_string(item.version) + "），请刷新后重试")
        .WithReason("stale_version");
  }
  if (std::find(it->from.begin(), it->from.end(), item.status) == it->from.end()) {
    return Status::Conflict("整改事项当前为“" + std::string(RectificationStatusLabel(item.status)) + "”，不能" +
                            std::string(it->label))
        .WithReason("bad_transition");
  }
  const std::string owner = request.owner ? *request.owner : item.owner;
  const std::optional<Date> deadline = request.deadline ? request.deadline : item.deadline;
  if (it->action == "assign" && Blank(request.owner) && !request.deadline) {
    return Status::MissingField("指定须写明责任人（owner）或整改时限（deadline）");
  }
  if (it->action == "start") {
    if (owner.empty() || !deadline) return Status::MissingField("开始整改前须有责任人（owner）和整改时限（deadline）");
    if (Blank(request.measures) && item.measures.empty())
      return Status::MissingField("开始整改须写明整改措施（measures）");
  }
  if (it->action == "submit" && Blank(request.evidence))
    return Status::MissingField("提交整改结果须附整改佐证（evidence）");
  if (it->action == "verify" && request.note.empty()) return Status::MissingField("验收销号须写明验收意见（note）");
  if (it->action == "return" && request.note.empty()) return Status::MissingField("退回须写明理由（note）");
  return &*it;
}

Rectification ApplyRectificationStep(Rectification item, const RectificationStep& step,
                                     const RectificationRequest& request) {
  if (request.owner) item.owner = *request.owner;
  if (request.deadline) item.deadline = request.deadline;
  if (request.measures) item.measures = *request.measures;
  if (request.evidence) item.evidence = *request.evidence;
  if (step.action == "verify" || step.action == "return") item.verification = request.note;
  if (step.to) item.status = *step.to;
  ++item.version;
  return item;
}

bool IsOverdue(const Rectification& item, Date today) {
  return item.status != RectificationStatus::kVerified && item.deadline && *item.deadline < today;
}

}  // namespace xj
