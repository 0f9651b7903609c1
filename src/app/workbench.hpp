#pragma once
/// 工作台 (issue #21 point 3): what waits for the caller, by kind, each with its count and the first
/// few items, all within the caller's scope and for what the caller's role acts on. Every count is
/// defined in docs/definitions.md §14. Read through the App's own use cases (each checks role and
/// scope again); a kind the role does not act on is left out. Writes nothing.

#include <cstdint>
#include <string>
#include <vector>

#include "app/app.hpp"

namespace xj {

/// One thing waiting, as the workbench lists it.
struct WorkbenchItem {
  std::string key;          ///< the record's own key: project code, flag subject, job id, reminder id …
  std::string title;        ///< what it is, in Chinese
  std::string detail;       ///< the state or the reason it waits, in Chinese
  std::string region_code;  ///< the region it belongs to ('' when none)
  std::string date;         ///< the date that matters (posting end, deadline, …), YYYY-MM-DD; '' when none
  std::string link;         ///< the screen that handles it ("/projects/XZ-…"), '' when none
};

/// One kind of waiting things.
struct WorkbenchSection {
  std::string
      kind;  ///< reviews | postings_ending | objections | flags | inquiries | imports | reminders | rectifications
  std::string label;  ///< 待审核项目 …
  std::int64_t count = 0;
  std::vector<WorkbenchItem> items;  ///< the first WorkbenchOptions::items, most urgent first
  std::string link;                  ///< the screen listing all of them
};

struct Workbench {
  Date as_of;
  /// "dashboard" for leaders (their landing page is the wall chart), "workbench" for every other role.
  std::string landing;
  std::int64_t total = 0;  ///< the sum of the counts: the header bell
  std::vector<WorkbenchSection> sections;
};

/// How far ahead postings count as ending soon, and how many items a section lists.
struct WorkbenchOptions {
  int posting_days = 3;
  int objection_window_days = 30;
  int import_days = 7;
  std::size_t items = 5;
};

/// The caller's workbench on `today` (the date in Beijing time).
Result<Workbench> BuildWorkbench(App& app, const Actor& actor, Date today, WorkbenchOptions options = {});

}  // namespace xj
