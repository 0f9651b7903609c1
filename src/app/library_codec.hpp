#pragma once
/// JSON form of the project library's records (项目库记录): how they are stored in
/// `library_records.doc` and how the API spells them (the same shape, so the HTTP layer
/// reuses these codecs). Decoding checks types and values and names the offending field.

#include <nlohmann/json.hpp>

#include "core/status.hpp"
#include "domain/compliance.hpp"
#include "domain/joint_review.hpp"
#include "domain/posting.hpp"
#include "domain/project_details.hpp"
#include "domain/reference_data.hpp"
#include "domain/village_plan.hpp"
#include "store/store.hpp"

namespace xj {

/// Record kinds of `library_records`.
struct LibraryKind {
  static constexpr const char* kProjectSheet = "project_sheet";
  static constexpr const char* kReviewDepartments = "review_departments";
  static constexpr const char* kSignoff = "signoff";
  static constexpr const char* kComplianceReview = "compliance_review";
  static constexpr const char* kObjection = "objection";
  static constexpr const char* kVillagePlan = "village_plan";
};

/// One recorded compliance review (the findings as they were on the review date).
struct ComplianceReview {
  std::string on;  ///< review date
  std::string actor;
  std::string at;
  bool passed = true;  ///< no blocking finding
  std::vector<ComplianceFinding> findings;
};

nlohmann::json ToJson(const ProjectDetails& d);
Result<ProjectDetails> ProjectDetailsFromJson(const nlohmann::json& j);

nlohmann::json ToJson(const ReferenceItem& r);
Result<ReferenceItem> ReferenceItemFromJson(const nlohmann::json& j);

nlohmann::json ToJson(const ReviewDepartments& r);
Result<ReviewDepartments> ReviewDepartmentsFromJson(const nlohmann::json& j);

nlohmann::json ToJson(const Signoff& s);
Result<Signoff> SignoffFromJson(const nlohmann::json& j);

nlohmann::json ToJson(const ComplianceFinding& f);
nlohmann::json ToJson(const ComplianceReview& r);
Result<ComplianceReview> ComplianceReviewFromJson(const nlohmann::json& j);

nlohmann::json ToJson(const Posting& p);
Result<Posting> PostingFromJson(const nlohmann::json& j);

nlohmann::json ToJson(const Objection& o);
Result<Objection> ObjectionFromJson(const nlohmann::json& j);

nlohmann::json ToJson(const VillagePlan& v);
Result<VillagePlan> VillagePlanFromJson(const nlohmann::json& j);

nlohmann::json ToJson(const Milestone& m);

/// Parses stored JSON text; Internal when it is damaged.
Result<nlohmann::json> ParseStoredDoc(const std::string& text);

/// The Internal error for a stored record that does not decode: it names the record's kind and id
/// (and the decoder's reason) so an operator can find and mend it.
Status DamagedRecord(const LibraryRecord& r, const Status& why);

/// Decodes one stored library record with `decode` (one of the `...FromJson` above). A damaged
/// record is an Internal error naming it — never skipped: a list or a check that silently left a
/// record out would be wrong without anyone knowing.
template <typename Decode>
auto DecodeStored(const LibraryRecord& r, Decode decode) -> decltype(decode(nlohmann::json{})) {
  Result<nlohmann::json> j = ParseStoredDoc(r.doc);
  if (!j.ok()) return DamagedRecord(r, j.status());
  auto v = decode(*j);
  if (!v.ok()) return DamagedRecord(r, v.status());
  return v;
}

}  // namespace xj
