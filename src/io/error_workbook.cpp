#include "io/error_workbook.hpp"

#include <map>
#include <set>

#include "io/import_template.hpp"
#include "io/xlsx_writer.hpp"

namespace xj {

std::string SpreadsheetColumn(int column_index) {
  std::string s;
  for (int n = column_index; n > 0; n = (n - 1) / 26) s.insert(s.begin(), static_cast<char>('A' + (n - 1) % 26));
  return s;
}

Status WriteErrorWorkbook(const std::string& path, const std::vector<FieldError>& errors, TableSource* original,
                          const std::string& generated_at, std::string_view kind) {
  XlsxSheetLayout list;
  list.sheet_name = "错误清单";
  list.title = "导入错误清单（共" + std::to_string(errors.size()) + "处）";
  list.generated_at = generated_at;
  std::vector<XlsxColumn> columns = {{"工作表", XlsxCellKind::kText, 12},   {"行号", XlsxCellKind::kInteger, 8},
                                     {"列", XlsxCellKind::kText, 6},        {"列名", XlsxCellKind::kText, 16},
                                     {"英文列名", XlsxCellKind::kText, 16}, {"单元格值", XlsxCellKind::kText, 24},
                                     {"错误代码", XlsxCellKind::kText, 22}, {"说明", XlsxCellKind::kText, 48}};
  XJ_ASSIGN_OR_RETURN(auto writer, XlsxTableWriter::Create(path, list, columns));
  std::map<int, std::set<int>> bad_cells;  // row → 1-based columns
  for (const FieldError& e : errors) {
    XlsxCell value = XlsxCell::Text(e.value);
    value.highlight = true;
    XJ_RETURN_IF_ERROR(
        writer->AddRow({XlsxCell::Text(e.sheet), e.row > 0 ? XlsxCell::Integer(e.row) : XlsxCell::Empty(),
                        XlsxCell::Text(SpreadsheetColumn(e.column_index)),
                        XlsxCell::Text(e.column.empty() ? "" : ColumnLabel(kind, e.column)), XlsxCell::Text(e.column),
                        value, XlsxCell::Text(e.code), XlsxCell::Text(e.message)}));
    if (e.row > 0) bad_cells[e.row].insert(e.column_index);
  }
  if (original && !bad_cells.empty()) {
    auto header = original->Next();
    if (header.ok() && *header) {
      XlsxSheetLayout rows;
      rows.sheet_name = "出错行";
      rows.title = "出错的行（红色为有问题的单元格）";
      rows.generated_at = generated_at;
      std::vector<XlsxColumn> cols = {{"原行号", XlsxCellKind::kInteger, 8}};
      for (const std::string& h : (*header)->cells) cols.push_back({h, XlsxCellKind::kText, 14});
      XJ_RETURN_IF_ERROR(writer->AddSheet(rows, cols));
      const std::size_t width = (*header)->cells.size();
      for (;;) {
        auto next = original->Next();
        if (!next.ok() || !*next) break;  // a reader error is already in the list
        const TableRow& row = **next;
        auto it = bad_cells.find(row.row);
        if (it == bad_cells.end()) continue;
        std::vector<XlsxCell> cells = {XlsxCell::Integer(row.row)};
        for (std::size_t c = 0; c < std::max(width, row.cells.size()); ++c) {
          XlsxCell cell = c < row.cells.size() ? XlsxCell::Text(row.cells[c]) : XlsxCell::Empty();
          cell.highlight = it->second.contains(static_cast<int>(c) + 1);
          cells.push_back(std::move(cell));
        }
        XJ_RETURN_IF_ERROR(writer->AddRow(cells));
      }
    }
  }
  return writer->Close();
}

}  // namespace xj
