#include "app/workbench.hpp"

#include <algorithm>
#include <map>
#include <set>

#include "app/import_jobs.hpp"
#include "app/inquiries.hpp"
#include "app/reminders.hpp"
#include "app/supervision.hpp"

namespace xj {
namespace {

bool May(const Actor& actor, Action action) {
  return RoleMay(actor.role, action);
}

/// The project states whose next step the role takes (docs/definitions.md §14): a township's
/// 乡镇审核 of what villages submitted; the county's 县级论证 and 审定入库 (review_projects).
std::vector<ProjectState> StatesToReview(const Actor& actor) {
  if (actor.role == Role::kTownshipOfficer) return {ProjectState::kSubmitted};
  if (May(actor, Action::kReviewProjects)) return {ProjectState::kTownshipReviewed, ProjectState::kCountyReviewed};
  return {};
}

std::string ProjectLink(const std::string& code) {
  return "/projects/" + code;
}

/// A reminder's kind in Chinese (the labels of the reminders screen).
std::string ReminderKindText(const std::string& kind) {
  static const std::map<std::string, std::string> kLabels = {{"county_behind_time", "支出进度落后时序进度"},
                                                             {"project_not_started", "项目逾期未开工"},
                                                             {"milestone_overdue", "节点逾期"},
                                                             {"flag_unresolved", "预警未处理"},
                                                             {"late_allocation", "上级下达未按时分配到下级"},
                                                             {"late_distribution", "上级下达未按时分配到项目"}};
  auto it = kLabels.find(kind);
  return it != kLabels.end() ? it->second : kind;
}

/// What a reminder is about, readable: a flag's subject "kind:key" as 以拨代支：key.
std::string ReminderSubjectText(const std::string& subject) {
  const std::size_t colon = subject.find(':');
  if (colon == std::string::npos) return subject;
  const std::string_view label = FlagKindLabel(std::string_view(subject).substr(0, colon));
  if (label.empty()) return subject;
  return std::string(label) + "：" + subject.substr(colon + 1);
}

void Keep(WorkbenchSection& s, WorkbenchItem item, std::size_t max) {
  ++s.count;
  if (s.items.size() < max) s.items.push_back(std::move(item));
}

}  // namespace

Result<Workbench> BuildWorkbench(App& app, const Actor& actor, Date today, WorkbenchOptions options) {
  Workbench wb;
  wb.as_of = today;
  wb.landing = actor.role == Role::kLeader ? "dashboard" : "workbench";
  const std::size_t max = options.items;

  // 待审核项目: the projects of the scope in a state whose next step is the caller's.
  if (const std::vector<ProjectState> states = StatesToReview(actor); !states.empty()) {
    WorkbenchSection s{"reviews", "待审核项目", 0, {}, "/projects"};
    for (ProjectState state : states) {
      ProjectListQuery q;
      q.state = std::string(ProjectStateName(state));
      q.page_size = static_cast<int>(max);
      XJ_ASSIGN_OR_RETURN(ProjectList list, app.ListProjects(actor, q));
      s.count += list.total;
      for (const ProjectListItem& p : list.items) {
        if (s.items.size() >= max) break;
        s.items.push_back({p.row.project_code, p.row.name, std::string(ProjectStateLabel(state)) + "，待审核",
                           p.region.code, "", ProjectLink(p.row.project_code)});
      }
    }
    wb.sections.push_back(std::move(s));
  }

  // 公示即将结束 and 待答复异议: the postings of the scope's projects.
  if (May(actor, Action::kWriteProjects) && !actor.region_code.empty()) {
    XJ_ASSIGN_OR_RETURN(std::vector<Posting> postings, app.PublicPostings(actor.region_code));
    std::sort(postings.begin(), postings.end(), [](const Posting& a, const Posting& b) { return a.end < b.end; });
    WorkbenchSection ending{"postings_ending", "公示即将结束", 0, {}, "/projects"};
    const Date horizon = today.AddDays(options.posting_days);
    std::set<std::string> recent;  // projects whose posting runs or ended within the objection window
    for (const Posting& p : postings) {
      if (p.start <= today && today <= p.end && p.end <= horizon) {
        Keep(ending,
             {p.project_code, p.project_name, "公示期至 " + p.end.ToString(), p.region_code, p.end.ToString(),
              ProjectLink(p.project_code)},
             max);
      }
      if (p.start <= today && today.AddDays(-options.objection_window_days) <= p.end) recent.insert(p.project_code);
    }
    wb.sections.push_back(std::move(ending));

    WorkbenchSection objections{"objections", "待答复异议", 0, {}, "/projects"};
    for (const std::string& code : recent) {
      auto detail = app.GetProject(actor, code);
      if (!detail.ok()) continue;  // a project gone or outside the scope since: nothing the caller can answer
      for (const Objection& o : detail->objections) {
        if (o.resolved) continue;
        Keep(objections,
             {code, detail->stored.project.name, "异议（" + o.received_on.ToString() + " 收到）待答复",
              detail->stored.project.region_code, o.received_on.ToString(), ProjectLink(code)},
             max);
      }
    }
    wb.sections.push_back(std::move(objections));
  }

  // 待说明预警: open flags of the scope.
  if (May(actor, Action::kHandleFlags)) {
    FlagQuery q;
    q.as_of = today;
    q.status = "open";
    XJ_ASSIGN_OR_RETURN(FlagsReport flags, app.Flags(actor, q));
    WorkbenchSection s{"flags", "待说明预警", 0, {}, "/flags"};
    for (const FlagItem& f : flags.items) {
      Keep(s,
           {f.flag.subject, std::string(FlagKindLabel(f.flag.kind)) + "：" + f.flag.subject, f.flag.detail,
            f.flag.region_code, f.flag.raised_on.ToString(), "/flags"},
           max);
    }
    wb.sections.push_back(std::move(s));
  }

  // 待答复问询: inquiries sent to the caller's units and not yet answered.
  if (May(actor, Action::kAnswerSupervision)) {
    InquiryQuery q;
    q.status = "sent";
    XJ_ASSIGN_OR_RETURN(std::vector<InquiryView> inquiries, app.ListInquiries(actor, q));
    WorkbenchSection s{"inquiries", "待答复问询", 0, {}, "/flags"};
    for (const InquiryView& v : inquiries) {
      Keep(s,
           {std::to_string(v.inquiry.id), std::string(FlagKindLabel(v.inquiry.flag_kind)) + "：" + v.inquiry.subject,
            v.overdue ? "已超过答复期限" : "待答复", v.inquiry.region_code,
            v.inquiry.due_on ? v.inquiry.due_on->ToString() : "", "/flags"},
           max);
    }
    wb.sections.push_back(std::move(s));
  }

  // 待整改: the unit's rectification items not yet submitted (or returned); for supervisors, those
  // submitted and waiting for their verification.
  const bool unit = May(actor, Action::kAnswerSupervision);
  const bool supervisor = May(actor, Action::kWriteSupervision);
  if (unit || supervisor) {
    XJ_ASSIGN_OR_RETURN(std::vector<RectificationView> items, app.ListRectifications(actor, RectificationQuery{}));
    WorkbenchSection s{"rectifications", unit ? "待整改问题" : "待验收整改", 0, {}, ""};
    std::stable_sort(items.begin(), items.end(), [](const RectificationView& a, const RectificationView& b) {
      return a.overdue != b.overdue ? a.overdue : a.item.deadline < b.item.deadline;
    });
    for (const RectificationView& v : items) {
      const RectificationStatus st = v.item.status;
      const bool waits = unit ? (st == RectificationStatus::kOpen || st == RectificationStatus::kRectifying ||
                                 st == RectificationStatus::kReturned)
                              : st == RectificationStatus::kSubmitted;
      if (!waits) continue;
      Keep(s,
           {std::to_string(v.item.finding_id), v.finding.description,
            std::string(RectificationStatusLabel(st)) + (v.overdue ? "，已超期" : ""), v.item.region_code,
            v.item.deadline ? v.item.deadline->ToString() : "", ""},
           max);
    }
    wb.sections.push_back(std::move(s));
  }

  // 未签收提醒: the caller's own reminders not yet acknowledged (the message centre).
  {
    ReminderQuery q;
    q.mine = true;
    q.status = "unread";
    auto reminders = app.ListReminders(actor, q);
    if (reminders.ok()) {
      WorkbenchSection s{"reminders", "未签收提醒", 0, {}, "/dispatch?tab=reminders&mine=1"};
      for (const Reminder& r : *reminders) {
        Keep(s,
             {std::to_string(r.id), r.target_region_name + "：" + ReminderKindText(r.kind),
              ReminderSubjectText(r.subject) + "（" + r.week + " 周）", r.target_region_code, "",
              "/dispatch?tab=reminders&mine=1"},
             max);
      }
      wb.sections.push_back(std::move(s));
    } else if (reminders.status().code() != ErrorCode::kPermissionDenied) {
      return reminders.status();
    }
  }

  // 已完成的导入: the caller's own import jobs finished within the last days.
  {
    XJ_ASSIGN_OR_RETURN(std::vector<ImportJobView> jobs, app.import_jobs().List(actor));
    WorkbenchSection s{"imports", "已完成的导入", 0, {}, "/imports"};
    const std::string since = today.AddDays(-options.import_days).ToString();
    for (const ImportJobView& j : jobs) {
      if (j.owner != actor.username || j.finished_at.empty() || j.finished_at.substr(0, 10) < since) continue;
      if (j.state != JobState::kSucceeded && j.state != JobState::kFailed) continue;
      Keep(
          s,
          {j.id, j.file_name.empty() ? std::string(ImportKindName(j.kind)) : j.file_name,
           j.state == JobState::kSucceeded ? "导入成功" : "导入未成功（" + std::to_string(j.errors_total) + " 处问题）",
           "", j.finished_at.substr(0, 10), "/imports"},
          max);
    }
    wb.sections.push_back(std::move(s));
  }

  for (const WorkbenchSection& s : wb.sections) wb.total += s.count;
  return wb;
}

}  // namespace xj
