#pragma once
/// Supervision in the field (督导, issue #18): visits with their team, dates, the regions and
/// projects they covered and their findings, and the coverage of a region by a period's visits
/// (docs/definitions.md §9). The use cases are App methods (supervision.cpp).

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/date.hpp"
#include "core/ratio.hpp"
#include "domain/rectification.hpp"
#include "domain/supervision.hpp"

namespace xj {

/// A project a visit checked, with the region it lay in when the visit was recorded.
struct CheckedProject {
  std::string project_code;
  std::string region_code;
  std::string name;
};

/// A visit as the API shows it: the regions with their names, the projects with theirs, and
/// only the findings whose unit lies in the reader's scope.
struct SupervisionVisitView {
  SupervisionVisit visit;
  std::string region_name;
  std::vector<std::pair<std::string, std::string>> regions;  ///< covered: code, name
  std::vector<CheckedProject> projects;
};

/// What a new visit records. Findings carry no ids; a finding naming a project may leave its
/// region empty (the project's region is taken).
struct NewSupervisionVisit {
  std::string region_code;  ///< the sending level
  std::string title;
  std::vector<std::string> team;
  Date start_date;
  Date end_date;
  std::vector<std::string> region_codes;
  std::vector<std::string> project_codes;
  std::vector<SupervisionFinding> findings;
};

/// A region (the actor's home region when empty) and a period of visit start dates (open ends when absent).
struct SupervisionQuery {
  std::string region_code;
  std::optional<Date> from;
  std::optional<Date> to;
};

/// A rectification item as the API shows it: the item, its finding, the visit it came from, and
/// (for one item) its steps.
struct RectificationView {
  Rectification item;
  SupervisionFinding finding;
  std::string visit_title;
  Date visit_start;
  std::string region_name;  ///< the unit's name
  bool overdue = false;     ///< deadline before today and not verified
  std::vector<RectificationEvent> events;
};

/// Filters of the rectification list: a region subtree (the actor's home when empty), a status
/// (every when empty), only overdue items, and a period of visit start dates.
struct RectificationQuery {
  std::string region_code;
  std::string status;
  bool overdue_only = false;
  std::optional<Date> from;
  std::optional<Date> to;
};

/// The rectification rate (整改率) of one region for a period (docs/definitions.md §9).
struct RectificationRate {
  std::string region_code;
  std::string name;
  std::int64_t findings = 0;  ///< findings of the period whose unit lies in the subtree
  std::int64_t verified = 0;  ///< of which verified (销号)
  std::int64_t overdue = 0;   ///< of which overdue today
  Ratio rate;                 ///< verified ÷ findings
};

}  // namespace xj
