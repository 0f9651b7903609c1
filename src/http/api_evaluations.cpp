// Routes of 绩效评价 (issue #19 point 3). Thin: parse, one App call, encode.
#include "http/api_evaluations.hpp"

#include <cmath>

#include "app/excel_exports.hpp"
#include "http/api_excel.hpp"
#include "http/handler_support.hpp"
#include "http/json_response.hpp"
#include "http/params.hpp"

namespace xj::http {
namespace {

Result<std::int64_t> VersionField(const nlohmann::json& body) {
  auto it = body.find("version");
  if (it == body.end() || it->is_null()) return std::int64_t{0};
  if (!it->is_number_integer() || it->get<std::int64_t>() < 0) {
    return Status::InvalidArgument("字段 version 应为非负整数");
  }
  return it->get<std::int64_t>();
}

/// Points as a JSON number with at most two decimals, to hundredths.
Result<std::int64_t> PointsField(const nlohmann::json& score) {
  auto it = score.find("points");
  if (it == score.end() || !it->is_number()) return Status::InvalidArgument("缺少数值字段 points");
  const double x = it->get<double>() * 100.0;
  const double r = std::round(x);
  if (!std::isfinite(x) || std::fabs(x - r) > 1e-6 || std::fabs(r) > 1e9) {
    return Status::InvalidArgument("得分最多两位小数：" + it->dump()).WithReason("bad_points");
  }
  return static_cast<std::int64_t>(r);
}

Result<NewEvaluation> NewFromJson(const nlohmann::json& body) {
  NewEvaluation r;
  XJ_ASSIGN_OR_RETURN(r.region_code, TextField(body, "region_code"));
  if (r.region_code.empty()) return Status::InvalidArgument("缺少字符串字段 region_code").WithReason("missing_field");
  auto year = body.find("year");
  if (year == body.end() || !year->is_number_integer()) {
    return Status::InvalidArgument("缺少整数字段 year").WithReason("missing_field");
  }
  const std::int64_t y = year->get<std::int64_t>();
  if (y < 2000 || y > 2100) return Status::InvalidArgument("year 应在 2000–2100 之间").WithReason("bad_year");
  r.year = static_cast<int>(y);
  XJ_ASSIGN_OR_RETURN(std::string as_of, TextField(body, "as_of"));
  if (!as_of.empty()) {
    XJ_ASSIGN_OR_RETURN(r.as_of, Date::Parse(as_of));
  }
  return r;
}

Result<std::vector<EvaluationScore>> ScoresFromJson(const nlohmann::json& body) {
  auto list = body.find("scores");
  if (list == body.end() || !list->is_array()) {
    return Status::InvalidArgument("缺少数组字段 scores").WithReason("missing_field");
  }
  std::vector<EvaluationScore> out;
  for (const nlohmann::json& s : *list) {
    if (!s.is_object()) return Status::InvalidArgument("scores 的每一项应为对象");
    EvaluationScore e;
    XJ_ASSIGN_OR_RETURN(e.item_id, TextField(s, "item_id"));
    if (e.item_id.empty()) return Status::InvalidArgument("评分缺少 item_id").WithReason("missing_field");
    XJ_ASSIGN_OR_RETURN(e.points, PointsField(s));
    XJ_ASSIGN_OR_RETURN(e.evidence, TextField(s, "evidence"));
    XJ_ASSIGN_OR_RETURN(e.reason, TextField(s, "reason"));
    out.push_back(std::move(e));
  }
  return out;
}

Response Score(App& app, Request& req, bool adjust) {
  auto id = PositiveIdParam(req, "绩效评价");
  if (!id.ok()) return ErrorResponse(id.status());
  if (!IsJsonBody(req)) return ErrorResponse(415, "unsupported_media_type", "请求体应为 application/json");
  auto body = JsonObjectBody(req);
  if (!body.ok()) return ErrorResponse(body.status());
  auto scores = ScoresFromJson(*body);
  if (!scores.ok()) return ErrorResponse(scores.status());
  auto version = VersionField(*body);
  if (!version.ok()) return ErrorResponse(version.status());
  auto v = app.ScoreEvaluation(Caller(req), *id, *scores, *version, adjust);
  if (!v.ok()) return ErrorResponse(v.status());
  return OrderedJsonResponse(EvaluationJson(*v));
}

Response Step(App& app, Request& req, const char* step) {
  auto id = PositiveIdParam(req, "绩效评价");
  if (!id.ok()) return ErrorResponse(id.status());
  EvaluationStep s;
  s.step = step;
  if (!req.body.empty()) {
    if (!IsJsonBody(req)) return ErrorResponse(415, "unsupported_media_type", "请求体应为 application/json");
    auto body = JsonObjectBody(req);
    if (!body.ok()) return ErrorResponse(body.status());
    auto note = TextField(*body, "note");
    if (!note.ok()) return ErrorResponse(note.status());
    s.note = *note;
    auto version = VersionField(*body);
    if (!version.ok()) return ErrorResponse(version.status());
    s.version = *version;
  }
  auto v = app.StepEvaluation(Caller(req), *id, s);
  if (!v.ok()) return ErrorResponse(v.status());
  return OrderedJsonResponse(EvaluationJson(*v));
}

}  // namespace

void RegisterEvaluationRoutes(Router& router, App& app) {
  // The template before {id}: the first matching route answers.
  router.Add("GET", "/api/v1/evaluations/template", AccessRule::Require(Action::kRead), [&app](Request& req) {
    auto t = app.FindEvaluationTemplateVersion(Caller(req), req.Query("version"));
    if (!t.ok()) return ErrorResponse(t.status());
    nlohmann::ordered_json out = EvaluationTemplateJson(**t);
    nlohmann::ordered_json versions = nlohmann::ordered_json::array();
    for (const EvaluationTemplate& v : EvaluationTemplates()) versions.push_back(v.version);
    out["versions"] = std::move(versions);
    return OrderedJsonResponse(out);
  });

  router.Add("GET", "/api/v1/evaluations", AccessRule::Require(Action::kRead), [&app](Request& req) {
    auto year = OptionalInt(req, "year", 2000, 2100);
    if (!year.ok()) return ErrorResponse(year.status());
    auto list = app.ListEvaluations(Caller(req), req.Query("region"), static_cast<int>(year->value_or(0)));
    if (!list.ok()) return ErrorResponse(list.status());
    nlohmann::ordered_json items = nlohmann::ordered_json::array();
    for (const EvaluationView& v : *list) items.push_back(EvaluationSummaryJson(v));
    nlohmann::ordered_json out;
    out["total"] = list->size();
    out["items"] = std::move(items);
    return OrderedJsonResponse(out);
  });

  router.Add("POST", "/api/v1/evaluations", AccessRule::Require(Action::kSelfEvaluate), [&app](Request& req) {
    if (!IsJsonBody(req)) return ErrorResponse(415, "unsupported_media_type", "请求体应为 application/json");
    auto body = JsonObjectBody(req);
    if (!body.ok()) return ErrorResponse(body.status());
    auto request = NewFromJson(*body);
    if (!request.ok()) return ErrorResponse(request.status());
    auto v = app.CreateEvaluation(Caller(req), *request);
    if (!v.ok()) return ErrorResponse(v.status());
    return OrderedJsonResponse(EvaluationJson(*v), 201);
  });

  router.Add("GET", "/api/v1/evaluations/{id}", AccessRule::Require(Action::kRead), [&app](Request& req) {
    auto id = PositiveIdParam(req, "绩效评价");
    if (!id.ok()) return ErrorResponse(id.status());
    auto v = app.GetEvaluation(Caller(req), *id);
    if (!v.ok()) return ErrorResponse(v.status());
    return OrderedJsonResponse(EvaluationJson(*v));
  });

  // Scores: the county's in self-evaluation, a prefecture's adjustments in review.
  router.Add("POST", "/api/v1/evaluations/{id}/scores", AccessRule::Require(Action::kSelfEvaluate),
             [&app](Request& req) { return Score(app, req, false); });
  router.Add("POST", "/api/v1/evaluations/{id}/adjustments", AccessRule::Require(Action::kReviewEvaluation),
             [&app](Request& req) { return Score(app, req, true); });

  router.Add("POST", "/api/v1/evaluations/{id}/submit", AccessRule::Require(Action::kSelfEvaluate),
             [&app](Request& req) { return Step(app, req, "submit"); });
  router.Add("POST", "/api/v1/evaluations/{id}/review", AccessRule::Require(Action::kReviewEvaluation),
             [&app](Request& req) { return Step(app, req, "review"); });
  router.Add("POST", "/api/v1/evaluations/{id}/return", AccessRule::Require(Action::kReviewEvaluation),
             [&app](Request& req) { return Step(app, req, "return"); });
  router.Add("POST", "/api/v1/evaluations/{id}/finalize", AccessRule::Require(Action::kReviewEvaluation),
             [&app](Request& req) { return Step(app, req, "finalize"); });

  router.Add(
      "GET", "/api/v1/evaluations/{id}/score-sheet.xlsx", AccessRule::Require(Action::kRead), [&app](Request& req) {
        auto id = PositiveIdParam(req, "绩效评价");
        if (!id.ok()) return ErrorResponse(id.status());
        return ExportFile(
            req, [&](const ExportTarget& target) { return ExportEvaluationScoreSheet(app, Caller(req), *id, target); },
            "绩效评价评分表-" + std::to_string(*id) + ".xlsx");
      });
}

}  // namespace xj::http
