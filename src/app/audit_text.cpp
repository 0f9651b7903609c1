// The audit trail in Chinese: the label tables and the 变更内容 text (audit_text.hpp).
#include "app/audit_text.hpp"

#include <algorithm>
#include <optional>
#include <span>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/money.hpp"
#include "domain/project.hpp"
#include "domain/role.hpp"

namespace xj {
namespace {

struct AuditLabel {
  std::string_view key;
  std::string_view label;
};

// The tables below are read by web/src/views/audit/audit.test.ts: one {"key", "label"} per line.

/// 操作 (web: zhCN.audit.actions). A project step "project.<action>" not listed here is
/// 项目流程：<the step's label> (kAuditProjectStepLabels).
constexpr AuditLabel kAuditActionLabels[] = {
    {"user.create", "新建用户"},
    {"user.update", "修改用户"},
    {"user.disable", "停用用户"},
    {"user.enable", "启用用户"},
    {"user.password_reset", "重置密码"},
    {"user.password_change", "修改密码"},
    {"user.password_change_failed", "修改密码失败"},
    {"session.login", "登录"},
    {"session.login_failed", "登录失败"},
    {"session.login_throttled", "登录受限"},
    {"session.logout", "退出登录"},
    {"token.create", "新建 API 令牌"},
    {"token.revoke", "吊销 API 令牌"},
    {"token.use", "API 令牌调用"},
    {"token.refused", "API 令牌被拒绝"},
    {"region.create", "新增区划"},
    {"region.update", "修改区划"},
    {"project.import", "导入项目"},
    {"project.contract", "登记合同"},
    {"project.progress", "报告进度"},
    {"project.procedure", "前置手续"},
    {"ledger.append", "记账"},
    {"project.create", "新建项目"},
    {"project.update", "修改项目"},
    {"project.compliance_review", "合规性审核"},
    {"project.signoff", "联审会签"},
    {"project.posting", "发布公示"},
    {"project.objection", "登记异议"},
    {"project.objection_resolved", "处理异议"},
    {"project.carry_over", "结转入库"},
    {"library.review_departments", "配置会签部门"},
    {"library.village_plan", "一村一策"},
    {"reference.guideline", "建设内容指引"},
    {"reference.negative", "负面清单"},
    {"reference.policy", "政策参数"},
    {"asset.hand_over", "资产移交登记"},
    {"flag.close", "关闭预警"},
    {"inquiry.send", "发出问询"},
    {"inquiry.answer", "答复问询"},
    {"inquiry.determine", "问询认定"},
    {"settlement.run", "奖惩结算"},
    {"settlement.approve", "审批奖惩结算"},
};

/// Project steps as the screen names them after 项目流程： (web: zhCN.projects.actions; the
/// workflow's own labels in domain/project_lifecycle.cpp say more, e.g. 资金安排（前置手续完备）).
constexpr AuditLabel kAuditProjectStepLabels[] = {
    {"submit", "村级申报"},
    {"township_approve", "乡镇审核通过"},
    {"county_review", "县级论证"},
    {"admit", "审定入库"},
    {"plan", "纳入年度计划"},
    {"arrange_funds", "资金安排"},
    {"start", "开工"},
    {"finish", "完工"},
    {"accept", "竣工验收"},
    {"hand_over", "资产移交"},
    {"reject", "退回"},
    {"revise", "修改后重新储备"},
    {"roll_over", "结转下年项目库"},
    {"cancel", "撤项"},
};

/// 对象类型 (web: zhCN.audit.entities).
constexpr AuditLabel kAuditEntityLabels[] = {
    {"project", "项目"},          {"project_batch", "项目导入"},
    {"ledger_batch", "台账凭证"}, {"user", "用户"},
    {"session", "会话"},          {"region", "区划"},
    {"api_token", "API 令牌"},    {"flag", "问题预警"},
    {"inquiry", "问询"},          {"village_plan", "一村一策"},
    {"policy", "政策参数"},       {"asset", "资产"},
    {"settlement", "奖惩结算"},   {"evaluation", "绩效评价"},
};

/// Snapshot fields, "<entity_type>.<field>" before "<field>" (web: the project, library, ledger
/// and user form labels of zh-CN, without a unit: amounts carry "万元" in the value).
constexpr AuditLabel kAuditFieldLabels[] = {
    {"project.name", "项目名称"},
    {"project.year", "年度"},
    {"project.category", "项目类别"},
    {"project.subcategory", "建设内容"},
    {"project.status", "状态"},
    {"total_investment_fen", "总投资"},
    {"central_fund_fen", "中央衔接资金"},
    {"other_fund_fen", "其他资金"},
    {"responsible_person", "责任人"},
    {"actual_start", "实际开工"},
    {"actual_finish", "实际完工"},
    {"implementing_unit", "实施单位"},
    {"construction_content", "建设内容及规模"},
    {"fund_uses", "资金用途"},
    {"benefit_mechanism", "联农带农机制"},
    {"households_exited", "带动脱贫户"},
    {"households_monitored", "带动监测户"},
    {"funds", "资金来源构成"},
    {"targets", "绩效目标"},
    {"milestones", "时间表（倒排工期）"},
    {"task_book", "任务书"},
    {"roadmap", "路线图"},
    {"responsible_contact", "责任人联系方式"},
    {"procurement", "实施方式"},
    {"work_relief_considered", "已研究以工代赈"},
    {"work_relief_note", "以工代赈说明"},
    {"village_plan_id", "一村一策"},
    {"entry_id", "凭证号"},
    {"amount_fen", "金额"},
    {"reverses", "冲销凭证号"},
    {"note", "备注"},
    {"project_code", "项目编码"},
    {"username", "用户名"},
    {"role", "角色"},
    {"region_code", "所属区划"},
    {"department", "所属部门"},
    {"disabled", "已停用"},
    {"name", "名称"},
    {"count", "条数"},
    {"keys", "编号"},
    {"first", "首条"},
    {"last", "末条"},
};

/// Values of snapshot fields, "<field>.<value>" (web: the library form's choices).
constexpr AuditLabel kAuditValueLabels[] = {
    {"procurement.undecided", "未确定"},
    {"procurement.tender", "公开招标"},
    {"procurement.work_relief", "以工代赈"},
    {"procurement.direct", "直接委托/村民自建"},
};

constexpr std::string_view kAuditEmpty = "（空）";

std::optional<std::string_view> FindAuditLabel(std::span<const AuditLabel> table, std::string_view key) {
  for (const AuditLabel& l : table) {
    if (l.key == key) return l.label;
  }
  return std::nullopt;
}

std::string AuditFieldLabel(std::string_view entity_type, const std::string& path, std::string_view leaf) {
  if (auto l = FindAuditLabel(kAuditFieldLabels, std::string(entity_type) + "." + std::string(leaf))) {
    return std::string(*l);
  }
  if (auto l = FindAuditLabel(kAuditFieldLabels, leaf)) return std::string(*l);
  return path;
}

using AuditJson = nlohmann::json;

/// One value as the screen shows it (web: auditValueText).
std::string AuditValueText(std::string_view entity_type, std::string_view leaf, const AuditJson& v) {
  if (v.is_null()) return std::string(kAuditEmpty);
  if (v.is_boolean()) return v.get<bool>() ? "是" : "否";
  if (v.is_number_integer() && leaf.ends_with("_fen")) return AuditWanText(v.get<std::int64_t>()) + " 万元";
  if (v.is_number()) return v.dump();
  if (v.is_string()) {
    const auto& s = v.get_ref<const std::string&>();
    if (s.empty()) return std::string(kAuditEmpty);
    if (entity_type == "project" && leaf == "status") {
      if (auto state = ParseProjectState(s)) return std::string(ProjectStateLabel(*state));
    }
    if (entity_type == "user" && leaf == "role") {
      if (auto role = ParseRole(s)) return std::string(RoleLabel(*role));
    }
    if (auto l = FindAuditLabel(kAuditValueLabels, std::string(leaf) + "." + s)) return std::string(*l);
    return s;
  }
  if (v.is_array()) {
    if (v.empty()) return std::string(kAuditEmpty);
    std::string out;
    for (const AuditJson& e : v) {
      std::string item;
      if (e.is_object()) {
        for (auto it = e.begin(); it != e.end(); ++it) {
          item +=
              (item.empty() ? "" : " ") + (it->is_object() ? it->dump() : AuditValueText(entity_type, it.key(), *it));
        }
      } else {
        item = AuditValueText(entity_type, leaf, e);
      }
      out += (out.empty() ? "" : "、") + item;
    }
    return out;
  }
  return v.dump();
}

struct AuditField {
  std::string path;
  std::string leaf;
  const AuditJson* value;
};

/// The fields of a snapshot, nested objects flattened ("sheet.implementing_unit"), in order.
void FlattenAudit(const AuditJson& obj, const std::string& prefix, std::vector<AuditField>& out) {
  for (auto it = obj.begin(); it != obj.end(); ++it) {
    if (prefix.empty() && it.key() == "reversals") continue;  // shown on its own
    if (it->is_object()) {
      FlattenAudit(*it, prefix + it.key() + ".", out);
    } else {
      out.push_back({prefix + it.key(), it.key(), &*it});
    }
  }
}

/// A stored snapshot: null when empty, the text itself when it is not JSON (as the API gives it).
AuditJson AuditSnapshot(const std::string& text) {
  if (text.empty()) return nullptr;
  AuditJson j = AuditJson::parse(text, nullptr, false);
  return j.is_discarded() ? AuditJson(text) : j;
}

}  // namespace

std::string AuditWanText(std::int64_t fen) {
  const std::string plain = FormatWanYuan(Fen(fen));  // "-12345.68"
  const std::size_t start = plain.starts_with('-') ? 1 : 0;
  const std::size_t dot = plain.find('.');
  std::string out = plain.substr(0, start);
  for (std::size_t i = start; i < dot; ++i) {
    if (i > start && (dot - i) % 3 == 0) out += ',';
    out += plain[i];
  }
  return out + plain.substr(dot);
}

std::string AuditActionLabel(std::string_view action) {
  if (auto l = FindAuditLabel(kAuditActionLabels, action)) return std::string(*l);
  if (action.starts_with("project.")) {
    if (auto step = FindAuditLabel(kAuditProjectStepLabels, action.substr(8))) return "项目流程：" + std::string(*step);
  }
  return std::string(action);
}

std::string AuditEntityLabel(std::string_view entity_type) {
  if (auto l = FindAuditLabel(kAuditEntityLabels, entity_type)) return std::string(*l);
  return std::string(entity_type);
}

std::string AuditObjectText(const AuditRecord& r) {
  return AuditEntityLabel(r.entity_type) + (r.entity_id.empty() ? "" : "：" + r.entity_id);
}

std::string AuditChangeText(const AuditRecord& r) {
  const AuditJson before = AuditSnapshot(r.before);
  const AuditJson after = AuditSnapshot(r.after);
  std::vector<std::string> parts;
  if (after.is_object() && after.contains("reversals") && after["reversals"].is_array()) {
    for (const AuditJson& rev : after["reversals"]) {
      if (!rev.is_object()) continue;
      const std::string note = rev.value("note", "");
      parts.push_back("冲销凭证 " + rev.value("entry_id", "") + "（冲销 " + rev.value("reverses", "") + "）：金额 " +
                      FormatYuan(Fen(-rev.value("amount_fen", std::int64_t{0}))) + " 元，原因：" +
                      (note.empty() ? std::string(kAuditEmpty) : note));
    }
  }
  std::vector<AuditField> b, a;
  if (before.is_object()) FlattenAudit(before, "", b);
  if (after.is_object()) FlattenAudit(after, "", a);
  if (before.is_object() && after.is_object()) {
    std::vector<std::string> paths;
    for (const AuditField& f : b) paths.push_back(f.path);
    for (const AuditField& f : a) {
      if (std::find(paths.begin(), paths.end(), f.path) == paths.end()) paths.push_back(f.path);
    }
    auto find = [](const std::vector<AuditField>& fs, const std::string& path) -> const AuditField* {
      for (const AuditField& f : fs) {
        if (f.path == path) return &f;
      }
      return nullptr;
    };
    for (const std::string& path : paths) {
      const AuditField* fb = find(b, path);
      const AuditField* fa = find(a, path);
      if (fb && fa && *fb->value == *fa->value) continue;
      const std::string& leaf = fb ? fb->leaf : fa->leaf;
      const AuditJson null_value = nullptr;
      parts.push_back(AuditFieldLabel(r.entity_type, path, leaf) + "：" +
                      AuditValueText(r.entity_type, leaf, fb ? *fb->value : null_value) + " → " +
                      AuditValueText(r.entity_type, leaf, fa ? *fa->value : null_value));
    }
  } else if (!a.empty() || !b.empty()) {
    for (const AuditField& f : a.empty() ? b : a) {
      parts.push_back(AuditFieldLabel(r.entity_type, f.path, f.leaf) + "：" +
                      AuditValueText(r.entity_type, f.leaf, *f.value));
    }
  } else if (after.is_string() || before.is_string()) {
    parts.push_back(after.is_string() ? after.get<std::string>() : before.get<std::string>());
  }
  std::string out;
  for (const std::string& p : parts) out += (out.empty() ? "" : "；") + p;
  return out;
}

}  // namespace xj
