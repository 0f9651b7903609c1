#pragma once
/// Public posting (公告公示) of library steps: an announcement at a place for a period of at
/// least the policy's posting days (10 by default), with the fields the public needs and
/// the 12317 supervision hotline. A step that requires posting cannot complete before the
/// period has ended, nor while an objection (异议) is unresolved.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/date.hpp"
#include "core/money.hpp"

namespace xj {

/// The national rural-revitalization supervision hotline printed on every posting.
inline constexpr std::string_view kSupervisionHotline = "12317";

/// One announcement of a project step.
struct Posting {
  std::int64_t id = 0;
  std::string project_code;
  std::string region_code;  ///< the project's region
  std::string stage;        ///< the lifecycle action it gates ("admit")
  std::string place;        ///< 公示地点（村务公开栏 …）
  Date start;
  Date end;  ///< last day of the period, inclusive
  std::string hotline = std::string(kSupervisionHotline);
  // What the public sees (snapshot when posted):
  std::string project_name;
  std::string region_name;
  std::string construction_content;
  Fen total_investment;
  Fen central_fund;
  std::string implementing_unit;
  std::string benefit_mechanism;
  std::int32_t households_linked = 0;
  std::string responsible_person;
  std::string created_by;
  std::string created_at;
  bool operator==(const Posting&) const = default;
};

/// An objection raised during a posting.
struct Objection {
  std::int64_t id = 0;
  std::int64_t posting_id = 0;
  std::string project_code;
  Date received_on;
  std::string text;
  bool resolved = false;
  std::string resolution;
  std::optional<Date> resolved_on;
  bool operator==(const Objection&) const = default;
};

/// Whether the lifecycle `action` requires a completed posting first.
bool PostingRequiredFor(std::string_view action);

/// The last day of a posting of `days` days starting on `start` (both inclusive).
/// REQUIRES: days ≥ 1.
Date PostingEnd(Date start, int days);

/// Empty when a posting of `days` days is long enough under `min_days`, else why not.
std::string CheckPostingPeriod(int days, int min_days);

/// Empty when `action` may complete on `today` given the project's postings and objections,
/// else what blocks it (Chinese, with the end date or the open objections).
std::string PostingBlocker(std::string_view action, const std::vector<Posting>& postings,
                           const std::vector<Objection>& objections, Date today);

}  // namespace xj
