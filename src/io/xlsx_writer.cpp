#include "io/xlsx_writer.hpp"

#include <xlsxwriter.h>

#include <cmath>
#include <map>
#include <tuple>

namespace xj {
namespace {

constexpr std::size_t kMaxSheetName = 31;
constexpr double kTitleHeight = 28;
constexpr std::uint8_t kPaperA4 = 9;

Status LxwError(const char* what, lxw_error e) {
  return Status::Internal(std::string("写入 XLSX 失败（") + what + "）：" + lxw_strerror(e));
}

std::string SafeSheetName(std::string name) {
  for (char& c : name) {
    if (c == '[' || c == ']' || c == ':' || c == '*' || c == '?' || c == '/' || c == '\\') c = '_';
  }
  // Cut at a UTF-8 boundary: Excel counts characters, 31 bytes is always safe.
  if (name.size() > kMaxSheetName) {
    std::size_t cut = kMaxSheetName;
    while (cut > 0 && (static_cast<unsigned char>(name[cut]) & 0xC0) == 0x80) --cut;
    name.resize(cut);
  }
  return name.empty() ? "Sheet1" : name;
}

/// Excel holds at most 32,767 characters in a cell; a longer stored text is cut there with a
/// visible marker, so an export never fails on what the store holds.
constexpr std::size_t kMaxCellChars = 32'767;
constexpr std::string_view kCutMarker = "…（已截断）";

std::string CellText(const std::string& text) {
  std::size_t chars = 0;
  for (const char c : text) chars += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  if (chars <= kMaxCellChars) return text;
  std::size_t marker_chars = 0;
  for (const char c : kCutMarker) marker_chars += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  const std::size_t keep = kMaxCellChars - marker_chars;
  std::size_t seen = 0, cut = 0;
  for (; cut < text.size(); ++cut) {
    if ((static_cast<unsigned char>(text[cut]) & 0xC0) != 0x80 && seen++ == keep) break;
  }
  return text.substr(0, cut) + std::string(kCutMarker);
}

/// '&' starts a code in Excel header/footer strings: a literal one is doubled.
std::string FooterText(const std::string& s) {
  std::string out;
  for (char c : s) {
    out.push_back(c);
    if (c == '&') out.push_back('&');
  }
  return out;
}

std::string ColumnName(int col) {
  std::string s;
  for (int n = col + 1; n > 0; n = (n - 1) / 26) s.insert(s.begin(), static_cast<char>('A' + (n - 1) % 26));
  return s;
}

const char* NumFormat(XlsxCellKind kind) {
  switch (kind) {
    case XlsxCellKind::kText: return "@";
    case XlsxCellKind::kInteger: return "0";
    case XlsxCellKind::kYuan: return "#,##0.00;[Red]-#,##0.00";  // a negative amount red, as on screen
    case XlsxCellKind::kPercent: return "0.00%";
    case XlsxCellKind::kPoints: return "+0.00;-0.00;0.00";
    case XlsxCellKind::kDecimal: return "0.00";
    case XlsxCellKind::kDate: return "yyyy-mm-dd";
  }
  return "General";
}

}  // namespace

XlsxCell XlsxCell::Day(Date d) {
  return Number(static_cast<double>(d.days() - Date::FromYmd(1899, 12, 30).days()));
}

struct XlsxTableWriter::Impl {
  lxw_workbook* workbook = nullptr;  // owned: closed (and freed) by workbook_close
  lxw_worksheet* sheet = nullptr;    // owned by the workbook
  XlsxSheetLayout layout;
  std::vector<XlsxColumn> columns;
  std::vector<XlsxCell> totals_override;
  std::vector<double> sums;
  std::map<std::tuple<int, bool, bool>, lxw_format*> formats;
  lxw_format* title_format = nullptr;
  lxw_format* units_format = nullptr;
  lxw_format* header_format = nullptr;
  int header_row = 0;
  int next_row = 0;
  std::int64_t data_rows = 0;

  ~Impl() {
    if (workbook) workbook_close(workbook);  // an abandoned writer still frees its temp files
  }

  lxw_format* Format(XlsxCellKind kind, bool highlight, bool bold) {
    auto key = std::make_tuple(static_cast<int>(kind), highlight, bold);
    if (auto it = formats.find(key); it != formats.end()) return it->second;
    lxw_format* f = workbook_add_format(workbook);
    format_set_num_format(f, NumFormat(kind));
    format_set_border(f, LXW_BORDER_THIN);
    format_set_font_size(f, 10);
    if (kind == XlsxCellKind::kText) format_set_align(f, LXW_ALIGN_LEFT);
    if (bold) {
      format_set_bold(f);
      format_set_bg_color(f, 0xF2F2F2);
    }
    if (highlight) {
      format_set_bg_color(f, 0xFFC7CE);
      format_set_font_color(f, 0x9C0006);
    }
    formats.emplace(key, f);
    return f;
  }

  void MakeFrameFormats() {
    title_format = workbook_add_format(workbook);
    format_set_bold(title_format);
    format_set_font_size(title_format, 16);
    format_set_align(title_format, LXW_ALIGN_CENTER);
    format_set_align(title_format, LXW_ALIGN_VERTICAL_CENTER);
    units_format = workbook_add_format(workbook);
    format_set_align(units_format, LXW_ALIGN_RIGHT);
    format_set_font_size(units_format, 10);
    header_format = workbook_add_format(workbook);
    format_set_bold(header_format);
    format_set_font_size(header_format, 10);
    format_set_text_wrap(header_format);
    format_set_align(header_format, LXW_ALIGN_CENTER);
    format_set_align(header_format, LXW_ALIGN_VERTICAL_CENTER);
    format_set_border(header_format, LXW_BORDER_THIN);
    format_set_bg_color(header_format, 0xDDEBF7);
  }

  Status StartSheet(XlsxSheetLayout l, std::vector<XlsxColumn> cols) {
    layout = std::move(l);
    columns = std::move(cols);
    totals_override.clear();
    sums.assign(columns.size(), 0.0);
    data_rows = 0;
    const std::string name = SafeSheetName(layout.sheet_name);
    sheet = workbook_add_worksheet(workbook, name.c_str());
    if (!sheet) return Status::Internal("写入 XLSX 失败：无法添加工作表 " + name);
    const auto last_col = static_cast<lxw_col_t>(columns.empty() ? 0 : columns.size() - 1);
    for (std::size_t c = 0; c < columns.size(); ++c) {
      const auto col = static_cast<lxw_col_t>(c);
      worksheet_set_column(sheet, col, col, columns[c].width, nullptr);
    }
    int row = 0;
    if (!layout.title.empty()) {
      worksheet_set_row(sheet, static_cast<lxw_row_t>(row), kTitleHeight, nullptr);
      if (last_col > 0) {
        worksheet_merge_range(sheet, 0, 0, 0, last_col, layout.title.c_str(), title_format);
      } else {
        worksheet_write_string(sheet, 0, 0, CellText(layout.title).c_str(), title_format);
      }
      ++row;
    }
    if (!layout.units.empty()) {
      const auto r = static_cast<lxw_row_t>(row);
      if (last_col > 0) {
        worksheet_merge_range(sheet, r, 0, r, last_col, layout.units.c_str(), units_format);
      } else {
        worksheet_write_string(sheet, r, 0, CellText(layout.units).c_str(), units_format);
      }
      ++row;
    }
    header_row = row;
    for (std::size_t c = 0; c < columns.size(); ++c) {
      worksheet_write_string(sheet, static_cast<lxw_row_t>(row), static_cast<lxw_col_t>(c), columns[c].title.c_str(),
                             header_format);
    }
    next_row = row + 1;
    worksheet_freeze_panes(sheet, static_cast<lxw_row_t>(next_row), 0);
    worksheet_repeat_rows(sheet, static_cast<lxw_row_t>(header_row), static_cast<lxw_row_t>(header_row));
    worksheet_set_paper(sheet, kPaperA4);
    if (layout.landscape) worksheet_set_landscape(sheet);
    worksheet_fit_to_pages(sheet, 1, 0);
    worksheet_center_horizontally(sheet);
    const std::string footer =
        "&L&8生成时间：" + FooterText(layout.generated_at) + "&C&8第 &P 页，共 &N 页&R&8" + FooterText(layout.region);
    worksheet_set_footer(sheet, footer.c_str());
    return Status::Ok();
  }

  Status WriteCells(const std::vector<XlsxCell>& cells, bool bold) {
    const auto r = static_cast<lxw_row_t>(next_row);
    for (std::size_t c = 0; c < columns.size(); ++c) {
      const XlsxCell empty;
      const XlsxCell& cell = c < cells.size() ? cells[c] : empty;
      const auto col = static_cast<lxw_col_t>(c);
      lxw_format* f =
          Format(cell.kind == XlsxCell::Kind::kText ? XlsxCellKind::kText : columns[c].kind, cell.highlight, bold);
      lxw_error e = LXW_NO_ERROR;
      switch (cell.kind) {
        case XlsxCell::Kind::kEmpty: e = worksheet_write_blank(sheet, r, col, f); break;
        case XlsxCell::Kind::kText: e = worksheet_write_string(sheet, r, col, CellText(cell.text).c_str(), f); break;
        case XlsxCell::Kind::kNumber: e = worksheet_write_number(sheet, r, col, cell.number, f); break;
      }
      if (e != LXW_NO_ERROR) return LxwError("单元格", e);
    }
    ++next_row;
    return Status::Ok();
  }

  Status FinishSheet() {
    if (!sheet || !layout.totals || columns.empty()) return Status::Ok();
    const auto r = static_cast<lxw_row_t>(next_row);
    worksheet_write_string(sheet, r, 0, "合计", Format(XlsxCellKind::kText, false, true));
    const int first = header_row + 2;  // 1-based first data row
    for (std::size_t c = 1; c < columns.size(); ++c) {
      const auto col = static_cast<lxw_col_t>(c);
      lxw_format* f = Format(columns[c].kind, false, true);
      const bool overridden = c < totals_override.size() && totals_override[c].kind != XlsxCell::Kind::kEmpty;
      if (overridden) {
        const XlsxCell& cell = totals_override[c];
        if (cell.kind == XlsxCell::Kind::kText) {
          worksheet_write_string(sheet, r, col, CellText(cell.text).c_str(), Format(XlsxCellKind::kText, false, true));
        } else {
          worksheet_write_number(sheet, r, col, cell.number, f);
        }
      } else if (columns[c].total && data_rows > 0) {
        const std::string formula = "=SUM(" + ColumnName(static_cast<int>(c)) + std::to_string(first) + ":" +
                                    ColumnName(static_cast<int>(c)) + std::to_string(first + data_rows - 1) + ")";
        // The value is cached with the formula so viewers that do not recalculate show it.
        const double value = columns[c].kind == XlsxCellKind::kYuan ? sums[c] / 100.0 : sums[c];
        worksheet_write_formula_num(sheet, r, col, formula.c_str(), f, value);
      } else {
        worksheet_write_blank(sheet, r, col, f);
      }
    }
    ++next_row;
    return Status::Ok();
  }
};

XlsxTableWriter::XlsxTableWriter(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
XlsxTableWriter::~XlsxTableWriter() = default;

Result<std::unique_ptr<XlsxTableWriter>> XlsxTableWriter::Create(const std::string& path, XlsxSheetLayout layout,
                                                                 std::vector<XlsxColumn> columns) {
  auto impl = std::make_unique<Impl>();
  lxw_workbook_options options = {};
  options.constant_memory = LXW_TRUE;
  options.use_zip64 = LXW_TRUE;
  impl->workbook = workbook_new_opt(path.c_str(), &options);
  if (!impl->workbook) return Status::Internal("无法创建 XLSX 文件：" + path);
  lxw_doc_properties props = {};
  std::string title = layout.title;
  props.title = title.data();
  std::string author = "衔接 xianjie";
  props.author = author.data();
  workbook_set_properties(impl->workbook, &props);
  impl->MakeFrameFormats();
  XJ_RETURN_IF_ERROR(impl->StartSheet(std::move(layout), std::move(columns)));
  return std::unique_ptr<XlsxTableWriter>(new XlsxTableWriter(std::move(impl)));
}

Status XlsxTableWriter::AddRow(const std::vector<XlsxCell>& cells) {
  for (std::size_t c = 0; c < cells.size() && c < impl_->sums.size(); ++c) {
    if (cells[c].kind != XlsxCell::Kind::kNumber) continue;
    // Yuan are summed as whole fen (exact in a double up to 2^53 fen).
    const bool yuan = impl_->columns[c].kind == XlsxCellKind::kYuan;
    impl_->sums[c] += yuan ? std::round(cells[c].number * 100.0) : cells[c].number;
  }
  ++impl_->data_rows;
  return impl_->WriteCells(cells, false);
}

void XlsxTableWriter::OmitTotals() {
  impl_->layout.totals = false;
}

void XlsxTableWriter::SetTotals(std::vector<XlsxCell> cells) {
  impl_->totals_override = std::move(cells);
}

Status XlsxTableWriter::AddSheet(XlsxSheetLayout layout, std::vector<XlsxColumn> columns) {
  XJ_RETURN_IF_ERROR(impl_->FinishSheet());
  return impl_->StartSheet(std::move(layout), std::move(columns));
}

Status XlsxTableWriter::Close() {
  XJ_RETURN_IF_ERROR(impl_->FinishSheet());
  lxw_workbook* wb = impl_->workbook;
  impl_->workbook = nullptr;
  if (lxw_error e = workbook_close(wb); e != LXW_NO_ERROR) return LxwError("保存", e);
  return Status::Ok();
}

std::int64_t XlsxTableWriter::rows() const {
  return impl_->data_rows;
}

}  // namespace xj
