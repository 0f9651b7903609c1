#include "domain/reference_data.hpp"

#include "domain/project_code_rule.hpp"

#include <map>

namespace xj {

std::vector<ReferenceItem> ReferenceCatalog::InForce(std::string_view kind, Date date) const {
  std::map<std::string, const ReferenceItem*> latest;
  for (const ReferenceItem& v : versions_) {
    if (v.kind != kind || v.effective_from > date) continue;
    const ReferenceItem*& slot = latest[v.code];
    if (!slot || slot->effective_from <= v.effective_from) slot = &v;
  }
  std::vector<ReferenceItem> out;
  for (const auto& [code, v] : latest) {
    if (!v->retired) out.push_back(*v);
  }
  return out;
}

std::string CheckReferenceItem(const ReferenceItem& item) {
  if (item.kind == kProjectCodeRuleKind) {
    // One rule, replaced by later versions (docs/definitions.md §19); it cannot be withdrawn.
    if (item.code != kProjectCodeRuleCode) return "项目编码规则的编码应为 " + std::string(kProjectCodeRuleCode);
    if (item.retired) return "项目编码规则不能撤销，只能以新版本替换";
    Result<ProjectCodeRule> rule = ProjectCodeRule::Parse(item.text);
    return rule.ok() ? "" : rule.status().message();
  }
  if (item.kind != ReferenceKind::kGuideline && item.kind != ReferenceKind::kNegative) {
    return "参考数据类型应为 guideline、negative 或 project_code_rule";
  }
  if (item.code.empty()) return "缺少编码";
  if (item.retired) return "";
  if (item.text.empty()) return "缺少内容";
  if (item.kind == ReferenceKind::kGuideline && (item.department.empty() || item.category_code.empty())) {
    return "建设内容指引须填写发布部门和对应项目类别编码";
  }
  if (item.kind == ReferenceKind::kNegative && item.keywords.empty()) return "负面清单须填写至少一个识别关键词";
  return "";
}

std::vector<NegativeListHit> FindNegativeListHits(std::string_view text, const ReferenceCatalog& catalog, Date date) {
  return FindNegativeListHits(text, catalog.InForce(ReferenceKind::kNegative, date));
}

std::vector<NegativeListHit> FindNegativeListHits(std::string_view text, const std::vector<ReferenceItem>& in_force) {
  std::vector<NegativeListHit> hits;
  for (const ReferenceItem& item : in_force) {
    for (const std::string& word : item.keywords) {
      if (word.empty() || text.find(word) == std::string_view::npos) continue;
      hits.push_back({item, word});
      break;
    }
  }
  return hits;
}

}  // namespace xj
