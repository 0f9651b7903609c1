// The composition root: config → store → app → routes → server, and the CLI of DESIGN §5.
#include <CLI/CLI.hpp>
#include <csignal>
#include <fstream>
#include <iostream>

#include "app/app.hpp"
#include "cli/commands.hpp"
#include "cli/output.hpp"
#include "http/api.hpp"
#include "http/codecs.hpp"
#include "http/server.hpp"
#include "io/csv_reader.hpp"

namespace xj::cli {
namespace {

constexpr const char* kDefaultDb = "sqlite:xianjie.db";
constexpr int kExitUsage = 2;

http::HttpServer* g_server = nullptr;
extern "C" void OnSignal(int) {
  if (g_server) g_server->Stop();
}

}  // namespace

int Fail(const Status& s) {
  std::cerr << "错误 " << s.ToString() << "\n";
  return s.code() == ErrorCode::kInvalidArgument ? kExitUsage : 1;
}

Result<std::unique_ptr<App>> OpenApp(const std::string& db_url) {
  XJ_ASSIGN_OR_RETURN(auto store, OpenStore(db_url));
  auto app = std::make_unique<App>(std::move(store));
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

int RunServe(const std::string& db, const std::string& address, int port, const std::string& web_dir, int threads) {
  auto app = OpenApp(db);
  if (!app.ok()) return Fail(app.status());
  http::ServerOptions options;
  options.address = address;
  options.port = static_cast<std::uint16_t>(port);
  options.threads = threads;
  http::HttpServer server(options, http::MakeHandler(**app, web_dir));
  if (Status s = server.Listen(); !s.ok()) return Fail(s);
  g_server = &server;
  std::signal(SIGINT, OnSignal);
  std::signal(SIGTERM, OnSignal);
  std::cout << "衔接 xianjie 正在服务: http://" << address << ":" << server.port() << "/" << std::endl;
  server.Run();
  g_server = nullptr;
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

int RunImport(const std::string& db, const std::string& kind, const std::string& file) {
  if (kind != "regions" && kind != "projects" && kind != "ledger") {
    return Fail(Status::InvalidArgument("未知的导入类型：" + kind + "（应为 regions|projects|ledger）"));
  }
  std::ifstream in(file, std::ios::binary);
  if (!in) return Fail(Status::NotFound("无法打开文件：" + file));
  auto app = OpenApp(db);
  if (!app.ok()) return Fail(app.status());
  CsvReader reader(in);
  Result<ImportReport> report = Status::Internal("unreachable");
  if (kind == "regions") report = (*app)->ImportRegions(Actor::System(), reader);
  if (kind == "projects") report = (*app)->ImportProjects(Actor::System(), reader);
  if (kind == "ledger") report = (*app)->ImportLedger(Actor::System(), reader);
  if (!report.ok()) return Fail(report.status());
  std::cout << "导入完成 " << report->kind << ": 行数 " << report->rows << ", 新增 " << report->inserted << ", 更新 "
            << report->updated << ", 未变 " << report->unchanged << "\n";
  return 0;
}

int RunIndicators(const std::string& db, const FigureFlags& f, bool by_children) {
  auto q = ParseQuery(f);
  if (!q.ok()) return Fail(q.status());
  auto app = OpenApp(db);
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
  auto level = ParseRegionLevel(rf.level);
  if (!level) return Fail(Status::InvalidArgument("未知的级别：" + rf.level));
  if (rf.metric != "expend_progress" && rf.metric != "assessed_progress") {
    return Fail(Status::InvalidArgument("--metric 应为 expend_progress|assessed_progress"));
  }
  auto app = OpenApp(db);
  if (!app.ok()) return Fail(app.status());
  RankOptions o = (*app)->DefaultRankOptions(q->as_of);
  o.level = *level;
  o.metric = rf.metric == "assessed_progress" ? RankMetric::kAssessedProgress : RankMetric::kExpendProgress;
  if (rf.top) o.top = *rf.top;
  if (rf.bottom) o.bottom = *rf.bottom;
  if (rf.amount_yuan) {
    auto amount = ParseYuan(*rf.amount_yuan);
    if (!amount.ok()) return Fail(amount.status());
    o.amount = *amount;
  }
  auto rows = (*app)->Rank(Actor::System(), *q, o);
  if (!rows.ok()) return Fail(rows.status());
  http::OrderedJson out = http::OrderedJson::array();
  for (const auto& r : *rows) out.push_back(http::ToJson(r));
  PrintFormatted(out, f.format, std::cout);
  return 0;
}

int RunFlags(const std::string& db, const FigureFlags& f, bool any_source) {
  auto as_of = Date::Parse(f.as_of);
  if (!as_of.ok()) return Fail(as_of.status());
  std::optional<FundSource> source;
  if (!any_source) {
    source = ParseFundSource(f.fund_source);
    if (!source) return Fail(Status::InvalidArgument("未知的资金来源：" + f.fund_source));
  }
  if (!IsKnownFormat(f.format)) return Fail(Status::InvalidArgument("--format 应为 json|csv|table"));
  auto app = OpenApp(db);
  if (!app.ok()) return Fail(app.status());
  std::optional<int> year;
  if (f.year > 0) year = f.year;
  auto report = (*app)->Flags(Actor::System(), f.region, year, *as_of, source);
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

}  // namespace
}  // namespace xj::cli

int main(int argc, char** argv) {
  using namespace xj::cli;
  CLI::App cli{"衔接 xianjie — 衔接资金项目管理系统"};
  cli.require_subcommand(1);
  std::string db = kDefaultDb;
  auto db_option = [&db](CLI::App* cmd) { cmd->add_option("--db", db, "数据库 sqlite:PATH 或 postgresql://…"); };

  auto* serve = cli.add_subcommand("serve", "启动 HTTP 服务");
  int port = 8080;
  int threads = 4;
  std::string address = "127.0.0.1";
  std::string web_dir = "web/dist";
  db_option(serve);
  serve->add_option("--port", port, "端口（0 = 任选空闲端口）")->check(CLI::Range(0, 65535));
  serve->add_option("--address", address, "监听地址");
  serve->add_option("--web", web_dir, "前端构建目录");
  serve->add_option("--threads", threads, "I/O 线程数")->check(CLI::Range(1, 64));

  auto* migrate = cli.add_subcommand("migrate", "升级数据库结构");
  db_option(migrate);

  auto* import = cli.add_subcommand("import", "导入 CSV 文件（全部成功或全部不导入）");
  std::string kind, file;
  db_option(import);
  import->add_option("--kind", kind, "regions|projects|ledger")->required();
  import->add_option("file", file, "文件")->required();

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

  auto* flags = cli.add_subcommand("flags", "列出以拨代支凭证与超进度拨款项目");
  db_option(flags);
  AddFigureFlags(flags, figure, false, false);

  auto* verify = cli.add_subcommand("verify", "用 SQL 重新计算全部指标并与引擎比对");
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

  CLI11_PARSE(cli, argc, argv);
  by_children = by == "children";
  try {
    if (serve->parsed()) return RunServe(db, address, port, web_dir, threads);
    if (migrate->parsed()) return RunMigrate(db);
    if (import->parsed()) return RunImport(db, kind, file);
    if (indicators->parsed()) return RunIndicators(db, figure, by_children);
    if (rank->parsed()) return RunRank(db, figure, rank_flags);
    if (flags->parsed()) return RunFlags(db, figure, flags->count("--fund-source") == 0);
    if (verify->parsed()) return RunVerify(db);
    if (demo->parsed()) return RunDemo(db, scale);
    if (backup->parsed()) return RunBackup(db, backup_to);
    if (copy->parsed()) return RunCopy(copy_from, copy_to);
  } catch (const std::exception& e) {
    std::cerr << "内部错误: " << e.what() << "\n";
    return 1;
  }
  return 0;
}
