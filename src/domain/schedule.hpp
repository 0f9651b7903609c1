#pragma once
/// Backward scheduling (倒排工期): from a deadline and the durations of the milestones,
/// the planned date of each milestone and of the start; and what is overdue.

#include <optional>
#include <string>
#include <vector>

#include "core/date.hpp"
#include "core/status.hpp"
#include "domain/project_details.hpp"

namespace xj {

/// Planned dates proposed for a schedule.
struct ScheduleProposal {
  Date start;                         ///< when work must begin
  std::vector<Milestone> milestones;  ///< with `planned` filled, in order
};

/// The last milestone falls on `deadline`; each earlier one `duration_days` of the next before
/// it; the start `duration_days` of the first before that. InvalidArgument for no milestones
/// or a duration below 1.
Result<ScheduleProposal> BackwardSchedule(std::vector<Milestone> milestones, Date deadline);

/// A milestone planned before `as_of` and not yet reached.
bool IsOverdue(const Milestone& m, Date as_of);

/// Days `m` is overdue on `as_of` (0 when it is not).
int DaysOverdue(const Milestone& m, Date as_of);

}  // namespace xj
