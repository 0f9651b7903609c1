// Routes of issue #20 point 3 (巩固/提升/盘活/另起炉灶, 收益分配, yield). Thin: parse, one App call, encode.
#include "http/api_asset_plans.hpp"

#include "app/asset_codec.hpp"
#include "http/codecs.hpp"
#include "http/handler_support.hpp"
#include "http/json_response.hpp"
#include "http/params.hpp"

namespace xj::http {
namespace {

using OrderedJson = nlohmann::ordered_json;

OrderedJson LabelsJson(const std::vector<AssetClassLabel>& labels) {
  OrderedJson items = OrderedJson::array();
  for (AssetClass c : kAllAssetClasses) {
    std::string label(DefaultAssetClassLabel(c));
    for (const AssetClassLabel& l : labels) {
      if (l.asset_class == c) label = l.label;
    }
    items.push_back({{"asset_class", AssetClassName(c)}, {"label", label}});
  }
  return OrderedJson{{"items", std::move(items)}};
}

OrderedJson PlanJson(const AssetPlan& p) {
  return {{"asset_code", p.asset_code},
          {"asset_class", AssetClassName(p.asset_class)},
          {"plan", p.plan},
          {"follow_up_on", DateJson(p.follow_up_on)},
          {"updated_by", p.updated_by},
          {"updated_at", p.updated_at}};
}

OrderedJson IncomeJson(const AssetIncome& i) {
  return {{"id", i.id},
          {"asset_code", i.asset_code},
          {"received_on", i.received_on.ToString()},
          {"amount_fen", i.amount_fen},
          {"distribution", i.distribution},
          {"decided_on", DateJson(i.decided_on)},
          {"decision", i.decision},
          {"created_by", i.created_by},
          {"created_at", i.created_at}};
}

Result<std::optional<Date>> DateFieldOf(const nlohmann::json& body, const char* key) {
  XJ_ASSIGN_OR_RETURN(std::string text, TextField(body, key, false));
  if (text.empty()) return std::optional<Date>();
  auto d = Date::Parse(text);
  if (!d.ok()) return Status::InvalidArgument(std::string("字段 ") + key + " 应为日期（YYYY-MM-DD）：" + text);
  return std::optional<Date>(*d);
}

}  // namespace

void RegisterAssetPlanRoutes(Router& router, App& app) {
  router.Add("GET", "/api/v1/asset-classes", AccessRule::Require(Action::kRead), [&app](Request& req) {
    auto labels = app.AssetClassLabels(Caller(req));
    if (!labels.ok()) return ErrorResponse(labels.status());
    return OrderedJsonResponse(LabelsJson(*labels));
  });

  router.Add("PUT", "/api/v1/asset-classes", AccessRule::Require(Action::kManageReferenceData), [&app](Request& req) {
    if (!IsJsonBody(req)) return ErrorResponse(415, "unsupported_media_type", "请求体应为 application/json");
    auto body = JsonObjectBody(req);
    if (!body.ok()) return ErrorResponse(body.status());
    auto items = body->find("items");
    if (items == body->end() || !items->is_array()) {
      return ErrorResponse(Status::InvalidArgument("缺少数组字段 items"));
    }
    std::vector<AssetClassLabel> labels;
    for (const auto& item : *items) {
      if (!item.is_object()) return ErrorResponse(Status::InvalidArgument("items 的每一项应为对象"));
      auto name = TextField(item, "asset_class", true);
      if (!name.ok()) return ErrorResponse(name.status());
      auto c = ParseAssetClass(*name);
      if (!c) {
        return ErrorResponse(
            Status::InvalidArgument("未知的资产分类：" + *name + "（consolidate|upgrade|revitalize|restart）")
                .WithReason("unknown_class"));
      }
      auto label = TextField(item, "label", true);
      if (!label.ok()) return ErrorResponse(label.status());
      labels.push_back({*c, *label});
    }
    auto saved = app.SetAssetClassLabels(Caller(req), labels);
    if (!saved.ok()) return ErrorResponse(saved.status());
    return OrderedJsonResponse(LabelsJson(*saved));
  });

  router.Add("PUT", "/api/v1/assets/{code}/plan", AccessRule::Require(Action::kWriteProjects), [&app](Request& req) {
    if (!IsJsonBody(req)) return ErrorResponse(415, "unsupported_media_type", "请求体应为 application/json");
    auto body = JsonObjectBody(req);
    if (!body.ok()) return ErrorResponse(body.status());
    AssetPlan plan;
    auto name = TextField(*body, "asset_class", true);
    if (!name.ok()) return ErrorResponse(name.status());
    auto c = ParseAssetClass(*name);
    if (!c) {
      return ErrorResponse(
          Status::InvalidArgument("未知的资产分类：" + *name + "（consolidate|upgrade|revitalize|restart）")
              .WithReason("unknown_class"));
    }
    plan.asset_class = *c;
    auto text = TextField(*body, "plan", true);
    if (!text.ok()) return ErrorResponse(text.status());
    plan.plan = *text;
    auto follow = DateFieldOf(*body, "follow_up_on");
    if (!follow.ok()) return ErrorResponse(follow.status());
    plan.follow_up_on = *follow;
    auto saved = app.SetAssetPlan(Caller(req), req.path_params["code"], plan);
    if (!saved.ok()) return ErrorResponse(saved.status());
    return OrderedJsonResponse(PlanJson(*saved));
  });

  router.Add("GET", "/api/v1/assets/{code}/incomes", AccessRule::Require(Action::kRead), [&app](Request& req) {
    auto incomes = app.AssetIncomes(Caller(req), req.path_params["code"]);
    if (!incomes.ok()) return ErrorResponse(incomes.status());
    OrderedJson items = OrderedJson::array();
    for (const AssetIncome& i : *incomes) items.push_back(IncomeJson(i));
    return OrderedJsonResponse(OrderedJson{{"items", std::move(items)}});
  });

  router.Add("POST", "/api/v1/assets/{code}/incomes", AccessRule::Require(Action::kWriteProjects),
             [&app](Request& req) {
               if (!IsJsonBody(req)) {
                 return ErrorResponse(415, "unsupported_media_type", "请求体应为 application/json");
               }
               auto body = JsonObjectBody(req);
               if (!body.ok()) return ErrorResponse(body.status());
               AssetIncome income;
               auto received = DateFieldOf(*body, "received_on");
               if (!received.ok()) return ErrorResponse(received.status());
               if (!*received) return ErrorResponse(Status::InvalidArgument("缺少字段 received_on"));
               income.received_on = **received;
               auto amount = body->find("amount_fen");
               if (amount == body->end() || !amount->is_number_integer()) {
                 return ErrorResponse(Status::InvalidArgument("字段 amount_fen 应为整数（分）"));
               }
               income.amount_fen = amount->get<std::int64_t>();
               for (auto [key, out] :
                    {std::pair{"distribution", &income.distribution}, std::pair{"decision", &income.decision}}) {
                 auto text = TextField(*body, key, false);
                 if (!text.ok()) return ErrorResponse(text.status());
                 *out = *text;
               }
               auto decided = DateFieldOf(*body, "decided_on");
               if (!decided.ok()) return ErrorResponse(decided.status());
               income.decided_on = *decided;
               auto saved = app.RecordAssetIncome(Caller(req), req.path_params["code"], income);
               if (!saved.ok()) return ErrorResponse(saved.status());
               return OrderedJsonResponse(IncomeJson(*saved), 201);
             });

  router.Add("GET", "/api/v1/asset-yields", AccessRule::Require(Action::kRead), [&app](Request& req) {
    AssetYieldQuery q;
    q.region_code = req.Query("region");
    auto from = OptionalDate(req, "from");
    if (!from.ok()) return ErrorResponse(from.status());
    auto to = OptionalDate(req, "to");
    if (!to.ok()) return ErrorResponse(to.status());
    q.from = *from;
    q.to = *to;
    q.attention_only = req.Query("attention") == "1" || req.Query("attention") == "true";
    auto yields = app.AssetYields(Caller(req), q);
    if (!yields.ok()) return ErrorResponse(yields.status());
    OrderedJson items = OrderedJson::array();
    for (const AssetYield& y : *yields) {
      OrderedJson j;
      j["asset_code"] = y.asset.asset_code;
      j["name"] = y.asset.name;
      j["region_code"] = y.asset.region_code;
      j["status"] = y.asset.status;
      j["current_value_fen"] = y.asset.current_value.value();
      j["asset_class"] = y.plan ? OrderedJson(AssetClassName(y.plan->asset_class)) : OrderedJson(nullptr);
      j["plan"] = y.plan ? OrderedJson(y.plan->plan) : OrderedJson(nullptr);
      j["follow_up_on"] = y.plan ? DateJson(y.plan->follow_up_on) : OrderedJson(nullptr);
      j["income_fen"] = y.income_fen;
      j["incomes"] = y.incomes;
      j["yield"] = PercentJson(y.yield);
      j["idle"] = y.idle;
      j["loss"] = y.loss;
      j["no_income"] = y.no_income;
      items.push_back(std::move(j));
    }
    OrderedJson out;
    out["from"] = DateJson(q.from);
    out["to"] = DateJson(q.to);
    out["total"] = items.size();
    out["items"] = std::move(items);
    return OrderedJsonResponse(out);
  });
}

}  // namespace xj::http
