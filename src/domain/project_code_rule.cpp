#include "domain/project_code_rule.hpp"

#include <string>

#include "core/money.hpp"

namespace xj {
namespace {

constexpr std::string_view kCodeRuleYear = "{year}";
constexpr std::string_view kCodeRuleCounty = "{county}";
constexpr std::size_t kCodeRuleMaxSeqDigits = 9;

bool CodeRuleLiteral(char c) {
  return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_';
}

Status BadCodeRule(std::string why) {
  return Status::InvalidArgument("项目编码规则有误：" + std::move(why)).WithReason("bad_code_rule");
}

/// `text` with {year} and {county} replaced by `parts` (each left as written when empty).
std::string FillCodeRule(std::string_view text, const ProjectCodeParts& parts) {
  const std::string year = parts.year > 0 ? std::to_string(parts.year) : std::string(kCodeRuleYear);
  const std::string county = parts.county.empty() ? std::string(kCodeRuleCounty) : parts.county;
  std::string out;
  for (std::size_t i = 0; i < text.size();) {
    if (text.substr(i, kCodeRuleYear.size()) == kCodeRuleYear) {
      out += year;
      i += kCodeRuleYear.size();
    } else if (text.substr(i, kCodeRuleCounty.size()) == kCodeRuleCounty) {
      out += county;
      i += kCodeRuleCounty.size();
    } else {
      out += text[i++];
    }
  }
  return out;
}

}  // namespace

Result<ProjectCodeRule> ProjectCodeRule::Parse(std::string_view text, std::size_t max_code_chars) {
  if (text.empty()) return BadCodeRule("规则不能为空");
  ProjectCodeRule rule;
  rule.text_ = std::string(text);
  int years = 0;
  int counties = 0;
  int seqs = 0;
  std::size_t length = 0;  // of the longest code: a nine-digit sequence
  for (std::size_t i = 0; i < text.size();) {
    if (text[i] != '{') {
      if (text[i] == '}') return BadCodeRule("多余的“}”");
      if (!CodeRuleLiteral(text[i])) {
        return BadCodeRule("固定部分只能是字母、数字、“-”或“_”，不能有“" + std::string(1, text[i]) + "”");
      }
      (seqs ? rule.after_ : rule.before_) += text[i];
      ++length;
      ++i;
      continue;
    }
    const std::size_t close = text.find('}', i);
    if (close == std::string_view::npos) return BadCodeRule("“{”没有对应的“}”");
    const std::string_view field = text.substr(i, close - i + 1);
    if (field == kCodeRuleYear) {
      ++years;
      length += 4;
      (seqs ? rule.after_ : rule.before_) += field;
    } else if (field == kCodeRuleCounty) {
      ++counties;
      length += 6;
      (seqs ? rule.after_ : rule.before_) += field;
    } else if (field.size() == 7 && field.substr(0, 5) == "{seq:" && field[5] >= '1' && field[5] <= '9') {
      ++seqs;
      rule.width_ = field[5] - '0';
      length += kCodeRuleMaxSeqDigits;
    } else {
      return BadCodeRule("未知的字段“" + std::string(field) + "”（可用 {year}、{county}、{seq:N}，N 为 1–9）");
    }
    i = close + 1;
  }
  if (seqs != 1) return BadCodeRule("须有且只有一个顺序号字段 {seq:N}");
  if (years > 1 || counties > 1) return BadCodeRule("{year}、{county} 各至多出现一次");
  if (length > max_code_chars) {
    return BadCodeRule("生成的编码可能超过 " + std::to_string(max_code_chars) + " 个字符");
  }
  return rule;
}

std::string ProjectCodeRule::Format(const ProjectCodeParts& parts, std::int64_t seq) const {
  std::string digits = std::to_string(seq);
  if (digits.size() < static_cast<std::size_t>(width_)) {
    digits.insert(0, static_cast<std::size_t>(width_) - digits.size(), '0');
  }
  return FillCodeRule(before_, parts) + digits + FillCodeRule(after_, parts);
}

std::optional<std::int64_t> ProjectCodeRule::SequenceOf(std::string_view code, const ProjectCodeParts& parts) const {
  const std::string before = FillCodeRule(before_, parts);
  const std::string after = FillCodeRule(after_, parts);
  if (code.size() < before.size() + after.size() + static_cast<std::size_t>(width_)) return std::nullopt;
  if (code.substr(0, before.size()) != before || code.substr(code.size() - after.size()) != after) {
    return std::nullopt;
  }
  const std::string_view digits = code.substr(before.size(), code.size() - before.size() - after.size());
  if (digits.size() > kCodeRuleMaxSeqDigits) return std::nullopt;
  std::int64_t seq = 0;
  for (char c : digits) {
    if (c < '0' || c > '9') return std::nullopt;
    seq = seq * 10 + (c - '0');
  }
  return seq;
}

std::string ProjectCodeRule::Pattern(const ProjectCodeParts& parts) const {
  return FillCodeRule(before_, parts) + std::string(static_cast<std::size_t>(width_), '#') +
         FillCodeRule(after_, parts);
}

Status CheckCentralWithinTotal(const Project& p) {
  // A total of 0 is one not stated yet (an import without the column, a 储备 sheet still being filled).
  if (p.total_investment == Fen() || p.central_fund <= p.total_investment) return Status::Ok();
  return Status::InvalidArgument("中央衔接资金 " + FormatYuan(p.central_fund) + " 元超过总投资 " +
                                 FormatYuan(p.total_investment) + " 元")
      .WithReason("central_exceeds_total");
}

}  // namespace xj
