#include "http/params.hpp"

#include <charconv>
#include <chrono>

#include "core/timestamp.hpp"

namespace xj::http {

Date Today() {
  return BeijingDate(std::chrono::system_clock::now());
}

Result<std::optional<std::int64_t>> OptionalInt(const Request& req, const std::string& name, std::int64_t lo,
                                                std::int64_t hi) {
  const std::string text = req.Query(name);
  if (text.empty()) return std::optional<std::int64_t>{};
  std::int64_t v = 0;
  auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), v);
  if (ec != std::errc() || ptr != text.data() + text.size() || v < lo || v > hi) {
    return Status::InvalidArgument("参数 " + name + " 应为 " + std::to_string(lo) + " 到 " + std::to_string(hi) +
                                   " 之间的整数");
  }
  return std::optional<std::int64_t>{v};
}

Result<std::optional<bool>> OptionalBool(const Request& req, const std::string& name) {
  const std::string text = req.Query(name);
  if (text.empty()) return std::optional<bool>{};
  if (text == "true" || text == "1") return std::optional<bool>{true};
  if (text == "false" || text == "0") return std::optional<bool>{false};
  return Status::InvalidArgument("参数 " + name + " 应为 true 或 false");
}

Result<bool> UnmaskedParam(const Request& req) {
  XJ_ASSIGN_OR_RETURN(std::optional<bool> unmasked, OptionalBool(req, "unmasked"));
  return unmasked.value_or(false);
}

Result<std::optional<Date>> OptionalDate(const Request& req, const std::string& name) {
  const std::string text = req.Query(name);
  if (text.empty()) return std::optional<Date>{};
  auto date = Date::Parse(text);
  if (!date.ok()) return Status::InvalidArgument("参数 " + name + " 应为日期（YYYY-MM-DD）：" + text);
  return std::optional<Date>{*date};
}

Result<IndicatorQuery> ParseIndicatorQuery(const Request& req) {
  IndicatorQuery q;
  q.region_code = req.Query("region");
  const std::string as_of = req.Query("as_of");
  if (as_of.empty()) {
    q.as_of = Today();
  } else {
    XJ_ASSIGN_OR_RETURN(q.as_of, Date::Parse(as_of));
  }
  XJ_ASSIGN_OR_RETURN(auto year, OptionalInt(req, "year", 2000, 2100));
  q.year = year ? static_cast<int>(*year) : q.as_of.year();
  const std::string source = req.Query("fund_source", "central");
  auto parsed = ParseFundSource(source);
  if (!parsed) return Status::InvalidArgument("未知的资金来源：" + source);
  q.fund_source = *parsed;
  return q;
}

Result<LedgerListQuery> ParseLedgerListQuery(const Request& req) {
  LedgerListQuery q;
  q.region_code = req.Query("region");
  XJ_RETURN_IF_ERROR(ReadListParams(req, q));
  for (auto [name, field] : {std::pair{"from", &q.from}, std::pair{"to", &q.to}}) {
    const std::string text = req.Query(name);
    if (text.empty()) continue;
    auto d = Date::Parse(text);
    if (!d.ok()) return Status::InvalidArgument(std::string(name) + " 应为 YYYY-MM-DD 日期：" + text);
    *field = *d;
  }
  q.fund_source = req.Query("fund_source", req.Query("source"));
  q.kind = req.Query("kind");
  q.project_code = req.Query("project");
  q.text = req.Query("q");
  return q;
}

Result<RankRequest> ParseRankRequest(const Request& req) {
  XJ_ASSIGN_OR_RETURN(RankRequest r,
                      MakeRankRequest(req.Query("level", "county"), req.Query("metric", "expend_progress")));
  XJ_ASSIGN_OR_RETURN(auto top, OptionalInt(req, "top", 0, 100000));
  XJ_ASSIGN_OR_RETURN(auto bottom, OptionalInt(req, "bottom", 0, 100000));
  if (top) r.top = static_cast<int>(*top);
  if (bottom) r.bottom = static_cast<int>(*bottom);
  if (const std::string amount = req.Query("amount"); !amount.empty()) {
    XJ_ASSIGN_OR_RETURN(r.amount, ParseYuan(amount));
  }
  return r;
}

Result<FlagQuery> ParseFlagQuery(const Request& req) {
  XJ_ASSIGN_OR_RETURN(IndicatorQuery q, ParseIndicatorQuery(req));
  FlagQuery f;
  f.region_code = q.region_code;
  f.as_of = q.as_of;
  if (!req.Query("year").empty()) f.fund_year = q.year;
  if (!req.Query("fund_source").empty()) f.fund_source = q.fund_source;
  f.kind = req.Query("kind");
  f.status = req.Query("status");
  XJ_ASSIGN_OR_RETURN(auto page, OptionalInt(req, "page", 1, 1'000'000));
  XJ_ASSIGN_OR_RETURN(auto page_size, OptionalInt(req, "page_size", 1, 500));
  if (page) f.page = static_cast<int>(*page);
  if (page_size) f.page_size = static_cast<int>(*page_size);
  return f;
}

}  // namespace xj::http
