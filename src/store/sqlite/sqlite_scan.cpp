// The indicator engine's bulk read of the ledger: the rows it needs, read by several
// connections over parts of the seq range, each handing its rows to the caller's
// function on its own thread.
#include <algorithm>
#include <thread>
#include <vector>

#include "store/sqlite/sqlite_store.hpp"

namespace xj {
namespace {

// Only the columns every row needs (a NULL project_code reads as empty). entry_id and payee
// are looked up by seq for the few rows the engine keeps them for (以拨代支): selecting them
// through CASE expressions cost a third of the scan's CPU.
constexpr const char kSelectLedgerFacts[] =
    "SELECT seq, entry_date, kind, effective_kind, effective_payee_type, sign, fund_source, fund_year, amount_fen, "
    "region_code, project_code FROM ledger_entries WHERE seq > ?1 AND seq <= ?2";
constexpr const char kSelectPayeeOf[] = "SELECT entry_id, payee FROM ledger_entries WHERE seq = ?1";
// Two subqueries: SQLite answers a lone MIN or MAX from the b-tree's edge, but both in
// one SELECT scan the whole table.
constexpr const char kSeqRange[] =
    "SELECT COALESCE((SELECT MIN(seq) FROM ledger_entries), 0), COALESCE((SELECT MAX(seq) FROM ledger_entries), 0)";
constexpr const char kSelectReversalDates[] =
    "SELECT o.seq, r.entry_date FROM ledger_entries r JOIN ledger_entries o ON o.entry_id = r.reverses "
    "WHERE r.reverses IS NOT NULL";

/// 'YYYY-MM-DD' of a stored column without allocating; nullopt when corrupt.
std::optional<Date> FastDate(std::string_view t) {
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

/// Reads rows (lo, hi] and hands each fact to `fn` (views into the statement).
Status ScanRange(sqlite::Db& db, std::int64_t lo, std::int64_t hi, const std::function<void(const LedgerFact&)>& fn) {
  XJ_ASSIGN_OR_RETURN(sqlite::Stmt * st, db.Prepare(kSelectLedgerFacts));
  XJ_ASSIGN_OR_RETURN(sqlite::Stmt * payee_of, db.Prepare(kSelectPayeeOf));
  st->Bind(1, lo).Bind(2, hi);
  LedgerFact f;
  for (;;) {
    XJ_ASSIGN_OR_RETURN(bool row, st->Step());
    if (!row) return Status::Ok();
    f.seq = st->Int(0);
    auto date = FastDate(st->TextView(1));
    if (!date) return Status::Internal("台账第 " + std::to_string(f.seq) + " 条的日期已损坏");
    f.date = *date;
    f.kind = static_cast<EntryKind>(st->Int(2));
    f.effective = {static_cast<EntryKind>(st->Int(3)), static_cast<PayeeType>(st->Int(4)), st->Int(5)};
    f.fund_source = static_cast<FundSource>(st->Int(6));
    f.fund_year = static_cast<int>(st->Int(7));
    f.amount = Fen(st->Int(8));
    f.region_code = st->TextView(9);
    f.project_code = st->TextView(10);
    f.entry_id = {};
    f.payee = {};
    if (f.kind == EntryKind::kExpend && f.effective.payee_type == PayeeType::kGovAccount) {
      payee_of->Bind(1, f.seq);
      auto found = payee_of->Step();
      if (!found.ok() || !*found) {
        payee_of->Reset();
        return found.ok() ? Status::Internal("台账第 " + std::to_string(f.seq) + " 条读取中消失") : found.status();
      }
      f.entry_id = payee_of->TextView(0);
      f.payee = payee_of->TextView(1);
      fn(f);
      payee_of->Reset();  // a statement left on a row would hold the read transaction open
      continue;
    }
    fn(f);
  }
}

}  // namespace

Result<std::vector<std::pair<std::int64_t, Date>>> SqliteStore::ReversalDates() {
  std::lock_guard lock(mu_);
  XJ_ASSIGN_OR_RETURN(sqlite::Stmt * st, db_->Prepare(kSelectReversalDates));
  std::vector<std::pair<std::int64_t, Date>> out;
  for (;;) {
    XJ_ASSIGN_OR_RETURN(bool row, st->Step());
    if (!row) return out;
    auto d = FastDate(st->TextView(1));
    if (!d) return Status::Internal("冲销日期已损坏：" + st->Text(1));
    out.emplace_back(st->Int(0), *d);
  }
}

Status SqliteStore::ScanLedgerFacts(int max_shards, const std::function<void(int, const LedgerFact&)>& fn) {
  std::unique_lock lock(mu_);
  std::int64_t lo = 0, hi = 0;
  {
    XJ_ASSIGN_OR_RETURN(sqlite::Stmt * st, db_->Prepare(kSeqRange));
    XJ_ASSIGN_OR_RETURN(bool row, st->Step());
    if (row) {
      lo = st->Int(0) - 1;
      hi = st->Int(1);
    }
    st->Reset();
  }
  const auto one = [&](const LedgerFact& f) { fn(0, f); };
  // Below ~200,000 rows one connection is faster than opening more.
  if (max_shards < 2 || hi - lo < parallel_scan_from_ || path_.empty() || path_ == ":memory:" || tx_depth_ > 0) {
    last_scan_shards_ = 1;
    return ScanRange(*db_, lo, hi, one);
  }
  // Each shard reads its part of the seq range on its own connection (WAL readers do not
  // block each other), so the store's own connection is free for other calls meanwhile.
  lock.unlock();
  return ScanInShards(std::min(max_shards, 8), lo, hi, [&](std::int64_t from, std::int64_t to, int k) -> Status {
    XJ_ASSIGN_OR_RETURN(auto db, sqlite::Db::Open(path_));
    return ScanRange(*db, from, to, [&](const LedgerFact& f) { fn(k, f); });
  });
}

}  // namespace xj
