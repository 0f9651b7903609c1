#include "io/project_import.hpp"

#include <array>
#include <string>
#include <unordered_map>

#include "core/date.hpp"
#include "core/money.hpp"
#include "core/text.hpp"
#include "domain/project_code_rule.hpp"
#include "domain/region.hpp"
#include "io/table_header.hpp"

namespace xj {
namespace {

constexpr std::array<ColumnSpec, 18> kProjectColumns = {{
    {"project_code", "项目编码", true},
    {"name", "项目名称", true},
    {"year", "年度", true},
    {"region_code", "区划代码", true},
    {"category", "项目类别", false},
    {"subcategory", "建设内容", false},
    {"total_investment", "总投资", false},
    {"central_fund", "中央衔接资金", false, "中央财政衔接资金"},
    {"other_fund", "其他资金", false},
    {"planned_start", "计划开工", false},
    {"planned_finish", "计划完工", false},
    {"actual_start", "实际开工", false},
    {"actual_finish", "实际完工", false},
    {"status", "状态", false, "项目状态"},
    {"responsible_person", "责任人", false},
    {"gov_infrastructure", "政府投资基建", false},
    {"low_skill", "技术要求低", false},
    {"work_relief", "以工代赈", false},
}};

constexpr std::string_view kNoBreakSpace = "\xC2\xA0";

/// Reads the cells of one row into a Project, appending a FieldError per problem.
class ProjectRowReader {
 public:
  ProjectRowReader(const TableHeader& header, const TableRow& row, std::vector<FieldError>& errors)
      : header_(header), row_(row), errors_(errors) {}

  Project Read() {
    Project p;
    p.project_code = std::string(Cell("project_code"));
    if (p.project_code.empty()) {
      Fail("project_code", "missing_value", "项目编码不能为空");
    } else if (!IsValidImportKey(p.project_code)) {
      Fail("project_code", "invalid_code", "项目编码不能含空白字符，且不超过64个字节");
    }
    p.name = std::string(Cell("name"));
    if (p.name.empty()) Fail("name", "empty_name", "项目名称不能为空");
    p.year = Year();
    p.region_code = std::string(Cell("region_code"));
    if (p.region_code.empty()) {
      Fail("region_code", "missing_value", "区划代码不能为空");
    } else if (!IsValidRegionCode(p.region_code)) {
      Fail("region_code", "invalid_code", "区划代码应为6、9或12位数字");
    }
    p.category = std::string(Cell("category"));
    p.subcategory = std::string(Cell("subcategory"));
    const std::size_t errors_before_amounts = errors_.size();
    p.total_investment = Amount("total_investment");
    p.central_fund = Amount("central_fund");
    // Compared only when both read: an unreadable total is its own error, not an excess; an empty total is
    // one not stated (definitions §19).
    if (Status s = CheckCentralWithinTotal(p); !s.ok() && errors_.size() == errors_before_amounts) {
      Fail("central_fund", s.code_name(), s.message());
    }
    p.other_fund = Amount("other_fund");

    p.planned_start = OptionalDate("planned_start");
    p.planned_finish = OptionalDate("planned_finish");
    p.actual_start = OptionalDate("actual_start");
    p.actual_finish = OptionalDate("actual_finish");
    if (p.planned_start && p.planned_finish && *p.planned_finish < *p.planned_start) {
      Fail("planned_finish", "finish_before_start", "计划完工日期早于计划开工日期");
    }
    if (!Cell("actual_finish").empty() && Cell("actual_start").empty()) {
      Fail("actual_finish", "finish_without_start", "有实际完工日期时必须填写实际开工日期");
    } else if (p.actual_start && p.actual_finish && *p.actual_finish < *p.actual_start) {
      Fail("actual_finish", "finish_before_start", "实际完工日期早于实际开工日期");
    }

    const std::string_view status = Cell("status");
    if (status.empty()) {
      if (p.actual_finish) {
        p.status = ProjectState::kFinished;
      } else if (p.actual_start) {
        p.status = ProjectState::kStarted;
      }
    } else if (auto parsed = ParseProjectState(status)) {
      p.status = *parsed;
    } else {
      Fail("status", "invalid_status", "状态应为 draft|submitted|…|cancelled 或 储备/开工/完工 等中文状态");
    }

    p.responsible_person = std::string(Cell("responsible_person"));
    p.gov_infrastructure = Flag("gov_infrastructure", "政府投资基建");
    p.low_skill = Flag("low_skill", "技术要求低");
    p.work_relief = Flag("work_relief", "以工代赈");
    return p;
  }

 private:
  std::string_view Cell(std::string_view key) const { return header_.Cell(row_, key); }

  void Fail(std::string_view key, std::string code, std::string message) {
    errors_.push_back(header_.Error(row_, key, std::move(code), std::move(message)));
  }

  int Year() {
    const std::string_view text = Cell("year");
    if (text.empty()) {
      Fail("year", "missing_value", "年度不能为空");
      return 0;
    }
    const std::optional<int> year = ParseImportYear(text);
    if (!year) {
      Fail("year", "invalid_year",
           "年度应为" + std::to_string(kMinImportYear) + "至" + std::to_string(kMaxImportYear) + "之间的整数");
      return 0;
    }
    return *year;
  }

  Fen Amount(std::string_view key) {
    const std::string_view text = Cell(key);
    if (text.empty()) return Fen();
    Result<Fen> amount = ParseYuan(text, header_.unit(key));
    if (!amount.ok()) {
      Fail(key, AmountProblemCode(amount.status()), amount.status().message());
      return Fen();
    }
    if (*amount < Fen()) {
      Fail(key, "negative_amount", "金额不能为负数");
      return Fen();
    }
    return *amount;
  }

  std::optional<Date> OptionalDate(std::string_view key) {
    const std::string_view text = Cell(key);
    if (text.empty()) return std::nullopt;
    Result<Date> date = Date::Parse(text);
    if (!date.ok()) {
      Fail(key, "invalid_date", "日期应为有效的 YYYY-MM-DD");
      return std::nullopt;
    }
    return *date;
  }

  bool Flag(std::string_view key, std::string_view zh) {
    const std::string_view text = Cell(key);
    if (text == "1" || text == "是") return true;
    if (!(text.empty() || text == "0" || text == "否")) {
      Fail(key, "invalid_flag", std::string(zh) + "应为 0 或 1（或 是/否）");
    }
    return false;
  }

  const TableHeader& header_;
  const TableRow& row_;
  std::vector<FieldError>& errors_;
};

}  // namespace

bool IsValidImportKey(std::string_view key) {
  if (key.empty() || key.size() > kMaxImportKeyLength) return false;
  if (key.find(kNoBreakSpace) != std::string_view::npos) return false;
  if (key.find(kFullWidthSpace) != std::string_view::npos) return false;
  for (char c : key) {
    const auto byte = static_cast<unsigned char>(c);
    if (byte <= ' ' || byte == 0x7F) return false;
  }
  return true;
}

std::optional<int> ParseImportYear(std::string_view text) {
  // Four digits cover the whole accepted range; more would only be leading zeros or overflow.
  if (text.empty() || text.size() > 4) return std::nullopt;
  int year = 0;
  for (char c : text) {
    if (c < '0' || c > '9') return std::nullopt;
    year = year * 10 + (c - '0');
  }
  if (year < kMinImportYear || year > kMaxImportYear) return std::nullopt;
  return year;
}

Result<std::vector<ProjectRow>> ReadProjectRows(TableSource& source, TableHeader* header_out) {
  XJ_ASSIGN_OR_RETURN(std::optional<TableRow> first, source.Next());
  if (!first) {
    return Status::Rejected("文件为空", {FieldError{source.sheet(), 1, "", 0, "", "empty_file", "文件没有表头行"}});
  }
  XJ_ASSIGN_OR_RETURN(TableHeader header, TableHeader::Bind(*first, kProjectColumns, source.sheet()));
  if (header_out) *header_out = header;

  std::vector<ProjectRow> rows;
  std::vector<FieldError> errors;
  std::unordered_map<std::string, int> first_row_of_code;
  for (;;) {
    XJ_ASSIGN_OR_RETURN(std::optional<TableRow> next, source.Next());
    if (!next) break;
    const TableRow& row = *next;
    const std::size_t errors_before = errors.size();
    ProjectRow out;
    out.row = row.row;
    out.project = ProjectRowReader(header, row, errors).Read();
    if (IsValidImportKey(out.project.project_code)) {
      auto [it, fresh] = first_row_of_code.emplace(out.project.project_code, row.row);
      if (!fresh) {
        errors.push_back(header.Error(row, "project_code", "duplicate_code",
                                      "项目编码与第" + std::to_string(it->second) + "行重复"));
      }
    }
    if (errors.size() == errors_before) rows.push_back(std::move(out));
  }
  if (!errors.empty()) return Status::Rejected("项目导入被拒绝", std::move(errors));
  return rows;
}

}  // namespace xj
