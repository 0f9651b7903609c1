// The composition root: config → store → app → routes → server, and the CLI of DESIGN §5.
#include <termios.h>
#include <unistd.h>
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

Result<std::unique_ptr<App>> OpenApp(const std::string& db_url, AppOptions options) {
  XJ_ASSIGN_OR_RETURN(auto store, OpenStore(db_url));
  auto app = std::make_unique<App>(std::move(store), std::move(options));
  XJ_RETURN_IF_ERROR(app->Start());
  return app;
}

int RunServe(const std::string& db, const AppOptions& app_options, const http::ServerOptions& options,
             const std::string& web_dir) {
  auto app = OpenApp(db, app_options);
  if (!app.ok()) return Fail(app.status());
  const std::string& address = options.address;
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
  auto app = OpenApp(db, {});
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

int RunUserAdd(const std::string& db, const std::string& name, const std::string& role_name,
               const std::string& region) {
  const auto role = ParseRole(role_name);
  if (!role) {
    return Fail(Status::InvalidArgument("未知角色：" + role_name +
                                        "（应为 admin|region_officer|prefecture_officer|county_officer|"
                                        "township_officer|finance_officer|supervisor|leader|auditor）"));
  }
  auto app = OpenApp(db, {});
  if (!app.ok()) return Fail(app.status());
  auto user = (*app)->CreateUser(Actor::System(), NewUser{name, *role, region, ReadPassword()});
  if (!user.ok()) return Fail(user.status());
  std::cout << "已创建用户 " << user->username << "（" << RoleLabel(user->role) << "，" << user->region_name << " "
            << user->region_code << "）\n";
  return 0;
}

int RunVerify(const std::string& db) {
  auto app = OpenApp(db, {});
  if (!app.ok()) return Fail(app.status());
  auto v = (*app)->VerifyAudit();
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
  serve->add_option("--db", db, "数据库 sqlite:PATH 或 postgresql://…");
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
  serve->add_option("--header-timeout-seconds", header_timeout_s, "接收完整请求头的时限（秒）")
      ->check(CLI::Range(1, 600));
  serve->add_option("--idle-timeout-seconds", idle_timeout_s, "长连接空闲时限（秒）")->check(CLI::Range(1, 3600));

  auto* migrate = cli.add_subcommand("migrate", "升级数据库结构");
  migrate->add_option("--db", db, "数据库");

  auto* import = cli.add_subcommand("import", "导入 CSV 文件（全部成功或全部不导入）");
  std::string kind, file;
  import->add_option("--db", db, "数据库");
  import->add_option("--kind", kind, "regions|projects|ledger")->required();
  import->add_option("file", file, "文件")->required();

  auto* user = cli.add_subcommand("user", "管理用户账户");
  user->require_subcommand(1);
  auto* user_add = user->add_subcommand("add", "创建用户（密码从标准输入读取一行）");
  std::string user_name, user_role, user_region;
  user_add->add_option("--db", db, "数据库");
  user_add->add_option("name", user_name, "用户名")->required();
  user_add->add_option("--role", user_role, "角色")->required();
  user_add->add_option("--region", user_region, "所属区划代码（数据范围为其下辖全部区划）")->required();

  auto* verify = cli.add_subcommand("verify", "校验审计日志哈希链（发现断链时退出码非零）");
  verify->add_option("--db", db, "数据库");

  CLI11_PARSE(cli, argc, argv);
  accounts.session_idle = std::chrono::seconds(idle_s);
  accounts.session_absolute = std::chrono::seconds(absolute_s);
  accounts.throttle.window = std::chrono::seconds(window_s);
  server_options.port = static_cast<std::uint16_t>(port);
  server_options.header_timeout = std::chrono::seconds(header_timeout_s);
  server_options.idle_timeout = std::chrono::seconds(idle_timeout_s);
  try {
    if (serve->parsed()) return RunServe(db, app_options, server_options, web_dir);
    if (user_add->parsed()) return RunUserAdd(db, user_name, user_role, user_region);
    if (verify->parsed()) return RunVerify(db);
    if (migrate->parsed()) return RunMigrate(db);
    if (import->parsed()) return RunImport(db, kind, file);
  } catch (const std::exception& e) {
    std::cerr << "内部错误: " << e.what() << "\n";
    return 1;
  }
  return 0;
}
