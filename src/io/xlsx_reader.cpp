#include "io/xlsx_reader.hpp"

#include <expat.h>
#include <zip.h>

#include <cctype>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <deque>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "core/date.hpp"

namespace xj {
namespace {

constexpr int kMaxColumns = 16384;  // XFD
constexpr int kMaxRows = 1048576;
constexpr std::size_t kMaxReportedCellValue = 200;

// --- RAII wrappers of the two C libraries (nothing else in the project includes them) ---

struct ZipDiscard {
  void operator()(zip_t* z) const { zip_discard(z); }
};
struct ZipFileClose {
  void operator()(zip_file_t* f) const { zip_fclose(f); }
};
struct XmlParserFree {
  void operator()(XML_ParserStruct* p) const { XML_ParserFree(p); }
};
using ZipArchive = std::unique_ptr<zip_t, ZipDiscard>;
using ZipEntry = std::unique_ptr<zip_file_t, ZipFileClose>;
using XmlParser = std::unique_ptr<XML_ParserStruct, XmlParserFree>;

Status FileError(const std::string& sheet, std::string code, std::string message) {
  return Status::Rejected("XLSX 文件错误", {FieldError{sheet, 0, "", 0, "", std::move(code), std::move(message)}});
}

/// A workbook past one of XlsxOptions' bounds: refused before it can take more memory.
Status TooLargeError(const std::string& sheet, int row, int col, std::string message) {
  return Status::TooLarge("XLSX 文件超出导入限制")
      .WithDetails({FieldError{sheet, row, "", col, "", "import_too_large", std::move(message)}})
      .WithReason("import_too_large");
}

Status CellError(const std::string& sheet, int row, int col, std::string value, std::string code, std::string message) {
  if (value.size() > kMaxReportedCellValue) value = value.substr(0, kMaxReportedCellValue) + "…";
  return Status::Rejected("XLSX 单元格错误",
                          {FieldError{sheet, row, "", col + 1, std::move(value), std::move(code), std::move(message)}});
}

/// "x:row" → "row": some writers prefix the spreadsheetml namespace.
std::string_view LocalName(const char* name) {
  std::string_view n(name);
  const std::size_t colon = n.rfind(':');
  return colon == std::string_view::npos ? n : n.substr(colon + 1);
}

/// The value of attribute `local` (prefix ignored), or nullptr.
const char* Attr(const char** attrs, std::string_view local) {
  for (int i = 0; attrs[i]; i += 2) {
    if (LocalName(attrs[i]) == local) return attrs[i + 1];
  }
  return nullptr;
}

/// "1MB", "512KB" or "2字节": a limit as the error message shows it.
std::string SizeText(std::size_t bytes) {
  if (bytes >= (1u << 20) && bytes % (1u << 20) == 0) return std::to_string(bytes >> 20) + "MB";
  if (bytes >= 1024 && bytes % 1024 == 0) return std::to_string(bytes >> 10) + "KB";
  return std::to_string(bytes) + "字节";
}

std::string ColumnLetters(int col) {
  std::string s;
  for (int n = col + 1; n > 0; n = (n - 1) / 26) s.insert(s.begin(), static_cast<char>('A' + (n - 1) % 26));
  return s;
}

/// Event callbacks of one XML part. A handler stops the parse by calling Fail.
class SaxHandler {
 public:
  virtual ~SaxHandler() = default;
  virtual void Start(std::string_view name, const char** attrs) = 0;
  virtual void End(std::string_view name) = 0;
  virtual void Text(std::string_view text) = 0;

  void Fail(Status s) {
    if (error_.ok()) error_ = std::move(s);
    XML_StopParser(parser_, XML_FALSE);
  }
  const Status& error() const { return error_; }
  void set_parser(XML_Parser p) { parser_ = p; }

 private:
  Status error_;
  XML_Parser parser_ = nullptr;
};

/// One zip entry inflated in chunks through an expat parser.
class XmlStream {
 public:
  /// NotFound (plain, no details) when the entry does not exist.
  static Result<std::unique_ptr<XmlStream>> Open(zip_t* zip, const std::string& entry, SaxHandler* handler,
                                                 const std::string& sheet) {
    zip_stat_t st;
    zip_stat_init(&st);
    if (zip_stat(zip, entry.c_str(), 0, &st) != 0) return Status::NotFound(entry);
    ZipEntry file(zip_fopen(zip, entry.c_str(), 0));
    if (!file) {
      return FileError(sheet, "not_xlsx", "无法读取 XLSX 部件 " + entry + "（" + zip_strerror(zip) + "）");
    }
    XmlParser parser(XML_ParserCreate("UTF-8"));
    if (!parser) return Status::Internal("expat: out of memory");
    auto s = std::unique_ptr<XmlStream>(new XmlStream(std::move(file), std::move(parser), handler, entry, sheet));
    s->Install();
    return s;
  }

  /// Parses up to `chunk` more inflated bytes. False once the part is fully parsed.
  Result<bool> Step(std::size_t chunk) {
    if (done_) return false;
    buf_.resize(chunk);
    const zip_int64_t n = zip_fread(file_.get(), buf_.data(), buf_.size());
    if (n < 0) return FileError(sheet_, "not_xlsx", "XLSX 压缩数据损坏（" + entry_ + "）");
    const bool last = n == 0;
    total_ += static_cast<std::size_t>(n);
    if (XML_Parse(parser_.get(), buf_.data(), static_cast<int>(n), last ? XML_TRUE : XML_FALSE) != XML_STATUS_OK) {
      if (!handler_->error().ok()) return handler_->error();
      return FileError(sheet_, "invalid_xml",
                       "XLSX 部件 " + entry_ + " 不是有效的 XML（第" +
                           std::to_string(XML_GetCurrentLineNumber(parser_.get())) + "行：" +
                           XML_ErrorString(XML_GetErrorCode(parser_.get())) + "）");
    }
    if (!handler_->error().ok()) return handler_->error();
    if (last) done_ = true;
    return !done_;
  }

  /// Parses the rest; fails when the part inflates to more than `limit` bytes.
  Status ParseAll(std::size_t chunk, std::size_t limit) {
    for (;;) {
      XJ_ASSIGN_OR_RETURN(bool more, Step(chunk));
      if (!more) return Status::Ok();
      if (total_ > limit) return FileError(sheet_, "too_large", "XLSX 部件 " + entry_ + " 过大");
    }
  }

 private:
  XmlStream(ZipEntry file, XmlParser parser, SaxHandler* handler, std::string entry, std::string sheet)
      : file_(std::move(file)),
        parser_(std::move(parser)),
        handler_(handler),
        entry_(std::move(entry)),
        sheet_(std::move(sheet)) {}

  void Install() {
    XML_Parser p = parser_.get();
    handler_->set_parser(p);
    XML_SetUserData(p, handler_);
    XML_SetElementHandler(
        p,
        [](void* h, const XML_Char* name, const XML_Char** attrs) {
          static_cast<SaxHandler*>(h)->Start(LocalName(name), attrs);
        },
        [](void* h, const XML_Char* name) { static_cast<SaxHandler*>(h)->End(LocalName(name)); });
    XML_SetCharacterDataHandler(p, [](void* h, const XML_Char* s, int len) {
      static_cast<SaxHandler*>(h)->Text(std::string_view(s, static_cast<std::size_t>(len)));
    });
    // Workbook parts never carry a DTD: refusing one rules out entity tricks.
    XML_SetStartDoctypeDeclHandler(p, [](void* h, const XML_Char*, const XML_Char*, const XML_Char*, int) {
      static_cast<SaxHandler*>(h)->Fail(Status::Rejected(
          "XLSX 文件错误", {FieldError{"", 0, "", 0, "", "invalid_xml", "XLSX 部件含 DTD 声明，拒绝读取"}}));
    });
  }

  ZipEntry file_;
  XmlParser parser_;
  SaxHandler* handler_;
  std::string entry_;
  std::string sheet_;
  std::vector<char> buf_;
  std::size_t total_ = 0;
  bool done_ = false;

 public:
  /// Inflated bytes parsed so far.
  std::size_t total() const { return total_; }
};

// --- small parts: workbook, relationships, styles, shared strings ---

struct WorkbookInfo {
  std::string sheet_name;
  std::string sheet_rel_id;
  bool date1904 = false;
};

class WorkbookHandler final : public SaxHandler {
 public:
  WorkbookInfo info;
  bool found = false;
  void Start(std::string_view name, const char** attrs) override {
    if (name == "workbookPr") {
      const char* v = Attr(attrs, "date1904");
      info.date1904 = v && (std::strcmp(v, "1") == 0 || std::strcmp(v, "true") == 0);
    } else if (name == "sheet" && !found) {
      found = true;
      const char* n = Attr(attrs, "name");
      const char* id = Attr(attrs, "id");
      info.sheet_name = n ? n : "";
      info.sheet_rel_id = id ? id : "";
    }
  }
  void End(std::string_view) override {}
  void Text(std::string_view) override {}
};

class RelsHandler final : public SaxHandler {
 public:
  struct Rel {
    std::string id, type, target;
  };
  std::vector<Rel> rels;
  void Start(std::string_view name, const char** attrs) override {
    if (name != "Relationship") return;
    const char* id = Attr(attrs, "Id");
    const char* type = Attr(attrs, "Type");
    const char* target = Attr(attrs, "Target");
    rels.push_back({id ? id : "", type ? type : "", target ? target : ""});
  }
  void End(std::string_view) override {}
  void Text(std::string_view) override {}
};

class StylesHandler final : public SaxHandler {
 public:
  std::unordered_map<int, std::string> custom_formats;
  std::vector<int> xf_formats;  // cellXfs index → numFmtId
  void Start(std::string_view name, const char** attrs) override {
    if (name == "numFmt") {
      const char* id = Attr(attrs, "numFmtId");
      const char* code = Attr(attrs, "formatCode");
      if (id && code) custom_formats[std::atoi(id)] = code;
    } else if (name == "cellXfs") {
      in_cell_xfs_ = true;
    } else if (name == "xf" && in_cell_xfs_) {
      const char* id = Attr(attrs, "numFmtId");
      xf_formats.push_back(id ? std::atoi(id) : 0);
    }
  }
  void End(std::string_view name) override {
    if (name == "cellXfs") in_cell_xfs_ = false;
  }
  void Text(std::string_view) override {}

 private:
  bool in_cell_xfs_ = false;
};

/// The shared-string table in one pooled buffer; strings over the cell limit are kept as
/// markers so that only a cell that uses one is refused.
class SharedStringsHandler final : public SaxHandler {
 public:
  SharedStringsHandler(const XlsxOptions& options, std::string sheet) : options_(options), sheet_(std::move(sheet)) {}

  std::string pool;
  std::vector<std::uint64_t> ends;  // end offset of string i in pool
  std::unordered_set<std::size_t> oversized;

  void Start(std::string_view name, const char**) override {
    if (name == "si") {
      in_si_ = true;
      current_ = 0;
      too_big_ = false;
    } else if (name == "rPh") {
      ++in_phonetic_;
    } else if (name == "t" && in_si_ && in_phonetic_ == 0) {
      in_t_ = true;
    }
  }
  void End(std::string_view name) override {
    if (name == "si") {
      in_si_ = false;
      if (ends.size() >= options_.max_shared_strings) {
        Fail(TooLargeError(sheet_, 0, 0, "XLSX 共享字符串超过 " + std::to_string(options_.max_shared_strings) + " 个"));
        return;
      }
      if (too_big_) {
        oversized.insert(ends.size());
        pool.resize(pool.size() - current_);
      }
      ends.push_back(pool.size());
    } else if (name == "rPh") {
      --in_phonetic_;
    } else if (name == "t") {
      in_t_ = false;
    }
  }
  void Text(std::string_view text) override {
    if (!in_t_ || too_big_) return;
    if (current_ + text.size() > options_.max_cell_bytes) {
      too_big_ = true;
      return;
    }
    if (pool.size() + text.size() > options_.max_shared_strings_bytes) {
      Fail(FileError(sheet_, "too_large", "XLSX 共享字符串表超过上限"));
      return;
    }
    pool.append(text);
    current_ += text.size();
  }

  std::string_view At(std::size_t i) const {
    const std::uint64_t begin = i == 0 ? 0 : ends[i - 1];
    return std::string_view(pool).substr(begin, ends[i] - begin);
  }

 private:
  const XlsxOptions& options_;
  std::string sheet_;
  bool in_si_ = false;
  bool in_t_ = false;
  int in_phonetic_ = 0;
  bool too_big_ = false;
  std::size_t current_ = 0;
};

/// "1234.5599999999999" → "1234.56": what Excel shows at 15 significant digits.
std::string FormatNumber(std::string_view v) {
  std::size_t i = (!v.empty() && v[0] == '-') ? 1 : 0;
  bool digits = i < v.size();
  for (std::size_t k = i; k < v.size(); ++k) digits = digits && v[k] >= '0' && v[k] <= '9';
  if (digits) return std::string(v);
  const std::string text(v);
  char* end = nullptr;
  const double d = std::strtod(text.c_str(), &end);
  if (end != text.c_str() + text.size() || !std::isfinite(d)) return text;
  char out[64];
  if (d == std::floor(d) && std::fabs(d) < 1e17) {
    std::snprintf(out, sizeof out, "%.0f", d);
  } else {
    std::snprintf(out, sizeof out, "%.15g", d);
  }
  return out;
}

bool IsBuiltinDateFormat(int id) {
  return (id >= 14 && id <= 22) || (id >= 27 && id <= 36) || (id >= 45 && id <= 47) || (id >= 50 && id <= 58);
}

/// Streams the worksheet's rows into a queue; cells are finished at </c>, rows at </row>.
class SheetHandler final : public SaxHandler {
 public:
  SheetHandler(const XlsxOptions& options, const SharedStringsHandler& strings, std::vector<bool> date_styles,
               bool date1904)
      : options_(options), strings_(strings), date_styles_(std::move(date_styles)), date1904_(date1904) {}

  std::string sheet;
  std::deque<TableRow> rows;
  std::int64_t declared_rows = 0;
  /// Formula cells imported by their cached value, in rows that were read (the first
  /// FormulaCells::kListed), and how many there were.
  std::vector<FormulaCell> formula_cells;
  std::int64_t formula_cells_total = 0;
  bool seen_sheet_data = false;

  void Start(std::string_view name, const char** attrs) override {
    if (name == "c") {
      StartCell(attrs);
    } else if (name == "v" && in_cell_) {
      capture_ = Capture::kValue;
      has_value_ = true;
    } else if (name == "f" && in_cell_) {
      has_formula_ = true;
      capture_ = Capture::kFormula;
    } else if (name == "is" && in_cell_) {
      in_inline_ = true;
    } else if (name == "rPh") {
      ++in_phonetic_;
    } else if (name == "t" && in_inline_ && in_phonetic_ == 0) {
      capture_ = Capture::kValue;
    } else if (name == "row") {
      StartRow(attrs);
    } else if (name == "dimension") {
      if (const char* ref = Attr(attrs, "ref")) declared_rows = LastRowOf(ref);
    } else if (name == "sheetData") {
      seen_sheet_data = true;
    }
  }

  void End(std::string_view name) override {
    if (name == "c") {
      EndCell();
    } else if (name == "v" || name == "f" || name == "t") {
      capture_ = Capture::kNone;
    } else if (name == "is") {
      in_inline_ = false;
    } else if (name == "rPh") {
      --in_phonetic_;
    } else if (name == "row") {
      EndRow();
    }
  }

  void Text(std::string_view text) override {
    if (capture_ == Capture::kNone) return;
    std::string& into = capture_ == Capture::kValue ? value_ : formula_;
    if (into.size() + text.size() > options_.max_cell_bytes) {
      if (capture_ == Capture::kFormula) return;  // the formula is refused anyway
      Fail(CellError(sheet, row_, col_, into.substr(0, kMaxReportedCellValue), "cell_too_large",
                     "单元格 " + Ref() + " 超过" + SizeText(options_.max_cell_bytes)));
      return;
    }
    into.append(text);
  }

 private:
  enum class Capture { kNone, kValue, kFormula };

  static std::int64_t LastRowOf(std::string_view ref) {
    const std::size_t colon = ref.find(':');
    if (colon != std::string_view::npos) ref = ref.substr(colon + 1);
    std::int64_t n = 0;
    for (char c : ref) {
      if (c >= '0' && c <= '9') n = n * 10 + (c - '0');
    }
    return n;
  }

  std::string Ref() const { return ColumnLetters(col_) + std::to_string(row_); }

  void StartRow(const char** attrs) {
    const char* r = Attr(attrs, "r");
    row_ = r ? std::atoi(r) : row_ + 1;
    if (row_ < 1 || row_ > kMaxRows) {
      Fail(CellError(sheet, row_, 0, r ? r : "", "invalid_cell_reference", "行号超出 1–1048576"));
      return;
    }
    // Rows are stored in ascending order (ECMA-376 §18.3.1.73); a row that goes back would give
    // two records the same row number in every error report, so the file is refused instead.
    if (row_ <= last_row_) {
      Fail(
          CellError(sheet, row_, 0, r ? r : "", "invalid_cell_reference",
                    "第 " + std::to_string(row_) + " 行出现在第 " + std::to_string(last_row_) + " 行之后：行号须递增"));
      return;
    }
    last_row_ = row_;
    cells_.clear();
    formula_cols_.clear();
    cached_cols_.clear();
    next_col_ = 0;
  }

  void StartCell(const char** attrs) {
    in_cell_ = true;
    has_formula_ = false;
    has_value_ = false;
    value_.clear();
    formula_.clear();
    col_ = next_col_;
    if (const char* r = Attr(attrs, "r")) {
      int c = 0;
      const char* p = r;
      for (; *p >= 'A' && *p <= 'Z'; ++p) c = c * 26 + (*p - 'A' + 1);
      if (c < 1 || c > kMaxColumns) {
        Fail(CellError(sheet, row_, 0, r, "invalid_cell_reference", std::string("单元格引用无效：") + r));
        return;
      }
      col_ = c - 1;
    }
    next_col_ = col_ + 1;
    const char* t = Attr(attrs, "t");
    type_ = t ? t : "n";
    const char* s = Attr(attrs, "s");
    const int style = s ? std::atoi(s) : 0;
    is_date_style_ = style >= 0 && static_cast<std::size_t>(style) < date_styles_.size() && date_styles_[style];
  }

  void EndCell() {
    in_cell_ = false;
    capture_ = Capture::kNone;
    if (!error().ok()) return;
    if (has_formula_) {
      // The value Excel, WPS or LibreOffice last calculated is imported (and the cell listed in
      // the report); a formula without one, or any formula in strict mode, refuses the row.
      if (options_.strict_formulas || !has_value_) {
        formula_cols_.push_back({col_, formula_});
        return;
      }
      cached_cols_.push_back({col_, formula_});
    }
    std::string text;
    if (type_ == "s") {
      char* end = nullptr;
      const unsigned long long i = std::strtoull(value_.c_str(), &end, 10);
      if (value_.empty() || *end != '\0' || i >= strings_.ends.size()) {
        Fail(CellError(sheet, row_, col_, value_, "shared_string_out_of_range",
                       "单元格 " + Ref() + " 引用的共享字符串 " + value_ + " 不存在（共 " +
                           std::to_string(strings_.ends.size()) + " 个）"));
        return;
      }
      if (strings_.oversized.contains(i)) {
        Fail(CellError(sheet, row_, col_, "", "cell_too_large",
                       "单元格 " + Ref() + " 超过" + SizeText(options_.max_cell_bytes)));
        return;
      }
      text = std::string(strings_.At(i));
    } else if (type_ == "inlineStr" || type_ == "str") {
      text = std::move(value_);
    } else if (type_ == "b") {
      text = value_ == "1" || value_ == "true" ? "1" : "0";
    } else if (type_ == "e") {
      Fail(CellError(sheet, row_, col_, value_, "cell_error", "单元格 " + Ref() + " 是错误值 " + value_));
      return;
    } else if (type_ == "d") {
      text = value_.substr(0, 10);
    } else if (!value_.empty()) {
      text = FormatNumber(value_);
      if (is_date_style_) {
        char* end = nullptr;
        const double serial = std::strtod(value_.c_str(), &end);
        if (*end == '\0') {
          if (auto iso = ExcelSerialToIsoDate(serial, date1904_)) text = *iso;
        }
      }
    }
    if (text.empty()) return;
    if (static_cast<std::size_t>(col_) >= options_.max_columns) {
      Fail(TooLargeError(sheet, row_, col_ + 1,
                         "单元格 " + Ref() + " 超出导入的列数上限（" + std::to_string(options_.max_columns) + " 列）"));
      return;
    }
    if (cells_.size() <= static_cast<std::size_t>(col_)) cells_.resize(static_cast<std::size_t>(col_) + 1);
    cells_[static_cast<std::size_t>(col_)] = std::move(text);
  }

  void EndRow() {
    if (!error().ok()) return;
    const std::string* first = nullptr;
    for (const std::string& c : cells_) {
      if (!c.empty()) {
        first = &c;
        break;
      }
    }
    if (first && IsTotalsLabel(*first)) return;
    if (!formula_cols_.empty()) {
      col_ = formula_cols_.front().first;
      Fail(CellError(sheet, row_, col_, "=" + formula_cols_.front().second, "formula_cell",
                     options_.strict_formulas
                         ? "单元格 " + Ref() + " 含公式（已要求不接受公式），请先“选择性粘贴为数值”再导入"
                         : "单元格 " + Ref() +
                               " 含公式但文件中没有保存计算结果，请在 Excel 或 WPS "
                               "中打开后保存一次，或先“选择性粘贴为数值”再导入"));
      return;
    }
    if (!first) return;
    for (const auto& [c, formula] : cached_cols_) {
      if (formula_cells.size() < FormulaCells::kListed) {
        const std::string value =
            static_cast<std::size_t>(c) < cells_.size() ? cells_[static_cast<std::size_t>(c)] : "";
        formula_cells.push_back({sheet, row_, ColumnLetters(c), formula.substr(0, kMaxReportedCellValue),
                                 value.substr(0, kMaxReportedCellValue)});
      }
      ++formula_cells_total;
    }
    rows.push_back(TableRow{row_, std::move(cells_)});
    cells_ = {};
  }

  const XlsxOptions& options_;
  const SharedStringsHandler& strings_;
  std::vector<bool> date_styles_;
  bool date1904_ = false;

  int row_ = 0;
  int last_row_ = 0;  // the row number of the previous <row>, to refuse rows that go back
  int col_ = 0;
  int next_col_ = 0;
  bool in_cell_ = false;
  bool in_inline_ = false;
  int in_phonetic_ = 0;
  bool has_formula_ = false;
  bool has_value_ = false;  // the cell has a <v>: for a formula, the value last calculated
  bool is_date_style_ = false;
  Capture capture_ = Capture::kNone;
  std::string type_;
  std::string value_;
  std::string formula_;
  std::vector<std::string> cells_;
  std::vector<std::pair<int, std::string>> formula_cols_;
  // formula cells of this row imported by their cached value, with their formula
  std::vector<std::pair<int, std::string>> cached_cols_;
};

/// "worksheets/sheet1.xml" relative to xl/, or "/xl/worksheets/sheet1.xml" absolute.
std::string ResolveTarget(std::string_view target) {
  if (target.starts_with("/")) return std::string(target.substr(1));
  if (target.starts_with("./")) target.remove_prefix(2);
  return "xl/" + std::string(target);
}

}  // namespace

struct XlsxReader::Impl {
  XlsxOptions options;
  ZipArchive zip;
  WorkbookInfo workbook;
  std::unique_ptr<SharedStringsHandler> strings;
  std::unique_ptr<SheetHandler> sheet;
  std::unique_ptr<XmlStream> stream;
  bool done = false;
  bool header_seen = false;
  Status pending;  // a parse error, returned once the rows read before it are consumed

  Status Load() {
    WorkbookHandler wb;
    auto wb_stream = XmlStream::Open(zip.get(), "xl/workbook.xml", &wb, "");
    if (!wb_stream.ok()) {
      if (wb_stream.status().code() == ErrorCode::kNotFound) {
        return FileError("", "no_sheet", "ZIP 文件中没有 XLSX 工作簿（xl/workbook.xml）");
      }
      return wb_stream.status();
    }
    XJ_RETURN_IF_ERROR((*wb_stream)->ParseAll(options.chunk_bytes, options.max_part_bytes));
    if (!wb.found) return FileError("", "no_sheet", "XLSX 工作簿中没有工作表");
    workbook = wb.info;
    const std::string& name = workbook.sheet_name;

    std::string sheet_path = "xl/worksheets/sheet1.xml";
    std::string strings_path = "xl/sharedStrings.xml";
    std::string styles_path = "xl/styles.xml";
    RelsHandler rels;
    if (auto rs = XmlStream::Open(zip.get(), "xl/_rels/workbook.xml.rels", &rels, name); rs.ok()) {
      XJ_RETURN_IF_ERROR((*rs)->ParseAll(options.chunk_bytes, options.max_part_bytes));
      for (const auto& r : rels.rels) {
        if (r.id == workbook.sheet_rel_id) sheet_path = ResolveTarget(r.target);
        if (r.type.ends_with("/sharedStrings")) strings_path = ResolveTarget(r.target);
        if (r.type.ends_with("/styles")) styles_path = ResolveTarget(r.target);
      }
    } else if (rs.status().code() != ErrorCode::kNotFound) {
      return rs.status();
    }

    std::vector<bool> date_styles;
    StylesHandler styles;
    if (auto ss = XmlStream::Open(zip.get(), styles_path, &styles, name); ss.ok()) {
      XJ_RETURN_IF_ERROR((*ss)->ParseAll(options.chunk_bytes, options.max_part_bytes));
      for (int id : styles.xf_formats) {
        auto it = styles.custom_formats.find(id);
        date_styles.push_back(it != styles.custom_formats.end() ? IsDateFormatCode(it->second)
                                                                : IsBuiltinDateFormat(id));
      }
    } else if (ss.status().code() != ErrorCode::kNotFound) {
      return ss.status();
    }

    strings = std::make_unique<SharedStringsHandler>(options, name);
    if (auto st = XmlStream::Open(zip.get(), strings_path, strings.get(), name); st.ok()) {
      XJ_RETURN_IF_ERROR((*st)->ParseAll(options.chunk_bytes, options.max_shared_strings_bytes * 2));
    } else if (st.status().code() != ErrorCode::kNotFound) {
      return st.status();
    }

    sheet = std::make_unique<SheetHandler>(options, *strings, std::move(date_styles), workbook.date1904);
    sheet->sheet = name;
    auto sheet_stream = XmlStream::Open(zip.get(), sheet_path, sheet.get(), name);
    if (!sheet_stream.ok()) {
      if (sheet_stream.status().code() == ErrorCode::kNotFound) {
        return FileError(name, "no_sheet", "XLSX 中找不到第一个工作表（" + sheet_path + "）");
      }
      return sheet_stream.status();
    }
    stream = std::move(*sheet_stream);
    // Read up to the rows so that the declared size is known for progress reports. A cell
    // error met on the way is reported by Next(), after the rows before it.
    while (!sheet->seen_sheet_data && sheet->rows.empty() && !done) Step();
    return Status::Ok();
  }

  void Step() {
    auto more = stream->Step(options.chunk_bytes);
    if (!more.ok()) {
      pending = more.status();
      done = true;
    } else if (stream->total() > options.max_sheet_bytes) {
      pending = TooLargeError(workbook.sheet_name, 0, 0,
                              "工作表解压后超过 " + std::to_string(options.max_sheet_bytes >> 20) + " MiB");
      done = true;
    } else {
      done = !*more;
    }
  }

  Result<std::optional<TableRow>> Next() {
    for (;;) {
      if (!sheet->rows.empty()) {
        TableRow row = std::move(sheet->rows.front());
        sheet->rows.pop_front();
        if (!header_seen) {
          int filled = 0;
          for (const std::string& c : row.cells) filled += c.empty() ? 0 : 1;
          if (filled <= 1) continue;  // a title or 单位 line above the header
          header_seen = true;
        }
        return std::optional<TableRow>{std::move(row)};
      }
      if (!pending.ok()) return pending;
      if (done) return std::optional<TableRow>{};
      Step();
    }
  }
};

namespace {

Status ZipOpenError(int code, std::string_view head) {
  if (LooksLikeOle2(head)) {
    return FileError("", "not_xlsx", "文件是旧版 .xls 或已加密的工作簿，请另存为不加密的 .xlsx 后再导入");
  }
  zip_error_t err;
  zip_error_init_with_code(&err, code);
  std::string why = zip_error_strerror(&err);
  zip_error_fini(&err);
  return FileError("", "not_xlsx", "文件不是有效的 XLSX（ZIP）文件：" + why);
}

}  // namespace

XlsxReader::XlsxReader(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
XlsxReader::~XlsxReader() = default;

Result<std::unique_ptr<XlsxReader>> XlsxReader::OpenFile(const std::string& path, XlsxOptions options) {
  std::FILE* f = std::fopen(path.c_str(), "rb");
  if (!f) return Status::NotFound("无法打开文件：" + path);
  char head[8] = {};
  const std::size_t n = std::fread(head, 1, sizeof head, f);
  std::fclose(f);
  if (n == 0) return FileError("", "empty_file", "文件为空（0 字节）");
  int code = 0;
  ZipArchive zip(zip_open(path.c_str(), ZIP_RDONLY, &code));
  if (!zip) return ZipOpenError(code, std::string_view(head, n));
  auto impl = std::make_unique<Impl>();
  impl->options = options;
  impl->zip = std::move(zip);
  XJ_RETURN_IF_ERROR(impl->Load());
  return std::unique_ptr<XlsxReader>(new XlsxReader(std::move(impl)));
}

Result<std::unique_ptr<XlsxReader>> XlsxReader::OpenBuffer(std::string_view data, XlsxOptions options) {
  if (data.empty()) return FileError("", "empty_file", "文件为空（0 字节）");
  zip_error_t err;
  zip_error_init(&err);
  zip_source_t* src = zip_source_buffer_create(data.data(), data.size(), 0, &err);
  if (!src) {
    zip_error_fini(&err);
    return Status::Internal("libzip: cannot create a buffer source");
  }
  ZipArchive zip(zip_open_from_source(src, ZIP_RDONLY, &err));
  if (!zip) {
    zip_source_free(src);
    const int code = zip_error_code_zip(&err);
    zip_error_fini(&err);
    return ZipOpenError(code, data.substr(0, 8));
  }
  zip_error_fini(&err);
  auto impl = std::make_unique<Impl>();
  impl->options = options;
  impl->zip = std::move(zip);
  XJ_RETURN_IF_ERROR(impl->Load());
  return std::unique_ptr<XlsxReader>(new XlsxReader(std::move(impl)));
}

Result<std::optional<TableRow>> XlsxReader::Next() {
  return impl_->Next();
}
std::string XlsxReader::sheet() const {
  return impl_->workbook.sheet_name;
}
std::int64_t XlsxReader::declared_rows() const {
  return impl_->sheet->declared_rows;
}

FormulaCells XlsxReader::formula_cells() const {
  return {impl_->sheet->formula_cells_total, impl_->sheet->formula_cells};
}

bool LooksLikeZip(std::string_view head) {
  return head.starts_with(std::string_view("PK\x03\x04", 4));
}

bool LooksLikeOle2(std::string_view head) {
  return head.starts_with(std::string_view("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8));
}

std::optional<std::string> ExcelSerialToIsoDate(double serial, bool date1904) {
  if (!std::isfinite(serial) || serial < 1 || serial > 3000000) return std::nullopt;
  const int days = static_cast<int>(std::floor(serial));
  Date d;
  if (date1904) {
    d = Date::FromYmd(1904, 1, 1).AddDays(days);
  } else if (days == 60) {
    return std::nullopt;  // 1900-02-29, a day Excel invented
  } else if (days > 60) {
    d = Date::FromYmd(1899, 12, 30).AddDays(days);
  } else {
    d = Date::FromYmd(1899, 12, 31).AddDays(days);
  }
  if (d.year() > 9999) return std::nullopt;
  return d.ToString();
}

bool IsDateFormatCode(std::string_view code) {
  for (std::size_t i = 0; i < code.size(); ++i) {
    const char c = code[i];
    if (c == '"') {
      const std::size_t close = code.find('"', i + 1);
      if (close == std::string_view::npos) return false;
      i = close;
    } else if (c == '\\' || c == '_' || c == '*') {
      ++i;
    } else if (c == '[') {
      const std::size_t close = code.find(']', i + 1);
      if (close == std::string_view::npos) return false;
      i = close;
    } else if (c == ';') {
      return false;  // only the first (positive) section decides
    } else {
      switch (std::tolower(static_cast<unsigned char>(c))) {
        case 'y':
        case 'm':
        case 'd':
        case 'h':
        case 's': return true;
        default: break;
      }
    }
  }
  return false;
}

}  // namespace xj
