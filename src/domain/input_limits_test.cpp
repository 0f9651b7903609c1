#include "domain/input_limits.hpp"

#include <gtest/gtest.h>

#include <limits>

namespace xj {
namespace domain_input_limits_test {

TEST(InputLimitsTest, CountsCharactersNotBytes) {
  EXPECT_EQ(Utf8Chars(""), 0u);
  EXPECT_EQ(Utf8Chars("abc"), 3u);
  EXPECT_EQ(Utf8Chars("城关区"), 3u);  // 9 bytes
  std::vector<FieldError> errors;
  std::string name;
  for (int i = 0; i < 200; ++i) name += "项";
  CheckTextBound(name, 200, 2, "name", &errors);
  EXPECT_TRUE(errors.empty());
  CheckTextBound(name + "项", 200, 2, "name", &errors);
  ASSERT_EQ(errors.size(), 1u);
  EXPECT_EQ(errors[0].code, "text_too_long");
  EXPECT_EQ(errors[0].row, 2);
  EXPECT_EQ(errors[0].column, "name");
}

TEST(InputLimitsTest, CodesHaveACharacterSet) {
  EXPECT_TRUE(IsValidCode("XZ-540102-2023-001", 64));
  EXPECT_TRUE(IsValidCode("拉萨(2023)_1.2", 64));
  EXPECT_FALSE(IsValidCode("", 64));
  EXPECT_FALSE(IsValidCode("XZ/1", 64));
  EXPECT_FALSE(IsValidCode("XZ\\1", 64));
  EXPECT_FALSE(IsValidCode("XZ 1", 64));
  EXPECT_FALSE(IsValidCode(std::string("XZ\0"
                                       "1",
                                       4),
                           64));
  EXPECT_FALSE(IsValidCode("XZ\x7f", 64));
  EXPECT_FALSE(IsValidCode(std::string(65, 'a'), 64));
  EXPECT_TRUE(IsValidCode(std::string(64, 'a'), 64));
}

TEST(InputLimitsTest, AmountsAreBoundedEitherSide) {
  const InputLimits limits;
  LedgerEntry e;
  e.entry_id = "PZ-1";
  e.amount = Fen(limits.max_amount_fen);
  EXPECT_TRUE(EntryBoundProblems(e, limits).empty());
  e.amount = Fen(-limits.max_amount_fen);
  EXPECT_TRUE(EntryBoundProblems(e, limits).empty());
  for (const std::int64_t v : {limits.max_amount_fen + 1, -limits.max_amount_fen - 1,
                               std::numeric_limits<std::int64_t>::max(), std::numeric_limits<std::int64_t>::min()}) {
    e.amount = Fen(v);
    const std::vector<FieldError> problems = EntryBoundProblems(e, limits, 7);
    ASSERT_EQ(problems.size(), 1u) << v;
    EXPECT_EQ(problems[0].code, "value_out_of_range");
    EXPECT_EQ(problems[0].column, "amount");
  }
  Project p;
  p.project_code = "XZ-1";
  p.name = "大棚";
  p.other_fund = Fen(std::numeric_limits<std::int64_t>::max());
  const std::vector<FieldError> problems = ProjectBoundProblems(p, limits);
  ASSERT_EQ(problems.size(), 1u);
  EXPECT_EQ(problems[0].column, "other_fund");
}

TEST(InputLimitsTest, RefusalNamesTheCommonCode) {
  EXPECT_EQ(BoundRefusal("x", {{"", 1, "amount", 0, "", "value_out_of_range", ""}}).code_name(), "value_out_of_range");
  EXPECT_EQ(BoundRefusal(
                "x", {{"", 1, "amount", 0, "", "value_out_of_range", ""}, {"", 2, "note", 0, "", "text_too_long", ""}})
                .code_name(),
            "invalid_argument");
  EXPECT_EQ(BoundRefusal("x", {{"", 1, "region_code", 0, "", "unknown_region", ""}}).code_name(), "invalid_argument");
}

}  // namespace domain_input_limits_test
}  // namespace xj
