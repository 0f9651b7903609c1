// 约谈 (issue #17 point 4): the graded list of a dispatch from the policy's rules, the interviews
// recorded from it and their commitments followed to closure (docs/definitions.md §7). The list
// reads only frozen snapshot rows, so it never changes once a dispatch is opened.
#include "app/interviews.hpp"

#include <algorithm>

#include "app/app.hpp"

namespace xj {
namespace {

using nlohmann::json;

std::string InterviewText(const json& j, const char* name, Status& e) {
  auto it = j.find(name);
  if (it == j.end() || !it->is_string()) {
    if (e.ok()) e = Status::Internal(std::string("约谈记录缺少文本字段 ") + name);
    return {};
  }
  return it->get<std::string>();
}

Date DateOf(const json& j, const char* name, Status& e) {
  const std::string text = InterviewText(j, name, e);
  if (!e.ok()) return Date();
  auto d = Date::Parse(text);
  if (!d.ok()) {
    e = Status::Internal(std::string("约谈记录的日期无效 ") + name + "=" + text);
    return Date();
  }
  return *d;
}

std::vector<std::string> Names(const json& j, const char* name, Status& e) {
  std::vector<std::string> out;
  auto it = j.find(name);
  if (it == j.end() || !it->is_array()) {
    if (e.ok()) e = Status::Internal(std::string("约谈记录缺少名单 ") + name);
    return out;
  }
  for (const json& x : *it) {
    if (x.is_string()) out.push_back(x.get<std::string>());
  }
  return out;
}

/// Whether the month of "2023-06" ends a quarter (03, 06, 09, 12).
bool QuarterEnd(Date first_of_month) {
  return first_of_month.month() % 3 == 0;
}

}  // namespace

const char* InterviewGradeName(InterviewGrade grade) {
  switch (grade) {
    case InterviewGrade::kReminderTalk: return "reminder_talk";
    case InterviewGrade::kInterview: return "interview";
    case InterviewGrade::kAccountability: return "accountability";
  }
  return "interview";
}

std::optional<InterviewGrade> ParseInterviewGrade(std::string_view name) {
  if (name == "reminder_talk" || name == "提醒谈话") return InterviewGrade::kReminderTalk;
  if (name == "interview" || name == "约谈") return InterviewGrade::kInterview;
  if (name == "accountability" || name == "问责建议") return InterviewGrade::kAccountability;
  return std::nullopt;
}

InterviewGrade GradeOfStreak(int streak) {
  if (streak >= 3) return InterviewGrade::kAccountability;
  return streak == 2 ? InterviewGrade::kInterview : InterviewGrade::kReminderTalk;
}

json ToDoc(const Interview& i) {
  json commitments = json::array();
  for (const InterviewCommitment& c : i.commitments) {
    commitments.push_back({{"text", c.text},
                           {"deadline", c.deadline.ToString()},
                           {"closed", c.closed},
                           {"closed_by", c.closed_by},
                           {"closed_at", c.closed_at},
                           {"note", c.note}});
  }
  return json{{"dispatch_region", i.dispatch_region},
              {"month", i.month},
              {"grade", InterviewGradeName(i.grade)},
              {"date", i.date.ToString()},
              {"interviewer", i.interviewer},
              {"interviewees", i.interviewees},
              {"attendees", i.attendees},
              {"commitments", std::move(commitments)},
              {"created_by", i.created_by},
              {"created_at", i.created_at}};
}

Result<Interview> InterviewFromDoc(const json& j) {
  Status e;
  Interview i;
  i.dispatch_region = InterviewText(j, "dispatch_region", e);
  i.month = InterviewText(j, "month", e);
  const std::string grade = InterviewText(j, "grade", e);
  auto parsed = ParseInterviewGrade(grade);
  if (!parsed && e.ok()) e = Status::Internal("约谈等级无效：" + grade);
  i.grade = parsed.value_or(InterviewGrade::kInterview);
  i.date = DateOf(j, "date", e);
  i.interviewer = InterviewText(j, "interviewer", e);
  i.interviewees = Names(j, "interviewees", e);
  i.attendees = Names(j, "attendees", e);
  auto it = j.find("commitments");
  if (it == j.end() || !it->is_array()) {
    if (e.ok()) e = Status::Internal("约谈记录缺少 commitments");
  } else {
    for (const json& c : *it) {
      if (!c.is_object()) {
        if (e.ok()) e = Status::Internal("约谈承诺不是对象");
        continue;
      }
      InterviewCommitment x;
      x.text = InterviewText(c, "text", e);
      x.deadline = DateOf(c, "deadline", e);
      auto closed = c.find("closed");
      if (closed == c.end() || !closed->is_boolean()) {
        if (e.ok()) e = Status::Internal("约谈承诺缺少 closed");
      } else {
        x.closed = closed->get<bool>();
      }
      x.closed_by = InterviewText(c, "closed_by", e);
      x.closed_at = InterviewText(c, "closed_at", e);
      x.note = InterviewText(c, "note", e);
      i.commitments.push_back(std::move(x));
    }
  }
  i.created_by = InterviewText(j, "created_by", e);
  i.created_at = InterviewText(j, "created_at", e);
  if (!e.ok()) return e;
  return i;
}

Result<std::optional<SnapshotRow>> App::SnapshotRowOf(std::int64_t cycle_id, const std::string& region_code) const {
  DispatchRecordQuery q;
  q.kind = DispatchKind::kSnapshotRow;
  q.ref_id = cycle_id;
  q.region_code = region_code;
  XJ_ASSIGN_OR_RETURN(std::vector<DispatchRecord> records, store_->FindDispatchRecords(q));
  if (records.empty()) return std::optional<SnapshotRow>();
  const DispatchRecord& rec = records.front();
  json j = json::parse(rec.doc, nullptr, false);
  if (j.is_discarded() || !j.is_object()) {
    return Status::Internal("快照行不是 JSON 对象：id=" + std::to_string(rec.id));
  }
  auto row = SnapshotRowFromDoc(j);
  if (!row.ok()) return Status::Internal(row.status().message() + "（dispatch_row id=" + std::to_string(rec.id) + "）");
  row->region_code = rec.region_code;
  return std::optional<SnapshotRow>(std::move(*row));
}

InterviewReasons App::QualifiesForInterview(const SnapshotRow& row, Date first_of_month) const {
  InterviewReasons why;
  if (row.region_level != RegionLevel::kCounty) return why;
  std::int64_t bottom_n = 0, behind_bp = 0;
  {
    std::shared_lock lock(state_mu_);
    const PolicySet& policy = engine_->policy();
    bottom_n = policy.ValueAt(PolicyKey::kInterviewBottomN, row.figures.as_of);
    behind_bp = policy.ValueAt(PolicyKey::kInterviewBehindTimeBp, row.figures.as_of);
  }
  why.bottom_n = row.rank && bottom_n > 0 && *row.rank > row.rank_size - bottom_n;
  why.behind_time_at_quarter_end = QuarterEnd(first_of_month) && row.figures.expend_progress.defined() &&
                                   row.figures.time_progress.defined() &&
                                   BehindByMoreThan(row.figures.time_progress, row.figures.expend_progress, behind_bp);
  return why;
}

Result<InterviewList> App::InterviewCandidates(const Actor& actor, const std::string& region_code,
                                               const std::string& month) const {
  XJ_ASSIGN_OR_RETURN(DispatchView view, GetDispatch(actor, region_code, month));
  XJ_ASSIGN_OR_RETURN(Date first, ParseMonth(month));
  InterviewList list;
  list.region_code = region_code;
  list.month = month;
  list.quarter_end = QuarterEnd(first);
  {
    std::shared_lock lock(state_mu_);
    list.bottom_n = engine_->policy().ValueAt(PolicyKey::kInterviewBottomN, view.cycle.cutoff);
    list.behind_time_bp = engine_->policy().ValueAt(PolicyKey::kInterviewBehindTimeBp, view.cycle.cutoff);
  }
  for (const SnapshotRow& row : view.rows) {
    const InterviewReasons why = QualifiesForInterview(row, first);
    if (!why.any()) continue;
    InterviewCandidate c;
    c.region_code = row.region_code;
    c.region_name = row.region_name;
    c.rank = row.rank;
    c.rank_size = row.rank_size;
    c.expend_progress = row.figures.expend_progress;
    c.time_progress = row.figures.time_progress;
    c.reasons = why;
    // The streak: earlier months' dispatches of the same region in which the county qualified,
    // back to the first month without a dispatch or without qualifying.
    Date earlier = first;
    for (int k = 0; k < kMaxInterviewStreak; ++k) {
      earlier = Date::FromYmd(earlier.AddDays(-1).year(), earlier.AddDays(-1).month(), 1);
      XJ_ASSIGN_OR_RETURN(std::optional<DispatchCycle> cycle, FindCycle(region_code, earlier.ToString().substr(0, 7)));
      if (!cycle) break;
      XJ_ASSIGN_OR_RETURN(std::optional<SnapshotRow> before, SnapshotRowOf(cycle->id, row.region_code));
      if (!before || !QualifiesForInterview(*before, earlier).any()) break;
      ++c.streak;
    }
    c.grade = GradeOfStreak(c.streak);
    list.items.push_back(std::move(c));
  }
  return list;
}

Status App::FillFollowUp(Interview& i) const {
  XJ_ASSIGN_OR_RETURN(std::optional<DispatchCycle> cycle, FindCycle(i.dispatch_region, i.month));
  if (cycle) {
    XJ_ASSIGN_OR_RETURN(std::optional<SnapshotRow> row, SnapshotRowOf(cycle->id, i.region_code));
    if (row) i.progress_before = row->figures.expend_progress;
  }
  XJ_ASSIGN_OR_RETURN(Date first, ParseMonth(i.month));
  const Date next = first.AddDays(Date::DaysInMonth(first.year(), first.month()));
  const std::string next_month = next.ToString().substr(0, 7);
  XJ_ASSIGN_OR_RETURN(std::optional<DispatchCycle> next_cycle, FindCycle(i.dispatch_region, next_month));
  if (next_cycle) {
    XJ_ASSIGN_OR_RETURN(std::optional<SnapshotRow> row, SnapshotRowOf(next_cycle->id, i.region_code));
    if (row) {
      i.next_month = next_month;
      i.progress_after = row->figures.expend_progress;
      if (i.progress_before.defined() && i.progress_after.defined()) {
        i.improved = CompareRatios(i.progress_after, i.progress_before) > 0;
      }
    }
  }
  return Status::Ok();
}

Result<Interview> App::RecordInterview(const Actor& actor, Interview i) {
  XJ_RETURN_IF_ERROR(Authorize(actor, Action::kManageDispatch, i.region_code));
  XJ_RETURN_IF_ERROR(ParseMonth(i.month).status());
  std::vector<FieldError> problems;
  const std::size_t name_chars = options_.limits.max_name_chars;
  if (i.interviewer.empty()) problems.push_back({"", 0, "interviewer", 0, "", "required", "约谈人必填"});
  CheckTextBound(i.interviewer, name_chars, 0, "interviewer", &problems);
  if (i.interviewees.empty()) problems.push_back({"", 0, "interviewees", 0, "", "required", "被约谈人必填"});
  for (const std::string& n : i.interviewees) {
    if (n.empty()) problems.push_back({"", 0, "interviewees", 0, "", "required", "被约谈人姓名不能为空"});
    CheckTextBound(n, name_chars, 0, "interviewees", &problems);
  }
  for (const std::string& n : i.attendees) CheckTextBound(n, name_chars, 0, "attendees", &problems);
  if (i.commitments.empty()) problems.push_back({"", 0, "commitments", 0, "", "required", "整改承诺至少一项"});
  for (std::size_t k = 0; k < i.commitments.size(); ++k) {
    const InterviewCommitment& c = i.commitments[k];
    const std::string column = "commitments[" + std::to_string(k) + "]";
    if (c.text.empty()) problems.push_back({"", 0, column + ".text", 0, "", "required", "承诺内容必填"});
    CheckTextBound(c.text, options_.limits.max_note_chars, 0, (column + ".text").c_str(), &problems);
    if (c.deadline < i.date) {
      problems.push_back(
          {"", 0, column + ".deadline", 0, c.deadline.ToString(), "invalid_deadline", "承诺期限早于约谈日期"});
    }
  }
  if (!problems.empty()) return BoundRefusal("约谈记录不完整", std::move(problems));
  std::lock_guard write(write_mu_);
  XJ_ASSIGN_OR_RETURN(std::optional<DispatchCycle> cycle, FindCycle(i.dispatch_region, i.month));
  if (!cycle) return Status::NotFound("本月调度尚未开启：" + i.dispatch_region + " " + i.month);
  XJ_ASSIGN_OR_RETURN(std::optional<SnapshotRow> row, SnapshotRowOf(cycle->id, i.region_code));
  if (!row || row->region_level != RegionLevel::kCounty) {
    return Status::InvalidArgument("该县不在本次调度范围内：" + i.region_code);
  }
  i.region_name = row->region_name;
  for (InterviewCommitment& c : i.commitments) {
    c.closed = false;
    c.closed_by.clear();
    c.closed_at.clear();
    c.note.clear();
  }
  i.created_by = actor.username;
  i.created_at = Now();
  const std::string doc = ToDoc(i).dump();
  XJ_RETURN_IF_ERROR(store_->Transact([&]() -> Status {
    XJ_ASSIGN_OR_RETURN(i.id, store_->InsertDispatchRecord({0, DispatchKind::kInterview, i.region_code, i.month,
                                                            cycle->id, "", doc, i.created_at, i.created_at}));
    return AppendAudit(actor, "interview.create", "interview", std::to_string(i.id), i.region_code, "", doc);
  }));
  XJ_RETURN_IF_ERROR(FillFollowUp(i));
  return i;
}

Result<std::vector<Interview>> App::ListInterviews(const Actor& actor, const std::string& region_code) const {
  const std::string root_code = region_code.empty() ? actor.region_code : region_code;
  XJ_RETURN_IF_ERROR(Authorize(actor, Action::kRead, root_code));
  DispatchRecordQuery q;
  q.kind = DispatchKind::kInterview;
  XJ_ASSIGN_OR_RETURN(std::vector<DispatchRecord> records, store_->FindDispatchRecords(q));
  auto tree = regions();
  const RegionIndex root = root_code.empty() ? kNoRegion : tree->Find(root_code);
  std::vector<Interview> out;
  for (const DispatchRecord& rec : records) {
    const RegionIndex at = tree->Find(rec.region_code);
    if (at == kNoRegion || (root != kNoRegion && !tree->Contains(root, at))) continue;
    XJ_ASSIGN_OR_RETURN(Interview i, InterviewOfRecord(rec));
    i.region_name = tree->node(at).region.name;
    XJ_RETURN_IF_ERROR(FillFollowUp(i));
    out.push_back(std::move(i));
  }
  // Newest month first, then as recorded.
  std::stable_sort(out.begin(), out.end(), [](const Interview& a, const Interview& b) { return a.month > b.month; });
  return out;
}

Result<Interview> App::InterviewOfRecord(const DispatchRecord& rec) const {
  json j = json::parse(rec.doc, nullptr, false);
  if (j.is_discarded() || !j.is_object()) {
    return Status::Internal("约谈记录不是 JSON 对象：id=" + std::to_string(rec.id));
  }
  auto i = InterviewFromDoc(j);
  if (!i.ok()) return Status::Internal(i.status().message() + "（interview id=" + std::to_string(rec.id) + "）");
  i->id = rec.id;
  i->region_code = rec.region_code;
  return i;
}

Result<Interview> App::CloseCommitment(const Actor& actor, std::int64_t id, std::size_t index,
                                       const std::string& note) {
  XJ_RETURN_IF_ERROR(AuthorizeRole(actor, Action::kFileDispatch));
  {
    std::vector<FieldError> problems;
    if (note.empty()) problems.push_back({"", 0, "note", 0, "", "required", "整改情况说明必填"});
    CheckTextBound(note, options_.limits.max_note_chars, 0, "note", &problems);
    if (!problems.empty()) return BoundRefusal("整改情况说明不完整", std::move(problems));
  }
  std::lock_guard write(write_mu_);
  DispatchRecordQuery q;
  q.kind = DispatchKind::kInterview;
  q.id = id;
  XJ_ASSIGN_OR_RETURN(std::vector<DispatchRecord> records, store_->FindDispatchRecords(q));
  // Another unit's interview is none of the caller's business: 404 outside its scope.
  if (records.empty() || !InScope(actor, records[0].region_code)) {
    return Status::NotFound("约谈记录不存在：" + std::to_string(id));
  }
  XJ_RETURN_IF_ERROR(Authorize(actor, Action::kFileDispatch, records[0].region_code));
  XJ_ASSIGN_OR_RETURN(Interview i, InterviewOfRecord(records[0]));
  if (index >= i.commitments.size()) {
    return Status::NotFound("约谈记录 " + std::to_string(id) + " 没有第 " + std::to_string(index) + " 项承诺");
  }
  InterviewCommitment& c = i.commitments[index];
  if (c.closed) return Status::Conflict("该项承诺已销号");
  const std::string before = records[0].doc;
  c.closed = true;
  c.closed_by = actor.username;
  c.closed_at = Now();
  c.note = note;
  const std::string after = ToDoc(i).dump();
  XJ_RETURN_IF_ERROR(store_->Transact([&]() -> Status {
    XJ_RETURN_IF_ERROR(store_->UpdateDispatchRecord(id, after, c.closed_at));
    return AppendAudit(actor, "interview.commitment_close", "interview", std::to_string(id), i.region_code, before,
                       after);
  }));
  {
    auto tree = regions();
    const RegionIndex at = tree->Find(i.region_code);
    if (at != kNoRegion) i.region_name = tree->node(at).region.name;
  }
  XJ_RETURN_IF_ERROR(FillFollowUp(i));
  return i;
}

}  // namespace xj
