#include "core/text.hpp"

#include <gtest/gtest.h>

namespace xj {

TEST(TextTest, TrimSpaceTabKeepsInnerAndOtherWhitespace) {
  EXPECT_EQ(TrimSpaceTab(" \t gzip, br \t"), "gzip, br");
  EXPECT_EQ(TrimSpaceTab("\n x"), "\n x");  // only space and tab are HTTP's optional whitespace
  EXPECT_EQ(TrimSpaceTab(" \t "), "");
  EXPECT_EQ(TrimSpaceTab(""), "");
}

TEST(TextTest, AsciiLowerLeavesUtf8Alone) {
  EXPECT_EQ(AsciiLower("Amount_FEN"), "amount_fen");
  EXPECT_EQ(AsciiLower("金额（万元）AB"), "金额（万元）ab");
}

TEST(TextTest, AsciiEqualsIgnoreCase) {
  EXPECT_TRUE(AsciiEqualsIgnoreCase("Content-Encoding", "content-encoding"));
  EXPECT_FALSE(AsciiEqualsIgnoreCase("gzip", "gzip "));
  EXPECT_FALSE(AsciiEqualsIgnoreCase("br", "bz"));
  EXPECT_TRUE(AsciiEqualsIgnoreCase("", ""));
}

}  // namespace xj
