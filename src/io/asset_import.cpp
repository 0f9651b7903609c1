#include "io/asset_import.hpp"

#include <array>
#include <charconv>
#include <map>
#include <set>
#include <string>
#include <tuple>

#include "io/table_cells.hpp"

namespace xj {
namespace {

constexpr std::array<ColumnSpec, 16> kAssetColumns = {{
    {"asset_code", "资产编码", true},
    {"name", "资产名称", true},
    {"region_code", "区划代码", true},
    {"asset_type", "资产类型", true},
    {"owner_level", "权属层级", true},
    {"owner", "所有权人", false, "产权主体"},
    {"original_value", "原值", true, "资产原值"},
    {"current_value", "现值", false, "资产现值"},
    {"location", "坐落位置", false, "坐落"},
    {"operator", "经营主体", false},
    {"custodian", "管护责任人", false},
    {"project_code", "来源项目编码", false, "项目编码"},
    {"fund_sources", "资金来源", false},
    {"status", "资产状态", false},
    {"registered", "是否确权", false},
    {"registered_on", "确权日期", false},
}};
constexpr std::array<ColumnSpec, 8> kWorkerColumns = {{
    {"project_code", "项目编码", true},
    {"name", "姓名", true},
    {"id_number", "身份证号", true, "身份证号码"},
    {"phone", "联系电话", false, "手机号"},
    {"household_status", "户类型", true, "人员类别"},
    {"relocated", "是否搬迁户", false},
    {"village", "所在村", false},
    {"team", "施工队", false, "农牧民施工队"},
}};
constexpr std::array<ColumnSpec, 6> kWageColumns = {{
    {"project_code", "项目编码", true},
    {"id_number", "身份证号", true, "身份证号码"},
    {"paid_on", "发放日期", true},
    {"amount", "发放金额", true, "劳务报酬"},
    {"days", "务工天数", false},
    {"method", "发放方式", false},
}};

constexpr std::size_t kMaxTextBytes = 200;
constexpr std::int32_t kMaxDays = 366;

std::string IdNumber(Cells& c) {
  const std::string_view text = c.Text("id_number");
  if (text.empty()) {
    c.Fail("id_number", "missing_value", "身份证号不能为空");
    return {};
  }
  std::optional<std::string> id = NormalizeIdNumber(text);
  // The value is never echoed: an error report is not a place for a personal number.
  if (!id) c.FailWithoutValue("id_number", "invalid_id_number", "身份证号应为 18 位（17 位数字加一位数字或 X）");
  return id.value_or("");
}

std::string Plain(Cells& c, std::string_view key, std::string_view zh, bool required) {
  const std::string_view text = c.Text(key);
  if (text.empty() && required) c.Fail(key, "missing_value", std::string(zh) + "不能为空");
  if (text.size() > kMaxTextBytes) c.Fail(key, "text_too_long", std::string(zh) + "不能超过 200 个字节");
  return std::string(text);
}

}  // namespace

std::optional<bool> ParseYesNo(std::string_view text) {
  static const std::set<std::string_view> kYes = {"是", "true", "1", "y", "yes", "Y", "YES", "TRUE"};
  static const std::set<std::string_view> kNo = {"否", "false", "0", "n", "no", "N", "NO", "FALSE"};
  if (kYes.count(text)) return true;
  if (kNo.count(text)) return false;
  return std::nullopt;
}

Result<std::vector<AssetRow>> ReadAssetRows(TableSource& source, TableHeader* header_out) {
  std::map<std::string, int> seen;
  return ReadTable<AssetRow>(source, kAssetColumns, "资产", header_out, [&](Cells& c, int row) {
    AssetRow r;
    r.row = row;
    Asset& a = r.asset;
    a.asset_code = c.Key("asset_code", "资产编码");
    a.name = Plain(c, "name", "资产名称", true);
    a.region_code = c.Key("region_code", "区划代码");
    a.type = c.Choice("asset_type", "资产类型", true, ParseAssetType, AssetType::kPublicWelfare, "invalid_asset_type",
                      "经营性|公益性|到户类");
    a.owner_level = c.Choice("owner_level", "权属层级", true, ParseOwnerLevel, OwnerLevel::kVillage,
                             "invalid_owner_level", "区|县|乡|村|户");
    a.owner = Plain(c, "owner", "所有权人", false);
    a.original_value = c.Money("original_value", "原值", true, false).value_or(Fen());
    a.current_value = c.Money("current_value", "现值", false, false).value_or(a.original_value);
    a.location = Plain(c, "location", "坐落位置", false);
    a.operator_name = Plain(c, "operator", "经营主体", false);
    a.custodian = Plain(c, "custodian", "管护责任人", false);
    if (!c.Text("project_code").empty()) a.project_code = c.Key("project_code", "来源项目编码");
    a.fund_sources = Plain(c, "fund_sources", "资金来源", false);
    a.status = c.Choice("status", "资产状态", false, ParseAssetStatus, std::string("in_use"), "invalid_status",
                        "在用|闲置|损毁|已处置");
    a.registered = c.Choice("registered", "是否确权", false, ParseYesNo, false, "invalid_flag", "是|否");
    if (!c.Text("registered_on").empty()) a.registered_on = c.DateCell("registered_on", "确权日期");
    if (!a.asset_code.empty()) {
      auto [it, fresh] = seen.emplace(a.asset_code, row);
      if (!fresh) c.Fail("asset_code", "duplicate_row", "资产编码与第" + std::to_string(it->second) + "行重复");
    }
    return r;
  });
}

Result<std::vector<WorkerRow>> ReadWorkerRows(TableSource& source, TableHeader* header_out) {
  std::map<std::pair<std::string, std::string>, int> seen;
  return ReadTable<WorkerRow>(source, kWorkerColumns, "务工人员", header_out, [&](Cells& c, int row) {
    WorkerRow r;
    r.row = row;
    ReliefWorker& w = r.worker;
    w.project_code = c.Key("project_code", "项目编码");
    w.name = Plain(c, "name", "姓名", true);
    w.id_number = IdNumber(c);
    if (const std::string_view phone = c.Text("phone"); !phone.empty()) {
      std::optional<std::string> p = NormalizePhone(phone);
      if (!p) c.FailWithoutValue("phone", "invalid_phone", "联系电话应为 7 到 20 位数字");
      w.phone = p.value_or("");
    }
    w.household_status = c.Choice("household_status", "户类型", true, ParseHouseholdStatus, HouseholdStatus::kOrdinary,
                                  "invalid_household_status", "脱贫户|监测户|一般农户");
    w.relocated = c.Choice("relocated", "是否搬迁户", false, ParseYesNo, false, "invalid_flag", "是|否");
    w.village = Plain(c, "village", "所在村", false);
    w.team = Plain(c, "team", "施工队", false);
    if (!w.project_code.empty() && !w.id_number.empty()) {
      auto [it, fresh] = seen.emplace(std::make_pair(w.project_code, w.id_number), row);
      if (!fresh) {
        c.FailWithoutValue("id_number", "duplicate_row",
                           "同一项目的同一人与第" + std::to_string(it->second) + "行重复");
      }
    }
    return r;
  });
}

Result<std::vector<WageRow>> ReadWageRows(TableSource& source, TableHeader* header_out) {
  std::map<std::tuple<std::string, std::string, Date>, int> seen;
  return ReadTable<WageRow>(source, kWageColumns, "劳务报酬", header_out, [&](Cells& c, int row) {
    WageRow r;
    r.row = row;
    ReliefWage& w = r.wage;
    w.project_code = c.Key("project_code", "项目编码");
    w.id_number = IdNumber(c);
    w.paid_on = c.DateCell("paid_on", "发放日期");
    w.amount = c.Money("amount", "发放金额", true, true).value_or(Fen());
    if (const std::string_view days = c.Text("days"); !days.empty()) {
      int value = -1;
      auto [end, ec] = std::from_chars(days.data(), days.data() + days.size(), value);
      if (ec != std::errc() || end != days.data() + days.size() || value < 0 || value > kMaxDays) {
        c.Fail("days", "invalid_days", "务工天数应为 0 到 366 的整数");
      } else {
        w.days = value;
      }
    }
    w.method = c.Choice("method", "发放方式", false, ParseWageMethod, std::string("bank"), "invalid_method",
                        "银行卡|现金|其他");
    if (!w.project_code.empty() && !w.id_number.empty()) {
      auto [it, fresh] = seen.emplace(std::make_tuple(w.project_code, w.id_number, w.paid_on), row);
      if (!fresh) {
        c.Fail("paid_on", "duplicate_row", "同一项目同一人同一日期与第" + std::to_string(it->second) + "行重复");
      }
    }
    return r;
  });
}

}  // namespace xj
