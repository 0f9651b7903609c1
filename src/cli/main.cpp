// The composition root: config → store → app → routes → server, and the CLI of docs/definitions.md §5.
#include <termios.h>
#include <unistd.h>
#include <CLI/CLI.hpp>

#include <csignal>
#include <cstdlib>
#include <fstream>
#include <iostream>

#include "app/app.hpp"
#include "app/import_jobs.hpp"
#include "app/import_templates.hpp"
#include "app/what_if.hpp"
#include "cli/commands.hpp"
#include "cli/output.hpp"
#include "http/api.hpp"
#include "http/codecs.hpp"
#include "http/server.hpp"
#include "io/table_file.hpp"

namespace xj::cli {
namespace {

constexpr const char* kDefaultDb = "sqlite:xianjie.db";
constexpr int kExitUsage = 2;

/// --data-key-file of the command line ('' = not given).
std::string g_data_key_file;  // NOLINT: set once by main before any command runs

/// The key file of personal data (docs/operations.md "Personal data"): --data-key-file, else
/// XIANJIE_DATA_KEY_FILE, else beside a SQLite database (PATH.key), else xianjie-data.key in the
/// working directory.
std::string DataKeyFileFor(const std::string& db_url) {
  if (!g_data_key_file.empty()) return g_data_key_file;
  if (const char* env = std::getenv("XIANJIE_DATA_KEY_FILE"); env && *env) return env;
  constexpr std::string_view kSqlite = "sqlite:";
  if (db_url.rfind(kSqlite, 0) == 0) {
    std::string path = db_url.substr(kSqlite.size());
    if (auto q = path.find('?'); q != std::string::npos) path.resize(q);
    if (!path.empty() && path != ":memory:") return path + ".key";
  }
  return "xianjie-data.key";
}

}  // namespace

int Fail(const Status& s) {
  std::cerr << "错误 " << s.ToString() << "\n";
  return s.code() == ErrorCode::kInvalidArgument ? kExitUsage : 1;
}

Result<std::unique_ptr<App>> OpenApp(const std::string& db_url, AppOptions options) {
  XJ_ASSIGN_OR_RETURN(auto store, OpenStore(db_url));
  if (options.data_key_file.empty()) options.data_key_file = DataKeyFileFor(db_url);
  auto app = std::make_unique<App>(std::move(store), std::move(options));
  XJ_RETURN_IF_ERROR(app->Start());
  return app;
}

Result<IndicatorQuery> ParseQuery(const FigureFlags& f) {
  IndicatorQuery q;
  q.region_code = f.region;
  q.year = f.year;
  XJ_ASSIGN_OR_RETURN(q.as_of, Date::Parse(f.as_of));
  auto source = ParseFundSource(f.fund_source);
  if (!source) return Status::InvalidArgument("未知的资金来源：" + f.fund_source);
  q.fund_source = *source;
  if (!IsKnownFormat(f.format)) return Status::InvalidArgument("--format 应为 json|csv|table");
  return q;
}

namespace {

/// This machine's host name ("localhost" when it has none).
std::string HostName() {
  char host[256] = {};
  if (::gethostname(host, sizeof host - 1) != 0 || host[0] == '\0') return "localhost";
  return host;
}

/// The serving App: on `db`, with its engine built and followed from `replica` when one is given
/// (`serve --replica`; docs/operations.md "Read replica"), which must be PostgreSQL like `db`.
Result<std::unique_ptr<App>> OpenServingApp(const std::string& db, const std::string& replica, AppOptions options) {
  if (replica.empty()) return OpenApp(db, std::move(options));
  constexpr std::string_view kPostgres = "postgresql://";
  if (db.rfind(kPostgres, 0) != 0 || replica.rfind(kPostgres, 0) != 0) {
    return Status::InvalidArgument("--replica 只用于 PostgreSQL：--db 与 --replica 都应为 postgresql://…");
  }
  if (replica == db) return Status::InvalidArgument("--replica 应为主库的流复制副本，不能与 --db 相同");
  XJ_ASSIGN_OR_RETURN(auto store, OpenStore(db));
  XJ_ASSIGN_OR_RETURN(auto replica_store, OpenStore(replica));
  if (options.data_key_file.empty()) options.data_key_file = DataKeyFileFor(db);
  auto app = std::make_unique<App>(std::move(store), std::move(options));
  app->UseReplica(std::move(replica_store));
  XJ_RETURN_IF_ERROR(app->Start());
  return app;
}

int RunServe(const std::string& db, const std::string& replica, const AppOptions& app_options,
             const http::ServerOptions& options, const std::string& web_dir) {
  auto app = OpenServingApp(db, replica, app_options);
  if (!app.ok()) return Fail(app.status());
  const std::string& address = options.address;
  http::Handlers handlers = http::MakeHandlers(**app, web_dir);
  http::ServerOptions serving = options;
  // SIGTERM: a running import (on a worker or as a job) is cancelled at its next row and rolled
  // back, so shutdown does not wait for it.
  serving.on_signal = [] { CancelImports(); };
  http::HttpServer server(serving, std::move(handlers.handler), std::move(handlers.head));
  if (Status s = server.Listen(); !s.ok()) return Fail(s);
  // This process holds the address now: the import jobs an earlier process of this name left
  // unfinished are recorded as cancelled (docs/operations.md "Import jobs").
  if (Status s = (*app)->import_jobs().TakeOver(HostName() + ":" + std::to_string(server.port())); !s.ok()) {
    return Fail(s);
  }
  server.StopOnSignals();
  // Other processes' writes (another server, `xianjie import`) reach this one's figures within
  // this interval plus the time to apply them (issue #16).
  (*app)->StartFollower(std::chrono::milliseconds(200));
  std::cout << "启动用时";
  for (const auto& [phase, seconds] : (*app)->start_phases()) std::cout << " " << phase << " " << seconds << "s";
  if (!replica.empty()) std::cout << "\n指标引擎从只读副本构建并跟随；写入与其余读取走主库";
  std::cout << "\n衔接 xianjie 正在服务: http://" << address << ":" << server.port() << "/" << std::endl;
  server.Run();
  return 0;
}

int RunMigrate(const std::string& db) {
  auto store = OpenStore(db);
  if (!store.ok()) return Fail(store.status());
  auto v = (*store)->Migrate();
  if (!v.ok()) return Fail(v.status());
  std::cout << "schema version " << *v << "\n";
  return 0;
}

int RunImport(const std::string& db, const std::string& kind, const std::string& file, const std::string& format,
              TableOptions options) {
  const std::optional<ImportKind> import_kind = ParseImportKind(kind);
  if (!import_kind) {
    return Fail(Status::InvalidArgument(
        "未知的导入类型：" + kind +
        "（应为 regions|projects|ledger|contracts|progress|benchmarks|assets|workers|wages|factors）"));
  }
  // CSV or XLSX (first sheet), told by the file's first bytes, then its extension.
  auto table = OpenTableFile(file, {}, options);
  if (!table.ok()) return Fail(table.status());
  auto app = OpenApp(db, {});
  if (!app.ok()) return Fail(app.status());
  TableSource& reader = *table->source;
  Result<ImportReport> report = RunImport(**app, *import_kind, Actor::System(), reader);
  if (!report.ok()) return Fail(report.status());
  if (format == "json") {
    std::cout << http::ToJson(*report).dump(2) << "\n";
    return 0;
  }
  std::cout << "导入完成 " << report->kind << "（文件编码 " << report->encoding << "）: 行数 " << report->rows
            << ", 新增 " << report->inserted << ", 更新 " << report->updated << ", 未变 " << report->unchanged << "\n";
  if (report->formula_cells.total > 0) {
    std::cout << "按公式的计算结果导入的单元格 " << report->formula_cells.total << " 个：";
    for (std::size_t i = 0; i < report->formula_cells.first.size() && i < 20; ++i) {
      const FormulaCell& c = report->formula_cells.first[i];
      std::cout << (i ? "、" : "") << c.sheet << "!" << c.column << c.row;
    }
    std::cout << (report->formula_cells.total > 20 ? "…" : "") << "\n";
  }
  return 0;
}

/// `xianjie template`: the import template of `kind` (issue #21 point 6), its example row filled from
/// the database's regions (the first county), written to `out`.
int RunTemplate(const std::string& db, const std::string& kind, const std::string& out, const std::string& format) {
  auto app = OpenApp(db, {});
  if (!app.ok()) return Fail(app.status());
  auto file = BuildImportTemplate(**app, Actor::System(), kind, format);
  if (!file.ok()) return Fail(file.status());
  std::ofstream f(out, std::ios::binary | std::ios::trunc);
  f.write(file->bytes.data(), static_cast<std::streamsize>(file->bytes.size()));
  f.close();
  if (!f) return Fail(Status::Internal("无法写入文件：" + out));
  std::cout << "已生成" << file->file_name.substr(0, file->file_name.rfind('.')) << "：" << out << "\n";
  return 0;
}

int RunIndicators(const std::string& db, const FigureFlags& f, bool by_children) {
  auto q = ParseQuery(f);
  if (!q.ok()) return Fail(q.status());
  auto app = OpenApp(db, {});
  if (!app.ok()) return Fail(app.status());
  if (by_children) {
    auto rows = (*app)->ChildIndicators(Actor::System(), *q);
    if (!rows.ok()) return Fail(rows.status());
    http::OrderedJson out = http::OrderedJson::array();
    for (const auto& r : *rows) out.push_back(http::ToJson(r));
    PrintFormatted(out, f.format, std::cout);
    return 0;
  }
  if (q->region_code.empty()) return Fail(Status::InvalidArgument("缺少 --region"));
  auto r = (*app)->ComputeIndicators(Actor::System(), *q);
  if (!r.ok()) return Fail(r.status());
  PrintFormatted(http::ToJson(*r), f.format, std::cout);
  return 0;
}

int RunRank(const std::string& db, const FigureFlags& f, const RankFlags& rf) {
  auto q = ParseQuery(f);
  if (!q.ok()) return Fail(q.status());
  auto request = MakeRankRequest(rf.level, rf.metric);
  if (!request.ok()) return Fail(request.status());
  request->top = rf.top;
  request->bottom = rf.bottom;
  if (rf.amount_yuan) {
    auto amount = ParseYuan(*rf.amount_yuan);
    if (!amount.ok()) return Fail(amount.status());
    request->amount = *amount;
  }
  auto app = OpenApp(db, {});
  if (!app.ok()) return Fail(app.status());
  if (!rf.what_if.empty()) {
    std::vector<std::pair<std::string, std::string>> pairs;
    for (const std::string& kv : rf.what_if) {
      const auto eq = kv.find('=');
      if (eq == std::string::npos) return Fail(Status::InvalidArgument("--what-if 应为 key=value：" + kv));
      pairs.emplace_back(kv.substr(0, eq), kv.substr(eq + 1));
    }
    auto what_if = ParseRankWhatIf(pairs);
    if (!what_if.ok()) return Fail(what_if.status());
    auto compared = CompareWhatIf(**app, Actor::System(), *q, *request, *what_if);
    if (!compared.ok()) return Fail(compared.status());
    PrintFormatted(f.format == "json" ? WhatIfJson(*compared) : WhatIfRowsJson(*compared), f.format, std::cout);
    return 0;
  }
  auto ranking = (*app)->Rank(Actor::System(), *q, *request);
  if (!ranking.ok()) return Fail(ranking.status());
  PrintFormatted(http::RankRowsJson(*ranking), f.format, std::cout);
  return 0;
}

int RunFlags(const std::string& db, const FigureFlags& f, bool any_source, const FlagCliFilters& filters) {
  auto as_of = Date::Parse(f.as_of);
  if (!as_of.ok()) return Fail(as_of.status());
  FlagQuery q;
  q.region_code = f.region;
  q.as_of = *as_of;
  if (f.year > 0) q.fund_year = f.year;
  if (!any_source) {
    q.fund_source = ParseFundSource(f.fund_source);
    if (!q.fund_source) return Fail(Status::InvalidArgument("未知的资金来源：" + f.fund_source));
  }
  q.kind = filters.kind;
  q.status = filters.status;
  if (!IsKnownFormat(f.format)) return Fail(Status::InvalidArgument("--format 应为 json|csv|table"));
  auto app = OpenApp(db, {});
  if (!app.ok()) return Fail(app.status());
  auto report = (*app)->Flags(Actor::System(), q);
  if (!report.ok()) return Fail(report.status());
  if (f.format == "json") {
    PrintFormatted(http::ToJson(*report), "json", std::cout);
  } else {
    PrintFormatted(http::FlagRows(*report), f.format, std::cout);
  }
  return 0;
}

int RunBackup(const std::string& db, const std::string& to) {
  auto store = OpenStore(db);
  if (!store.ok()) return Fail(store.status());
  if (Status s = (*store)->Backup(to); !s.ok()) return Fail(s);
  std::cout << "备份完成：" << to << "\n";
  return 0;
}

void AddFigureFlags(CLI::App* cmd, FigureFlags& f, bool region_required, bool year_required) {
  auto* region = cmd->add_option("--region", f.region, "区划代码（子树）");
  if (region_required) region->required();
  auto* year = cmd->add_option("--year", f.year, "资金年度 / 计划年度")->check(CLI::Range(2000, 2100));
  if (year_required) year->required();
  cmd->add_option("--as-of", f.as_of, "截至日期 YYYY-MM-DD")->required();
  cmd->add_option("--fund-source", f.fund_source, "资金来源（默认 central）");
  cmd->add_option("--format", f.format, "json|csv|table");
}

/// One line from stdin without its line end; the terminal does not echo it.
std::string ReadPassword() {
  const bool tty = isatty(STDIN_FILENO) != 0;
  termios saved{};
  if (tty) {
    std::cerr << "密码 / password: " << std::flush;
    tcgetattr(STDIN_FILENO, &saved);
    termios quiet = saved;
    quiet.c_lflag &= ~static_cast<tcflag_t>(ECHO);
    tcsetattr(STDIN_FILENO, TCSANOW, &quiet);
  }
  std::string line;
  std::getline(std::cin, line);
  if (tty) {
    tcsetattr(STDIN_FILENO, TCSANOW, &saved);
    std::cerr << "\n";
  }
  if (!line.empty() && line.back() == '\r') line.pop_back();
  return line;
}

int RunUserAdd(const std::string& db, const std::string& name, const std::string& role_name, const std::string& region,
               const std::string& department) {
  const auto role = ParseRole(role_name);
  if (!role) {
    return Fail(Status::InvalidArgument("未知角色：" + role_name +
                                        "（应为 admin|region_officer|prefecture_officer|county_officer|"
                                        "township_officer|finance_officer|supervisor|leader|auditor）"));
  }
  auto app = OpenApp(db, {});
  if (!app.ok()) return Fail(app.status());
  auto user = (*app)->CreateUser(Actor::System(), NewUser{name, *role, region, ReadPassword(), department});
  if (!user.ok()) return Fail(user.status());
  std::cout << "已创建用户 " << user->username << "（" << RoleLabel(user->role) << "，" << user->region_name << " "
            << user->region_code << (user->department.empty() ? "" : "，" + user->department) << "）\n";
  return 0;
}

}  // namespace

int VerifyAuditChain(App& app) {
  auto v = app.VerifyAudit();
  if (!v.ok()) return Fail(v.status());
  if (!v->ok()) {
    std::cerr << "审计日志校验失败 / audit chain BROKEN: 第 " << *v->broken_seq << " 条 (seq " << *v->broken_seq
              << "): " << v->reason << "\n  此前 " << v->rows << " 条完好 / " << v->rows << " rows intact before it\n";
    return 3;
  }
  std::cout << "审计日志完整 / audit chain OK: " << v->rows << " 条, 最新哈希 head " << v->head_hash << "\n";
  return 0;
}

}  // namespace xj::cli

int main(int argc, char** argv) {
  using namespace xj::cli;
  CLI::App cli{"衔接 xianjie — 衔接资金项目管理系统"};
  cli.require_subcommand(1);
  std::string db = kDefaultDb;
  auto db_option = [&db](CLI::App* cmd) {
    cmd->add_option("--db", db, "数据库 sqlite:PATH 或 postgresql://…");
    cmd->add_option("--data-key-file", g_data_key_file,
                    "个人信息密钥文件（身份证号、电话加密与盲索引；默认 XIANJIE_DATA_KEY_FILE 或数据库旁的 PATH.key）");
  };

  auto* serve = cli.add_subcommand("serve", "启动 HTTP 服务");
  int port = 8080;
  std::string web_dir = "web/dist";
  xj::http::ServerOptions server_options;
  xj::AppOptions app_options;
  auto& accounts = app_options.accounts;
  std::int64_t idle_s = accounts.session_idle.count(), absolute_s = accounts.session_absolute.count();
  std::int64_t window_s = accounts.throttle.window.count();
  std::int64_t header_timeout_s = server_options.header_timeout.count();
  std::int64_t idle_timeout_s = server_options.idle_timeout.count();
  std::string replica;
  db_option(serve);
  serve->add_option("--replica", replica,
                    "只读副本 postgresql://…（PostgreSQL 流复制备库）：指标引擎从副本构建并跟随，写入仍到 --db");
  serve->add_option("--port", port, "端口（0 = 任选空闲端口）")->check(CLI::Range(0, 65535));
  serve->add_option("--address", server_options.address, "监听地址");
  serve->add_option("--web", web_dir, "前端构建目录");
  serve->add_option("--threads", server_options.threads, "I/O 线程数")->check(CLI::Range(1, 64));
  serve->add_option("--session-idle-seconds", idle_s, "会话空闲超时（秒）")->check(CLI::Range(1, 7 * 86400));
  serve->add_option("--session-absolute-seconds", absolute_s, "会话最长时限（秒）")->check(CLI::Range(1, 30 * 86400));
  serve->add_option("--login-max-failures", accounts.throttle.max_failures_per_user, "同一用户名允许的失败登录次数")
      ->check(CLI::Range(1, 1000));
  serve
      ->add_option("--login-max-failures-per-address", accounts.throttle.max_failures_per_address,
                   "同一地址允许的失败登录次数")
      ->check(CLI::Range(1, 100000));
  serve->add_option("--login-window-seconds", window_s, "失败登录计数窗口（秒）")->check(CLI::Range(1, 86400));
  serve
      ->add_option("--token-requests-per-minute", app_options.tokens.rate.requests_per_minute,
                   "每个 API 令牌每分钟允许的请求数")
      ->check(CLI::Range(1, 1'000'000));
  serve->add_option("--token-burst", app_options.tokens.rate.burst, "每个 API 令牌允许的突发请求数")
      ->check(CLI::Range(1, 1'000'000));
  serve->add_option("--header-timeout-seconds", header_timeout_s, "接收完整请求头的时限（秒）")
      ->check(CLI::Range(1, 600));
  serve->add_option("--idle-timeout-seconds", idle_timeout_s, "长连接空闲时限（秒）")->check(CLI::Range(1, 3600));

  auto* migrate = cli.add_subcommand("migrate", "升级数据库结构");
  db_option(migrate);

  auto* import = cli.add_subcommand("import", "导入 CSV 或 XLSX 文件（全部成功或全部不导入）");
  std::string kind, file;
  db_option(import);
  import
      ->add_option("--kind", kind, "regions|projects|ledger|contracts|progress|benchmarks|assets|workers|wages|factors")
      ->required();
  import->add_option("file", file, "文件")->required();
  std::string import_format = "text";
  import->add_option("--format", import_format, "text|json：结果的输出格式（json 含文件编码 encoding）")
      ->check(CLI::IsMember({"text", "json"}));
  xj::TableOptions import_options;
  import->add_flag("--strict-formulas", import_options.strict_formulas,
                   "拒绝所有含公式的单元格（默认按文件中保存的计算结果导入，只拒绝没有计算结果的公式）");

  auto* template_cmd =
      cli.add_subcommand("template", "生成导入模板（XLSX：中文表头、单位、一行示例和填写说明；或 CSV）");
  std::string template_kind, template_out, template_format = "xlsx";
  db_option(template_cmd);
  template_cmd
      ->add_option("--kind", template_kind,
                   "regions|projects|ledger|contracts|progress|benchmarks|assets|workers|wages|factors")
      ->required();
  template_cmd->add_option("--out", template_out, "输出文件")->required();
  template_cmd->add_option("--format", template_format, "xlsx|csv")->check(CLI::IsMember({"xlsx", "csv"}));

  FigureFlags figure;
  auto* indicators = cli.add_subcommand("indicators", "计算指标（开工率、支出进度、同比等）");
  db_option(indicators);
  AddFigureFlags(indicators, figure, false, true);
  bool by_children = false;
  std::string by;
  indicators->add_option("--by", by, "children：列出下级区划")->check(CLI::IsMember({"children"}));

  auto* rank = cli.add_subcommand("rank", "按支出进度排名并计算奖惩");
  db_option(rank);
  AddFigureFlags(rank, figure, false, true);
  RankFlags rank_flags;
  rank->add_option("--level", rank_flags.level, "排名级别（默认 county）");
  rank->add_option("--metric", rank_flags.metric, "expend_progress|assessed_progress");
  rank->add_option("--top", rank_flags.top, "奖励名额")->check(CLI::NonNegativeNumber);
  rank->add_option("--bottom", rank_flags.bottom, "扣减名额")->check(CLI::NonNegativeNumber);
  rank->add_option("--amount", rank_flags.amount_yuan, "奖惩金额（元）");
  rank->add_option("--what-if", rank_flags.what_if,
                   "模拟：key=value…（incentive_top_n、incentive_bottom_n、incentive_amount_fen、metric、as_of），"
                   "与现行政策并列显示，不保存");

  auto* flags = cli.add_subcommand(
      "flags",
      "列出问题预警（以拨代支、超进度拨款、超安排支出、负面清单、分配下达超时、分配到项目超时；"
      "数据造假识别：截止前突击支出、化整为零规避招标、收款方跨县跨项目、月末整数支出集中、以拨代支回流）");
  db_option(flags);
  AddFigureFlags(flags, figure, false, false);
  FlagCliFilters flag_filters;
  flags->add_option("--kind", flag_filters.kind,
                    "disburse_as_expend|pay_ahead_of_progress|over_arranged|negative_list|late_allocation|"
                    "late_distribution|cutoff_rush|tender_split|payee_spread|month_end_round|gov_account_return");
  flags->add_option("--status", flag_filters.status, "open|explained|closed");

  ExportCliFlags export_flags;
  auto* export_cmd = cli.add_subcommand("export", "导出格式化的 XLSX 报表（月调度表、排名、预警、项目、台账）");
  db_option(export_cmd);
  AddExportFlags(export_cmd, export_flags);

  SettleCliFlags settle_flags;
  auto* settle = cli.add_subcommand("settle", "奖惩结算：冻结排名与奖惩金额，待另一用户审批");
  db_option(settle);
  AddSettleFlags(settle, settle_flags);

  EvaluateCliFlags evaluate_flags;
  auto* evaluate = cli.add_subcommand("evaluate", "绩效评价：列出各县评价结果，或为一个县创建评价（系统指标自动计分）");
  db_option(evaluate);
  AddEvaluateFlags(evaluate, evaluate_flags);

  AllocateCliFlags allocate_flags;
  auto* allocate = cli.add_subcommand("allocate", "因素法分配：按因素把资金总额分配到各县（整万元，最大余数法）");
  db_option(allocate);
  AddAllocateFlags(allocate, allocate_flags);

  TimelinessCliFlags timeliness_flags;
  auto* timeliness = cli.add_subcommand("timeliness", "资金分配时效：各单位收到上级下达后分配到下级和项目的天数与超时");
  db_option(timeliness);
  AddTimelinessFlags(timeliness, timeliness_flags);
  ForecastCliFlags forecast_flags;
  auto* forecast =
      cli.add_subcommand("forecast", "年末支出进度预测：本级与各下级的预计年末中央资金支出进度、区间与是否未达标");
  db_option(forecast);
  AddForecastFlags(forecast, forecast_flags);

  auto* verify = cli.add_subcommand("verify", "用 SQL 重新计算全部指标并与引擎比对，并校验审计日志哈希链");
  db_option(verify);

  auto* demo = cli.add_subcommand("demo", "写入演示数据");
  std::string scale = "xizang";
  db_option(demo);
  demo->add_option("--scale", scale, "xizang|national")->check(CLI::IsMember({"xizang", "national"}));

  auto* backup = cli.add_subcommand("backup", "备份数据库");
  std::string backup_to;
  db_option(backup);
  backup->add_option("--to", backup_to, "备份文件")->required();

  auto* copy = cli.add_subcommand("copy", "把整个数据库复制到另一个空库（可跨 SQLite / PostgreSQL）");
  std::string copy_from, copy_to;
  copy->add_option("--from", copy_from, "源数据库 sqlite:PATH 或 postgresql://…")->required();
  copy->add_option("--to", copy_to, "目标数据库（须为空库）")->required();

  auto* user = cli.add_subcommand("user", "管理用户账户");
  user->require_subcommand(1);
  auto* user_add = user->add_subcommand("add", "创建用户（密码从标准输入读取一行）");
  std::string user_name, user_role, user_region, user_department;
  db_option(user_add);
  user_add->add_option("name", user_name, "用户名")->required();
  user_add->add_option("--role", user_role, "角色")->required();
  user_add->add_option("--region", user_region, "所属区划代码（数据范围为其下辖全部区划）")->required();
  user_add->add_option("--department", user_department, "所属部门（联审联批时只能以该部门名义签署意见）");

  const auto dispatch_cli = AddDispatchCommands(cli, db);

  CLI11_PARSE(cli, argc, argv);
  by_children = by == "children";
  accounts.session_idle = std::chrono::seconds(idle_s);
  accounts.session_absolute = std::chrono::seconds(absolute_s);
  accounts.throttle.window = std::chrono::seconds(window_s);
  server_options.port = static_cast<std::uint16_t>(port);
  server_options.header_timeout = std::chrono::seconds(header_timeout_s);
  server_options.idle_timeout = std::chrono::seconds(idle_timeout_s);
  try {
    if (serve->parsed()) return RunServe(db, replica, app_options, server_options, web_dir);
    if (user_add->parsed()) return RunUserAdd(db, user_name, user_role, user_region, user_department);
    if (migrate->parsed()) return RunMigrate(db);
    if (import->parsed()) return RunImport(db, kind, file, import_format, import_options);
    if (template_cmd->parsed()) return RunTemplate(db, template_kind, template_out, template_format);
    if (indicators->parsed()) return RunIndicators(db, figure, by_children);
    if (rank->parsed()) return RunRank(db, figure, rank_flags);
    if (flags->parsed()) return RunFlags(db, figure, flags->count("--fund-source") == 0, flag_filters);
    if (export_cmd->parsed()) return RunExport(db, export_flags);
    if (settle->parsed()) return RunSettle(db, settle_flags);
    if (evaluate->parsed()) return RunEvaluate(db, evaluate_flags);
    if (allocate->parsed()) return RunAllocate(db, allocate_flags);
    if (timeliness->parsed()) return RunTimeliness(db, timeliness_flags);
    if (forecast->parsed()) return RunForecast(db, forecast_flags);
    if (verify->parsed()) return RunVerify(db);
    if (demo->parsed()) return RunDemo(db, scale);
    if (backup->parsed()) return RunBackup(db, backup_to);
    if (copy->parsed()) return RunCopy(copy_from, copy_to);
    if (auto code = RunDispatchCommands(*dispatch_cli)) return *code;
  } catch (const std::exception& e) {
    std::cerr << "内部错误: " << e.what() << "\n";
    return 1;
  }
  return 0;
}
