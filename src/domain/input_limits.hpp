#pragma once
/// Bounds on what a user may store (输入限制), as data with defaults (docs/operations.md):
/// amounts, text lengths and the character set of codes. Every write path checks them, so
/// no sum of stored amounts can wrap and every stored text fits an export cell.

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/money.hpp"
#include "core/status.hpp"
#include "domain/ledger.hpp"
#include "domain/project.hpp"

namespace xj {

/// The bounds. Every field has a default; a deployment may lower or raise them.
struct InputLimits {
  /// Largest amount of one ledger entry or one project fund field: 10,000,000,000 元 (in fen).
  /// With it, even a billion stored amounts sum far inside 64 bits.
  std::int64_t max_amount_fen = 1'000'000'000'000;
  std::size_t max_name_chars = 200;    ///< names: project, payee, responsible person, plan titles
  std::size_t max_note_chars = 2'000;  ///< notes and free text (建设内容, 备注)
  std::size_t max_code_chars = 64;     ///< codes: project code, entry id, contract number
};

/// Number of characters (Unicode code points) of UTF-8 text; a stray byte counts as one.
std::size_t Utf8Chars(std::string_view text);

/// Whether `code` is a valid identifier: 1..max characters, none of them a control character
/// (U+0000–U+001F, U+007F), a space, '/' or '\\'. Letters of any script, digits and other
/// punctuation (- _ . ( ) …) are allowed.
bool IsValidCode(std::string_view code, std::size_t max_chars);

/// Appends a `value_out_of_range` problem when |amount| exceeds the limit.
void CheckAmountBound(Fen amount, const InputLimits& limits, int row, const char* column,
                      std::vector<FieldError>* errors);
/// Appends a `text_too_long` problem when `text` has more than `max_chars` characters.
void CheckTextBound(std::string_view text, std::size_t max_chars, int row, const char* column,
                    std::vector<FieldError>* errors);
/// Appends an `invalid_code` problem when `code` is non-empty and not IsValidCode.
void CheckCodeBound(std::string_view code, const InputLimits& limits, int row, const char* column,
                    std::vector<FieldError>* errors);

/// Every bound a project row must respect (fund fields, name, texts, code).
std::vector<FieldError> ProjectBoundProblems(const Project& p, const InputLimits& limits, int row = 0);
/// Every bound a ledger entry must respect (amount, payee, note, ids).
std::vector<FieldError> EntryBoundProblems(const LedgerEntry& e, const InputLimits& limits, int row = 0);

/// A refusal carrying `problems`, whose code is the problems' common code when they share one
/// (value_out_of_range, text_too_long, invalid_code), else invalid_argument.
Status BoundRefusal(std::string message, std::vector<FieldError> problems);

}  // namespace xj
