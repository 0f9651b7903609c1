#include "io/import_template.hpp"

#include <algorithm>
#include <array>

#include "io/xlsx_writer.hpp"

namespace xj {
namespace {

constexpr std::string_view kYesNo = "是|否（也可填 1|0）";
constexpr std::string_view kDate = "日期，YYYY-MM-DD";
constexpr std::string_view kCode = "不含空白，不超过 64 个字节";

// Each kind's columns in the readers' order (io/*_import.cpp); the example cells refer to one another
// across kinds: the project of the projects template is the one the contracts, progress, workers and
// wages templates name, and the worker of the workers template the one the wages template pays.
constexpr std::array<TemplateColumn, 5> kRegions = {{
    {"code", "区划代码", "", true, "6、9 或 12 位统计用区划代码", "6、9 或 12 位数字", "{region}"},
    {"name", "名称", "", true, "区划名称", "文字", "{region_name}"},
    {"level", "级别", "", true, "区划级别", "省|地市|县|乡镇|村（或 province|prefecture|county|township|village）",
     "{region_level}"},
    {"parent_code", "上级代码", "", true, "上级区划的代码（省级填空）", "已有或本文件中的区划代码", "{parent}"},
    {"key_township", "重点乡镇", "", false, "是否重点乡镇", "1|0", "0"},
}};

constexpr std::array<TemplateColumn, 18> kProjects = {{
    {"project_code", "项目编码", "", true, "项目的唯一编码，导入后不能更改", kCode, "{project}"},
    {"name", "项目名称", "", true, "项目名称", "文字", "示例村道路硬化"},
    {"year", "年度", "", true, "项目年度（计划年度）", "2000 至 2100 的整数", "{year}"},
    {"region_code", "区划代码", "", true, "项目所在区划（本账户管辖范围内）", "已有的区划代码", "{region}"},
    {"category", "项目类别", "", false, "项目类别", "产业发展|基础设施|就业帮扶 等", "基础设施"},
    {"subcategory", "建设内容", "", false, "建设内容", "文字", "道路硬化"},
    {"total_investment", "总投资", "万元", false, "项目总投资", "不小于 0，最多两位小数", "120"},
    {"central_fund", "中央衔接资金", "万元", false, "其中中央财政衔接资金，不超过总投资", "不小于 0，最多两位小数",
     "100"},
    {"other_fund", "其他资金", "万元", false, "其中其他资金", "不小于 0，最多两位小数", "20"},
    {"planned_start", "计划开工", "", false, "计划开工日期", kDate, "{year}-04-01"},
    {"planned_finish", "计划完工", "", false, "计划完工日期，不早于计划开工", kDate, "{year}-10-31"},
    {"actual_start", "实际开工", "", false, "实际开工日期", kDate, "{year}-04-10"},
    {"actual_finish", "实际完工", "", false, "实际完工日期（填写时须有实际开工）", kDate, ""},
    {"status", "状态", "", false, "项目状态（空则按实际开工、完工日期推定）",
     "储备|村级申报|乡镇审核|县级论证|审定入库|纳入年度计划|资金已安排|开工|完工|竣工验收|资产移交|退回|结转下年|撤项",
     "开工"},
    {"responsible_person", "责任人", "", false, "项目责任人姓名", "文字", "扎西"},
    {"gov_infrastructure", "政府投资基建", "", false, "是否政府投资的基础设施项目", kYesNo, "是"},
    {"low_skill", "技术要求低", "", false, "是否技术要求低、适合群众务工", kYesNo, "是"},
    {"work_relief", "以工代赈", "", false, "是否以工代赈项目", kYesNo, "是"},
}};

constexpr std::array<TemplateColumn, 12> kLedger = {{
    {"entry_id", "凭证号", "", true, "凭证的唯一编号（重复导入同一凭证不重复记账）", kCode, "示例-PZ-{year}-0001"},
    {"date", "日期", "", true, "记账日期", kDate, "{date}"},
    {"kind", "类型", "", true, "资金动作", "下达|拨付|支出|冲销（或 allocate|disburse|expend|reverse）", "下达"},
    {"fund_source", "资金来源", "", true, "资金来源", "中央|省级|地市级|县级|统筹整合|其他", "中央"},
    {"fund_year", "资金年度", "", true, "资金所属年度", "2000 至 2100 的整数", "{year}"},
    {"region_code", "区划代码", "", true, "资金所在区划（本账户管辖范围内）", "已有的区划代码", "{region}"},
    {"project_code", "项目编码", "", false, "拨付、支出必填：所属项目", "已有的项目编码", ""},
    {"amount", "金额", "万元", true, "金额（冲销填被冲销的金额，正数）", "大于 0，最多两位小数（万元时六位）", "100"},
    {"payee", "收款方", "", false, "收款单位或个人", "文字", ""},
    {"payee_type", "收款方类型", "", false, "收款方类型", "企业|个人|集体|政府账户", ""},
    {"reverses", "冲销凭证号", "", false, "冲销时必填：被冲销的凭证号", "已有的凭证号", ""},
    {"note", "备注", "", false, "备注", "文字", "示例：下达资金"},
}};

constexpr std::array<TemplateColumn, 5> kContracts = {{
    {"project_code", "项目编码", "", true, "合同所属项目", "已有的项目编码", "{project}"},
    {"contract_no", "合同编号", "", true, "合同编号（同一项目内唯一，合同不能修改）", kCode, "示例-HT-{year}-001"},
    {"amount", "合同金额", "万元", true, "合同金额", "大于 0，最多两位小数", "80"},
    {"signed_on", "签订日期", "", true, "合同签订日期", kDate, "{year}-03-20"},
    {"advance_rate", "预付款比例", "%", false, "预付款占合同金额的比例", "0 到 100，最多两位小数", "30"},
}};

constexpr std::array<TemplateColumn, 4> kProgress = {{
    {"project_code", "项目编码", "", true, "项目", "已有的项目编码", "{project}"},
    {"date", "日期", "", true, "形象进度的填报日期", kDate, "{date}"},
    {"progress", "形象进度", "%", true, "工程形象进度", "0 到 100，最多两位小数", "40"},
    {"note", "备注", "", false, "备注", "文字", "路基完成"},
}};

constexpr std::array<TemplateColumn, 3> kBenchmarks = {{
    {"date", "日期", "", true, "全国平均数据的截止日期", kDate, "{date}"},
    {"indicator", "指标", "", true, "指标", "开工率|支出进度（或 start_rate|expend_progress）", "支出进度"},
    {"value", "数值", "%", true, "全国平均值", "0 到 100，最多两位小数", "55.5"},
}};

constexpr std::array<TemplateColumn, 16> kAssets = {{
    {"asset_code", "资产编码", "", true, "资产的唯一编码", kCode, "示例-ZC-{year}-001"},
    {"name", "资产名称", "", true, "资产名称", "文字", "示例村牦牛养殖圈舍"},
    {"region_code", "区划代码", "", true, "资产所在区划（本账户管辖范围内）", "已有的区划代码", "{region}"},
    {"asset_type", "资产类型", "", true, "资产类型", "经营性|公益性|到户类", "经营性"},
    {"owner_level", "权属层级", "", true, "所有权归属的层级", "区|县|乡|村|户", "村"},
    {"owner", "所有权人", "", false, "所有权人", "文字", "示例村股份经济合作社"},
    {"original_value", "原值", "元", true, "资产原值", "不小于 0，最多两位小数", "500000"},
    {"current_value", "现值", "元", false, "资产现值（空则等于原值）", "不小于 0，最多两位小数", "480000"},
    {"location", "坐落位置", "", false, "坐落位置", "文字", "示例村三组"},
    {"operator", "经营主体", "", false, "经营主体", "文字", "示例村合作社"},
    {"custodian", "管护责任人", "", false, "管护责任人", "文字", "次仁"},
    {"project_code", "来源项目编码", "", false, "形成资产的项目", "已有的项目编码", ""},
    {"fund_sources", "资金来源", "", false, "形成资产的资金来源", "文字", "中央衔接资金"},
    {"status", "资产状态", "", false, "资产状态（空则为在用）", "在用|闲置|损毁|已处置", "在用"},
    {"registered", "是否确权", "", false, "是否已确权", "是|否", "是"},
    {"registered_on", "确权日期", "", false, "确权日期", kDate, "{year}-06-30"},
}};

constexpr std::array<TemplateColumn, 8> kWorkers = {{
    {"project_code", "项目编码", "", true, "以工代赈项目", "已有的项目编码", "{project}"},
    {"name", "姓名", "", true, "务工人员姓名", "文字", "示例人员"},
    {"id_number", "身份证号", "", true, "18 位身份证号（加密保存，页面只显示脱敏号码）", "17 位数字加一位数字或 X",
     "540102199001011234"},
    {"phone", "联系电话", "", false, "联系电话", "7 到 20 位数字", "13800001234"},
    {"household_status", "户类型", "", true, "户类型", "脱贫户|监测户|一般农户", "脱贫户"},
    {"relocated", "是否搬迁户", "", false, "是否易地搬迁户", "是|否", "否"},
    {"village", "所在村", "", false, "所在村", "文字", "示例村"},
    {"team", "施工队", "", false, "所在农牧民施工队", "文字", "示例村农牧民施工队"},
}};

constexpr std::array<TemplateColumn, 6> kWages = {{
    {"project_code", "项目编码", "", true, "以工代赈项目", "已有的项目编码", "{project}"},
    {"id_number", "身份证号", "", true, "务工人员身份证号（须已在该项目花名册中）", "17 位数字加一位数字或 X",
     "540102199001011234"},
    {"paid_on", "发放日期", "", true, "劳务报酬发放日期", kDate, "{date}"},
    {"amount", "发放金额", "元", true, "发放的劳务报酬", "大于 0，最多两位小数", "1500"},
    {"days", "务工天数", "天", false, "本次发放对应的务工天数", "0 到 366 的整数", "10"},
    {"method", "发放方式", "", false, "发放方式（空则为银行卡）", "银行卡|现金|其他", "银行卡"},
}};

constexpr std::array<TemplateColumn, 8> kFactors = {{
    {"region_code", "区划代码", "", true, "县级区划（本账户管辖范围内）", "已有的县级区划代码", "{region}"},
    {"year", "年度", "", true, "因素所属年度", "2000 至 2100 的整数", "{year}"},
    {"rural_population", "农村人口", "人", true, "农村人口", "不小于 0 的整数", "52000"},
    {"lifted_population", "脱贫人口", "人", true, "脱贫人口", "不小于 0 的整数", "9800"},
    {"monitored_population", "监测对象", "人", true, "防止返贫监测对象人数", "不小于 0 的整数", "650"},
    {"area", "面积", "平方公里", true, "国土面积", "不小于 0，最多两位小数", "4552.5"},
    {"key_county", "重点帮扶县", "", false, "是否国家乡村振兴重点帮扶县", "是|否（也可填 1|0）", "否"},
    {"performance_score", "绩效评价得分", "", false, "上年度衔接资金绩效评价得分", "0 到 100，最多两位小数", "92.5"},
}};

constexpr std::string_view kProjectNote =
    "示例行的项目编码是“项目”模板示例行的项目：先导入项目模板（或把项目编码改为已有项目）再导入本模板。";

constexpr std::array<ImportTemplateSpec, 10> kTemplates = {{
    {"regions", "区划导入模板",
     "示例行是已有的一个区划（重复导入不改变数据）；新增区划时上级代码须已存在或在本文件中。", kRegions},
    {"projects", "项目导入模板", "示例行是一个新项目；项目编码导入后不能更改，内容不同的同一编码会被拒绝。", kProjects},
    {"ledger", "资金台账导入模板",
     "示例行是一笔下达。拨付、支出须填项目编码；冲销须填冲销凭证号。金额单位以表头括号为准（万元或元）。", kLedger},
    {"contracts", "合同导入模板", kProjectNote, kContracts},
    {"progress", "形象进度导入模板", kProjectNote, kProgress},
    {"benchmarks", "全国平均基准导入模板", "同一指标同一日期只能有一行。", kBenchmarks},
    {"assets", "资产导入模板", "来源项目编码可空；填写时须为已有项目。", kAssets},
    {"workers", "以工代赈务工人员导入模板", kProjectNote, kWorkers},
    {"wages", "以工代赈劳务报酬导入模板",
     "示例行发给“务工人员”模板示例行的人员：先导入项目模板和务工人员模板，再导入本模板。", kWages},
    {"factors", "分配因素导入模板", "区划须为县级；同一县同一年度重复导入时以新值为准。", kFactors},
}};

}  // namespace

std::span<const ImportTemplateSpec> ImportTemplates() {
  return kTemplates;
}

const ImportTemplateSpec* FindImportTemplate(std::string_view kind) {
  for (const ImportTemplateSpec& t : kTemplates) {
    if (t.kind == kind) return &t;
  }
  return nullptr;
}

std::string ColumnLabel(std::string_view kind, std::string_view key) {
  if (const ImportTemplateSpec* t = FindImportTemplate(kind)) {
    for (const TemplateColumn& c : t->columns) {
      if (c.key == key) return std::string(c.zh);
    }
  }
  return std::string(key);
}

std::string TemplateHeader(const TemplateColumn& column) {
  std::string h(column.zh);
  if (!column.unit.empty()) h += "（" + std::string(column.unit) + "）";
  return h;
}

std::vector<std::string> TemplateExample(const ImportTemplateSpec& spec,
                                         const std::map<std::string, std::string>& values) {
  std::vector<std::string> out;
  for (const TemplateColumn& c : spec.columns) {
    std::string cell;
    std::string_view rest = c.example;
    while (!rest.empty()) {
      const std::size_t open = rest.find('{');
      const std::size_t close = open == std::string_view::npos ? open : rest.find('}', open);
      if (close == std::string_view::npos) {
        cell += rest;
        break;
      }
      cell += rest.substr(0, open);
      const std::string name(rest.substr(open + 1, close - open - 1));
      auto it = values.find(name);
      cell += it != values.end() ? it->second : std::string(rest.substr(open, close - open + 1));
      rest.remove_prefix(close + 1);
    }
    out.push_back(std::move(cell));
  }
  return out;
}

Status WriteTemplateXlsx(const ImportTemplateSpec& spec, const std::vector<std::string>& example,
                         const std::string& path, const std::string& generated_at) {
  // Sheet 1 starts with the header row (no title above it) so that it reads back as an upload.
  XlsxSheetLayout data;
  data.sheet_name = std::string(spec.title);
  data.generated_at = generated_at;
  std::vector<XlsxColumn> columns;
  for (const TemplateColumn& c : spec.columns) {
    const std::string header = TemplateHeader(c);
    columns.push_back({header, XlsxCellKind::kText, std::max(10.0, static_cast<double>(header.size()) / 2 + 4)});
  }
  XJ_ASSIGN_OR_RETURN(auto writer, XlsxTableWriter::Create(path, data, columns));
  std::vector<XlsxCell> row;
  for (const std::string& cell : example) row.push_back(cell.empty() ? XlsxCell::Empty() : XlsxCell::Text(cell));
  XJ_RETURN_IF_ERROR(writer->AddRow(row));

  XlsxSheetLayout guide;
  guide.sheet_name = "填写说明";
  guide.title = std::string(spec.title) + "（" + std::string(spec.kind) + "）填写说明";
  guide.units = "生成时间：" + generated_at;
  guide.generated_at = generated_at;
  XJ_RETURN_IF_ERROR(writer->AddSheet(guide, {{"列名（表头）", XlsxCellKind::kText, 22},
                                              {"英文列名", XlsxCellKind::kText, 18},
                                              {"必填", XlsxCellKind::kText, 6},
                                              {"单位", XlsxCellKind::kText, 8},
                                              {"含义", XlsxCellKind::kText, 36},
                                              {"允许的值或格式", XlsxCellKind::kText, 48},
                                              {"示例", XlsxCellKind::kText, 22}}));
  for (std::size_t i = 0; i < spec.columns.size(); ++i) {
    const TemplateColumn& c = spec.columns[i];
    XJ_RETURN_IF_ERROR(writer->AddRow({XlsxCell::Text(TemplateHeader(c)), XlsxCell::Text(std::string(c.key)),
                                       XlsxCell::Text(c.required ? "是" : "否"), XlsxCell::Text(std::string(c.unit)),
                                       XlsxCell::Text(std::string(c.meaning)), XlsxCell::Text(std::string(c.allowed)),
                                       XlsxCell::Text(i < example.size() ? example[i] : "")}));
  }
  XJ_RETURN_IF_ERROR(writer->AddRow({}));
  XJ_RETURN_IF_ERROR(writer->AddRow({XlsxCell::Text("说明"), XlsxCell::Empty(), XlsxCell::Empty(), XlsxCell::Empty(),
                                     XlsxCell::Text(std::string(spec.note))}));
  XJ_RETURN_IF_ERROR(writer->AddRow(
      {XlsxCell::Text("通用规则"), XlsxCell::Empty(), XlsxCell::Empty(), XlsxCell::Empty(),
       XlsxCell::Text("第一张工作表的第一行是表头，可调整列的顺序、增加其他列（会被忽略）；金额的单位以表头括号为准"
                      "（元或万元）；含公式的单元格按文件中保存的计算结果导入；整个文件全部成功或全部不导入。")}));
  return writer->Close();
}

std::string TemplateCsv(const ImportTemplateSpec& spec, const std::vector<std::string>& example) {
  auto quote = [](std::string_view s) {
    if (s.find_first_of(",\"\r\n") == std::string_view::npos) return std::string(s);
    std::string q = "\"";
    for (char c : s) {
      if (c == '"') q += '"';
      q += c;
    }
    return q + "\"";
  };
  std::string out = "\xEF\xBB\xBF";
  for (std::size_t i = 0; i < spec.columns.size(); ++i) {
    if (i > 0) out += ',';
    out += quote(TemplateHeader(spec.columns[i]));
  }
  out += "\r\n";
  for (std::size_t i = 0; i < example.size(); ++i) {
    if (i > 0) out += ',';
    out += quote(example[i]);
  }
  out += "\r\n";
  return out;
}

}  // namespace xj
