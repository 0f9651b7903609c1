#include "domain/ledger_rules.hpp"

namespace xj {
namespace {

FieldError Err(int row, const char* column, std::string value, const char* code, std::string message) {
  FieldError e;
  e.row = row;
  e.column = column;
  e.value = std::move(value);
  e.code = code;
  e.message = std::move(message);
  return e;
}

}  // namespace

Result<LedgerBatch> CheckLedgerBatch(std::vector<NumberedEntry> rows, const LedgerLookups& lookups) {
  std::vector<FieldError> errors;
  LedgerBatch batch;
  // Entries of this batch that later rows may reverse: id → index in to_append.
  std::unordered_map<std::string, std::size_t> in_batch;
  std::unordered_set<std::string> reversed_in_batch;

  for (NumberedEntry& r : rows) {
    LedgerEntry& e = r.entry;
    const std::size_t errors_before = errors.size();
    EffectiveEntry effect{e.kind, e.payee_type, 1};

    const LedgerEntry* original = nullptr;
    bool inherited_project = false;  // taken from the reversed entry, which was checked
    EffectiveEntry original_effect;
    bool original_stored = false;
    if (e.kind == EntryKind::kReverse) {
      if (auto s = lookups.stored.find(e.reverses); s != lookups.stored.end()) {
        original = &s->second.entry;
        original_effect = s->second.effective;
        original_stored = true;
      } else if (auto b = in_batch.find(e.reverses); b != in_batch.end()) {
        // Valid until to_append grows, which happens only at the end of this iteration.
        original = &batch.to_append[b->second].entry;
        original_effect = batch.to_append[b->second].effective;
      }
      if (original && e.project_code.empty()) {
        e.project_code = original->project_code;
        inherited_project = true;
      }
    }

    // Idempotency: the same entry_id must carry the same content.
    if (auto s = lookups.stored.find(e.entry_id); s != lookups.stored.end()) {
      if (s->second.entry == e) {
        ++batch.unchanged;
      } else {
        errors.push_back(Err(r.row, "entry_id", e.entry_id, "conflicts_existing",
                             "凭证号已存在且内容不同：台账只能追加，更正请使用冲销"));
      }
      continue;
    }

    if (!lookups.region_exists(e.region_code)) {
      errors.push_back(Err(r.row, "region_code", e.region_code, "unknown_region", "区划代码不存在"));
    }
    if (!e.project_code.empty() && !inherited_project && !lookups.project_exists(e.project_code)) {
      errors.push_back(Err(r.row, "project_code", e.project_code, "unknown_project", "项目编码不存在"));
    }

    if (e.kind == EntryKind::kReverse) {
      if (!original) {
        errors.push_back(Err(r.row, "reverses", e.reverses, "unknown_reversed_entry", "被冲销的凭证不存在"));
      } else if (original->kind == EntryKind::kReverse) {
        errors.push_back(Err(r.row, "reverses", e.reverses, "reverse_of_reversal", "不能冲销一笔冲销凭证"));
      } else {
        const bool twice =
            (original_stored && lookups.already_reversed.count(e.reverses)) || reversed_in_batch.count(e.reverses);
        if (twice)
          errors.push_back(Err(r.row, "reverses", e.reverses, "already_reversed", "该凭证已被冲销，不能重复冲销"));
        if (original->amount != e.amount) {
          errors.push_back(Err(r.row, "amount", FormatYuanPlain(e.amount), "reversal_mismatch",
                               "冲销金额须与原凭证相同（" + FormatYuanPlain(original->amount) + "）"));
        }
        if (original->region_code != e.region_code) {
          errors.push_back(Err(r.row, "region_code", e.region_code, "reversal_mismatch",
                               "冲销区划须与原凭证相同（" + original->region_code + "）"));
        }
        if (original->fund_source != e.fund_source) {
          errors.push_back(
              Err(r.row, "fund_source", std::string(FundSourceName(e.fund_source)), "reversal_mismatch",
                  "冲销资金来源须与原凭证相同（" + std::string(FundSourceName(original->fund_source)) + "）"));
        }
        if (original->fund_year != e.fund_year) {
          errors.push_back(Err(r.row, "fund_year", std::to_string(e.fund_year), "reversal_mismatch",
                               "冲销资金年度须与原凭证相同（" + std::to_string(original->fund_year) + "）"));
        }
        if (original->project_code != e.project_code) {
          errors.push_back(Err(r.row, "project_code", e.project_code, "reversal_mismatch",
                               "冲销项目须与原凭证相同（" + original->project_code + "）"));
        }
        if (e.date < original->date) {
          errors.push_back(Err(r.row, "date", e.date.ToString(), "reversal_before_original",
                               "冲销日期早于原凭证日期（" + original->date.ToString() + "）"));
        }
        effect = {original_effect.kind, original_effect.payee_type, -1};
        reversed_in_batch.insert(e.reverses);
      }
    }
    if (errors.size() != errors_before) continue;
    StoredEntry se;
    se.entry = std::move(e);
    se.effective = effect;
    batch.to_append.push_back(std::move(se));
    in_batch[batch.to_append.back().entry.entry_id] = batch.to_append.size() - 1;
  }
  if (!errors.empty())
    return Status::Rejected("台账导入被拒绝：共" + std::to_string(errors.size()) + "处错误", std::move(errors));
  return batch;
}

}  // namespace xj
