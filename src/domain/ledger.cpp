#include "domain/ledger.hpp"

#include <array>
#include <utility>

namespace xj {

std::string_view FundSourceName(FundSource s) {
  switch (s) {
    case FundSource::kCentral: return "central";
    case FundSource::kProvincial: return "provincial";
    case FundSource::kPrefecture: return "prefecture";
    case FundSource::kCounty: return "county";
    case FundSource::kIntegrated: return "integrated";
    case FundSource::kOther: return "other";
  }
  return "other";
}

std::string_view FundSourceLabel(FundSource s) {
  switch (s) {
    case FundSource::kCentral: return "中央财政衔接资金";
    case FundSource::kProvincial: return "省级衔接资金";
    case FundSource::kPrefecture: return "地市级衔接资金";
    case FundSource::kCounty: return "县级衔接资金";
    case FundSource::kIntegrated: return "统筹整合财政涉农资金";
    case FundSource::kOther: return "其他资金";
  }
  return "其他资金";
}

std::optional<FundSource> ParseFundSource(std::string_view text) {
  static const std::array<std::pair<std::string_view, FundSource>, 22> kNames = {{
      {"central", FundSource::kCentral},
      {"中央", FundSource::kCentral},
      {"中央财政衔接资金", FundSource::kCentral},
      {"中央衔接资金", FundSource::kCentral},
      {"provincial", FundSource::kProvincial},
      {"省级", FundSource::kProvincial},
      {"自治区", FundSource::kProvincial},
      {"自治区级", FundSource::kProvincial},
      {"省级衔接资金", FundSource::kProvincial},
      {"prefecture", FundSource::kPrefecture},
      {"地市级", FundSource::kPrefecture},
      {"市级", FundSource::kPrefecture},
      {"地市级衔接资金", FundSource::kPrefecture},
      {"county", FundSource::kCounty},
      {"县级", FundSource::kCounty},
      {"县级衔接资金", FundSource::kCounty},
      {"integrated", FundSource::kIntegrated},
      {"统筹整合", FundSource::kIntegrated},
      {"统筹整合财政涉农资金", FundSource::kIntegrated},
      {"other", FundSource::kOther},
      {"其他", FundSource::kOther},
      {"其他资金", FundSource::kOther},
  }};
  for (const auto& [name, s] : kNames) {
    if (name == text) return s;
  }
  return std::nullopt;
}

std::string_view EntryKindName(EntryKind k) {
  switch (k) {
    case EntryKind::kAllocate: return "allocate";
    case EntryKind::kDisburse: return "disburse";
    case EntryKind::kExpend: return "expend";
    case EntryKind::kReverse: return "reverse";
  }
  return "allocate";
}

std::string_view EntryKindLabel(EntryKind k) {
  switch (k) {
    case EntryKind::kAllocate: return "下达";
    case EntryKind::kDisburse: return "拨付";
    case EntryKind::kExpend: return "支出";
    case EntryKind::kReverse: return "冲销";
  }
  return "下达";
}

std::optional<EntryKind> ParseEntryKind(std::string_view text) {
  for (EntryKind k : {EntryKind::kAllocate, EntryKind::kDisburse, EntryKind::kExpend, EntryKind::kReverse}) {
    if (text == EntryKindName(k) || text == EntryKindLabel(k)) return k;
  }
  return std::nullopt;
}

std::string_view PayeeTypeName(PayeeType t) {
  switch (t) {
    case PayeeType::kNone: return "";
    case PayeeType::kEnterprise: return "enterprise";
    case PayeeType::kIndividual: return "individual";
    case PayeeType::kCollective: return "collective";
    case PayeeType::kGovAccount: return "gov_account";
  }
  return "";
}

std::optional<PayeeType> ParsePayeeType(std::string_view text) {
  static const std::array<std::pair<std::string_view, PayeeType>, 13> kNames = {{
      {"", PayeeType::kNone},
      {"enterprise", PayeeType::kEnterprise},
      {"企业", PayeeType::kEnterprise},
      {"individual", PayeeType::kIndividual},
      {"个人", PayeeType::kIndividual},
      {"农户", PayeeType::kIndividual},
      {"collective", PayeeType::kCollective},
      {"集体", PayeeType::kCollective},
      {"村集体", PayeeType::kCollective},
      {"gov_account", PayeeType::kGovAccount},
      {"政府账户", PayeeType::kGovAccount},
      {"财政专户", PayeeType::kGovAccount},
      {"单位账户", PayeeType::kGovAccount},
  }};
  for (const auto& [name, t] : kNames) {
    if (name == text) return t;
  }
  return std::nullopt;
}

}  // namespace xj
