#include "store/postgres/pg_conn.hpp"

#include <libpq-fe.h>

#include <charconv>

namespace xj::pg {
namespace {

/// COPY data is sent in chunks of about this many bytes.
constexpr std::size_t kCopyChunkBytes = 1 << 16;
// jit off: the recursive region closure of the verify queries is estimated at ~400×
// its real size, which makes the planner JIT-compile a 90 ms query for 800 ms.
// client_min_messages: "already exists, skipping" notices are not for the operator.
constexpr const char kSessionSetup[] =
    "SET datestyle TO ISO, YMD; SET client_encoding TO 'UTF8'; SET jit TO off; SET client_min_messages TO warning";
constexpr const char kPreparedPrefix[] = "xj_";
/// Statements in flight at once in QueryEach(): their small results fit the socket
/// buffers, so neither side blocks while the other is still sending.
constexpr std::size_t kPipelineDepth = 256;

std::string Trimmed(const char* text) {
  std::string s = text ? text : "";
  while (!s.empty() && (s.back() == '\n' || s.back() == ' ')) s.pop_back();
  return s;
}

/// SQLSTATE classes of https://www.postgresql.org/docs/15/errcodes-appendix.html.
Status MapError(std::string_view sqlstate, std::string msg) {
  if (sqlstate == "23505") return Status::AlreadyExists(std::move(msg));
  if (sqlstate == "40001" || sqlstate == "40P01") return Status::Conflict(std::move(msg));
  // disk_full (53100): writes wait for space, reads go on; the rest of class 53 is Unavailable.
  if (sqlstate == "53100") return Status::StorageFull("存储空间已满，暂时不能保存；查询不受影响，请联系管理员扩容");
  const std::string_view cls = sqlstate.substr(0, std::min<std::size_t>(2, sqlstate.size()));
  if (cls == "23" || cls == "22" || sqlstate == "P0001") return Status::InvalidArgument(std::move(msg));
  if (cls == "08" || cls == "53" || cls == "57" || sqlstate == "55P03") return Status::Unavailable(std::move(msg));
  return Status::Internal(std::move(msg));
}

/// Text-format parameter pointers for libpq; valid while `params` lives.
std::vector<const char*> Pointers(const Params& params) {
  std::vector<const char*> out;
  out.reserve(params.size());
  for (const Cell& p : params) out.push_back(p ? p->c_str() : nullptr);
  return out;
}

void AppendEscaped(std::string& out, std::string_view text) {
  for (char c : text) {
    switch (c) {
      case '\\': out += "\\\\"; break;
      case '\t': out += "\\t"; break;
      case '\n': out += "\\n"; break;
      case '\r': out += "\\r"; break;
      default: out += c;
    }
  }
}

}  // namespace

bool IsRetryable(const Status& s) {
  return s.code() == ErrorCode::kConflict;
}

Rows::~Rows() {
  PQclear(res_);
}

Rows& Rows::operator=(Rows&& other) noexcept {
  if (this != &other) {
    PQclear(res_);
    res_ = other.res_;
    other.res_ = nullptr;
  }
  return *this;
}

int Rows::size() const {
  return res_ ? PQntuples(res_) : 0;
}
int Rows::columns() const {
  return res_ ? PQnfields(res_) : 0;
}
std::string Rows::ColumnName(int col) const {
  return PQfname(res_, col);
}
bool Rows::IsNull(int row, int col) const {
  return PQgetisnull(res_, row, col) != 0;
}

std::string Rows::Text(int row, int col) const {
  if (IsNull(row, col)) return {};
  return std::string(PQgetvalue(res_, row, col), static_cast<std::size_t>(PQgetlength(res_, row, col)));
}

std::int64_t Rows::Int(int row, int col) const {
  if (IsNull(row, col)) return 0;
  const char* p = PQgetvalue(res_, row, col);
  std::int64_t v = 0;
  std::from_chars(p, p + PQgetlength(res_, row, col), v);
  return v;
}

std::string_view Rows::TextView(int row, int col) const {
  if (IsNull(row, col)) return {};
  return std::string_view(PQgetvalue(res_, row, col), static_cast<std::size_t>(PQgetlength(res_, row, col)));
}

std::int64_t Rows::AffectedRows() const {
  const char* n = res_ ? PQcmdTuples(res_) : "";
  std::int64_t v = 0;
  std::from_chars(n, n + std::char_traits<char>::length(n), v);
  return v;
}

Cell Rows::Get(int row, int col) const {
  if (IsNull(row, col)) return std::nullopt;
  return Text(row, col);
}

Status CopyWriter::Row(const std::vector<Cell>& cells) {
  for (std::size_t i = 0; i < cells.size(); ++i) {
    if (i > 0) buffer_ += '\t';
    if (cells[i]) {
      AppendEscaped(buffer_, *cells[i]);
    } else {
      buffer_ += "\\N";
    }
  }
  buffer_ += '\n';
  return buffer_.size() >= kCopyChunkBytes ? Flush() : Status::Ok();
}

Status CopyWriter::Flush() {
  if (buffer_.empty()) return Status::Ok();
  if (PQputCopyData(conn_, buffer_.data(), static_cast<int>(buffer_.size())) != 1) {
    return Status::Unavailable("COPY 发送失败: " + Trimmed(PQerrorMessage(conn_)));
  }
  buffer_.clear();
  return Status::Ok();
}

Result<std::unique_ptr<Conn>> Conn::Open(const std::string& conninfo) {
  PGconn* raw = PQconnectdb(conninfo.c_str());
  if (raw == nullptr) return Status::Unavailable("无法连接 PostgreSQL：内存不足");
  std::unique_ptr<Conn> conn(new Conn(raw));
  if (PQstatus(raw) != CONNECTION_OK) {
    return Status::Unavailable("无法连接 PostgreSQL: " + Trimmed(PQerrorMessage(raw)));
  }
  XJ_RETURN_IF_ERROR(conn->Exec(kSessionSetup));
  return conn;
}

Conn::~Conn() {
  PQfinish(conn_);
}

bool Conn::IsIdle() const {
  return !broken_ && PQstatus(conn_) == CONNECTION_OK && PQtransactionStatus(conn_) == PQTRANS_IDLE;
}

Result<Rows> Conn::Check(PGresult* res, std::string_view what) {
  Rows rows(res);
  if (res == nullptr) {
    return Status::Unavailable(std::string(what) + ": " + Trimmed(PQerrorMessage(conn_)));
  }
  switch (PQresultStatus(res)) {
    case PGRES_COMMAND_OK:
    case PGRES_TUPLES_OK:
    case PGRES_SINGLE_TUPLE:
    case PGRES_COPY_IN:
    case PGRES_EMPTY_QUERY: return rows;
    default: break;
  }
  const char* state = PQresultErrorField(res, PG_DIAG_SQLSTATE);
  std::string msg = std::string(what) + ": " + Trimmed(PQresultErrorMessage(res));
  if (state == nullptr) {
    return PQstatus(conn_) == CONNECTION_OK ? Status::Internal(std::move(msg)) : Status::Unavailable(std::move(msg));
  }
  return MapError(state, std::move(msg));
}

void Conn::Drain() {
  while (PGresult* res = PQgetResult(conn_)) PQclear(res);
}

Status Conn::Exec(std::string_view sql) {
  std::string copy(sql);
  Result<Rows> r = Check(PQexec(conn_, copy.c_str()), "postgresql");
  return r.status();
}

Result<std::string> Conn::Prepared(const char* sql) {
  auto it = prepared_.find(sql);
  if (it == prepared_.end()) {
    std::string name = kPreparedPrefix + std::to_string(prepared_.size() + 1);
    XJ_RETURN_IF_ERROR(Check(PQprepare(conn_, name.c_str(), sql, 0, nullptr), "prepare").status());
    it = prepared_.emplace(sql, std::move(name)).first;
  }
  return it->second;
}

Result<Rows> Conn::Query(const char* sql, const Params& params) {
  XJ_ASSIGN_OR_RETURN(std::string name, Prepared(sql));
  const std::vector<const char*> values = Pointers(params);
  return Check(PQexecPrepared(conn_, name.c_str(), static_cast<int>(values.size()), values.data(), nullptr, nullptr, 0),
               "postgresql");
}

Status Conn::QueryEach(const char* sql, const std::vector<Params>& each,
                       const std::function<void(std::size_t index, const Rows& rows)>& fn) {
  XJ_ASSIGN_OR_RETURN(std::string name, Prepared(sql));
  for (std::size_t start = 0; start < each.size(); start += kPipelineDepth) {
    const std::size_t end = std::min(each.size(), start + kPipelineDepth);
    if (PQenterPipelineMode(conn_) != 1) return Status::Internal("postgresql: 无法进入管道模式");
    Status sent;
    for (std::size_t i = start; i < end && sent.ok(); ++i) {
      const std::vector<const char*> values = Pointers(each[i]);
      if (PQsendQueryPrepared(conn_, name.c_str(), static_cast<int>(values.size()), values.data(), nullptr, nullptr,
                              0) != 1) {
        sent = Status::Unavailable("postgresql: " + Trimmed(PQerrorMessage(conn_)));
      }
    }
    if (sent.ok() && PQpipelineSync(conn_) != 1) {
      sent = Status::Unavailable("postgresql: " + Trimmed(PQerrorMessage(conn_)));
    }
    if (!sent.ok()) {
      broken_ = true;  // mid-pipeline: never hand this connection out again
      return sent;
    }
    // Every statement yields its result then a null; the sync yields PGRES_PIPELINE_SYNC.
    Status first_error;
    std::size_t index = start;
    for (;;) {
      PGresult* res = PQgetResult(conn_);
      if (res == nullptr) {
        if (PQstatus(conn_) != CONNECTION_OK) {
          broken_ = true;
          return Status::Unavailable("postgresql: " + Trimmed(PQerrorMessage(conn_)));
        }
        continue;
      }
      const ExecStatusType status = PQresultStatus(res);
      if (status == PGRES_PIPELINE_SYNC) {
        PQclear(res);
        break;
      }
      if (status == PGRES_PIPELINE_ABORTED) {
        PQclear(res);
        ++index;
        continue;
      }
      Result<Rows> rows = Check(res, "postgresql");
      if (!rows.ok()) {
        if (first_error.ok()) first_error = rows.status();
      } else if (first_error.ok()) {
        fn(index, *rows);
      }
      ++index;
    }
    PQexitPipelineMode(conn_);
    if (!first_error.ok()) return first_error;
  }
  return Status::Ok();
}

Result<Rows> Conn::QueryDynamic(const std::string& sql, const Params& params) {
  const std::vector<const char*> values = Pointers(params);
  return Check(
      PQexecParams(conn_, sql.c_str(), static_cast<int>(values.size()), nullptr, values.data(), nullptr, nullptr, 0),
      "postgresql");
}

Status Conn::Stream(const std::string& sql, const Params& params, const std::function<Status(const Rows& row)>& fn) {
  const std::vector<const char*> values = Pointers(params);
  if (PQsendQueryParams(conn_, sql.c_str(), static_cast<int>(values.size()), nullptr, values.data(), nullptr, nullptr,
                        0) != 1) {
    return Status::Unavailable("postgresql: " + Trimmed(PQerrorMessage(conn_)));
  }
  PQsetSingleRowMode(conn_);
  Status outcome;
  while (PGresult* res = PQgetResult(conn_)) {
    if (!outcome.ok()) {
      PQclear(res);
      continue;
    }
    Result<Rows> rows = Check(res, "postgresql");
    if (!rows.ok()) {
      outcome = rows.status();
      continue;
    }
    if (rows->size() == 0) continue;  // the final PGRES_TUPLES_OK
    outcome = fn(*rows);
    if (!outcome.ok()) {
      // Stop the server from sending the rest; the remaining results are discarded.
      if (PGcancel* cancel = PQgetCancel(conn_)) {
        char err[256];
        PQcancel(cancel, err, sizeof err);
        PQfreeCancel(cancel);
      }
    }
  }
  return outcome;
}

Status Conn::CopyIn(const std::string& copy_sql, const std::function<Status(CopyWriter&)>& fill) {
  Result<Rows> start = Check(PQexec(conn_, copy_sql.c_str()), "copy");
  if (!start.ok()) return start.status();
  CopyWriter writer(conn_);
  Status s = fill(writer);
  if (s.ok()) s = writer.Flush();
  if (PQputCopyEnd(conn_, s.ok() ? nullptr : "aborted by client") != 1) {
    Drain();
    return Status::Unavailable("COPY 结束失败: " + Trimmed(PQerrorMessage(conn_)));
  }
  Status end;
  while (PGresult* res = PQgetResult(conn_)) {
    Result<Rows> r = Check(res, "copy");
    if (end.ok() && !r.ok()) end = r.status();
  }
  return s.ok() ? end : s;
}

}  // namespace xj::pg
