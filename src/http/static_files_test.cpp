// The web app's files: the build's brotli/gzip copies by Accept-Encoding, ETag and 304, caching
// headers, history-mode fallback and the root's walls.
#include "http/static_files.hpp"

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>

namespace xj::http {
namespace http_static_files_test {

class StaticFilesTest : public ::testing::Test {
 protected:
  void SetUp() override {
    root_ = std::filesystem::temp_directory_path() / ("xj_static_" + std::to_string(::getpid()));
    std::filesystem::create_directories(root_ / "assets");
    Write("index.html", "<!doctype html><title>衔接</title>");
    Write("assets/app-1a2b.js", "console.log('plain')");
    Write("assets/app-1a2b.js.br", "BROTLI");
    Write("assets/app-1a2b.js.gz", "GZIP");
    Write("assets/only-gz.css", "body{}");
    Write("assets/only-gz.css.gz", "GZCSS");
  }
  void TearDown() override { std::filesystem::remove_all(root_); }
  void Write(const std::string& rel, const std::string& text) { std::ofstream(root_ / rel, std::ios::binary) << text; }

  Response Get(const std::string& path, std::vector<std::pair<std::string, std::string>> headers = {}) const {
    Request r;
    r.method = "GET";
    r.path = path;
    r.headers = std::move(headers);
    return StaticFiles(root_.string()).Serve(r);
  }
  static std::string HeaderOf(const Response& r, const std::string& name) {
    for (const auto& [k, v] : r.headers)
      if (k == name) return v;
    return "";
  }

  std::filesystem::path root_;
};

TEST_F(StaticFilesTest, SendsTheCopyTheClientAcceptsBrotliFirst) {
  const Response br = Get("/assets/app-1a2b.js", {{"accept-encoding", "gzip, deflate, br"}});
  EXPECT_EQ(br.body, "BROTLI");
  EXPECT_EQ(HeaderOf(br, "Content-Encoding"), "br");
  EXPECT_EQ(HeaderOf(br, "Vary"), "Accept-Encoding");
  EXPECT_EQ(br.content_type, "text/javascript; charset=utf-8");
  EXPECT_EQ(HeaderOf(br, "Cache-Control"), "public, max-age=31536000, immutable");

  const Response gz = Get("/assets/app-1a2b.js", {{"accept-encoding", "gzip"}});
  EXPECT_EQ(gz.body, "GZIP");
  EXPECT_EQ(HeaderOf(gz, "Content-Encoding"), "gzip");

  // br refused by q=0 (also written 0.000), * admitting the rest; a named q=0 beats *.
  EXPECT_EQ(Get("/assets/app-1a2b.js", {{"accept-encoding", "br;q=0, *"}}).body, "GZIP");
  EXPECT_EQ(Get("/assets/app-1a2b.js", {{"accept-encoding", "BR;Q=0.000, GZIP;q=0.5"}}).body, "GZIP");
  EXPECT_EQ(Get("/assets/app-1a2b.js", {{"accept-encoding", "*;q=0"}}).body, "console.log('plain')");
  EXPECT_EQ(Get("/assets/app-1a2b.js", {{"accept-encoding", "identity"}}).body, "console.log('plain')");

  const Response plain = Get("/assets/app-1a2b.js");
  EXPECT_EQ(plain.body, "console.log('plain')");
  EXPECT_EQ(HeaderOf(plain, "Content-Encoding"), "");
  EXPECT_EQ(HeaderOf(plain, "Vary"), "Accept-Encoding");  // caches must key on it all the same

  // Only a gzip copy: a brotli-only client gets the file as it is.
  EXPECT_EQ(Get("/assets/only-gz.css", {{"accept-encoding", "br"}}).body, "body{}");
  EXPECT_EQ(Get("/assets/only-gz.css", {{"accept-encoding", "br, gzip"}}).body, "GZCSS");
  // No copies at all: no Vary.
  EXPECT_EQ(HeaderOf(Get("/index.html", {{"accept-encoding", "br"}}), "Vary"), "");
}

TEST_F(StaticFilesTest, AnETagPerRepresentationAnd304WhenItStillHolds) {
  const Response first = Get("/");
  EXPECT_EQ(first.status, 200);
  EXPECT_EQ(HeaderOf(first, "Cache-Control"), "no-cache");
  const std::string etag = HeaderOf(first, "ETag");
  ASSERT_FALSE(etag.empty());
  EXPECT_EQ(etag.front(), '"');

  const Response again = Get("/", {{"if-none-match", etag}});
  EXPECT_EQ(again.status, 304);
  EXPECT_TRUE(again.body.empty());
  EXPECT_EQ(HeaderOf(again, "ETag"), etag);
  EXPECT_EQ(Get("/", {{"if-none-match", "\"other\", W/" + etag}}).status, 304);
  EXPECT_EQ(Get("/", {{"if-none-match", "*"}}).status, 304);
  EXPECT_EQ(Get("/", {{"if-none-match", "\"other\""}}).status, 200);

  // The page changed: the old validator no longer holds.
  Write("index.html", "<!doctype html><title>衔接 2</title>");
  const Response changed = Get("/", {{"if-none-match", etag}});
  EXPECT_EQ(changed.status, 200);
  EXPECT_NE(HeaderOf(changed, "ETag"), etag);

  // The brotli and the plain copy are different representations with different validators.
  const std::string br = HeaderOf(Get("/assets/app-1a2b.js", {{"accept-encoding", "br"}}), "ETag");
  const std::string plain = HeaderOf(Get("/assets/app-1a2b.js"), "ETag");
  EXPECT_NE(br, plain);
  EXPECT_EQ(Get("/assets/app-1a2b.js", {{"if-none-match", plain}}).status, 304);
  EXPECT_EQ(Get("/assets/app-1a2b.js", {{"accept-encoding", "br"}, {"if-none-match", plain}}).status, 200);
}

TEST_F(StaticFilesTest, HistoryRoutesFallBackAndNothingLeavesTheRoot) {
  EXPECT_EQ(Get("/projects/XZ-1").body, "<!doctype html><title>衔接</title>");
  EXPECT_EQ(Get("/assets/missing.js").status, 404);
  EXPECT_EQ(Get("/../etc/passwd").status, 404);
  EXPECT_EQ(Get("/assets/..%2f..%2fetc").status, 404);
  // A compressed copy is never reached by its own name through a traversal either.
  EXPECT_EQ(Get("/assets/../assets/app-1a2b.js").status, 404);
}

}  // namespace http_static_files_test
}  // namespace xj::http
