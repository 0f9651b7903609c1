#pragma once
/// The rule that numbers new projects (项目编码规则, docs/definitions.md §19) and the checks that tie a
/// project to the records it names: its funds (中央资金 ≤ 总投资) and its 一村一策 plan.
///
/// A rule is text such as `XZ{year}{county}{seq:4}`: literal letters, digits, '-' and '_', and the
/// fields `{year}` (the plan year, four digits), `{county}` (the county the project's region lies in,
/// six digits) and `{seq:N}` (the sequence, at least N digits, zero-padded). It is policy data: a
/// version of the reference item of kind `project_code_rule`, in force from its effective date.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "core/status.hpp"
#include "domain/project.hpp"

namespace xj {

/// Reference-data kind of the rule's versions (ReferenceItem::kind; the rule is its `text`).
inline constexpr std::string_view kProjectCodeRuleKind = "project_code_rule";
/// The code every version of the rule is filed under (one rule, replaced from each version's date).
inline constexpr std::string_view kProjectCodeRuleCode = "project_code";
/// The rule before an administrator sets one: the numbering of the existing library
/// (XZ + year + county + four digits, e.g. XZ20245401020001).
inline constexpr std::string_view kDefaultProjectCodeRule = "XZ{year}{county}{seq:4}";

/// What one generated code is made of, apart from its sequence.
struct ProjectCodeParts {
  int year = 0;
  std::string county;  ///< six digits
};

/// A parsed rule. Immutable; thread-safe for reads.
class ProjectCodeRule {
 public:
  /// Parses `text`. InvalidArgument (stable code `bad_code_rule`, message in Chinese) when it is
  /// empty, has a character other than A–Z a–z 0–9 - _ outside a field, an unknown or unclosed
  /// field, no `{seq:N}` or more than one of a field, N outside 1–9, or when its longest code
  /// (a sequence of nine digits) would exceed `max_code_chars`.
  static Result<ProjectCodeRule> Parse(std::string_view text, std::size_t max_code_chars = 64);

  const std::string& text() const { return text_; }
  /// The code with sequence `seq` (≥ 1); digits beyond N are kept (N is a minimum width).
  std::string Format(const ProjectCodeParts& parts, std::int64_t seq) const;
  /// The sequence of `code` when it is a code of this rule for `parts`, else nullopt.
  std::optional<std::int64_t> SequenceOf(std::string_view code, const ProjectCodeParts& parts) const;
  /// The format as a clerk reads it: the fields as given, the sequence as N '#' signs
  /// (XZ2024540102####); `{year}` and `{county}` stay as written when `parts` leaves them empty.
  std::string Pattern(const ProjectCodeParts& parts) const;

 private:
  std::string text_;
  std::string before_;  ///< the rule's text before {seq:N}
  std::string after_;   ///< the rule's text after it
  int width_ = 4;
};

/// The one rule on a project's funds (docs/definitions.md §19): 中央衔接资金 cannot exceed 总投资 once a
/// total is stated (a total of 0 is not stated yet). An InvalidArgument with stable code
/// `central_exceeds_total` naming both amounts, else Ok.
Status CheckCentralWithinTotal(const Project& p);

}  // namespace xj
