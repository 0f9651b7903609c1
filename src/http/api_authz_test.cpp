// The authorization matrix: every route of the router × every role × the caller's own
// region, another region and the parent region, through the real handler (session cookie,
// CSRF header, route rule, app scope check). A route this file does not know fails the test,
// so a new route cannot ship without deciding who may call it.
#include <gtest/gtest.h>

#include <cstdio>
#include <functional>
#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <tuple>

#include "app/app_test_support.hpp"
#include "app/import_jobs.hpp"
#include "http/api.hpp"
#include "http/auth_gate.hpp"

namespace xj::http {
namespace http_api_authz_test {

using testing::TestApp;

constexpr const char* kPassword = "correct-horse-9";
constexpr const char* kRemote = "10.20.30.40";  // not loopback: /metrics needs a role from here

/// Where each role's user lives: officers at their level, the others at a prefecture.
std::string HomeOf(Role role) {
  switch (role) {
    case Role::kRegionOfficer: return "540000";
    case Role::kCountyOfficer: return "540102";
    case Role::kTownshipOfficer: return "540102001";
    default: return "540100";
  }
}
/// A region of the same level outside the home's subtree.
std::string OtherOf(const std::string& home) {
  static const std::map<std::string, std::string> kOther = {
      {"540000", "650000"}, {"540100", "540200"}, {"540102", "540202"}, {"540102001", "540202001"}};
  return kOther.at(home);
}
/// The fixture row of each region, for an import that changes nothing.
const std::map<std::string, std::string>& RegionRows() {
  static const std::map<std::string, std::string> kRows = {
      {"540000", "540000,西藏自治区,province,"},           {"540100", "540100,拉萨市,prefecture,540000"},
      {"540102", "540102,城关区,county,540100"},           {"540102001", "540102001,八廓街道,township,540102"},
      {"540200", "540200,日喀则市,prefecture,540000"},     {"540202", "540202,桑珠孜区,county,540200"},
      {"540202001", "540202001,城南街道,township,540202"}, {"650000", "650000,新疆维吾尔自治区,province,"},
  };
  return kRows;
}

/// The app under test, for samples that need a job of the calling user to exist first or must read
/// the current state (a version number).
App* g_app = nullptr;

/// The service account of each role's API token in the bearer matrix.
constexpr std::string_view kServicePrefix = "svc-";

/// Queues (and waits for) an import job as the user (or service account) named after its role,
/// returning its id.
std::string JobOf(const std::string& username, const std::string& body) {
  Actor a;
  a.username = username;
  const std::string_view role_name =
      std::string_view(username).starts_with(kServicePrefix) ? std::string_view(username).substr(4) : username;
  a.role = ParseRole(role_name).value_or(Role::kLeader);
  a.region_code = HomeOf(a.role);
  g_app->import_jobs().WaitIdle();  // the per-user limit of waiting jobs must not refuse it
  auto job = g_app->import_jobs().Submit(a, ImportKind::kLedger, body, "t.csv", "text/csv");
  EXPECT_TRUE(job.ok()) << job.status().ToString();
  g_app->import_jobs().WaitIdle();
  return job.ok() ? job->id : "none";
}

enum class Target { kOwn, kOther, kParent };
const char* TargetName(Target t) {
  return t == Target::kOwn ? "own" : t == Target::kOther ? "other" : "parent";
}

/// How to call one route against a region. `scoped` routes act on that region's data, so
/// they must be refused outside the caller's subtree; unscoped ones (the caller's own
/// session, metrics) depend on the role only.
struct Sample {
  bool scoped = false;
  std::function<Request(const std::string& region, const std::string& username)> make;
  /// Statuses besides 2xx that show the request got past authorization to the use case's own
  /// checks (a state the sample cannot set up, e.g. a sign-off on a draft project).
  std::set<int> authorized = {};
};

std::int64_t VersionOf(const std::string& code) {
  auto p = g_app->store().GetProject(code);
  return p.ok() && *p ? (*p)->version : 0;
}

Request Make(std::string method, std::string target, std::string body = {}, std::string content_type = {}) {
  Request r;
  r.method = std::move(method);
  r.target = target;
  EXPECT_TRUE(ParseTarget(target, r.path, r.query)) << target;
  r.body = std::move(body);
  if (!content_type.empty()) r.headers.emplace_back("content-type", std::move(content_type));
  r.remote_address = kRemote;
  return r;
}

std::map<std::string, Sample> Samples() {
  static int counter = 0;
  std::map<std::string, Sample> s;
  s["GET /healthz"] = {false, [](auto&, auto&) { return Make("GET", "/healthz"); }};
  s["GET /metrics"] = {false, [](auto&, auto&) { return Make("GET", "/metrics"); }};
  s["GET /api/docs"] = {false, [](auto&, auto&) { return Make("GET", "/api/docs"); }};
  s["GET /api/docs/openapi.yaml"] = {false, [](auto&, auto&) { return Make("GET", "/api/docs/openapi.yaml"); }};
  s["POST /api/v1/session"] = {false, [](auto&, const std::string& user) {
                                 return Make("POST", "/api/v1/session",
                                             nlohmann::json{{"username", user}, {"password", kPassword}}.dump(),
                                             "application/json");
                               }};
  s["GET /api/v1/session"] = {false, [](auto&, auto&) { return Make("GET", "/api/v1/session"); }};
  s["DELETE /api/v1/session"] = {false, [](auto&, auto&) { return Make("DELETE", "/api/v1/session"); }};
  s["GET /api/v1/regions"] = {true,
                              [](const std::string& r, auto&) { return Make("GET", "/api/v1/regions?parent=" + r); }};
  s["GET /api/v1/regions/{code}"] = {true,
                                     [](const std::string& r, auto&) { return Make("GET", "/api/v1/regions/" + r); }};
  s["POST /api/v1/imports/regions"] = {true, [](const std::string& r, auto&) {
                                         return Make("POST", "/api/v1/imports/regions",
                                                     "code,name,level,parent_code\n" + RegionRows().at(r) + "\n",
                                                     "text/csv");
                                       }};
  s["POST /api/v1/tokens"] = {
      true, [](const std::string& r, auto&) {
        return Make(
            "POST", "/api/v1/tokens",
            nlohmann::json{{"name", "svc-made-" + std::to_string(++counter)}, {"role", "leader"}, {"region_code", r}}
                .dump(),
            "application/json");
      }};
  s["GET /api/v1/tokens"] = {false, [](auto&, auto&) { return Make("GET", "/api/v1/tokens"); }};
  s["DELETE /api/v1/tokens/{id}"] = {
      true, [](const std::string& r, auto&) {
        NewApiToken t{"svc-revoked-" + std::to_string(++counter), Role::kLeader, r, "", {}};
        auto grant = g_app->CreateApiToken(Actor::System(), t);
        EXPECT_TRUE(grant.ok()) << grant.status().ToString();
        return Make("DELETE", "/api/v1/tokens/" + std::to_string(grant->id));
      }};
  // Settlements (issue #19): a run of the region made by the system, so any user may approve it.
  auto settled = [](const std::string& r) {
    SettlementRequest q{r, 2023, Date::FromYmd(2023, 6, 30)};
    auto run = g_app->Settle(Actor::System(), q);
    EXPECT_TRUE(run.ok()) << run.status().ToString();
    return run.ok() ? run->id : 0;
  };
  s["POST /api/v1/settlements"] = {
      true, [](const std::string& r, auto&) {
        return Make("POST", "/api/v1/settlements",
                    nlohmann::json{{"region_code", r}, {"year", 2023}, {"as_of", "2023-06-30"}}.dump(),
                    "application/json");
      }};
  s["POST /api/v1/rankings/what-if"] = {
      true, [](const std::string& r, auto&) {
        return Make(
            "POST", "/api/v1/rankings/what-if",
            nlohmann::json{
                {"region_code", r}, {"year", 2023}, {"as_of", "2023-06-30"}, {"what_if", {{"incentive_top_n", 5}}}}
                .dump(),
            "application/json");
      }};
  // --- allocation by factors (api_allocation.cpp, issue #19 point 4): no factors are stored, so a
  // request that passes authorization ends at factors_missing (400) or no_counties (a township).
  s["POST /api/v1/allocations/preview"] = {
      true,
      [](const std::string& r, auto&) {
        return Make("POST", "/api/v1/allocations/preview",
                    nlohmann::json{{"region_code", r}, {"year", 2024}, {"pool_fen", 100'000'000}}.dump(),
                    "application/json");
      },
      {400}};
  s["GET /api/v1/exports/allocation.xlsx"] = {
      true,
      [](const std::string& r, auto&) {
        return Make("GET", "/api/v1/exports/allocation.xlsx?year=2024&pool_fen=100000000&region=" + r);
      },
      {400}};
  // --- 资金分配时效 (api_timeliness.cpp, issue #19 point 5): a township or village receives no
  // allocation from a superior (400).
  s["GET /api/v1/timeliness"] = {true, [](const std::string& r, auto&) {
                                   return Make("GET", "/api/v1/timeliness?year=2023&as_of=2023-06-30&region=" + r);
                                 }};
  // --- 年末支出进度预测 (api_forecast.cpp, issue #22 point 4) ---
  s["GET /api/v1/forecast"] = {true, [](const std::string& r, auto&) {
                                 return Make("GET", "/api/v1/forecast?year=2023&as_of=2023-07-05&region=" + r);
                               }};
  // --- 挂图作战 in one read (api_dashboard.cpp, issue #22 point 1) ---
  s["GET /api/v1/dashboard"] = {true, [](const std::string& r, auto&) {
                                  return Make("GET", "/api/v1/dashboard?year=2023&as_of=2023-07-05&region=" + r);
                                }};
  s["POST /api/v1/timeliness/receipts"] = {true,
                                           [](const std::string& r, const std::string& user) {
                                             return Make("POST", "/api/v1/timeliness/receipts",
                                                         nlohmann::json{{"receipts",
                                                                         {{{"receipt_id", "AUTHZ-" + user + "-" + r},
                                                                           {"region_code", r},
                                                                           {"fund_year", 2023},
                                                                           {"date", "2023-03-01"},
                                                                           {"amount_fen", 100}}}}}
                                                             .dump(),
                                                         "application/json");
                                           },
                                           {400}};
  // A county's row imports (200); any other level of the caller's own scope is not_county (400).
  s["POST /api/v1/imports/factors"] = {
      true,
      [](const std::string& r, auto&) {
        return Make("POST", "/api/v1/imports/factors",
                    "区划代码,年度,农村人口,脱贫人口,监测对象,面积\n" + r + ",2023,1,1,1,1\n", "text/csv");
      },
      {400}};
  s["GET /api/v1/exports/settlements.xlsx"] = {
      true, [](const std::string& r, auto&) { return Make("GET", "/api/v1/exports/settlements.xlsx?region=" + r); }};
  s["GET /api/v1/settlements"] = {
      true, [](const std::string& r, auto&) { return Make("GET", "/api/v1/settlements?year=2023&region=" + r); }};
  s["GET /api/v1/settlements/{id}"] = {true, [settled](const std::string& r, auto&) {
                                         return Make("GET", "/api/v1/settlements/" + std::to_string(settled(r)));
                                       }};
  s["POST /api/v1/settlements/{id}/approve"] = {
      true, [settled](const std::string& r, auto&) {
        return Make("POST", "/api/v1/settlements/" + std::to_string(settled(r)) + "/approve");
      }};
  // Supervision (issue #18): a visit of the region covering it, recorded by the system.
  auto visited = [](const std::string& r) {
    NewSupervisionVisit v{r, "督导", {"张三"}, Date::FromYmd(2023, 3, 1), Date::FromYmd(2023, 3, 5), {r}, {}, {}};
    auto visit = g_app->RecordSupervisionVisit(Actor::System(), v);
    EXPECT_TRUE(visit.ok()) << visit.status().ToString();
    return visit.ok() ? visit->visit.id : 0;
  };
  s["POST /api/v1/supervision/visits"] = {true, [](const std::string& r, auto&) {
                                            return Make("POST", "/api/v1/supervision/visits",
                                                        nlohmann::json{{"region_code", r},
                                                                       {"title", "督导"},
                                                                       {"team", {"张三"}},
                                                                       {"start_date", "2023-03-01"},
                                                                       {"end_date", "2023-03-05"},
                                                                       {"regions", {r}}}
                                                            .dump(),
                                                        "application/json");
                                          }};
  s["GET /api/v1/supervision/visits"] = {
      true, [](const std::string& r, auto&) { return Make("GET", "/api/v1/supervision/visits?region=" + r); }};
  s["GET /api/v1/supervision/visits/{id}"] = {true, [visited](const std::string& r, auto&) {
                                                return Make("GET",
                                                            "/api/v1/supervision/visits/" + std::to_string(visited(r)));
                                              }};
  // A finding in the region (an open item), recorded by the system.
  auto finding = [](const std::string& r) {
    NewSupervisionVisit v{r, "督导", {"张三"}, Date::FromYmd(2023, 3, 1), Date::FromYmd(2023, 3, 5), {r}, {}, {}};
    v.findings.push_back({0, 0, FindingCategory::kProgress, r, "", "开工滞后"});
    auto visit = g_app->RecordSupervisionVisit(Actor::System(), v);
    EXPECT_TRUE(visit.ok()) << visit.status().ToString();
    return visit.ok() ? visit->visit.findings.front().id : 0;
  };
  s["GET /api/v1/supervision/rectifications"] = {
      true, [](const std::string& r, auto&) { return Make("GET", "/api/v1/supervision/rectifications?region=" + r); }};
  s["GET /api/v1/supervision/rectifications/{id}"] = {
      true, [finding](const std::string& r, auto&) {
        return Make("GET", "/api/v1/supervision/rectifications/" + std::to_string(finding(r)));
      }};
  s["POST /api/v1/supervision/rectifications/{id}/review"] = {
      true, [finding](const std::string& r, auto&) {
        return Make(
            "POST", "/api/v1/supervision/rectifications/" + std::to_string(finding(r)) + "/review",
            nlohmann::json{{"action", "assign"}, {"version", 1}, {"owner", "李四"}, {"deadline", "2023-04-30"}}.dump(),
            "application/json");
      }};
  s["POST /api/v1/supervision/rectifications/{id}/rectify"] = {
      true, [finding](const std::string& r, auto&) {
        return Make("POST", "/api/v1/supervision/rectifications/" + std::to_string(finding(r)) + "/rectify",
                    nlohmann::json{{"action", "start"},
                                   {"version", 1},
                                   {"owner", "李四"},
                                   {"deadline", "2023-04-30"},
                                   {"measures", "倒排工期"}}
                        .dump(),
                    "application/json");
      }};
  s["GET /api/v1/supervision/rectification-rates"] = {
      true,
      [](const std::string& r, auto&) { return Make("GET", "/api/v1/supervision/rectification-rates?region=" + r); }};
  // 问询 → 认定 (issue #18 point 6): a 以拨代支 entry of the region, and an inquiry on it sent (and
  // answered) by the system.
  auto flagged = [](const std::string& r) {
    if (VersionOf("INQ-FUNDED") == 0) {  // a payment names a project with funds arranged (started)
      std::istringstream in(
          "项目编码,项目名称,年度,区划代码,项目类别,建设内容,总投资,中央衔接资金,其他资金,计划开工,计划完工,"
          "实际开工,实际完工,状态,责任人\n"
          "INQ-FUNDED,问询样例项目,2023,540102,0101,生产项目,100000,100000,0,2023-03-01,2023-10-31,2023-03-01,,"
          "started,扎西\n");
      CsvReader reader(in);
      auto imported = g_app->ImportProjects(Actor::System(), reader);
      EXPECT_TRUE(imported.ok()) << imported.status().ToString();
    }
    const std::string id = "GOV-" + r + "-" + std::to_string(++counter);
    const LedgerEntry e{id,
                        Date::FromYmd(2023, 5, 1),
                        EntryKind::kExpend,
                        FundSource::kCentral,
                        2023,
                        r,
                        "INQ-FUNDED",
                        Fen(100),
                        "县财政专户",
                        PayeeType::kGovAccount,
                        "",
                        ""};
    auto posted = g_app->PostLedger(Actor::System(), {{1, e}});
    EXPECT_TRUE(posted.ok()) << posted.status().ToString();
    return id;
  };
  auto inquired = [flagged](const std::string& r, bool answered) {
    auto v = g_app->SendInquiry(Actor::System(), {"disburse_as_expend", flagged(r), "请说明资金去向", std::nullopt});
    EXPECT_TRUE(v.ok()) << v.status().ToString();
    const std::int64_t id = v.ok() ? v->inquiry.id : 0;
    if (answered) {
      EXPECT_TRUE(g_app->AnswerInquiry(Actor::System(), id, {1, "资金已拨付", ""}).ok());
    }
    return id;
  };
  s["POST /api/v1/inquiries"] = {
      true, [flagged](const std::string& r, auto&) {
        return Make("POST", "/api/v1/inquiries",
                    nlohmann::json{
                        {"flag_kind", "disburse_as_expend"}, {"subject", flagged(r)}, {"questions", "请说明资金去向"}}
                        .dump(),
                    "application/json");
      }};
  s["GET /api/v1/inquiries"] = {
      true, [](const std::string& r, auto&) { return Make("GET", "/api/v1/inquiries?region=" + r); }};
  s["GET /api/v1/inquiries/{id}"] = {true, [inquired](const std::string& r, auto&) {
                                       return Make("GET", "/api/v1/inquiries/" + std::to_string(inquired(r, false)));
                                     }};
  s["POST /api/v1/inquiries/{id}/answer"] = {
      true, [inquired](const std::string& r, auto&) {
        return Make("POST", "/api/v1/inquiries/" + std::to_string(inquired(r, false)) + "/answer",
                    nlohmann::json{{"version", 1}, {"answer", "资金已拨付至项目单位"}}.dump(), "application/json");
      }};
  s["POST /api/v1/inquiries/{id}/determine"] = {
      true, [inquired](const std::string& r, auto&) {
        return Make("POST", "/api/v1/inquiries/" + std::to_string(inquired(r, true)) + "/determine",
                    nlohmann::json{{"version", 2}, {"outcome", "rejected"}, {"reason", "付款对象登记有误"}}.dump(),
                    "application/json");
      }};
  s["GET /api/v1/supervision/coverage"] = {
      true, [](const std::string& r, auto&) { return Make("GET", "/api/v1/supervision/coverage?region=" + r); }};
  s["GET /api/v1/exports/supervision-coverage.xlsx"] = {
      true,
      [](const std::string& r, auto&) { return Make("GET", "/api/v1/exports/supervision-coverage.xlsx?region=" + r); }};
  s["GET /api/v1/users"] = {true, [](const std::string& r, auto&) { return Make("GET", "/api/v1/users?region=" + r); }};
  s["POST /api/v1/users"] = {true, [](const std::string& r, auto&) {
                               return Make("POST", "/api/v1/users",
                                           nlohmann::json{{"username", "made-" + std::to_string(++counter)},
                                                          {"role", "leader"},
                                                          {"region_code", r},
                                                          {"password", kPassword}}
                                               .dump(),
                                           "application/json");
                             }};
  // A fresh leader in the region for each request, so one case's change never meets another's.
  const auto fresh_user = [](const std::string& r) {
    auto u = g_app->CreateUser(Actor::System(),
                               NewUser{"managed-" + std::to_string(++counter), Role::kLeader, r, kPassword});
    EXPECT_TRUE(u.ok()) << u.status().ToString();
    return u.ok() ? u->id : 0;
  };
  s["PATCH /api/v1/users/{id}"] = {true, [fresh_user](const std::string& r, auto&) {
                                     return Make("PATCH", "/api/v1/users/" + std::to_string(fresh_user(r)),
                                                 nlohmann::json{{"department", "财政局"}}.dump(), "application/json");
                                   }};
  s["POST /api/v1/users/{id}/password"] = {
      true, [fresh_user](const std::string& r, auto&) {
        return Make("POST", "/api/v1/users/" + std::to_string(fresh_user(r)) + "/password",
                    nlohmann::json{{"password", "another-password-1"}}.dump(), "application/json");
      }};
  // The caller's own password, with a new one too short: past authorization to the policy's
  // check (400), and no test user's password changes.
  s["POST /api/v1/session/password"] = {
      false,
      [](auto&, auto&) {
        return Make("POST", "/api/v1/session/password",
                    nlohmann::json{{"old_password", kPassword}, {"new_password", "short"}}.dump(), "application/json");
      },
      {400}};
  s["GET /api/v1/audit"] = {true, [](const std::string& r, auto&) { return Make("GET", "/api/v1/audit?region=" + r); }};
  s["GET /api/v1/exports/audit.xlsx"] = {
      true, [](const std::string& r, auto&) { return Make("GET", "/api/v1/exports/audit.xlsx?region=" + r); }};
  const std::string figures = "&year=2023&as_of=2023-07-05";
  s["GET /api/v1/indicators"] = {
      true, [figures](const std::string& r, auto&) { return Make("GET", "/api/v1/indicators?region=" + r + figures); }};
  s["GET /api/v1/rankings"] = {
      true, [figures](const std::string& r, auto&) { return Make("GET", "/api/v1/rankings?region=" + r + figures); }};
  s["GET /api/v1/flags"] = {
      true, [figures](const std::string& r, auto&) { return Make("GET", "/api/v1/flags?region=" + r + figures); }};
  s["POST /api/v1/ledger"] = {true, [](const std::string& r, auto&) {
                                return Make("POST", "/api/v1/ledger",
                                            nlohmann::json{{"entry_id", "M-" + std::to_string(++counter)},
                                                           {"date", "2023-01-10"},
                                                           {"kind", "allocate"},
                                                           {"fund_source", "central"},
                                                           {"fund_year", 2023},
                                                           {"region_code", r},
                                                           {"amount_fen", 100}}
                                                .dump(),
                                            "application/json");
                              }};
  s["GET /api/v1/ledger"] = {true,
                             [](const std::string& r, auto&) { return Make("GET", "/api/v1/ledger?region=" + r); }};
  s["POST /api/v1/imports/ledger"] = {true, [](const std::string& r, auto&) {
                                        return Make("POST", "/api/v1/imports/ledger",
                                                    "entry_id,date,kind,fund_source,fund_year,region_code,amount\nL-" +
                                                        std::to_string(++counter) +
                                                        ",2023-01-10,allocate,central,2023," + r + ",1.00\n",
                                                    "text/csv");
                                      }};
  s["POST /api/v1/imports/projects"] = {
      true, [](const std::string& r, auto&) {
        return Make("POST", "/api/v1/imports/projects",
                    "project_code,name,year,region_code\nN-" + std::to_string(++counter) + ",新项目,2023," + r + "\n",
                    "text/csv");
      }};
  s["POST /api/v1/projects/{code}/contracts"] = {
      true, [](const std::string& r, auto&) {
        return Make(
            "POST", "/api/v1/projects/PRJ-" + r + "/contracts",
            nlohmann::json{
                {"contract_no", "HT-" + std::to_string(++counter)}, {"amount_fen", 100000}, {"signed_on", "2023-01-01"}}
                .dump(),
            "application/json");
      }};
  s["POST /api/v1/projects/{code}/progress"] = {
      true, [](const std::string& r, auto&) {
        return Make("POST", "/api/v1/projects/PRJ-" + r + "/progress",
                    nlohmann::json{{"date", "2023-02-01"}, {"progress", 40}}.dump(), "application/json");
      }};
  s["GET /api/v1/projects"] = {true,
                               [](const std::string& r, auto&) { return Make("GET", "/api/v1/projects?region=" + r); }};
  s["GET /api/v1/projects/{code}"] = {
      true, [](const std::string& r, auto&) { return Make("GET", "/api/v1/projects/PRJ-" + r); }};
  s["POST /api/v1/projects/{code}/transition"] = {
      true, [](const std::string& r, auto&) {
        return Make("POST", "/api/v1/projects/PRJ-" + r + "/transition",
                    nlohmann::json{{"action", "submit"}, {"version", 1}}.dump(), "application/json");
      }};
  s["PUT /api/v1/projects/{code}/procedures/{kind}"] = {
      true, [](const std::string& r, auto&) {
        return Make("PUT", "/api/v1/projects/PRJ-" + r + "/procedures/land",
                    nlohmann::json{{"complete", true}, {"document_ref", "藏自然资〔2023〕12号"}}.dump(),
                    "application/json");
      }};
  // --- project library (api_library.cpp) ---
  s["POST /api/v1/projects"] = {true, [](const std::string& r, auto&) {
                                  return Make("POST", "/api/v1/projects",
                                              nlohmann::json{{"project_code", "NEW-" + std::to_string(++counter)},
                                                             {"name", "新建项目"},
                                                             {"year", 2024},
                                                             {"region_code", r},
                                                             {"category", "0101"}}
                                                  .dump(),
                                              "application/json");
                                }};
  s["PUT /api/v1/projects/{code}"] = {
      true, [](const std::string& r, auto&) {
        return Make("PUT", "/api/v1/projects/PRJ-" + r,
                    nlohmann::json{{"version", VersionOf("PRJ-" + r)}, {"name", "测试项目"}, {"year", 2023}}.dump(),
                    "application/json");
      }};
  s["GET /api/v1/projects/{code}/compliance"] = {
      true, [](const std::string& r, auto&) { return Make("GET", "/api/v1/projects/PRJ-" + r + "/compliance"); }};
  s["POST /api/v1/projects/{code}/signoffs"] = {
      true,
      [](const std::string& r, auto&) {
        return Make("POST", "/api/v1/projects/PRJ-" + r + "/signoffs",
                    nlohmann::json{{"department", "财政局"}, {"decision", "approve"}}.dump(), "application/json");
      },
      {409}};  // the sample project is a draft: no joint review yet
  s["GET /api/v1/library/review-departments"] = {
      true, [](const std::string& r, auto&) { return Make("GET", "/api/v1/library/review-departments?county=" + r); }};
  s["PUT /api/v1/library/review-departments"] = {
      true,
      [](const std::string& r, auto&) {
        return Make("PUT", "/api/v1/library/review-departments",
                    nlohmann::json{{"county_code", r}, {"category_code", "*"}, {"departments", {"财政局"}}}.dump(),
                    "application/json");
      },
      {400}};  // configured per county: other levels are refused after the scope check
  s["POST /api/v1/library/batch-transition"] = {
      true, [](const std::string& r, auto&) {
        return Make("POST", "/api/v1/library/batch-transition",
                    nlohmann::json{{"codes", {"PRJ-" + r}}, {"action", "cancel"}, {"reason", "测试"}}.dump(),
                    "application/json");
      }};
  s["POST /api/v1/projects/{code}/postings"] = {
      true,
      [](const std::string& r, auto&) {
        return Make("POST", "/api/v1/projects/PRJ-" + r + "/postings",
                    nlohmann::json{{"place", "村务公开栏"}, {"start", "2023-03-01"}, {"days", 10}}.dump(),
                    "application/json");
      },
      {409}};  // only a county-reviewed project is announced
  s["POST /api/v1/projects/{code}/objections"] = {
      true,
      [](const std::string& r, auto&) {
        return Make("POST", "/api/v1/projects/PRJ-" + r + "/objections",
                    nlohmann::json{{"posting_id", 999999}, {"text", "异议"}}.dump(), "application/json");
      },
      {404}};  // no such posting, found after the scope check
  s["POST /api/v1/projects/{code}/objections/{id}/resolve"] = {
      true,
      [](const std::string& r, auto&) {
        return Make("POST", "/api/v1/projects/PRJ-" + r + "/objections/999999/resolve",
                    nlohmann::json{{"resolution", "已处理"}}.dump(), "application/json");
      },
      {404}};
  s["GET /api/v1/public/regions"] = {false,
                                     [](auto&, auto&) { return Make("GET", "/api/v1/public/regions?q=%E6%8B%89"); }};
  s["GET /api/v1/public/postings"] = {
      false, [](auto&, auto&) { return Make("GET", "/api/v1/public/postings?region=540100"); }};
  s["GET /api/v1/library/village-plans"] = {
      true, [](const std::string& r, auto&) { return Make("GET", "/api/v1/library/village-plans?region=" + r); }};
  s["POST /api/v1/library/village-plans"] = {
      true,
      [](const std::string& r, auto&) {
        return Make("POST", "/api/v1/library/village-plans",
                    nlohmann::json{{"village_code", r}, {"year", 2023}, {"title", "一村一策"}}.dump(),
                    "application/json");
      },
      {400}};  // the fixture has no villages: refused as not a village after the scope check
  s["POST /api/v1/library/schedule"] = {
      false, [](auto&, auto&) {
        return Make(
            "POST", "/api/v1/library/schedule",
            nlohmann::json{{"deadline", "2023-10-31"}, {"milestones", {{{"name", "施工"}, {"duration_days", 30}}}}}
                .dump(),
            "application/json");
      }};
  s["GET /api/v1/library/overdue"] = {
      true, [](const std::string& r, auto&) { return Make("GET", "/api/v1/library/overdue?region=" + r); }};
  s["GET /api/v1/library/reference"] = {false, [](auto&, auto&) { return Make("GET", "/api/v1/library/reference"); }};
  s["POST /api/v1/library/reference"] = {false, [](auto&, auto&) {
                                           return Make("POST", "/api/v1/library/reference",
                                                       nlohmann::json{{"kind", "negative"},
                                                                      {"code", "N9" + std::to_string(++counter)},
                                                                      {"effective_from", "2024-01-01"},
                                                                      {"text", "测试"},
                                                                      {"keywords", {"测试词"}}}
                                                           .dump(),
                                                       "application/json");
                                         }};
  s["GET /api/v1/library/code-format"] = {true, [](const std::string& r, auto&) {
                                            return Make("GET", "/api/v1/library/code-format?year=2024&region=" + r);
                                          }};
  s["GET /api/v1/library/policies"] = {false, [](auto&, auto&) { return Make("GET", "/api/v1/library/policies"); }};
  s["POST /api/v1/library/policies"] = {
      false, [](auto&, auto&) {
        return Make("POST", "/api/v1/library/policies",
                    nlohmann::json{{"key", "posting_days"},
                                   {"value", 10},
                                   {"effective_from", Date::FromYmd(2030, 1, 1).AddDays(++counter).ToString()}}
                        .dump(),
                    "application/json");
      }};
  // Import jobs: the submit routes need the import grant; the region enters only when the job
  // runs (a refusal is then the job's result), so they are unscoped here.
  // Each submission first waits for the jobs before it to run, so the per-user limit of waiting
  // jobs (429) is never what answers, however slowly the worker runs on a loaded machine.
  s["POST /api/v1/imports/regions/jobs"] = {false, [](auto&, auto&) {
                                              g_app->import_jobs().WaitIdle();
                                              return Make("POST", "/api/v1/imports/regions/jobs?file_name=r.csv",
                                                          "code,name,level,parent_code\n" + RegionRows().at("540000"),
                                                          "text/csv");
                                            }};
  s["POST /api/v1/imports/projects/jobs"] = {false, [](auto&, auto&) {
                                               g_app->import_jobs().WaitIdle();
                                               return Make("POST", "/api/v1/imports/projects/jobs",
                                                           "project_code,name,year,region_code\n", "text/csv");
                                             }};
  s["POST /api/v1/imports/ledger/jobs"] = {false, [](auto&, auto&) {
                                             g_app->import_jobs().WaitIdle();
                                             return Make("POST", "/api/v1/imports/ledger/jobs", "x\n", "text/csv");
                                           }};
  s["GET /api/v1/imports/jobs"] = {false, [](auto&, auto&) { return Make("GET", "/api/v1/imports/jobs"); }};
  // The workbench: any signed-in user, everything in it within the caller's own scope.
  s["GET /api/v1/workbench"] = {false, [](auto&, auto&) { return Make("GET", "/api/v1/workbench"); }};
  // A template: any signed-in user, its example filled from the caller's own scope.
  s["GET /api/v1/imports/templates/{kind}"] = {
      false, [](auto&, auto&) { return Make("GET", "/api/v1/imports/templates/projects?format=csv"); }};
  s["GET /api/v1/imports/jobs/{id}"] = {
      false, [](auto&, const std::string& user) { return Make("GET", "/api/v1/imports/jobs/" + JobOf(user, "x\n")); }};
  s["GET /api/v1/imports/jobs/{id}/errors.xlsx"] = {
      false, [](auto&, const std::string& user) {
        return Make("GET", "/api/v1/imports/jobs/" + JobOf(user, "x\n") + "/errors.xlsx");
      }};
  s["GET /api/v1/exports/dispatch.xlsx"] = {true, [figures](const std::string& r, auto&) {
                                              return Make("GET", "/api/v1/exports/dispatch.xlsx?region=" + r + figures);
                                            }};
  s["GET /api/v1/exports/rankings.xlsx"] = {true, [figures](const std::string& r, auto&) {
                                              return Make("GET", "/api/v1/exports/rankings.xlsx?region=" + r + figures);
                                            }};
  s["GET /api/v1/exports/flags.xlsx"] = {true, [figures](const std::string& r, auto&) {
                                           return Make("GET", "/api/v1/exports/flags.xlsx?region=" + r + figures);
                                         }};
  // --- the rules that decide money (api_rules.cpp, issue #14) ---
  s["POST /api/v1/imports/contracts"] = {true, [](const std::string& r, auto&) {
                                           return Make("POST", "/api/v1/imports/contracts",
                                                       "project_code,contract_no,amount,signed_on\nPRJ-" + r + ",IC-" +
                                                           std::to_string(++counter) + ",1000,2023-01-01\n",
                                                       "text/csv");
                                         }};
  s["POST /api/v1/imports/progress"] = {true, [](const std::string& r, auto&) {
                                          return Make("POST", "/api/v1/imports/progress",
                                                      "project_code,date,progress\nPRJ-" + r + ",2023-02-01,40\n",
                                                      "text/csv");
                                        }};
  s["POST /api/v1/imports/benchmarks"] = {false, [](auto&, auto&) {
                                            return Make("POST", "/api/v1/imports/benchmarks",
                                                        "date,indicator,value\n2023-06-30,start_rate,45\n", "text/csv");
                                          }};
  for (const char* kind : {"contracts", "progress", "benchmarks"}) {
    s["POST /api/v1/imports/" + std::string(kind) + "/jobs"] = {
        false, [kind](auto&, auto&) {
          g_app->import_jobs().WaitIdle();
          return Make("POST", "/api/v1/imports/" + std::string(kind) + "/jobs", "x\n", "text/csv");
        }};
  }
  s["GET /api/v1/benchmarks"] = {false, [](auto&, auto&) { return Make("GET", "/api/v1/benchmarks"); }};
  s["POST /api/v1/benchmarks"] = {
      false, [](auto&, auto&) {
        return Make("POST", "/api/v1/benchmarks",
                    nlohmann::json{{"indicator", "expend_progress"},
                                   {"date", Date::FromYmd(2023, 1, 1).AddDays(++counter).ToString()},
                                   {"value", 12.5}}
                        .dump(),
                    "application/json");
      }};
  // --- the asset register and work relief (api_assets.cpp, issue #20) ---
  // Submitted right after the other kinds' jobs: wait for those to run first, so the per-user limit of
  // waiting jobs (429) is not what answers.
  for (const char* kind : {"assets", "workers", "wages", "factors"}) {
    s["POST /api/v1/imports/" + std::string(kind) + "/jobs"] = {
        false, [kind](auto&, auto&) {
          g_app->import_jobs().WaitIdle();
          return Make("POST", "/api/v1/imports/" + std::string(kind) + "/jobs", "x\n", "text/csv");
        }};
  }
  s["POST /api/v1/imports/assets"] = {
      true, [](const std::string& r, auto&) {
        return Make("POST", "/api/v1/imports/assets",
                    "资产编码,资产名称,区划代码,资产类型,权属层级,原值\nZC-" + r + ",村道," + r + ",公益性,村,1000\n",
                    "text/csv");
      }};
  s["POST /api/v1/imports/workers"] = {
      true, [](const std::string& r, auto&) {
        return Make("POST", "/api/v1/imports/workers",
                    "项目编码,姓名,身份证号,户类型\nPRJ-" + r + ",扎西,540102199001011234,脱贫户\n", "text/csv");
      }};
  s["POST /api/v1/imports/wages"] = {
      true, [](const std::string& r, auto&) {
        // The worker must be on the roster: put there first.
        EXPECT_TRUE(g_app->SaveReliefWorkers(Actor::System(), {{"PRJ-" + r, "扎西", "540102199001011234"}}).ok());
        return Make("POST", "/api/v1/imports/wages",
                    "项目编码,身份证号,发放日期,发放金额\nPRJ-" + r + ",540102199001011234,2023-05-01,100\n",
                    "text/csv");
      }};
  s["GET /api/v1/assets"] = {true,
                             [](const std::string& r, auto&) { return Make("GET", "/api/v1/assets?region=" + r); }};
  s["POST /api/v1/assets"] = {true, [](const std::string& r, auto&) {
                                return Make("POST", "/api/v1/assets",
                                            nlohmann::json{{"items",
                                                            {{{"asset_code", "ZC-API-" + r},
                                                              {"name", "村道"},
                                                              {"region_code", r},
                                                              {"asset_type", "public_welfare"},
                                                              {"owner_level", "village"},
                                                              {"original_value_fen", ++counter}}}}}
                                                .dump(),
                                            "application/json");
                              }};
  s["GET /api/v1/assets/registration"] = {
      true, [](const std::string& r, auto&) { return Make("GET", "/api/v1/assets/registration?region=" + r); }};
  // 清产核资: a campaign over r with one fresh asset of r, opened by the system; `checked` records every
  // asset of it as found (so it can close), `difference` records the fresh asset as missing.
  auto inventory = [](const std::string& r, bool checked, bool difference) {
    Asset a;
    a.asset_code = "ZC-INV-" + r + "-" + std::to_string(++counter);
    a.name = "仓库";
    a.region_code = r;
    EXPECT_TRUE(g_app->SaveAssets(Actor::System(), {a}).ok());
    auto v = g_app->CreateInventory(Actor::System(), {r, "清产核资", "P" + std::to_string(++counter)});
    EXPECT_TRUE(v.ok()) << v.status().ToString();
    if (!v.ok()) return std::pair<std::int64_t, std::string>{0, a.asset_code};
    for (const InventoryCheck& c : v->checks) {
      if (checked) {
        EXPECT_TRUE(g_app
                        ->RecordInventoryCheck(Actor::System(), v->campaign.id, c.asset_code,
                                               {CheckOutcome::kFound, std::nullopt, ""})
                        .ok());
      }
    }
    if (difference) {
      EXPECT_TRUE(g_app
                      ->RecordInventoryCheck(Actor::System(), v->campaign.id, a.asset_code,
                                             {CheckOutcome::kMissing, std::nullopt, "已拆除"})
                      .ok());
    }
    return std::pair<std::int64_t, std::string>{v->campaign.id, a.asset_code};
  };
  s["POST /api/v1/asset-inventories"] = {
      true, [](const std::string& r, auto&) {
        return Make(
            "POST", "/api/v1/asset-inventories",
            nlohmann::json{{"region_code", r}, {"name", "清产核资"}, {"period", "Q" + std::to_string(++counter)}}
                .dump(),
            "application/json");
      }};
  s["GET /api/v1/asset-inventories"] = {
      true, [](const std::string& r, auto&) { return Make("GET", "/api/v1/asset-inventories?region=" + r); }};
  s["GET /api/v1/asset-inventories/{id}"] = {
      true, [inventory](const std::string& r, auto&) {
        return Make("GET", "/api/v1/asset-inventories/" + std::to_string(inventory(r, false, false).first));
      }};
  s["GET /api/v1/exports/asset-inventory.xlsx"] = {
      true, [inventory](const std::string& r, auto&) {
        return Make("GET",
                    "/api/v1/exports/asset-inventory.xlsx?id=" + std::to_string(inventory(r, false, false).first));
      }};
  s["POST /api/v1/asset-inventories/{id}/checks"] = {
      true, [inventory](const std::string& r, auto&) {
        const auto [id, code] = inventory(r, false, false);
        return Make("POST", "/api/v1/asset-inventories/" + std::to_string(id) + "/checks",
                    nlohmann::json{{"asset_code", code}, {"outcome", "found"}}.dump(), "application/json");
      }};
  s["POST /api/v1/asset-inventories/{id}/reviews"] = {
      true, [inventory](const std::string& r, auto&) {
        const auto [id, code] = inventory(r, false, true);
        return Make("POST", "/api/v1/asset-inventories/" + std::to_string(id) + "/reviews",
                    nlohmann::json{{"asset_code", code}, {"action", "approve"}}.dump(), "application/json");
      }};
  s["POST /api/v1/asset-inventories/{id}/close"] = {
      true, [inventory](const std::string& r, auto&) {
        return Make("POST", "/api/v1/asset-inventories/" + std::to_string(inventory(r, true, false).first) + "/close");
      }};
  s["GET /api/v1/assets/{code}/history"] = {
      true, [inventory](const std::string& r, auto&) {
        return Make("GET", "/api/v1/assets/" + inventory(r, false, false).second + "/history");
      }};
  // An operating asset of r, saved by the system.
  auto operating = [](const std::string& r) {
    Asset a;
    a.asset_code = "ZC-OP-" + r + "-" + std::to_string(++counter);
    a.name = "温室大棚";
    a.region_code = r;
    a.type = AssetType::kOperating;
    a.current_value = Fen(100000);
    EXPECT_TRUE(g_app->SaveAssets(Actor::System(), {a}).ok());
    return a.asset_code;
  };
  s["GET /api/v1/asset-classes"] = {false, [](auto&, auto&) { return Make("GET", "/api/v1/asset-classes"); }};
  s["PUT /api/v1/asset-classes"] = {false, [](auto&, auto&) {
                                      return Make("PUT", "/api/v1/asset-classes",
                                                  R"({"items":[{"asset_class":"upgrade","label":"提升"}]})",
                                                  "application/json");
                                    }};
  s["PUT /api/v1/assets/{code}/plan"] = {true, [operating](const std::string& r, auto&) {
                                           return Make("PUT", "/api/v1/assets/" + operating(r) + "/plan",
                                                       R"({"asset_class":"revitalize","plan":"招商出租"})",
                                                       "application/json");
                                         }};
  s["GET /api/v1/assets/{code}/incomes"] = {true, [operating](const std::string& r, auto&) {
                                              return Make("GET", "/api/v1/assets/" + operating(r) + "/incomes");
                                            }};
  s["POST /api/v1/assets/{code}/incomes"] = {true, [operating](const std::string& r, auto&) {
                                               return Make("POST", "/api/v1/assets/" + operating(r) + "/incomes",
                                                           R"({"received_on":"2026-06-30","amount_fen":120000})",
                                                           "application/json");
                                             }};
  s["GET /api/v1/asset-yields"] = {
      true, [](const std::string& r, auto&) { return Make("GET", "/api/v1/asset-yields?region=" + r); }};
  s["POST /api/v1/assets/{code}/register"] = {true, [](const std::string& r, auto&) {
                                                Asset a;
                                                a.asset_code = "ZC-REG-" + r + "-" + std::to_string(++counter);
                                                a.name = "村道";
                                                a.region_code = r;
                                                EXPECT_TRUE(g_app->SaveAssets(Actor::System(), {a}).ok());
                                                return Make("POST", "/api/v1/assets/" + a.asset_code + "/register",
                                                            R"({"date":"2023-06-01"})", "application/json");
                                              }};
  s["GET /api/v1/work-relief/summary"] = {
      true, [](const std::string& r, auto&) { return Make("GET", "/api/v1/work-relief/summary?region=" + r); }};
  s["GET /api/v1/work-relief/projects"] = {
      true, [](const std::string& r, auto&) { return Make("GET", "/api/v1/work-relief/projects?region=" + r); }};
  s["GET /api/v1/work-relief/projects/{code}/workers"] = {
      true,
      [](const std::string& r, auto&) { return Make("GET", "/api/v1/work-relief/projects/PRJ-" + r + "/workers"); }};
  s["GET /api/v1/work-relief/projects/{code}/wages"] = {
      true,
      [](const std::string& r, auto&) { return Make("GET", "/api/v1/work-relief/projects/PRJ-" + r + "/wages"); }};
  s["POST /api/v1/work-relief/workers"] = {
      true, [](const std::string& r, auto&) {
        return Make("POST", "/api/v1/work-relief/workers",
                    nlohmann::json{{"items",
                                    {{{"project_code", "PRJ-" + r},
                                      {"name", "卓玛"},
                                      {"id_number", "54010219900101" + std::to_string(1000 + (++counter % 9000))},
                                      {"household_status", "monitored"}}}}}
                        .dump(),
                    "application/json");
      }};
  s["POST /api/v1/work-relief/wages"] = {
      true, [](const std::string& r, auto&) {
        EXPECT_TRUE(g_app->SaveReliefWorkers(Actor::System(), {{"PRJ-" + r, "扎西", "540102199001011234"}}).ok());
        return Make("POST", "/api/v1/work-relief/wages",
                    nlohmann::json{{"items",
                                    {{{"project_code", "PRJ-" + r},
                                      {"id_number", "540102199001011234"},
                                      {"paid_on", Date::FromYmd(2023, 1, 1).AddDays(++counter % 300).ToString()},
                                      {"amount_fen", 10000}}}}}
                        .dump(),
                    "application/json");
      }};
  // --- relocation support (api_relocation.cpp, issue #20 point 5) ---
  // A site of r stored directly (the app keeps sites at county level and below; the matrix needs one in every region).
  auto relocation_site = [](const std::string& r) {
    const std::string code = "AZD-" + r + "-" + std::to_string(++counter);
    EXPECT_TRUE(g_app->store()
                    .UpsertRelocationSite({code, "安置点", r, SiteKind::kConcentrated, 10, 40, "2023-01-01T00:00:00Z",
                                           "2023-01-01T00:00:00Z"})
                    .ok());
    return code;
  };
  auto relocation_id = [] {
    const std::string n = std::to_string(1'000'000 + (++counter % 1'000'000));
    return "540102199001" + n.substr(1);
  };
  // A household of a fresh site of r, added by the system.
  auto relocated = [relocation_site, relocation_id](const std::string& r) {
    auto h = g_app->AddRelocationHousehold(Actor::System(), {relocation_site(r), "老村", "扎西", relocation_id(), 4,
                                                             HouseholdStatus::kLifted, Date::FromYmd(2023, 1, 1)});
    EXPECT_TRUE(h.ok()) << h.status().ToString();
    return h.ok() ? h->id : std::int64_t{0};
  };
  s["GET /api/v1/relocation/sites"] = {
      true, [](const std::string& r, auto&) { return Make("GET", "/api/v1/relocation/sites?region=" + r); }};
  s["POST /api/v1/relocation/sites"] = {
      true,
      [](const std::string& r, auto&) {
        return Make("POST", "/api/v1/relocation/sites",
                    nlohmann::json{{"site_code", "AZD-NEW-" + r + "-" + std::to_string(++counter)},
                                   {"name", "幸福家园"},
                                   {"region_code", r},
                                   {"kind", "concentrated"}}
                        .dump(),
                    "application/json");
      },
      {400}};  // a province or prefecture cannot hold a site (bad_region_level), past authorization
  s["GET /api/v1/relocation/households"] = {
      true, [](const std::string& r, auto&) { return Make("GET", "/api/v1/relocation/households?region=" + r); }};
  s["POST /api/v1/relocation/households"] = {true, [relocation_site, relocation_id](const std::string& r, auto&) {
                                               return Make("POST", "/api/v1/relocation/households",
                                                           nlohmann::json{{"site_code", relocation_site(r)},
                                                                          {"head_name", "卓玛"},
                                                                          {"id_number", relocation_id()},
                                                                          {"members", 3},
                                                                          {"household_status", "monitored"},
                                                                          {"moved_in_on", "2023-03-01"}}
                                                               .dump(),
                                                           "application/json");
                                             }};
  s["GET /api/v1/relocation/standards"] = {true, [](const std::string& r, auto&) {
                                             return Make("GET",
                                                         "/api/v1/relocation/standards?date=2023-07-01&region=" + r);
                                           }};
  s["GET /api/v1/relocation/subsidies"] = {
      true, [](const std::string& r, auto&) { return Make("GET", "/api/v1/relocation/subsidies?region=" + r); }};
  s["POST /api/v1/relocation/subsidies"] = {
      true, [relocated](const std::string& r, auto&) {
        return Make(
            "POST", "/api/v1/relocation/subsidies",
            nlohmann::json{{"household_id", relocated(r)}, {"kind", "startup"}, {"basis_on", "2023-06-01"}}.dump(),
            "application/json");
      }};
  s["POST /api/v1/relocation/subsidies/{id}/pay"] = {
      true, [relocated](const std::string& r, auto&) {
        auto c = g_app->ComputeRelocationSubsidy(
            Actor::System(), {relocated(r), SubsidyKind::kStartup, Date::FromYmd(2023, 6, 1), std::nullopt});
        EXPECT_TRUE(c.ok()) << c.status().ToString();
        return Make("POST", "/api/v1/relocation/subsidies/" + std::to_string(c.ok() ? c->id : 0) + "/pay",
                    nlohmann::json{{"paid_on", "2023-06-20"}, {"paid_fen", c.ok() ? c->amount_fen : 0}}.dump(),
                    "application/json");
      }};
  s["GET /api/v1/relocation/summary"] = {
      true, [](const std::string& r, auto&) { return Make("GET", "/api/v1/relocation/summary?region=" + r); }};
  // One stored negative_list flag per region (SetUp) for the flag routes.
  s["GET /api/v1/flags/{kind}/{subject}"] = {
      true, [](const std::string& r, auto&) { return Make("GET", "/api/v1/flags/negative_list/NEG-" + r); }};
  s["POST /api/v1/flags/{kind}/{subject}/actions"] = {
      true, [](const std::string& r, auto&) {
        return Make("POST", "/api/v1/flags/negative_list/NEG-" + r + "/actions",
                    nlohmann::json{{"action", "explain"}, {"reason", "已核实"}}.dump(), "application/json");
      }};
  // --- 领导包保, 月调度 (issue #17) ---
  s["GET /api/v1/baobao"] = {true,
                             [](const std::string& r, auto&) { return Make("GET", "/api/v1/baobao?region=" + r); }};
  // The fixture's homes are a province, a prefecture, a county and a township: a regional leader
  // fits the county only, so the others' own-region sample meets the level check (400).
  s["POST /api/v1/baobao"] = {true,
                              [](const std::string& r, auto&) {
                                return Make("POST", "/api/v1/baobao",
                                            nlohmann::json{{"region_code", r},
                                                           {"leader_name", "张三"},
                                                           {"post", "副主席"},
                                                           {"level", "region"},
                                                           {"period_from", "2023-01-01"},
                                                           {"period_to", "2023-12-31"}}
                                                .dump(),
                                            "application/json");
                              },
                              {400}};
  s["GET /api/v1/baobao/coverage"] = {
      true, [](const std::string& r, auto&) { return Make("GET", "/api/v1/baobao/coverage?region=" + r); }};
  s["GET /api/v1/baobao/mine"] = {false, [](auto&, auto&) { return Make("GET", "/api/v1/baobao/mine"); }};
  s["GET /api/v1/dispatch"] = {true,
                               [](const std::string& r, auto&) { return Make("GET", "/api/v1/dispatch?region=" + r); }};
  // A new month each call (a month opened twice is 409); a county or township dispatches nobody (400).
  s["POST /api/v1/dispatch/{region}/{month}"] = {
      true,
      [](const std::string& r, auto&) {
        const int n = ++counter;
        const Date m = Date::FromYmd(2001 + n / 12, 1 + n % 12, 1);
        return Make("POST", "/api/v1/dispatch/" + r + "/" + m.ToString().substr(0, 7));
      },
      {400}};
  // A unit below the dispatching region reads its own part of it (dispatch_test.cpp), so the
  // parent region is no refusal here: the sample asks for the caller's own region only.
  s["GET /api/v1/dispatch/{region}/{month}"] = {
      false, [](const std::string& r, auto&) { return Make("GET", "/api/v1/dispatch/" + r + "/2000-01"); }, {404}};
  s["POST /api/v1/dispatch/{region}/{month}/filings"] = {
      true,
      [](const std::string& r, auto&) {
        return Make("POST", "/api/v1/dispatch/" + r + "/2000-01/filings",
                    nlohmann::json{{"region_code", r}, {"explanation", "说明"}, {"next_plan", "计划"}}.dump(),
                    "application/json");
      },
      {404}};
  s["POST /api/v1/dispatch/{region}/{month}/review"] = {
      true,
      [](const std::string& r, auto&) {
        return Make("POST", "/api/v1/dispatch/" + r + "/2000-01/review", nlohmann::json{{"region_code", r}}.dump(),
                    "application/json");
      },
      {404}};
  s["POST /api/v1/dispatch/{region}/{month}/close"] = {
      true,
      [](const std::string& r, auto&) { return Make("POST", "/api/v1/dispatch/" + r + "/2000-01/close"); },
      {404}};
  // A region or prefecture generates its own week (a new week each call); county and township
  // homes are refused by role. 404 where the township has no such region below it is never reached.
  s["POST /api/v1/reminders/generate"] = {true, [](const std::string& r, auto&) {
                                            const int n = ++counter;
                                            char week[16];
                                            std::snprintf(week, sizeof week, "%04d-W%02d", 2001 + n / 50, 1 + n % 50);
                                            return Make("POST", "/api/v1/reminders/generate",
                                                        nlohmann::json{{"region", r}, {"week", week}}.dump(),
                                                        "application/json");
                                          }};
  s["GET /api/v1/reminders"] = {
      true, [](const std::string& r, auto&) { return Make("GET", "/api/v1/reminders?region=" + r); }};
  // Nobody's reminder 1 exists in the matrix's database: past authorization it is not found.
  s["POST /api/v1/reminders/{id}/acknowledge"] = {
      false, [](auto&, auto&) { return Make("POST", "/api/v1/reminders/999999/acknowledge"); }, {404}};
  // --- 约谈 (issue #17 point 4) ---
  s["GET /api/v1/interviews"] = {
      true, [](const std::string& r, auto&) { return Make("GET", "/api/v1/interviews?region=" + r); }};
  // No dispatch of 2000-01 exists in the matrix's database: past authorization it is not found.
  s["GET /api/v1/interviews/candidates"] = {
      false,
      [](const std::string& r, auto&) {
        return Make("GET", "/api/v1/interviews/candidates?region=" + r + "&month=2000-01");
      },
      {404}};
  s["POST /api/v1/interviews"] = {
      true,
      [](const std::string& r, auto&) {
        return Make("POST", "/api/v1/interviews",
                    nlohmann::json{{"dispatch_region", r},
                                   {"month", "2000-01"},
                                   {"region_code", r},
                                   {"grade", "interview"},
                                   {"date", "2000-02-10"},
                                   {"interviewer", "张三"},
                                   {"interviewees", {"李四"}},
                                   {"commitments", {{{"text", "整改"}, {"deadline", "2000-03-31"}}}}}
                        .dump(),
                    "application/json");
      },
      {404}};
  s["POST /api/v1/interviews/{id}/commitments/{index}/close"] = {
      false,
      [](auto&, auto&) {
        return Make("POST", "/api/v1/interviews/999999/commitments/0/close", nlohmann::json{{"note", "已整改"}}.dump(),
                    "application/json");
      },
      {404}};
  s["POST /api/v1/ledger/check"] = {true, [](const std::string& r, auto&) {
                                      return Make("POST", "/api/v1/ledger/check",
                                                  nlohmann::json{{"entry_id", "CK-" + std::to_string(++counter)},
                                                                 {"date", "2023-01-10"},
                                                                 {"kind", "allocate"},
                                                                 {"fund_source", "central"},
                                                                 {"fund_year", 2023},
                                                                 {"region_code", r},
                                                                 {"amount_fen", 100}}
                                                      .dump(),
                                                  "application/json");
                                    }};
  // Village supervisors and phone spot checks. A supervisor of the last village of r's subtree (for
  // 540000 one outside 540100, so the parent case stays out of a prefecture's scope), added by the
  // system (0 when r holds no village).
  auto village_supervisor = [](const std::string& r) -> std::int64_t {
    auto tree = g_app->regions();
    const RegionIndex root = tree->Find(r);
    if (root == kNoRegion) return 0;
    const auto villages = tree->DescendantsAtLevel(root, RegionLevel::kVillage);
    if (villages.empty()) return 0;
    auto v = g_app->AddVillageSupervisor(Actor::System(), {tree->node(villages.back()).region.code, "监督员",
                                                           "139" + std::to_string(10'000'000 + ++counter), ""});
    EXPECT_TRUE(v.ok()) << v.status().ToString();
    return v.ok() ? v->id : 0;
  };
  // A month not drawn before (each draw of a region is once a month).
  auto fresh_month = [] {
    static int months = 0;
    ++months;
    return std::to_string(2001 + months / 12) + "-" + (months % 12 < 9 ? "0" : "") + std::to_string(months % 12 + 1);
  };
  // A draw by the system with a supervisor of r's village in its sample: r's own when r draws (a
  // province, prefecture or county), else its county's, whose pool is then that supervisor's village.
  auto drawn = [village_supervisor, fresh_month](const std::string& r) {
    village_supervisor(r);
    auto tree = g_app->regions();
    RegionIndex at = tree->Find(r);
    while (at != kNoRegion && tree->node(at).region.level > RegionLevel::kCounty) at = tree->node(at).parent;
    const std::string month = fresh_month();
    auto v = g_app->DrawSpotCheck(Actor::System(), {at == kNoRegion ? r : tree->node(at).region.code, month, ""});
    EXPECT_TRUE(v.ok()) << v.status().ToString();
    if (!v.ok()) return std::tuple<std::int64_t, std::int64_t, std::string>{0, 0, month};
    return std::tuple<std::int64_t, std::int64_t, std::string>{
        v->id, v->sample.empty() ? 0 : v->sample.front().supervisor.id, month};
  };
  s["POST /api/v1/village-supervisors"] = {
      true, [](const std::string& r, auto&) {
        auto tree = g_app->regions();
        const RegionIndex root = tree->Find(r);
        std::string village = r;
        if (root != kNoRegion) {
          const auto v = tree->DescendantsAtLevel(root, RegionLevel::kVillage);
          if (!v.empty()) village = tree->node(v.back()).region.code;
        }
        return Make(
            "POST", "/api/v1/village-supervisors",
            nlohmann::json{
                {"region_code", village}, {"name", "监督员"}, {"phone", "138" + std::to_string(10'000'000 + ++counter)}}
                .dump(),
            "application/json");
      }};
  s["GET /api/v1/village-supervisors"] = {
      true, [](const std::string& r, auto&) { return Make("GET", "/api/v1/village-supervisors?region=" + r); }};
  s["POST /api/v1/village-supervisors/{id}/status"] = {
      true, [village_supervisor](const std::string& r, auto&) {
        return Make("POST", "/api/v1/village-supervisors/" + std::to_string(village_supervisor(r)) + "/status",
                    nlohmann::json{{"status", "inactive"}}.dump(), "application/json");
      }};
  s["POST /api/v1/spot-checks"] = {true, [fresh_month](const std::string& r, auto&) {
                                     return Make("POST", "/api/v1/spot-checks",
                                                 nlohmann::json{{"region_code", r}, {"month", fresh_month()}}.dump(),
                                                 "application/json");
                                   }};
  s["GET /api/v1/spot-checks"] = {
      true, [](const std::string& r, auto&) { return Make("GET", "/api/v1/spot-checks?region=" + r); }};
  s["GET /api/v1/spot-checks/coverage"] = {true, [](const std::string& r, auto&) {
                                             return Make("GET",
                                                         "/api/v1/spot-checks/coverage?month=2001-01&region=" + r);
                                           }};
  // Unscoped: a township draws nothing, so its officer has no draw to read (the sample's id 0 then
  // answers 404); the refusal outside the scope is tested in tests/api/spot_checks.test.mjs.
  s["GET /api/v1/spot-checks/{id}"] = {
      false,
      [drawn](const std::string& r, auto&) {
        auto tree = g_app->regions();
        const RegionIndex at = tree->Find(r);
        const bool draws = at != kNoRegion && tree->node(at).region.level <= RegionLevel::kCounty;
        return Make("GET", "/api/v1/spot-checks/" + std::to_string(draws ? std::get<0>(drawn(r)) : 0));
      },
      {404}};
  s["POST /api/v1/spot-checks/{id}/calls"] = {
      true, [drawn](const std::string& r, auto&) {
        const auto [id, supervisor, month] = drawn(r);
        return Make(
            "POST", "/api/v1/spot-checks/" + std::to_string(id) + "/calls",
            nlohmann::json{{"supervisor_id", supervisor}, {"called_at", month + "-10"}, {"reached", true}}.dump(),
            "application/json");
      }};
  s["GET /api/v1/exports/projects.xlsx"] = {
      true, [](const std::string& r, auto&) { return Make("GET", "/api/v1/exports/projects.xlsx?region=" + r); }};
  s["GET /api/v1/exports/ledger.xlsx"] = {
      true, [](const std::string& r, auto&) { return Make("GET", "/api/v1/exports/ledger.xlsx?region=" + r); }};
  // 绩效评价 (issue #19 point 3): one evaluation of the county under the caller's home (城关区 2023),
  // created once by the system and left in self-evaluation with unscored items, so that every
  // step on it is refused by its state (409) once authorization let the caller through. A township
  // has no county below it: id 999999 answers 404 past authorization. Scope is tested in
  // tests/api/evaluations.test.mjs.
  auto evaluation_of = [](const std::string& r) -> std::int64_t {
    auto tree = g_app->regions();
    const RegionIndex at = tree->Find(r);
    if (at == kNoRegion || tree->node(at).region.level > RegionLevel::kCounty) return 999999;
    // Each test has its own database: the evaluation is looked up (or created) in this one.
    auto existing = g_app->ListEvaluations(Actor::System(), "540102", 2023);
    if (existing.ok() && !existing->empty()) return existing->front().record.id;
    auto v = g_app->CreateEvaluation(Actor::System(), NewEvaluation{"540102", 2023, Date::FromYmd(2023, 12, 31)});
    EXPECT_TRUE(v.ok()) << v.status().ToString();
    const std::int64_t id = v.ok() ? v->record.id : 0;
    return id;
  };
  static int evaluation_calls = 0;  // a fresh year for each call (2024–2093, cycling across the tests' databases)
  s["GET /api/v1/evaluations/template"] = {false,
                                           [](auto&, auto&) { return Make("GET", "/api/v1/evaluations/template"); }};
  s["GET /api/v1/evaluations"] = {
      true, [](const std::string& r, auto&) { return Make("GET", "/api/v1/evaluations?year=2023&region=" + r); }};
  s["POST /api/v1/evaluations"] = {
      true,
      [](const std::string& r, auto&) {
        return Make("POST", "/api/v1/evaluations",
                    nlohmann::json{{"region_code", r}, {"year", 2024 + (evaluation_calls++ % 70)}}.dump(),
                    "application/json");
      },
      {400}};  // not_a_county for the other levels
  s["GET /api/v1/evaluations/{id}"] = {false,
                                       [evaluation_of](const std::string& r, auto&) {
                                         return Make("GET", "/api/v1/evaluations/" + std::to_string(evaluation_of(r)));
                                       },
                                       {404}};
  s["GET /api/v1/evaluations/{id}/score-sheet.xlsx"] = {
      false,
      [evaluation_of](const std::string& r, auto&) {
        return Make("GET", "/api/v1/evaluations/" + std::to_string(evaluation_of(r)) + "/score-sheet.xlsx");
      },
      {404}};
  s["POST /api/v1/evaluations/{id}/scores"] = {
      false, [evaluation_of](const std::string& r, auto&) {
        return Make("POST", "/api/v1/evaluations/" + std::to_string(evaluation_of(r)) + "/scores",
                    nlohmann::json{{"scores", {{{"item_id", "A2"}, {"points", 4.5}, {"evidence", "分配方案"}}}}}.dump(),
                    "application/json");
      }};
  s["POST /api/v1/evaluations/{id}/adjustments"] = {
      false,
      [evaluation_of](const std::string& r, auto&) {
        return Make("POST", "/api/v1/evaluations/" + std::to_string(evaluation_of(r)) + "/adjustments",
                    nlohmann::json{{"scores", {{{"item_id", "A2"}, {"points", 4}, {"reason", "复核"}}}}}.dump(),
                    "application/json");
      },
      {409}};  // wrong_step: not submitted
  for (const char* step : {"submit", "review", "return", "finalize"}) {
    s[std::string("POST /api/v1/evaluations/{id}/") + step] = {
        false,
        [evaluation_of, step](const std::string& r, auto&) {
          return Make("POST", "/api/v1/evaluations/" + std::to_string(evaluation_of(r)) + "/" + step,
                      nlohmann::json{{"note", "退回理由"}}.dump(), "application/json");
        },
        {409}};  // unscored_items / wrong_step
  }
  return s;
}

class AuthzMatrix : public ::testing::Test {
 protected:
  void SetUp() override {
    // Every user belongs to 财政局, so the sign-off sample gets past the department check.
    for (Role role : kUserRoles) t_.AddUser(std::string(RoleName(role)), role, HomeOf(role), kPassword, "财政局");
    // One project per region, for the project routes.
    std::string projects = "project_code,name,year,region_code\n";
    for (const auto& [code, row] : RegionRows()) projects += "PRJ-" + code + ",测试项目," + "2023," + code + "\n";
    std::istringstream in(projects);
    CsvReader reader(in);
    auto imported = t_.app->ImportProjects(Actor::System(), reader);
    ASSERT_TRUE(imported.ok()) << imported.status().ToString();
    // One negative_list flag per region, for the flag routes.
    std::vector<Flag> flags;
    for (const auto& [code, row] : RegionRows()) {
      flags.push_back({0, std::string(FlagKind::kNegativeList), "NEG-" + code, code, "PRJ-" + code, 2023,
                       FundSource::kCentral, Date::FromYmd(2023, 6, 1), std::nullopt, Fen(100), "购置车辆",
                       FlagStatus::kOpen, "", "", "", 0});
    }
    ASSERT_TRUE(t_.app->store().UpsertRaisedFlags(flags, "2023-06-01T00:00:00Z").ok());
    // A village under each township, for the village supervisors' routes.
    std::istringstream villages(
        "code,name,level,parent_code\n540102001001,八廓村,village,540102001\n540202001001,城南村,village,540202001\n");
    CsvReader village_reader(villages);
    auto added = t_.app->ImportRegions(Actor::System(), village_reader);
    ASSERT_TRUE(added.ok()) << added.status().ToString();
    g_app = t_.app.get();
    RegisterRoutes(router_, *t_.app);
    handler_ = MakeHandler(*t_.app, "/nonexistent-web-dist");
  }

  struct Credentials {
    std::string cookie;
    std::string csrf;
  };
  /// A fresh session (a DELETE case revokes the one it used).
  Credentials Login(const std::string& username) {
    Request r = Make("POST", "/api/v1/session", nlohmann::json{{"username", username}, {"password", kPassword}}.dump(),
                     "application/json");
    Response res = handler_(r);
    EXPECT_EQ(res.status, 200) << res.body;
    Credentials c;
    for (const auto& [k, v] : res.headers) {
      if (k == "Set-Cookie") c.cookie = v.substr(0, v.find(';'));
    }
    c.csrf = nlohmann::json::parse(res.body).value("csrf_token", "");
    return c;
  }

  /// Bearer requests of the matrix must not meet the per-token rate limit.
  static AppOptions MatrixOptions() {
    AppOptions o;
    o.tokens.rate = {1'000'000, 1'000'000};
    return o;
  }

  TestApp t_{MatrixOptions()};
  Router router_;
  Handler handler_;
};

TEST_F(AuthzMatrix, EveryRouteHasARuleAndASample) {
  const auto samples = Samples();
  for (const Route& route : router_.routes()) {
    const std::string key = route.method + " " + route.pattern;
    EXPECT_TRUE(samples.contains(key)) << key << " has no entry in the authorization matrix (api_authz_test.cpp)";
  }
  EXPECT_EQ(samples.size(), router_.routes().size()) << "the matrix names a route the router no longer has";
}

TEST_F(AuthzMatrix, EveryRoleEveryRegionEveryRoute) {
  const auto samples = Samples();
  int checked = 0;
  for (const Route& route : router_.routes()) {
    const std::string key = route.method + " " + route.pattern;
    if (!samples.contains(key)) continue;  // reported by the test above
    const Sample& sample = samples.at(key);
    const bool is_public = route.access.kind == AccessRule::Kind::kPublic;
    for (Role role : kUserRoles) {
      const std::string user(RoleName(role));
      const std::string home = HomeOf(role);
      for (Target target : {Target::kOwn, Target::kOther, Target::kParent}) {
        std::string region = home;
        if (target == Target::kOther) region = OtherOf(home);
        if (target == Target::kParent) {
          const auto tree = t_.app->regions();
          const RegionIndex parent = tree->node(tree->Find(home)).parent;
          if (parent == kNoRegion) continue;  // a province has no parent
          region = tree->node(parent).region.code;
        }
        if (!sample.scoped && target != Target::kOwn) continue;  // the region does not enter
        const Credentials c = Login(user);
        Request req = sample.make(region, user);
        req.headers.emplace_back("cookie", c.cookie);
        req.headers.emplace_back("x-csrf-token", c.csrf);
        const Response res = handler_(req);
        const bool role_ok =
            is_public || route.access.kind == AccessRule::Kind::kSession || RoleMay(role, route.access.action);
        const bool allowed = role_ok && (!sample.scoped || target == Target::kOwn);
        const std::string where = key + " as " + user + " (home " + home + ") on " + TargetName(target) + " region " +
                                  region + ": " + std::to_string(res.status) + " " + res.body;
        if (allowed) {
          EXPECT_TRUE((res.status >= 200 && res.status < 300) || sample.authorized.contains(res.status))
              << "should be allowed: " << where;
        } else {
          EXPECT_EQ(res.status, 403) << "should be forbidden: " << where;
        }
        ++checked;
      }
    }
  }
  EXPECT_GT(checked, 150);
}

TEST_F(AuthzMatrix, CountyStepsAndDepartmentSignoffsNeedTheirOwnRole) {
  // A township officer may move its own project through the township's steps, never the county's.
  auto send = [&](const std::string& user, const std::string& target, const nlohmann::json& body) {
    const Credentials c = Login(user);
    Request req = Make("POST", target, body.dump(), "application/json");
    req.headers.emplace_back("cookie", c.cookie);
    req.headers.emplace_back("x-csrf-token", c.csrf);
    return handler_(req);
  };
  const std::string own = "/api/v1/projects/PRJ-540102001";
  for (const char* action : {"county_review", "admit"}) {
    const Response r =
        send("township_officer", own + "/transition", {{"action", action}, {"version", VersionOf("PRJ-540102001")}});
    EXPECT_EQ(r.status, 403) << action << ": " << r.body;
  }
  EXPECT_EQ(send("township_officer", "/api/v1/library/batch-transition",
                 {{"codes", {"PRJ-540102001"}}, {"action", "county_review"}})
                .status,
            403);
  // The county officer is past authorization (the draft project's state then refuses: 409).
  EXPECT_EQ(send("county_officer", "/api/v1/projects/PRJ-540102/transition",
                 {{"action", "county_review"}, {"version", VersionOf("PRJ-540102")}})
                .status,
            409);
  // A department's sign-off: only a user of that department (the draft then refuses: 409).
  t_.AddUser("caizheng", Role::kCountyOfficer, "540102", kPassword, "财政局");
  const nlohmann::json signoff = {{"department", "财政局"}, {"decision", "approve"}};
  t_.AddUser("jiaotong", Role::kCountyOfficer, "540102", kPassword, "交通运输局");
  EXPECT_EQ(send("jiaotong", "/api/v1/projects/PRJ-540102/signoffs", signoff).status, 403);
  EXPECT_EQ(send("caizheng", "/api/v1/projects/PRJ-540102/signoffs", signoff).status, 409);
  EXPECT_EQ(
      send("caizheng", "/api/v1/projects/PRJ-540102/signoffs", {{"department", "交通运输局"}, {"decision", "approve"}})
          .status,
      403);
}

// An API token of a service account gets exactly the checks of a person of its role (issue #24):
// the same matrix with `Authorization: Bearer` and no CSRF header. Admin tokens do not exist.
TEST_F(AuthzMatrix, BearerTokensGetTheChecksOfTheirRole) {
  std::map<Role, std::string> tokens;
  for (Role role : kUserRoles) {
    if (role == Role::kAdmin) continue;
    auto grant = t_.app->CreateApiToken(
        Actor::System(),
        NewApiToken{std::string(kServicePrefix) + std::string(RoleName(role)), role, HomeOf(role), "", {}});
    ASSERT_TRUE(grant.ok()) << grant.status().ToString();
    tokens[role] = grant->token;
  }
  const auto samples = Samples();
  int checked = 0;
  for (const Route& route : router_.routes()) {
    const std::string key = route.method + " " + route.pattern;
    if (!samples.contains(key) || route.access.kind == AccessRule::Kind::kPublic) continue;
    const Sample& sample = samples.at(key);
    for (const auto& [role, token] : tokens) {
      const std::string account = std::string(kServicePrefix) + std::string(RoleName(role));
      const std::string home = HomeOf(role);
      for (Target target : {Target::kOwn, Target::kOther}) {
        if (!sample.scoped && target != Target::kOwn) continue;
        const std::string region = target == Target::kOwn ? home : OtherOf(home);
        Request req = sample.make(region, account);
        req.headers.emplace_back("authorization", "Bearer " + token);
        const Response res = handler_(req);
        const std::string where = key + " as token of " + account + " on " + TargetName(target) + " region " + region +
                                  ": " + std::to_string(res.status) + " " + res.body;
        if (route.pattern == "/api/v1/session") {
          // A token has no login session to read or end.
          EXPECT_EQ(res.status, route.method == "GET" ? 403 : 401) << where;
          continue;
        }
        if (route.pattern == "/api/v1/session/password") {
          // A service account has no password to change.
          EXPECT_EQ(res.status, 403) << where;
          continue;
        }
        if (route.pattern == "/api/v1/projects/{code}/signoffs") {
          // A service account belongs to no department: it never signs a joint review (联审联批).
          EXPECT_EQ(res.status, 403) << where;
          ++checked;
          continue;
        }
        const bool role_ok = route.access.kind == AccessRule::Kind::kSession || RoleMay(role, route.access.action);
        if (role_ok && (!sample.scoped || target == Target::kOwn)) {
          EXPECT_TRUE((res.status >= 200 && res.status < 300) || sample.authorized.contains(res.status))
              << "should be allowed: " << where;
        } else {
          EXPECT_EQ(res.status, 403) << "should be forbidden: " << where;
        }
        ++checked;
      }
    }
  }
  EXPECT_GT(checked, 150);
}

TEST_F(AuthzMatrix, BearerTokensAreCheckedBeforeAnything) {
  Request none = Make("GET", "/api/v1/regions");
  none.headers.emplace_back("authorization", "Bearer xjt_" + std::string(64, '0'));
  EXPECT_EQ(handler_(none).status, 401);
  Request basic = Make("GET", "/api/v1/regions");
  basic.headers.emplace_back("authorization", "Basic YWRtaW46eA==");
  EXPECT_EQ(handler_(basic).status, 401);
  // A bearer token wins over a cookie: an admin's session cannot lend its rights to a bad token.
  const Credentials admin = Login("admin");
  Request both = Make("GET", "/api/v1/users");
  both.headers.emplace_back("cookie", admin.cookie);
  both.headers.emplace_back("authorization", "Bearer not-a-token");
  EXPECT_EQ(handler_(both).status, 401);
}

TEST_F(AuthzMatrix, WithoutASessionOnlyPublicRoutesAnswer) {
  for (const auto& [key, sample] : Samples()) {
    Request req = sample.make("540100", "admin");
    const Response res = handler_(req);
    const Route* route = router_.Find(req).route;
    ASSERT_NE(route, nullptr) << key;
    if (route->access.kind == AccessRule::Kind::kPublic) {
      EXPECT_TRUE(res.status >= 200 && res.status < 300) << key << ": " << res.body;
    } else {
      EXPECT_EQ(res.status, 401) << key << ": " << res.body;
      EXPECT_EQ(nlohmann::json::parse(res.body)["error"]["code"], "unauthenticated") << key;
    }
  }
}

TEST_F(AuthzMatrix, StateChangingRoutesNeedTheCsrfToken) {
  for (const auto& [key, sample] : Samples()) {
    Request probe = sample.make("540100", "admin");
    const Route* route = router_.Find(probe).route;
    ASSERT_NE(route, nullptr);
    if (!IsStateChanging(route->method) || route->access.kind == AccessRule::Kind::kPublic) continue;
    for (const char* sent : {"", "wrong", "0000000000000000000000000000000000000000000000000000000000000000"}) {
      const Credentials c = Login("admin");
      Request req = sample.make("540100", "admin");
      req.headers.emplace_back("cookie", c.cookie);
      if (*sent) req.headers.emplace_back("x-csrf-token", sent);
      const Response res = handler_(req);
      EXPECT_EQ(res.status, 403) << key << " with token '" << sent << "': " << res.body;
      EXPECT_EQ(nlohmann::json::parse(res.body)["error"]["code"], "csrf_failed") << key;
    }
  }
}

TEST_F(AuthzMatrix, MetricsArePublicOnLoopbackOnly) {
  Request local = Make("GET", "/metrics");
  local.remote_address = "127.0.0.1";
  EXPECT_EQ(handler_(local).status, 200);
  Request remote = Make("GET", "/metrics");
  EXPECT_EQ(handler_(remote).status, 401);
}

TEST_F(AuthzMatrix, UnknownRegionsAreNotFoundNotForbidden) {
  const Credentials c = Login("admin");
  Request req = Make("GET", "/api/v1/regions/999999");
  req.headers.emplace_back("cookie", c.cookie);
  EXPECT_EQ(handler_(req).status, 404);
}

}  // namespace http_api_authz_test
}  // namespace xj::http
