#pragma once
/// Test support (included by *_test.cpp only): short constructors the tests of several layers share.
/// One definition here instead of one per file keeps the unity build's batches free of clashes
/// (CMakeLists.txt, XIANJIE_UNITY_BUILD).

#include <cstdint>
#include <string>
#include <utility>

#include "core/date.hpp"
#include "domain/region.hpp"

namespace xj::testing {

/// A calendar date; the tests name only valid ones.
inline Date D(int y, int m, int d) {
  return Date::FromYmd(y, m, d);
}

/// A region named "区划<code>" at `level` under `parent` ("" for the root).
inline Region R(std::string code, RegionLevel level, std::string parent) {
  return Region{code, "区划" + code, level, std::move(parent), false, ""};
}

/// 1 万元 in fen.
inline constexpr std::int64_t kWan = 1'000'000;

/// The header row of a ledger CSV import (entry_id … note).
inline constexpr const char* kLedgerHeader =
    "entry_id,date,kind,fund_source,fund_year,region_code,project_code,amount,payee,payee_type,reverses,note\n";

}  // namespace xj::testing
