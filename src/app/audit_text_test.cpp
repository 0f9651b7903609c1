// The audit trail's Chinese text (audit_text.hpp): the same strings web/src/views/audit/audit.test.ts
// pins for the screen, so the export and the screen say the same.
#include "app/audit_text.hpp"

#include <gtest/gtest.h>

namespace xj {
namespace app_audit_text_test {

AuditRecord Row(std::string action, std::string type, std::string id, std::string before, std::string after) {
  AuditRecord r;
  r.action = std::move(action);
  r.entity_type = std::move(type);
  r.entity_id = std::move(id);
  r.before = std::move(before);
  r.after = std::move(after);
  return r;
}

TEST(AuditText, WanYuanAsTheScreenShowsIt) {
  EXPECT_EQ(AuditWanText(123'456'789), "123.46");
  EXPECT_EQ(AuditWanText(1'000'000'000), "1,000.00");
  EXPECT_EQ(AuditWanText(-1'234'567'890'123), "-1,234,567.89");
  EXPECT_EQ(AuditWanText(-4'999), "0.00");
  EXPECT_EQ(AuditWanText(-5'000), "-0.01");
  EXPECT_EQ(AuditWanText(0), "0.00");
}

TEST(AuditText, LabelsOfActionsAndObjects) {
  EXPECT_EQ(AuditActionLabel("ledger.append"), "记账");
  EXPECT_EQ(AuditActionLabel("project.arrange_funds"), "项目流程：资金安排");
  EXPECT_EQ(AuditActionLabel("something.new"), "something.new");
  EXPECT_EQ(AuditObjectText(Row("", "project", "XZ1", "", "")), "项目：XZ1");
  EXPECT_EQ(AuditObjectText(Row("", "gadget", "", "", "")), "gadget");
}

TEST(AuditText, ChangedFieldsOldToNewWithAmountsInWan) {
  const AuditRecord update = Row(
      "project.update", "project", "XZ1",
      R"({"name":"道路","total_investment_fen":1000000000,"central_fund_fen":800000000,"sheet":{"implementing_unit":"甲","funds":[]}})",
      R"({"name":"道路","total_investment_fen":1234567890,"central_fund_fen":800000000,"sheet":{"implementing_unit":"乙","funds":[]}})");
  // Keys in the stored (sorted) order, as the API hands them to the screen.
  EXPECT_EQ(AuditChangeText(update), "实施单位：甲 → 乙；总投资：1,000.00 万元 → 1,234.57 万元");
  EXPECT_EQ(AuditChangeText(Row("project.start", "project", "XZ1", R"({"status":"approved","actual_start":""})",
                                R"({"status":"started","actual_start":"2023-05-01"})")),
            "实际开工：（空） → 2023-05-01；状态：资金已安排 → 开工");
  EXPECT_EQ(
      AuditChangeText(Row("user.create", "user", "x", "", R"({"username":"x","role":"leader","disabled":false})")),
      "已停用：否；角色：领导；用户名：x");
  EXPECT_EQ(AuditChangeText(Row("user.logout", "session", "s", "", "")), "");
}

TEST(AuditText, UnknownFieldsByTheirKeyAmountsStillInWan) {
  EXPECT_EQ(AuditChangeText(Row("x", "gadget", "1", "", R"({"widget_count":3,"bonus_fen":1500000,"deep":{"x":1}})")),
            "bonus_fen：1.50 万元；deep.x：1；widget_count：3");
  EXPECT_EQ(AuditChangeText(Row("x", "project", "1", "",
                                R"({"funds":[{"source":"central","amount_fen":2000000}],"keys":["a","b"]})")),
            "资金来源构成：2.00 万元 central；编号：a、b");
  EXPECT_EQ(AuditChangeText(Row("x", "project", "1", R"({"procurement":"undecided"})", R"({"procurement":"direct"})")),
            "实施方式：未确定 → 直接委托/村民自建");
}

TEST(AuditText, AReversalShowsItsVoucherAmountAndReason) {
  const AuditRecord r = Row(
      "ledger.append", "ledger_batch", "PZ-7-CX", "",
      R"({"count":1,"keys":["PZ-7-CX"],"reversals":[{"entry_id":"PZ-7-CX","reverses":"PZ-7","amount_fen":12345678,"note":"重复录入"}]})");
  EXPECT_EQ(AuditChangeText(r),
            "冲销凭证 PZ-7-CX（冲销 PZ-7）：金额 -123,456.78 元，原因：重复录入；条数：1；编号：PZ-7-CX");
  const AuditRecord silent = Row("ledger.append", "ledger_batch", "V-CX", "",
                                 R"({"reversals":[{"entry_id":"V-CX","reverses":"V","amount_fen":5000,"note":""}]})");
  EXPECT_EQ(AuditChangeText(silent), "冲销凭证 V-CX（冲销 V）：金额 -50.00 元，原因：（空）");
}

}  // namespace app_audit_text_test
}  // namespace xj
