#include "cli/output.hpp"

#include <cstdio>
#include <string>
#include <vector>

namespace xj::cli {
namespace {

std::string CellText(const nlohmann::ordered_json& v) {
  if (v.is_null()) return "";
  if (v.is_string()) return v.get<std::string>();
  if (v.is_number_float()) {
    // Every fractional figure we print is a percentage: always two decimals (99.74, 17.00).
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.2f", v.get<double>());
    return buf;
  }
  return v.dump();
}

std::string CsvQuote(const std::string& s) {
  if (s.find_first_of(",\"\n\r") == std::string::npos) return s;
  std::string out = "\"";
  for (char c : s) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + "\"";
}

/// Columns a terminal uses: CJK (3-byte UTF-8 sequences) take two.
std::size_t DisplayWidth(const std::string& s) {
  std::size_t w = 0;
  for (std::size_t i = 0; i < s.size();) {
    const auto c = static_cast<unsigned char>(s[i]);
    if (c < 0x80) {
      w += 1;
      i += 1;
    } else if ((c & 0xE0) == 0xC0) {
      w += 1;
      i += 2;
    } else if ((c & 0xF0) == 0xE0) {
      w += 2;
      i += 3;
    } else {
      w += 2;
      i += 4;
    }
  }
  return w;
}

}  // namespace

bool IsKnownFormat(std::string_view format) {
  return format == "json" || format == "csv" || format == "table";
}

void PrintFormatted(const nlohmann::ordered_json& value, std::string_view format, std::ostream& out) {
  if (format == "json") {
    out << value.dump(2, ' ', false, nlohmann::ordered_json::error_handler_t::replace) << "\n";
    return;
  }
  nlohmann::ordered_json rows = value.is_array() ? value : nlohmann::ordered_json::array({value});
  std::vector<std::string> columns;
  if (!rows.empty()) {
    for (auto it = rows[0].begin(); it != rows[0].end(); ++it) columns.push_back(it.key());
  }
  std::vector<std::vector<std::string>> cells;
  for (const auto& row : rows) {
    std::vector<std::string> line;
    for (const std::string& c : columns) line.push_back(row.contains(c) ? CellText(row[c]) : "");
    cells.push_back(std::move(line));
  }
  if (format == "csv") {
    for (std::size_t i = 0; i < columns.size(); ++i) out << (i ? "," : "") << CsvQuote(columns[i]);
    out << "\n";
    for (const auto& line : cells) {
      for (std::size_t i = 0; i < line.size(); ++i) out << (i ? "," : "") << CsvQuote(line[i]);
      out << "\n";
    }
    return;
  }
  std::vector<std::size_t> width(columns.size());
  for (std::size_t i = 0; i < columns.size(); ++i) {
    width[i] = DisplayWidth(columns[i]);
    for (const auto& line : cells) width[i] = std::max(width[i], DisplayWidth(line[i]));
  }
  auto print = [&](const std::vector<std::string>& line) {
    for (std::size_t i = 0; i < line.size(); ++i) {
      out << (i ? "  " : "") << line[i];
      if (i + 1 < line.size()) out << std::string(width[i] - DisplayWidth(line[i]), ' ');
    }
    out << "\n";
  };
  print(columns);
  for (const auto& line : cells) print(line);
}

}  // namespace xj::cli
