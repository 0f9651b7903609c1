#include "core/status.hpp"

namespace xj {

const char* ErrorCodeName(ErrorCode code) {
  switch (code) {
    case ErrorCode::kOk: return "ok";
    case ErrorCode::kInvalidArgument: return "invalid_argument";
    case ErrorCode::kNotFound: return "not_found";
    case ErrorCode::kAlreadyExists: return "already_exists";
    case ErrorCode::kConflict: return "conflict";
    case ErrorCode::kPermissionDenied: return "permission_denied";
    case ErrorCode::kUnauthenticated: return "unauthenticated";
    case ErrorCode::kUnavailable: return "unavailable";
    case ErrorCode::kInternal: return "internal";
    case ErrorCode::kTooLarge: return "too_large";
    case ErrorCode::kTooManyRequests: return "too_many_requests";
    case ErrorCode::kStorageFull: return "storage_full";
  }
  return "internal";
}

std::string Status::code_name() const {
  return reason_.empty() ? std::string(ErrorCodeName(code_)) : reason_;
}

std::string Status::ToString() const {
  if (ok()) return "ok";
  std::string out = code_name() + ": " + message_;
  for (const FieldError& e : details_) {
    out += "\n  ";
    if (!e.sheet.empty()) out += e.sheet + " ";
    if (e.row > 0) out += "第" + std::to_string(e.row) + "行 ";
    if (!e.column.empty()) out += "列 " + e.column + " ";
    if (!e.value.empty()) out += "值「" + e.value + "」 ";
    out += e.code + ": " + e.message;
  }
  return out;
}

}  // namespace xj
