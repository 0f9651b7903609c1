// Shared by indicator_engine_test.cpp and engine_totals_scale_test.cpp: a Lhasa-shaped region
// tree, a ledger fact, and an engine over them (issue #13 point 2: no total wraps).
#pragma once

#include <gtest/gtest.h>

#include <climits>
#include <memory>
#include <string>
#include <string_view>

#include "analytics/indicator_engine.hpp"

namespace xj::engine_totals_test {

constexpr std::int64_t kMax = INT64_MAX;

inline Region R(std::string code, RegionLevel level, std::string parent) {
  return Region{code, "区划" + code, level, std::move(parent), false, ""};
}

inline std::shared_ptr<const RegionTree> Tree() {
  auto tree =
      RegionTree::Build({R("540000", RegionLevel::kProvince, ""), R("540100", RegionLevel::kPrefecture, "540000"),
                         R("540102", RegionLevel::kCounty, "540100"), R("540103", RegionLevel::kCounty, "540100"),
                         R("540104", RegionLevel::kCounty, "540100"), R("540105", RegionLevel::kCounty, "540100")});
  EXPECT_TRUE(tree.ok()) << tree.status().ToString();
  return std::make_shared<const RegionTree>(std::move(*tree));
}

inline LedgerFact Fact(std::int64_t seq, EntryKind kind, std::string_view region, std::int64_t fen, const char* date) {
  LedgerFact f;
  f.seq = seq;
  f.date = *Date::Parse(date);
  f.kind = kind;
  f.effective = {kind, kind == EntryKind::kExpend ? PayeeType::kEnterprise : PayeeType::kNone, 1};
  f.fund_source = FundSource::kCentral;
  f.fund_year = 2023;
  f.amount = Fen(fen);
  f.entry_id = "PZ";
  f.region_code = region;
  f.payee = kind == EntryKind::kExpend ? "某公司" : "";
  return f;
}

class EngineTotalsTest : public ::testing::Test {
 protected:
  EngineTotalsTest() : engine_(Tree(), CategoryCatalogue(), PolicySet::Defaults()) {}
  RegionIndex At(std::string_view code) const { return engine_.tree().Find(code); }
  Indicators Figures(std::string_view code) const {
    return engine_.Compute(At(code), 2023, *Date::Parse("2023-12-31"), FundSource::kCentral);
  }
  IndicatorEngine engine_;
};

}  // namespace xj::engine_totals_test
