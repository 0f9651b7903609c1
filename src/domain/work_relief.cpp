#include "domain/work_relief.hpp"

#include <array>
#include <map>
#include <set>

namespace xj {
namespace {

struct WorkReliefStatusInfo {
  HouseholdStatus status;
  std::string_view name, label, other_label, english_alias;
};
constexpr std::array<WorkReliefStatusInfo, 3> kWorkReliefStatuses = {{
    {HouseholdStatus::kLifted, "lifted", "脱贫户", "脱贫", "poverty_alleviated"},
    {HouseholdStatus::kMonitored, "monitored", "监测户", "监测对象", "monitoring"},
    {HouseholdStatus::kOrdinary, "ordinary", "一般农户", "一般户", "general"},
}};

struct MethodInfo {
  std::string_view name, label, other_label;
};
constexpr std::array<MethodInfo, 3> kMethods = {{
    {"bank", "银行卡", "银行代发"},
    {"cash", "现金", "现金发放"},
    {"other", "其他", "其它"},
}};

constexpr std::size_t kIdLength = 18;
constexpr std::size_t kMaskKeep = 4;

}  // namespace

std::string_view HouseholdStatusName(HouseholdStatus s) {
  for (const WorkReliefStatusInfo& i : kWorkReliefStatuses) {
    if (i.status == s) return i.name;
  }
  return "unknown";
}

std::string_view HouseholdStatusLabel(HouseholdStatus s) {
  for (const WorkReliefStatusInfo& i : kWorkReliefStatuses) {
    if (i.status == s) return i.label;
  }
  return "未知";
}

std::optional<HouseholdStatus> ParseHouseholdStatus(std::string_view text) {
  for (const WorkReliefStatusInfo& i : kWorkReliefStatuses) {
    if (text == i.name || text == i.label || text == i.other_label || text == i.english_alias) return i.status;
  }
  return std::nullopt;
}

std::optional<std::string> ParseWageMethod(std::string_view text) {
  for (const MethodInfo& i : kMethods) {
    if (text == i.name || text == i.label || text == i.other_label) return std::string(i.name);
  }
  return std::nullopt;
}

std::optional<std::string> NormalizeIdNumber(std::string_view text) {
  if (text.size() != kIdLength) return std::nullopt;
  std::string out(text);
  for (std::size_t i = 0; i < kIdLength; ++i) {
    const char c = out[i];
    if (c >= '0' && c <= '9') continue;
    if (i == kIdLength - 1 && (c == 'x' || c == 'X')) {
      out[i] = 'X';
      continue;
    }
    return std::nullopt;
  }
  return out;
}

std::optional<std::string> NormalizePhone(std::string_view text) {
  constexpr std::size_t kMin = 7, kMax = 20;
  std::string out;
  for (char c : text) {
    if (c == ' ') continue;
    if (!((c >= '0' && c <= '9') || c == '+' || c == '-')) return std::nullopt;
    out.push_back(c);
  }
  if (out.size() < kMin || out.size() > kMax) return std::nullopt;
  return out;
}

std::string MaskNumber(std::string_view number) {
  if (number.size() <= 2 * kMaskKeep) return std::string(number.size(), '*');
  std::string out(number);
  for (std::size_t i = kMaskKeep; i + kMaskKeep < out.size(); ++i) out[i] = '*';
  return out;
}

std::int64_t DivideHalfUp(std::int64_t num, std::int64_t den) {
  if (den <= 0) return 0;
  return (num + den / 2) / den;
}

WorkReliefFigures SummarizeWages(const std::vector<WageFact>& wages, const std::vector<PersonFact>& persons) {
  std::map<std::string_view, const PersonFact*> known;
  for (const PersonFact& p : persons) known[p.person_index] = &p;
  WorkReliefFigures f;
  std::map<std::string_view, std::int64_t> paid;  // person → wages
  std::set<std::string_view> projects;
  for (const WageFact& w : wages) {
    paid[w.person_index] += w.amount_fen;
    projects.insert(w.project_code);
    f.wages_fen += w.amount_fen;
    f.person_days += w.days;
    ++f.payments;
  }
  f.persons = static_cast<std::int64_t>(paid.size());
  f.projects = static_cast<std::int64_t>(projects.size());
  f.wages_per_person_fen = DivideHalfUp(f.wages_fen, f.persons);
  for (HouseholdStatus s : kAllHouseholdStatuses) f.by_household_status.push_back({s, 0, 0});
  for (const auto& [person, amount] : paid) {
    auto it = known.find(person);
    const HouseholdStatus s = it == known.end() ? HouseholdStatus::kOrdinary : it->second->household_status;
    for (WorkReliefFigures::ByStatus& b : f.by_household_status) {
      if (b.status == s) {
        ++b.persons;
        b.wages_fen += amount;
      }
    }
    if (it != known.end() && it->second->relocated) {
      ++f.relocated_persons;
      f.relocated_wages_fen += amount;
    }
  }
  return f;
}

}  // namespace xj
