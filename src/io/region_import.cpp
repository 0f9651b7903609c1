#include "io/region_import.hpp"

#include <array>

#include "io/table_header.hpp"

namespace xj {
namespace {

constexpr std::array<ColumnSpec, 5> kRegionColumns = {{
    {"code", "区划代码", true, "代码"},
    {"name", "名称", true, "区划名称"},
    {"level", "级别", true, "层级"},
    {"parent_code", "上级代码", true, "上级区划代码"},
    {"key_township", "重点乡镇", false, ""},
}};

}  // namespace

Result<std::vector<RegionRow>> ReadRegionRows(TableSource& source) {
  XJ_ASSIGN_OR_RETURN(std::optional<TableRow> first, source.Next());
  if (!first) {
    return Status::Rejected("文件为空", {FieldError{source.sheet(), 1, "", 0, "", "empty_file", "文件没有表头行"}});
  }
  XJ_ASSIGN_OR_RETURN(TableHeader header, TableHeader::Bind(*first, kRegionColumns, source.sheet()));

  std::vector<RegionRow> rows;
  std::vector<FieldError> errors;
  for (;;) {
    XJ_ASSIGN_OR_RETURN(std::optional<TableRow> next, source.Next());
    if (!next) break;
    const TableRow& row = *next;
    RegionRow out;
    out.row = row.row;
    out.region.code = std::string(header.Cell(row, "code"));
    out.region.name = std::string(header.Cell(row, "name"));
    out.region.parent_code = std::string(header.Cell(row, "parent_code"));
    const std::string_view level = header.Cell(row, "level");
    if (auto parsed = ParseRegionLevel(level)) {
      out.region.level = *parsed;
    } else {
      errors.push_back(header.Error(row, "level", "invalid_level",
                                    "级别应为 province|prefecture|county|township|village 或 省/地市/县/乡镇/村"));
      continue;
    }
    const std::string_view key = header.Cell(row, "key_township");
    if (key == "1" || key == "是") {
      out.region.key_township = true;
    } else if (!(key.empty() || key == "0" || key == "否")) {
      errors.push_back(header.Error(row, "key_township", "invalid_flag", "重点乡镇应为 0 或 1"));
      continue;
    }
    rows.push_back(std::move(out));
  }
  if (!errors.empty()) return Status::Rejected("区划导入被拒绝", std::move(errors));
  return rows;
}

}  // namespace xj
