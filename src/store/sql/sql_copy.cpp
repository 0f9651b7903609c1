// SqlStore: whole tables as text cells for `xianjie copy` (store_copy.cpp). Table and column
// names come from the fixed list CopiedTables() and are checked before they reach SQL.
#include "store/sql/sql_store.hpp"
#include "store/store_copy.hpp"

namespace xj::sql {
namespace {

Status CheckNames(const CopiedTable& table) {
  if (!IsPlainSqlNames(table.name) || !IsPlainSqlNames(table.order_by)) {
    return Status::InvalidArgument("表名不合法：" + std::string(table.name));
  }
  return Status::Ok();
}

}  // namespace

Result<std::int64_t> SqlStore::CountRows(const CopiedTable& table) {
  XJ_RETURN_IF_ERROR(CheckNames(table));
  std::int64_t n = 0;
  XJ_RETURN_IF_ERROR(Read([&](Conn& c) {
    return c.QueryText("SELECT COUNT(*) FROM " + std::string(table.name), {}, [&](const Row& row) {
      n = row.Int(0);
      return Status::Ok();
    });
  }));
  return n;
}

Status SqlStore::ExportRows(const CopiedTable& table, std::size_t batch_rows,
                            const std::function<Status(const RowBatch&)>& fn) {
  XJ_RETURN_IF_ERROR(CheckNames(table));
  RowBatch batch;
  const std::string sql = "SELECT * FROM " + std::string(table.name) + " ORDER BY " + std::string(table.order_by);
  XJ_RETURN_IF_ERROR(Read([&](Conn& c) {
    return c.Stream(sql, {}, [&](const Row& row) -> Status {
      if (batch.columns.empty()) {
        for (int col = 0; col < row.size(); ++col) batch.columns.push_back(row.ColumnName(col));
      }
      std::vector<std::optional<std::string>> cells;
      cells.reserve(static_cast<std::size_t>(row.size()));
      for (int col = 0; col < row.size(); ++col) {
        cells.push_back(row.IsNull(col) ? std::nullopt : std::optional<std::string>(row.Text(col)));
      }
      batch.rows.push_back(std::move(cells));
      if (batch.rows.size() < batch_rows) return Status::Ok();
      Status s = fn(batch);
      batch.rows.clear();
      return s;
    });
  }));
  return batch.rows.empty() ? Status::Ok() : fn(batch);
}

Status SqlStore::ImportRows(const CopiedTable& table, const RowBatch& batch) {
  XJ_RETURN_IF_ERROR(CheckNames(table));
  for (const std::string& col : batch.columns) {
    if (!IsPlainSqlNames(col)) return Status::InvalidArgument("列名不合法：" + col);
  }
  return Write([&](Conn& c) -> Status {
    // Text cells: SQLite stores text in INTEGER columns as integers (type affinity), and
    // PostgreSQL's COPY parses them by the column's type.
    XJ_RETURN_IF_ERROR(c.BulkAppend(table.name, batch.columns, batch.rows.size(), [&](std::size_t i, Values& v) {
      for (const auto& cell : batch.rows[i]) {
        if (cell) {
          v.emplace_back(*cell);
        } else {
          v.emplace_back(std::monostate{});
        }
      }
    }));
    // Rows came with their ids: id sequences move past them.
    return driver_->MoveSequencesPast(c, table.name);
  });
}

Status SqlStore::ClearRows(const CopiedTable& table) {
  XJ_RETURN_IF_ERROR(CheckNames(table));
  if (!table.seeded) return Status::PermissionDenied("只能清空预置的参考表：" + std::string(table.name));
  return Write([&](Conn& c) { return c.ExecText("DELETE FROM " + std::string(table.name), {}).status(); });
}

}  // namespace xj::sql
