#include "core/date.hpp"

#include <gtest/gtest.h>

namespace xj {
namespace core_date_test {

TEST(DateTest, ParsesAndFormats) {
  auto d = Date::Parse("2023-07-05");
  ASSERT_TRUE(d.ok());
  EXPECT_EQ(d->year(), 2023);
  EXPECT_EQ(d->month(), 7);
  EXPECT_EQ(d->day(), 5);
  EXPECT_EQ(d->ToString(), "2023-07-05");
  EXPECT_EQ(Date::Parse("1970-01-01")->days(), 0);
  EXPECT_EQ(Date::Parse("2000-03-01")->days(), 11017);
}

TEST(DateTest, RejectsMalformed) {
  for (std::string_view bad : {"", "2023-7-5", "2023/07/05", "2023-02-29", "2023-13-01", "2023-00-10", "2023-04-31",
                               "20230705", "2023-07-05 ", "x023-07-05", "2100-02-29"}) {
    EXPECT_FALSE(Date::Parse(bad).ok()) << bad;
  }
  EXPECT_TRUE(Date::Parse("2024-02-29").ok());
  EXPECT_TRUE(Date::Parse("2000-02-29").ok());
}

TEST(DateTest, DayOfYearAndLeapYears) {
  EXPECT_EQ(Date::Parse("2023-07-05")->day_of_year(), 186);  // 31+28+31+30+31+30+5
  EXPECT_EQ(Date::Parse("2024-07-05")->day_of_year(), 187);
  EXPECT_EQ(Date::Parse("2023-12-31")->day_of_year(), 365);
  EXPECT_EQ(Date::Parse("2024-12-31")->day_of_year(), 366);
  EXPECT_EQ(Date::DaysInYear(2023), 365);
  EXPECT_EQ(Date::DaysInYear(2024), 366);
  EXPECT_EQ(Date::DaysInYear(1900), 365);
  EXPECT_EQ(Date::DaysInYear(2000), 366);
}

TEST(DateTest, SameDayLastYearClampsLeapDay) {
  EXPECT_EQ(Date::Parse("2024-02-29")->SameDayInYear(2023).ToString(), "2023-02-28");
  EXPECT_EQ(Date::Parse("2023-07-05")->SameDayInYear(2022).ToString(), "2022-07-05");
  EXPECT_EQ(Date::Parse("2025-03-01")->SameDayInYear(2024).ToString(), "2024-03-01");
}

TEST(DateTest, OrdersAndAdds) {
  const Date a = *Date::Parse("2023-12-31");
  EXPECT_EQ(a.AddDays(1).ToString(), "2024-01-01");
  EXPECT_LT(a, a.AddDays(1));
}

TEST(DateTest, AddMonthsClampsToTheMonthsLastDay) {
  EXPECT_EQ(Date::Parse("2023-06-30")->AddMonths(24).ToString(), "2025-06-30");
  EXPECT_EQ(Date::Parse("2024-02-29")->AddMonths(24).ToString(), "2026-02-28");
  EXPECT_EQ(Date::Parse("2024-02-29")->AddMonths(48).ToString(), "2028-02-29");
  EXPECT_EQ(Date::Parse("2023-01-31")->AddMonths(1).ToString(), "2023-02-28");
  EXPECT_EQ(Date::Parse("2023-11-15")->AddMonths(2).ToString(), "2024-01-15");
  EXPECT_EQ(Date::Parse("2023-11-15")->AddMonths(0).ToString(), "2023-11-15");
}

}  // namespace core_date_test
}  // namespace xj
