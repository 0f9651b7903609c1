// The indicator engine's bulk read of the ledger: the rows it needs, read by two
// connections over halves of the seq range while the caller consumes batches.
#include <condition_variable>
#include <deque>
#include <thread>

#include "store/sqlite/sqlite_store.hpp"

namespace xj {
namespace {

// entry_id and payee only where the engine keeps them (以拨代支 entries).
constexpr const char kSelectLedgerFacts[] =
    "SELECT seq, entry_date, kind, effective_kind, effective_payee_type, sign, fund_source, fund_year, amount_fen, "
    "region_code, COALESCE(project_code, ''), "
    "CASE WHEN kind = 3 AND effective_payee_type = 4 THEN entry_id END, "
    "CASE WHEN kind = 3 AND effective_payee_type = 4 THEN payee END "
    "FROM ledger_entries WHERE seq > ?1 AND seq <= ?2";
constexpr const char kSeqRange[] = "SELECT COALESCE(MIN(seq), 0), COALESCE(MAX(seq), 0) FROM ledger_entries";
constexpr const char kSelectReversalDates[] =
    "SELECT o.seq, r.entry_date FROM ledger_entries r JOIN ledger_entries o ON o.entry_id = r.reverses "
    "WHERE r.reverses IS NOT NULL";

constexpr std::int64_t kParallelFrom = 200'000;  // rows; below this one connection is faster
constexpr std::size_t kBatchRows = 16'384;
constexpr std::size_t kMaxQueuedBatches = 8;

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
    f.entry_id = st->TextView(11);
    f.payee = st->TextView(12);
    fn(f);
  }
}

/// Facts with their text copied into one arena, handed from a reader thread to the caller.
struct Batch {
  struct Row {
    LedgerFact fact;  // views empty; offsets below
    std::uint32_t text[4][2];
  };
  std::vector<Row> rows;
  std::string arena;
  void Add(const LedgerFact& f) {
    Row r{f, {}};
    const std::string_view parts[4] = {f.region_code, f.project_code, f.entry_id, f.payee};
    for (int i = 0; i < 4; ++i) {
      r.text[i][0] = static_cast<std::uint32_t>(arena.size());
      r.text[i][1] = static_cast<std::uint32_t>(parts[i].size());
      arena.append(parts[i]);
    }
    rows.push_back(r);
  }
  void Replay(const std::function<void(const LedgerFact&)>& fn) const {
    for (const Row& r : rows) {
      LedgerFact f = r.fact;
      auto view = [&](int i) { return std::string_view(arena.data() + r.text[i][0], r.text[i][1]); };
      f.region_code = view(0);
      f.project_code = view(1);
      f.entry_id = view(2);
      f.payee = view(3);
      fn(f);
    }
  }
};

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

Status SqliteStore::ScanLedgerFacts(const std::function<void(const LedgerFact&)>& fn) {
  std::lock_guard lock(mu_);
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
  if (hi - lo < kParallelFrom || path_.empty() || path_ == ":memory:" || tx_depth_ > 0) {
    return ScanRange(*db_, lo, hi, fn);
  }
  // Two reader connections (WAL readers do not block each other), each over half the range.
  std::mutex mu;
  std::condition_variable cv;
  std::deque<Batch> queue;
  int running = 2;
  Status failure;
  auto reader = [&](std::int64_t from, std::int64_t to) {
    Status s;
    auto db = sqlite::Db::Open(path_);
    if (!db.ok()) {
      s = db.status();
    } else {
      Batch batch;
      auto flush = [&] {
        std::unique_lock l(mu);
        cv.wait(l, [&] { return queue.size() < kMaxQueuedBatches; });
        queue.push_back(std::move(batch));
        batch = Batch{};
        cv.notify_all();
      };
      s = ScanRange(**db, from, to, [&](const LedgerFact& f) {
        batch.Add(f);
        if (batch.rows.size() >= kBatchRows) flush();
      });
      if (!batch.rows.empty()) flush();
    }
    std::lock_guard l(mu);
    if (!s.ok() && failure.ok()) failure = s;
    --running;
    cv.notify_all();
  };
  const std::int64_t mid = lo + (hi - lo) / 2;
  std::thread a(reader, lo, mid);
  std::thread b(reader, mid, hi);
  for (;;) {
    Batch next;
    {
      std::unique_lock l(mu);
      cv.wait(l, [&] { return !queue.empty() || running == 0; });
      if (queue.empty()) break;
      next = std::move(queue.front());
      queue.pop_front();
      cv.notify_all();
    }
    next.Replay(fn);
  }
  a.join();
  b.join();
  return failure;
}

}  // namespace xj
