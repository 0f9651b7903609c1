// The demo's driving-execution data (issue #17 point 6): a realistic first half of 2023 in Xizang.
// - 包保: regional leaders cover every county but one (the gap the coverage check shows); the
//   first leader's account is `leader`, whose 我包保的 lists 城关区 and its neighbours.
// - 月调度: six monthly dispatches of the region (2023-01 … 2023-06), each opened the day after
//   its cut-off, filed by every county behind time progress, reviewed by the seven prefectures and
//   closed.
// - 点对点提醒: the weekly reminders of June's four weeks (2023-W23 … W26).
// - 约谈: two interviews — one from May's list, its commitments closed and June's dispatch showing
//   whether the county improved; one from June's list, still open.
// Written through the use cases as the system actor, each step at its own date in 2023 (the clock
// is set for the step and restored), so deadlines, timestamps and follow-ups read as they would
// have. Deterministic: the same database every time.
#include <array>
#include <chrono>

#include "app/app.hpp"

namespace xj {
namespace {

struct Leader {
  const char* name;
  const char* post;
};
// Invented names (no real official is meant): 包保 leaders of the demo, with their posts.
constexpr std::array<Leader, 25> kLeaders = {{
    {"程建华", "自治区政府副主席"},     {"次旺多吉", "自治区人大常委会副主任"}, {"宋立群", "自治区政协副主席"},
    {"贡觉旺堆", "自治区政府副秘书长"}, {"韩文斌", "自治区政府副主席"},         {"拉姆卓嘎", "自治区人大常委会副主任"},
    {"郑海涛", "自治区政协副主席"},     {"洛桑益西", "自治区政府副秘书长"},     {"冯国庆", "自治区政府副主席"},
    {"曲珍", "自治区人大常委会副主任"}, {"邓志远", "自治区政协副主席"},         {"米玛次仁", "自治区政府副秘书长"},
    {"彭晓东", "自治区政府副主席"},     {"德央", "自治区人大常委会副主任"},     {"石磊", "自治区政协副主席"},
    {"扎西平措", "自治区政府副秘书长"}, {"蒋文涛", "自治区政府副主席"},         {"仁增卓玛", "自治区人大常委会副主任"},
    {"袁振华", "自治区政协副主席"},     {"其美多吉", "自治区政府副秘书长"},     {"汪建平", "自治区政府副主席"},
    {"央宗", "自治区人大常委会副主任"}, {"夏明远", "自治区政协副主席"},         {"巴桑次仁", "自治区政府副秘书长"},
    {"林正义", "自治区政府副主席"},
}};
constexpr int kCountiesPerLeader = 3;
constexpr std::array<const char*, 8> kLeaderSurnames = {"王", "李", "张", "刘", "陈", "杨", "赵", "周"};
constexpr std::array<const char*, 10> kLeaderGivenNames = {"建国", "志强", "海军", "立新", "卫东",
                                                           "春生", "国华", "明亮", "学军", "红旗"};

constexpr std::array<const char*, 3> kExplanations = {
    "受高海拔地区施工季短的影响，部分项目开工较晚，已拨付资金尚未形成实际支出。",
    "部分项目前期手续（用地、环评）办理时间较长，招标完成后方能支付预付款。",
    "项目按工程进度报账，施工单位报账资料不齐，财政审核后集中支付。",
};
constexpr std::array<const char*, 3> kPlans = {
    "督促施工单位按月报账，下月支出进度提高 5 个百分点以上。",
    "倒排工期，每周调度在建项目，确保已开工项目按进度支付。",
    "县财政局派专人驻点审核，缩短报账时间，月底前完成已验收项目的支付。",
};

/// 10:00 Beijing time on `d` (02:00 UTC).
std::chrono::system_clock::time_point MorningOf(Date d) {
  return std::chrono::system_clock::time_point(std::chrono::hours(24LL * d.days() + 2));
}

std::string MonthText(int month) {
  return "2023-0" + std::to_string(month);
}

}  // namespace

Status App::LoadDemoDispatch() {
  const std::string kRegion = "540000";
  const Actor system = Actor::System();
  const auto saved_clock = options_.clock;
  struct RestoreClock {
    AppOptions& options;
    std::function<std::chrono::system_clock::time_point()> clock;
    ~RestoreClock() { options.clock = clock; }
  } restore{options_, saved_clock};
  auto on = [this](Date d) { options_.clock = [t = MorningOf(d)] { return t; }; };

  // 包保: three counties per leader in tree order; the last county is left uncovered. Every key
  // township has a county leader (the deputy secretary of its county).
  std::vector<std::string> counties;
  std::vector<std::pair<std::string, std::string>> key_townships;  // (township, its county's name)
  {
    auto tree = regions();
    const RegionIndex root = tree->Find(kRegion);
    if (root == kNoRegion) return Status::Ok();
    for (RegionIndex i : tree->DescendantsAtLevel(root, RegionLevel::kCounty)) {
      counties.push_back(tree->node(i).region.code);
    }
    for (RegionIndex i : tree->DescendantsAtLevel(root, RegionLevel::kTownship)) {
      if (!tree->node(i).region.key_township) continue;
      const RegionIndex county = tree->AncestorAtLevel(i, RegionLevel::kCounty);
      key_townships.emplace_back(tree->node(i).region.code,
                                 county == kNoRegion ? std::string() : tree->node(county).region.name);
    }
  }
  if (counties.size() < 2) return Status::Ok();
  on(Date::FromYmd(2023, 1, 5));
  for (std::size_t k = 0; k + 1 < counties.size(); ++k) {
    const Leader& leader = kLeaders[(k / kCountiesPerLeader) % kLeaders.size()];
    BaobaoAssignment a;
    a.region_code = counties[k];
    a.leader_name = leader.name;
    a.post = leader.post;
    a.level = LeaderLevel::kRegion;
    a.username = k < kCountiesPerLeader ? "leader" : "";
    a.period_from = Date::FromYmd(2023, 1, 1);
    a.period_to = Date::FromYmd(2027, 12, 31);
    XJ_RETURN_IF_ERROR(AddBaobao(system, std::move(a)).status());
  }
  for (std::size_t k = 0; k < key_townships.size(); ++k) {
    BaobaoAssignment a;
    a.region_code = key_townships[k].first;
    a.leader_name = std::string(kLeaderSurnames[k % kLeaderSurnames.size()]) +
                    kLeaderGivenNames[(k / kLeaderSurnames.size()) % kLeaderGivenNames.size()];
    a.post = key_townships[k].second + "委副书记";
    a.level = LeaderLevel::kCounty;
    a.period_from = Date::FromYmd(2023, 1, 1);
    a.period_to = Date::FromYmd(2027, 12, 31);
    XJ_RETURN_IF_ERROR(AddBaobao(system, std::move(a)).status());
  }

  // 月调度, January to June: open, file, review, close.
  for (int m = 1; m <= 6; ++m) {
    const std::string month = MonthText(m);
    const Date first_of_next = Date::FromYmd(2023, m + 1, 1);
    on(first_of_next);
    XJ_ASSIGN_OR_RETURN(DispatchView view, OpenDispatch(system, kRegion, month));
    on(first_of_next.AddDays(4));
    int filed = 0;
    for (const SnapshotRow& row : view.rows) {
      if (row.region_level != RegionLevel::kCounty) continue;
      const Indicators& f = row.figures;
      if (!f.expend_progress.defined() || CompareRatios(f.expend_progress, f.time_progress) >= 0) continue;
      DispatchFiling filing;
      filing.region_code = row.region_code;
      filing.explanation = kExplanations[static_cast<std::size_t>(filed + m) % kExplanations.size()];
      filing.next_plan = kPlans[static_cast<std::size_t>(filed + 2 * m) % kPlans.size()];
      XJ_RETURN_IF_ERROR(FileDispatch(system, kRegion, month, std::move(filing)).status());
      ++filed;
    }
    on(view.cycle.deadline.AddDays(1));
    for (const std::string& reviewer : view.cycle.reviewers) {
      XJ_RETURN_IF_ERROR(ReviewDispatch(system, kRegion, month, reviewer).status());
    }
    on(view.cycle.deadline.AddDays(2));
    XJ_RETURN_IF_ERROR(CloseDispatch(system, kRegion, month).status());
  }

  // 点对点提醒 of June's weeks, each generated on its Monday.
  for (int w = 23; w <= 26; ++w) {
    const std::string week = "2023-W" + std::to_string(w);
    on(Date::FromYmd(2023, 6, 5).AddDays(7 * (w - 23)));
    XJ_RETURN_IF_ERROR(GenerateReminders(system, kRegion, week).status());
  }

  // 约谈: the first county of May's list (commitments closed) and of June's list (open).
  for (int m : {5, 6}) {
    const std::string month = MonthText(m);
    XJ_ASSIGN_OR_RETURN(InterviewList list, InterviewCandidates(system, kRegion, month));
    if (list.items.empty()) continue;
    const InterviewCandidate& c = list.items.front();
    const Date date = Date::FromYmd(2023, m + 1, 14);
    on(date);
    Interview i;
    i.region_code = c.region_code;
    i.dispatch_region = kRegion;
    i.month = month;
    i.grade = c.grade;
    i.date = date;
    i.interviewer = "自治区乡村振兴局局长";
    i.interviewees = {c.region_name + "县委书记", c.region_name + "县长"};
    i.attendees = {"自治区财政厅农业农村处", "自治区乡村振兴局规划财务处"};
    InterviewCommitment pay, weekly;
    pay.text = "一个月内完成已验收项目的资金支付";
    pay.deadline = date.AddDays(30);
    weekly.text = "建立项目支出周调度制度，逐项目明确责任人";
    weekly.deadline = date.AddDays(15);
    i.commitments = {pay, weekly};
    XJ_ASSIGN_OR_RETURN(Interview saved, RecordInterview(system, std::move(i)));
    if (m != 5) continue;
    on(date.AddDays(12));
    XJ_RETURN_IF_ERROR(CloseCommitment(system, saved.id, 1, "已建立周调度制度，责任人落实到每个项目").status());
    on(date.AddDays(28));
    XJ_RETURN_IF_ERROR(CloseCommitment(system, saved.id, 0, "已验收项目资金全部支付").status());
  }
  return Status::Ok();
}

}  // namespace xj
