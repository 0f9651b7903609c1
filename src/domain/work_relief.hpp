#pragma once
/// Work relief (以工代赈): the roster of a project's workers, the wages paid to them, and the
/// figures rolled up the region tree (issue #20, docs/definitions.md §8). Personal numbers are
/// never held here in clear beyond the use case that encrypts them: rows carry the person's blind
/// index (a keyed hash of the ID number).

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/date.hpp"
#include "core/money.hpp"

namespace xj {

/// 户类型 of a worker. Values are persisted: never renumber.
enum class HouseholdStatus : int {
  kLifted = 1,     ///< 脱贫户
  kMonitored = 2,  ///< 监测户（防止返贫监测对象）
  kOrdinary = 3,   ///< 一般农户
};
/// "lifted" | "monitored" | "ordinary".
std::string_view HouseholdStatusName(HouseholdStatus s);
/// 脱贫户 | 监测户 | 一般农户.
std::string_view HouseholdStatusLabel(HouseholdStatus s);
std::optional<HouseholdStatus> ParseHouseholdStatus(std::string_view text);
inline constexpr HouseholdStatus kAllHouseholdStatuses[] = {HouseholdStatus::kLifted, HouseholdStatus::kMonitored,
                                                            HouseholdStatus::kOrdinary};

/// 发放方式: "bank" 银行卡（代发）, "cash" 现金, "other" 其他.
std::optional<std::string> ParseWageMethod(std::string_view text);

/// A resident ID number (居民身份证号码) normalised: 18 characters, 17 digits then a digit or X
/// (a lower-case x is upper-cased). nullopt for anything else. The check digit is not verified.
std::optional<std::string> NormalizeIdNumber(std::string_view text);
/// A phone number: 7–20 characters of digits, '+', '-' and spaces (spaces removed). nullopt otherwise.
std::optional<std::string> NormalizePhone(std::string_view text);
/// The masked form shown to roles that do not need the number: the first 4 and the last 4
/// characters kept, every other one a '*' (540102199001011234 → 5401**********1234; a phone
/// 13800001234 → 1380***1234). Texts of 8 characters or fewer are masked whole.
std::string MaskNumber(std::string_view number);

/// A worker on a project's roster (务工人员花名册), with the personal numbers in clear (as
/// entered or decrypted for a role that may see them).
struct ReliefWorker {
  std::string project_code;
  std::string name;
  std::string id_number;   ///< normalised (NormalizeIdNumber)
  std::string phone = {};  ///< '' when not given
  HouseholdStatus household_status = HouseholdStatus::kOrdinary;
  bool relocated = false;    ///< 搬迁户
  std::string village = {};  ///< 所在村
  std::string team = {};     ///< 农牧民施工队 the worker belongs to, '' when none
};

/// A wage payment (劳务报酬发放) to a worker of a project.
struct ReliefWage {
  std::string project_code;
  std::string id_number;  ///< the worker's, as on the roster
  Date paid_on;
  Fen amount;
  std::int32_t days = 0;  ///< days worked that the payment covers
  std::string method = "bank";
};

/// A stored wage as the roll-up reads it: whose (blind index) and what.
struct WageFact {
  std::string project_code;
  std::string region_code;
  std::string person_index;
  Date paid_on;
  std::int64_t amount_fen = 0;
  std::int32_t days = 0;
};

/// What the roll-up knows of a person: the household status and relocation flag of the
/// person's latest roster row.
struct PersonFact {
  std::string person_index;
  HouseholdStatus household_status = HouseholdStatus::kOrdinary;
  bool relocated = false;
};

/// The work-relief figures of a set of wages (docs/definitions.md §8).
struct WorkReliefFigures {
  std::int64_t persons = 0;  ///< distinct people paid (by blind index), not rows
  std::int64_t wages_fen = 0;
  std::int64_t wages_per_person_fen = 0;  ///< wages_fen ÷ persons rounded half up; 0 without persons
  std::int64_t person_days = 0;
  std::int64_t payments = 0;  ///< wage rows
  std::int64_t projects = 0;  ///< distinct projects with wages
  struct ByStatus {
    HouseholdStatus status;
    std::int64_t persons = 0;
    std::int64_t wages_fen = 0;
  };
  std::vector<ByStatus> by_household_status;  ///< every status, in kAllHouseholdStatuses order
  std::int64_t relocated_persons = 0;
  std::int64_t relocated_wages_fen = 0;
};

/// Rolls `wages` up: distinct persons, sums, shares by the household status `persons` give
/// (a person missing from `persons` counts as 一般农户).
WorkReliefFigures SummarizeWages(const std::vector<WageFact>& wages, const std::vector<PersonFact>& persons);

/// num ÷ den rounded half up, for non-negative num and positive den; 0 when den is 0.
std::int64_t DivideHalfUp(std::int64_t num, std::int64_t den);

}  // namespace xj
