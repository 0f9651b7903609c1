#pragma once
/// The text encoding of an imported CSV file (docs/definitions.md §4): UTF-8 (with or without
/// BOM), or — a file that is not valid UTF-8, as Excel and WPS save "CSV（逗号分隔）" on Chinese
/// Windows — GB18030 (a superset of GBK and GB2312), decoded to UTF-8 through glibc's iconv.
/// This file and text_encoding.cpp are the only code that includes <iconv.h>.

#include <cstdint>
#include <istream>
#include <memory>

#include "core/status.hpp"

namespace xj {

enum class TextEncoding { kUtf8, kGb18030 };
/// "UTF-8" | "GB18030": the `encoding` of an import report.
const char* TextEncodingName(TextEncoding encoding);

/// What a read of the whole file found.
struct TextProbe {
  TextEncoding encoding = TextEncoding::kUtf8;
  std::int64_t lines = 0;  ///< '\n' bytes (for progress)
};

/// Reads `in` to its end — twice when it is not valid UTF-8 — and rewinds it to the start.
/// UTF-8 when every byte sequence is valid UTF-8 (a BOM allowed); else GB18030 when the file
/// decodes as GB18030 and does not start with a UTF-8 BOM; else Rejected (code
/// `invalid_argument`) with one FieldError of code `invalid_encoding` naming the row and column
/// of the first byte that the encoding which read further could not read, and that byte in hex.
Result<TextProbe> ProbeTextEncoding(std::istream& in);

/// An input stream of UTF-8 text decoded, chunk by chunk, from a GB18030 stream it owns.
/// The source should have been found GB18030 by ProbeTextEncoding: an invalid sequence met
/// anyway sets badbit on the returned stream. Internal when iconv has no GB18030 converter.
Result<std::unique_ptr<std::istream>> DecodeGb18030(std::unique_ptr<std::istream> source);

}  // namespace xj
