#include "io/table_file.hpp"

#include <algorithm>
#include <cctype>
#include <fstream>
#include <streambuf>

#include "core/text.hpp"
#include "io/xlsx_reader.hpp"

namespace xj {
namespace {

/// A read-only stream buffer over memory it does not own.
class ViewBuf final : public std::streambuf {
 public:
  explicit ViewBuf(std::string_view data) {
    char* p = const_cast<char*>(data.data());  // never written: get area only
    setg(p, p, p + data.size());
  }

 protected:
  // Seeking lets the encoding probe rewind the stream after reading it through.
  pos_type seekoff(off_type off, std::ios_base::seekdir dir, std::ios_base::openmode) override {
    char* from = dir == std::ios_base::beg ? eback() : dir == std::ios_base::cur ? gptr() : egptr();
    if (off < eback() - from || off > egptr() - from) return pos_type(off_type(-1));
    setg(eback(), from + off, egptr());
    return pos_type(gptr() - eback());
  }
  pos_type seekpos(pos_type pos, std::ios_base::openmode which) override {
    return seekoff(off_type(pos), std::ios_base::beg, which);
  }
};

class ViewStream final : public std::istream {
 public:
  explicit ViewStream(std::string_view data) : std::istream(nullptr), buf_(data) { rdbuf(&buf_); }

 private:
  ViewBuf buf_;
};

XlsxOptions XlsxOptionsOf(TableOptions options) {
  XlsxOptions x;
  x.strict_formulas = options.strict_formulas;
  return x;
}

/// Reads the CSV once through to tell its encoding and count its lines (a total for progress:
/// cheap next to parsing), then opens it — decoded when it is GB18030.
Status OpenCsv(std::unique_ptr<std::istream> in, OpenedTable& t) {
  XJ_ASSIGN_OR_RETURN(const TextProbe probe, ProbeTextEncoding(*in));
  t.estimated_rows = probe.lines;
  if (probe.encoding == TextEncoding::kGb18030) {
    XJ_ASSIGN_OR_RETURN(in, DecodeGb18030(std::move(in)));
  }
  t.source = std::make_unique<OwnedCsvSource>(std::move(in), probe.encoding);
  return Status::Ok();
}

}  // namespace

TableFormat DetectTableFormat(std::string_view head, std::string_view hint) {
  if (LooksLikeZip(head) || LooksLikeOle2(head)) return TableFormat::kXlsx;
  // Not "application/vnd.ms-excel": Windows browsers send it for .csv files when Excel is installed.
  const std::string h = AsciiLower(hint);
  if (h.ends_with(".xlsx") || h.find("spreadsheetml") != std::string::npos) return TableFormat::kXlsx;
  return TableFormat::kCsv;
}

const char* TableFormatName(TableFormat f) {
  return f == TableFormat::kXlsx ? "xlsx" : "csv";
}

Result<OpenedTable> OpenTableFile(const std::string& path, std::string_view hint, TableOptions options) {
  auto in = std::make_unique<std::ifstream>(path, std::ios::binary);
  if (!*in) return Status::NotFound("无法打开文件：" + path);
  char head[8] = {};
  in->read(head, sizeof head);
  const std::string_view h(head, static_cast<std::size_t>(in->gcount()));
  OpenedTable t;
  t.format = DetectTableFormat(h, hint.empty() ? std::string_view(path) : hint);
  if (t.format == TableFormat::kXlsx) {
    XJ_ASSIGN_OR_RETURN(auto reader, XlsxReader::OpenFile(path, XlsxOptionsOf(options)));
    t.estimated_rows = reader->declared_rows();
    t.source = std::move(reader);
    return t;
  }
  in->clear();
  in->seekg(0);
  XJ_RETURN_IF_ERROR(OpenCsv(std::move(in), t));
  return t;
}

Result<OpenedTable> OpenTableBuffer(std::string_view data, std::string_view hint, TableOptions options) {
  OpenedTable t;
  t.format = DetectTableFormat(data.substr(0, 8), hint);
  if (t.format == TableFormat::kXlsx) {
    XJ_ASSIGN_OR_RETURN(auto reader, XlsxReader::OpenBuffer(data, XlsxOptionsOf(options)));
    t.estimated_rows = reader->declared_rows();
    t.source = std::move(reader);
    return t;
  }
  XJ_RETURN_IF_ERROR(OpenCsv(std::make_unique<ViewStream>(data), t));
  return t;
}

}  // namespace xj
