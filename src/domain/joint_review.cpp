#include "domain/joint_review.hpp"

#include <algorithm>
#include <map>

namespace xj {
namespace {

std::string Join(const std::vector<std::string>& v) {
  std::string out;
  for (const std::string& s : v) out += (out.empty() ? "" : "、") + s;
  return out;
}

void AddUnique(std::vector<std::string>& v, const std::string& s) {
  if (std::find(v.begin(), v.end(), s) == v.end()) v.push_back(s);
}

}  // namespace

std::string_view SignoffDecisionName(SignoffDecision d) {
  return d == SignoffDecision::kApprove ? "approve" : "return";
}

std::optional<SignoffDecision> ParseSignoffDecision(std::string_view text) {
  if (text == "approve" || text == "同意") return SignoffDecision::kApprove;
  if (text == "return" || text == "退回") return SignoffDecision::kReturn;
  return std::nullopt;
}

std::string JointReviewStatus::Missing() const {
  std::string out;
  if (!returned.empty()) out += "被退回：" + Join(returned);
  if (!pending.empty()) out += std::string(out.empty() ? "" : "；") + "尚未会签：" + Join(pending);
  return out;
}

std::vector<std::string> RequiredDepartments(const std::vector<ReviewDepartments>& county_config,
                                             std::string_view category_code) {
  std::vector<std::string> out;
  for (const ReviewDepartments& c : county_config) {
    if (c.category_code != kAnyCategory) continue;
    for (const std::string& d : c.departments) AddUnique(out, d);
  }
  for (const ReviewDepartments& c : county_config) {
    if (c.category_code != category_code) continue;
    for (const std::string& d : c.departments) AddUnique(out, d);
  }
  return out;
}

JointReviewStatus SummarizeJointReview(const std::vector<std::string>& required, const std::vector<Signoff>& signoffs) {
  std::map<std::string, SignoffDecision> latest;
  for (const Signoff& s : signoffs) latest[s.department] = s.decision;
  JointReviewStatus out;
  for (const std::string& d : required) {
    if (std::find(out.required.begin(), out.required.end(), d) != out.required.end()) continue;
    out.required.push_back(d);
    auto it = latest.find(d);
    if (it == latest.end()) {
      out.pending.push_back(d);
    } else if (it->second == SignoffDecision::kApprove) {
      out.approved.push_back(d);
    } else {
      out.returned.push_back(d);
    }
  }
  return out;
}

}  // namespace xj
