#include "http/compression.hpp"

#include <zlib.h>

#include <algorithm>
#include <array>
#include <cctype>

#include "core/text.hpp"
namespace xj::http {
namespace {

/// One zlib deflate stream, ended when it goes out of scope.
class Deflater {
 public:
  explicit Deflater(int level) {
    // windowBits 15 + 16: a gzip header and trailer instead of zlib's.
    ok_ = deflateInit2(&stream_, level, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY) == Z_OK;
  }
  ~Deflater() {
    if (ok_) deflateEnd(&stream_);
  }
  Deflater(const Deflater&) = delete;
  Deflater& operator=(const Deflater&) = delete;

  std::optional<std::string> Run(std::string_view data) {
    if (!ok_) return std::nullopt;
    std::string out;
    out.resize(deflateBound(&stream_, static_cast<uLong>(data.size())));
    stream_.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
    stream_.avail_in = static_cast<uInt>(data.size());
    stream_.next_out = reinterpret_cast<Bytef*>(out.data());
    stream_.avail_out = static_cast<uInt>(out.size());
    if (deflate(&stream_, Z_FINISH) != Z_STREAM_END) return std::nullopt;
    out.resize(stream_.total_out);
    return out;
  }

 private:
  z_stream stream_{};
  bool ok_ = false;
};

bool Textual(std::string_view content_type) {
  return content_type.starts_with("application/json") || content_type.starts_with("application/yaml") ||
         content_type.starts_with("text/") || content_type.starts_with("image/svg+xml");
}

}  // namespace

bool AcceptsEncoding(std::string_view accept_encoding, std::string_view coding) {
  bool accepted = false;
  while (!accept_encoding.empty()) {
    const std::size_t comma = accept_encoding.find(',');
    const std::string_view element = TrimSpaceTab(accept_encoding.substr(0, comma));
    accept_encoding.remove_prefix(comma == std::string_view::npos ? accept_encoding.size() : comma + 1);
    const std::size_t semi = element.find(';');
    const std::string_view name = TrimSpaceTab(element.substr(0, semi));
    const bool named = AsciiEqualsIgnoreCase(name, coding);
    if (!named && name != "*") continue;
    bool zero = false;
    if (semi != std::string_view::npos) {
      const std::string_view params = TrimSpaceTab(element.substr(semi + 1));
      if (params.starts_with("q=") || params.starts_with("Q=")) {
        const std::string_view q = TrimSpaceTab(params.substr(2));
        zero = !q.empty() && q.find_first_not_of("0.") == std::string_view::npos;
      }
    }
    if (named) {
      accepted = !zero;
      break;  // the coding's own entry decides
    }
    accepted = !zero;
  }
  return accepted;
}

std::optional<std::string> Gzip(std::string_view data, int level) {
  // zlib counts in uInt: a body beyond it is sent as it is.
  if (data.size() > 0xFFFF'FFFFu) return std::nullopt;
  Deflater deflater(std::clamp(level, 1, 9));
  return deflater.Run(data);
}

void CompressResponse(const Request& req, Response& res) {
  if (res.status != 200 || res.body.size() < kMinCompressBytes || !Textual(res.content_type)) return;
  for (const auto& [name, value] : res.headers) {
    if (AsciiEqualsIgnoreCase(name, "Content-Encoding")) return;
  }
  res.headers.emplace_back("Vary", "Accept-Encoding");
  if (!AcceptsEncoding(req.Header("accept-encoding"), "gzip")) return;
  std::optional<std::string> gz = Gzip(res.body);
  if (!gz || gz->size() >= res.body.size()) return;
  res.body = std::move(*gz);
  res.headers.emplace_back("Content-Encoding", "gzip");
}

}  // namespace xj::http
