#pragma once
/// Import templates (导入模板, issue #21 point 6): for each import kind, the columns a clerk fills in —
/// the Chinese header with its unit, whether it is required, what it means, the values allowed — and
/// one example row; written as an XLSX workbook (first sheet: the header and the example row, read
/// back by the same readers as any upload; second sheet 填写说明: one row per column) or as a CSV
/// (UTF-8 with BOM, header and example row). The Chinese names are the readers' own (ColumnSpec::zh);
/// import_template_test checks every template's header binds to its reader with every column.
///
/// The example row is a pattern with placeholders the app layer fills from the caller's scope
/// (app/import_templates.hpp): {region} {region_name} {region_level} {parent} {year} {date}
/// {project}.

#include <map>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/status.hpp"

namespace xj {

/// One column of a template.
struct TemplateColumn {
  std::string_view key;  ///< the reader's English name
  std::string_view zh;   ///< the reader's Chinese name (the header, with the unit)
  std::string_view unit;  ///< "元" | "万元" | "%" | "人" | "平方公里" | "天" | "" — written as 总投资（万元）
  bool required = false;
  std::string_view meaning;  ///< what the column holds
  std::string_view allowed;  ///< the values or the format allowed
  std::string_view example;  ///< the example row's cell (may hold placeholders)
};

/// The template of one import kind.
struct ImportTemplateSpec {
  std::string_view kind;   ///< "regions" … "factors" (ImportKindName)
  std::string_view title;  ///< "项目库导入模板"
  std::string_view note;   ///< what the example row refers to, for the 填写说明 sheet
  std::span<const TemplateColumn> columns;
};

/// Every kind's template, in the order of the import kinds.
std::span<const ImportTemplateSpec> ImportTemplates();
/// nullptr for an unknown kind.
const ImportTemplateSpec* FindImportTemplate(std::string_view kind);

/// The Chinese name of `key` in `kind`'s format ("amount" of "ledger" → "金额"); `key` itself when
/// either is unknown (a column the template does not list, such as a reader's own).
std::string ColumnLabel(std::string_view kind, std::string_view key);

/// The header cell of a column: "总投资（万元）", or "项目编码" without a unit.
std::string TemplateHeader(const TemplateColumn& column);
/// The example row with every {name} replaced by `values[name]` (an unknown name stays as written).
std::vector<std::string> TemplateExample(const ImportTemplateSpec& spec,
                                         const std::map<std::string, std::string>& values);

/// Writes the XLSX template to `path`: sheet 1 (named after the kind) holds the header and `example`,
/// sheet 2 填写说明 one row per column, the note and `generated_at` (Beijing time, core/timestamp.hpp).
Status WriteTemplateXlsx(const ImportTemplateSpec& spec, const std::vector<std::string>& example,
                         const std::string& path, const std::string& generated_at);
/// The CSV template: UTF-8 with BOM (Excel and WPS open it as UTF-8), CRLF, header and `example`.
std::string TemplateCsv(const ImportTemplateSpec& spec, const std::vector<std::string>& example);

}  // namespace xj
