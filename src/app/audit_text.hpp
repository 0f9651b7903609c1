#pragma once
/// The audit trail in Chinese, as the 审计日志 screen shows it and its export writes it
/// (docs/definitions.md §18): labels of actions, objects and snapshot fields, and the 变更内容
/// text of a row. The screen renders the same text with the same rules in
/// web/src/views/audit/audit.ts; web/src/views/audit/audit.test.ts reads the label tables of
/// audit_text.cpp and checks that they and the screen's labels agree.

#include <cstdint>
#include <string>
#include <string_view>

#include "store/account_records.hpp"

namespace xj {

/// 操作: "ledger.append" → 记账, "project.start" → 项目流程：开工; an unknown code as it is.
std::string AuditActionLabel(std::string_view action);
/// 对象类型: "project" → 项目; an unknown type as it is.
std::string AuditEntityLabel(std::string_view entity_type);
/// 对象: "项目：XZ2024540102L001".
std::string AuditObjectText(const AuditRecord& r);
/// 变更内容: for a change the fields that changed, "总投资：100.00 万元 → 120.00 万元"; for a
/// creation (no before) every field; a reversal (冲销) first as "冲销凭证 V-CX（冲销 V）：金额
/// -10,000.00 元，原因：…"; parts joined by "；". Amounts of fields (ending in _fen) in 万元, as the
/// project form takes them; a reversal's amount is a voucher's, to the fen in 元 as on the ledger
/// page (docs/definitions.md §18).
std::string AuditChangeText(const AuditRecord& r);
/// 万元 with two decimals (rounded half away from zero) and thousands separators: "12,345.68".
std::string AuditWanText(std::int64_t fen);

}  // namespace xj
