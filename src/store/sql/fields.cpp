#include "store/sql/fields.hpp"

namespace xj::sql {

std::optional<Date> ParseStoredDate(std::string_view t) {
  if (t.size() != 10 || t[4] != '-' || t[7] != '-') return std::nullopt;
  int v[3] = {0, 0, 0};
  const int pos[3][2] = {{0, 4}, {5, 2}, {8, 2}};
  for (int i = 0; i < 3; ++i) {
    for (int k = 0; k < pos[i][1]; ++k) {
      const char c = t[static_cast<std::size_t>(pos[i][0] + k)];
      if (c < '0' || c > '9') return std::nullopt;
      v[i] = v[i] * 10 + (c - '0');
    }
  }
  if (!Date::IsValidYmd(v[0], v[1], v[2])) return std::nullopt;
  return Date::FromYmd(v[0], v[1], v[2]);
}

Date Fields::DateAt(int col) {
  const std::string_view text = row_.Text(col);
  auto d = ParseStoredDate(text);
  if (!d || row_.IsNull(col)) {
    Corrupt(col, row_.IsNull(col) ? "NULL" : text);
    return Date();
  }
  return *d;
}

std::optional<Date> Fields::OptionalDate(int col) {
  if (row_.IsNull(col)) return std::nullopt;
  const std::string_view text = row_.Text(col);
  auto d = ParseStoredDate(text);
  if (!d) Corrupt(col, text);
  return d;
}

void Fields::Corrupt(int col, std::string_view value) {
  if (!error_.ok()) return;
  error_ = Status::Internal("存储的数据已损坏：表 " + std::string(table_) + " 中 " + key_ + " 的 " +
                            row_.ColumnName(col) + " 值「" + std::string(value) + "」无效");
}

Value NullIfEmpty(const std::string& text) {
  if (text.empty()) return std::monostate{};
  return text;
}

Value DateValue(const std::optional<Date>& date) {
  if (!date) return std::monostate{};
  return date->ToString();
}

Value OptionalInt(const std::optional<std::int64_t>& v) {
  return v ? Value(*v) : Value();
}

}  // namespace xj::sql
