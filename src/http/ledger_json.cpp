// JSON ledger entries go through the very reader that files go through, so the
// API and imports cannot drift apart: items become rows of a table.
#include <algorithm>

#include "http/codecs.hpp"
#include "io/ledger_import.hpp"
#include "io/report_import.hpp"

namespace xj::http {
namespace {

const std::vector<std::string> kFields = {"entry_id",     "date",   "kind",  "fund_source", "fund_year", "region_code",
                                          "project_code", "amount", "payee", "payee_type",  "reverses",  "note"};

class JsonItemsSource final : public TableSource {
 public:
  explicit JsonItemsSource(const nlohmann::json& items) : items_(items) {}
  Result<std::optional<TableRow>> Next() override {
    if (!header_sent_) {
      header_sent_ = true;
      return std::optional<TableRow>{TableRow{0, kFields}};
    }
    if (next_ >= items_.size()) return std::optional<TableRow>{};
    const nlohmann::json& item = items_[next_++];
    TableRow row{static_cast<int>(next_), {}};
    if (!item.is_object()) {
      return Status::Rejected("台账凭证格式错误",
                              {FieldError{"", row.row, "", 0, "", "invalid_item", "每条凭证应为 JSON 对象"}});
    }
    for (const std::string& f : kFields) {
      std::string cell;
      const char* key = f == "amount" && item.contains("amount_fen") ? "amount_fen" : f.c_str();
      if (item.contains(key)) {
        const nlohmann::json& v = item[key];
        if (f == "amount" && std::string(key) == "amount_fen") {
          if (v.is_number_unsigned() && v.get<std::uint64_t>() > static_cast<std::uint64_t>(INT64_MAX)) {
            return Status::Rejected("台账凭证超出输入限制", {FieldError{"", row.row, "amount_fen", 0, v.dump(),
                                                                        "value_out_of_range", "amount_fen 超出范围"}})
                .WithReason("value_out_of_range");
          }
          if (!v.is_number_integer()) {
            return Status::Rejected("台账凭证格式错误", {FieldError{"", row.row, "amount_fen", 0, v.dump(),
                                                                    "invalid_amount", "amount_fen 应为整数（分）"}});
          }
          cell = FormatYuanPlain(Fen(v.get<std::int64_t>()));
        } else if (v.is_string()) {
          cell = v.get<std::string>();
        } else if (v.is_number_integer()) {
          cell = std::to_string(v.get<std::int64_t>());
        } else if (!v.is_null()) {
          cell = v.dump();
        }
      }
      row.cells.push_back(std::move(cell));
    }
    return std::optional<TableRow>{std::move(row)};
  }

 private:
  const nlohmann::json& items_;
  std::size_t next_ = 0;
  bool header_sent_ = false;
};

}  // namespace

Result<std::vector<NumberedEntry>> LedgerEntriesFromJson(const nlohmann::json& body) {
  const nlohmann::json* items = &body;
  nlohmann::json single;
  if (body.is_object() && body.contains("entries")) {
    items = &body["entries"];
  } else if (body.is_object()) {
    single = nlohmann::json::array({body});
    items = &single;
  }
  if (!items->is_array()) return Status::InvalidArgument("请求体应为凭证对象、数组或 {\"entries\": [...]}");
  JsonItemsSource source(*items);
  XJ_ASSIGN_OR_RETURN(std::vector<LedgerRow> rows, ReadLedgerRows(source));
  std::vector<NumberedEntry> out;
  out.reserve(rows.size());
  for (LedgerRow& r : rows) out.push_back({r.row, std::move(r.entry)});
  return out;
}

}  // namespace xj::http

namespace xj::http {
namespace {

Status FieldProblem(const char* field, const std::string& message) {
  return Status::Rejected(message, {FieldError{"", 0, field, 0, "", "invalid_field", message}});
}

}  // namespace

Result<ProjectContract> ContractFromJson(const std::string& project_code, const nlohmann::json& body) {
  if (!body.is_object()) return Status::InvalidArgument("请求体应为 JSON 对象");
  ProjectContract c;
  c.project_code = project_code;
  if (!body.contains("contract_no") || !body["contract_no"].is_string() ||
      body["contract_no"].get<std::string>().empty()) {
    return FieldProblem("contract_no", "合同编号 contract_no 必填");
  }
  c.contract_no = body["contract_no"].get<std::string>();
  if (!body.contains("amount_fen") || !body["amount_fen"].is_number_integer() ||
      (body["amount_fen"].is_number_unsigned() && body["amount_fen"].get<std::uint64_t>() > INT64_MAX) ||
      body["amount_fen"].get<std::int64_t>() <= 0) {
    return FieldProblem("amount_fen", "合同金额 amount_fen 应为正整数（分）");
  }
  c.amount = Fen(body["amount_fen"].get<std::int64_t>());
  if (!body.contains("signed_on") || !body["signed_on"].is_string())
    return FieldProblem("signed_on", "签订日期 signed_on 必填");
  auto d = Date::Parse(body["signed_on"].get<std::string>());
  if (!d.ok()) return FieldProblem("signed_on", d.status().message());
  c.signed_on = *d;
  // 预付款比例: a percentage (advance_rate: 10 or "10%") or basis points (advance_bp: 1000).
  if (auto bp = body.find("advance_bp"); bp != body.end() && !bp->is_null()) {
    if (!bp->is_number_integer()) return FieldProblem("advance_bp", "预付款比例 advance_bp 应为整数（基点）");
    c.advance_bp = static_cast<std::int32_t>(std::clamp<std::int64_t>(bp->get<std::int64_t>(), -1, 10'001));
  } else if (auto rate = body.find("advance_rate"); rate != body.end() && !rate->is_null()) {
    auto pct = rate->is_string()   ? ParsePercentBp(rate->get<std::string>())
               : rate->is_number() ? ParsePercentBp(rate->dump())
                                   : std::nullopt;
    if (!pct) return FieldProblem("advance_rate", "预付款比例 advance_rate 应为 0–100 的百分数，最多两位小数");
    c.advance_bp = *pct;
  }
  return c;
}

Result<ProgressReport> ProgressFromJson(const std::string& project_code, const nlohmann::json& body) {
  if (!body.is_object()) return Status::InvalidArgument("请求体应为 JSON 对象");
  ProgressReport r;
  r.project_code = project_code;
  if (!body.contains("date") || !body["date"].is_string()) return FieldProblem("date", "日期 date 必填");
  auto d = Date::Parse(body["date"].get<std::string>());
  if (!d.ok()) return FieldProblem("date", d.status().message());
  r.date = *d;
  constexpr std::int64_t kMaxBp = 10'000;
  if (body.contains("progress_bp") && body["progress_bp"].is_number_integer()) {
    // Range-checked before narrowing: 2^32 + 5000 must not become 5000.
    const nlohmann::json& bp = body["progress_bp"];
    if (bp.is_number_unsigned() ? bp.get<std::uint64_t>() > static_cast<std::uint64_t>(kMaxBp)
                                : (bp.get<std::int64_t>() < 0 || bp.get<std::int64_t>() > kMaxBp)) {
      return Status::Rejected("形象进度应在 0 到 100 之间",
                              {FieldError{"", 0, "progress_bp", 0, bp.dump(), "value_out_of_range",
                                          "形象进度 progress_bp 应在 0 到 10000 之间（基点）"}})
          .WithReason("value_out_of_range");
    }
    r.progress_hundredths = static_cast<std::int32_t>(bp.get<std::int64_t>());
  } else if (body.contains("progress") && (body["progress"].is_number() || body["progress"].is_string())) {
    // A percentage with up to two decimals, parsed exactly (45.5 → 4550).
    const std::string text =
        body["progress"].is_string() ? body["progress"].get<std::string>() : body["progress"].dump();
    auto as_fen = ParseYuan(text);  // same grammar: up to two decimals, exact
    if (!as_fen.ok()) return FieldProblem("progress", "形象进度 progress 应为 0–100 的数，最多两位小数");
    r.progress_hundredths = static_cast<std::int32_t>(std::clamp<std::int64_t>(as_fen->value(), -1, kMaxBp + 1));
  } else {
    return FieldProblem("progress", "形象进度 progress 必填（百分数）");
  }
  if (r.progress_hundredths < 0 || r.progress_hundredths > kMaxBp) {
    return FieldProblem("progress", "形象进度应在 0 到 100 之间");
  }
  if (body.contains("note") && body["note"].is_string()) r.note = body["note"].get<std::string>();
  return r;
}

}  // namespace xj::http
