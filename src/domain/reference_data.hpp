#pragma once
/// Versioned reference data (参考数据) checked by the compliance review: the 13
/// departments' construction-content guidelines (建设内容指引) and the negative list
/// (负面清单). Every item has an effective date; a later version of the same code
/// replaces it from its own date, and a retired version removes it.

#include <string>
#include <string_view>
#include <vector>

#include "core/date.hpp"

namespace xj {

/// Kinds of reference item. Spelled as persisted.
struct ReferenceKind {
  static constexpr std::string_view kGuideline = "guideline";  ///< 建设内容指引
  static constexpr std::string_view kNegative = "negative";    ///< 负面清单
};

/// One version of one reference item.
struct ReferenceItem {
  std::string kind;  ///< ReferenceKind
  std::string code;  ///< "G-NY-01", "N03"
  Date effective_from;
  bool retired = false;               ///< this version withdraws the item
  std::string department;             ///< guideline: issuing department (农业农村部门 …)
  std::string category_code;          ///< guideline: project-type code it covers ("0101")
  std::string text;                   ///< the guideline's content or the negative-list use
  std::vector<std::string> keywords;  ///< negative list: words that reveal the use
  std::string source;                 ///< document it comes from
  bool operator==(const ReferenceItem&) const = default;
};

/// Immutable set of every version of every item. Thread-safe for reads.
class ReferenceCatalog {
 public:
  ReferenceCatalog() = default;
  explicit ReferenceCatalog(std::vector<ReferenceItem> versions) : versions_(std::move(versions)) {}

  /// The items of `kind` in force on `date`: for each code the latest version effective on or
  /// before `date`, unless that version is retired. Ordered by code.
  std::vector<ReferenceItem> InForce(std::string_view kind, Date date) const;
  const std::vector<ReferenceItem>& versions() const { return versions_; }

 private:
  std::vector<ReferenceItem> versions_;
};

/// A negative-list item (负面清单) a text reveals, and the word that revealed it.
struct NegativeListHit {
  ReferenceItem item;
  std::string keyword;
};
/// The negative-list items in force on `date` whose keywords appear in `text`, by code (at
/// most one hit per item). Checked at review (the project's uses) and at payment (an entry's
/// purpose/note), docs/definitions.md.
std::vector<NegativeListHit> FindNegativeListHits(std::string_view text, const ReferenceCatalog& catalog, Date date);
/// The same against the negative-list items already in force (`catalog.InForce(kNegative, date)`).
std::vector<NegativeListHit> FindNegativeListHits(std::string_view text, const std::vector<ReferenceItem>& in_force);

/// Checks an item an administrator submits: empty when valid, else what is missing (Chinese).
std::string CheckReferenceItem(const ReferenceItem& item);

}  // namespace xj
