#include "core/timestamp.hpp"

#include <gtest/gtest.h>

namespace xj {
namespace core_timestamp_test {

TEST(Timestamp, FormatsUtcWithMilliseconds) {
  using namespace std::chrono;
  const system_clock::time_point t{milliseconds{1'709'280'000'123}};  // 2024-03-01T08:00:00.123Z
  EXPECT_EQ(FormatTimestamp(t), "2024-03-01T08:00:00.123Z");
  EXPECT_EQ(FormatTimestamp(system_clock::time_point{}), "1970-01-01T00:00:00.000Z");
}

TEST(Timestamp, BoundsAcceptDatesAndTimestamps) {
  EXPECT_EQ(*ParseTimestampBound("2024-02-28", BoundKind::kFrom), "2024-02-28T00:00:00.000Z");
  EXPECT_EQ(*ParseTimestampBound("2024-02-28", BoundKind::kTo), "2024-02-29T00:00:00.000Z");
  EXPECT_EQ(*ParseTimestampBound("2023-12-31", BoundKind::kTo), "2024-01-01T00:00:00.000Z");
  EXPECT_EQ(*ParseTimestampBound("2024-03-01T08:00:00Z", BoundKind::kTo), "2024-03-01T08:00:00.000Z");
  EXPECT_EQ(*ParseTimestampBound("2024-03-01T08:00:00.250Z", BoundKind::kFrom), "2024-03-01T08:00:00.250Z");
}

TEST(Timestamp, BoundsRejectEverythingElse) {
  for (const char* bad : {"", "2024-3-1", "2024-02-30", "2024-03-01T24:00:00Z", "2024-03-01T08:00:00",
                          "2024-03-01 08:00:00Z", "2024-03-01T08:00:00.25Z", "' OR 1=1 --", "2024-03-01x"}) {
    auto r = ParseTimestampBound(bad, BoundKind::kFrom);
    EXPECT_FALSE(r.ok()) << bad;
    if (!r.ok()) {
      EXPECT_EQ(r.status().code(), ErrorCode::kInvalidArgument);
    }
  }
}

TEST(Timestamp, GeneratedFilesShowBeijingTime) {
  using namespace std::chrono;
  // 2024-02-29 23:30:05 UTC is 2024-03-01 07:30:05 in Beijing (UTC+8): the date rolls over.
  const sys_seconds t = sys_days{year{2024} / February / 29} + hours(23) + minutes(30) + seconds(5);
  EXPECT_EQ(FormatBeijingTime(t), "2024-03-01 07:30:05");
  EXPECT_EQ(GeneratedAtText(t), "2024-03-01 07:30（北京时间）");
  EXPECT_EQ(BeijingTimeOf("2024-02-29T23:30:05.123Z"), "2024-03-01 07:30:05");
  EXPECT_EQ(BeijingTimeOf("2024-12-31T16:00:00Z"), "2025-01-01 00:00:00");
  EXPECT_EQ(BeijingTimeOf(""), "");
  EXPECT_EQ(BeijingTimeOf("not a time"), "not a time");
}

TEST(Timestamp, TodayIsTheBeijingDateFrom16UtcOn) {
  using namespace std::chrono;
  const sys_days feb28{year{2023} / February / 28};
  // 15:59:59.999 UTC is 23:59:59 in Beijing, still the 28th; 16:00 UTC is midnight, 1 March.
  EXPECT_EQ(BeijingDate(feb28 + hours(16) - milliseconds(1)), Date::FromYmd(2023, 2, 28));
  EXPECT_EQ(BeijingDate(feb28 + hours(16)), Date::FromYmd(2023, 3, 1));
  EXPECT_EQ(BeijingDate(feb28), Date::FromYmd(2023, 2, 28));
  // New Year's Eve 2024, 16:00 UTC: 2025-01-01 in Beijing.
  EXPECT_EQ(BeijingDate(sys_days{year{2024} / December / 31} + hours(16)), Date::FromYmd(2025, 1, 1));
  // Before 1970 the days count down: still the right date.
  EXPECT_EQ(BeijingDate(sys_days{year{1969} / December / 31} + hours(17)), Date::FromYmd(1970, 1, 1));
}

}  // namespace core_timestamp_test
}  // namespace xj
