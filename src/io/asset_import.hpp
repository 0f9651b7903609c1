#pragma once
/// Reads the import kinds of issue #20 (docs/operations.md §4, templates in docs/templates/):
///   assets  — asset_code 资产编码, name 资产名称, region_code 区划代码, asset_type 资产类型
///             (经营性|公益性|到户类), owner_level 权属层级 (区|县|乡|村|户), owner 所有权人,
///             original_value 原值, current_value 现值 (optional: the original value), location 坐落位置,
///             operator 经营主体, custodian 管护责任人, project_code 来源项目编码, fund_sources 资金来源,
///             status 资产状态 (在用|闲置|损毁|已处置, optional: 在用), registered 是否确权 (是|否),
///             registered_on 确权日期 (optional)
///   workers — project_code 项目编码, name 姓名, id_number 身份证号, phone 联系电话 (optional),
///             household_status 户类型 (脱贫户|监测户|一般农户), relocated 是否搬迁户 (是|否, optional),
///             village 所在村, team 施工队 (农牧民施工队, optional)
///   wages   — project_code 项目编码, id_number 身份证号, paid_on 发放日期, amount 发放金额,
///             days 务工天数 (optional), method 发放方式 (银行卡|现金|其他, optional: 银行卡)
/// CSV or XLSX, English or Chinese headers, money columns with a unit in brackets (`原值（万元）`).
///
/// FieldError codes (stable, snake_case), besides the header's and the readers':
///   missing_value, invalid_code, invalid_date, invalid_amount, value_out_of_range,
///   non_positive_amount      as in report_import.hpp
///   invalid_asset_type       not 经营性|公益性|到户类 (or operating|public_welfare|household)
///   invalid_owner_level      not 区|县|乡|村|户 (or region|county|township|village|household)
///   invalid_status           not 在用|闲置|损毁|已处置 (or in_use|idle|damaged|disposed)
///   invalid_flag             a yes/no column not 是|否 (or true|false, 1|0, y|n)
///   invalid_id_number        not 17 digits then a digit or X (the value is never echoed)
///   invalid_phone            not 7–20 digits, '+' and '-'
///   invalid_household_status not 脱贫户|监测户|一般农户 (or lifted|monitored|ordinary)
///   invalid_method           not 银行卡|现金|其他 (or bank|cash|other)
///   invalid_days             not a whole number of days 0–366
///   duplicate_row            the same asset code, the same person on one project's roster, or
///                            the same person paid twice on one date by one project

#include <vector>

#include "core/status.hpp"
#include "domain/asset.hpp"
#include "domain/work_relief.hpp"
#include "io/csv_reader.hpp"
#include "io/table_header.hpp"

namespace xj {

struct AssetRow {
  int row = 0;  ///< 1-based, header = 1
  Asset asset;
};
struct WorkerRow {
  int row = 0;
  ReliefWorker worker;
};
struct WageRow {
  int row = 0;
  ReliefWage wage;
};

/// "是/否" and its English spellings; nullopt for anything else.
std::optional<bool> ParseYesNo(std::string_view text);

/// Each reads every row and returns every problem at once (Status::Rejected), or the rows.
/// Whether a project or region exists is the caller's concern.
Result<std::vector<AssetRow>> ReadAssetRows(TableSource& source, TableHeader* header_out = nullptr);
Result<std::vector<WorkerRow>> ReadWorkerRows(TableSource& source, TableHeader* header_out = nullptr);
Result<std::vector<WageRow>> ReadWageRows(TableSource& source, TableHeader* header_out = nullptr);

}  // namespace xj
