#pragma once
/// Import templates for download (issue #21 point 6): the template of an import kind
/// (io/import_template.hpp) with its example row filled from the caller's scope — a county of the
/// caller's subtree (or the caller's own region below county level), the current year and date in
/// Beijing time, and the example project of the projects template — so that the example row, once
/// the records it names exist (docs/operations.md), imports as it is. Writes nothing.

#include <string>
#include <string_view>

#include "app/app.hpp"

namespace xj {

/// A downloadable file.
struct TemplateFile {
  std::string file_name;     ///< "项目导入模板.xlsx"
  std::string content_type;  ///< XLSX or "text/csv; charset=utf-8"
  std::string bytes;
};

/// The template of `kind` as `format` ("xlsx", the default when empty, or "csv") for `actor`.
/// NotFound with reason `unknown_import_kind` for a kind that is not an import kind;
/// InvalidArgument with reason `invalid_format` for another format.
Result<TemplateFile> BuildImportTemplate(const App& app, const Actor& actor, std::string_view kind,
                                         std::string_view format);

}  // namespace xj
