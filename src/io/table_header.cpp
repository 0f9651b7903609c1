#include "io/table_header.hpp"

#include <algorithm>
#include <cctype>

#include "core/text.hpp"

namespace xj {
namespace {

constexpr std::size_t kMaxReportedHeaderValue = 200;

/// Splits "金额（万元）" into ("金额", "万元"); ("amount", "") when no bracket.
std::pair<std::string, std::string> SplitUnit(std::string_view cell) {
  cell = TrimCell(cell);
  for (std::string_view open : {std::string_view("（"), std::string_view("(")}) {
    const std::size_t p = cell.find(open);
    if (p == std::string_view::npos) continue;
    std::string_view rest = cell.substr(p + open.size());
    for (std::string_view close : {std::string_view("）"), std::string_view(")")}) {
      if (rest.size() >= close.size() && rest.substr(rest.size() - close.size()) == close) {
        rest.remove_suffix(close.size());
        break;
      }
    }
    return {std::string(TrimCell(cell.substr(0, p))), std::string(TrimCell(rest))};
  }
  return {std::string(cell), ""};
}

}  // namespace

std::string_view TrimCell(std::string_view s) {
  for (;;) {
    if (!s.empty() && (s.front() == ' ' || s.front() == '\t' || s.front() == '\r' || s.front() == '\n')) {
      s.remove_prefix(1);
    } else if (s.substr(0, kFullWidthSpace.size()) == kFullWidthSpace) {
      s.remove_prefix(kFullWidthSpace.size());
    } else {
      break;
    }
  }
  for (;;) {
    if (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r' || s.back() == '\n')) {
      s.remove_suffix(1);
    } else if (s.size() >= kFullWidthSpace.size() && s.substr(s.size() - kFullWidthSpace.size()) == kFullWidthSpace) {
      s.remove_suffix(kFullWidthSpace.size());
    } else {
      break;
    }
  }
  return s;
}

Result<TableHeader> TableHeader::Bind(const TableRow& header, std::span<const ColumnSpec> specs,
                                      const std::string& sheet) {
  TableHeader h;
  h.sheet_ = sheet;
  std::vector<FieldError> errors;
  for (const ColumnSpec& spec : specs) h.cols_.push_back({std::string(spec.key), -1, MoneyUnit::kYuan});
  for (std::size_t i = 0; i < header.cells.size(); ++i) {
    auto [name, unit] = SplitUnit(header.cells[i]);
    const std::string lower = AsciiLower(name);
    for (std::size_t s = 0; s < specs.size(); ++s) {
      const ColumnSpec& spec = specs[s];
      if (lower != spec.key && name != spec.zh && (spec.alias.empty() || name != spec.alias)) continue;
      Bound& b = h.cols_[s];
      if (b.index >= 0) {
        errors.push_back({sheet, header.row, std::string(spec.key), static_cast<int>(i) + 1, header.cells[i],
                          "duplicate_column", "列重复（第" + std::to_string(b.index + 1) + "列已是该列）"});
        break;
      }
      b.index = static_cast<int>(i);
      if (unit == "万元") b.unit = MoneyUnit::kWanYuan;
      break;
    }
  }
  for (std::size_t s = 0; s < specs.size(); ++s) {
    if (specs[s].required && h.cols_[s].index < 0) {
      errors.push_back({sheet, header.row, std::string(specs[s].key), 0, "", "missing_column",
                        "缺少必填列「" + std::string(specs[s].key) + " / " + std::string(specs[s].zh) + "」"});
    }
  }
  if (!errors.empty()) return Status::Rejected("表头错误", std::move(errors));
  return h;
}

int TableHeader::index(std::string_view key) const {
  for (const Bound& b : cols_) {
    if (b.key == key) return b.index;
  }
  return -1;
}

MoneyUnit TableHeader::unit(std::string_view key) const {
  for (const Bound& b : cols_) {
    if (b.key == key) return b.unit;
  }
  return MoneyUnit::kYuan;
}

std::string_view TableHeader::Cell(const TableRow& row, std::string_view key) const {
  const int i = index(key);
  if (i < 0 || static_cast<std::size_t>(i) >= row.cells.size()) return {};
  return TrimCell(row.cells[static_cast<std::size_t>(i)]);
}

FieldError TableHeader::Error(const TableRow& row, std::string_view key, std::string code, std::string message) const {
  std::string value(Cell(row, key));
  if (value.size() > kMaxReportedHeaderValue) value = value.substr(0, kMaxReportedHeaderValue) + "…";
  return {sheet_, row.row, std::string(key), index(key) + 1, std::move(value), std::move(code), std::move(message)};
}

}  // namespace xj
