// Routes of inquiries and determinations on flags (问询 → 认定, issue #18 point 6). Thin: parse,
// one App call, encode.
#include "http/api_inquiries.hpp"

#include "http/handler_support.hpp"
#include "http/json_response.hpp"
#include "http/params.hpp"

namespace xj::http {
namespace {

Result<std::int64_t> Version(const nlohmann::json& body) {
  auto it = body.find("version");
  if (it == body.end() || !it->is_number_integer()) return Status::InvalidArgument("缺少整数字段 version");
  return it->get<std::int64_t>();
}

Result<Fen> FenField(const nlohmann::json& body, const char* key) {
  auto it = body.find(key);
  if (it == body.end() || it->is_null()) return Fen(0);
  if (!it->is_number_integer()) return Status::InvalidArgument(std::string("字段 ") + key + " 应为整数（分）");
  return Fen(it->get<std::int64_t>());
}

nlohmann::ordered_json InquiryJson(const InquiryView& v) {
  const Inquiry& q = v.inquiry;
  auto date = [](const std::optional<Date>& d) {
    return d ? nlohmann::ordered_json(d->ToString()) : nlohmann::ordered_json(nullptr);
  };
  nlohmann::ordered_json j;
  j["id"] = q.id;
  j["flag_kind"] = q.flag_kind;
  j["subject"] = q.subject;
  j["region_code"] = q.region_code;
  j["region_name"] = v.region_name;
  j["unit_code"] = v.unit_code;
  j["unit_name"] = v.unit_name;
  j["project_code"] = q.project_code;
  j["amount_fen"] = q.amount.value();
  j["questions"] = q.questions;
  j["due_on"] = date(q.due_on);
  j["overdue"] = v.overdue;
  j["status"] = InquiryStatusName(q.status);
  j["status_label"] = InquiryStatusLabel(q.status);
  j["sent_by"] = q.sent_by;
  j["sent_at"] = q.sent_at;
  j["answer"] = q.answer;
  j["evidence"] = q.evidence;
  j["answered_by"] = q.answered_by;
  j["answered_at"] = q.answered_at;
  j["outcome"] = InquiryOutcomeName(q.outcome);
  j["outcome_label"] = InquiryOutcomeLabel(q.outcome);
  j["violation_type"] = q.violation_type;
  j["recover_fen"] = q.recover_amount.value();
  j["reaccount_fen"] = q.reaccount_amount.value();
  j["measures"] = q.measures;
  j["reason"] = q.reason;
  j["determined_by"] = q.determined_by;
  j["determined_at"] = q.determined_at;
  j["version"] = q.version;
  j["updated_at"] = q.updated_at;
  nlohmann::ordered_json events = nlohmann::ordered_json::array();
  for (const InquiryEvent& e : v.events) {
    events.push_back({{"action", e.action},
                      {"from_status", InquiryStatusName(e.from_status)},
                      {"to_status", InquiryStatusName(e.to_status)},
                      {"actor", e.actor},
                      {"at", e.at},
                      {"note", e.note}});
  }
  j["events"] = std::move(events);
  return j;
}

Result<NewInquiry> NewInquiryFromJson(const nlohmann::json& body) {
  NewInquiry r;
  XJ_ASSIGN_OR_RETURN(r.flag_kind, TextField(body, "flag_kind", true));
  XJ_ASSIGN_OR_RETURN(r.subject, TextField(body, "subject", true));
  XJ_ASSIGN_OR_RETURN(r.questions, TextField(body, "questions", false));
  XJ_ASSIGN_OR_RETURN(std::string due, TextField(body, "due_on", false));
  if (!due.empty()) {
    auto d = Date::Parse(due);
    if (!d.ok()) return Status::InvalidArgument("字段 due_on 应为日期（YYYY-MM-DD）：" + due);
    r.due_on = *d;
  }
  return r;
}

Result<InquiryAnswer> AnswerFromJson(const nlohmann::json& body) {
  InquiryAnswer a;
  XJ_ASSIGN_OR_RETURN(a.version, Version(body));
  XJ_ASSIGN_OR_RETURN(a.answer, TextField(body, "answer", false));
  XJ_ASSIGN_OR_RETURN(a.evidence, TextField(body, "evidence", false));
  return a;
}

Result<InquiryDetermination> DeterminationFromJson(const nlohmann::json& body) {
  InquiryDetermination d;
  XJ_ASSIGN_OR_RETURN(d.version, Version(body));
  XJ_ASSIGN_OR_RETURN(std::string outcome, TextField(body, "outcome", true));
  const auto parsed = ParseInquiryOutcome(outcome);
  if (!parsed || *parsed == InquiryOutcome::kNone) {
    return Status::InvalidArgument("认定结论应为 confirmed|rejected：" + outcome).WithReason("unknown_outcome");
  }
  d.outcome = *parsed;
  XJ_ASSIGN_OR_RETURN(d.violation_type, TextField(body, "violation_type", false));
  XJ_ASSIGN_OR_RETURN(d.recover_amount, FenField(body, "recover_fen"));
  XJ_ASSIGN_OR_RETURN(d.reaccount_amount, FenField(body, "reaccount_fen"));
  XJ_ASSIGN_OR_RETURN(d.measures, TextField(body, "measures", false));
  XJ_ASSIGN_OR_RETURN(d.reason, TextField(body, "reason", false));
  return d;
}

/// POST handlers: a JSON object body parsed by `parse`, then `act`.
template <typename Parse, typename Act>
Response JsonStep(Request& req, Parse parse, Act act) {
  if (!IsJsonBody(req)) return ErrorResponse(415, "unsupported_media_type", "请求体应为 application/json");
  auto id = PositiveIdParam(req, "问询单");
  if (!id.ok()) return ErrorResponse(id.status());
  auto body = JsonObjectBody(req);
  if (!body.ok()) return ErrorResponse(body.status());
  auto request = parse(*body);
  if (!request.ok()) return ErrorResponse(request.status());
  auto view = act(*id, *request);
  if (!view.ok()) return ErrorResponse(view.status());
  return OrderedJsonResponse(InquiryJson(*view));
}

}  // namespace

void RegisterInquiryRoutes(Router& router, App& app) {
  router.Add("POST", "/api/v1/inquiries", AccessRule::Require(Action::kSendInquiry), [&app](Request& req) {
    if (!IsJsonBody(req)) return ErrorResponse(415, "unsupported_media_type", "请求体应为 application/json");
    auto body = JsonObjectBody(req);
    if (!body.ok()) return ErrorResponse(body.status());
    auto request = NewInquiryFromJson(*body);
    if (!request.ok()) return ErrorResponse(request.status());
    auto view = app.SendInquiry(Caller(req), *request);
    if (!view.ok()) return ErrorResponse(view.status());
    return OrderedJsonResponse(InquiryJson(*view), 201);
  });

  router.Add("GET", "/api/v1/inquiries", AccessRule::Require(Action::kRead), [&app](Request& req) {
    InquiryQuery q;
    q.region_code = req.Query("region");
    q.status = req.Query("status");
    q.outcome = req.Query("outcome");
    q.flag_kind = req.Query("flag_kind");
    auto items = app.ListInquiries(Caller(req), q);
    if (!items.ok()) return ErrorResponse(items.status());
    nlohmann::ordered_json list = nlohmann::ordered_json::array();
    for (const InquiryView& v : *items) list.push_back(InquiryJson(v));
    nlohmann::ordered_json out;
    out["total"] = items->size();
    out["items"] = std::move(list);
    return OrderedJsonResponse(out);
  });

  router.Add("GET", "/api/v1/inquiries/{id}", AccessRule::Require(Action::kRead), [&app](Request& req) {
    auto id = PositiveIdParam(req, "问询单");
    if (!id.ok()) return ErrorResponse(id.status());
    auto view = app.GetInquiry(Caller(req), *id);
    if (!view.ok()) return ErrorResponse(view.status());
    return OrderedJsonResponse(InquiryJson(*view));
  });

  router.Add(
      "POST", "/api/v1/inquiries/{id}/answer", AccessRule::Require(Action::kAnswerSupervision), [&app](Request& req) {
        return JsonStep(req, AnswerFromJson,
                        [&](std::int64_t id, const InquiryAnswer& a) { return app.AnswerInquiry(Caller(req), id, a); });
      });

  router.Add("POST", "/api/v1/inquiries/{id}/determine", AccessRule::Require(Action::kDetermineInquiry),
             [&app](Request& req) {
               return JsonStep(req, DeterminationFromJson, [&](std::int64_t id, const InquiryDetermination& d) {
                 return app.DetermineInquiry(Caller(req), id, d);
               });
             });
}

}  // namespace xj::http
