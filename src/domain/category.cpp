#include "domain/category.hpp"

namespace xj {

bool CategoryCatalogue::IsIndustry(std::string_view category, std::string_view subcategory) const {
  for (const auto& c : categories_) {
    if (c.code == category) return c.industry;
  }
  if (!subcategory.empty()) {
    for (const auto& c : categories_) {
      if (c.level2 == subcategory) return c.industry;
    }
  }
  for (const auto& c : categories_) {
    if (c.level2 == category) return c.industry;
  }
  bool found = false, all_industry = true, any_industry = false;
  for (const auto& c : categories_) {
    if (c.level1 != category) continue;
    found = true;
    all_industry = all_industry && c.industry;
    any_industry = any_industry || c.industry;
  }
  return found && all_industry && any_industry;
}

bool CategoryCatalogue::Contains(std::string_view category) const {
  for (const auto& c : categories_) {
    if (c.code == category || c.level1 == category || c.level2 == category) return true;
  }
  return false;
}

std::optional<std::string> CategoryCatalogue::CodeOf(std::string_view category, std::string_view subcategory) const {
  for (const auto& c : categories_) {
    if (c.code == category) return c.code;
  }
  if (!subcategory.empty()) {
    for (const auto& c : categories_) {
      if (c.level2 == subcategory && (c.level1 == category || c.level2 == category)) return c.code;
    }
  }
  for (const auto& c : categories_) {
    if (c.level2 == category || c.level1 == category) return c.code;
  }
  return std::nullopt;
}

}  // namespace xj
