#pragma once
/// Status and Result<T>: expected failures as values (docs/style.md rule 3).

#include <cassert>
#include <optional>
#include <string>
#include <utility>
#include <variant>
#include <vector>

namespace xj {

/// Small, stable set of failure kinds. Values are persisted in logs: never renumber.
enum class ErrorCode : int {
  kOk = 0,
  kInvalidArgument = 1,
  kNotFound = 2,
  kAlreadyExists = 3,
  kConflict = 4,
  kPermissionDenied = 5,
  kUnauthenticated = 6,
  kUnavailable = 7,
  kInternal = 8,
  kTooLarge = 9,
  kTooManyRequests = 10,
  kStorageFull = 11,  ///< the database's disk (or its configured size) is full: writes refused, reads served
};

/// Stable snake_case name of a code, used as the `code` of JSON error bodies.
const char* ErrorCodeName(ErrorCode code);

/// One problem found in one cell of an imported file (or one field of a request).
/// `row` is 1-based as a spreadsheet shows it (the header is row 1); 0 = not row-bound.
struct FieldError {
  std::string sheet;  ///< sheet name for XLSX, empty for CSV and API input
  int row = 0;
  std::string column;    ///< column name as the interchange format spells it (English)
  int column_index = 0;  ///< 1-based column number in the file, 0 when unknown
  std::string value;     ///< offending cell text (truncated by the producer)
  std::string code;      ///< stable machine-readable reason, e.g. "unknown_parent"
  std::string message;   ///< human-readable reason in Chinese
};

/// The outcome of an operation that returns no value.
class [[nodiscard]] Status {
 public:
  Status() = default;
  static Status Ok() { return {}; }
  static Status InvalidArgument(std::string msg) { return {ErrorCode::kInvalidArgument, std::move(msg)}; }
  static Status NotFound(std::string msg) { return {ErrorCode::kNotFound, std::move(msg)}; }
  static Status AlreadyExists(std::string msg) { return {ErrorCode::kAlreadyExists, std::move(msg)}; }
  static Status Conflict(std::string msg) { return {ErrorCode::kConflict, std::move(msg)}; }
  static Status PermissionDenied(std::string msg) { return {ErrorCode::kPermissionDenied, std::move(msg)}; }
  static Status Unauthenticated(std::string msg) { return {ErrorCode::kUnauthenticated, std::move(msg)}; }
  static Status Unavailable(std::string msg) { return {ErrorCode::kUnavailable, std::move(msg)}; }
  static Status Internal(std::string msg) { return {ErrorCode::kInternal, std::move(msg)}; }
  static Status TooLarge(std::string msg) { return {ErrorCode::kTooLarge, std::move(msg)}; }
  static Status TooManyRequests(std::string msg) { return {ErrorCode::kTooManyRequests, std::move(msg)}; }
  static Status StorageFull(std::string msg) { return {ErrorCode::kStorageFull, std::move(msg)}; }
  /// InvalidArgument with the stable code "missing_field": a required field is absent or empty.
  static Status MissingField(std::string msg) {
    return Status(ErrorCode::kInvalidArgument, std::move(msg)).WithReason("missing_field");
  }
  /// A conflict with the state of the data, listing every problem found (e.g. compliance findings).
  static Status Conflict(std::string msg, std::vector<FieldError> problems) {
    Status s(ErrorCode::kConflict, std::move(msg));
    s.details_ = std::move(problems);
    return s;
  }
  /// An invalid-argument status carrying every row/column problem found.
  static Status Rejected(std::string msg, std::vector<FieldError> errors) {
    Status s(ErrorCode::kInvalidArgument, std::move(msg));
    s.details_ = std::move(errors);
    return s;
  }

  /// The same failure with these problems listed instead (e.g. placed in a file's columns).
  Status WithDetails(std::vector<FieldError> details) && {
    details_ = std::move(details);
    return std::move(*this);
  }
  /// The same failure named by a more specific stable code than its kind (a rule's name such
  /// as "project_not_funded"); the JSON error body's `code` is then that name.
  Status WithReason(std::string reason) && {
    reason_ = std::move(reason);
    return std::move(*this);
  }

  bool ok() const { return code_ == ErrorCode::kOk; }
  ErrorCode code() const { return code_; }
  /// The specific code, or ErrorCodeName(code()) when none was given.
  std::string code_name() const;
  const std::string& message() const { return message_; }
  const std::vector<FieldError>& details() const { return details_; }
  std::string ToString() const;

 private:
  Status(ErrorCode code, std::string msg) : code_(code), message_(std::move(msg)) {}
  ErrorCode code_ = ErrorCode::kOk;
  std::string message_;
  std::vector<FieldError> details_;
  std::string reason_;
};

/// Either a value or a non-ok Status.
template <typename T>
class [[nodiscard]] Result {
 public:
  Result(T value) : v_(std::move(value)) {}        // NOLINT(google-explicit-constructor)
  Result(Status status) : v_(std::move(status)) {  // NOLINT(google-explicit-constructor)
    assert(!std::get<Status>(v_).ok() && "Result built from an ok Status");
  }
  bool ok() const { return std::holds_alternative<T>(v_); }
  /// REQUIRES: ok().
  T& value() & { return std::get<T>(v_); }
  const T& value() const& { return std::get<T>(v_); }
  T&& value() && { return std::get<T>(std::move(v_)); }
  T* operator->() { return &value(); }
  const T* operator->() const { return &value(); }
  T& operator*() { return value(); }
  const T& operator*() const { return value(); }
  /// The failure; an ok Status when a value is held.
  Status status() const { return ok() ? Status::Ok() : std::get<Status>(v_); }

 private:
  std::variant<T, Status> v_;
};

}  // namespace xj

/// Propagates a non-ok Status from an expression returning Status.
#define XJ_RETURN_IF_ERROR(expr)             \
  do {                                       \
    ::xj::Status xj_status_ = (expr);        \
    if (!xj_status_.ok()) return xj_status_; \
  } while (false)

#define XJ_CONCAT_INNER(a, b) a##b
#define XJ_CONCAT(a, b) XJ_CONCAT_INNER(a, b)
/// `XJ_ASSIGN_OR_RETURN(auto x, Expr())` binds the value or returns the Status.
#define XJ_ASSIGN_OR_RETURN(lhs, expr) XJ_ASSIGN_OR_RETURN_IMPL(XJ_CONCAT(xj_result_, __LINE__), lhs, expr)
#define XJ_ASSIGN_OR_RETURN_IMPL(tmp, lhs, expr) \
  auto tmp = (expr);                             \
  if (!tmp.ok()) return tmp.status();            \
  lhs = std::move(tmp).value()
