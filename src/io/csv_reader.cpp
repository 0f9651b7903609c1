#include "io/csv_reader.hpp"

#include <cctype>

namespace xj {
namespace {
constexpr std::size_t kCsvChunk = 1 << 16;
constexpr std::size_t kMaxCell = 1 << 20;  // one cell over 1 MiB is certainly not ours

/// A row past the reader's bounds: refused before it can take memory (a 50 MB line of commas
/// would otherwise be 50 million cells).
Status RowTooLarge(int row, int column, std::string message) {
  return Status::TooLarge("CSV 文件超出导入限制")
      .WithDetails({FieldError{"", row, "", column, "", "import_too_large", std::move(message)}})
      .WithReason("import_too_large");
}
}  // namespace

bool IsTotalsLabel(std::string_view s) {
  std::string compact;
  for (std::size_t i = 0; i < s.size();) {
    if (s[i] == ' ' || s[i] == '\t') {
      ++i;
    } else if (s.substr(i, 3) == "\xE3\x80\x80") {  // U+3000, the full-width space
      i += 3;
    } else {
      compact.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(s[i]))));
      ++i;
    }
  }
  return compact == "合计" || compact == "总计" || compact == "小计" || compact == "total" || compact == "totals";
}

bool CsvReader::Fill() {
  if (!in_) {
    read_failed_ = read_failed_ || in_.bad();
    return false;
  }
  if (pos_ > 0) {
    buf_.erase(0, pos_);
    pos_ = 0;
  }
  const std::size_t old = buf_.size();
  buf_.resize(old + kCsvChunk);
  in_.read(buf_.data() + old, static_cast<std::streamsize>(kCsvChunk));
  buf_.resize(old + static_cast<std::size_t>(in_.gcount()));
  read_failed_ = read_failed_ || in_.bad();
  return buf_.size() > old;
}

Result<std::optional<TableRow>> CsvReader::Next() {
  if (!header_seen_) {
    header_seen_ = true;
    while (held_.size() < kMaxTitleLines) {
      XJ_ASSIGN_OR_RETURN(std::optional<TableRow> row, NextRecord());
      if (!row) break;
      std::size_t filled = 0;
      for (const std::string& c : row->cells) filled += c.empty() ? 0 : 1;
      if (filled > 1) {
        held_.clear();  // title and 单位 lines above the header
        return row;
      }
      held_.push_back(std::move(*row));
    }
  }
  if (!held_.empty()) {
    TableRow row = std::move(held_.front());
    held_.pop_front();
    return std::optional<TableRow>{std::move(row)};
  }
  return NextRecord();
}

Result<std::optional<TableRow>> CsvReader::NextRecord() {
  if (!bom_checked_) {
    bom_checked_ = true;
    while (buf_.size() < 3 && Fill()) {
    }
    if (buf_.compare(0, 3, "\xEF\xBB\xBF") == 0) pos_ = 3;
  }
  for (;;) {
    TableRow row;
    row.row = line_ + 1;
    std::string cell;
    bool in_quotes = false;
    bool quoted_cell = false;
    bool any = false;
    std::size_t row_bytes = 0;
    for (;;) {
      if (pos_ >= buf_.size() && !Fill()) {
        if (read_failed_) {
          return Status::Internal("读取文件第" + std::to_string(row.row) + "行时出错（文件不完整或编码有误）");
        }
        if (in_quotes) {
          return Status::Rejected("CSV 格式错误", {FieldError{"", row.row, "", static_cast<int>(row.cells.size()) + 1,
                                                              "", "unclosed_quote", "引号未闭合"}});
        }
        if (!any && row.cells.empty()) return std::optional<TableRow>{};
        row.cells.push_back(std::move(cell));
        ++line_;
        return std::optional<TableRow>{std::move(row)};
      }
      const char c = buf_[pos_++];
      any = true;
      if (in_quotes) {
        if (c == '"') {
          if (pos_ >= buf_.size()) Fill();
          if (pos_ < buf_.size() && buf_[pos_] == '"') {
            cell.push_back('"');
            ++pos_;
          } else {
            in_quotes = false;
          }
        } else {
          if (c == '\n') ++line_;
          cell.push_back(c);
        }
      } else if (c == '"' && cell.empty() && !quoted_cell) {
        in_quotes = true;
        quoted_cell = true;
      } else if (c == ',') {
        if (row.cells.size() + 1 >= max_cells_per_row_) {
          return RowTooLarge(row.row, static_cast<int>(row.cells.size()) + 1,
                             "一行超过 " + std::to_string(max_cells_per_row_) + " 列");
        }
        row.cells.push_back(std::move(cell));
        cell.clear();
        quoted_cell = false;
      } else if (c == '\r') {
        // swallowed: CRLF handled at '\n'
      } else if (c == '\n') {
        row.cells.push_back(std::move(cell));
        ++line_;
        break;
      } else if (quoted_cell) {
        return Status::Rejected("CSV 格式错误", {FieldError{"", row.row, "", static_cast<int>(row.cells.size()) + 1, "",
                                                            "text_after_quote", "引号字段结束后还有字符"}});
      } else {
        cell.push_back(c);
      }
      if (++row_bytes > max_row_bytes_) {
        return RowTooLarge(row.row, static_cast<int>(row.cells.size()) + 1,
                           "一行超过 " + std::to_string(max_row_bytes_ >> 20) + " MiB");
      }
      if (cell.size() > kMaxCell) {
        return Status::Rejected("CSV 格式错误", {FieldError{"", row.row, "", static_cast<int>(row.cells.size()) + 1, "",
                                                            "cell_too_large", "单元格超过1MB"}});
      }
    }
    const std::string* first = nullptr;
    for (const std::string& c : row.cells) {
      if (!c.empty()) {
        first = &c;
        break;
      }
    }
    if (first && !IsTotalsLabel(*first)) return std::optional<TableRow>{std::move(row)};
  }
}

}  // namespace xj
