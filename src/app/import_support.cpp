#include "app/import_support.hpp"

#include <nlohmann/json.hpp>

namespace xj {

Status OutOfScope(const std::vector<FieldError>& rows) {
  std::string msg = "超出数据范围：共" + std::to_string(rows.size()) + "行的区划不在本账户管辖范围内（第";
  constexpr std::size_t kNamed = 10;
  for (std::size_t i = 0; i < rows.size() && i < kNamed; ++i) msg += (i ? "、" : "") + std::to_string(rows[i].row);
  return Status::PermissionDenied(msg + (rows.size() > kNamed ? "…行）" : "行）"));
}

Status ImportRejected(std::string_view what, std::vector<FieldError> errors) {
  std::string message = std::string(what) + "导入被拒绝：共" + std::to_string(errors.size()) + "处错误";
  return Status::Rejected(std::move(message), std::move(errors));
}

std::string BatchSummary(const std::vector<std::string>& keys) {
  constexpr std::size_t kListed = 100;
  nlohmann::json j = {{"count", keys.size()}};
  if (keys.size() <= kListed) {
    j["keys"] = keys;
  } else {
    j["first"] = keys.front();
    j["last"] = keys.back();
  }
  return j.dump();
}

}  // namespace xj
