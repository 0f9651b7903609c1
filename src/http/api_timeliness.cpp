// Routes of 资金分配时效 (issue #19 point 5). Thin: parse, one App call, encode.
#include "http/api_timeliness.hpp"

#include "http/codecs.hpp"
#include "http/handler_support.hpp"
#include "http/json_response.hpp"
#include "http/params.hpp"

namespace xj::http {
namespace {

/// The body of POST /api/v1/timeliness/receipts: {receipts: [{receipt_id, region_code, fund_year,
/// date, amount_fen, note?}]}.
Result<std::vector<FundReceipt>> ReceiptsFromJson(const nlohmann::json& body) {
  auto list = body.find("receipts");
  if (list == body.end() || !list->is_array()) return Status::InvalidArgument("缺少数组字段 receipts");
  std::vector<FundReceipt> out;
  int row = 0;
  for (const nlohmann::json& item : *list) {
    ++row;
    const std::string where = "receipts 第 " + std::to_string(row) + " 项";
    if (!item.is_object()) return Status::InvalidArgument(where + "应为对象");
    auto text = [&](const char* name, bool required) -> Result<std::string> {
      auto v = item.find(name);
      if (v == item.end() || v->is_null()) {
        if (required) return Status::InvalidArgument(where + "缺少字符串字段 " + name);
        return std::string();
      }
      if (!v->is_string()) return Status::InvalidArgument(where + "的 " + name + " 应为字符串");
      return v->get<std::string>();
    };
    auto integer = [&](const char* name) -> Result<std::int64_t> {
      auto v = item.find(name);
      if (v == item.end() || !v->is_number_integer()) return Status::InvalidArgument(where + "缺少整数字段 " + name);
      return v->get<std::int64_t>();
    };
    FundReceipt r;
    XJ_ASSIGN_OR_RETURN(r.receipt_id, text("receipt_id", true));
    XJ_ASSIGN_OR_RETURN(r.region_code, text("region_code", true));
    XJ_ASSIGN_OR_RETURN(std::int64_t year, integer("fund_year"));
    if (year < 2000 || year > 2100) return Status::InvalidArgument(where + "的 fund_year 应在 2000 到 2100 之间");
    r.fund_year = static_cast<int>(year);
    XJ_ASSIGN_OR_RETURN(std::string date, text("date", true));
    auto parsed = Date::Parse(date);
    if (!parsed.ok()) return Status::InvalidArgument(where + "的 date 应为日期（YYYY-MM-DD）：" + date);
    r.date = *parsed;
    XJ_ASSIGN_OR_RETURN(std::int64_t amount, integer("amount_fen"));
    r.amount = Fen(amount);
    XJ_ASSIGN_OR_RETURN(r.note, text("note", false));
    out.push_back(std::move(r));
  }
  return out;
}

}  // namespace

void RegisterTimelinessRoutes(Router& router, App& app) {
  router.Add("GET", "/api/v1/timeliness", AccessRule::Require(Action::kRead), [&app](Request& req) {
    auto as_of = OptionalDate(req, "as_of");
    if (!as_of.ok()) return ErrorResponse(as_of.status());
    const Date date = as_of->value_or(Today());
    auto year = OptionalInt(req, "year", 2000, 2100);
    if (!year.ok()) return ErrorResponse(year.status());
    std::string region = req.Query("region");
    if (region.empty()) region = Caller(req).region_code;
    auto report = app.Timeliness(Caller(req), region, year->has_value() ? static_cast<int>(**year) : date.year(), date);
    if (!report.ok()) return ErrorResponse(report.status());
    return OrderedJsonResponse(ToJson(*report));
  });

  router.Add("POST", "/api/v1/timeliness/receipts", AccessRule::Require(Action::kWriteLedger), [&app](Request& req) {
    if (!IsJsonBody(req)) return ErrorResponse(415, "unsupported_media_type", "请求体应为 application/json");
    auto body = JsonObjectBody(req);
    if (!body.ok()) return ErrorResponse(body.status());
    auto receipts = ReceiptsFromJson(*body);
    if (!receipts.ok()) return ErrorResponse(receipts.status());
    auto batch = app.RecordFundReceipts(Caller(req), *receipts);
    if (!batch.ok()) return ErrorResponse(batch.status());
    return OrderedJsonResponse(nlohmann::ordered_json{{"created", batch->created}, {"existing", batch->existing}},
                               batch->created > 0 ? 201 : 200);
  });
}

}  // namespace xj::http
