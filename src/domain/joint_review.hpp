#pragma once
/// Joint review by departments (联审联批): a county decides which departments must sign
/// off on projects of each category; each records approve or return with a comment; a
/// project may be admitted to the library only when every required department's latest
/// decision is an approval.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace xj {

/// A department's decision. Values are persisted: never renumber.
enum class SignoffDecision : int {
  kApprove = 1,  ///< 同意
  kReturn = 2,   ///< 退回修改
};
std::string_view SignoffDecisionName(SignoffDecision d);
std::optional<SignoffDecision> ParseSignoffDecision(std::string_view text);

/// The departments a county requires for one category ("*" = every category).
struct ReviewDepartments {
  std::string county_code;
  std::string category_code;
  std::vector<std::string> departments;
  bool operator==(const ReviewDepartments&) const = default;
};

/// The category code that stands for every category in a county's configuration.
inline constexpr std::string_view kAnyCategory = "*";

/// One recorded decision.
struct Signoff {
  std::string department;
  SignoffDecision decision = SignoffDecision::kApprove;
  std::string comment;
  std::string actor;
  std::string at;  ///< UTC timestamp
  bool operator==(const Signoff&) const = default;
};

/// Where a project's joint review stands.
struct JointReviewStatus {
  std::vector<std::string> required;  ///< in configuration order, no duplicates
  std::vector<std::string> approved;
  std::vector<std::string> returned;  ///< latest decision is a return
  std::vector<std::string> pending;   ///< no decision yet
  bool complete() const { return returned.empty() && pending.empty(); }
  /// Empty when complete, else what is missing (Chinese), naming the departments.
  std::string Missing() const;
};

/// The departments required for a project of `category_code` in a county: the "*" entry
/// and the category's own entry, without duplicates.
std::vector<std::string> RequiredDepartments(const std::vector<ReviewDepartments>& county_config,
                                             std::string_view category_code);

/// Summarizes `signoffs` (oldest first; the latest decision of each department counts).
/// Decisions of departments that are not required are ignored.
JointReviewStatus SummarizeJointReview(const std::vector<std::string>& required, const std::vector<Signoff>& signoffs);

}  // namespace xj
