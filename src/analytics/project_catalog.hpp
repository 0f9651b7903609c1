#pragma once
/// The project library's list view (项目库列表), in memory: projects ordered by the
/// depth-first index of their region, so a region subtree is one contiguous slice;
/// filters and text search scan only that slice.

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "core/money.hpp"
#include "domain/project.hpp"
#include "domain/region_tree.hpp"

namespace xj {

/// The filters of a project list request. Empty/nullopt = no filter.
struct ProjectFilter {
  RegionIndex region = kNoRegion;  ///< subtree root; kNoRegion = everything
  std::optional<int> year;
  std::optional<ProjectState> state;
  std::string category;  ///< code, level-1 or level-2 name as stored
  std::string text;      ///< substring of the code, name or responsible person
  int page = 1;          ///< 1-based
  int page_size = 20;
};

/// One row of the list.
struct ProjectRowView {
  std::string project_code;
  std::string name;
  int year = 0;
  RegionIndex region = kNoRegion;
  std::string category;
  ProjectState status = ProjectState::kDraft;
  Fen central_fund;
  Fen total_investment;
  std::string responsible_person;
  std::optional<Date> planned_start;
  bool started = false;  ///< has an actual start
};

struct ProjectPageView {
  std::vector<ProjectRowView> items;
  std::int64_t total = 0;
};

/// Not thread-safe: guarded by the App's state lock like the engine.
class ProjectCatalog {
 public:
  explicit ProjectCatalog(const RegionTree* tree) : tree_(tree) {}
  /// Loading: any order, then Finish().
  void Load(const Project& p);
  void Finish();
  /// Inserts or replaces (by code) after loading.
  void Upsert(const Project& p);
  ProjectPageView Query(const ProjectFilter& f) const;
  /// Calls `fn` for every row of the region's subtree (everything for kNoRegion), in list order.
  void ForEachIn(RegionIndex region, const std::function<void(const ProjectRowView&)>& fn) const;
  std::size_t size() const { return rows_.size(); }

 private:
  static bool Less(const ProjectRowView& a, const ProjectRowView& b);
  ProjectRowView RowOf(const Project& p) const;
  const RegionTree* tree_;
  std::vector<ProjectRowView> rows_;  // sorted by (region, code) after Finish
};

}  // namespace xj
