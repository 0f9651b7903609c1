#include "app/export_table.hpp"

#include <cmath>
#include <cstdio>
#include <fstream>

#include "core/date.hpp"
#include "core/money.hpp"

namespace xj {
namespace {

constexpr std::string_view kExportCsvType = "text/csv; charset=utf-8";
constexpr std::string_view kExportXlsxType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
constexpr std::size_t kExportSheetNameBytes = 31;

/// The sheet name of continuation `n` (2, 3, …) of a table: its name cut to leave room for 续n,
/// so that the names stay distinct within Excel's 31 characters.
std::string ContinuationSheetName(const std::string& base, int n) {
  const std::string suffix = "续" + std::to_string(n);
  std::string name = base;
  if (name.size() + suffix.size() > kExportSheetNameBytes) {
    std::size_t cut = kExportSheetNameBytes - suffix.size();
    while (cut > 0 && (static_cast<unsigned char>(name[cut]) & 0xC0) == 0x80) --cut;
    name.resize(cut);
  }
  return name + suffix;
}

std::string CsvQuoted(std::string_view text) {
  const bool needs = text.find_first_of(",\"\r\n") != std::string_view::npos ||
                     (!text.empty() && (text.front() == ' ' || text.back() == ' '));
  if (!needs) return std::string(text);
  std::string out = "\"";
  for (char c : text) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + "\"";
}

std::string Fixed(double v, const char* format) {
  char buf[64];
  std::snprintf(buf, sizeof buf, format, v);
  return buf;
}

std::string CsvLine(const std::vector<std::string>& fields) {
  std::string line;
  for (std::size_t i = 0; i < fields.size(); ++i) {
    if (i) line += ',';
    line += fields[i];
  }
  return line + "\r\n";
}

}  // namespace

Result<ExportFormat> ParseExportFormat(std::string_view text) {
  if (text.empty() || text == "xlsx") return ExportFormat::kXlsx;
  if (text == "csv") return ExportFormat::kCsv;
  return Status::InvalidArgument("参数 format 应为 xlsx 或 csv").WithReason("invalid_format");
}

std::string_view ExportExtension(ExportFormat format) {
  return format == ExportFormat::kCsv ? ".csv" : ".xlsx";
}

std::string_view ExportContentType(ExportFormat format) {
  return format == ExportFormat::kCsv ? kExportCsvType : kExportXlsxType;
}

std::string ExportFileName(const std::string& file_name, ExportFormat format) {
  const std::size_t dot = file_name.rfind('.');
  return (dot == std::string::npos ? file_name : file_name.substr(0, dot)) + std::string(ExportExtension(format));
}

std::string CsvCellText(const XlsxCell& cell, XlsxCellKind kind) {
  switch (cell.kind) {
    case XlsxCell::Kind::kEmpty: return "";
    case XlsxCell::Kind::kText: {
      const std::string& t = cell.text;
      const bool formula_like = !t.empty() && (t.front() == '=' || t.front() == '+' || t.front() == '-' ||
                                               t.front() == '@' || t.front() == '\t' || t.front() == '\r');
      return CsvQuoted(formula_like ? "'" + t : t);
    }
    case XlsxCell::Kind::kNumber: break;
  }
  switch (kind) {
    case XlsxCellKind::kYuan:
      if (cell.fen) return FormatYuanPlain(*cell.fen);
      return Fixed(cell.number, "%.2f");
    case XlsxCellKind::kInteger: return std::to_string(std::llround(cell.number));
    case XlsxCellKind::kPercent: return Fixed(cell.number * 100.0, "%.2f%%");
    case XlsxCellKind::kPoints: return Fixed(cell.number, "%+.2f");
    case XlsxCellKind::kDecimal: return Fixed(cell.number, "%.2f");
    case XlsxCellKind::kDate:
      return Date::FromDays(static_cast<std::int32_t>(std::llround(cell.number)) + Date::FromYmd(1899, 12, 30).days())
          .ToString();
    case XlsxCellKind::kText: break;
  }
  return Fixed(cell.number, "%.15g");
}

struct ExportTable::Impl {
  ExportTarget target{std::string()};
  std::unique_ptr<XlsxTableWriter> xlsx;  // XLSX only
  std::ofstream csv;                      // CSV only
  XlsxSheetLayout layout;                 // of the current table (its first sheet)
  std::vector<XlsxColumn> columns;
  std::vector<XlsxCell> totals_override;
  std::vector<FenTotal> fen_sums;  // kYuan total columns, exact
  std::vector<double> sums;        // other total columns
  std::int64_t table_rows = 0;
  std::int64_t sheet_rows = 0;
  int sheet_in_table = 1;
  int sheets = 0;
  bool first_table = true;

  bool is_csv() const { return target.format == ExportFormat::kCsv; }

  void ResetTable(XlsxSheetLayout l, std::vector<XlsxColumn> cols) {
    layout = std::move(l);
    columns = std::move(cols);
    totals_override.clear();
    fen_sums.assign(columns.size(), FenTotal());
    sums.assign(columns.size(), 0.0);
    table_rows = 0;
    sheet_rows = 0;
    sheet_in_table = 1;
  }

  Status WriteCsv(const std::string& text) {
    csv << text;
    if (!csv) return Status::Internal("写入 CSV 失败：" + target.path);
    return Status::Ok();
  }

  Status StartCsvTable() {
    std::string head = first_table ? "\xEF\xBB\xBF" : "\r\n";
    if (!layout.title.empty()) head += CsvLine({CsvQuoted(layout.title)});
    if (!layout.units.empty()) head += CsvLine({CsvQuoted(layout.units)});
    std::vector<std::string> titles;
    for (const XlsxColumn& c : columns) titles.push_back(CsvQuoted(c.title));
    head += CsvLine(titles);
    first_table = false;
    return WriteCsv(head);
  }

  /// The 合计 row: the caller's cells where given, else the sums of the `total` columns.
  std::vector<XlsxCell> TotalsRow() const {
    std::vector<XlsxCell> row(columns.size());
    for (std::size_t c = 0; c < columns.size(); ++c) {
      if (c < totals_override.size() && totals_override[c].kind != XlsxCell::Kind::kEmpty) {
        row[c] = totals_override[c];
      } else if (columns[c].total) {
        row[c] = columns[c].kind == XlsxCellKind::kYuan      ? XlsxCell::Yuan(fen_sums[c])
                 : columns[c].kind == XlsxCellKind::kInteger ? XlsxCell::Integer(std::llround(sums[c]))
                                                             : XlsxCell::Number(sums[c]);
      }
    }
    if (!row.empty()) row[0] = XlsxCell::Text("合计");
    return row;
  }

  Status FinishTable() {
    if (!layout.totals || columns.empty()) return Status::Ok();
    std::vector<XlsxCell> totals = TotalsRow();
    if (!is_csv()) {
      xlsx->SetTotals(std::move(totals));
      return Status::Ok();  // the writer puts the row when the sheet ends
    }
    std::vector<std::string> fields;
    for (std::size_t c = 0; c < columns.size(); ++c) fields.push_back(CsvCellText(totals[c], columns[c].kind));
    return WriteCsv(CsvLine(fields));
  }

  Status ContinueOnNewSheet() {
    XlsxSheetLayout next = layout;
    ++sheet_in_table;
    next.sheet_name = ContinuationSheetName(layout.sheet_name, sheet_in_table);
    if (!next.title.empty()) next.title += "（续表" + std::to_string(sheet_in_table) + "）";
    xlsx->OmitTotals();
    XJ_RETURN_IF_ERROR(xlsx->AddSheet(std::move(next), columns));
    ++sheets;
    sheet_rows = 0;
    return Status::Ok();
  }
};

ExportTable::ExportTable(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
ExportTable::~ExportTable() = default;

Result<std::unique_ptr<ExportTable>> ExportTable::Create(const ExportTarget& target, XlsxSheetLayout layout,
                                                         std::vector<XlsxColumn> columns) {
  if (target.sheet_rows < 1) return Status::InvalidArgument("每个工作表至少一行数据");
  auto impl = std::make_unique<Impl>();
  impl->target = target;
  impl->ResetTable(layout, columns);
  if (impl->is_csv()) {
    impl->csv.open(target.path, std::ios::binary | std::ios::trunc);
    if (!impl->csv) return Status::Internal("无法创建 CSV 文件：" + target.path);
    XJ_RETURN_IF_ERROR(impl->StartCsvTable());
  } else {
    XJ_ASSIGN_OR_RETURN(impl->xlsx, XlsxTableWriter::Create(target.path, std::move(layout), std::move(columns)));
    impl->sheets = 1;
  }
  return std::unique_ptr<ExportTable>(new ExportTable(std::move(impl)));
}

Status ExportTable::AddRow(const std::vector<XlsxCell>& cells) {
  Impl& m = *impl_;
  // A 元 cell carries its exact fen (XlsxCell::Yuan); a bare double would make the 合计 and the CSV
  // depend on rounding, so it is refused before anything of the row is written.
  for (std::size_t c = 0; c < cells.size() && c < m.columns.size(); ++c) {
    if (m.columns[c].kind == XlsxCellKind::kYuan && cells[c].kind == XlsxCell::Kind::kNumber && !cells[c].fen) {
      return Status::Internal("导出列“" + m.columns[c].title + "”的金额缺少分值（应使用 XlsxCell::Yuan）");
    }
  }
  for (std::size_t c = 0; c < cells.size() && c < m.columns.size(); ++c) {
    const XlsxCell& cell = cells[c];
    if (!m.columns[c].total || cell.kind != XlsxCell::Kind::kNumber) continue;
    if (m.columns[c].kind == XlsxCellKind::kYuan) {
      m.fen_sums[c] += *cell.fen;
    } else {
      m.sums[c] += cell.number;
    }
  }
  ++m.table_rows;
  if (m.is_csv()) {
    std::vector<std::string> fields;
    for (std::size_t c = 0; c < m.columns.size(); ++c) {
      fields.push_back(c < cells.size() ? CsvCellText(cells[c], m.columns[c].kind) : std::string());
    }
    return m.WriteCsv(CsvLine(fields));
  }
  if (m.sheet_rows == m.target.sheet_rows) XJ_RETURN_IF_ERROR(m.ContinueOnNewSheet());
  ++m.sheet_rows;
  return m.xlsx->AddRow(cells);
}

void ExportTable::SetTotals(std::vector<XlsxCell> cells) {
  impl_->totals_override = std::move(cells);
}

Status ExportTable::AddSheet(XlsxSheetLayout layout, std::vector<XlsxColumn> columns) {
  Impl& m = *impl_;
  XJ_RETURN_IF_ERROR(m.FinishTable());
  m.ResetTable(layout, columns);
  if (m.is_csv()) return m.StartCsvTable();
  XJ_RETURN_IF_ERROR(m.xlsx->AddSheet(std::move(layout), std::move(columns)));
  ++m.sheets;
  return Status::Ok();
}

Status ExportTable::Close() {
  Impl& m = *impl_;
  XJ_RETURN_IF_ERROR(m.FinishTable());
  if (m.is_csv()) {
    m.csv.close();
    if (!m.csv) return Status::Internal("写入 CSV 失败：" + m.target.path);
    return Status::Ok();
  }
  return m.xlsx->Close();
}

std::int64_t ExportTable::rows() const {
  return impl_->table_rows;
}

int ExportTable::sheets() const {
  return impl_->sheets;
}

}  // namespace xj
