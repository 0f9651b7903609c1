#include "app/crypto.hpp"

#include <gtest/gtest.h>

namespace xj::crypto {
namespace app_crypto_test {

const PasswordHashCost kCheap{1, 8 * 1024};

TEST(Crypto, PasswordHashIsArgon2idAndVerifies) {
  ASSERT_TRUE(Init().ok());
  auto h = HashPassword("correct horse battery", kCheap);
  ASSERT_TRUE(h.ok());
  EXPECT_TRUE(h->starts_with("$argon2id$"));
  EXPECT_TRUE(VerifyPassword(*h, "correct horse battery"));
  EXPECT_FALSE(VerifyPassword(*h, "correct horse batterY"));
  EXPECT_FALSE(VerifyPassword("not a hash", "correct horse battery"));
  EXPECT_NE(*h, *HashPassword("correct horse battery", kCheap)) << "salted";
}

TEST(Crypto, Sha256MatchesTheStandardVector) {
  EXPECT_EQ(Sha256Hex("abc"), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  EXPECT_EQ(Sha256Hex(""), "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
}

TEST(Crypto, RandomHexAndConstantTimeEqual) {
  ASSERT_TRUE(Init().ok());
  const std::string a = RandomHex(32), b = RandomHex(32);
  EXPECT_EQ(a.size(), 64u);
  EXPECT_NE(a, b);
  EXPECT_TRUE(ConstantTimeEqual(a, a));
  EXPECT_FALSE(ConstantTimeEqual(a, b));
  EXPECT_FALSE(ConstantTimeEqual(a, a.substr(1)));
}

}  // namespace app_crypto_test
}  // namespace xj::crypto
