// Boost 1.74 Asio under GCC 12 in C++20 needs <utility> before the Asio headers.
#include <algorithm>
#include <utility>

#include "http/server.hpp"

#include <array>
#include <atomic>
#include <boost/asio/dispatch.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/signal_set.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/strand.hpp>
#include <boost/asio/thread_pool.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <chrono>
#include <csignal>
#include <optional>
#include <thread>
#include <vector>

namespace xj::http {
namespace {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace bhttp = boost::beast::http;
using tcp = asio::ip::tcp;

std::string ErrorBody(std::string_view code, std::string_view message) {
  return "{\"error\":{\"code\":\"" + std::string(code) + "\",\"message\":\"" + std::string(message) + "\"}}";
}

/// What a stopping server waits for: the requests in flight (header read, answer not yet
/// written). Shared by the sessions and the server.
struct DrainState {
  std::atomic<int> in_flight{0};
  std::atomic<bool> draining{false};
};

class Session : public std::enable_shared_from_this<Session> {
 public:
  Session(tcp::socket socket, const ServerOptions& options, const Handler& handler, const HeadHandler& head,
          asio::thread_pool& workers, DrainState& drain)
      : stream_(std::move(socket)),
        options_(options),
        handler_(handler),
        head_(head),
        workers_(workers),
        drain_state_(drain) {}
  ~Session() { Done(); }

  void Start() {
    asio::dispatch(stream_.get_executor(), beast::bind_front_handler(&Session::ReadHeader, shared_from_this()));
  }

 private:
  /// The request in flight is answered (or its connection failed).
  void Done() {
    if (counted_) drain_state_.in_flight.fetch_sub(1);
    counted_ = false;
  }

  void ReadHeader() {
    if (drain_state_.draining.load()) return Close();  // stopping: no further request on this connection
    request_ = Request{};
    parser_.emplace();
    parser_->header_limit(static_cast<std::uint32_t>(options_.header_limit));
    // Beast checks Content-Length against the body limit while it parses the header, before the
    // target is known: start with the upload limit and lower it in OnHeader for other paths.
    parser_->body_limit(std::max(options_.body_limit, options_.upload_body_limit));
    // A new connection must send its header promptly; a kept-alive one may idle longer.
    stream_.expires_after(first_ ? options_.header_timeout : options_.idle_timeout);
    first_ = false;
    bhttp::async_read_header(stream_, buffer_, *parser_,
                             beast::bind_front_handler(&Session::OnHeader, shared_from_this()));
  }

  void OnHeader(beast::error_code ec, std::size_t) {
    if (ec) return FailRead(ec);
    drain_state_.in_flight.fetch_add(1);
    counted_ = true;
    const auto& req = parser_->get();
    if (req.target().size() > options_.url_limit) {
      return WriteError(bhttp::status::uri_too_long, "uri_too_long", "请求地址过长", false);
    }
    request_.method = std::string(req.method_string());
    request_.target = std::string(req.target());
    if (!ParseTarget(request_.target, request_.path, request_.query)) {
      return WriteError(bhttp::status::bad_request, "bad_request", "请求地址格式错误", false);
    }
    for (const auto& field : req) {
      std::string name(field.name_string());
      for (char& c : name) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
      request_.headers.emplace_back(std::move(name), std::string(field.value()));
    }
    beast::error_code addr_ec;
    const auto remote = stream_.socket().remote_endpoint(addr_ec);
    if (!addr_ec) request_.remote_address = remote.address().to_string();
    // Admission before the body: an anonymous upload is refused without reading it.
    if (head_) {
      std::optional<Response> early;
      try {
        early = head_(request_);
      } catch (...) {
        early = Response{500, "application/json; charset=utf-8", ErrorBody("internal", "服务器内部错误"), {}};
      }
      if (early) return Respond(std::move(*early), req.version(), false);
    }
    std::size_t limit = std::string_view(request_.target).starts_with(options_.upload_prefix)
                            ? std::max(options_.body_limit, options_.upload_body_limit)
                            : options_.body_limit;
    if (request_.body_limit) limit = std::min(limit, *request_.body_limit);
    if (auto length = parser_->content_length(); length && *length > limit) {
      return WriteError(bhttp::status::payload_too_large, "too_large", "请求体过大", false);
    }
    parser_->body_limit(limit);
    stream_.expires_after(options_.body_timeout);
    bhttp::async_read(stream_, buffer_, *parser_, beast::bind_front_handler(&Session::OnRead, shared_from_this()));
  }

  void FailRead(beast::error_code ec) {
    if (ec == bhttp::error::end_of_stream || ec == beast::error::timeout || ec == asio::error::connection_reset ||
        ec == asio::error::eof) {
      Done();
      return Close();
    }
    if (ec == bhttp::error::header_limit) {
      return WriteError(bhttp::status::request_header_fields_too_large, "header_too_large", "请求头过大", false);
    }
    if (ec == bhttp::error::body_limit) {
      return WriteError(bhttp::status::payload_too_large, "too_large", "请求体过大", false);
    }
    return WriteError(bhttp::status::bad_request, "bad_request", "请求格式错误", false);
  }

  void OnRead(beast::error_code ec, std::size_t) {
    if (ec) return FailRead(ec);
    auto& req = parser_->get();
    request_.body = std::move(req.body());
    const unsigned version = req.version();
    const bool keep_alive = req.keep_alive();
    if (!request_.offload) return Respond(Handle(), version, keep_alive);
    // Heavy work runs on the worker pool; the answer is written back on this session's strand.
    asio::post(workers_, [self = shared_from_this(), version, keep_alive] {
      auto response = std::make_shared<Response>(self->Handle());
      asio::post(self->stream_.get_executor(),
                 [self, response, version, keep_alive] { self->Respond(std::move(*response), version, keep_alive); });
    });
  }

  Response Handle() {
    try {
      return handler_(request_);
    } catch (...) {
      return Response{500, "application/json; charset=utf-8", ErrorBody("internal", "服务器内部错误"), {}};
    }
  }

  void Respond(Response response, unsigned version, bool keep_alive) {
    auto res = std::make_shared<bhttp::response<bhttp::string_body>>();
    res->version(version);
    res->result(static_cast<unsigned>(response.status));
    res->set(bhttp::field::server, "xianjie");
    res->set(bhttp::field::content_type, response.content_type);
    for (auto& [k, v] : response.headers) res->set(k, v);
    res->body() = std::move(response.body);
    // A stopping server answers and closes: the client's next request goes to another server.
    res->keep_alive(keep_alive && !drain_state_.draining.load());
    if (request_.method == "HEAD") {
      res->content_length(res->body().size());
      res->body().clear();
      res->prepare_payload();
      res->content_length(res->body().size());
    } else {
      res->prepare_payload();
    }
    Write(std::move(res));
  }

  void WriteError(bhttp::status status, std::string_view code, std::string_view message, bool keep_alive) {
    auto res = std::make_shared<bhttp::response<bhttp::string_body>>(status, 11);
    res->set(bhttp::field::server, "xianjie");
    res->set(bhttp::field::content_type, "application/json; charset=utf-8");
    res->body() = ErrorBody(code, message);
    res->keep_alive(keep_alive);
    res->prepare_payload();
    Write(std::move(res));
  }

  void Write(std::shared_ptr<bhttp::response<bhttp::string_body>> res) {
    stream_.expires_after(options_.write_timeout);
    const bool close = !res->keep_alive();
    bhttp::async_write(stream_, *res, [self = shared_from_this(), res, close](beast::error_code ec, std::size_t) {
      self->Done();
      if (ec) return;
      if (close) return self->Linger();
      self->ReadHeader();
    });
  }

  void Close() {
    beast::error_code ignored;
    stream_.socket().shutdown(tcp::socket::shutdown_send, ignored);
  }

  /// A closing answer (413, 431, 400 …) may come while the client is still sending its body.
  /// Closing at once would reset the connection and the client might never read the answer:
  /// stop sending, then read and discard what is still coming for a short while.
  void Linger() {
    beast::error_code ignored;
    stream_.socket().shutdown(tcp::socket::shutdown_send, ignored);
    stream_.expires_after(kLingerTime);
    Drain();
  }

  void Drain() {
    stream_.async_read_some(asio::buffer(drain_), [self = shared_from_this()](beast::error_code ec, std::size_t n) {
      self->drained_ += n;
      if (ec || self->drained_ > kMaxDrained) return;  // end of stream, time up, or enough: close
      self->Drain();
    });
  }

  static constexpr std::chrono::seconds kLingerTime{2};
  static constexpr std::size_t kMaxDrained = 64u << 20;
  std::array<char, 16 * 1024> drain_{};
  std::size_t drained_ = 0;

  beast::tcp_stream stream_;
  beast::flat_buffer buffer_;
  std::optional<bhttp::request_parser<bhttp::string_body>> parser_;
  Request request_;  // built from the header, completed with the body
  const ServerOptions& options_;
  const Handler& handler_;
  const HeadHandler& head_;
  asio::thread_pool& workers_;
  DrainState& drain_state_;
  bool counted_ = false;  // this session's request is counted in drain_state_.in_flight
  bool first_ = true;
};

}  // namespace

struct HttpServer::Impl {
  ServerOptions options;
  Handler handler;
  HeadHandler head;
  DrainState drain;  // before ioc: sessions destroyed with the loop still count down
  asio::io_context ioc;
  tcp::acceptor acceptor{ioc};
  asio::signal_set signals{ioc};

  asio::steady_timer accept_backoff{ioc};
  asio::steady_timer drain_timer{ioc};
  std::chrono::steady_clock::time_point drain_deadline;
  std::unique_ptr<asio::thread_pool> workers;  // made in the constructor, with options.worker_threads
  std::chrono::milliseconds backoff{0};

  void Accept() {
    acceptor.async_accept(asio::make_strand(ioc), [this](beast::error_code ec, tcp::socket socket) {
      if (!acceptor.is_open()) return;
      if (!ec) {
        backoff = std::chrono::milliseconds(0);
        std::make_shared<Session>(std::move(socket), options, handler, head, *workers, drain)->Start();
        return Accept();
      }
      // Out of file descriptors (EMFILE/ENFILE) or buffers: accepting again at once would fail
      // again at once and spin a core. Wait, doubling up to a second, while sessions close.
      backoff = std::clamp(backoff * 2, std::chrono::milliseconds(10), std::chrono::milliseconds(1000));
      accept_backoff.expires_after(backoff);
      accept_backoff.async_wait([this](beast::error_code wait_ec) {
        if (!wait_ec) Accept();
      });
    });
  }

  /// Stops the loop once no request is in flight, or at the drain deadline.
  void WaitDrained() {
    if (drain.in_flight.load() <= 0 || std::chrono::steady_clock::now() >= drain_deadline) return ioc.stop();
    drain_timer.expires_after(std::chrono::milliseconds(20));
    drain_timer.async_wait([this](beast::error_code ec) {
      if (!ec) WaitDrained();
    });
  }
};

HttpServer::HttpServer(ServerOptions options, Handler handler, HeadHandler head) : impl_(std::make_unique<Impl>()) {
  impl_->options = std::move(options);
  impl_->handler = std::move(handler);
  impl_->head = std::move(head);
  impl_->workers = std::make_unique<asio::thread_pool>(std::max(1, impl_->options.worker_threads));
}

HttpServer::~HttpServer() {
  Stop();
  // A handler still running on a worker finishes first (its answer is then dropped).
  impl_->workers->join();
}

Status HttpServer::Listen() {
  beast::error_code ec;
  const auto address = asio::ip::make_address(impl_->options.address, ec);
  if (ec) return Status::InvalidArgument("监听地址无效：" + impl_->options.address);
  const tcp::endpoint endpoint(address, impl_->options.port);
  auto& acc = impl_->acceptor;
  acc.open(endpoint.protocol(), ec);
  if (!ec) acc.set_option(asio::socket_base::reuse_address(true), ec);
  if (!ec) acc.bind(endpoint, ec);
  if (!ec) acc.listen(asio::socket_base::max_listen_connections, ec);
  if (ec) {
    return Status::Unavailable("无法监听 " + impl_->options.address + ":" + std::to_string(impl_->options.port) + "：" +
                               ec.message());
  }
  impl_->Accept();
  return Status::Ok();
}

std::uint16_t HttpServer::port() const {
  return impl_->acceptor.local_endpoint().port();
}

void HttpServer::Run() {
  std::vector<std::thread> workers;
  const int extra = std::max(0, impl_->options.threads - 1);
  for (int i = 0; i < extra; ++i) workers.emplace_back([this] { impl_->ioc.run(); });
  impl_->ioc.run();
  for (auto& t : workers) t.join();
}

void HttpServer::StopOnSignals() {
  impl_->signals.add(SIGINT);
  impl_->signals.add(SIGTERM);
  impl_->signals.async_wait([this](beast::error_code ec, int) {
    if (ec) return;
    // No new connection; running imports are cancelled (on_signal); the requests in flight are
    // answered (kept-alive connections then close) for up to drain_timeout, then the loop stops.
    beast::error_code ignored;
    impl_->acceptor.close(ignored);
    impl_->accept_backoff.cancel();
    impl_->drain.draining = true;
    if (impl_->options.on_signal) impl_->options.on_signal();
    impl_->drain_deadline = std::chrono::steady_clock::now() + impl_->options.drain_timeout;
    impl_->WaitDrained();
  });
}

void HttpServer::Stop() {
  asio::post(impl_->ioc, [this] {
    beast::error_code ec;
    impl_->acceptor.close(ec);
    impl_->signals.cancel(ec);
    impl_->ioc.stop();
  });
}

}  // namespace xj::http
