#include "core/money.hpp"

#include <gtest/gtest.h>

namespace xj {
namespace core_money_test {

std::int64_t Fen_(std::string_view s, MoneyUnit u = MoneyUnit::kYuan) {
  auto r = ParseYuan(s, u);
  EXPECT_TRUE(r.ok()) << s << ": " << r.status().ToString();
  return r.ok() ? r->value() : -999;
}

TEST(MoneyTest, ParsesYuanExactly) {
  EXPECT_EQ(Fen_("1234.56"), 123456);
  EXPECT_EQ(Fen_("1,234.56"), 123456);
  EXPECT_EQ(Fen_("1,234,567"), 123456700);
  EXPECT_EQ(Fen_("0.1"), 10);
  EXPECT_EQ(Fen_("0.01"), 1);
  EXPECT_EQ(Fen_("  7 "), 700);
  EXPECT_EQ(Fen_("-3.5"), -350);
  EXPECT_EQ(Fen_("¥20.00"), 2000);
  EXPECT_EQ(Fen_("1.500"), 150);  // trailing zeros beyond fen are harmless
  EXPECT_EQ(Fen_("92233720368547758.07"), INT64_MAX);
}

TEST(MoneyTest, ParsesWanYuan) {
  EXPECT_EQ(Fen_("12.5万元"), 12'500'000);  // 125,000 yuan
  EXPECT_EQ(Fen_("12.5", MoneyUnit::kWanYuan), 12'500'000);
  EXPECT_EQ(Fen_("0.000001", MoneyUnit::kWanYuan), 1);  // one fen
  EXPECT_EQ(Fen_("2,000", MoneyUnit::kWanYuan), 2'000'000'000);
  EXPECT_EQ(Fen_("3元", MoneyUnit::kWanYuan), 300);  // explicit unit wins
}

TEST(MoneyTest, RejectsWhatIsNotMoney) {
  for (std::string_view bad : {"", " ", "abc", "1.234", "1,23.00", "12,34", ",123", "1..2", "1.", ".5", "1e5", "--1",
                               "1 000", "92233720368547758.08", "0.0000001万元", "１２"}) {
    auto r = ParseYuan(bad);
    EXPECT_FALSE(r.ok()) << "accepted: " << bad;
    if (!r.ok()) {
      EXPECT_EQ(r.status().code(), ErrorCode::kInvalidArgument);
    }
  }
}

TEST(MoneyTest, Formats) {
  EXPECT_EQ(FormatYuan(Fen(123456)), "1,234.56");
  EXPECT_EQ(FormatYuan(Fen(-5)), "-0.05");
  EXPECT_EQ(FormatYuan(Fen(0)), "0.00");
  EXPECT_EQ(FormatYuan(Fen(100000000)), "1,000,000.00");
  EXPECT_EQ(FormatYuanPlain(Fen(123456789)), "1234567.89");
  EXPECT_EQ(FormatYuan(Fen(INT64_MIN)), "-92,233,720,368,547,758.08");
  EXPECT_EQ(FormatWanYuan(Fen(123456789)), "123.46");  // 1,234,567.89 yuan
  EXPECT_EQ(FormatWanYuan(Fen(123450000)), "123.45");
  EXPECT_EQ(FormatWanYuan(Fen(123455000)), "123.46");  // half away from zero
  EXPECT_EQ(FormatWanYuan(Fen(-123455000)), "-123.46");
}

TEST(MoneyTest, RoundTripsThroughText) {
  for (std::int64_t v : {0LL, 1LL, 99LL, 100LL, 123456LL, 987654321012LL, -42LL}) {
    EXPECT_EQ(Fen_(FormatYuan(Fen(v))), v);
    EXPECT_EQ(Fen_(FormatYuanPlain(Fen(v))), v);
  }
}

TEST(MoneyTest, TotalsAddPastSixtyFourBitsAndFormatExactly) {
  // Four amounts of 2⁶³ − 1 fen: a 64-bit sum wrapped to −4.
  FenTotal total;
  for (int i = 0; i < 4; ++i) total += Fen(INT64_MAX);
  EXPECT_FALSE(total.fits_fen());
  EXPECT_EQ(Int128ToString(total.value()), "36893488147419103228");
  EXPECT_EQ(FormatYuan(total), "368,934,881,474,191,032.28");
  EXPECT_EQ(FormatYuanPlain(-total), "-368934881474191032.28");
  EXPECT_EQ(FormatWanYuan(total), "36893488147419.10");  // 368,934,881,474,191,032.28 元 in 万元
  EXPECT_EQ(ClampToFen(total), Fen(INT64_MAX));
  EXPECT_EQ(ClampToFen(-total), Fen(-INT64_MAX));
  // Within 64 bits a total formats as the amount does.
  EXPECT_EQ(FormatYuan(FenTotal(Fen(-123456))), FormatYuan(Fen(-123456)));
  EXPECT_TRUE(FenTotal(Fen(INT64_MIN)).fits_fen());
  EXPECT_EQ(ClampToFen(FenTotal(Fen(42))), Fen(42));
  EXPECT_EQ(Int128ToString(0), "0");
}

}  // namespace core_money_test
}  // namespace xj
