#include "app/account_names.hpp"

#include <string>

namespace xj {

std::optional<std::size_t> Utf8Length(std::string_view s) {
  std::size_t n = 0;
  for (std::size_t i = 0; i < s.size(); ++n) {
    const auto c = static_cast<unsigned char>(s[i]);
    std::size_t len = c < 0x80 ? 1 : (c >> 5) == 0x6 ? 2 : (c >> 4) == 0xe ? 3 : (c >> 3) == 0x1e ? 4 : 0;
    if (len == 0 || i + len > s.size()) return std::nullopt;
    for (std::size_t k = 1; k < len; ++k) {
      if ((static_cast<unsigned char>(s[i + k]) >> 6) != 0x2) return std::nullopt;
    }
    i += len;
  }
  return n;
}

Status ValidateAccountName(std::string_view name) {
  if (name.empty() || name.size() > kMaxAccountNameBytes) {
    return Status::InvalidArgument("用户名长度应为 1–" + std::to_string(kMaxAccountNameBytes) + " 字节");
  }
  if (!Utf8Length(name)) return Status::InvalidArgument("用户名不是合法的 UTF-8 文本");
  for (char c : name) {
    const auto u = static_cast<unsigned char>(c);
    if (u < 0x20 || u == 0x7f) return Status::InvalidArgument("用户名不能包含控制字符");
  }
  if (name.front() == ' ' || name.back() == ' ') return Status::InvalidArgument("用户名首尾不能有空格");
  return Status::Ok();
}

}  // namespace xj
