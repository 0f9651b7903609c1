#pragma once
/// 约谈 (issue #17 point 4): the graded list a dispatch produces from policy rules (提醒谈话 →
/// 约谈 → 问责建议), the interviews recorded for it and their commitments followed to closure,
/// and whether the next dispatch shows the county improved (docs/definitions.md §7). Interviews
/// are documents of `dispatch_records` (kind "interview").

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/date.hpp"
#include "core/ratio.hpp"
#include "core/status.hpp"

namespace xj {

/// How many earlier months the streak of a county looks back over (the grade stops rising at 3).
inline constexpr int kMaxInterviewStreak = 24;

/// The grade of the interview list, escalating with the streak of dispatches a county qualifies in.
enum class InterviewGrade { kReminderTalk = 1, kInterview = 2, kAccountability = 3 };
/// "reminder_talk" (提醒谈话) | "interview" (约谈) | "accountability" (问责建议).
const char* InterviewGradeName(InterviewGrade grade);
std::optional<InterviewGrade> ParseInterviewGrade(std::string_view name);
/// The grade of a streak of `streak` ≥ 1 consecutive qualifying dispatches: 1, 2, 3 or more.
InterviewGrade GradeOfStreak(int streak);

/// Why a county qualifies in one dispatch (both may hold).
struct InterviewReasons {
  bool bottom_n = false;                    ///< in the bottom N of its ranking
  bool behind_time_at_quarter_end = false;  ///< quarter-end month, behind time by more than Z points
  bool any() const { return bottom_n || behind_time_at_quarter_end; }
};

/// One county of the graded list (约谈名单) of a dispatch.
struct InterviewCandidate {
  std::string region_code;
  std::string region_name;
  std::optional<int> rank;
  int rank_size = 0;
  Ratio expend_progress;
  Ratio time_progress;
  InterviewReasons reasons;
  int streak = 1;  ///< consecutive months, ending with this one, in which it qualified
  InterviewGrade grade = InterviewGrade::kReminderTalk;
};

/// The graded list of one dispatch cycle, with the thresholds it applied.
struct InterviewList {
  std::string region_code;
  std::string month;
  std::int64_t bottom_n = 0;
  std::int64_t behind_time_bp = 0;
  bool quarter_end = false;
  std::vector<InterviewCandidate> items;  ///< in tree order
};

/// A commitment made at an interview (整改承诺), followed until it is closed.
struct InterviewCommitment {
  std::string text;
  Date deadline;
  bool closed = false;
  std::string closed_by, closed_at, note;
};

/// A recorded interview (约谈记录) of a county, taken from a dispatch's graded list.
struct Interview {
  std::int64_t id = 0;
  std::string region_code;  ///< the county interviewed
  std::string region_name;
  std::string dispatch_region;  ///< the dispatch it follows: its region and month
  std::string month;
  InterviewGrade grade = InterviewGrade::kInterview;
  Date date;
  std::string interviewer;                ///< by whom (约谈人)
  std::vector<std::string> interviewees;  ///< who was interviewed (被约谈人)
  std::vector<std::string> attendees;     ///< 参加人员
  std::vector<InterviewCommitment> commitments;
  std::string created_by, created_at;
  // Shown, not stored: the county's expenditure progress in the interview's dispatch and in the
  // next month's dispatch of the same region (undefined until it is opened).
  Ratio progress_before;
  std::optional<std::string> next_month;
  Ratio progress_after;
  std::optional<bool> improved;  ///< after > before; nullopt until the next dispatch or without figures
};

/// `open` while a commitment is open, then `closed`.
inline bool InterviewClosed(const Interview& i) {
  for (const InterviewCommitment& c : i.commitments) {
    if (!c.closed) return false;
  }
  return true;
}

nlohmann::json ToDoc(const Interview& i);
Result<Interview> InterviewFromDoc(const nlohmann::json& j);

}  // namespace xj
