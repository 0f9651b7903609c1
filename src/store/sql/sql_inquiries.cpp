// SqlStore: inquiries on flags and their steps (问询 → 认定, migration 0020_inquiries.sql).
#include "store/sql/entities.hpp"
#include "store/sql/fields.hpp"
#include "store/sql/sql_store.hpp"

namespace xj::sql {
namespace {

constexpr std::string_view kInquiryColumns =
    "id, flag_kind, subject, province_code, region_code, project_code, amount_fen, questions, due_on, status, "
    "sent_by, sent_at, answer, evidence, answered_by, answered_at, outcome, violation_type, recover_fen, "
    "reaccount_fen, measures, reason, determined_by, determined_at, version, updated_at";
// Every column but id, $1 … $25.
const std::string kInsertInquiry =
    "INSERT INTO inquiries (flag_kind, subject, province_code, region_code, project_code, amount_fen, questions, "
    "due_on, status, sent_by, sent_at, answer, evidence, answered_by, answered_at, outcome, violation_type, "
    "recover_fen, reaccount_fen, measures, reason, determined_by, determined_at, version, updated_at) VALUES (" +
    Params(25) + ") RETURNING id";
const std::string kSelectInquiry = Concat({"SELECT ", kInquiryColumns, " FROM inquiries WHERE id = $1"});
const std::string kSelectInquiries = Concat({"SELECT ", kInquiryColumns, " FROM inquiries ORDER BY id"});
const std::string kUpdateInquiry =
    "UPDATE inquiries SET status = $2, answer = $3, evidence = $4, answered_by = $5, answered_at = $6, outcome = $7, "
    "violation_type = $8, recover_fen = $9, reaccount_fen = $10, measures = $11, reason = $12, determined_by = $13, "
    "determined_at = $14, version = $15, updated_at = $16 WHERE id = $1 AND version = $17";
constexpr const char kSelectRejectedEntries[] =
    "SELECT subject FROM inquiries WHERE flag_kind = 'disburse_as_expend' AND outcome = 'rejected' ORDER BY subject";

constexpr std::string_view kInquiryEventColumns = "id, inquiry_id, action, from_status, to_status, actor, at, note";
const std::string kInsertInquiryEvent =
    "INSERT INTO inquiry_events (inquiry_id, action, from_status, to_status, actor, at, note) VALUES ($1, $2, $3, $4, "
    "$5, $6, $7)";
const std::string kSelectInquiryEvents =
    Concat({"SELECT ", kInquiryEventColumns, " FROM inquiry_events WHERE inquiry_id = $1 ORDER BY id"});

Result<Inquiry> ReadInquiry(const Row& row) {
  Fields f(row, "inquiries", "id=" + std::to_string(row.Int(0)));
  Inquiry q;
  q.id = f.Int(0);
  q.flag_kind = f.Text(1);
  q.subject = f.Text(2);
  q.province_code = f.Text(3);
  q.region_code = f.Text(4);
  q.project_code = f.Text(5);
  q.amount = Fen(f.Int(6));
  q.questions = f.Text(7);
  q.due_on = f.OptionalDate(8);
  q.status = f.Named(9, ParseInquiryStatus, InquiryStatus::kSent);
  q.sent_by = f.Text(10);
  q.sent_at = f.Text(11);
  q.answer = f.Text(12);
  q.evidence = f.Text(13);
  q.answered_by = f.Text(14);
  q.answered_at = f.Text(15);
  q.outcome = f.Named(16, ParseInquiryOutcome, InquiryOutcome::kNone);
  q.violation_type = f.Text(17);
  q.recover_amount = Fen(f.Int(18));
  q.reaccount_amount = Fen(f.Int(19));
  q.measures = f.Text(20);
  q.reason = f.Text(21);
  q.determined_by = f.Text(22);
  q.determined_at = f.Text(23);
  q.version = f.Int(24);
  q.updated_at = f.Text(25);
  XJ_RETURN_IF_ERROR(f.status());
  return q;
}

Result<InquiryEvent> ReadInquiryEvent(const Row& row) {
  Fields f(row, "inquiry_events", "id=" + std::to_string(row.Int(0)));
  InquiryEvent e;
  e.id = f.Int(0);
  e.inquiry_id = f.Int(1);
  e.action = f.Text(2);
  e.from_status = f.Named(3, ParseInquiryStatus, InquiryStatus::kSent);
  e.to_status = f.Named(4, ParseInquiryStatus, InquiryStatus::kSent);
  e.actor = f.Text(5);
  e.at = f.Text(6);
  e.note = f.Text(7);
  XJ_RETURN_IF_ERROR(f.status());
  return e;
}

}  // namespace

Result<std::int64_t> SqlStore::InsertInquiry(const Inquiry& q) {
  std::int64_t id = 0;
  XJ_RETURN_IF_ERROR(Write([&](Conn& c) {
    const Values v = {q.flag_kind,
                      q.subject,
                      ProvinceCodeOf(q.region_code),
                      q.region_code,
                      q.project_code,
                      q.amount.value(),
                      q.questions,
                      DateValue(q.due_on),
                      std::string(InquiryStatusName(q.status)),
                      q.sent_by,
                      q.sent_at,
                      q.answer,
                      q.evidence,
                      q.answered_by,
                      q.answered_at,
                      std::string(InquiryOutcomeName(q.outcome)),
                      q.violation_type,
                      q.recover_amount.value(),
                      q.reaccount_amount.value(),
                      q.measures,
                      q.reason,
                      q.determined_by,
                      q.determined_at,
                      q.version,
                      q.updated_at};
    return c.Query(kInsertInquiry.c_str(), v, [&](const Row& row) {
      id = row.Int(0);
      return Status::Ok();
    });
  }));
  return id;
}

Result<std::optional<Inquiry>> SqlStore::FindInquiry(std::int64_t id) {
  std::vector<Inquiry> found;
  XJ_RETURN_IF_ERROR(Read([&](Conn& c) { return CollectRows(c, kSelectInquiry.c_str(), {id}, ReadInquiry, found); }));
  if (found.empty()) return std::optional<Inquiry>();
  return std::optional<Inquiry>(std::move(found.front()));
}

Result<std::vector<Inquiry>> SqlStore::ListInquiries() {
  std::vector<Inquiry> out;
  XJ_RETURN_IF_ERROR(Read([&](Conn& c) { return CollectRows(c, kSelectInquiries.c_str(), {}, ReadInquiry, out); }));
  return out;
}

Status SqlStore::UpdateInquiry(const Inquiry& q, std::int64_t expected_version) {
  return Write([&](Conn& c) -> Status {
    const Values v = {q.id,
                      std::string(InquiryStatusName(q.status)),
                      q.answer,
                      q.evidence,
                      q.answered_by,
                      q.answered_at,
                      std::string(InquiryOutcomeName(q.outcome)),
                      q.violation_type,
                      q.recover_amount.value(),
                      q.reaccount_amount.value(),
                      q.measures,
                      q.reason,
                      q.determined_by,
                      q.determined_at,
                      q.version,
                      q.updated_at,
                      expected_version};
    XJ_ASSIGN_OR_RETURN(std::int64_t changed, c.Exec(kUpdateInquiry.c_str(), v));
    if (changed != 1) {
      return Status::Conflict("问询单 " + std::to_string(q.id) + " 已被他人更新，请刷新后重试")
          .WithReason("stale_version");
    }
    return Status::Ok();
  });
}

Status SqlStore::InsertInquiryEvent(const InquiryEvent& e) {
  return Write([&](Conn& c) {
    return c
        .Exec(kInsertInquiryEvent.c_str(), {e.inquiry_id, e.action, std::string(InquiryStatusName(e.from_status)),
                                            std::string(InquiryStatusName(e.to_status)), e.actor, e.at, e.note})
        .status();
  });
}

Result<std::vector<InquiryEvent>> SqlStore::ListInquiryEvents(std::int64_t inquiry_id) {
  std::vector<InquiryEvent> out;
  XJ_RETURN_IF_ERROR(
      Read([&](Conn& c) { return CollectRows(c, kSelectInquiryEvents.c_str(), {inquiry_id}, ReadInquiryEvent, out); }));
  return out;
}

Result<std::vector<std::string>> SqlStore::RejectedDisburseAsExpendEntries() {
  std::vector<std::string> out;
  XJ_RETURN_IF_ERROR(Read([&](Conn& c) {
    return c.Query(kSelectRejectedEntries, {}, [&](const Row& row) {
      out.emplace_back(row.Text(0));
      return Status::Ok();
    });
  }));
  return out;
}

}  // namespace xj::sql
