// The indicator engine's bulk read of the ledger: the rows it needs, read over parts of the
// seq range on connections of their own, each handing its rows to the caller on its own thread.
#include <algorithm>

#include "store/sql/entities.hpp"
#include "store/sql/sql_store.hpp"

namespace xj::sql {
namespace {

constexpr int kFactColumnCount = 11;
const DialectSql kSelectFacts([](Dialect d) {
  return "SELECT " + std::string(kFactColumns) + std::string(GovPayeeColumns(d)) +
         " FROM ledger_entries WHERE seq > $1 AND seq <= $2";
});
constexpr const char kSelectPayeeOf[] = "SELECT entry_id, payee FROM ledger_entries WHERE seq = $1";
// Two subqueries: SQLite answers a lone MIN or MAX from the b-tree's edge, but both in one
// SELECT scan the whole table.
constexpr const char kSeqRange[] =
    "SELECT COALESCE((SELECT MIN(seq) FROM ledger_entries), 0), COALESCE((SELECT MAX(seq) FROM ledger_entries), 0)";
const std::string kSelectEntriesAfter =
    Concat({"SELECT ", kEntryColumns,
            ", COALESCE((SELECT o.seq FROM ledger_entries o WHERE o.entry_id = ledger_entries.reverses), 0) "
            "FROM ledger_entries WHERE seq > $1 ORDER BY seq"});
constexpr const char kChangeMark[] =
    "SELECT (SELECT counter FROM change_log WHERE id = 1), COALESCE((SELECT MAX(seq) FROM ledger_entries), 0), "
    "(SELECT counter FROM auth_log WHERE id = 1)";
constexpr const char kSelectReversalDates[] =
    "SELECT o.seq, r.entry_date, r.seq FROM ledger_entries r JOIN ledger_entries o ON o.entry_id = r.reverses "
    "WHERE r.reverses IS NOT NULL";

}  // namespace

Result<std::vector<std::pair<std::int64_t, Date>>> SqlStore::ReversalDates() {
  std::vector<std::pair<std::int64_t, Date>> out;
  XJ_RETURN_IF_ERROR(Read([&](Conn& c) {
    return c.Query(kSelectReversalDates, {}, [&](const Row& row) -> Status {
      Fields f(row, "ledger_entries", "seq=" + std::to_string(row.Int(2)));
      const Date on = f.DateAt(1);
      XJ_RETURN_IF_ERROR(f.status());
      out.emplace_back(row.Int(0), on);
      return Status::Ok();
    });
  }));
  return out;
}

Result<std::vector<StoredEntry>> SqlStore::EntriesAfter(std::int64_t after) {
  std::vector<StoredEntry> out;
  XJ_RETURN_IF_ERROR(Read([&](Conn& c) {
    return c.Query(kSelectEntriesAfter.c_str(), {after}, [&](const Row& row) -> Status {
      XJ_ASSIGN_OR_RETURN(StoredEntry e, ReadEntry(row));
      e.reverses_seq = row.Int(kEntryColumnCount);
      out.push_back(std::move(e));
      return Status::Ok();
    });
  }));
  return out;
}

Result<Store::ChangeMark> SqlStore::ReadChangeMark() {
  ChangeMark mark;
  XJ_RETURN_IF_ERROR(Read([&](Conn& c) {
    return c.Query(kChangeMark, {}, [&](const Row& row) {
      mark.changes = row.Int(0);
      mark.max_seq = row.Int(1);
      mark.auth_changes = row.Int(2);
      return Status::Ok();
    });
  }));
  return mark;
}

Status SqlStore::ScanLedgerFacts(int max_shards, const std::function<void(int, const LedgerFact&)>& fn,
                                 std::int64_t up_to) {
  std::int64_t lo = 0, hi = 0;
  XJ_RETURN_IF_ERROR(Read([&](Conn& c) {
    return c.Query(kSeqRange, {}, [&](const Row& row) {
      lo = row.Int(0) - 1;
      hi = row.Int(1);
      return Status::Ok();
    });
  }));
  if (up_to >= 0) hi = std::min(hi, up_to);
  lo = std::min(lo, hi);
  last_scanned_seq_ = hi;
  // Rows (from, to] on connection `c`, handed to `fn` as shard `shard`; the views die with the row.
  const auto scan = [&](Conn& c, std::int64_t from, std::int64_t to, int shard) -> Status {
    LedgerFact f;
    return c.Stream(kSelectFacts(d_), {from, to}, [&](const Row& row) -> Status {
      XJ_RETURN_IF_ERROR(ReadFact(row, f));
      if (f.kind != EntryKind::kExpend || f.effective.payee_type != PayeeType::kGovAccount) {
        fn(shard, f);
        return Status::Ok();
      }
      if (row.size() > kFactColumnCount) {
        f.entry_id = row.Text(kFactColumnCount);
        f.payee = row.Text(kFactColumnCount + 1);
        fn(shard, f);
        return Status::Ok();
      }
      bool found = false;
      XJ_RETURN_IF_ERROR(c.Query(kSelectPayeeOf, {f.seq}, [&](const Row& payee) {
        f.entry_id = payee.Text(0);
        f.payee = payee.Text(1);
        fn(shard, f);
        found = true;
        return Status::Ok();
      }));
      if (!found) return Status::Internal("台账第 " + std::to_string(f.seq) + " 条读取中消失");
      return Status::Ok();
    });
  };
  // Below parallel_scan_from_ rows one reader is faster than opening more connections.
  const int shards = std::min(max_shards, driver_->MaxScanShards());
  if (shards < 2 || hi - lo < parallel_scan_from_ || driver_->InTransaction()) {
    last_scan_shards_ = 1;
    return Read([&](Conn& c) { return scan(c, lo, hi, 0); });
  }
  last_scan_shards_ = shards;
  return driver_->ScanShards(shards, [&](Conn& c, int k) {
    const std::int64_t from = lo + (hi - lo) * k / shards;
    const std::int64_t to = k + 1 == shards ? hi : lo + (hi - lo) * (k + 1) / shards;
    return scan(c, from, to, k);
  });
}

}  // namespace xj::sql
