#include "domain/project_details.hpp"

namespace xj {

std::string_view IndicatorKindName(IndicatorKind k) {
  switch (k) {
    case IndicatorKind::kOutput: return "output";
    case IndicatorKind::kBenefit: return "benefit";
    case IndicatorKind::kSatisfaction: return "satisfaction";
  }
  return "output";
}

std::optional<IndicatorKind> ParseIndicatorKind(std::string_view text) {
  if (text == "output" || text == "产出") return IndicatorKind::kOutput;
  if (text == "benefit" || text == "效益") return IndicatorKind::kBenefit;
  if (text == "satisfaction" || text == "满意度") return IndicatorKind::kSatisfaction;
  return std::nullopt;
}

std::string_view ProcurementName(Procurement p) {
  switch (p) {
    case Procurement::kUndecided: return "undecided";
    case Procurement::kTender: return "tender";
    case Procurement::kWorkRelief: return "work_relief";
    case Procurement::kDirect: return "direct";
  }
  return "undecided";
}

std::optional<Procurement> ParseProcurement(std::string_view text) {
  for (Procurement p :
       {Procurement::kUndecided, Procurement::kTender, Procurement::kWorkRelief, Procurement::kDirect}) {
    if (text == ProcurementName(p)) return p;
  }
  return std::nullopt;
}

}  // namespace xj
