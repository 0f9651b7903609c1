// Import templates (issue #21 point 6): every template column is one its reader binds (written twice,
// each header is reported as a duplicate column, so none is silently ignored), and the template, as
// XLSX and as CSV with its example row, reads back through the reader of its kind without a problem.
#include "io/import_template.hpp"

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <functional>
#include <map>
#include <set>
#include <sstream>

#include "io/asset_import.hpp"
#include "io/factor_import.hpp"
#include "io/ledger_import.hpp"
#include "io/project_import.hpp"
#include "io/region_import.hpp"
#include "io/report_import.hpp"
#include "io/table_file.hpp"

namespace xj {
namespace io_import_template_test {

/// Reads a whole table with the reader of `kind`: its status and the rows read.
Result<std::size_t> ReadKind(std::string_view kind, TableSource& source) {
  auto count = [](auto result) -> Result<std::size_t> {
    if (!result.ok()) return result.status();
    return result->size();
  };
  if (kind == "regions") return count(ReadRegionRows(source));
  if (kind == "projects") return count(ReadProjectRows(source));
  if (kind == "ledger") return count(ReadLedgerRows(source));
  if (kind == "contracts") return count(ReadContractRows(source));
  if (kind == "progress") return count(ReadProgressRows(source));
  if (kind == "benchmarks") return count(ReadBenchmarkRows(source));
  if (kind == "assets") return count(ReadAssetRows(source));
  if (kind == "workers") return count(ReadWorkerRows(source));
  if (kind == "wages") return count(ReadWageRows(source));
  if (kind == "factors") return count(ReadFactorRows(source));
  return Status::NotFound(std::string(kind));
}

const std::map<std::string, std::string> kValues = {{"region", "540121"},
                                                    {"region_name", "林周县"},
                                                    {"region_level", "县"},
                                                    {"parent", "540100"},
                                                    {"year", "2026"},
                                                    {"date", "2026-12-07"},
                                                    {"project", "示例-540121-2026-001"}};

TEST(ImportTemplate, TenKindsEachWithColumnsDescribed) {
  std::set<std::string_view> kinds;
  for (const ImportTemplateSpec& t : ImportTemplates()) {
    kinds.insert(t.kind);
    EXPECT_FALSE(t.columns.empty());
    for (const TemplateColumn& c : t.columns) {
      EXPECT_FALSE(c.meaning.empty()) << t.kind << " " << c.key;
      EXPECT_FALSE(c.allowed.empty()) << t.kind << " " << c.key;
      if (c.required) {
        EXPECT_FALSE(c.example.empty()) << t.kind << " " << c.key << " is required: the example fills it";
      }
    }
  }
  EXPECT_EQ(kinds.size(), 10u);
  EXPECT_EQ(FindImportTemplate("budget"), nullptr);
}

TEST(ImportTemplate, EveryColumnBindsToItsReader) {
  for (const ImportTemplateSpec& t : ImportTemplates()) {
    std::string header;
    for (int twice = 0; twice < 2; ++twice) {
      for (const TemplateColumn& c : t.columns) {
        if (!header.empty()) header += ',';
        header += TemplateHeader(c);
      }
    }
    std::istringstream in(header + "\n");
    CsvReader reader(in);
    auto read = ReadKind(t.kind, reader);
    ASSERT_FALSE(read.ok()) << t.kind;
    std::set<std::string> duplicated;
    const Status refused = read.status();
    for (const FieldError& e : refused.details()) {
      EXPECT_EQ(e.code, "duplicate_column") << t.kind << ": " << e.column << " " << e.message;
      duplicated.insert(e.column);
    }
    std::set<std::string> keys;
    for (const TemplateColumn& c : t.columns) keys.insert(std::string(c.key));
    EXPECT_EQ(duplicated, keys) << t.kind << ": a template column its reader does not know";
  }
}

TEST(ImportTemplate, ExampleRowReadsBackAsCsvAndAsXlsx) {
  const auto dir = std::filesystem::temp_directory_path() / ("xj-template-test-" + std::to_string(::getpid()));
  std::filesystem::create_directories(dir);
  for (const ImportTemplateSpec& t : ImportTemplates()) {
    const std::vector<std::string> example = TemplateExample(t, kValues);
    ASSERT_EQ(example.size(), t.columns.size());
    for (const std::string& cell : example) EXPECT_EQ(cell.find('{'), std::string::npos) << t.kind << ": " << cell;

    const std::string csv = TemplateCsv(t, example);
    auto opened = OpenTableBuffer(csv, "template.csv");
    ASSERT_TRUE(opened.ok()) << opened.status().ToString();
    auto rows = ReadKind(t.kind, *opened->source);
    ASSERT_TRUE(rows.ok()) << t.kind << " csv: " << rows.status().ToString()
                           << (rows.ok() || rows.status().details().empty() ? "" : rows.status().details()[0].message);
    EXPECT_EQ(*rows, 1u);

    const std::string path = (dir / (std::string(t.kind) + ".xlsx")).string();
    ASSERT_TRUE(WriteTemplateXlsx(t, example, path, "2026-12-07 20:00（北京时间）").ok());
    auto book = OpenTableFile(path);
    ASSERT_TRUE(book.ok()) << book.status().ToString();
    auto xlsx_rows = ReadKind(t.kind, *book->source);
    ASSERT_TRUE(xlsx_rows.ok()) << t.kind << " xlsx: " << xlsx_rows.status().ToString();
    EXPECT_EQ(*xlsx_rows, 1u);
  }
  std::filesystem::remove_all(dir);
}

TEST(ImportTemplate, HeadersCarryUnitsAndLabelsAreChinese) {
  const ImportTemplateSpec* projects = FindImportTemplate("projects");
  ASSERT_NE(projects, nullptr);
  EXPECT_EQ(TemplateHeader(projects->columns[6]), "总投资（万元）");
  EXPECT_EQ(ColumnLabel("ledger", "amount"), "金额");
  EXPECT_EQ(ColumnLabel("wages", "amount"), "发放金额");
  EXPECT_EQ(ColumnLabel("ledger", "no_such_column"), "no_such_column");
  EXPECT_EQ(ColumnLabel("budget", "amount"), "amount");
}

TEST(ImportTemplate, ExamplePlaceholdersAreFilledAndCsvQuotes) {
  const ImportTemplateSpec* ledger = FindImportTemplate("ledger");
  ASSERT_NE(ledger, nullptr);
  const auto example = TemplateExample(*ledger, kValues);
  EXPECT_EQ(example[0], "示例-PZ-2026-0001");
  EXPECT_EQ(example[5], "540121");
  // An unknown placeholder stays as written; a cell with a comma is quoted in the CSV.
  EXPECT_EQ(TemplateExample(*ledger, {})[5], "{region}");
  ImportTemplateSpec one = *ledger;
  const std::string csv = TemplateCsv(one, {"a,b", "x\"y"});
  EXPECT_NE(csv.find("\r\n\"a,b\",\"x\"\"y\"\r\n"), std::string::npos);
  EXPECT_EQ(csv.substr(0, 3), "\xEF\xBB\xBF");
}

}  // namespace io_import_template_test
}  // namespace xj
