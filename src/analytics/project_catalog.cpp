#include "analytics/project_catalog.hpp"

#include <algorithm>
#include <cstdint>

namespace xj {

bool ProjectCatalog::Less(const ProjectRowView& a, const ProjectRowView& b) {
  return a.region != b.region ? a.region < b.region : a.project_code < b.project_code;
}

ProjectRowView ProjectCatalog::RowOf(const Project& p) const {
  return {p.project_code,
          p.name,
          p.year,
          tree_->Find(p.region_code),
          p.category,
          p.status,
          p.central_fund,
          p.total_investment,
          p.responsible_person,
          p.planned_start,
          p.actual_start.has_value()};
}

void ProjectCatalog::Load(const Project& p) {
  rows_.push_back(RowOf(p));
}

void ProjectCatalog::Finish() {
  // Sort small keys (strings compared only within a region), then move each row once.
  struct Key {
    RegionIndex region;
    std::uint32_t index;
  };
  std::vector<Key> keys(rows_.size());
  for (std::size_t i = 0; i < rows_.size(); ++i) keys[i] = {rows_[i].region, static_cast<std::uint32_t>(i)};
  std::sort(keys.begin(), keys.end(), [&](const Key& a, const Key& b) {
    return a.region != b.region ? a.region < b.region : rows_[a.index].project_code < rows_[b.index].project_code;
  });
  std::vector<ProjectRowView> sorted;
  sorted.reserve(rows_.size());
  for (const Key& k : keys) sorted.push_back(std::move(rows_[k.index]));
  rows_ = std::move(sorted);
}

void ProjectCatalog::Upsert(const Project& p) {
  ProjectRowView row = RowOf(p);
  auto it = std::lower_bound(rows_.begin(), rows_.end(), row, Less);
  if (it != rows_.end() && it->project_code == row.project_code && it->region == row.region) {
    *it = std::move(row);
  } else {
    rows_.insert(it, std::move(row));
  }
}

void ProjectCatalog::ForEachIn(RegionIndex region, const std::function<void(const ProjectRowView&)>& fn) const {
  auto first = rows_.begin(), last = rows_.end();
  if (region != kNoRegion) {
    const RegionIndex end = tree_->node(region).subtree_end;
    first = std::lower_bound(rows_.begin(), rows_.end(), region,
                             [](const ProjectRowView& r, RegionIndex i) { return r.region < i; });
    last =
        std::lower_bound(first, rows_.end(), end, [](const ProjectRowView& r, RegionIndex i) { return r.region < i; });
  }
  for (auto it = first; it != last; ++it) fn(*it);
}

ProjectPageView ProjectCatalog::Query(const ProjectFilter& f) const {
  auto first = rows_.begin(), last = rows_.end();
  if (f.region != kNoRegion) {
    const RegionIndex end = tree_->node(f.region).subtree_end;
    first = std::lower_bound(rows_.begin(), rows_.end(), f.region,
                             [](const ProjectRowView& r, RegionIndex i) { return r.region < i; });
    last =
        std::lower_bound(first, rows_.end(), end, [](const ProjectRowView& r, RegionIndex i) { return r.region < i; });
  }
  ProjectPageView page;
  const std::int64_t skip = static_cast<std::int64_t>(std::max(0, f.page - 1)) * f.page_size;
  for (auto it = first; it != last; ++it) {
    const ProjectRowView& r = *it;
    if (f.year && r.year != *f.year) continue;
    if (f.state && r.status != *f.state) continue;
    if (!f.category.empty() && r.category != f.category) continue;
    if (!f.text.empty() && r.name.find(f.text) == std::string::npos &&
        r.project_code.find(f.text) == std::string::npos && r.responsible_person.find(f.text) == std::string::npos) {
      continue;
    }
    if (page.total >= skip && static_cast<int>(page.items.size()) < f.page_size) page.items.push_back(r);
    ++page.total;
  }
  return page;
}

}  // namespace xj
