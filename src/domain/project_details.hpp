#pragma once
/// What a county bureau fills in for a library project beyond the interchange columns
/// (项目库填报内容): the investment split by fund source, the implementing unit, the
/// 联农带农 mechanism, performance targets and the list-management fields
/// (清单化管理: 时间表、任务书、路线图、责任人).

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/date.hpp"
#include "core/money.hpp"
#include "domain/ledger.hpp"

namespace xj {

/// One fund source's share of the total investment (资金来源构成).
struct FundShare {
  FundSource source = FundSource::kCentral;
  Fen amount;
  bool operator==(const FundShare&) const = default;
};

/// Kinds of performance indicator (绩效目标). Values are persisted: never renumber.
enum class IndicatorKind : int {
  kOutput = 1,        ///< 产出指标
  kBenefit = 2,       ///< 效益指标
  kSatisfaction = 3,  ///< 满意度指标
};
std::string_view IndicatorKindName(IndicatorKind k);
std::optional<IndicatorKind> ParseIndicatorKind(std::string_view text);

/// One performance target with its target value as written (e.g. "≥95%", "12 公里").
struct PerformanceTarget {
  IndicatorKind kind = IndicatorKind::kOutput;
  std::string name;
  std::string target;
  bool operator==(const PerformanceTarget&) const = default;
};

/// One milestone of the project's schedule (时间表).
struct Milestone {
  std::string name;
  int duration_days = 0;  ///< planned working time before the milestone is reached
  std::optional<Date> planned;
  std::optional<Date> actual;
  bool operator==(const Milestone&) const = default;
};

/// How the project is procured (实施方式). Values are persisted: never renumber.
enum class Procurement : int {
  kUndecided = 0,   ///< 未确定
  kTender = 1,      ///< 公开招标
  kWorkRelief = 2,  ///< 以工代赈
  kDirect = 3,      ///< 直接委托 / 村民自建
};
std::string_view ProcurementName(Procurement p);
std::optional<Procurement> ParseProcurement(std::string_view text);

/// The project's library sheet. Every field is optional; an imported project has none.
struct ProjectDetails {
  std::vector<FundShare> funds;           ///< investment by fund source
  std::string implementing_unit;          ///< 实施单位
  std::string construction_content;       ///< 建设内容及规模（详细）
  std::string fund_uses;                  ///< 资金用途（合规性审核对照负面清单）
  std::string benefit_mechanism;          ///< 联农带农机制
  std::int32_t households_exited = 0;     ///< 带动脱贫户（户）
  std::int32_t households_monitored = 0;  ///< 带动监测户（户）
  std::vector<PerformanceTarget> targets;
  std::vector<Milestone> milestones;
  std::string task_book;            ///< 任务书
  std::string roadmap;              ///< 路线图
  std::string responsible_contact;  ///< 责任人联系电话
  Procurement procurement = Procurement::kUndecided;
  bool work_relief_considered = false;  ///< 以工代赈已研究（不适用时须说明）
  std::string work_relief_note;
  std::int64_t village_plan_id = 0;  ///< 一村一策 plan this project implements, 0 = none
  bool operator==(const ProjectDetails&) const = default;
};

}  // namespace xj
