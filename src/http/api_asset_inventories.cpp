// Routes of 清产核资 (issue #20 point 2). Thin: parse, one App call, encode.
#include "http/api_asset_inventories.hpp"

#include <charconv>

#include "app/excel_exports.hpp"
#include "http/api_excel.hpp"
#include "http/handler_support.hpp"
#include "http/json_response.hpp"

namespace xj::http {
namespace {

using OrderedJson = nlohmann::ordered_json;

OrderedJson ProgressJson(const InventoryProgress& p) {
  OrderedJson j;
  j["assets"] = p.assets;
  j["checked"] = p.checked;
  j["differences"] = p.differences;
  j["approved"] = p.approved;
  j["pending_review"] = p.pending_review;
  j["returned"] = p.returned;
  j["found"] = p.found;
  j["missing"] = p.missing;
  j["damaged"] = p.damaged;
  j["value_changed"] = p.value_changed;
  j["value_before_fen"] = p.value_before_fen;
  j["value_after_fen"] = p.value_after_fen;
  return j;
}

OrderedJson CheckJson(const InventoryCheck& c) {
  OrderedJson j;
  j["inventory_id"] = c.campaign_id;
  j["asset_code"] = c.asset_code;
  j["asset_name"] = c.asset_name;
  j["region_code"] = c.region_code;
  j["value_before_fen"] = c.value_before_fen;
  j["status_before"] = c.status_before;
  j["outcome"] = CheckOutcomeName(c.outcome);
  j["value_after_fen"] = c.value_after_fen ? OrderedJson(*c.value_after_fen) : OrderedJson(nullptr);
  j["explanation"] = c.explanation;
  j["checked_by"] = c.checked_by;
  j["checked_at"] = c.checked_at;
  j["review"] = CheckReviewName(c.review);
  j["reviewed_by"] = c.reviewed_by;
  j["reviewed_at"] = c.reviewed_at;
  j["review_note"] = c.review_note;
  return j;
}

OrderedJson InventoryJson(const InventoryView& v, bool detail) {
  OrderedJson j;
  j["id"] = v.campaign.id;
  j["region_code"] = v.campaign.region_code;
  j["region_name"] = v.region_name;
  j["name"] = v.campaign.name;
  j["period"] = v.campaign.period;
  j["status"] = v.campaign.closed ? "closed" : "open";
  j["opened_by"] = v.campaign.opened_by;
  j["opened_at"] = v.campaign.opened_at;
  j["closed_by"] = v.campaign.closed_by;
  j["closed_at"] = v.campaign.closed_at;
  j["progress"] = ProgressJson(v.total);
  if (!detail) return j;
  OrderedJson units = OrderedJson::array();
  for (const InventoryUnitProgress& u : v.units) {
    OrderedJson unit = ProgressJson(u.progress);
    unit["region_code"] = u.region_code;
    unit["region_name"] = u.region_name;
    units.push_back(std::move(unit));
  }
  j["units"] = std::move(units);
  OrderedJson checks = OrderedJson::array();
  for (const InventoryCheck& c : v.checks) checks.push_back(CheckJson(c));
  j["checks"] = std::move(checks);
  return j;
}

Result<CheckRecord> CheckFromJson(const nlohmann::json& body) {
  CheckRecord r;
  XJ_ASSIGN_OR_RETURN(std::string outcome, TextField(body, "outcome", true));
  const auto parsed = ParseCheckOutcome(outcome);
  if (!parsed || *parsed == CheckOutcome::kPending) {
    return Status::InvalidArgument("未知的盘点结果：" + outcome + "（found|missing|damaged|value_changed）")
        .WithReason("unknown_outcome");
  }
  r.outcome = *parsed;
  auto value = body.find("value_after_fen");
  if (value != body.end() && !value->is_null()) {
    if (!value->is_number_integer()) return Status::InvalidArgument("字段 value_after_fen 应为整数（分）");
    r.value_after_fen = value->get<std::int64_t>();
  }
  XJ_ASSIGN_OR_RETURN(r.explanation, TextField(body, "explanation", false));
  return r;
}

Result<InventoryReview> ReviewFromJson(const nlohmann::json& body) {
  InventoryReview r;
  XJ_ASSIGN_OR_RETURN(std::string action, TextField(body, "action", true));
  if (action != "approve" && action != "return") {
    return Status::InvalidArgument("未知的审核操作：" + action + "（approve|return）").WithReason("unknown_action");
  }
  r.approve = action == "approve";
  XJ_ASSIGN_OR_RETURN(r.note, TextField(body, "note", false));
  return r;
}

}  // namespace

void RegisterAssetInventoryRoutes(Router& router, App& app) {
  router.Add("POST", "/api/v1/asset-inventories", AccessRule::Require(Action::kWriteInventory), [&app](Request& req) {
    if (!IsJsonBody(req)) return ErrorResponse(415, "unsupported_media_type", "请求体应为 application/json");
    auto body = JsonObjectBody(req);
    if (!body.ok()) return ErrorResponse(body.status());
    NewInventory n;
    for (auto [field, out] :
         {std::pair{"region_code", &n.region_code}, std::pair{"name", &n.name}, std::pair{"period", &n.period}}) {
      auto text = TextField(*body, field, std::string_view(field) != "region_code");
      if (!text.ok()) return ErrorResponse(text.status());
      *out = *text;
    }
    auto view = app.CreateInventory(Caller(req), n);
    if (!view.ok()) return ErrorResponse(view.status());
    return OrderedJsonResponse(InventoryJson(*view, true), 201);
  });

  router.Add("GET", "/api/v1/asset-inventories", AccessRule::Require(Action::kRead), [&app](Request& req) {
    auto list = app.ListInventories(Caller(req), req.Query("region"));
    if (!list.ok()) return ErrorResponse(list.status());
    OrderedJson items = OrderedJson::array();
    for (const InventoryView& v : *list) items.push_back(InventoryJson(v, false));
    OrderedJson out;
    out["total"] = list->size();
    out["items"] = std::move(items);
    return OrderedJsonResponse(out);
  });

  router.Add("GET", "/api/v1/asset-inventories/{id}", AccessRule::Require(Action::kRead), [&app](Request& req) {
    auto id = PositiveIdParam(req, "清产核资工作");
    if (!id.ok()) return ErrorResponse(id.status());
    auto view = app.GetInventory(Caller(req), *id);
    if (!view.ok()) return ErrorResponse(view.status());
    return OrderedJsonResponse(InventoryJson(*view, true));
  });

  router.Add("POST", "/api/v1/asset-inventories/{id}/checks", AccessRule::Require(Action::kWriteInventory),
             [&app](Request& req) {
               if (!IsJsonBody(req)) {
                 return ErrorResponse(415, "unsupported_media_type", "请求体应为 application/json");
               }
               auto id = PositiveIdParam(req, "清产核资工作");
               if (!id.ok()) return ErrorResponse(id.status());
               auto body = JsonObjectBody(req);
               if (!body.ok()) return ErrorResponse(body.status());
               auto code = TextField(*body, "asset_code", true);
               if (!code.ok()) return ErrorResponse(code.status());
               auto record = CheckFromJson(*body);
               if (!record.ok()) return ErrorResponse(record.status());
               auto check = app.RecordInventoryCheck(Caller(req), *id, *code, *record);
               if (!check.ok()) return ErrorResponse(check.status());
               return OrderedJsonResponse(CheckJson(*check));
             });

  router.Add("POST", "/api/v1/asset-inventories/{id}/reviews", AccessRule::Require(Action::kApproveInventory),
             [&app](Request& req) {
               if (!IsJsonBody(req)) {
                 return ErrorResponse(415, "unsupported_media_type", "请求体应为 application/json");
               }
               auto id = PositiveIdParam(req, "清产核资工作");
               if (!id.ok()) return ErrorResponse(id.status());
               auto body = JsonObjectBody(req);
               if (!body.ok()) return ErrorResponse(body.status());
               auto code = TextField(*body, "asset_code", true);
               if (!code.ok()) return ErrorResponse(code.status());
               auto review = ReviewFromJson(*body);
               if (!review.ok()) return ErrorResponse(review.status());
               auto check = app.ReviewInventoryCheck(Caller(req), *id, *code, *review);
               if (!check.ok()) return ErrorResponse(check.status());
               return OrderedJsonResponse(CheckJson(*check));
             });

  router.Add("POST", "/api/v1/asset-inventories/{id}/close", AccessRule::Require(Action::kWriteInventory),
             [&app](Request& req) {
               auto id = PositiveIdParam(req, "清产核资工作");
               if (!id.ok()) return ErrorResponse(id.status());
               auto view = app.CloseInventory(Caller(req), *id);
               if (!view.ok()) return ErrorResponse(view.status());
               return OrderedJsonResponse(InventoryJson(*view, true));
             });

  router.Add("GET", "/api/v1/exports/asset-inventory.xlsx", AccessRule::Require(Action::kRead), [&app](Request& req) {
    const std::string text = req.Query("id");
    std::int64_t id = 0;
    const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), id);
    if (ec != std::errc() || end != text.data() + text.size() || id <= 0)
      return ErrorResponse(400, "invalid_argument", "参数 id 应为清产核资工作的编号");
    return ExportFile(
        req, [&](const ExportTarget& target) { return ExportAssetInventory(app, Caller(req), id, target); },
        "清产核资-" + text + ".xlsx");
  });

  router.Add("GET", "/api/v1/assets/{code}/history", AccessRule::Require(Action::kRead), [&app](Request& req) {
    auto changes = app.AssetHistory(Caller(req), req.path_params["code"]);
    if (!changes.ok()) return ErrorResponse(changes.status());
    OrderedJson items = OrderedJson::array();
    for (const AssetChange& c : *changes) {
      items.push_back({{"id", c.id},
                       {"asset_code", c.asset_code},
                       {"changed_at", c.changed_at},
                       {"changed_by", c.changed_by},
                       {"source", c.source},
                       {"reference", c.reference},
                       {"value_before_fen", c.value_before_fen},
                       {"value_after_fen", c.value_after_fen},
                       {"status_before", c.status_before},
                       {"status_after", c.status_after},
                       {"note", c.note}});
    }
    return OrderedJsonResponse(OrderedJson{{"items", std::move(items)}});
  });
}

}  // namespace xj::http
