#include "domain/ledger_rules.hpp"

#include <algorithm>

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
  // Every entry of the batch by id, wherever it stands: a reversal may come before the entry
  // it cancels (files come sorted by county or project, not by date). Rows are not moved
  // while checking, so the pointers stay valid.
  std::unordered_map<std::string, const LedgerEntry*> in_batch;
  for (const NumberedEntry& r : rows) in_batch.emplace(r.entry.entry_id, &r.entry);
  std::unordered_set<std::string> reversed_in_batch;
  std::vector<StoredEntry> reversals;  // appended after the other entries

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
      } else if (auto b = in_batch.find(e.reverses); b != in_batch.end() && b->second != &e) {
        original = b->second;
        original_effect = {original->kind, original->payee_type, 1};
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
    } else if ((e.kind == EntryKind::kDisburse || e.kind == EntryKind::kExpend) && !e.project_code.empty() &&
               lookups.project_funded && !lookups.project_funded(e.project_code, e.date)) {
      errors.push_back(Err(r.row, "project_code", e.project_code, "project_not_funded",
                           "项目未安排资金（未到“资金已安排”或已撤项/退回），该笔" +
                               std::string(EntryKindLabel(e.kind)) + "没有计划依据"));
    }
    if (e.kind == EntryKind::kExpend && e.payee_type == PayeeType::kNone) {
      errors.push_back(Err(r.row, "payee_type", "", "payee_type_required",
                           "支出必须填写收款方类型（企业/个人/集体/政府账户），否则无法区分真实支出与以拨代支"));
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
    se.entry = e;  // copied: `in_batch` points at the rows
    se.effective = effect;
    (e.kind == EntryKind::kReverse ? reversals : batch.to_append).push_back(std::move(se));
  }
  if (!errors.empty()) {
    const bool unfunded_only =
        std::all_of(errors.begin(), errors.end(), [](const FieldError& f) { return f.code == "project_not_funded"; });
    if (unfunded_only) {
      std::string message = "拨付/支出被拒绝：共" + std::to_string(errors.size()) + "笔所列项目未安排资金";
      return Status::Conflict(std::move(message), std::move(errors)).WithReason("project_not_funded");
    }
    // The message first: argument evaluation order would let the move empty `errors`.
    std::string message = "台账导入被拒绝：共" + std::to_string(errors.size()) + "处错误";
    return Status::Rejected(std::move(message), std::move(errors));
  }
  for (StoredEntry& se : reversals) batch.to_append.push_back(std::move(se));
  return batch;
}

}  // namespace xj
