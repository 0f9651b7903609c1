#include "io/table_file.hpp"

#include <algorithm>
#include <cctype>
#include <fstream>
#include <streambuf>

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
};

class ViewStream final : public std::istream {
 public:
  explicit ViewStream(std::string_view data) : std::istream(nullptr), buf_(data) { rdbuf(&buf_); }

 private:
  ViewBuf buf_;
};

std::string Lower(std::string_view s) {
  std::string out(s);
  std::transform(out.begin(), out.end(), out.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return out;
}

std::int64_t CountLines(std::string_view data) {
  return std::count(data.begin(), data.end(), '\n');
}

}  // namespace

TableFormat DetectTableFormat(std::string_view head, std::string_view hint) {
  if (LooksLikeZip(head) || LooksLikeOle2(head)) return TableFormat::kXlsx;
  // Not "application/vnd.ms-excel": Windows browsers send it for .csv files when Excel is installed.
  const std::string h = Lower(hint);
  if (h.ends_with(".xlsx") || h.find("spreadsheetml") != std::string::npos) return TableFormat::kXlsx;
  return TableFormat::kCsv;
}

const char* TableFormatName(TableFormat f) {
  return f == TableFormat::kXlsx ? "xlsx" : "csv";
}

Result<OpenedTable> OpenTableFile(const std::string& path, std::string_view hint) {
  auto in = std::make_unique<std::ifstream>(path, std::ios::binary);
  if (!*in) return Status::NotFound("无法打开文件：" + path);
  char head[8] = {};
  in->read(head, sizeof head);
  const std::string_view h(head, static_cast<std::size_t>(in->gcount()));
  OpenedTable t;
  t.format = DetectTableFormat(h, hint.empty() ? std::string_view(path) : hint);
  if (t.format == TableFormat::kXlsx) {
    XJ_ASSIGN_OR_RETURN(auto reader, XlsxReader::OpenFile(path));
    t.estimated_rows = reader->declared_rows();
    t.source = std::move(reader);
    return t;
  }
  // One pass over the bytes to count lines: cheap next to parsing, and gives progress a total.
  in->clear();
  in->seekg(0);
  std::vector<char> buf(1 << 16);
  while (*in) {
    in->read(buf.data(), static_cast<std::streamsize>(buf.size()));
    t.estimated_rows += CountLines(std::string_view(buf.data(), static_cast<std::size_t>(in->gcount())));
  }
  in->clear();
  in->seekg(0);
  t.source = std::make_unique<OwnedCsvSource>(std::move(in));
  return t;
}

Result<OpenedTable> OpenTableBuffer(std::string_view data, std::string_view hint) {
  OpenedTable t;
  t.format = DetectTableFormat(data.substr(0, 8), hint);
  if (t.format == TableFormat::kXlsx) {
    XJ_ASSIGN_OR_RETURN(auto reader, XlsxReader::OpenBuffer(data));
    t.estimated_rows = reader->declared_rows();
    t.source = std::move(reader);
    return t;
  }
  t.estimated_rows = CountLines(data);
  t.source = std::make_unique<OwnedCsvSource>(std::make_unique<ViewStream>(data));
  return t;
}

}  // namespace xj
