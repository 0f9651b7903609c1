// Fuzzes the JSON request bodies of the ledger, project and user routes through the real router,
// handlers, parsing and validation (http/ledger_json.cpp, api.cpp, api_library.cpp, the App use
// cases and the SQLite store) — no socket, no session: the caller is set as the auth gate would.
//
// Input: a first line `METHOD TARGET [ROLE]`, then the body. Only targets under /api/v1/ledger,
// /api/v1/projects, /api/v1/users and /api/v1/session are run. A 500 answer aborts (a finding).
#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

#include "fuzz_app.hpp"

namespace {

constexpr std::string_view kPrefixes[] = {"/api/v1/ledger", "/api/v1/projects", "/api/v1/users", "/api/v1/session"};
// A fresh database now and then, so the store does not grow without bound over millions of inputs.
constexpr int kInputsPerApp = 4096;

std::unique_ptr<xj::fuzz::FuzzApp> g_app;
int g_inputs = 0;

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view input(reinterpret_cast<const char*>(data), size);
  const std::size_t eol = input.find('\n');
  if (eol == std::string_view::npos) return -1;
  const std::string_view line = input.substr(0, eol);
  const std::size_t sp = line.find(' ');
  if (sp == std::string_view::npos) return -1;
  xj::http::Request request;
  request.method = std::string(line.substr(0, sp));
  std::string_view rest = line.substr(sp + 1);
  std::optional<xj::Role> role;
  if (std::size_t sp2 = rest.find(' '); sp2 != std::string_view::npos) {
    role = xj::ParseRole(rest.substr(sp2 + 1));
    if (!role || *role == xj::Role::kSystem) return -1;
    rest = rest.substr(0, sp2);
  }
  bool wanted = false;
  for (std::string_view p : kPrefixes) wanted = wanted || rest.starts_with(p);
  if (!wanted) return -1;
  request.target = std::string(rest);
  request.body = std::string(input.substr(eol + 1));
  request.headers.emplace_back("content-type", "application/json");
  request.remote_address = "10.20.30.40";

  if (!g_app || ++g_inputs % kInputsPerApp == 0) {
    g_app.reset();
    g_app = std::make_unique<xj::fuzz::FuzzApp>();
  }
  g_app->Handle(request, role);
  return 0;
}
