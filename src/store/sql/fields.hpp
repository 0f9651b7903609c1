#pragma once
/// Reading one stored row into domain values without trusting it: a date that does not parse
/// or an enum value out of range is remembered, and status() then names the table, the row's
/// key, the column and the value as an Internal error — the same on every backend.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "core/date.hpp"
#include "core/status.hpp"
#include "store/sql/driver.hpp"

namespace xj::sql {

/// 'YYYY-MM-DD' without allocating; nullopt when it is not a valid date.
std::optional<Date> ParseStoredDate(std::string_view text);

class Fields {
 public:
  /// `key` names the row in errors (e.g. the project code); `table` the table it came from.
  Fields(const Row& row, std::string_view table, std::string key) : row_(row), table_(table), key_(std::move(key)) {}

  std::string Text(int col) const { return std::string(row_.Text(col)); }
  std::int64_t Int(int col) const { return row_.Int(col); }
  bool Bool(int col) const { return row_.Int(col) != 0; }
  /// A NOT NULL date column.
  Date DateAt(int col);
  /// A nullable date column.
  std::optional<Date> OptionalDate(int col);
  /// An enum stored as its integer value, which must lie in [lo, hi].
  template <typename E>
  E Enum(int col, int lo, int hi) {
    const std::int64_t v = row_.Int(col);
    if (v < lo || v > hi) Corrupt(col, std::to_string(v));
    return static_cast<E>(v);
  }

  /// A value stored by its name, read back by `parse` (text → std::optional<T>); `fallback`
  /// when the name is unknown.
  template <typename T, typename Parse>
  T Named(int col, Parse parse, T fallback) {
    std::optional<T> v = parse(row_.Text(col));
    if (!v) {
      Corrupt(col, row_.Text(col));
      return fallback;
    }
    return *v;
  }

  /// Ok, or Internal naming the first corrupt column of the row.
  Status status() const { return error_; }

 private:
  void Corrupt(int col, std::string_view value);

  const Row& row_;
  std::string_view table_;
  std::string key_;
  Status error_;
};

/// Text as a parameter, NULL when empty (optional references such as project_code).
Value NullIfEmpty(const std::string& text);
/// A nullable date as a parameter.
Value DateValue(const std::optional<Date>& date);
/// A nullable integer as a parameter.
Value OptionalInt(const std::optional<std::int64_t>& v);
/// An enum as its integer value.
template <typename E>
Value EnumValue(E e) {
  return std::int64_t{static_cast<int>(e)};
}

}  // namespace xj::sql
