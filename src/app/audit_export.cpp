// The audit trail export (audit_export.hpp).
#include "app/audit_export.hpp"

#include <chrono>

#include "app/audit_text.hpp"
#include "core/timestamp.hpp"
#include "domain/role.hpp"

namespace xj {
namespace {

/// "拉萨市（540100）", or the code when the region cannot be read.
std::string AuditRegionName(const App& app, const Actor& actor, const std::string& code) {
  if (code.empty()) return "全部区划";
  auto r = app.RegionDetail(actor, code);
  return r.ok() ? r->region.name + "（" + code + "）" : code;
}

/// The filters as the title's parenthesis: "（对象：XZ…、操作人：admin、2024-01-01 至 2024-03-01）".
std::string AuditFilterTitle(const AuditFilter& f) {
  std::vector<std::string> parts;
  if (!f.entity.empty()) parts.push_back("对象：" + f.entity);
  if (!f.actor.empty()) parts.push_back("操作人：" + f.actor);
  if (!f.from.empty() || !f.to.empty()) {
    parts.push_back(f.from.empty() ? "截至 " + f.to : f.to.empty() ? f.from + " 起" : f.from + " 至 " + f.to);
  }
  std::string out;
  for (const std::string& p : parts) out += (out.empty() ? "" : "、") + p;
  return out.empty() ? out : "（" + out + "）";
}

std::string AuditRoleText(const std::string& role) {
  auto r = ParseRole(role);
  return r ? std::string(RoleLabel(*r)) : role;
}

}  // namespace

Status ExportAudit(const App& app, const Actor& actor, AuditFilter filter, const ExportTarget& target) {
  // The list's checks (role, scope, region, dates) before anything is written.
  filter.page = "1";
  filter.page_size = "1";
  XJ_RETURN_IF_ERROR(app.ReadAudit(actor, filter).status());
  const std::string region = AuditRegionName(app, actor, filter.region.empty() ? actor.region_code : filter.region);
  // The screen's columns (web/src/views/audit/AuditView.vue), with 角色, 来源地址 and the whole 哈希 of its detail.
  const std::vector<XlsxColumn> cols = {
      {"序号", XlsxCellKind::kInteger, 8},   {"时间（北京时间）", XlsxCellKind::kText, 20},
      {"操作人", XlsxCellKind::kText, 14},   {"角色", XlsxCellKind::kText, 14},
      {"操作", XlsxCellKind::kText, 16},     {"对象", XlsxCellKind::kText, 28},
      {"区划代码", XlsxCellKind::kText, 12}, {"变更内容", XlsxCellKind::kText, 60},
      {"来源地址", XlsxCellKind::kText, 16}, {"哈希", XlsxCellKind::kText, 20},
  };
  XlsxSheetLayout layout;
  layout.sheet_name = "审计日志";
  layout.title = region + " 审计日志" + AuditFilterTitle(filter);
  layout.region = region;
  layout.generated_at = GeneratedAtText(std::chrono::system_clock::now());
  XJ_ASSIGN_OR_RETURN(auto w, ExportTable::Create(target, layout, cols));
  XJ_RETURN_IF_ERROR(app.ScanAuditListing(actor, filter,
                                          [&](const AuditRecord& r) {
                                            return w->AddRow(
                                                {XlsxCell::Integer(r.seq), XlsxCell::Text(BeijingTimeOf(r.at)),
                                                 XlsxCell::Text(r.actor), XlsxCell::Text(AuditRoleText(r.actor_role)),
                                                 XlsxCell::Text(AuditActionLabel(r.action)),
                                                 XlsxCell::Text(AuditObjectText(r)), XlsxCell::Text(r.region_code),
                                                 XlsxCell::Text(AuditChangeText(r)), XlsxCell::Text(r.address),
                                                 XlsxCell::Text(r.hash)});
                                          })
                         .status());
  return w->Close();
}

}  // namespace xj
