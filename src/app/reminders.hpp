#pragma once
/// Weekly point-to-point reminders (点对点提醒, issue #17 point 3): generated per region and ISO
/// week from policy rules over the engine's figures, addressed to a unit, its 包保 leader or a
/// project's 责任人, acknowledged and answered by that recipient; delivered through an outbox
/// whose senders are pluggable (in-app by default; SMS and webhook are a logging interface, no
/// real gateway). docs/definitions.md §7.

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/date.hpp"
#include "core/ratio.hpp"
#include "core/status.hpp"

namespace xj {

/// The kinds of reminder, as the API spells them.
struct ReminderKind {
  static constexpr const char* kCountyBehindTime = "county_behind_time";
  static constexpr const char* kProjectNotStarted = "project_not_started";
  static constexpr const char* kMilestoneOverdue = "milestone_overdue";
  static constexpr const char* kFlagUnresolved = "flag_unresolved";
  /// An allocation received from the superior not passed on to the children / to projects within
  /// the limit (资金分配时效, docs/definitions.md §12).
  static constexpr const char* kLateAllocation = "late_allocation";
  static constexpr const char* kLateDistribution = "late_distribution";
};

/// Who a reminder is addressed to.
struct ReminderRecipient {
  std::string kind;  ///< "unit" | "leader" | "person"
  std::string name;
  std::string region_code;
  std::string username;  ///< a leader's account ('' = none)
};

/// The figure that triggered a reminder and the policy threshold it crossed.
struct ReminderTrigger {
  std::string metric;
  std::int64_t value = 0;      ///< in the metric's unit (points in hundredths, days, fen)
  std::int64_t threshold = 0;  ///< same unit
};

/// One delivery of a reminder through one channel of the outbox.
struct ReminderDelivery {
  std::string channel;  ///< "in_app", "sms", "webhook"
  std::string status;   ///< "pending" | "sent" | "failed"
  std::string at;
};

struct Reminder {
  std::int64_t id = 0;
  std::string week;  ///< "2023-W27"
  std::string kind;
  std::string target_region_code;
  std::string target_region_name;
  std::string project_code;  ///< '' = none
  std::string subject;       ///< what it is about: the milestone's name, the flag's subject
  ReminderRecipient recipient;
  ReminderTrigger triggered_by;
  std::string status = "unread";  ///< "unread" | "acknowledged"
  std::string acknowledged_by, acknowledged_at, reply;
  std::string created_at;
  std::vector<ReminderDelivery> deliveries;
};

/// What one generation did: the week's reminders (new and already there).
struct ReminderBatch {
  std::string region_code;
  std::string week;
  Date as_of;
  int created = 0;
  int existing = 0;
  std::vector<Reminder> items;
};

/// Filters of the reminder list.
struct ReminderQuery {
  std::string region_code;  ///< target subtree; '' = the caller's home region
  std::string week;         ///< '' = every week
  std::string status;       ///< '' | unread | acknowledged
  bool mine = false;        ///< only those the caller may acknowledge (the message centre)
};

/// A channel of the outbox. Send must not block long; a failure leaves the delivery failed.
class ReminderSender {
 public:
  virtual ~ReminderSender() = default;
  virtual std::string channel() const = 0;
  virtual Status Send(const Reminder& reminder) = 0;
};

/// The SMS/webhook stand-in: writes one line per message to stderr (no real gateway).
class LoggingSender final : public ReminderSender {
 public:
  explicit LoggingSender(std::string channel) : channel_(std::move(channel)) {}
  std::string channel() const override { return channel_; }
  Status Send(const Reminder& reminder) override;
  int sent() const { return sent_; }

 private:
  std::string channel_;
  int sent_ = 0;
};

/// Whether time − done > threshold_bp / 10000 exactly (both defined, positive denominators):
/// "behind time progress by more than X points" of the reminders and the interview list.
bool BehindByMoreThan(Ratio time, Ratio done, std::int64_t threshold_bp);

/// "2023-W27" → the Monday of ISO week 27 of 2023; InvalidArgument otherwise.
Result<Date> ParseIsoWeek(std::string_view week);
/// The ISO week of a date, "2023-W27".
std::string IsoWeekOf(Date d);

nlohmann::json ToDoc(const Reminder& r);
Result<Reminder> ReminderFromDoc(const nlohmann::json& j);

}  // namespace xj
