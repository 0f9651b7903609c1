#pragma once
/// A 128-bit integer for exact products of money and rates (GCC/Clang extension).

namespace xj {
__extension__ typedef __int128 Int128;
}  // namespace xj
