#pragma once
// Small ASCII text helpers shared by the HTTP header parsers, the money parser and the table readers.
// ASCII only on purpose: HTTP tokens and the English column aliases; Chinese text is compared as bytes.

#include <string>
#include <string_view>

namespace xj {

/// U+3000 IDEOGRAPHIC SPACE in UTF-8: Chinese spreadsheets pad cells with it.
inline constexpr std::string_view kFullWidthSpace = "\xE3\x80\x80";

/// `s` without leading and trailing spaces and tabs (HTTP's optional whitespace).
std::string_view TrimSpaceTab(std::string_view s);

/// `s` with A–Z lowered; every other byte (UTF-8 included) unchanged.
std::string AsciiLower(std::string_view s);

/// Equal when A–Z are folded to a–z (HTTP header and token comparison).
bool AsciiEqualsIgnoreCase(std::string_view a, std::string_view b);

}  // namespace xj
