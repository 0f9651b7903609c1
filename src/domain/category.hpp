#pragma once
/// The project-type catalogue of the national linkage project library (项目类型),
/// with the industry flag that counts toward 产业占比.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace xj {

struct ProjectCategory {
  std::string code;    ///< "0101"
  std::string level1;  ///< 产业发展
  std::string level2;  ///< 生产项目
  bool industry = false;
};

/// Immutable catalogue. Thread-safe for reads.
class CategoryCatalogue {
 public:
  CategoryCatalogue() = default;
  explicit CategoryCatalogue(std::vector<ProjectCategory> categories) : categories_(std::move(categories)) {}

  /// Whether a project of this category / construction content counts as industry
  /// development. Resolves, in order: the category as a code; the construction
  /// content as a level-2 name; the category as a level-2 name; the category as a
  /// level-1 name whose level-2 types all agree. Unknown → false.
  bool IsIndustry(std::string_view category, std::string_view subcategory) const;
  /// Whether the category (code, level-1 or level-2 name) is in the catalogue.
  bool Contains(std::string_view category) const;
  /// The catalogue code of a project's type: the category as a code; else the construction
  /// content as a level-2 name; else the category as a level-2 name; else, for a level-1
  /// name, the first code under it. nullopt when unknown.
  std::optional<std::string> CodeOf(std::string_view category, std::string_view subcategory) const;
  const std::vector<ProjectCategory>& categories() const { return categories_; }

 private:
  std::vector<ProjectCategory> categories_;
};

}  // namespace xj
