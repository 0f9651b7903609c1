#pragma once
/// Inquiries and determinations on flags (问询 → 认定, issue #18 point 6): the views and requests
/// of the use cases (App methods in inquiries.cpp; docs/definitions.md §11).

#include <optional>
#include <string>
#include <vector>

#include "core/date.hpp"
#include "domain/inquiry.hpp"

namespace xj {

/// An inquiry as the API shows it: the inquiry, the names of its region and of the unit it is
/// addressed to (the county holding the flag's region), and (for one inquiry) its steps.
struct InquiryView {
  Inquiry inquiry;
  std::string region_name;
  std::string unit_code;  ///< the county that answers (the flag's region when it lies above a county)
  std::string unit_name;
  bool overdue = false;  ///< a due date before today and not answered
  std::vector<InquiryEvent> events;
};

/// What a new inquiry names: the flag (kind and subject, as the flags list shows them), the
/// questions and an optional due date for the answer.
struct NewInquiry {
  std::string flag_kind;
  std::string subject;
  std::string questions;
  std::optional<Date> due_on;
};

/// Filters of the inquiry list: a region subtree (the actor's home when empty), a status, an
/// outcome and a flag kind (each every when empty).
struct InquiryQuery {
  std::string region_code;
  std::string status;
  std::string outcome;
  std::string flag_kind;
};

}  // namespace xj
