#include "io/csv_reader.hpp"

namespace xj {
namespace {
constexpr std::size_t kChunk = 1 << 16;
constexpr std::size_t kMaxCell = 1 << 20;  // one cell over 1 MiB is certainly not ours
}  // namespace

bool CsvReader::Fill() {
  if (!in_) return false;
  if (pos_ > 0) {
    buf_.erase(0, pos_);
    pos_ = 0;
  }
  const std::size_t old = buf_.size();
  buf_.resize(old + kChunk);
  in_.read(buf_.data() + old, static_cast<std::streamsize>(kChunk));
  buf_.resize(old + static_cast<std::size_t>(in_.gcount()));
  return buf_.size() > old;
}

Result<std::optional<TableRow>> CsvReader::Next() {
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
    for (;;) {
      if (pos_ >= buf_.size() && !Fill()) {
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
      if (cell.size() > kMaxCell) {
        return Status::Rejected("CSV 格式错误", {FieldError{"", row.row, "", static_cast<int>(row.cells.size()) + 1, "",
                                                            "cell_too_large", "单元格超过1MB"}});
      }
    }
    bool blank = true;
    for (const std::string& c : row.cells) {
      if (!c.empty()) {
        blank = false;
        break;
      }
    }
    if (!blank) return std::optional<TableRow>{std::move(row)};
  }
}

}  // namespace xj
