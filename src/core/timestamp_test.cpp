#include "core/timestamp.hpp"

#include <gtest/gtest.h>

namespace xj {
namespace {

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

}  // namespace
}  // namespace xj
