#include "app/ip_allow_list.hpp"

#include <arpa/inet.h>

#include <algorithm>
#include <charconv>
#include <cstring>
#include <optional>

namespace xj {
namespace {

/// The 16-byte form of an address (IPv4 mapped into ::ffff:0:0/96) and whether it was IPv4.
std::optional<std::pair<std::array<std::uint8_t, 16>, bool>> ParseAddress(std::string_view text) {
  const std::string s(text);
  std::array<std::uint8_t, 16> out{};
  in_addr v4{};
  if (inet_pton(AF_INET, s.c_str(), &v4) == 1) {
    out[10] = 0xff;
    out[11] = 0xff;
    std::memcpy(out.data() + 12, &v4, 4);
    return std::pair{out, true};
  }
  in6_addr v6{};
  if (inet_pton(AF_INET6, s.c_str(), &v6) == 1) {
    std::memcpy(out.data(), &v6, 16);
    const bool mapped = std::all_of(out.begin(), out.begin() + 10, [](std::uint8_t b) { return b == 0; }) &&
                        out[10] == 0xff && out[11] == 0xff;
    return std::pair{out, mapped};
  }
  return std::nullopt;
}

bool InBlock(const std::array<std::uint8_t, 16>& a, const std::array<std::uint8_t, 16>& block, int bits) {
  for (int i = 0; i < 16 && bits > 0; ++i, bits -= 8) {
    const std::uint8_t mask = bits >= 8 ? 0xff : static_cast<std::uint8_t>(0xff << (8 - bits));
    if ((a[i] & mask) != (block[i] & mask)) return false;
  }
  return true;
}

std::string Canonical(const std::array<std::uint8_t, 16>& bytes, bool v4, int prefix_bits) {
  char buf[INET6_ADDRSTRLEN] = {};
  if (v4) {
    inet_ntop(AF_INET, bytes.data() + 12, buf, sizeof buf);
  } else {
    inet_ntop(AF_INET6, bytes.data(), buf, sizeof buf);
  }
  const int host_bits = v4 ? 32 : 128;
  const int shown = v4 ? prefix_bits - 96 : prefix_bits;
  return shown == host_bits ? std::string(buf) : std::string(buf) + "/" + std::to_string(shown);
}

}  // namespace

Result<IpAllowList> IpAllowList::Parse(const std::vector<std::string>& entries) {
  IpAllowList list;
  for (const std::string& raw : entries) {
    std::string_view e = raw;
    while (!e.empty() && e.front() == ' ') e.remove_prefix(1);
    while (!e.empty() && e.back() == ' ') e.remove_suffix(1);
    if (e.empty()) continue;
    const std::size_t slash = e.find('/');
    auto address = ParseAddress(e.substr(0, slash));
    if (!address) return Status::InvalidArgument("IP 白名单中的地址无效：" + raw);
    const int host_bits = address->second ? 32 : 128;
    int prefix = host_bits;
    if (slash != std::string_view::npos) {
      const std::string_view p = e.substr(slash + 1);
      auto [ptr, ec] = std::from_chars(p.data(), p.data() + p.size(), prefix);
      if (ec != std::errc() || ptr != p.data() + p.size() || prefix < 0 || prefix > host_bits) {
        return Status::InvalidArgument("IP 白名单中的网段前缀无效：" + raw);
      }
    }
    Block b{address->first, prefix + (address->second ? 96 : 0)};
    list.text_.push_back(Canonical(b.bytes, address->second, b.prefix_bits));
    list.blocks_.push_back(b);
  }
  return list;
}

std::string IpAllowList::ToText() const {
  std::string out;
  for (const std::string& t : text_) out += (out.empty() ? "" : ",") + t;
  return out;
}

bool IpAllowList::Allows(std::string_view address) const {
  if (blocks_.empty()) return true;
  auto a = ParseAddress(address);
  if (!a) return false;
  for (const Block& b : blocks_) {
    if (InBlock(a->first, b.bytes, b.prefix_bits)) return true;
  }
  return false;
}

std::vector<std::string> SplitAllowList(std::string_view text) {
  std::vector<std::string> out;
  while (!text.empty()) {
    const std::size_t comma = text.find(',');
    if (comma != 0) out.emplace_back(text.substr(0, comma));
    if (comma == std::string_view::npos) break;
    text.remove_prefix(comma + 1);
  }
  return out;
}

}  // namespace xj
