// The trend dates of the wall chart's aggregate (docs/definitions.md §22): the month ends of the fund
// year, up to the as-of date (then the date itself) when it lies in that year.
#include <gtest/gtest.h>

#include "app/dashboard.hpp"

namespace xj {
namespace app_dashboard_test {

std::vector<std::string> Texts(const std::vector<Date>& dates) {
  std::vector<std::string> out;
  for (const Date& d : dates) out.push_back(d.ToString());
  return out;
}

TEST(DashboardMonthEnds, UpToTheAsOfDateWhichComesLast) {
  EXPECT_EQ(Texts(DashboardMonthEnds(2023, Date::FromYmd(2023, 7, 5))),
            (std::vector<std::string>{"2023-01-31", "2023-02-28", "2023-03-31", "2023-04-30", "2023-05-31",
                                      "2023-06-30", "2023-07-05"}));
  // On a month end the date is not repeated; 2024 is a leap year.
  EXPECT_EQ(Texts(DashboardMonthEnds(2024, Date::FromYmd(2024, 2, 29))),
            (std::vector<std::string>{"2024-01-31", "2024-02-29"}));
  // Before the first month end: the date alone.
  EXPECT_EQ(Texts(DashboardMonthEnds(2023, Date::FromYmd(2023, 1, 5))), (std::vector<std::string>{"2023-01-05"}));
}

TEST(DashboardMonthEnds, AWholeYearWithoutALimitOrWithOneInAnotherYear) {
  EXPECT_EQ(DashboardMonthEnds(2022, std::nullopt).size(), 12u);
  EXPECT_EQ(DashboardMonthEnds(2022, std::nullopt).back().ToString(), "2022-12-31");
  // The limit lies after the year (a past fund year viewed later): every month end.
  EXPECT_EQ(DashboardMonthEnds(2022, Date::FromYmd(2023, 3, 1)).size(), 12u);
}

}  // namespace app_dashboard_test
}  // namespace xj
