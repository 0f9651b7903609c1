// Routes of issue #7 (Excel in and out): import jobs with progress and an error workbook, and
// the formatted XLSX exports. Registered from api.cpp by RegisterExcelRoutes.
#include <unistd.h>

#include <atomic>
#include <cctype>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <stdexcept>

#include "app/excel_exports.hpp"
#include "app/import_jobs.hpp"
#include "app/import_templates.hpp"
#include "http/api_excel.hpp"
#include "http/codecs.hpp"
#include "http/handler_support.hpp"
#include "http/json_response.hpp"
#include "http/params.hpp"
#include "io/import_template.hpp"
#include "io/table_file.hpp"

namespace xj::http {
namespace {

constexpr const char* kXlsxType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
constexpr std::size_t kJsonErrorsShown = 1000;

/// RFC 5987 encoding of a UTF-8 file name for Content-Disposition.
std::string EncodeFileName(const std::string& name) {
  static const char* kHex = "0123456789ABCDEF";
  std::string out;
  for (unsigned char c : name) {
    if (std::isalnum(c) || c == '.' || c == '-' || c == '_') {
      out.push_back(static_cast<char>(c));
    } else {
      out += '%';
      out += kHex[c >> 4];
      out += kHex[c & 15];
    }
  }
  return out;
}

Response FileResponse(std::string bytes, std::string content_type, const std::string& file_name,
                      const std::string& ascii_name) {
  Response r;
  r.content_type = std::move(content_type);
  r.body = std::move(bytes);
  r.headers.emplace_back("Content-Disposition",
                         "attachment; filename=\"" + ascii_name + "\"; filename*=UTF-8''" + EncodeFileName(file_name));
  r.headers.emplace_back("Cache-Control", "no-store");
  return r;
}

Response XlsxResponse(std::string bytes, const std::string& file_name) {
  return FileResponse(std::move(bytes), kXlsxType, file_name, "export.xlsx");
}

/// A unique temporary path, removed when the guard goes out of scope.
class TempFile {
 public:
  TempFile() {
    static std::atomic<int> counter{0};
    path_ = std::filesystem::temp_directory_path() /
            ("xianjie-export-" + std::to_string(::getpid()) + "-" + std::to_string(counter++) + ".xlsx");
  }
  ~TempFile() {
    std::error_code ec;
    std::filesystem::remove(path_, ec);
  }
  TempFile(const TempFile&) = delete;
  TempFile& operator=(const TempFile&) = delete;
  std::string path() const { return path_.string(); }
  Result<std::string> Read() const {
    std::ifstream in(path_, std::ios::binary);
    std::ostringstream bytes;
    bytes << in.rdbuf();
    if (!in) return Status::Internal("无法读取导出文件");
    return bytes.str();
  }

 private:
  std::filesystem::path path_;
};

nlohmann::ordered_json ToJson(const ImportJobView& j) {
  nlohmann::ordered_json errors = nlohmann::ordered_json::array();
  for (std::size_t i = 0; i < j.errors.size() && i < kJsonErrorsShown; ++i) {
    nlohmann::ordered_json e = nlohmann::ordered_json::parse(xj::http::ToJson(j.errors[i]).dump());
    e["column_label"] = ColumnLabel(ImportKindName(j.kind), j.errors[i].column);
    errors.push_back(std::move(e));
  }
  nlohmann::ordered_json out = {
      {"job_id", j.id},
      {"kind", ImportKindName(j.kind)},
      {"state", JobStateName(j.state)},
      {"phase", j.phase},
      {"file_name", j.file_name},
      {"format", j.format},
      {"owner", j.owner},
      {"rows_read", j.rows_read},
      {"rows_total", j.rows_total},
      {"created_at", j.created_at},
      {"started_at", j.started_at.empty() ? nlohmann::ordered_json(nullptr) : nlohmann::ordered_json(j.started_at)},
      {"finished_at", j.finished_at.empty() ? nlohmann::ordered_json(nullptr) : nlohmann::ordered_json(j.finished_at)},
      {"report", nullptr},
      {"error", nullptr},
      {"errors", std::move(errors)},
      {"errors_total", j.errors_total},
  };
  if (j.report) out["report"] = nlohmann::ordered_json::parse(xj::http::ToJson(*j.report).dump());
  if (j.state == JobState::kFailed || j.state == JobState::kCancelled) {
    out["error"] = {{"code", j.error_code}, {"message", j.error_message}};
  }
  if (j.has_error_workbook) out["errors_url"] = "/api/v1/imports/jobs/" + j.id + "/errors.xlsx";
  return out;
}

/// The error answer of an import: ErrorResponse's, each row problem with `column_label`, the Chinese
/// name of its column in `kind`'s format (issue #21 point 6).
Response ImportErrorResponse(const Status& status, ImportKind kind) {
  Response r = ErrorResponse(status);
  if (status.details().empty()) return r;
  nlohmann::json body = nlohmann::json::parse(r.body, nullptr, false);
  if (body.is_discarded() || !body["error"].contains("details")) return r;
  for (nlohmann::json& d : body["error"]["details"]) {
    d["column_label"] = ColumnLabel(ImportKindName(kind), d.value("column", std::string()));
  }
  r.body = body.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
  return r;
}

/// How an upload is read: `strict_formulas=true` refuses every formula cell (issue #21 point 6).
Result<TableOptions> ImportOptionsOf(const Request& req) {
  TableOptions options;
  const std::string strict = req.Query("strict_formulas");
  if (strict == "true" || strict == "1") {
    options.strict_formulas = true;
  } else if (!strict.empty() && strict != "false" && strict != "0") {
    return Status::InvalidArgument("参数 strict_formulas 应为 true 或 false");
  }
  return options;
}

/// The handler of an import at once: the body is the file (CSV, or XLSX told by its zip magic
/// or its Content-Type); all-or-nothing, the report or every row error in the answer.
std::function<Response(Request&)> ImportNow(App& app, ImportKind kind) {
  return [&app, kind](Request& req) {
    auto options = ImportOptionsOf(req);
    if (!options.ok()) return ErrorResponse(options.status());
    auto table = OpenTableBuffer(req.body, req.Header("content-type"), *options);
    if (!table.ok()) return ImportErrorResponse(table.status(), kind);
    auto report = RunImport(app, kind, Caller(req), *table->source);
    if (!report.ok()) return ImportErrorResponse(report.status(), kind);
    return JsonResponse(xj::http::ToJson(*report));
  };
}

/// The handler that queues an import job of `kind` (body = the file).
std::function<Response(Request&)> SubmitJob(App& app, ImportKind kind) {
  return [&app, kind](Request& req) {
    auto options = ImportOptionsOf(req);
    if (!options.ok()) return ErrorResponse(options.status());
    std::string file_name = req.Query("file_name");
    auto job = app.import_jobs().Submit(Caller(req), kind, req.body, std::move(file_name),
                                        std::string(req.Header("content-type")), *options);
    if (!job.ok()) return ErrorResponse(job.status());
    Response r = OrderedJsonResponse(ToJson(*job), 202);
    r.headers.emplace_back("Location", "/api/v1/imports/jobs/" + job->id);
    return r;
  };
}

Result<std::optional<int>> OptionalYear(const Request& req) {
  XJ_ASSIGN_OR_RETURN(auto year, OptionalInt(req, "year", 2000, 2100));
  if (!year) return std::optional<int>{};
  return std::optional<int>{static_cast<int>(*year)};
}

}  // namespace

Response ExportFile(const Request& req, const std::function<Status(const ExportTarget&)>& write,
                    const std::string& file_name) {
  auto format = ParseExportFormat(req.Query("format"));
  if (!format.ok()) return ErrorResponse(format.status());
  TempFile tmp;
  if (Status s = write(ExportTarget(tmp.path(), *format)); !s.ok()) return ErrorResponse(s);
  auto bytes = tmp.Read();
  if (!bytes.ok()) return ErrorResponse(bytes.status());
  return FileResponse(std::move(*bytes), std::string(ExportContentType(*format)), ExportFileName(file_name, *format),
                      ExportFileName("export.xlsx", *format));
}

void RegisterExcelRoutes(Router& router, App& app) {
  // --- imports of every kind: at once (all-or-nothing, the report in the answer) and as jobs
  //     (导入任务: 202 with the job at once); body = the CSV or XLSX file ---
  for (ImportKind kind :
       {ImportKind::kRegions, ImportKind::kProjects, ImportKind::kLedger, ImportKind::kContracts, ImportKind::kProgress,
        ImportKind::kBenchmarks, ImportKind::kAssets, ImportKind::kWorkers, ImportKind::kWages, ImportKind::kFactors}) {
    const std::string path = "/api/v1/imports/" + std::string(ImportKindName(kind));
    router.Add("POST", path, AccessRule::Require(ImportAction(kind)), ImportNow(app, kind));
    router.Add("POST", path + "/jobs", AccessRule::Require(ImportAction(kind)), SubmitJob(app, kind));
  }

  // Templates (导入模板): the columns, units, allowed values and one example row of each kind, the
  // example filled from the caller's scope; `format=csv` for a CSV (UTF-8 with BOM). Any signed-in
  // user may download one (it holds no data beyond region and project codes of their scope).
  router.Add("GET", "/api/v1/imports/templates/{kind}", AccessRule::Session(), [&app](Request& req) {
    const std::string kind = req.path_params["kind"];
    auto file = BuildImportTemplate(app, Caller(req), kind, req.Query("format"));
    if (!file.ok()) return ErrorResponse(file.status());
    const std::string ext = file->file_name.substr(file->file_name.rfind('.'));
    return FileResponse(std::move(file->bytes), file->content_type, file->file_name, "template-" + kind + ext);
  });

  // A job is the caller's own data (admins see every job): a session is enough.
  router.Add("GET", "/api/v1/imports/jobs", AccessRule::Session(), [&app](Request& req) {
    auto jobs = app.import_jobs().List(Caller(req));
    if (!jobs.ok()) return ErrorResponse(jobs.status());
    nlohmann::ordered_json items = nlohmann::ordered_json::array();
    for (const ImportJobView& j : *jobs) {
      nlohmann::ordered_json item = ToJson(j);
      item.erase("errors");
      items.push_back(std::move(item));
    }
    return OrderedJsonResponse(nlohmann::ordered_json{{"items", std::move(items)}});
  });

  router.Add("GET", "/api/v1/imports/jobs/{id}", AccessRule::Session(), [&app](Request& req) {
    auto job = app.import_jobs().Get(Caller(req), req.path_params["id"]);
    if (!job.ok()) return ErrorResponse(job.status());
    Response r = OrderedJsonResponse(ToJson(*job));
    r.headers.emplace_back("Cache-Control", "no-store");
    return r;
  });

  router.Add("GET", "/api/v1/imports/jobs/{id}/errors.xlsx", AccessRule::Session(), [&app](Request& req) {
    const std::string id = req.path_params["id"];
    auto bytes = app.import_jobs().ErrorWorkbook(Caller(req), id);
    if (!bytes.ok()) return ErrorResponse(bytes.status());
    return XlsxResponse(std::move(*bytes), "导入错误表-" + id + ".xlsx");
  });

  // --- exports (导出): formatted XLSX of what the screens show ---
  router.Add("GET", "/api/v1/exports/dispatch.xlsx", AccessRule::Require(Action::kRead), [&app](Request& req) {
    auto q = ParseIndicatorQuery(req);
    if (!q.ok()) return ErrorResponse(q.status());
    if (q->region_code.empty()) return ErrorResponse(Status::InvalidArgument("缺少参数 region"));
    return ExportFile(
        req, [&](const ExportTarget& target) { return ExportDispatchTable(app, Caller(req), *q, target); },
        "月调度表-" + q->region_code + "-" + q->as_of.ToString() + ".xlsx");
  });

  router.Add("GET", "/api/v1/exports/rankings.xlsx", AccessRule::Require(Action::kRead), [&app](Request& req) {
    auto q = ParseIndicatorQuery(req);
    if (!q.ok()) return ErrorResponse(q.status());
    auto request = ParseRankRequest(req);
    if (!request.ok()) return ErrorResponse(request.status());
    return ExportFile(
        req, [&](const ExportTarget& target) { return ExportRankings(app, Caller(req), *q, *request, target); },
        "排名与奖惩-" + q->as_of.ToString() + ".xlsx");
  });

  router.Add("GET", "/api/v1/exports/settlements.xlsx", AccessRule::Require(Action::kRead), [&app](Request& req) {
    auto year = OptionalInt(req, "year", 2000, 2100);
    if (!year.ok()) return ErrorResponse(year.status());
    const std::string region = req.Query("region");
    return ExportFile(
        req,
        [&](const ExportTarget& target) {
          return ExportSettlements(app, Caller(req), region, static_cast<int>(year->value_or(0)), target);
        },
        "奖惩结算-" + (region.empty() ? std::string("全部") : region) + ".xlsx");
  });

  router.Add("GET", "/api/v1/exports/flags.xlsx", AccessRule::Require(Action::kRead), [&app](Request& req) {
    auto q = ParseFlagQuery(req);
    if (!q.ok()) return ErrorResponse(q.status());
    q->page_size = 0;  // the export holds every matching flag
    return ExportFile(
        req, [&](const ExportTarget& target) { return ExportFlags(app, Caller(req), *q, target); },
        "问题预警-" + q->as_of.ToString() + ".xlsx");
  });

  router.Add("GET", "/api/v1/exports/projects.xlsx", AccessRule::Require(Action::kRead), [&app](Request& req) {
    ProjectListQuery q;
    q.region_code = req.Query("region");
    auto year = OptionalYear(req);
    if (!year.ok()) return ErrorResponse(year.status());
    q.year = *year;
    q.state = req.Query("state");
    q.category = req.Query("category");
    q.text = req.Query("q");
    return ExportFile(
        req, [&](const ExportTarget& target) { return ExportProjects(app, Caller(req), q, target); }, "项目清单.xlsx");
  });

  router.Add("GET", "/api/v1/exports/ledger.xlsx", AccessRule::Require(Action::kRead), [&app](Request& req) {
    auto q = ParseLedgerListQuery(req);
    if (!q.ok()) return ErrorResponse(q.status());
    return ExportFile(
        req, [&](const ExportTarget& target) { return ExportLedger(app, Caller(req), *q, target); }, "资金台账.xlsx");
  });
}

}  // namespace xj::http
