#include "app/ip_allow_list.hpp"

#include <gtest/gtest.h>

namespace xj {
namespace app_ip_allow_list_test {

TEST(IpAllowList, EmptyAllowsEveryAddress) {
  auto list = IpAllowList::Parse({});
  ASSERT_TRUE(list.ok());
  EXPECT_TRUE(list->empty());
  EXPECT_TRUE(list->Allows("203.0.113.9"));
  EXPECT_EQ(list->ToText(), "");
}

TEST(IpAllowList, AddressesAndBlocksOfBothFamilies) {
  auto list = IpAllowList::Parse({"10.20.0.0/16", " 192.0.2.7 ", "2001:db8:1::/48"});
  ASSERT_TRUE(list.ok()) << list.status().message();
  EXPECT_EQ(list->ToText(), "10.20.0.0/16,192.0.2.7,2001:db8:1::/48");
  EXPECT_TRUE(list->Allows("10.20.255.1"));
  EXPECT_FALSE(list->Allows("10.21.0.1"));
  EXPECT_TRUE(list->Allows("192.0.2.7"));
  EXPECT_FALSE(list->Allows("192.0.2.8"));
  EXPECT_TRUE(list->Allows("::ffff:10.20.3.4"));  // how a dual-stack socket shows an IPv4 peer
  EXPECT_TRUE(list->Allows("2001:db8:1:ff::1"));
  EXPECT_FALSE(list->Allows("2001:db8:2::1"));
  EXPECT_FALSE(list->Allows("not an address"));
  EXPECT_FALSE(list->Allows(""));
}

TEST(IpAllowList, NonAlignedBlocksCompareOnlyTheirPrefix) {
  auto list = IpAllowList::Parse({"172.16.5.130/25"});
  ASSERT_TRUE(list.ok());
  EXPECT_TRUE(list->Allows("172.16.5.129"));
  EXPECT_TRUE(list->Allows("172.16.5.255"));
  EXPECT_FALSE(list->Allows("172.16.5.127"));
}

TEST(IpAllowList, RefusesBadEntriesByName) {
  for (const char* bad : {"10.0.0.0/33", "10.0.0.256", "10.0.0.0/", "10.0.0.0/x", "::/129", "example.org"}) {
    auto list = IpAllowList::Parse({"10.0.0.1", bad});
    ASSERT_FALSE(list.ok()) << bad;
    EXPECT_EQ(list.status().code(), ErrorCode::kInvalidArgument);
    EXPECT_NE(list.status().message().find(bad), std::string::npos) << list.status().message();
  }
}

TEST(IpAllowList, SplitsStoredText) {
  EXPECT_EQ(SplitAllowList(""), std::vector<std::string>{});
  EXPECT_EQ(SplitAllowList("a,b"), (std::vector<std::string>{"a", "b"}));
}

}  // namespace app_ip_allow_list_test
}  // namespace xj
