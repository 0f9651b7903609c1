// 项目编码规则 (docs/definitions.md §19): parsing, formatting, reading a code's sequence back, and the
// 中央资金 ≤ 总投资 rule.
#include "domain/project_code_rule.hpp"

#include <gtest/gtest.h>

namespace xj {
namespace domain_project_code_rule_test {

const ProjectCodeParts kLhasa2024{2024, "540102"};

TEST(ProjectCodeRuleTest, TheDefaultRuleNumbersAsTheDemoLibraryDoes) {
  Result<ProjectCodeRule> rule = ProjectCodeRule::Parse(kDefaultProjectCodeRule);
  ASSERT_TRUE(rule.ok()) << rule.status().ToString();
  EXPECT_EQ(rule->Format(kLhasa2024, 1), "XZ20245401020001");
  EXPECT_EQ(rule->Format(kLhasa2024, 37), "XZ20245401020037");
  EXPECT_EQ(rule->Format(kLhasa2024, 12345), "XZ202454010212345");  // N is a minimum width
  EXPECT_EQ(rule->Pattern(kLhasa2024), "XZ2024540102####");
  EXPECT_EQ(rule->Pattern({}), "XZ{year}{county}####");
}

TEST(ProjectCodeRuleTest, ASequenceIsReadBackOnlyFromItsOwnCountyAndYear) {
  Result<ProjectCodeRule> rule = ProjectCodeRule::Parse("{county}-{year}-{seq:3}-X");
  ASSERT_TRUE(rule.ok()) << rule.status().ToString();
  EXPECT_EQ(rule->Format(kLhasa2024, 7), "540102-2024-007-X");
  EXPECT_EQ(rule->SequenceOf("540102-2024-007-X", kLhasa2024), 7);
  EXPECT_EQ(rule->SequenceOf("540102-2024-1234-X", kLhasa2024), 1234);
  EXPECT_EQ(rule->SequenceOf("540102-2023-007-X", kLhasa2024), std::nullopt);  // another year
  EXPECT_EQ(rule->SequenceOf("540103-2024-007-X", kLhasa2024), std::nullopt);  // another county
  EXPECT_EQ(rule->SequenceOf("540102-2024-07-X", kLhasa2024), std::nullopt);   // narrower than N
  EXPECT_EQ(rule->SequenceOf("540102-2024-0a7-X", kLhasa2024), std::nullopt);
  EXPECT_EQ(rule->SequenceOf("540102-2024-007-X-2025", kLhasa2024), std::nullopt);  // a carried-over code
}

TEST(ProjectCodeRuleTest, MalformedRulesAreRefusedWithTheirReason) {
  auto why = [](std::string_view text) {
    Result<ProjectCodeRule> r = ProjectCodeRule::Parse(text);
    EXPECT_FALSE(r.ok()) << text;
    if (r.ok()) return std::string();
    EXPECT_EQ(r.status().code_name(), "bad_code_rule") << text;
    return r.status().message();
  };
  EXPECT_NE(why("").find("不能为空"), std::string::npos);
  EXPECT_NE(why("XZ{year}{county}").find("{seq:N}"), std::string::npos);
  EXPECT_NE(why("{seq:4}{seq:4}").find("{seq:N}"), std::string::npos);
  EXPECT_NE(why("{year}{year}{seq:4}").find("至多"), std::string::npos);
  EXPECT_NE(why("XZ{yr}{seq:4}").find("未知的字段"), std::string::npos);
  EXPECT_NE(why("XZ{seq:0}").find("未知的字段"), std::string::npos);
  EXPECT_NE(why("XZ{seq:10}").find("未知的字段"), std::string::npos);
  EXPECT_NE(why("XZ{seq:4").find("没有对应"), std::string::npos);
  EXPECT_NE(why("XZ}{seq:4}").find("多余"), std::string::npos);
  EXPECT_NE(why("XZ {seq:4}").find("固定部分"), std::string::npos);
  EXPECT_NE(why("项目{seq:4}").find("固定部分"), std::string::npos);
  EXPECT_NE(why("XZ/{seq:4}").find("固定部分"), std::string::npos);
  // 60 literal characters and a nine-digit sequence exceed the 64 characters of a project code.
  EXPECT_NE(why(std::string(60, 'A') + "{seq:1}").find("超过 64"), std::string::npos);
  EXPECT_TRUE(ProjectCodeRule::Parse(std::string(55, 'A') + "{seq:1}").ok());
}

TEST(ProjectCodeRuleTest, CentralFundsMayEqualButNotExceedTheTotal) {
  Project p;
  p.total_investment = Fen(100'000'00);
  p.central_fund = Fen(100'000'00);
  EXPECT_TRUE(CheckCentralWithinTotal(p).ok());
  p.central_fund = Fen(100'000'01);
  const Status s = CheckCentralWithinTotal(p);
  EXPECT_EQ(s.code(), ErrorCode::kInvalidArgument);
  EXPECT_EQ(s.code_name(), "central_exceeds_total");
  EXPECT_NE(s.message().find("100,000.01"), std::string::npos) << s.message();
  p.total_investment = Fen(1);
  EXPECT_FALSE(CheckCentralWithinTotal(p).ok());
  p.total_investment = Fen();  // a total not stated yet (an import without the column) is not compared
  EXPECT_TRUE(CheckCentralWithinTotal(p).ok());
}

}  // namespace domain_project_code_rule_test
}  // namespace xj
