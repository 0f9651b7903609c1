// CSV text encodings (issue #21 point 6): UTF-8 with or without BOM, GB18030/GBK as Excel and
// WPS save it on Chinese Windows, and a clear refusal naming row and column when neither fits.
#include "io/text_encoding.hpp"

#include <gtest/gtest.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "io/region_import.hpp"
#include "io/table_file.hpp"

namespace xj {
namespace io_text_encoding_test {

// "区划代码,名称,级别,上级代码" and two rows, as GBK bytes (what Excel's "CSV（逗号分隔）" writes).
const std::string kGbkRegions =
    "\xC7\xF8\xBB\xAE\xB4\xFA\xC2\xEB,\xC3\xFB\xB3\xC6,\xBC\xB6\xB1\xF0,\xC9\xCF\xBC\xB6\xB4\xFA\xC2\xEB\r\n"
    "540000,\xCE\xF7\xB2\xD8\xD7\xD4\xD6\xCE\xC7\xF8,\xD7\xD4\xD6\xCE\xC7\xF8,\r\n"
    "540100,\xC0\xAD\xC8\xF8\xCA\xD0,\xB5\xD8\xCA\xD0,540000\r\n";

std::vector<TableRow> ReadAll(TableSource& source) {
  std::vector<TableRow> rows;
  for (;;) {
    auto row = source.Next();
    EXPECT_TRUE(row.ok()) << row.status().ToString();
    if (!row.ok() || !*row) return rows;
    rows.push_back(std::move(**row));
  }
}

FieldError OnlyError(const Status& s) {
  EXPECT_EQ(s.code(), ErrorCode::kInvalidArgument) << s.ToString();
  EXPECT_EQ(s.details().size(), 1u) << s.ToString();
  return s.details().empty() ? FieldError{} : s.details()[0];
}

TEST(TextEncodingTest, GbkCsvIsDecodedAndImported) {
  auto t = OpenTableBuffer(kGbkRegions);
  ASSERT_TRUE(t.ok()) << t.status().ToString();
  EXPECT_EQ(t->source->encoding(), "GB18030");
  EXPECT_EQ(t->estimated_rows, 3);
  auto regions = ReadRegionRows(*t->source);
  ASSERT_TRUE(regions.ok()) << regions.status().ToString();
  ASSERT_EQ(regions->size(), 2u);
  EXPECT_EQ((*regions)[0].region.code, "540000");
  EXPECT_EQ((*regions)[0].region.name, "西藏自治区");
  EXPECT_EQ((*regions)[1].region.name, "拉萨市");
  EXPECT_EQ((*regions)[1].region.parent_code, "540000");
}

TEST(TextEncodingTest, Gb18030FourByteCharactersAndFileOnDisk) {
  // U+20000 is 0x95 0x32 0x82 0x36 in GB18030 (outside GBK); U+20AC € is 0xA2 0xE3.
  const std::string bytes =
      "a,b\n\x95"
      "2"
      "\x82"
      "6,\xA2\xE3\n";
  const auto path = std::filesystem::temp_directory_path() / "xj_text_encoding_test.csv";
  std::ofstream(path, std::ios::binary) << bytes;
  auto t = OpenTableFile(path.string());
  ASSERT_TRUE(t.ok()) << t.status().ToString();
  EXPECT_EQ(t->source->encoding(), "GB18030");
  auto rows = ReadAll(*t->source);
  ASSERT_EQ(rows.size(), 2u);
  EXPECT_EQ(rows[1].cells, (std::vector<std::string>{"\xF0\xA0\x80\x80", "€"}));
  std::filesystem::remove(path);
}

TEST(TextEncodingTest, CharacterSplitAcrossReadChunksDecodes) {
  // Header 4 bytes, then 7-byte rows "1,拉萨\n": byte 65536 falls between 0xC8 and 0xF8 of 萨.
  std::string bytes = "a,b\n";
  constexpr int kRows = 20'000;
  for (int i = 0; i < kRows; ++i) bytes += "1,\xC0\xAD\xC8\xF8\n";
  auto t = OpenTableBuffer(bytes);
  ASSERT_TRUE(t.ok()) << t.status().ToString();
  EXPECT_EQ(t->source->encoding(), "GB18030");
  EXPECT_EQ(t->estimated_rows, kRows + 1);
  auto rows = ReadAll(*t->source);
  ASSERT_EQ(rows.size(), static_cast<std::size_t>(kRows + 1));
  for (const TableRow& r : rows) {
    if (r.row > 1) {
      ASSERT_EQ(r.cells[1], "拉萨") << "row " << r.row;
    }
  }
}

TEST(TextEncodingTest, Utf8WithAndWithoutBomStaysUtf8) {
  for (const std::string bom : {"", "\xEF\xBB\xBF"}) {
    const std::string bytes = bom + "区划代码,名称\n540000,西藏自治区\n";
    auto t = OpenTableBuffer(bytes);
    ASSERT_TRUE(t.ok()) << t.status().ToString();
    EXPECT_EQ(t->source->encoding(), "UTF-8");
    auto rows = ReadAll(*t->source);
    ASSERT_EQ(rows.size(), 2u);
    EXPECT_EQ(rows[0].cells[0], "区划代码");  // the BOM is not part of the first header
    EXPECT_EQ(rows[1].cells[1], "西藏自治区");
  }
}

TEST(TextEncodingTest, NeitherEncodingIsRefusedWithRowAndColumn) {
  // 0xFF is neither UTF-8 nor GB18030; the quoted cell spans two lines, so the row is 2.
  auto t = OpenTableBuffer("code,name,note\n540000,\"a\nb\",x\xFFy\n");
  ASSERT_FALSE(t.ok());
  const FieldError e = OnlyError(t.status());
  EXPECT_EQ(e.row, 2);
  EXPECT_EQ(e.column_index, 3);
  EXPECT_EQ(e.code, "invalid_encoding");
  EXPECT_EQ(e.value, "0xFF");
  EXPECT_NE(e.message.find("第2行第3列"), std::string::npos) << e.message;
  EXPECT_NE(t.status().message().find("既不是 UTF-8 也不是 GB18030"), std::string::npos);
}

TEST(TextEncodingTest, TheEncodingThatReadFurtherNamesTheBadByte) {
  // GBK text on row 1 (not UTF-8 at row 1 column 1), then 0x80 on row 3 (not GB18030):
  // GB18030 read further, so row 3 is named.
  auto t = OpenTableBuffer("\xC3\xFB\xB3\xC6,b\n1,2\n3,\x80\n");
  ASSERT_FALSE(t.ok());
  const FieldError e = OnlyError(t.status());
  EXPECT_EQ(e.row, 3);
  EXPECT_EQ(e.column_index, 2);
  EXPECT_EQ(e.value, "0x80");
  EXPECT_NE(e.message.find("按 GB18030"), std::string::npos) << e.message;
}

TEST(TextEncodingTest, TruncatedSequenceAtTheEndIsRefused) {
  auto t = OpenTableBuffer("a\n\xC7");
  ASSERT_FALSE(t.ok());
  const FieldError e = OnlyError(t.status());
  EXPECT_EQ(e.row, 2);
  EXPECT_EQ(e.column_index, 1);
  EXPECT_EQ(e.value, "0xC7");
}

TEST(TextEncodingTest, Utf8BomWithInvalidBytesIsNotGuessedAsGbk) {
  // Valid GB18030 after the BOM, but the BOM says UTF-8: refused at the first non-UTF-8 byte.
  auto t = OpenTableBuffer(
      "\xEF\xBB\xBF"
      "a,b\n1,\xC0\xAD\n");
  ASSERT_FALSE(t.ok());
  const FieldError e = OnlyError(t.status());
  EXPECT_EQ(e.row, 2);
  EXPECT_EQ(e.column_index, 2);
  EXPECT_EQ(e.value, "0xC0");  // 0xC0 never starts UTF-8
}

TEST(TextEncodingTest, Utf8RulesAreStrict) {
  // Overlong "/" (0xC0 0xAF), a surrogate (0xED 0xA0 0x80), above U+10FFFF (0xF4 0x90 ...) are
  // not UTF-8; they are not GB18030 either once followed by a byte GB18030 refuses (0xFF).
  for (const std::string bad : {"\xC0\xAF\xFF", "\xED\xA0\x80\xFF", "\xF4\x90\x80\x80\xFF"}) {
    std::istringstream in("x\n" + bad);
    auto probe = ProbeTextEncoding(in);
    EXPECT_FALSE(probe.ok()) << "accepted " << bad.size() << " bytes";
  }
  std::istringstream good("\xF0\x9F\x98\x80\xE4\xB8\xAD\n");  // U+1F600, 中
  auto probe = ProbeTextEncoding(good);
  ASSERT_TRUE(probe.ok());
  EXPECT_EQ(probe->encoding, TextEncoding::kUtf8);
  EXPECT_EQ(probe->lines, 1);
  EXPECT_EQ(good.tellg(), 0);  // rewound for the reader
}

}  // namespace io_text_encoding_test
}  // namespace xj
