#pragma once
/// IP allow-lists of API tokens (IP 白名单): addresses and CIDR blocks, IPv4 and IPv6.

#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/status.hpp"

namespace xj {

/// A parsed allow-list. Empty = every address is allowed.
class IpAllowList {
 public:
  /// Parses entries such as "10.1.2.3", "10.1.2.0/24", "2001:db8::/32". InvalidArgument naming
  /// the entry for anything else (a bad address, a prefix beyond the address's bits).
  static Result<IpAllowList> Parse(const std::vector<std::string>& entries);
  /// The entries as stored: canonical text joined by commas ("" for none).
  std::string ToText() const;
  /// The entries' canonical text ("10.1.2.0/24"; a host address without "/32").
  const std::vector<std::string>& entries() const { return text_; }
  bool empty() const { return blocks_.empty(); }
  /// Whether `address` (as the server saw the peer; IPv4-mapped IPv6 counts as IPv4) lies in
  /// one of the blocks. An empty list allows every address; an unparsable address none.
  bool Allows(std::string_view address) const;

 private:
  struct Block {
    std::array<std::uint8_t, 16> bytes{};  ///< IPv4 as ::ffff:a.b.c.d
    int prefix_bits = 128;                 ///< over the 16 bytes
  };
  std::vector<Block> blocks_;
  std::vector<std::string> text_;
};

/// Splits a stored allow-list ("a,b") into its entries.
std::vector<std::string> SplitAllowList(std::string_view text);

}  // namespace xj
