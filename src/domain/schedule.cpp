#include "domain/schedule.hpp"

namespace xj {

Result<ScheduleProposal> BackwardSchedule(std::vector<Milestone> milestones, Date deadline) {
  if (milestones.empty()) return Status::InvalidArgument("倒排工期至少需要一个节点");
  for (const Milestone& m : milestones) {
    if (m.duration_days < 1) return Status::InvalidArgument("节点「" + m.name + "」的工期应为正整数天");
  }
  Date due = deadline;
  for (auto it = milestones.rbegin(); it != milestones.rend(); ++it) {
    it->planned = due;
    due = due.AddDays(-it->duration_days);
  }
  return ScheduleProposal{due, std::move(milestones), {}};
}

bool ConstructionSeason::WholeYear() const {
  return end_month % 12 + 1 == start_month;
}

bool ConstructionSeason::Contains(Date d) const {
  const int m = d.month();
  return start_month <= end_month ? start_month <= m && m <= end_month : m >= start_month || m <= end_month;
}

Date ConstructionSeason::Opening(Date d) const {
  const int y = d.year();
  const int m = d.month();
  if (Contains(d)) {
    // Across the new year, January–end belongs to the season opened the year before.
    return Date::FromYmd(start_month <= end_month || m >= start_month ? y : y - 1, start_month, 1);
  }
  // Out of season: the next opening is this year's unless this year's has passed.
  return Date::FromYmd(start_month <= end_month && m > end_month ? y + 1 : y, start_month, 1);
}

Result<ScheduleProposal> BackwardSchedule(std::vector<Milestone> milestones, Date deadline, const SeasonOn& season) {
  if (milestones.empty()) return Status::InvalidArgument("倒排工期至少需要一个节点");
  for (const Milestone& m : milestones) {
    if (m.duration_days < 1) return Status::InvalidArgument("节点「" + m.name + "」的工期应为正整数天");
  }
  const Date limit = deadline.AddDays(-36'525);
  std::vector<ScheduleWarning> warnings;
  if (!season(deadline).Contains(deadline)) warnings.push_back({milestones.back().name, deadline});
  Date due = deadline;
  for (auto it = milestones.rbegin(); it != milestones.rend(); ++it) {
    it->planned = due;
    // Step back over `duration_days` in-season days; the milestone before falls on the last one.
    for (int counted = 0; counted < it->duration_days;) {
      due = due.AddDays(-1);
      if (due < limit) return Status::InvalidArgument("施工季内的工期过长：倒排超过 100 年");
      if (season(due).Contains(due)) ++counted;
    }
  }
  return ScheduleProposal{due, std::move(milestones), std::move(warnings)};
}

bool IsOverdue(const Milestone& m, Date as_of) {
  return m.planned && !m.actual && *m.planned < as_of;
}

int DaysOverdue(const Milestone& m, Date as_of) {
  return IsOverdue(m, as_of) ? as_of.days() - m.planned->days() : 0;
}

}  // namespace xj
