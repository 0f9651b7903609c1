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
  return ScheduleProposal{due, std::move(milestones)};
}

bool IsOverdue(const Milestone& m, Date as_of) {
  return m.planned && !m.actual && *m.planned < as_of;
}

int DaysOverdue(const Milestone& m, Date as_of) {
  return IsOverdue(m, as_of) ? as_of.days() - m.planned->days() : 0;
}

}  // namespace xj
