// `xianjie baobao …` and `xianjie dispatch …` (issue #17): 包保 assignments and coverage, the
// monthly dispatch — the same use cases and JSON as the API, run as the system actor.
#include <CLI/CLI.hpp>

#include <iostream>

#include "cli/commands.hpp"
#include "cli/output.hpp"
#include "http/api_dispatch.hpp"

namespace xj::cli {

struct DispatchCli {
  std::string* db = nullptr;
  CLI::App* baobao_add = nullptr;
  CLI::App* baobao_list = nullptr;
  CLI::App* baobao_coverage = nullptr;
  CLI::App* dispatch_open = nullptr;
  CLI::App* dispatch_show = nullptr;
  std::string region, leader_name, post, level = "region", username, from, to, as_of, month, format = "json";
};

namespace {

Result<std::optional<Date>> MaybeDate(const std::string& text) {
  if (text.empty()) return std::optional<Date>{};
  XJ_ASSIGN_OR_RETURN(Date d, Date::Parse(text));
  return std::optional<Date>{d};
}

int Print(const nlohmann::ordered_json& value, const std::string& format) {
  if (!IsKnownFormat(format)) return Fail(Status::InvalidArgument("--format 应为 json|csv|table"));
  PrintFormatted(value, format, std::cout);
  return 0;
}

int RunBaobaoAdd(App& app, const DispatchCli& c) {
  BaobaoAssignment a;
  a.region_code = c.region;
  a.leader_name = c.leader_name;
  a.post = c.post;
  auto level = ParseLeaderLevel(c.level);
  if (!level) return Fail(Status::InvalidArgument("--level 应为 region|prefecture|county"));
  a.level = *level;
  a.username = c.username;
  auto from = Date::Parse(c.from);
  if (!from.ok()) return Fail(from.status());
  auto to = Date::Parse(c.to);
  if (!to.ok()) return Fail(to.status());
  a.period_from = *from;
  a.period_to = *to;
  auto saved = app.AddBaobao(Actor::System(), std::move(a));
  if (!saved.ok()) return Fail(saved.status());
  return Print(http::ToJson(*saved), "json");
}

}  // namespace

std::shared_ptr<DispatchCli> AddDispatchCommands(CLI::App& cli, std::string& db) {
  auto c = std::make_shared<DispatchCli>();
  c->db = &db;
  auto* baobao = cli.add_subcommand("baobao", "领导包保：登记、列表、全覆盖检查");
  baobao->require_subcommand(1);
  c->baobao_add = baobao->add_subcommand("add", "登记一名包保领导");
  c->baobao_add->add_option("--db", db, "数据库 sqlite:PATH 或 postgresql://…");
  c->baobao_add->add_option("--region", c->region, "包保的县（区）或重点乡镇代码")->required();
  c->baobao_add->add_option("--leader", c->leader_name, "领导姓名")->required();
  c->baobao_add->add_option("--post", c->post, "职务")->required();
  c->baobao_add->add_option("--level", c->level, "region|prefecture|county（领导层级）");
  c->baobao_add->add_option("--username", c->username, "领导的账户（我包保的）");
  c->baobao_add->add_option("--from", c->from, "包保起始日期")->required();
  c->baobao_add->add_option("--to", c->to, "包保截止日期（含）")->required();
  c->baobao_list = baobao->add_subcommand("list", "列出区划子树内的包保安排");
  c->baobao_list->add_option("--db", db, "数据库");
  c->baobao_list->add_option("--region", c->region, "区划代码（子树）");
  c->baobao_list->add_option("--format", c->format, "json|csv|table");
  c->baobao_coverage = baobao->add_subcommand("coverage", "全覆盖检查：未落实包保领导的县和重点乡镇");
  c->baobao_coverage->add_option("--db", db, "数据库");
  c->baobao_coverage->add_option("--region", c->region, "区划代码（子树）");
  c->baobao_coverage->add_option("--as-of", c->as_of, "检查日期（默认今天）");

  auto* dispatch = cli.add_subcommand("dispatch", "月调度：开启（冻结快照）、查看");
  dispatch->require_subcommand(1);
  c->dispatch_open = dispatch->add_subcommand("open", "开启本月调度并冻结各单位指标快照");
  c->dispatch_show = dispatch->add_subcommand("show", "查看月调度快照（与实时数、上月快照对比）");
  for (CLI::App* cmd : {c->dispatch_open, c->dispatch_show}) {
    cmd->add_option("--db", db, "数据库");
    cmd->add_option("--region", c->region, "调度区划（自治区或地市）")->required();
    cmd->add_option("--month", c->month, "月份 YYYY-MM")->required();
  }
  return c;
}

std::optional<int> RunDispatchCommands(const DispatchCli& c) {
  const bool any = c.baobao_add->parsed() || c.baobao_list->parsed() || c.baobao_coverage->parsed() ||
                   c.dispatch_open->parsed() || c.dispatch_show->parsed();
  if (!any) return std::nullopt;
  auto app = OpenApp(*c.db, {});
  if (!app.ok()) return Fail(app.status());
  App& a = **app;
  if (c.baobao_add->parsed()) return RunBaobaoAdd(a, c);
  if (c.baobao_list->parsed()) {
    auto rows = a.ListBaobao(Actor::System(), c.region);
    if (!rows.ok()) return Fail(rows.status());
    nlohmann::ordered_json out = nlohmann::ordered_json::array();
    for (const BaobaoAssignment& r : *rows) out.push_back(http::ToJson(r));
    return Print(out, c.format);
  }
  if (c.baobao_coverage->parsed()) {
    auto as_of = MaybeDate(c.as_of);
    if (!as_of.ok()) return Fail(as_of.status());
    auto coverage = a.Coverage(Actor::System(), c.region, *as_of);
    if (!coverage.ok()) return Fail(coverage.status());
    return Print(http::ToJson(*coverage), "json");
  }
  auto view = c.dispatch_open->parsed() ? a.OpenDispatch(Actor::System(), c.region, c.month)
                                        : a.GetDispatch(Actor::System(), c.region, c.month);
  if (!view.ok()) return Fail(view.status());
  return Print(http::ToJson(*view), "json");
}

}  // namespace xj::cli
