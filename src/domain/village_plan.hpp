#pragma once
/// Village plans (一村一策): per village, the goals it pursues and, through the projects'
/// library sheets, the projects that implement them.

#include <cstdint>
#include <string>

namespace xj {

struct VillagePlan {
  std::int64_t id = 0;
  std::string village_code;  ///< a village-level region
  int year = 0;              ///< first plan year
  std::string title;
  std::string goals;  ///< 发展目标
  std::string updated_at;
  bool operator==(const VillagePlan&) const = default;
};

}  // namespace xj
