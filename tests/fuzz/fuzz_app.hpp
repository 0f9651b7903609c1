#pragma once
/// Fuzzing support (tests/fuzz/ only): an App on a fresh SQLite file in a temporary folder, with a
/// small region tree, one user per role at a home of the level the role needs, a draft project and
/// the full route table of the server — so a harness can hand a request to the real router and
/// handler, with no socket and no session (the caller is set as the auth gate would set it).
///
/// Every route answer of 500 is treated as a finding: a request must be refused with a 4xx or
/// served, never end in an internal error.

#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <map>
#include <memory>
#include <sstream>
#include <string>
#include <string_view>

#include "app/app.hpp"
#include "http/api.hpp"
#include "http/router.hpp"
#include "io/csv_reader.hpp"

namespace xj::fuzz {

/// The same shape as the unit tests' fixture: a province with two prefectures, counties and
/// townships, and a second province (so "outside the scope" exists at every level).
inline constexpr const char* kRegionsCsv =
    "code,name,level,parent_code\n"
    "540000,西藏自治区,province,\n"
    "540100,拉萨市,prefecture,540000\n"
    "540102,城关区,county,540100\n"
    "540102001,八廓街道,township,540102\n"
    "540200,日喀则市,prefecture,540000\n"
    "540202,桑珠孜区,county,540200\n"
    "540202001,城南街道,township,540202\n"
    "650000,新疆维吾尔自治区,province,\n"
    "650100,乌鲁木齐市,prefecture,650000\n";

/// A project every harness input may refer to (ledger entries, transitions, contracts).
inline constexpr const char* kFixtureProject = "FZ-0001";

/// Aborts the fuzzer with `what` (a finding, not an input the product may refuse).
[[noreturn]] inline void Finding(const std::string& what) {
  std::fprintf(stderr, "FUZZ FINDING: %s\n", what.c_str());
  std::abort();
}

class FuzzApp {
 public:
  FuzzApp() {
    static int counter = 0;
    // In memory (/dev/shm) where there is one: every request commits, and an fsync per input
    // would make the disk, not the code, the bound of the fuzzer's speed.
    std::error_code ec;
    const std::filesystem::path base =
        std::filesystem::is_directory("/dev/shm", ec) ? "/dev/shm" : std::filesystem::temp_directory_path();
    dir_ = base / ("xianjie-fuzz-" + std::to_string(::getpid()) + "-" + std::to_string(counter++));
    std::filesystem::create_directories(dir_);
    AppOptions options;
    options.accounts.password_hash_cost = {1, 8 * 1024};  // cheap hashing: logins are fuzzed too
    auto store = OpenStore("sqlite:" + (dir_ / "fuzz.db").string());
    if (!store.ok()) Finding("open store: " + store.status().ToString());
    app_ = std::make_unique<App>(std::move(*store), std::move(options));
    if (Status s = app_->Start(); !s.ok()) Finding("start: " + s.ToString());
    std::istringstream in(kRegionsCsv);
    CsvReader reader(in);
    if (auto r = app_->ImportRegions(Actor::System(), reader); !r.ok()) Finding("regions: " + r.status().ToString());
    for (Role role :
         {Role::kAdmin, Role::kRegionOfficer, Role::kPrefectureOfficer, Role::kCountyOfficer, Role::kTownshipOfficer,
          Role::kFinanceOfficer, Role::kSupervisor, Role::kLeader, Role::kAuditor}) {
      const std::string region = HomeFor(role);
      auto u =
          app_->CreateUser(Actor::System(), NewUser{std::string(RoleName(role)), role, region, "correct-horse-9", ""});
      if (!u.ok()) Finding("user: " + u.status().ToString());
      Actor a;
      a.username = u->username;
      a.role = role;
      a.region_code = region;
      a.user_id = u->id;
      a.address = "10.20.30.40";
      actors_[role] = a;
    }
    http::RegisterRoutes(router_, *app_);
    http::Request create;
    create.method = "POST";
    create.target = create.path = "/api/v1/projects";
    create.body = std::string(R"({"project_code":")") + kFixtureProject +
                  R"(","name":"城关区青稞加工项目","year":2024,"region_code":"540102","category":"0102",)"
                  R"("total_investment_fen":100000000,"central_fund_fen":80000000,"other_fund_fen":20000000,)"
                  R"("planned_start":"2024-04-01","planned_finish":"2024-10-31","responsible_person":"格桑旺堆"})";
    create.headers.emplace_back("content-type", "application/json");
    http::Response r = Handle(create, Role::kCountyOfficer);
    if (r.status != 201) Finding("fixture project: " + std::to_string(r.status) + " " + r.body);
  }
  ~FuzzApp() {
    app_.reset();
    std::error_code ec;
    std::filesystem::remove_all(dir_, ec);
  }
  FuzzApp(const FuzzApp&) = delete;
  FuzzApp& operator=(const FuzzApp&) = delete;

  App& app() { return *app_; }
  const http::Router& router() const { return router_; }

  /// The home region of each role's user (the level RequiredHomeLevel asks for).
  static std::string HomeFor(Role role) {
    auto level = RequiredHomeLevel(role);
    if (!level) return "540000";
    switch (*level) {
      case RegionLevel::kProvince: return "540000";
      case RegionLevel::kPrefecture: return "540100";
      case RegionLevel::kCounty: return "540102";
      default: return "540102001";
    }
  }

  /// The first role (in the order users were created) whose grants include `action`.
  std::optional<Role> RoleFor(Action action) const {
    for (const auto& [role, actor] : actors_) {
      if (RoleMay(role, action)) return role;
    }
    return std::nullopt;
  }

  /// Routes `request` (method, target, headers, body set; path and query parsed here) and runs its
  /// handler as `role`'s user, or as the first role the route admits when none is given. A route that
  /// does not exist answers 404/405 as the server would. Aborts on a 500.
  http::Response Handle(http::Request& request, std::optional<Role> role = std::nullopt) {
    http::Response none;
    if (!http::ParseTarget(request.target, request.path, request.query)) {
      none.status = 400;
      return none;
    }
    auto match = router_.Find(request);
    if (!match.route) {
      none.status = match.method_not_allowed ? 405 : 404;
      return none;
    }
    const http::AccessRule& rule = match.route->access;
    if (rule.kind != http::AccessRule::Kind::kPublic) {
      Role who = role ? *role : RoleFor(rule.action).value_or(Role::kAdmin);
      request.actor = actors_.at(who);
    }
    http::Response r = match.route->handler(request);
    if (r.status >= 500)
      Finding(request.method + " " + request.target + " answered " + std::to_string(r.status) + ": " + r.body);
    return r;
  }

 private:
  std::filesystem::path dir_;
  std::unique_ptr<App> app_;
  std::map<Role, Actor> actors_;
  http::Router router_;
};

}  // namespace xj::fuzz
