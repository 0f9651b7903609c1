// Fuzzes the URL and query parser (ParseTarget, PercentDecode), the router's matching of every
// route of the server, and the query-parameter parsers of the list and figure endpoints
// (http/params.cpp). No handler runs.
//
// Input: `METHOD TARGET` (the first space splits them; no space: GET and the whole input).
#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

#include "fuzz_app.hpp"
#include "http/params.hpp"

namespace {

xj::fuzz::FuzzApp& App() {
  static auto* app = new xj::fuzz::FuzzApp();  // lives for the process: only its router is used
  return *app;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view input(reinterpret_cast<const char*>(data), size);
  xj::http::Request request;
  if (std::size_t sp = input.find(' '); sp != std::string_view::npos && sp <= 8) {
    request.method = std::string(input.substr(0, sp));
    request.target = std::string(input.substr(sp + 1));
  } else {
    request.method = "GET";
    request.target = std::string(input);
  }
  std::string decoded;
  (void)xj::http::PercentDecode(request.target, decoded, true);
  if (!xj::http::ParseTarget(request.target, request.path, request.query)) return 0;
  auto match = App().router().Find(request);
  if (match.route && match.method_not_allowed) xj::fuzz::Finding("a route found and refused at once");
  for (const auto& [name, value] : request.path_params) {
    if (value.empty()) xj::fuzz::Finding("empty path parameter " + name + " in " + request.target);
  }
  (void)xj::http::ParseIndicatorQuery(request);
  (void)xj::http::ParseLedgerListQuery(request);
  (void)xj::http::ParseRankRequest(request);
  (void)xj::http::ParseFlagQuery(request);
  xj::ProjectListQuery projects;
  (void)xj::http::ReadListParams(request, projects);
  (void)xj::http::OptionalInt(request, "page", 1, 1'000'000);
  return 0;
}
