#pragma once
/// The HTTP/1.1 transport (Boost.Beast, async): keep-alive, limits and timeouts.
/// The only header of src/http that knows Beast exists is server.cpp.

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>

#include "core/status.hpp"
#include "http/http_types.hpp"

namespace xj::http {

/// Transport limits. Defaults suit a bureau intranet; every field is a hard bound.
struct ServerOptions {
  std::string address = "127.0.0.1";
  std::uint16_t port = 8080;             ///< 0 = pick a free port (see HttpServer::port)
  int threads = 4;                       ///< I/O threads; handlers run on them
  int worker_threads = 2;                ///< run the handlers of requests marked Request::offload (imports)
  std::size_t header_limit = 16 * 1024;  ///< request line + headers, bytes (431 above)
  std::size_t url_limit = 8 * 1024;      ///< request target, bytes (414 above)
  std::size_t body_limit = 1024 * 1024;  ///< default body limit, bytes (413 above)
  std::size_t upload_body_limit = 256u * 1024 * 1024;  ///< for paths starting with upload_prefix
  std::string upload_prefix = "/api/v1/imports";
  std::chrono::seconds header_timeout{10};  ///< to receive a complete header once bytes arrive
  std::chrono::seconds body_timeout{120};   ///< to receive the body
  std::chrono::seconds idle_timeout{30};    ///< keep-alive connection with no request
  std::chrono::seconds write_timeout{60};
  /// On SIGINT/SIGTERM, how long the requests in flight are given to be answered before the
  /// loop stops (a running import is cancelled at once, so it answers within a row).
  std::chrono::milliseconds drain_timeout{8'000};
  /// Called on SIGINT/SIGTERM before the loop stops (cmd: cancel running imports, so the
  /// workers they hold are free at once).
  std::function<void()> on_signal;
};

/// Handles one request; must not throw (exceptions become a 500 with no details).
using Handler = std::function<Response(Request&)>;
/// Sees a request once its header is read, before its body (`body` is empty): answers at once
/// (e.g. 401 for a route that needs a session, without reading a byte of the body; the
/// connection is then closed) or returns nullopt to read the body and run the Handler on the
/// same Request. It may set `Request::body_limit`. Must not throw.
using HeadHandler = std::function<std::optional<Response>(Request&)>;

/// Accepts connections on a loopback or LAN address and runs `handler` for each request.
class HttpServer {
 public:
  HttpServer(ServerOptions options, Handler handler, HeadHandler head = {});
  ~HttpServer();
  HttpServer(const HttpServer&) = delete;
  HttpServer& operator=(const HttpServer&) = delete;

  /// Binds and listens. Unavailable when the address is taken.
  Status Listen();
  /// The bound port (useful with port 0). REQUIRES: Listen() succeeded.
  std::uint16_t port() const;
  /// Serves until Stop(); blocks the calling thread, which becomes one of the I/O threads.
  void Run();
  /// Thread-safe; makes Run() return. Not async-signal-safe: use StopOnSignals for signals.
  void Stop();
  /// Makes Run() return on SIGINT or SIGTERM, handled inside the I/O loop (a signal
  /// handler may not touch the loop's locks). REQUIRES: before Run().
  void StopOnSignals();

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace xj::http
