#include "io/text_encoding.hpp"

#include <iconv.h>

#include <cerrno>
#include <cstdio>
#include <ios>
#include <streambuf>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace xj {
namespace {

constexpr std::size_t kDecodeChunk = 1 << 16;
constexpr const char* kBom = "\xEF\xBB\xBF";

/// An iconv conversion descriptor (glibc), closed on destruction.
class Iconv {
 public:
  static Result<Iconv> Open(const char* to, const char* from) {
    iconv_t cd = iconv_open(to, from);
    if (cd == reinterpret_cast<iconv_t>(-1)) {
      return Status::Internal(std::string("本机的 iconv 不支持从 ") + from + " 转换到 " + to);
    }
    return Iconv(cd);
  }
  Iconv(Iconv&& other) noexcept : cd_(std::exchange(other.cd_, kNone)) {}
  Iconv& operator=(Iconv&&) = delete;
  Iconv(const Iconv&) = delete;
  Iconv& operator=(const Iconv&) = delete;
  ~Iconv() {
    if (cd_ != kNone) iconv_close(cd_);
  }

  /// How far a conversion got: `consumed` bytes of the input were converted; when `invalid`,
  /// the input holds an invalid sequence at `consumed`, else the rest (if any) is an incomplete
  /// sequence awaiting more bytes.
  struct Step {
    std::size_t consumed = 0;
    bool invalid = false;
  };
  /// Converts as much of `in` as it can, appending the output to `out`.
  Step Convert(std::string_view in, std::string& out) {
    char* src = const_cast<char*>(in.data());  // iconv's signature; never written
    std::size_t left = in.size();
    char buf[16384];
    while (left > 0) {
      char* dst = buf;
      std::size_t room = sizeof buf;
      const std::size_t r = iconv(cd_, &src, &left, &dst, &room);
      out.append(buf, static_cast<std::size_t>(dst - buf));
      if (r != static_cast<std::size_t>(-1)) break;
      if (errno == E2BIG) continue;
      return {in.size() - left, errno == EILSEQ};
    }
    return {in.size() - left, false};
  }

 private:
  static inline const iconv_t kNone = reinterpret_cast<iconv_t>(-1);
  explicit Iconv(iconv_t cd) : cd_(cd) {}
  iconv_t cd_;
};

/// Where a byte of a CSV file sits as the reader and a spreadsheet number it: the row where its
/// record starts (header = 1) and its 1-based column. ',' '"' and '\n' are never part of a
/// multi-byte character in UTF-8 or GB18030, so the bytes can be followed before decoding.
class CsvPosition {
 public:
  void Step(unsigned char c) {
    if (c == '"') {
      in_quotes_ = !in_quotes_;
    } else if (c == ',' && !in_quotes_) {
      ++column_;
    } else if (c == '\n') {
      ++line_;
      if (!in_quotes_) {
        row_ = line_;
        column_ = 1;
      }
    }
    ++offset_;
  }
  void Advance(std::string_view bytes) {
    for (char c : bytes) Step(static_cast<unsigned char>(c));
  }
  int row() const { return row_; }
  int column() const { return column_; }
  std::int64_t offset() const { return offset_; }
  std::int64_t newlines() const { return line_ - 1; }

 private:
  bool in_quotes_ = false;
  int line_ = 1;
  int row_ = 1;
  int column_ = 1;
  std::int64_t offset_ = 0;
};

/// The first byte an encoding could not read.
struct BadByte {
  std::int64_t offset = 0;
  int row = 0;
  int column = 0;
  std::string bytes;  ///< the bad byte and the next one, as read
};

/// Reads the stream in chunks, calling `feed(chunk, at_end)`; `feed` returns false to stop.
template <typename Feed>
void ReadChunks(std::istream& in, Feed&& feed) {
  std::vector<char> buf(kDecodeChunk);
  for (;;) {
    in.read(buf.data(), static_cast<std::streamsize>(buf.size()));
    const auto n = static_cast<std::size_t>(in.gcount());
    const bool at_end = n < buf.size();
    if (!feed(std::string_view(buf.data(), n), at_end) || at_end) return;
  }
}

/// Strict UTF-8 (Unicode 15 Table 3-7: no overlong forms, no surrogates, nothing above U+10FFFF).
/// Also counts lines (up to a bad byte). nullopt when valid, else the first bad byte.
std::optional<BadByte> CheckUtf8(std::istream& in, std::int64_t& lines) {
  CsvPosition pos;
  std::optional<BadByte> bad;
  int need = 0;  // continuation bytes still expected
  unsigned char lo = 0x80, hi = 0xBF;
  // Where the current sequence started (kept as plain fields: this runs for every byte).
  std::int64_t start_offset = 0;
  int start_row = 1, start_column = 1;
  unsigned char lead = 0;
  const auto bad_here = [&](std::string bytes) {
    bad = BadByte{start_offset, start_row, start_column, std::move(bytes)};
  };
  ReadChunks(in, [&](std::string_view chunk, bool at_end) {
    for (std::size_t i = 0; i < chunk.size(); ++i) {
      const auto c = static_cast<unsigned char>(chunk[i]);
      if (need > 0) {
        if (c < lo || c > hi) {
          bad_here({static_cast<char>(lead), static_cast<char>(c)});
          return false;
        }
        lo = 0x80;
        hi = 0xBF;
        --need;
        pos.Step(c);
        continue;
      }
      start_offset = pos.offset();
      start_row = pos.row();
      start_column = pos.column();
      lead = c;
      if (c < 0x80) {
        need = 0;
      } else if (c >= 0xC2 && c <= 0xDF) {
        need = 1;
      } else if (c >= 0xE0 && c <= 0xEF) {
        need = 2;
        if (c == 0xE0) lo = 0xA0;
        if (c == 0xED) hi = 0x9F;
      } else if (c >= 0xF0 && c <= 0xF4) {
        need = 3;
        if (c == 0xF0) lo = 0x90;
        if (c == 0xF4) hi = 0x8F;
      } else {
        bad_here(std::string(1, static_cast<char>(c)));
        return false;
      }
      pos.Step(c);
    }
    if (at_end && need > 0) bad_here(std::string(1, static_cast<char>(lead)));  // cut off by the end of the file
    return true;
  });
  lines = pos.newlines();
  return bad;
}

/// Decodes the whole stream as GB18030, discarding the text, and counts lines. nullopt when valid.
Result<std::optional<BadByte>> CheckGb18030(std::istream& in, std::int64_t& lines) {
  XJ_ASSIGN_OR_RETURN(Iconv cd, Iconv::Open("UTF-8", "GB18030"));
  CsvPosition pos;
  std::optional<BadByte> bad;
  std::string pending, scratch;
  ReadChunks(in, [&](std::string_view chunk, bool at_end) {
    pending.append(chunk);
    scratch.clear();
    const Iconv::Step step = cd.Convert(pending, scratch);
    pos.Advance(std::string_view(pending).substr(0, step.consumed));
    if (step.invalid || (at_end && step.consumed < pending.size())) {
      bad = BadByte{pos.offset(), pos.row(), pos.column(), pending.substr(step.consumed, 2)};
      if (bad->bytes.size() == 2 && static_cast<unsigned char>(bad->bytes[1]) < 0x30) bad->bytes.pop_back();
      return false;
    }
    pending.erase(0, step.consumed);
    return true;
  });
  lines = pos.newlines();
  return bad;
}

std::string Hex(std::string_view bytes) {
  std::string out;
  for (unsigned char c : bytes) {
    char b[8];
    std::snprintf(b, sizeof b, "%s0x%02X", out.empty() ? "" : " ", c);
    out += b;
  }
  return out;
}

Status Undecodable(const BadByte& bad, TextEncoding read_further) {
  const std::string where = "第" + std::to_string(bad.row) + "行第" + std::to_string(bad.column) + "列";
  FieldError e{"",
               bad.row,
               "",
               bad.column,
               Hex(bad.bytes),
               "invalid_encoding",
               where + "有无法识别的字节 " + Hex(bad.bytes) + "（按 " + TextEncodingName(read_further) +
                   " 读到此处）：文件既不是 UTF-8 也不是 GB18030（GBK）编码"};
  return Status::Rejected(
      "无法识别文件编码：既不是 UTF-8 也不是 GB18030（GBK），" + where +
          "起无法读取。请用 Excel 或 WPS 另存为“CSV UTF-8（逗号分隔）”或 Excel 工作簿（.xlsx）后重新导入",
      {std::move(e)});
}

/// UTF-8 text decoded from a GB18030 stream, a chunk at a time.
class Gb18030Buf final : public std::streambuf {
 public:
  Gb18030Buf(std::unique_ptr<std::istream> source, Iconv cd) : source_(std::move(source)), cd_(std::move(cd)) {}

 protected:
  int_type underflow() override {
    if (gptr() < egptr()) return traits_type::to_int_type(*gptr());
    out_.clear();
    while (out_.empty()) {
      if (!at_end_) {
        const std::size_t old = in_.size();
        in_.resize(old + kDecodeChunk);
        source_->read(in_.data() + old, static_cast<std::streamsize>(kDecodeChunk));
        in_.resize(old + static_cast<std::size_t>(source_->gcount()));
        at_end_ = in_.size() < old + kDecodeChunk;
      }
      if (in_.empty()) return traits_type::eof();
      const Iconv::Step step = cd_.Convert(in_, out_);
      in_.erase(0, step.consumed);
      // Not what the probe found: the istream calling us turns this into badbit.
      if (step.invalid || (at_end_ && !in_.empty())) throw std::ios_base::failure("GB18030 解码失败");
    }
    setg(out_.data(), out_.data(), out_.data() + out_.size());
    return traits_type::to_int_type(*gptr());
  }

 private:
  std::unique_ptr<std::istream> source_;
  Iconv cd_;
  std::string in_;
  std::string out_;
  bool at_end_ = false;
};

class Gb18030Stream final : public std::istream {
 public:
  Gb18030Stream(std::unique_ptr<std::istream> source, Iconv cd)
      : std::istream(nullptr), buf_(std::move(source), std::move(cd)) {
    rdbuf(&buf_);
  }

 private:
  Gb18030Buf buf_;
};

void Rewind(std::istream& in) {
  in.clear();
  in.seekg(0);
}

}  // namespace

const char* TextEncodingName(TextEncoding encoding) {
  return encoding == TextEncoding::kGb18030 ? "GB18030" : "UTF-8";
}

Result<TextProbe> ProbeTextEncoding(std::istream& in) {
  TextProbe probe;
  char head[3] = {};
  in.read(head, 3);
  const bool bom = in.gcount() == 3 && std::string_view(head, 3) == kBom;
  Rewind(in);
  const std::optional<BadByte> utf8_bad = CheckUtf8(in, probe.lines);
  Rewind(in);
  if (!utf8_bad) return probe;
  if (bom) return Undecodable(*utf8_bad, TextEncoding::kUtf8);  // says UTF-8, is not: never guess
  XJ_ASSIGN_OR_RETURN(const std::optional<BadByte> gb_bad, CheckGb18030(in, probe.lines));
  Rewind(in);
  if (!gb_bad) {
    probe.encoding = TextEncoding::kGb18030;
    return probe;
  }
  // The encoding that read further is more likely the file's: name its first bad byte.
  if (utf8_bad->offset >= gb_bad->offset) return Undecodable(*utf8_bad, TextEncoding::kUtf8);
  return Undecodable(*gb_bad, TextEncoding::kGb18030);
}

Result<std::unique_ptr<std::istream>> DecodeGb18030(std::unique_ptr<std::istream> source) {
  XJ_ASSIGN_OR_RETURN(Iconv cd, Iconv::Open("UTF-8", "GB18030"));
  return std::unique_ptr<std::istream>(std::make_unique<Gb18030Stream>(std::move(source), std::move(cd)));
}

}  // namespace xj
