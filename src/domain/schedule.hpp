#pragma once
/// Backward scheduling (倒排工期): from a deadline and the durations of the milestones,
/// the planned date of each milestone and of the start; and what is overdue.

#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "core/date.hpp"
#include "core/status.hpp"
#include "domain/project_details.hpp"

namespace xj {

/// A construction season (施工季, docs/definitions.md §7): the months, both inclusive, in which a
/// unit can build. A start month after the end month runs across the new year (11–3).
struct ConstructionSeason {
  int start_month = 1;
  int end_month = 12;
  /// Every month is in season (the default 1–12, or any start = end + 1).
  bool WholeYear() const;
  bool Contains(Date d) const;
  /// The first day of the season `d` lies in; when `d` is out of season, of the next one.
  Date Opening(Date d) const;
  bool operator==(const ConstructionSeason&) const = default;
};

/// The season in force on a day (a policy may change it on a date).
using SeasonOn = std::function<ConstructionSeason(Date)>;

/// A planned date that falls outside its season.
struct ScheduleWarning {
  std::string milestone;
  Date date;
};

/// Planned dates proposed for a schedule.
struct ScheduleProposal {
  Date start;                             ///< when work must begin
  std::vector<Milestone> milestones;      ///< with `planned` filled, in order
  std::vector<ScheduleWarning> warnings;  ///< milestones planned outside the season (only the deadline can be)
};

/// The last milestone falls on `deadline`; each earlier one `duration_days` of the next before
/// it; the start `duration_days` of the first before that. InvalidArgument for no milestones
/// or a duration below 1.
Result<ScheduleProposal> BackwardSchedule(std::vector<Milestone> milestones, Date deadline);

/// The same in working days of a construction season: the work before a milestone planned on D
/// takes its `duration_days` in-season days immediately before D, and the earlier milestone (or
/// the start) falls on the first of them — so with a whole-year season the dates are those of
/// the calendar. A deadline outside its season is kept and warned. InvalidArgument as above, or
/// when the schedule would reach back more than 100 years.
Result<ScheduleProposal> BackwardSchedule(std::vector<Milestone> milestones, Date deadline, const SeasonOn& season);

/// A milestone planned before `as_of` and not yet reached.
bool IsOverdue(const Milestone& m, Date as_of);

/// Days `m` is overdue on `as_of` (0 when it is not).
int DaysOverdue(const Milestone& m, Date as_of);

}  // namespace xj
