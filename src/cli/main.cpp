// The composition root: config → store → app → routes → server, and the CLI of DESIGN §5.
#include <CLI/CLI.hpp>
#include <csignal>
#include <fstream>
#include <iostream>

#include "app/app.hpp"
#include "cli/commands.hpp"
#include "http/api.hpp"
#include "http/server.hpp"
#include "io/csv_reader.hpp"

namespace xj::cli {
namespace {

constexpr const char* kDefaultDb = "sqlite:xianjie.db";

int Fail(const Status& s) {
  std::cerr << "错误 " << s.ToString() << "\n";
  return s.code() == ErrorCode::kInvalidArgument ? 2 : 1;
}

http::HttpServer* g_server = nullptr;
extern "C" void OnSignal(int) {
  if (g_server) g_server->Stop();
}

}  // namespace

Result<std::unique_ptr<App>> OpenApp(const std::string& db_url) {
  XJ_ASSIGN_OR_RETURN(auto store, OpenStore(db_url));
  auto app = std::make_unique<App>(std::move(store));
  XJ_RETURN_IF_ERROR(app->Start());
  return app;
}

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
  auto app = OpenApp(db);
  if (!app.ok()) return Fail(app.status());
  std::ifstream in(file, std::ios::binary);
  if (!in) return Fail(Status::NotFound("无法打开文件：" + file));
  CsvReader reader(in);
  Result<ImportReport> report = Status::InvalidArgument("未知的导入类型：" + kind + "（应为 regions|projects|ledger）");
  if (kind == "regions") report = (*app)->ImportRegions(Actor::System(), reader);
  if (!report.ok()) return Fail(report.status());
  std::cout << "导入完成 " << report->kind << ": 行数 " << report->rows << ", 新增 " << report->inserted << ", 更新 "
            << report->updated << ", 未变 " << report->unchanged << "\n";
  return 0;
}

}  // namespace xj::cli

int main(int argc, char** argv) {
  using namespace xj::cli;
  CLI::App cli{"衔接 xianjie — 衔接资金项目管理系统"};
  cli.require_subcommand(1);
  std::string db = kDefaultDb;

  auto* serve = cli.add_subcommand("serve", "启动 HTTP 服务");
  int port = 8080;
  int threads = 4;
  std::string address = "127.0.0.1";
  std::string web_dir = "web/dist";
  serve->add_option("--db", db, "数据库 sqlite:PATH 或 postgresql://…");
  serve->add_option("--port", port, "端口（0 = 任选空闲端口）")->check(CLI::Range(0, 65535));
  serve->add_option("--address", address, "监听地址");
  serve->add_option("--web", web_dir, "前端构建目录");
  serve->add_option("--threads", threads, "I/O 线程数")->check(CLI::Range(1, 64));

  auto* migrate = cli.add_subcommand("migrate", "升级数据库结构");
  migrate->add_option("--db", db, "数据库");

  auto* import = cli.add_subcommand("import", "导入 CSV 文件（全部成功或全部不导入）");
  std::string kind, file;
  import->add_option("--db", db, "数据库");
  import->add_option("--kind", kind, "regions|projects|ledger")->required();
  import->add_option("file", file, "文件")->required();

  CLI11_PARSE(cli, argc, argv);
  try {
    if (serve->parsed()) return RunServe(db, address, port, web_dir, threads);
    if (migrate->parsed()) return RunMigrate(db);
    if (import->parsed()) return RunImport(db, kind, file);
  } catch (const std::exception& e) {
    std::cerr << "内部错误: " << e.what() << "\n";
    return 1;
  }
  return 0;
}
