#pragma once
/// Routes of issue #17 (driving execution): 领导包保 and its coverage, the monthly dispatch
/// (月调度) with frozen snapshots (api_dispatch.cpp).

#include "app/app.hpp"
#include "http/router.hpp"

namespace xj::http {

/// Registers the routes on `router`. `app` must outlive it.
void RegisterDispatchRoutes(Router& router, App& app);

/// `{id, region_code, region_name, region_level, leader_name, post, level, username, period_from, period_to, …}`.
nlohmann::ordered_json ToJson(const BaobaoAssignment& a);
/// `{counties_total, counties_covered, key_townships_total, key_townships_covered, uncovered: [{region_code, name,
/// level}]}`.
nlohmann::ordered_json ToJson(const BaobaoCoverage& c);
/// `{region_code, month, cutoff, status, …, rows: [{…the figures of `xianjie indicators`, rank, live, previous}]}`.
nlohmann::ordered_json ToJson(const DispatchView& v);
/// `{id, week, kind, target_region_code, project_code, recipient: {kind, name, region_code},
/// triggered_by: {metric, value, threshold}, status, …}`.
nlohmann::ordered_json ToJson(const Reminder& r);
/// `{region_code, month, quarter_end, bottom_n, behind_time_pts, items: [{region_code, rank, expend_progress,
/// reasons, streak, grade, …}]}`.
nlohmann::ordered_json ToJson(const InterviewList& l);
/// `{id, region_code, month, grade, date, interviewer, interviewees, attendees, commitments: [{index, text,
/// deadline, status, …}], status, followup: {month, expend_progress_before, expend_progress_after, change_pts,
/// improved} | null}`.
nlohmann::ordered_json ToJson(const Interview& i);

}  // namespace xj::http
