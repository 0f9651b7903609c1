#include "domain/input_limits.hpp"

namespace xj {

std::size_t Utf8Chars(std::string_view text) {
  std::size_t n = 0;
  for (const char c : text) {
    // Count every byte that does not continue a multi-byte sequence (10xxxxxx).
    if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) ++n;
  }
  return n;
}

bool IsValidCode(std::string_view code, std::size_t max_chars) {
  if (code.empty() || Utf8Chars(code) > max_chars) return false;
  for (const char c : code) {
    const auto u = static_cast<unsigned char>(c);
    if (u <= 0x20 || u == 0x7F || c == '/' || c == '\\') return false;
  }
  return true;
}

void CheckAmountBound(Fen amount, const InputLimits& limits, int row, const char* column,
                      std::vector<FieldError>* errors) {
  const std::int64_t v = amount.value();
  if (v <= limits.max_amount_fen && v >= -limits.max_amount_fen) return;
  errors->push_back({"", row, column, 0, std::to_string(v), "value_out_of_range",
                     "金额超出上限（" + FormatYuan(Fen(limits.max_amount_fen)) + " 元）"});
}

void CheckTextBound(std::string_view text, std::size_t max_chars, int row, const char* column,
                    std::vector<FieldError>* errors) {
  const std::size_t n = Utf8Chars(text);
  if (n <= max_chars) return;
  errors->push_back({"", row, column, 0, std::string(text.substr(0, 64)), "text_too_long",
                     "文字过长：" + std::to_string(n) + " 字，上限 " + std::to_string(max_chars) + " 字"});
}

void CheckCodeBound(std::string_view code, const InputLimits& limits, int row, const char* column,
                    std::vector<FieldError>* errors) {
  if (code.empty() || IsValidCode(code, limits.max_code_chars)) return;
  errors->push_back({"", row, column, 0, std::string(code.substr(0, 64)), "invalid_code",
                     "编码只能由字母、数字和 - _ . 等符号组成，不含空格、斜杠和控制字符，最多 " +
                         std::to_string(limits.max_code_chars) + " 个字符"});
}

std::vector<FieldError> ProjectBoundProblems(const Project& p, const InputLimits& limits, int row) {
  std::vector<FieldError> out;
  CheckCodeBound(p.project_code, limits, row, "project_code", &out);
  CheckTextBound(p.name, limits.max_name_chars, row, "name", &out);
  CheckTextBound(p.category, limits.max_name_chars, row, "category", &out);
  CheckTextBound(p.subcategory, limits.max_note_chars, row, "subcategory", &out);
  CheckTextBound(p.responsible_person, limits.max_name_chars, row, "responsible_person", &out);
  CheckAmountBound(p.total_investment, limits, row, "total_investment", &out);
  CheckAmountBound(p.central_fund, limits, row, "central_fund", &out);
  CheckAmountBound(p.other_fund, limits, row, "other_fund", &out);
  return out;
}

std::vector<FieldError> EntryBoundProblems(const LedgerEntry& e, const InputLimits& limits, int row) {
  std::vector<FieldError> out;
  CheckCodeBound(e.entry_id, limits, row, "entry_id", &out);
  CheckCodeBound(e.reverses, limits, row, "reverses", &out);
  CheckAmountBound(e.amount, limits, row, "amount", &out);
  CheckTextBound(e.payee, limits.max_name_chars, row, "payee", &out);
  CheckTextBound(e.note, limits.max_note_chars, row, "note", &out);
  return out;
}

Status BoundRefusal(std::string message, std::vector<FieldError> problems) {
  std::string common = problems.empty() ? std::string() : problems.front().code;
  for (const FieldError& e : problems) {
    if (e.code != common) common.clear();
  }
  Status s = Status::Rejected(std::move(message), std::move(problems));
  if (common == "value_out_of_range" || common == "text_too_long" || common == "invalid_code") {
    return std::move(s).WithReason(common);
  }
  return s;
}

}  // namespace xj
