// Content coding: Accept-Encoding parsing, gzip that zlib reads back, and which dynamic responses
// are compressed.
#include "http/compression.hpp"

#include <gtest/gtest.h>
#include <zlib.h>

namespace xj::http {
namespace http_compression_test {

std::string Gunzip(const std::string& gz) {
  z_stream s{};
  EXPECT_EQ(inflateInit2(&s, 15 + 16), Z_OK);
  std::string out(1 << 20, '\0');
  s.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(gz.data()));
  s.avail_in = static_cast<uInt>(gz.size());
  s.next_out = reinterpret_cast<Bytef*>(out.data());
  s.avail_out = static_cast<uInt>(out.size());
  EXPECT_EQ(inflate(&s, Z_FINISH), Z_STREAM_END);
  out.resize(s.total_out);
  inflateEnd(&s);
  return out;
}

std::string HeaderOf(const Response& r, const std::string& name) {
  for (const auto& [k, v] : r.headers)
    if (k == name) return v;
  return "";
}

Request WithEncoding(std::string accept) {
  Request r;
  r.method = "GET";
  r.path = "/api/v1/flags";
  if (!accept.empty()) r.headers.emplace_back("accept-encoding", std::move(accept));
  return r;
}

std::string BigJson() {
  std::string body = "[";
  for (int i = 0; i < 200; ++i) body += R"({"region_code":"540102","amount_fen":123456},)";
  body += "{}]";
  return body;
}

TEST(CompressionTest, AcceptEncodingByNameStarAndQZero) {
  EXPECT_TRUE(AcceptsEncoding("gzip, deflate, br", "gzip"));
  EXPECT_TRUE(AcceptsEncoding("GZIP;q=0.5", "gzip"));
  EXPECT_TRUE(AcceptsEncoding("*", "gzip"));
  EXPECT_FALSE(AcceptsEncoding("", "gzip"));
  EXPECT_FALSE(AcceptsEncoding("identity", "gzip"));
  EXPECT_FALSE(AcceptsEncoding("gzip;q=0", "gzip"));
  EXPECT_FALSE(AcceptsEncoding("gzip; q=0.000", "gzip"));
  EXPECT_FALSE(AcceptsEncoding("*, gzip;q=0", "gzip"));  // the named entry decides over *
  EXPECT_TRUE(AcceptsEncoding("gzip, *;q=0", "gzip"));
  EXPECT_FALSE(AcceptsEncoding("gzipped", "gzip"));
}

TEST(CompressionTest, GzipIsReadBackByZlib) {
  const std::string body = BigJson();
  const auto gz = Gzip(body);
  ASSERT_TRUE(gz.has_value());
  EXPECT_LT(gz->size(), body.size() / 5);
  EXPECT_EQ(Gunzip(*gz), body);
  EXPECT_EQ(Gunzip(*Gzip("")), "");
}

TEST(CompressionTest, OnlyLargeTextualOkResponsesForClientsThatAcceptGzip) {
  Response json{200, "application/json; charset=utf-8", BigJson(), {}};
  CompressResponse(WithEncoding("gzip, br"), json);
  EXPECT_EQ(HeaderOf(json, "Content-Encoding"), "gzip");
  EXPECT_EQ(HeaderOf(json, "Vary"), "Accept-Encoding");
  EXPECT_EQ(Gunzip(json.body), BigJson());

  Response refused{200, "application/json; charset=utf-8", BigJson(), {}};
  CompressResponse(WithEncoding("br"), refused);
  EXPECT_EQ(refused.body, BigJson());
  EXPECT_EQ(HeaderOf(refused, "Vary"), "Accept-Encoding");  // a cache must still key on it
  EXPECT_EQ(HeaderOf(refused, "Content-Encoding"), "");

  Response small{200, "application/json; charset=utf-8", R"({"ok":true})", {}};
  CompressResponse(WithEncoding("gzip"), small);
  EXPECT_EQ(small.body, R"({"ok":true})");
  EXPECT_TRUE(small.headers.empty());

  Response csv{200, "text/csv; charset=utf-8", std::string(4096, 'a'), {}};
  CompressResponse(WithEncoding("gzip"), csv);
  EXPECT_EQ(HeaderOf(csv, "Content-Encoding"), "gzip");

  const std::string zip(4096, 'z');  // an XLSX is a zip already
  Response xlsx{200, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", zip, {}};
  CompressResponse(WithEncoding("gzip"), xlsx);
  EXPECT_EQ(xlsx.body, zip);

  Response error{400, "application/json; charset=utf-8", BigJson(), {}};
  CompressResponse(WithEncoding("gzip"), error);
  EXPECT_EQ(error.body, BigJson());

  Response encoded{200, "application/json; charset=utf-8", BigJson(), {{"Content-Encoding", "br"}}};
  CompressResponse(WithEncoding("gzip"), encoded);
  EXPECT_EQ(encoded.body, BigJson());
}

}  // namespace http_compression_test
}  // namespace xj::http
