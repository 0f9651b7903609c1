// GENERATED from docs/openapi.yaml by web/scripts/openapi-types.mjs (openapi-typescript).
// Do not edit: change the contract and run `npm run gen:api`. src/api/openapi.test.ts fails when this is stale.
export interface paths {
    "/healthz": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Liveness and the store's schema version */
        get: operations["getHealth"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/metrics": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Prometheus metrics (public from loopback, admin elsewhere) */
        get: operations["getMetrics"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/docs": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** This reference as a web page (Swagger UI, bundled with the server) */
        get: operations["getApiDocs"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/docs/openapi.yaml": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** This contract (docs/openapi.yaml as built into the server) */
        get: operations["getOpenApi"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/session": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The current session's user and CSRF token
         * @description A reloaded page gets its CSRF token back here (the cookie itself is HttpOnly).
         */
        get: operations["getSession"];
        put?: never;
        /**
         * Sign in with a username and password
         * @description Sets the HttpOnly, SameSite=Strict `xj_session` cookie. A wrong password and an unknown username get the same 401 in the same time. Failures are throttled with growing delays (5 s, doubling up to 15 minutes) per username from one address, per address (20 failures, any username), and per username once 5 different addresses failed — one address never makes the real user wait elsewhere; attempts waiting get 429, audited as session.login_throttled once per wait (the row counts the refusals it stands for in `coalesced`).
         */
        post: operations["signIn"];
        /** Sign out (revokes the session and clears the cookie) */
        delete: operations["signOut"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/session/password": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Change one's own password (修改密码)
         * @description Checks the old password (a wrong one is audited and counted by the login throttle, so repeated guesses get 429), sets the new one and revokes every other session of the user; the session in use stays. Audited as user.password_change. An API token has no password (403).
         */
        post: operations["changeOwnPassword"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/regions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The children of a region, or the caller's home region without `parent`; with `q` a search, with `level` every region of a level
         * @description Without q or level: the children of `parent`, or the caller's home region (every top-level region for
         *     the system). With q: the regions of the caller's scope (or of parent's subtree) whose name or former
         *     name contains q, whose pinyin initials contain q (only ASCII letters: "lsq"), or whose code starts with q
         *     (only digits); higher levels first, then by code, at most 50 (`truncated` when more matched). With
         *     level: every region of that level in the scope (or in parent's subtree), by code. Both give each
         *     region's `path` (docs/definitions.md §17). A parent outside the caller's scope is 403, an unknown one 404.
         */
        get: operations["listRegions"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/regions/{code}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One region with its path */
        get: operations["getRegion"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/indicators": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The figures of a region subtree, or of each of its children with by=children */
        get: operations["getIndicators"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/rankings": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The units of a level in the region's subtree, each at its place in its incentive scheme's ranking (best first, unranked last)
         * @description Rewards and penalties are decided over the scheme's scope: the nearest ancestor owning incentive
         *     policy values of its own (POST /api/v1/library/policies with region_code), else the province-level
         *     ancestor. A prefecture or county view shows its units at their places in that ranking, never
         *     re-ranked. Units without an allocation come last with rank null and incentive 0 and are not counted
         *     in scope_size. top, bottom and amount are what-if overrides of every scheme's values.
         */
        get: operations["getRankings"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/flags": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Flags (问题预警) of a region subtree as of a date, as work items, filtered and paged
         * @description 以拨代支 and 超进度拨款 as the figures compute them on the as-of date; over_arranged and negative_list as
         *     raised at payment (listed from the day raised until cleared). Each with its work state (open when nobody
         *     has acted). `items` is the requested page (newest first); `summary` counts each kind after the status
         *     filter; the groups list every matching flag of the kind (not paged) with their *_total_fen.
         */
        get: operations["getFlags"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/timeliness": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 资金分配时效: per unit of the subtree, the days from each allocation received from the superior to its onward allocation and to projects, and the breaches of the limits (docs/definitions.md §12) */
        get: operations["getTimeliness"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/forecast": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 年末支出进度预测: where the region and each child will end the fund year in central expenditure progress, with an interval, the earlier years used, and the counties of the subtree predicted to miss the year-end target (docs/definitions.md §21) */
        get: operations["getForecast"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/dashboard": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * 挂图作战 in one read: the figures, the parent's, the children, the county ranking, the trend of the fund year and the one before, the treemap, the forecast, the colour threshold, the last approved settlement run and 确权 of a region (以工代赈 stays GET /api/v1/work-relief/summary: it reads every wage and would hold up the headline), each as its single endpoint gives it (docs/definitions.md §22)
         * @description Sent with `Cache-Control: private, no-cache` and a weak `ETag` of the body: a request with `If-None-Match` naming it is answered 304 without a body until any figure, threshold or run in it changes.
         */
        get: operations["getDashboard"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/timeliness/receipts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Record allocations received from the superior (上级下达), idempotent by receiving unit and receipt_id (a recorded one is left as it was; a different one under the same unit and receipt_id is a conflict); needs the ledger right on each receiving unit */
        post: operations["recordFundReceipts"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/flags/{kind}/{subject}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * One flag as it stands on a date (default today), with its history
         * @description as_of finds a flag the engine computes for that date (a 超进度拨款 flag of a past date may have no excess today); a flag once handled is stored and found on any date.
         */
        get: operations["getFlag"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/flags/{kind}/{subject}/actions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * A work step on a flag (needs handle_flags in its region): assign, explain, close (a reason required), reopen (a closed flag, with a reason)
         * @description assign names an enabled user whose scope covers the flag; `version` (optional) refuses a stale step with 409.
         */
        post: operations["actOnFlag"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/ledger": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Ledger entries of the caller's region subtree, newest first (台账查询) */
        get: operations["listLedger"];
        put?: never;
        /**
         * Append entries — one, an array, or {entries} — all-or-nothing and idempotent by entry_id
         * @description Every entry is checked before anything is written; one bad entry refuses the whole batch with
         *     400 and `details` naming each problem (`row` = the entry's 1-based position in the batch). An
         *     entry whose `entry_id` is already stored with the same content counts as `unchanged`, so a
         *     client may send the same batch again after a time-out; a different entry under a stored id is
         *     refused. 201 when something was appended, 200 when every entry was already stored.
         *     See docs/api-accounts.md for a finance system posting a day's payments.
         */
        post: operations["postLedger"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/ledger/check": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** The checks entries would meet, nothing saved (the entry form's warning before saving) */
        post: operations["checkLedger"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/benchmarks": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** National benchmarks (全国平均) by indicator and date */
        get: operations["listBenchmarks"];
        put?: never;
        /** Enter benchmarks (administrator); a value for a stored (indicator, date) replaces it */
        post: operations["saveBenchmarks"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/projects/{code}/contracts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Record a signed construction contract (input of 超进度拨款) */
        post: operations["recordContract"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/projects/{code}/progress": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Record a physical progress report */
        post: operations["recordProgress"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/imports/regions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Import a regions file (CSV or XLSX body) synchronously, all-or-nothing
         * @description XLSX (the first worksheet) is recognised by its zip signature, or by a Content-Type naming
         *     spreadsheetml; anything else is read as CSV — UTF-8, or GB18030 when it is not valid UTF-8
         *     (`encoding` in the report; neither: `invalid_encoding`). A formula cell is imported by its
         *     cached value and listed in the report (`formula_cells`); one without a cached value, or any
         *     with strict_formulas=true, is refused (`formula_cell`). In CSV and XLSX alike, title rows above
         *     the header (at most one filled cell; a CSV looks at up to 5), blank rows and a 合计/总计/小计 row
         *     are skipped, so an export of this server imports back as it is; dates may be Excel date cells or text;
         *     numbers may be stored as text. Broken workbooks are refused with one of the detail codes
         *     not_xlsx, empty_file, no_sheet, invalid_xml, shared_string_out_of_range, formula_cell,
         *     cell_error, cell_too_large (1 MiB), too_large. Body limit 256 MiB.
         */
        post: operations["importRegions"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/imports/projects": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Import a projects file (CSV or XLSX body) synchronously, all-or-nothing
         * @description XLSX (the first worksheet) is recognised by its zip signature, or by a Content-Type naming
         *     spreadsheetml; anything else is read as CSV — UTF-8, or GB18030 when it is not valid UTF-8
         *     (`encoding` in the report; neither: `invalid_encoding`). A formula cell is imported by its
         *     cached value and listed in the report (`formula_cells`); one without a cached value, or any
         *     with strict_formulas=true, is refused (`formula_cell`). In CSV and XLSX alike, title rows above
         *     the header (at most one filled cell; a CSV looks at up to 5), blank rows and a 合计/总计/小计 row
         *     are skipped, so an export of this server imports back as it is; dates may be Excel date cells or text;
         *     numbers may be stored as text. Broken workbooks are refused with one of the detail codes
         *     not_xlsx, empty_file, no_sheet, invalid_xml, shared_string_out_of_range, formula_cell,
         *     cell_error, cell_too_large (1 MiB), too_large. Body limit 256 MiB.
         */
        post: operations["importProjects"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/imports/ledger": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Import a ledger file (CSV or XLSX body) synchronously, all-or-nothing and idempotent by entry_id
         * @description XLSX (the first worksheet) is recognised by its zip signature, or by a Content-Type naming
         *     spreadsheetml; anything else is read as CSV — UTF-8, or GB18030 when it is not valid UTF-8
         *     (`encoding` in the report; neither: `invalid_encoding`). A formula cell is imported by its
         *     cached value and listed in the report (`formula_cells`); one without a cached value, or any
         *     with strict_formulas=true, is refused (`formula_cell`). In CSV and XLSX alike, title rows above
         *     the header (at most one filled cell; a CSV looks at up to 5), blank rows and a 合计/总计/小计 row
         *     are skipped, so an export of this server imports back as it is; dates may be Excel date cells or text;
         *     numbers may be stored as text. Broken workbooks are refused with one of the detail codes
         *     not_xlsx, empty_file, no_sheet, invalid_xml, shared_string_out_of_range, formula_cell,
         *     cell_error, cell_too_large (1 MiB), too_large. Body limit 256 MiB.
         */
        post: operations["importLedger"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/imports/contracts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Import a contracts file synchronously, all-or-nothing: project_code 项目编码, contract_no 合同编号, amount 合同金额, signed_on 签订日期, advance_rate 预付款比例 (%, optional)
         * @description XLSX (the first worksheet) is recognised by its zip signature, or by a Content-Type naming
         *     spreadsheetml; anything else is read as CSV — UTF-8, or GB18030 when it is not valid UTF-8
         *     (`encoding` in the report; neither: `invalid_encoding`). A formula cell is imported by its
         *     cached value and listed in the report (`formula_cells`); one without a cached value, or any
         *     with strict_formulas=true, is refused (`formula_cell`). In CSV and XLSX alike, title rows above
         *     the header (at most one filled cell; a CSV looks at up to 5), blank rows and a 合计/总计/小计 row
         *     are skipped, so an export of this server imports back as it is; dates may be Excel date cells or text;
         *     numbers may be stored as text. Broken workbooks are refused with one of the detail codes
         *     not_xlsx, empty_file, no_sheet, invalid_xml, shared_string_out_of_range, formula_cell,
         *     cell_error, cell_too_large (1 MiB), too_large. Body limit 256 MiB.
         */
        post: operations["importContracts"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/imports/progress": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Import a physical-progress file synchronously, all-or-nothing: project_code 项目编码, date 日期, progress 形象进度 (%), note 备注 (optional)
         * @description XLSX (the first worksheet) is recognised by its zip signature, or by a Content-Type naming
         *     spreadsheetml; anything else is read as CSV — UTF-8, or GB18030 when it is not valid UTF-8
         *     (`encoding` in the report; neither: `invalid_encoding`). A formula cell is imported by its
         *     cached value and listed in the report (`formula_cells`); one without a cached value, or any
         *     with strict_formulas=true, is refused (`formula_cell`). In CSV and XLSX alike, title rows above
         *     the header (at most one filled cell; a CSV looks at up to 5), blank rows and a 合计/总计/小计 row
         *     are skipped, so an export of this server imports back as it is; dates may be Excel date cells or text;
         *     numbers may be stored as text. Broken workbooks are refused with one of the detail codes
         *     not_xlsx, empty_file, no_sheet, invalid_xml, shared_string_out_of_range, formula_cell,
         *     cell_error, cell_too_large (1 MiB), too_large. Body limit 256 MiB.
         */
        post: operations["importProgress"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/imports/benchmarks": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Import national benchmarks synchronously, all-or-nothing (administrator): date 日期, indicator 指标 (start_rate|expend_progress), value 数值 (%)
         * @description XLSX (the first worksheet) is recognised by its zip signature, or by a Content-Type naming
         *     spreadsheetml; anything else is read as CSV — UTF-8, or GB18030 when it is not valid UTF-8
         *     (`encoding` in the report; neither: `invalid_encoding`). A formula cell is imported by its
         *     cached value and listed in the report (`formula_cells`); one without a cached value, or any
         *     with strict_formulas=true, is refused (`formula_cell`). In CSV and XLSX alike, title rows above
         *     the header (at most one filled cell; a CSV looks at up to 5), blank rows and a 合计/总计/小计 row
         *     are skipped, so an export of this server imports back as it is; dates may be Excel date cells or text;
         *     numbers may be stored as text. Broken workbooks are refused with one of the detail codes
         *     not_xlsx, empty_file, no_sheet, invalid_xml, shared_string_out_of_range, formula_cell,
         *     cell_error, cell_too_large (1 MiB), too_large. Body limit 256 MiB.
         */
        post: operations["importBenchmarks"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/imports/assets": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Import assets (确权资产) synchronously, all-or-nothing; columns in docs/operations.md §4 and docs/templates/assets.csv
         * @description XLSX (the first worksheet) is recognised by its zip signature, or by a Content-Type naming
         *     spreadsheetml; anything else is read as CSV — UTF-8, or GB18030 when it is not valid UTF-8
         *     (`encoding` in the report; neither: `invalid_encoding`). A formula cell is imported by its
         *     cached value and listed in the report (`formula_cells`); one without a cached value, or any
         *     with strict_formulas=true, is refused (`formula_cell`). In CSV and XLSX alike, title rows above
         *     the header (at most one filled cell; a CSV looks at up to 5), blank rows and a 合计/总计/小计 row
         *     are skipped, so an export of this server imports back as it is; dates may be Excel date cells or text;
         *     numbers may be stored as text. Broken workbooks are refused with one of the detail codes
         *     not_xlsx, empty_file, no_sheet, invalid_xml, shared_string_out_of_range, formula_cell,
         *     cell_error, cell_too_large (1 MiB), too_large. Body limit 256 MiB.
         */
        post: operations["importAssets"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/imports/workers": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Import work-relief workers (以工代赈务工人员) synchronously, all-or-nothing; docs/templates/workers.csv
         * @description XLSX (the first worksheet) is recognised by its zip signature, or by a Content-Type naming
         *     spreadsheetml; anything else is read as CSV — UTF-8, or GB18030 when it is not valid UTF-8
         *     (`encoding` in the report; neither: `invalid_encoding`). A formula cell is imported by its
         *     cached value and listed in the report (`formula_cells`); one without a cached value, or any
         *     with strict_formulas=true, is refused (`formula_cell`). In CSV and XLSX alike, title rows above
         *     the header (at most one filled cell; a CSV looks at up to 5), blank rows and a 合计/总计/小计 row
         *     are skipped, so an export of this server imports back as it is; dates may be Excel date cells or text;
         *     numbers may be stored as text. Broken workbooks are refused with one of the detail codes
         *     not_xlsx, empty_file, no_sheet, invalid_xml, shared_string_out_of_range, formula_cell,
         *     cell_error, cell_too_large (1 MiB), too_large. Body limit 256 MiB.
         */
        post: operations["importReliefWorkers"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/imports/wages": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Import work-relief wages (劳务报酬) synchronously, all-or-nothing; docs/templates/wages.csv
         * @description XLSX (the first worksheet) is recognised by its zip signature, or by a Content-Type naming
         *     spreadsheetml; anything else is read as CSV — UTF-8, or GB18030 when it is not valid UTF-8
         *     (`encoding` in the report; neither: `invalid_encoding`). A formula cell is imported by its
         *     cached value and listed in the report (`formula_cells`); one without a cached value, or any
         *     with strict_formulas=true, is refused (`formula_cell`). In CSV and XLSX alike, title rows above
         *     the header (at most one filled cell; a CSV looks at up to 5), blank rows and a 合计/总计/小计 row
         *     are skipped, so an export of this server imports back as it is; dates may be Excel date cells or text;
         *     numbers may be stored as text. Broken workbooks are refused with one of the detail codes
         *     not_xlsx, empty_file, no_sheet, invalid_xml, shared_string_out_of_range, formula_cell,
         *     cell_error, cell_too_large (1 MiB), too_large. Body limit 256 MiB.
         */
        post: operations["importReliefWages"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/imports/factors": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Import allocation factors (分配因素) per county and year synchronously, all-or-nothing; docs/templates/factors.csv
         * @description XLSX (the first worksheet) is recognised by its zip signature, or by a Content-Type naming
         *     spreadsheetml; anything else is read as CSV — UTF-8, or GB18030 when it is not valid UTF-8
         *     (`encoding` in the report; neither: `invalid_encoding`). A formula cell is imported by its
         *     cached value and listed in the report (`formula_cells`); one without a cached value, or any
         *     with strict_formulas=true, is refused (`formula_cell`). In CSV and XLSX alike, title rows above
         *     the header (at most one filled cell; a CSV looks at up to 5), blank rows and a 合计/总计/小计 row
         *     are skipped, so an export of this server imports back as it is; dates may be Excel date cells or text;
         *     numbers may be stored as text. Broken workbooks are refused with one of the detail codes
         *     not_xlsx, empty_file, no_sheet, invalid_xml, shared_string_out_of_range, formula_cell,
         *     cell_error, cell_too_large (1 MiB), too_large. Body limit 256 MiB.
         */
        post: operations["importFactors"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/imports/regions/jobs": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Queue an import job of a regions file; answers 202 at once */
        post: operations["submitRegionsImportJob"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/imports/projects/jobs": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Queue an import job of a projects file; answers 202 at once */
        post: operations["submitProjectsImportJob"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/imports/ledger/jobs": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Queue an import job of a ledger file; answers 202 at once */
        post: operations["submitLedgerImportJob"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/imports/contracts/jobs": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Queue an import job of a contracts file; answers 202 at once */
        post: operations["submitContractsImportJob"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/imports/progress/jobs": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Queue an import job of a progress file; answers 202 at once */
        post: operations["submitProgressImportJob"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/imports/benchmarks/jobs": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Queue an import job of a benchmarks file; answers 202 at once */
        post: operations["submitBenchmarksImportJob"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/imports/assets/jobs": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Queue an import job of a assets file; answers 202 at once */
        post: operations["submitAssetsImportJob"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/imports/workers/jobs": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Queue an import job of a workers file; answers 202 at once */
        post: operations["submitWorkersImportJob"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/imports/wages/jobs": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Queue an import job of a wages file; answers 202 at once */
        post: operations["submitWagesImportJob"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/imports/factors/jobs": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Queue an import job of a factors file; answers 202 at once */
        post: operations["submitFactorsImportJob"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/imports/jobs": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The caller's import jobs, newest first (every job for an admin), without their errors */
        get: operations["listImportJobs"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/imports/jobs/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Progress (rows_read of rows_total) and result of an import job; poll until it succeeded or failed */
        get: operations["getImportJob"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/imports/templates/{kind}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The template of an import kind (导入模板)
         * @description XLSX by default: the first sheet holds the header in Chinese with units in brackets (总投资（万元）) and
         *     one example row; the second sheet 填写说明 one row per column (header, English name, required, unit,
         *     meaning, allowed values or format, example) and what the example refers to. With `format=csv` the
         *     header and the example row as UTF-8 CSV with BOM. The example row is filled from the caller's scope
         *     (a county of it, the current year and date in Beijing time) and imports as it is once the records it
         *     names exist: the project of the projects template is the one the contracts, progress, workers and
         *     wages templates name, the worker of the workers template the one the wages template pays. Any
         *     signed-in user; writes nothing. The same file is written by `xianjie template --kind K --out FILE`.
         */
        get: operations["getImportTemplate"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/imports/jobs/{id}/errors.xlsx": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The error workbook of a failed job
         * @description Sheet 错误清单 lists sheet, row, cell, the column's Chinese and English names, value, code and reason with the value highlighted; sheet 出错行 holds the offending rows as uploaded, the offending cells highlighted.
         */
        get: operations["getImportJobErrors"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/exports/dispatch.xlsx": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * 月调度表 of the children of a region (the region itself as the 合计 row)
         * @description Per child region: allocation, expenditure, expenditure progress, time progress, YoY points,
         *     projects, start rate and its YoY, rank and on-track. Every export is a formatted XLSX written in
         *     constant memory: merged title, units line, frozen header repeated on printed pages, number
         *     formats (a negative amount red with its minus sign), column widths, a 合计 row (added up in
         *     integer fen over every row), A4 page set-up fitted to the page width, a footer with the
         *     generation time (北京时间), page numbers and the region; a table longer than a sheet continues
         *     on further sheets (续表) with the 合计 on the last. With `format=csv` the same title, units line,
         *     header, rows and 合计 as UTF-8 CSV with a BOM. Every export holds every matching row, never a
         *     page (docs/definitions.md §18). Scope as the matching JSON endpoint (403 outside the caller's
         *     subtree).
         */
        get: operations["exportDispatch"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/exports/rankings.xlsx": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Ranking and incentive table (排名与奖惩) with the parameters of /api/v1/rankings */
        get: operations["exportRankings"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/exports/settlements.xlsx": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Settlement runs (奖惩结算) as /api/v1/settlements — sheet 结算批次 (one row per run) and sheet 结算明细 (every run's counties) */
        get: operations["exportSettlements"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/exports/supervision-coverage.xlsx": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Supervision coverage (督导覆盖) — sheet 督导覆盖 (the region, then each child) and sheet 督导清单 (the visits) */
        get: operations["exportSupervisionCoverage"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/exports/asset-inventory.xlsx": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** An inventory campaign's results (清产核资) — sheet 盘点进度 (the campaign's region, then each child) and sheet 盘点明细 (every check) */
        get: operations["exportAssetInventory"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/exports/allocation.xlsx": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Allocation by factors (因素法分配) as /api/v1/allocations/preview: one row per county with its factors, each factor's contribution and the amount; the 合计 row equals the pool */
        get: operations["exportAllocation"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/exports/flags.xlsx": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Flag list (问题预警) — sheet 以拨代支 and sheet 超进度拨款, as /api/v1/flags */
        get: operations["exportFlags"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/exports/projects.xlsx": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Every project matching the filters of /api/v1/projects (no paging), in the projects interchange format
         * @description Amounts in 元 to the fen with a 合计 row (总投资, 中央衔接资金, 其他资金, added up in integer fen); the title states the filters; column labels as on the projects page.
         */
        get: operations["exportProjects"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/exports/ledger.xlsx": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Every entry GET /api/v1/ledger lists for the same filters (all pages), in commit order
         * @description In the ledger interchange format (imports back unchanged, a 冲销 shown negative as on the screens); a 合计 row when one kind is chosen; the title states the filters. Filtered in the database and read 2,000 entries at a time, so a county's export does not read the national ledger.
         */
        get: operations["exportLedger"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/exports/audit.xlsx": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Every row GET /api/v1/audit lists for the same filters and scope (all pages), newest first (auditor, administrator)
         * @description The screen's columns with 角色, 来源地址 and 哈希 of its detail view (序号, 时间（北京时间）, 操作人, 角色, 操作, 对象, 区划代码, 变更内容, 来源地址, 哈希); 变更内容 in Chinese as on the screen (the changed fields old → new, amounts in 万元, a reversal's vouchers, amount and reason; src/app/audit_text.cpp); times in Beijing time; the title states the filters. An auditor gets only the rows of their region subtree, exactly as the list. Bad dates are 400 invalid_argument, a bad format 400 invalid_format.
         */
        get: operations["exportAudit"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/projects": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The project library over the caller's region subtree (项目库) */
        get: operations["listProjects"];
        put?: never;
        /** Create a draft project with its library sheet (项目填报) */
        post: operations["createProject"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/projects/{code}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A project with its version, allowed steps, history, pre-procedures, ledger and library records */
        get: operations["getProject"];
        /** Edit a project's columns and library sheet at the given version (a stale version gets 409 and changes nothing) */
        put: operations["updateProject"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/projects/{code}/transition": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * One lifecycle step, applied only at the given version (optimistic concurrency)
         * @description 409 stale_version for a stale version; 409 conflict for a step the current state does not allow (the message names the
         *     state and what is missing; the project's allowed_actions show the same blockers beforehand): county_review refused by the compliance review lists every finding
         *     in `details` (column = rule, value = ref_code, code = blocking or warning); admit waits for the
         *     joint review and a finished posting without open objections; roll_over needs an unfunded project
         *     (it then creates next year's copy `<code>-<year+1>` in_library).
         */
        post: operations["transitionProject"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/projects/{code}/procedures/{kind}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Mark a pre-procedure (前置手续) complete with its document number, or not complete */
        put: operations["setProcedure"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/projects/{code}/compliance": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Run the compliance review (合规性审核) on the project as it stands today, without recording it */
        get: operations["checkCompliance"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/projects/{code}/signoffs": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** A department's joint-review decision (联审联批) on a county-reviewed project, recorded only by a user of that department (403 otherwise); a return needs a comment */
        post: operations["recordSignoff"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/projects/{code}/postings": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Announce a step (公告公示) at a place for at least the policy's posting days (10); admission waits for its end */
        post: operations["createPosting"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/projects/{code}/objections": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Record an objection (异议) to one of the project's postings; it blocks the step until resolved */
        post: operations["recordObjection"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/projects/{code}/objections/{id}/resolve": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Mark an objection resolved with its outcome */
        post: operations["resolveObjection"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/public/regions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Regions found by name, pinyin initials or code over the whole tree, with their paths, for the public postings page without login */
        get: operations["searchPublicRegions"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/public/postings": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The postings of projects in a region subtree, newest first, for the public without login */
        get: operations["listPublicPostings"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/library/batch-transition": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Apply one step to a selected set of projects (成熟一批、审核一批), each on its own; reports per project what blocked it */
        post: operations["batchTransition"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/library/review-departments": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The departments a county requires per category for the joint review */
        get: operations["getReviewDepartments"];
        /** Set the departments of one category (or * for every category) of a county */
        put: operations["setReviewDepartments"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/library/village-plans": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Village plans (一村一策) of a region subtree, those without projects first */
        get: operations["listVillagePlans"];
        put?: never;
        /** Create (no id) or update a village plan of a village in the caller's scope */
        post: operations["saveVillagePlan"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/library/schedule": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Backward scheduling (倒排工期) — planned dates from a deadline and milestone durations (nothing is stored)
         * @description Without `region_code` the durations are calendar days. With it (a unit in the caller's scope), they are working days of that unit's construction season (施工季, docs/definitions.md §7): each milestone's work takes its `duration_days` in-season days immediately before the next milestone, and the earlier milestone falls on the first of them. A deadline outside the season is kept and listed in `warnings`.
         */
        post: operations["proposeSchedule"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/library/overdue": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Overdue milestones and projects not started by their planned start, in a region subtree */
        get: operations["getOverdue"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/library/reference": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Every version of the reference data — the 13 departments' guideline catalogue, the negative list and the project code rule */
        get: operations["listReferenceData"];
        put?: never;
        /** Add a version of a reference item (administrator); it applies from its effective date */
        post: operations["addReferenceItem"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/library/code-format": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The 项目编码规则 in force and the format a new project of the region and year gets when its code is left empty (docs/definitions.md §19) */
        get: operations["getCodeFormat"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/library/policies": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Stored policy values (thresholds) with their effective dates */
        get: operations["listPolicies"];
        put?: never;
        /** Add a policy value from a date (administrator), e.g. posting_days, advance_cap_bp, retention_bp, defects_liability_months; incentive_top_n, incentive_bottom_n and incentive_amount_fen may name the region owning the scheme, construction_season_start_month and construction_season_end_month the region whose units' construction season they set, spot_check_sample_rate_bp and spot_check_min_calls the region whose phone spot checks they size, evaluation_grade_excellent_points, evaluation_grade_good_points and evaluation_grade_pass_points the region whose 绩效评价 grades they band */
        post: operations["addPolicy"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/users": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Users of the caller's subtree (administrator) */
        get: operations["listUsers"];
        put?: never;
        /** Create a user in the caller's subtree (administrator) */
        post: operations["createUser"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/users/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /**
         * Change a user's role, home region, department, or disable / enable it (administrator)
         * @description Fields left out stay as they are. Disabling revokes every session of the user at once (enabling does not revive them). An administrator may not disable their own account or change their own role or region. Audited as user.update, user.disable or user.enable with before and after; a request that changes nothing writes no row.
         */
        patch: operations["updateUser"];
        trace?: never;
    };
    "/api/v1/users/{id}/password": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Set a new password for another user (重置密码, administrator); revokes all their sessions
         * @description Audited as user.password_reset (never the password). An administrator changes their own password with POST /api/v1/session/password instead (409 own_account here).
         */
        post: operations["resetUserPassword"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/assets": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The asset register of a region subtree (确权资产), by code */
        get: operations["listAssets"];
        put?: never;
        /** Enter or update assets; the code is the key (same content = unchanged) */
        post: operations["saveAssets"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/assets/registration": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 确权 progress of a region subtree and of each child region (count and original value registered ÷ all) */
        get: operations["getAssetRegistration"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/assets/{code}/register": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Record the confirmation of an asset's ownership (确权) on a date (default today); 409 conflict when already registered */
        post: operations["registerAsset"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/village-supervisors": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The village supervisors of a subtree, by id, a page at a time; phones masked unless unmasked=true (county, township and finance officers; every such view audited) */
        get: operations["listVillageSupervisors"];
        put?: never;
        /** Register a village supervisor (村级监督员) — supervisor role, in its scope; the phone is stored encrypted with a blind index and answered masked */
        post: operations["addVillageSupervisor"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/village-supervisors/{id}/status": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Set a village supervisor active or inactive (an inactive one enters no later draw); audited */
        post: operations["setVillageSupervisorStatus"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/spot-checks": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The draws whose region lies in the subtree, of a month or of every month, by region code; phones masked, calls left out */
        get: operations["listSpotChecks"];
        put?: never;
        /** Draw a province's, prefecture's or county's sample of village supervisors for a month (电话抽查) — seeded and reproducible (docs/definitions.md §9); once per region and month */
        post: operations["drawSpotCheck"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/spot-checks/coverage": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The month's spot-check coverage of a subtree per level (province, prefecture, county at or below the region) against the policy's targets (docs/definitions.md §9) */
        get: operations["spotCheckCoverage"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/spot-checks/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One draw with its sample and calls; phones masked unless unmasked=true by the spot-checker or a role that may see personal data (audited) */
        get: operations["getSpotCheck"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/spot-checks/{id}/calls": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Record a call to a sampled supervisor and its outcome; audited */
        post: operations["recordSpotCheckCall"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/asset-inventories": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Inventory campaigns whose region lies in the subtree, newest first, with their totals */
        get: operations["listAssetInventories"];
        put?: never;
        /** Open an inventory campaign (清产核资) over a region's subtree for a period — one check per asset not disposed, with its current value and status now */
        post: operations["createAssetInventory"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/asset-inventories/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One campaign — its totals, the progress and results of each child region (units) and every asset's check */
        get: operations["getAssetInventory"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/asset-inventories/{id}/checks": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Record the check of one asset (found, missing, damaged, value_changed); anything but found needs an explanation and awaits approval */
        post: operations["recordAssetInventoryCheck"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/asset-inventories/{id}/reviews": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Approve (核准) a difference — the register takes the new current value and status with a history row — or return it (退回, with a reason); never by its checker */
        post: operations["reviewAssetInventoryCheck"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/asset-inventories/{id}/close": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Close a campaign whose assets are all checked and whose differences are all approved */
        post: operations["closeAssetInventory"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/assets/{code}/history": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The register's history of one asset (资产变动记录) — every change of its current value or status by an approved inventory difference, oldest first */
        get: operations["getAssetHistory"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/asset-classes": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The labels of the four classes of operating assets (policy data; defaults 巩固/提升/盘活/另起炉灶) */
        get: operations["getAssetClasses"];
        /** Change the labels of some classes (e.g. the national wording 巩固/升级/盘活/调整); audited */
        put: operations["setAssetClasses"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/assets/{code}/plan": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Class an operating asset (巩固/提升/盘活/另起炉灶) with its plan and follow-up date */
        put: operations["setAssetPlan"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/assets/{code}/incomes": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Income received by an operating asset and its distribution (收益分配), by date */
        get: operations["listAssetIncomes"];
        put?: never;
        /** Record income (negative for a loss) and, when distributed, the distribution with the village meeting's decision (date and text) */
        post: operations["recordAssetIncome"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/asset-yields": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Each operating asset (not disposed) of the subtree with its class and plan, income in the period and yield (income ÷ current value); attention=true keeps the idle, loss-making and income-less ones */
        get: operations["listAssetYields"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/work-relief/summary": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 以工代赈 figures of a region subtree over a period — persons (distinct people), wages, wages per person — and of each child region */
        get: operations["getWorkReliefSummary"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/work-relief/projects": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Each work-relief project's labour-pay share (wages ÷ central funds) against the policy minimum (default 30%) */
        get: operations["listLabourShares"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/work-relief/projects/{code}/workers": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A project's work-relief roster; ID and phone numbers masked unless unmasked=true (county, township and finance officers; every such view audited) */
        get: operations["listReliefWorkers"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/work-relief/projects/{code}/wages": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Wages a project paid (ID numbers masked) */
        get: operations["listReliefWages"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/work-relief/workers": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Enter workers on projects' rosters; (project, ID number) is the key */
        post: operations["saveReliefWorkers"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/work-relief/wages": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Enter wages paid to workers on a project's roster (unknown_worker otherwise); (project, ID number, date) is the key */
        post: operations["saveReliefWages"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/relocation/sites": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Relocation sites (安置点) of a region subtree */
        get: operations["listRelocationSites"];
        put?: never;
        /** Create or replace a relocation site (write_relocation on its region, and on its former region when it moves) */
        post: operations["saveRelocationSite"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/relocation/households": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Relocated households (搬迁户) of a region subtree; the head's ID number masked unless unmasked=true (county, township and finance officers; every such view audited) */
        get: operations["listRelocationHouseholds"];
        put?: never;
        /** Register a relocated household at a site; the head's ID number is stored encrypted with its blind index (one household per head) */
        post: operations["addRelocationHousehold"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/relocation/standards": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Each support kind's standard, raise and unit in force on a date for a region (nearest owning region up the tree; docs/definitions.md §12) */
        get: operations["getRelocationStandards"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/relocation/subsidies": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Subsidy claims of a region subtree, or of one household */
        get: operations["listRelocationSubsidies"];
        put?: never;
        /** Compute and record a household's subsidy of a kind from the standard in force on the basis date for the site's region */
        post: operations["computeRelocationSubsidy"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/relocation/subsidies/{id}/pay": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Record the payment (发放) of a computed claim — the whole computed amount (pay_relocation_subsidy, the finance bureau) */
        post: operations["payRelocationSubsidy"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/relocation/summary": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Households, persons, subsidies computed and paid (fen) of a region subtree over a period, and of each child region */
        get: operations["getRelocationSummary"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/tokens": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** API tokens of service accounts in the administrator's subtree, newest first */
        get: operations["listTokens"];
        put?: never;
        /**
         * Create an API token for a service account (administrator); the secret is shown only in this answer
         * @description A service account is a machine client — a finance bureau's payment system, say — with a name,
         *     a role (any but admin), a home region, an expiry and optionally the addresses it may call from.
         *     Its requests carry `Authorization: Bearer <token>`, need no CSRF header, get the checks a person
         *     of that role gets, are rate-limited per token (429 with Retry-After), and are audited under the
         *     service account (`token.use`, and the use case's own rows). Several tokens of one service account
         *     (for rotation) share its role and region. See docs/api-accounts.md.
         */
        post: operations["createToken"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/tokens/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Revoke an API token at once (revoking it again changes nothing) */
        delete: operations["revokeToken"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/rankings/what-if": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** What-if (奖惩模拟): change top N, bottom N, amount, metric or cut-off date and see the ranking and money beside the current policy, without saving */
        post: operations["rankWhatIf"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/allocations/preview": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Allocation by factors (因素法分配): the pool divided among the region's counties in whole 万元, with each factor's contribution and optional what-if parameters; nothing is saved */
        post: operations["previewAllocation"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/evaluations": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 绩效评价 of the counties in a region's subtree and the caller's scope, by region code (no items) */
        get: operations["listEvaluations"];
        put?: never;
        /**
         * Create a county's evaluation of a fund year (县级自评) on the template in force today, its engine items scored
         * @description County officers, for their county. The engine items (资金分配及时性, 问题整改, 预算执行率, 产业占比, 以拨代支, 超进度拨款) are computed from the figures as of `as_of` (default 31 December of the year, or today while it runs); an engine item whose data does not exist is left to the evaluator. docs/definitions.md §15.
         */
        post: operations["createEvaluation"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/evaluations/template": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The scoring template (评分模板) — the version in force today, or the one named */
        get: operations["getEvaluationTemplate"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/evaluations/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One evaluation with its items (the score sheet), parts, grade and steps */
        get: operations["getEvaluation"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/evaluations/{id}/scores": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * The county scores manual items in self-evaluation (县级自评), each with its evidence note
         * @description County officers, while the evaluation is in self_evaluation. Every score is checked before anything is written; engine items cannot be scored by hand (an engine item whose data does not exist can).
         */
        post: operations["scoreEvaluation"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/evaluations/{id}/adjustments": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * A prefecture officer adjusts the county's manual scores in review (地市复核调整), each with a reason; the county's points are kept as self_points
         * @description Prefecture officers whose subtree holds the county, while the evaluation is submitted. Every score is checked before anything is written.
         */
        post: operations["adjustEvaluation"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/evaluations/{id}/submit": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * The county submits its self-evaluation (every item scored; engine items read again)
         * @description County officers.
         */
        post: operations["submitEvaluation"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/evaluations/{id}/review": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * The prefecture completes its review (地市复核)
         * @description Prefecture officers whose subtree holds the county.
         */
        post: operations["reviewEvaluation"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/evaluations/{id}/return": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Send the evaluation back to the county with a reason
         * @description The prefecture while submitted, the region while reviewed.
         */
        post: operations["returnEvaluation"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/evaluations/{id}/finalize": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * The region decides (自治区审定); the evaluation never changes after
         * @description Region officers.
         */
        post: operations["finalizeEvaluation"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/evaluations/{id}/score-sheet.xlsx": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A county's score sheet (绩效评价评分表) — every item with its full points, rule, source, figure, points, evidence and adjustment, the parts, total and grade */
        get: operations["exportEvaluationScoreSheet"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/settlements": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Settlement runs of a region and year in the caller's subtree, newest first */
        get: operations["listSettlements"];
        put?: never;
        /**
         * Run a settlement (奖惩结算) — freeze the counties' ranking and incentives as a draft
         * @description The engine, first brought up to the store, ranks the counties of the region in their incentive
         *     schemes (the one ranking of GET /api/v1/rankings); the run keeps every row, the schemes, the policy
         *     version, the ledger watermark, who ran it, and what changed since the base run. Region, prefecture
         *     and finance officers and administrators, within their subtree.
         */
        post: operations["createSettlement"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/settlements/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One settlement run with its rows and change report */
        get: operations["getSettlement"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/settlements/{id}/approve": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Approve a draft run (another user than the one who ran it); an approved run never changes */
        post: operations["approveSettlement"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/supervision/visits": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Supervision visits starting in the period that touch the region (sending region or a covered place), by start date */
        get: operations["listSupervisionVisits"];
        put?: never;
        /**
         * Record a supervision visit (督导) with its team, dates, covered regions and projects, and findings
         * @description Supervisors, within their subtree. Refusals — 400 bad_visit (empty title or team, end before start,
         *     nothing covered), unknown_region, unknown_project, outside_visit_region (a place outside the sending
         *     region's subtree), bad_finding, unknown_category. Audited as supervision.visit.
         */
        post: operations["createSupervisionVisit"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/supervision/visits/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One supervision visit; 403 when neither its sending region nor a place it covered lies in the caller's scope */
        get: operations["getSupervisionVisit"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/supervision/coverage": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** How the visits starting in the period cover a region (docs/definitions.md §9) — "8 visits, 7 prefectures, 56 counties" */
        get: operations["getSupervisionCoverage"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/supervision/rectifications": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Rectification items (问题整改) of findings in the region and the caller's scope, of visits starting in the period */
        get: operations["listRectifications"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/supervision/rectifications/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One rectification item with its steps */
        get: operations["getRectification"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/supervision/rectifications/{id}/rectify": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** The unit's step on an item — start (整改中; needs owner, deadline, measures) or submit (已提交; needs evidence) */
        post: operations["rectifyFinding"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/supervision/rectifications/{id}/review": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** The supervisor's step on an item — assign (owner, deadline), verify (销号; needs a note) or return (退回; needs a reason) */
        post: operations["reviewRectification"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/inquiries": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Inquiries whose flag region lies in the region and the caller's scope, newest first */
        get: operations["listInquiries"];
        put?: never;
        /** Sends an inquiry (问询单) on a flag to the county concerned (docs/definitions.md §11) */
        post: operations["sendInquiry"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/inquiries/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One inquiry with its steps */
        get: operations["getInquiry"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/inquiries/{id}/answer": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** The county's answer (答复) — sent → answered; only an officer whose home region lies within the county addressed */
        post: operations["answerInquiry"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/inquiries/{id}/determine": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** The determination (认定) — answered → determined, confirmed or rejected; a rejected 以拨代支 entry leaves assessed progress's deduction (docs/definitions.md §11) */
        post: operations["determineInquiry"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/supervision/rectification-rates": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Rectification rate (整改率) of the region and each child for visits starting in the period (docs/definitions.md §9) */
        get: operations["getRectificationRates"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/audit": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The hash-chained audit trail with filters (auditor, administrator) */
        get: operations["listAudit"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/baobao": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 包保 assignments of the units in a region subtree */
        get: operations["listBaobao"];
        put?: never;
        /** Assign a leader to a county (regional leader) or a key township (prefecture or county leader) */
        post: operations["addBaobao"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/baobao/coverage": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 全覆盖 — every county without a regional leader and every key township without a prefecture or county leader */
        get: operations["getBaobaoCoverage"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/baobao/mine": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 我包保的 — the caller's units with their figures, rank, overdue projects and open reminders */
        get: operations["getMyBaobao"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/dispatch": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The monthly dispatches of a region subtree and of the regions above it, newest month first */
        get: operations["listDispatches"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/dispatch/{region}/{month}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description the dispatching region (province or prefecture) */
                region: string;
                /** @description YYYY-MM */
                month: string;
            };
            cookie?: never;
        };
        /** A monthly dispatch with its frozen snapshot rows, the live figures at the same cut-off and month-over-month change from snapshots (a unit below the dispatching region sees its own part) */
        get: operations["getDispatch"];
        put?: never;
        /** Open the month's dispatch — freezes the figures and ranks of every unit below, down to the counties, as of the cut-off */
        post: operations["openDispatch"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/dispatch/{region}/{month}/filings": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                region: string;
                month: string;
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** A unit's 填报 — its explanation of lag and next month's plan (replaces its earlier one) until the deadline */
        post: operations["fileDispatch"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/dispatch/{region}/{month}/review": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                region: string;
                month: string;
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** A reviewing unit's review of its part (the prefectures of a region's dispatch); the cycle is reviewed once all are in */
        post: operations["reviewDispatch"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/dispatch/{region}/{month}/close": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                region: string;
                month: string;
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** The region closes the reviewed dispatch (reviewed → closed) */
        post: operations["closeDispatch"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/reminders/generate": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Generate the ISO week's point-to-point reminders of a region subtree from the policy rules (idempotent per week) */
        post: operations["generateReminders"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/reminders": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Reminders of a region subtree by week and status, or with mine=1 the caller's own (the message centre) */
        get: operations["listReminders"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/interviews/candidates": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 约谈名单 — the counties of a dispatch's snapshot that qualify by the policy's rules (bottom N of the ranking; behind time progress by more than Z points in a quarter-end month), graded by their streak of qualifying dispatches (1 提醒谈话, 2 约谈, 3+ 问责建议; docs/definitions.md §7) */
        get: operations["listInterviewCandidates"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/interviews": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Interviews (约谈记录) of counties in the subtree, newest month first, each with its commitments and its follow-up in the next month's dispatch */
        get: operations["listInterviews"];
        put?: never;
        /** Record an interview of a county of a dispatch (date, grade, by whom, who, attendees, commitments with deadlines) */
        post: operations["recordInterview"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/interviews/{id}/commitments/{index}/close": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Close a commitment of an interview (销号) with a note on what was done; the interview is closed once every commitment is */
        post: operations["closeInterviewCommitment"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/reminders/{id}/acknowledge": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** The recipient acknowledges a reminder (签收), optionally replying; a reply may follow later */
        post: operations["acknowledgeReminder"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/workbench": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The caller's 工作台 — what waits for them, with counts (docs/definitions.md §14)
         * @description One call: per kind the count and the first five items, all within the caller's scope and for what the
         *     caller's role acts on (a kind the role does not act on is left out): reviews (待审核项目), postings_ending
         *     (公示即将结束), objections (待答复异议), flags (待说明预警), inquiries (待答复问询), rectifications (待整改问题 or
         *     待验收整改), reminders (未签收提醒) and imports (已完成的导入). `total` is the sum of the counts (the header
         *     bell); `landing` is `dashboard` for leaders (their landing page is the wall chart), `workbench` otherwise.
         */
        get: operations["getWorkbench"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        SettlementRequest: {
            /**
             * @description the region whose counties are settled, each at its place in its incentive scheme
             * @example 540000
             */
            region_code: string;
            /** @description fund year */
            year: number;
            /** Format: date */
            as_of: string;
            /** @default central */
            fund_source: string;
            /**
             * @default expend_progress
             * @enum {string}
             */
            metric: "expend_progress" | "assessed_progress";
        };
        SettlementScope: {
            /** @description the region owning the incentive scheme; null = the whole tree */
            region_code: string | null;
            region_name: string;
            /** @description counties ranked (with a figure) */
            size: number;
            top_n: number;
            bottom_n: number;
            amount_fen: number;
        };
        SettlementRow: {
            /** @description place in the scheme's ranking; null = nothing allocated */
            rank: number | null;
            region_code: string;
            region_name: string;
            /** @description +amount for the top N, −amount for the bottom N, else 0 */
            incentive_fen: number;
            allocated_fen: number;
            expended_fen: number;
            /** @description 以拨代支 + 超进度拨款 (left out of assessed progress) */
            deducted_fen: number;
            /** @description percent, two decimals */
            expend_progress: number | null;
            /** @description percent, two decimals */
            assessed_progress: number | null;
            scope_region_code: string | null;
            scope_size: number;
        };
        /** @description What changed since the base run — the last approved run of the same region, year, as-of date, fund source and metric, else the latest such run; empty lists and a null base without one. */
        SettlementChanges: {
            base_run_id: number | null;
            base_watermark_seq: number;
            /** @description a scheme's N or amount or the policy version differs */
            policy_changed: boolean;
            rows: {
                region_code: string;
                region_name: string;
                rank_before: number | null;
                rank_after: number | null;
                incentive_before_fen: number;
                incentive_after_fen: number;
            }[];
            /** @description ledger entries recorded after the base's watermark, dated on or before the as-of date, of the run's fund year and source, in the schemes' regions */
            entries: {
                seq: number;
                entry_id: string;
                /** @enum {string} */
                kind: "allocate" | "expend" | "reverse";
                /** @enum {string} */
                reason: "late_entry" | "reversal";
                /** Format: date */
                date: string;
                region_code: string;
                amount_fen: number;
                reverses: string | null;
            }[];
        };
        WhatIfRequest: {
            /**
             * @description the subtree (default every top-level region)
             * @example 540000
             */
            region_code?: string;
            year: number;
            /** Format: date */
            as_of: string;
            /** @default central */
            fund_source: string;
            /** @default county */
            level: string;
            /**
             * @default expend_progress
             * @enum {string}
             */
            metric: "expend_progress" | "assessed_progress";
            /** @description the changed parameters by the policy keys' own names; at least one */
            what_if: {
                /** @description top N rewarded */
                incentive_top_n?: number | string;
                /** @description bottom N penalised */
                incentive_bottom_n?: number | string;
                /** @description the amount per county (fen) */
                incentive_amount_fen?: number | string;
                /** @enum {string} */
                metric?: "expend_progress" | "assessed_progress";
                /**
                 * Format: date
                 * @description the cut-off date
                 */
                as_of?: string;
            };
        };
        WhatIfScopes: {
            scopes: components["schemas"]["SettlementScope"][];
            /** @description the incentives' sum */
            total_fen: number;
        };
        /** @description The ranking under the current policy and under the what-if, side by side (docs/definitions.md §6). Nothing is saved. */
        WhatIf: {
            what_if: {
                incentive_top_n?: number;
                incentive_bottom_n?: number;
                incentive_amount_fen?: number;
                metric?: string;
                /** Format: date */
                as_of?: string;
            };
            current: components["schemas"]["WhatIfScopes"];
            simulated: components["schemas"]["WhatIfScopes"];
            /** @description in the what-if's order */
            rows: {
                region_code: string;
                region_name: string;
                rank: number | null;
                incentive_fen: number;
                /** @description percent by the current metric */
                progress: number | null;
                what_if_rank: number | null;
                what_if_incentive_fen: number;
                /** @description percent by the what-if metric */
                what_if_progress: number | null;
            }[];
        };
        /** @description A settlement run (docs/definitions.md §6). Immutable once approved. */
        Settlement: {
            run_id: number;
            region_code: string;
            region_name: string;
            year: number;
            /** Format: date */
            as_of: string;
            fund_source: string;
            /** @enum {string} */
            metric: "expend_progress" | "assessed_progress";
            /**
             * @description the latest effective date (YYYY-MM-DD) of an incentive value in force for the schemes, or default
             * @example 2023-01-01
             */
            policy_version: string;
            /** @description the ledger seq up to which the engine had applied every entry */
            watermark_seq: number;
            /** @enum {string} */
            status: "draft" | "approved";
            run_by: string;
            run_at: string;
            approved_by: string | null;
            approved_at: string | null;
            scopes: components["schemas"]["SettlementScope"][];
            rows: components["schemas"]["SettlementRow"][];
            changes: components["schemas"]["SettlementChanges"];
        };
        /** @description A problem a supervision visit found, in one unit (region) and possibly one project. */
        SupervisionFinding: {
            id: number;
            visit_id: number;
            category: components["schemas"]["FindingCategory"];
            /** @example 以拨代支 */
            category_label: string;
            /** @description the unit concerned */
            region_code: string;
            /** @description empty when the finding concerns no single project */
            project_code: string;
            description: string;
        };
        /**
         * @description 资金使用 fund_use, 以拨代支 disburse_as_expend, 项目进度 progress, 工程质量 quality, 资产管理 asset_management, 其他 other
         * @enum {string}
         */
        FindingCategory: "fund_use" | "disburse_as_expend" | "progress" | "quality" | "asset_management" | "other";
        /** @description A supervision visit (督导). `findings` holds only those whose unit lies in the caller's scope. */
        SupervisionVisit: {
            id: number;
            /** @description the sending level */
            region_code: string;
            region_name: string;
            title: string;
            /** @description members, leader first */
            team: string[];
            /** Format: date */
            start_date: string;
            /** Format: date */
            end_date: string;
            regions: {
                region_code: string;
                name: string;
            }[];
            projects: {
                project_code: string;
                region_code: string;
                name: string;
            }[];
            findings: components["schemas"]["SupervisionFinding"][];
            created_by: string;
            created_at: string;
        };
        NewSupervisionVisit: {
            /** @description the sending level; every region, project and finding unit must lie in its subtree */
            region_code: string;
            title: string;
            team: string[];
            /** Format: date */
            start_date: string;
            /**
             * Format: date
             * @description on or after start_date
             */
            end_date: string;
            /** @description region codes covered (at least one region or one project) */
            regions?: string[];
            /** @description project codes checked */
            projects?: string[];
            findings?: {
                category: components["schemas"]["FindingCategory"];
                /** @description the unit concerned (default the project's region) */
                region_code?: string;
                project_code?: string;
                description: string;
            }[];
        };
        AllocationPreviewRequest: {
            /** @description every county of its subtree shares the pool */
            region_code: string;
            /** @description the year being allocated; factors and the settlement of year − 1 */
            year: number;
            /** @description the pool in fen, a positive whole number of 万元 (multiple of 1,000,000), else pool_not_whole_wan */
            pool_fen: number;
            /** @description allocation policy keys (allocation_weight_rural_population_bp, allocation_weight_lifted_population_bp, allocation_weight_monitored_population_bp, allocation_weight_area_bp, allocation_weight_performance_bp, allocation_key_county_tilt_bp, allocation_deduction_rate_bp, allocation_floor_bp, allocation_cap_bp) with the values (bp, 0–10000) to use instead of those in force; nothing is saved */
            what_if?: {
                [key: string]: number;
            };
        };
        AllocationFactors: {
            /** @description 农村人口 */
            rural_population: number;
            /** @description 脱贫人口 */
            lifted_population: number;
            /** @description 监测对象 */
            monitored_population: number;
            /** @description 面积 (km², two decimals) */
            area_km2: number;
            /** @description 国家乡村振兴重点帮扶县 */
            key_county: boolean;
            /** @description 绩效评价得分 (0–100) */
            performance_score: number | null;
            /** @description settled ±incentive of the latest approved run of year − 1 */
            incentive_fen: number;
            /** @description 以拨代支 + 超进度拨款 of that run */
            deducted_fen: number;
        };
        /** @description An allocation by factors (docs/definitions.md §10); total_fen always equals pool_fen */
        Allocation: {
            year: number;
            region_code: string;
            region_name: string;
            pool_fen: number;
            total_fen: number;
            /**
             * Format: date
             * @description the policy in force on 1 January of year
             */
            policy_date: string;
            /** @description some parameters were replaced by the request's what_if */
            what_if: boolean;
            /** @description every allocation_* parameter used (bp) */
            policy: {
                [key: string]: number;
            };
            counties: {
                region_code: string;
                region_name: string;
                /** @description whole 万元 */
                amount_fen: number;
                factors: components["schemas"]["AllocationFactors"];
                settlement_run_id: number | null;
                /** @description the county's share of the need portion (step 4) */
                need_fen: number;
                /** @description need + incentive − deduction (step 5) */
                provisional_fen: number;
                /** @description after floors and caps, before rounding (step 6) */
                adjusted_fen: number;
                contributions: {
                    rural_population_fen: number;
                    lifted_population_fen: number;
                    monitored_population_fen: number;
                    area_fen: number;
                    performance_fen: number;
                    key_county_tilt_fen: number;
                    incentive_fen: number;
                    /** @description negative or 0 */
                    deduction_fen: number;
                };
            }[];
        };
        /** @description A rectification item (问题整改) of one finding (docs/definitions.md §9); `events` only on GET of one item. */
        Rectification: {
            /** @description the finding id */
            id: number;
            /** @enum {string} */
            status: "open" | "rectifying" | "submitted" | "verified" | "returned";
            /** @example 整改中 */
            status_label: string;
            region_code: string;
            region_name: string;
            finding: components["schemas"]["SupervisionFinding"];
            visit_id: number;
            visit_title: string;
            /** Format: date */
            visit_start: string;
            owner: string;
            /** Format: date */
            deadline: string | null;
            measures: string;
            evidence: string;
            verification: string;
            verified_by: string;
            verified_at: string;
            /** @description deadline before today and not verified */
            overdue: boolean;
            version: number;
            updated_at: string;
            events: {
                action: string;
                from_status: string;
                to_status: string;
                actor: string;
                at: string;
                note: string;
            }[];
        };
        RectificationStep: {
            /** @description rectify: start|submit; review: assign|verify|return */
            action: string;
            /** @description the item's current version */
            version: number;
            owner?: string;
            /** Format: date */
            deadline?: string;
            measures?: string;
            evidence?: string;
            /** @description verification note (verify) or reason (return) */
            note?: string;
        };
        /** @description An inquiry (问询单) on a flag with its answer and determination (认定处理单), docs/definitions.md §11; `events` only on one inquiry (GET and the steps). */
        Inquiry: {
            id: number;
            /** @enum {string} */
            flag_kind: "disburse_as_expend" | "pay_ahead_of_progress" | "over_arranged";
            /** @description the flag's entry id or project code */
            subject: string;
            /** @description the flag's region */
            region_code: string;
            region_name: string;
            /** @description the county that answers */
            unit_code: string;
            unit_name: string;
            project_code: string;
            /** @description the flagged amount when sent */
            amount_fen: number;
            questions: string;
            /** Format: date */
            due_on: string | null;
            /** @description still sent after the due date */
            overdue: boolean;
            /** @enum {string} */
            status: "sent" | "answered" | "determined";
            /** @example 已答复 */
            status_label: string;
            sent_by: string;
            sent_at: string;
            answer: string;
            /** @description evidence as text (a document number) */
            evidence: string;
            answered_by: string;
            answered_at: string;
            /** @enum {string} */
            outcome: "none" | "confirmed" | "rejected";
            /** @example 认定不成立 */
            outcome_label: string;
            violation_type: string;
            /** @description amount to recover (应收回) */
            recover_fen: number;
            /** @description amount to re-account (应调账) */
            reaccount_fen: number;
            measures: string;
            reason: string;
            determined_by: string;
            determined_at: string;
            version: number;
            updated_at: string;
            events: {
                /** @enum {string} */
                action: "send" | "answer" | "determine";
                from_status: string;
                to_status: string;
                actor: string;
                at: string;
                note: string;
            }[];
        };
        NewInquiry: {
            /** @enum {string} */
            flag_kind: "disburse_as_expend" | "pay_ahead_of_progress" | "over_arranged";
            /** @description the flag's entry id (disburse_as_expend) or project code */
            subject: string;
            /** @description 问询事项 */
            questions: string;
            /**
             * Format: date
             * @description 答复期限
             */
            due_on?: string;
        };
        InquiryAnswer: {
            /** @description the inquiry's current version */
            version: number;
            /** @description 情况说明 */
            answer: string;
            /** @description 佐证 as text (a document number) */
            evidence?: string;
        };
        InquiryDetermination: {
            /** @description the inquiry's current version */
            version: number;
            /** @enum {string} */
            outcome: "confirmed" | "rejected";
            /** @description required when confirmed */
            violation_type?: string;
            /** @description confirmed only */
            recover_fen?: number;
            /** @description confirmed only */
            reaccount_fen?: number;
            /** @description required when confirmed */
            measures?: string;
            reason: string;
        };
        /**
         * @description The stable error code; the HTTP status follows from it. `value_out_of_range` (an amount or figure beyond its bound), `text_too_long` (a name or note longer than its limit, counted in characters) and `invalid_code` (a code outside its character set) answer 400 with every problem in `details`; the limits are in docs/operations.md.
         * @enum {string}
         */
        ErrorCode: "invalid_argument" | "bad_request" | "unauthenticated" | "permission_denied" | "csrf_failed" | "not_found" | "method_not_allowed" | "already_exists" | "conflict" | "project_not_funded" | "value_out_of_range" | "text_too_long" | "invalid_code" | "weak_password" | "wrong_password" | "own_account" | "same_user" | "already_approved" | "bad_visit" | "bad_finding" | "bad_period" | "unknown_region" | "unknown_project" | "unknown_category" | "outside_visit_region" | "unknown_status" | "unknown_action" | "missing_field" | "stale_version" | "bad_transition" | "too_large" | "import_too_large" | "uri_too_long" | "unsupported_media_type" | "too_many_requests" | "header_too_large" | "internal" | "unavailable" | "storage_full" | "data_key_missing" | "data_key_unreadable" | "data_key_invalid" | "data_key_mismatch" | "cancelled" | "pool_not_whole_wan" | "factors_missing" | "invalid_weight" | "invalid_factor" | "no_counties" | "no_factors" | "adjustments_exceed_pool" | "floor_cap_infeasible" | "unsupported_kind" | "unknown_outcome" | "inquiry_exists" | "invalid_amount" | "bad_inventory" | "explanation_required" | "value_required" | "value_not_allowed" | "note_required" | "explanation_too_long" | "note_too_long" | "inventory_exists" | "campaign_closed" | "check_approved" | "not_pending" | "inventory_incomplete" | "unknown_asset" | "unknown_class" | "bad_label" | "bad_plan" | "not_operating" | "zero_income" | "decision_required" | "empty_code" | "empty_name" | "bad_region_level" | "bad_kind" | "bad_status" | "bad_name" | "bad_id_number" | "bad_members" | "bad_date" | "bad_number" | "unknown_kind" | "bad_persons" | "before_move_in" | "amount_mismatch" | "paid_before_basis" | "bad_method" | "unknown_site" | "unknown_household" | "unknown_subsidy" | "duplicate_household" | "duplicate_claim" | "already_paid" | "not_a_village" | "bad_supervisor" | "bad_phone" | "duplicate_supervisor" | "bad_month" | "future_month" | "bad_seed" | "bad_level" | "spot_check_exists" | "not_sampled" | "bad_called_at" | "unreached_outcome" | "bad_note" | "site_has_households" | "unknown_import_kind" | "invalid_format" | "not_a_county" | "bad_year" | "evaluation_exists" | "unknown_item" | "engine_item" | "score_out_of_range" | "missing_evidence" | "missing_reason" | "wrong_step" | "evaluation_final" | "unscored_items" | "wrong_level" | "unknown_step" | "bad_points" | "unknown_village_plan" | "village_plan_elsewhere" | "central_exceeds_total" | "bad_code_rule";
        VillageSupervisor: {
            id: number;
            /** @description the village */
            region_code: string;
            region_name: string;
            name: string;
            /** @description masked (1380***1234) unless unmasked=true by a role that may (every such view audited) */
            phone: string;
            masked: boolean;
            /** @enum {string} */
            status: "active" | "inactive";
            created_by: string;
            created_at: string;
            updated_at: string;
        };
        SampledSupervisor: {
            id: number;
            region_code: string;
            region_name: string;
            name: string;
            /** @description masked unless unmasked=true */
            phone: string;
            masked: boolean;
            /**
             * @description now (it was active when drawn)
             * @enum {string}
             */
            status: "active" | "inactive";
            created_by: string;
            created_at: string;
            updated_at: string;
            /** @description at least one call recorded */
            called: boolean;
            /** @description at least one call reached them */
            reached: boolean;
        };
        SpotCheckCall: {
            id: number;
            spot_check_id: number;
            supervisor_id: number;
            /** @description UTC, YYYY-MM-DDTHH:MM:SS.mmmZ */
            called_at: string;
            /** @description 接通 */
            reached: boolean;
            /** @description 熟悉职责 */
            knows_duties: boolean;
            /** @description 日志与实际相符 */
            log_matches: boolean;
            /** @description 反映问题 */
            problem_reported: boolean;
            note: string;
            created_by: string;
            created_at: string;
        };
        SpotCheck: {
            id: number;
            /** @description the drawing region */
            region_code: string;
            region_name: string;
            /** @enum {string} */
            level: "province" | "prefecture" | "county";
            /** @description YYYY-MM */
            month: string;
            /** @description 16 hex digits; the same seed and pool give the same sample (docs/definitions.md §9) */
            seed: string;
            /** @description active village supervisors of the subtree when drawn */
            pool_size: number;
            /** @description the level's target for the month */
            sample_size: number;
            /** @description the sampled supervisors in draw order, with whether a call reached them */
            sample: components["schemas"]["SampledSupervisor"][];
            /** @description every call, oldest first (absent in lists) */
            calls?: components["schemas"]["SpotCheckCall"][];
            created_by: string;
            created_at: string;
        };
        SpotCheckLevelCoverage: {
            /** @enum {string} */
            level: "province" | "prefecture" | "county";
            /** @description regions of the level in the subtree */
            units: number;
            units_drawn: number;
            sampled: number;
            /** @description sampled supervisors with at least one call */
            called: number;
            /** @description of which reached on at least one call */
            reached: number;
            knows_duties: number;
            log_matches: number;
            problems_reported: number;
            /** @description the sample sizes of the units that drew plus, for each unit that did not draw, the size its pool requires */
            target: number;
            /** @description called ÷ target in percent, two decimals rounded half away from zero; null when the target is 0 */
            coverage: number | null;
        };
        EvaluationSummary: {
            id: number;
            /** @description the county */
            region_code: string;
            region_name: string;
            /** @description fund year evaluated */
            year: number;
            /**
             * Format: date
             * @description the date the engine's figures are read on
             */
            as_of: string;
            /** @description the template version it was created with, kept for good (e.g. 2025.1) */
            template_version: string;
            /** @enum {string} */
            status: "self_evaluation" | "submitted" | "reviewed" | "final";
            /** @description Σ item points, two decimals; null while an item is unscored */
            total: number | null;
            /** @enum {string|null} */
            grade: "excellent" | "good" | "pass" | "fail" | null;
            /** @enum {string|null} */
            grade_label: "优" | "良" | "中" | "差" | null;
            /** @description the template's full score (100) */
            max_total: number;
            /** @description items without points */
            unscored: number;
            created_by: string;
            created_at: string;
            updated_at: string;
            finalized_by: string | null;
            finalized_at: string | null;
            /** @description raised by every change; send it back to detect a concurrent change */
            version: number;
        };
        Evaluation: {
            id: number;
            /** @description the county */
            region_code: string;
            region_name: string;
            /** @description fund year evaluated */
            year: number;
            /**
             * Format: date
             * @description the date the engine's figures are read on
             */
            as_of: string;
            /** @description the template version it was created with, kept for good (e.g. 2025.1) */
            template_version: string;
            /** @enum {string} */
            status: "self_evaluation" | "submitted" | "reviewed" | "final";
            /** @description Σ item points, two decimals; null while an item is unscored */
            total: number | null;
            /** @enum {string|null} */
            grade: "excellent" | "good" | "pass" | "fail" | null;
            /** @enum {string|null} */
            grade_label: "优" | "良" | "中" | "差" | null;
            /** @description the template's full score (100) */
            max_total: number;
            /** @description items without points */
            unscored: number;
            created_by: string;
            created_at: string;
            updated_at: string;
            finalized_by: string | null;
            finalized_at: string | null;
            /** @description raised by every change; send it back to detect a concurrent change */
            version: number;
            template_title: string;
            /** @description the grade bands in force for the county on as_of (policy evaluation_grade_*_points) */
            bands: {
                excellent: number;
                good: number;
                pass: number;
            };
            parts: {
                /** @enum {string} */
                part: "fund_allocation" | "project_management" | "effect" | "adjustment";
                /** @enum {string} */
                label: "资金分解下达" | "项目管理" | "使用成效" | "加减分";
                max_points: number;
                min_points: number;
                /** @description Σ the scored items of the part */
                points: number;
            }[];
            items: {
                item_id: string;
                /** @enum {string} */
                part: "fund_allocation" | "project_management" | "effect" | "adjustment";
                name: string;
                criteria: string;
                /** @enum {string} */
                rule: "manual" | "linear" | "per_count";
                /** @enum {string|null} */
                metric: "timeliness_breaches" | "rectification_rate" | "expend_progress" | "industry_share" | "disburse_as_expend_share" | "pay_ahead_share" | null;
                max_points: number;
                /** @description negative for a deduction (加减分) */
                min_points: number;
                /**
                 * @description engine — computed from the figure; manual — scored by an evaluator with evidence (also an engine item whose data does not exist)
                 * @enum {string}
                 */
                source: "engine" | "manual";
                /** @description the engine's figure as shown */
                figure: string | null;
                points: number | null;
                evidence: string;
                /** @description the county's points before the prefecture adjusted them */
                self_points: number | null;
                adjust_reason: string;
                scored_by: string | null;
                scored_at: string | null;
            }[];
            steps: {
                /** @enum {string} */
                step: "create" | "score" | "submit" | "review" | "return" | "finalize";
                from_status: string;
                to_status: string;
                actor: string;
                at: string;
                note: string;
            }[];
        };
        EvaluationTemplate: {
            version: string;
            /** Format: date */
            effective_from: string;
            title: string;
            max_total: number;
            /** @description every published version, oldest first */
            versions: string[];
            items: {
                item_id: string;
                /** @enum {string} */
                part: "fund_allocation" | "project_management" | "effect" | "adjustment";
                part_label: string;
                name: string;
                criteria: string;
                /** @enum {string} */
                rule: "manual" | "linear" | "per_count";
                metric: string | null;
                max_points: number;
                min_points: number;
                /** @description linear: the figure (%) scoring 0 */
                zero_at_percent?: number;
                /** @description linear: the figure (%) scoring the full points */
                full_at_percent?: number;
                /** @description per_count: points lost per counted event */
                per_count?: number;
            }[];
        };
        Error: {
            error: components["schemas"]["ErrorDetail"];
        };
        ErrorDetail: {
            code: components["schemas"]["ErrorCode"];
            /**
             * @description a Chinese sentence for the user
             * @example 区划不存在：549999
             */
            message: string;
            details?: components["schemas"]["FieldError"][];
        };
        /** @description One problem of an import or a batch. Every problem is reported at once and nothing is written. */
        FieldError: {
            /** @description worksheet name for XLSX files (absent for CSV and JSON input) */
            sheet?: string;
            /** @description 1-based row as the spreadsheet shows it (CSV header = 1), or the item number in a JSON batch; 0 = the whole file */
            row?: number;
            /** @example amount */
            column?: string;
            /**
             * @description the Chinese name of the column in the import format (金额 for amount; issue #21 point 6), given on the problems of an import (the import routes and a job); the English name when the format has no Chinese one
             * @example 金额
             */
            column_label?: string;
            column_index?: number;
            value?: string;
            /** @example unknown_region */
            code?: string;
            message?: string;
        };
        Status: {
            /** @enum {string} */
            status: "signed_out" | "revoked" | "password_changed";
        };
        Region: {
            /** @example 540100 */
            code: string;
            /** @example 拉萨市 */
            name: string;
            level: components["schemas"]["RegionLevel"];
            /** @example 地市级 */
            level_label: string;
            parent_code: string | null;
            /** @description a key township (重点乡镇) */
            key_township: boolean;
            child_count: number;
            descendant_count: number;
            /** @description the name before a renaming, when there was one */
            former_name?: string;
            /** @description the region and the regions above it, top first and itself last (searches, regions of a level and one region; not children) */
            path?: components["schemas"]["RegionPathStep"][];
        };
        RegionPathStep: {
            /** @example 540102 */
            code: string;
            /** @example 城关区 */
            name: string;
            level: components["schemas"]["RegionLevel"];
        };
        /** @enum {string} */
        RegionLevel: "province" | "prefecture" | "county" | "township" | "village";
        RegionList: {
            items: components["schemas"]["Region"][];
            /** @description with q or level: more regions matched than are listed (search: 50; level: 2000) */
            truncated?: boolean;
        };
        /** @enum {string} */
        FundSource: "central" | "provincial" | "prefecture" | "county" | "integrated" | "other";
        /** @enum {string} */
        LedgerKind: "allocate" | "disburse" | "expend" | "reverse";
        /** @enum {string} */
        PayeeType: "enterprise" | "individual" | "collective" | "gov_account";
        /**
         * @description percent rounded half away from zero to two decimals; null when the denominator is zero
         * @example 54.41
         */
        Percent: number | null;
        /** @description Every figure of docs/definitions.md for one region subtree, fund year, as-of date and fund source. */
        Indicators: {
            region_code: string;
            region_name: string;
            projects_total: number;
            projects_started: number;
            start_rate: components["schemas"]["Percent"];
            /** @description percentage points against the same day last year */
            start_rate_yoy_pts: number | null;
            projects_finished: number;
            completion_rate: components["schemas"]["Percent"];
            allocated_fen: number;
            expended_fen: number;
            expend_progress: components["schemas"]["Percent"];
            expend_progress_yoy_pts: number | null;
            assessed_progress: components["schemas"]["Percent"];
            time_progress: number;
            on_track: boolean | null;
            region_level: components["schemas"]["RegionLevel"];
            year: number;
            /** Format: date */
            as_of: string;
            fund_source: components["schemas"]["FundSource"];
            disbursed_fen: number;
            allocated_to_projects_fen: number;
            distribute_progress: components["schemas"]["Percent"];
            disburse_as_expend_fen: number;
            pay_ahead_fen: number;
            industry_planned_fen: number;
            planned_total_fen: number;
            industry_share: components["schemas"]["Percent"];
            /** @description single-region figures only (absent with by=children): each headline figure against the national average and the region's best earlier fund year */
            comparisons?: {
                start_rate: components["schemas"]["FigureComparison"];
                expend_progress: components["schemas"]["FigureComparison"];
            };
        };
        FigureComparison: {
            /** @description the latest national average (benchmark) dated in the fund year on or before the as-of date; null when none */
            national: null | {
                /** @description percent */
                value: number;
                /** Format: date */
                date: string;
            };
            /** @description the best of the 10 earlier fund years, each on the same day of its year; null when none has the figure */
            best_earlier: null | {
                /** @description percent */
                value: number | null;
                year: number;
            };
        };
        IndicatorsList: {
            items: components["schemas"]["Indicators"][];
        };
        /** @description a unit of the requested subtree at its place in the ranking of its incentive scheme (never re-ranked inside the subtree) */
        RankRow: {
            /** @description 1-based place in the scheme's ranking; null when the unit has no allocation (never rewarded or penalised) */
            rank: number | null;
            region_code: string;
            region_name: string;
            expend_progress: components["schemas"]["Percent"];
            assessed_progress: components["schemas"]["Percent"];
            /** @description the scheme's amount for its top N, minus it for its bottom N, else 0 */
            incentive_fen: number;
            allocated_fen: number;
            expended_fen: number;
            /** @description the region owning the scheme (the nearest ancestor with incentive policy values of its own, else the province-level ancestor); null = the whole tree */
            scope_region_code: string | null;
            /** @description units ranked in the scheme (those with an allocation) */
            scope_size: number;
        };
        RankingScope: {
            region_code: string | null;
            /** @description 全国 for the whole tree */
            region_name: string;
            size: number;
            top_n: number;
            bottom_n: number;
            amount_fen: number;
        };
        RankList: {
            items: components["schemas"]["RankRow"][];
            /** @description every scheme a row belongs to, with its N and amount */
            scopes: components["schemas"]["RankingScope"][];
        };
        /** @enum {string} */
        FlagKind: "disburse_as_expend" | "pay_ahead_of_progress" | "over_arranged" | "negative_list" | "late_allocation" | "late_distribution" | "cutoff_rush" | "tender_split" | "payee_spread" | "month_end_round" | "gov_account_return";
        /** @enum {string} */
        FlagStatus: "open" | "explained" | "closed";
        /** @description a flag (问题预警) as a work item */
        Flag: components["schemas"]["FlagFields"];
        /** @description the fields of every flag */
        FlagFields: {
            /** @description null while nobody has acted on a flag the engine computes */
            id: number | null;
            kind: components["schemas"]["FlagKind"];
            kind_label: string;
            /**
             * @description payee: payee_spread (the subject is the payee's name); region: month_end_round (the subject is "county@YYYY-MM")
             * @enum {string}
             */
            subject_type: "entry" | "project" | "payee" | "region";
            /** @description the entry id or the project code; for late_allocation and late_distribution the receipt id (上级下达文号); for the gaming kinds see docs/definitions.md §20 */
            subject: string;
            entry_id: string | null;
            project_code: string;
            project_name: string;
            region_code: string;
            region_name: string;
            /** @description an entry's */
            fund_year: number | null;
            /** @description an entry's */
            fund_source: string | null;
            /**
             * Format: date
             * @description when the condition arose: the entry's date; for 超进度拨款 the day the project last went ahead
             */
            date: string;
            /**
             * Format: date
             * @description kinds raised at payment: when the condition stopped (the entry reversed, the project arranged enough)
             */
            cleared_on: string | null;
            /** @description the entry's amount, or the project's excess */
            amount_fen: number;
            detail: string;
            status: components["schemas"]["FlagStatus"];
            status_label: string;
            assignee: string;
            /** @description the latest explanation or closing reason */
            reason: string;
            updated_at: string;
            /** @description optimistic-concurrency version (0 while not stored) */
            version: number;
            /** @description disburse_as_expend and the gaming kinds (the expenditure's payee, the contractor, the payee spread) */
            payee?: string;
            /** @description pay_ahead_of_progress only (as are the next six) */
            contract_fen?: number;
            advance_fen?: number;
            /** @description physical progress in percent */
            progress?: number;
            paid_fen?: number;
            cap_fen?: number;
            excess_fen?: number;
            retention_held?: boolean;
            /** @description late_allocation and late_distribution only — the evidence */
            timeliness?: components["schemas"]["TimelinessMeasure"];
            /** @description the gaming kinds only (docs/definitions.md §20) */
            evidence?: components["schemas"]["GamingEvidence"];
        };
        /** @description what a gaming detector found (docs/definitions.md §20): its measures, the entries and projects involved (amounts in fen) and the ledger filter (台账查询) that lists them */
        GamingEvidence: {
            /**
             * Format: date
             * @description cutoff_rush only — the ranking cut-off straddled
             */
            cutoff: string | null;
            /** @description named figures of the rule: days_before_cutoff, days_after_cutoff; parts, span_days, threshold_fen; counties, projects, entries, max_counties, max_projects; round_count, month_end_count, share_bp; days_parked */
            measures: {
                [key: string]: number;
            };
            entries: {
                entry_id: string;
                /** Format: date */
                date: string;
                /** @enum {string} */
                kind: "expend" | "reverse";
                amount_fen: number;
                payee: string;
                payee_type: string;
                region_code: string;
                project_code: string;
                reverses: string;
            }[];
            projects: {
                project_code: string;
                name: string;
                region_code: string;
                category: string;
                total_investment_fen: number;
                /**
                 * Format: date
                 * @description tender_split — the first payment to the contractor
                 */
                first_paid_on: string | null;
                /** @description net expenditure to the payee on the project */
                paid_fen: number;
            }[];
            /** @description payee_spread — the counties paid in */
            counties: string[];
            /** @description the query of the ledger list (GET /api/v1/ledger) that shows the entries; empty or null narrows nothing */
            ledger: {
                region: string;
                q: string;
                kind: string | null;
                /** Format: date */
                from: string | null;
                /** Format: date */
                to: string | null;
            };
        };
        FlagEvent: {
            at: string;
            actor: string;
            /** @enum {string} */
            action: "raise" | "assign" | "explain" | "close" | "reopen" | "update";
            status: components["schemas"]["FlagStatus"];
            assignee: string;
            reason: string;
        };
        /** @description one flag as it stands today, with its history */
        FlagDetail: {
            history: components["schemas"]["FlagEvent"][];
        } & components["schemas"]["FlagFields"];
        Flags: {
            /** @description the requested page (newest first) */
            items: components["schemas"]["Flag"][];
            total: number;
            page: number;
            page_size: number;
            /** @description each kind's count and amount after the status filter */
            summary: {
                kind: components["schemas"]["FlagKind"];
                label: string;
                count: number;
                amount_fen: number;
            }[];
            /** @description every matching 以拨代支 flag, oldest first */
            disburse_as_expend: components["schemas"]["Flag"][];
            disburse_as_expend_total_fen: number;
            /** @description every matching 超进度拨款 flag, the largest first */
            pay_ahead: components["schemas"]["Flag"][];
            pay_ahead_total_fen: number;
            over_arranged: components["schemas"]["Flag"][];
            over_arranged_total_fen: number;
            negative_list: components["schemas"]["Flag"][];
            negative_list_total_fen: number;
            /** @description received allocations passed on to the children late (docs/definitions.md §12) */
            late_allocation: components["schemas"]["Flag"][];
            late_allocation_total_fen: number;
            /** @description received allocations distributed to projects late (docs/definitions.md §12) */
            late_distribution: components["schemas"]["Flag"][];
            late_distribution_total_fen: number;
            /** @description 截止前突击支出 (docs/definitions.md §20), oldest first */
            cutoff_rush: components["schemas"]["Flag"][];
            cutoff_rush_total_fen: number;
            /** @description 化整为零规避招标 (§20), the largest first */
            tender_split: components["schemas"]["Flag"][];
            tender_split_total_fen: number;
            /** @description 收款方跨县跨项目 (§20), the largest first */
            payee_spread: components["schemas"]["Flag"][];
            payee_spread_total_fen: number;
            /** @description 月末整数支出集中 (§20), the largest first */
            month_end_round: components["schemas"]["Flag"][];
            month_end_round_total_fen: number;
            /** @description 以拨代支回流 (§20), oldest first */
            gov_account_return: components["schemas"]["Flag"][];
            gov_account_return_total_fen: number;
        };
        /** @description how one received allocation was passed on, as of a date (docs/definitions.md §12) */
        TimelinessMeasure: {
            receipt_id: string;
            /** Format: date */
            received_on: string;
            amount_fen: number;
            /** @description Σ received up to and including this receipt */
            cumulative_fen: number;
            /**
             * Format: date
             * @description the day the cumulative amount passed on covered cumulative_fen for good; null while not yet
             */
            done_on: string | null;
            /** @description done_on − received_on, or as_of − received_on while not done */
            days: number;
            /** @description the policy's limit in force on the receipt's date for the unit */
            limit_days: number;
            /** @description days > limit_days */
            breach: boolean;
        };
        /** @description 资金分配时效 per unit (docs/definitions.md §12) */
        Timeliness: {
            region_code: string;
            year: number;
            /** Format: date */
            as_of: string;
            /** @description the units of the subtree with receipts of the fund year, in tree order */
            units: {
                region_code: string;
                region_name: string;
                /** @enum {string} */
                level: "province" | "prefecture" | "county";
                fund_year: number;
                /** @description receipts in breach of the allocation limit */
                late_allocation: number;
                /** @description receipts in breach of the distribution limit */
                late_distribution: number;
                receipts: {
                    receipt_id: string;
                    /** Format: date */
                    date: string;
                    amount_fen: number;
                    cumulative_fen: number;
                    note: string;
                    /** @description onward to the children; null for a county */
                    allocation: components["schemas"]["TimelinessMeasure"] | null;
                    distribution: components["schemas"]["TimelinessMeasure"];
                }[];
            }[];
        };
        /** @description 年末支出进度预测 of one unit (docs/definitions.md §21). Percentages rounded half away from zero to two decimals; will_miss is decided on the exact forecast */
        ForecastRow: {
            region_code: string;
            name: string;
            /** @enum {string} */
            level: "province" | "prefecture" | "county" | "township" | "village";
            /** @description the parent's name ('' at a root) */
            parent_name: string;
            /**
             * @description forecast; actual (the as-of date is on or after 31 December: the year-end figure itself); no_allocation or no_history (no forecast, see reason)
             * @enum {string}
             */
            status: "forecast" | "actual" | "no_allocation" | "no_history";
            /** @description central expenditure progress on the as-of date (null without allocation) */
            progress_now: number | null;
            /** @description progress now × the median ratio of the basis years, held to [0, 100] */
            forecast: number | null;
            /** @description progress now × the smallest ratio, held to [0, 100] */
            low: number | null;
            /** @description progress now × the largest ratio, held to [0, 100] */
            high: number | null;
            /** @description the year-end target: 100 − reminder_behind_time_bp ÷ 100 in force on 31 December */
            target: number;
            /** @description forecast below the target (null without a forecast) */
            will_miss: boolean | null;
            /** @description the earlier years used: the unit's own, or its nearest ancestor's when it has none; null without */
            basis: {
                region_code: string;
                name: string;
                years: {
                    year: number;
                    /** @description progress on the same day of that year (null when the basis unit is outside the caller's scope) */
                    progress_same_day: number | null;
                    /** @description progress on 31 December of that year (null likewise) */
                    progress_year_end: number | null;
                }[];
            } | null;
            /** @description why there is no forecast (null when there is one) */
            reason: {
                /** @enum {string} */
                code: "no_allocation" | "no_history";
                message: string;
            } | null;
        };
        /** @description 年末支出进度预测 (docs/definitions.md §21): the region, its children, and the counties of its subtree predicted to miss */
        Forecast: {
            region_code: string;
            year: number;
            /** Format: date */
            as_of: string;
            /** Format: date */
            year_end: string;
            /** @description the year-end target in percent */
            target: number;
            /** @description the 落后 threshold N in points (reminder_behind_time_bp ÷ 100) in force on 31 December */
            behind_pts: number;
            /** @description the region first, then its children by code */
            items: components["schemas"]["ForecastRow"][];
            /** @description the counties of the subtree predicted to miss the target, lowest forecast first */
            at_risk: components["schemas"]["ForecastRow"][];
        };
        FundReceiptsRequest: {
            receipts: {
                /** @description the document number (文号): with region_code, the idempotency key (one document may allocate to several units) */
                receipt_id: string;
                /** @description the receiving unit (province, prefecture or county) */
                region_code: string;
                fund_year: number;
                /**
                 * Format: date
                 * @description the day the superior allocated it
                 */
                date: string;
                amount_fen: number;
                note?: string;
            }[];
        };
        FundReceiptsResult: {
            created: number;
            /** @description receipts already recorded, identical, under the same receiving unit and receipt_id */
            existing: number;
        };
        Benchmark: {
            /** @enum {string} */
            indicator: "start_rate" | "expend_progress";
            /** Format: date */
            date: string;
            /** @description percent */
            value: number;
            value_bp: number;
        };
        /** @description One ledger entry (凭证) as a client posts it. `entry_id` is the idempotency key. */
        LedgerEntry: {
            /** @description the voucher number; posting an identical entry again changes nothing, a different entry under a stored id is refused */
            entry_id: string;
            /** Format: date */
            date: string;
            /** @enum {string} */
            kind: "allocate" | "disburse" | "expend" | "reverse" | "下达" | "拨付" | "支出" | "冲销";
            /**
             * @description central, provincial, prefecture, county, integrated, other, or the Chinese name
             * @example central
             */
            fund_source: string;
            fund_year: number;
            region_code: string;
            /** @description required for disburse and expend */
            project_code?: string;
            /** @description the amount in fen (give this or amount) */
            amount_fen?: number;
            /** @description the amount in yuan with at most two decimals, e.g. "1,234.56" or "12.5万元" (give this or amount_fen) */
            amount?: string;
            payee?: string;
            payee_type?: components["schemas"]["PayeeType"];
            /** @description the entry a reverse cancels */
            reverses?: string;
            note?: string;
        };
        /** @description one entry, an array of entries, or `{"entries": [...]}` — all-or-nothing */
        LedgerBatch: components["schemas"]["LedgerEntry"] | components["schemas"]["LedgerEntry"][] | {
            entries: components["schemas"]["LedgerEntry"][];
        };
        LedgerItem: {
            /** @description commit order */
            seq: number;
            entry_id: string;
            /** Format: date */
            date: string;
            kind: components["schemas"]["LedgerKind"];
            /** @example 支出 */
            kind_label: string;
            fund_source: components["schemas"]["FundSource"];
            fund_year: number;
            region_code: string;
            region_name: string;
            project_code: string;
            amount_fen: number;
            payee: string;
            /** @enum {string} */
            payee_type: "enterprise" | "individual" | "collective" | "gov_account" | "";
            reverses: string;
            note: string;
            /** @description the id of the reversal that cancels this entry, or empty */
            reversed_by: string;
        };
        LedgerPage: {
            items: components["schemas"]["LedgerItem"][];
            total: number;
            page: number;
            page_size: number;
        };
        AssetIn: {
            asset_code: string;
            name: string;
            region_code?: string;
            /** @description operating 经营性 | public_welfare 公益性 | household 到户类 */
            asset_type: string;
            /** @description region | county | township | village | household */
            owner_level: string;
            owner?: string;
            original_value_fen: number;
            current_value_fen?: number;
            location?: string;
            operator?: string;
            custodian?: string;
            project_code?: string;
            fund_sources?: string;
            /** @enum {string} */
            status?: "in_use" | "idle" | "damaged" | "disposed";
            registered?: boolean;
            /** Format: date */
            registered_on?: string | null;
        };
        Asset: {
            asset_code: string;
            name: string;
            region_code: string;
            /** @enum {string} */
            asset_type: "operating" | "public_welfare" | "household";
            /** @enum {string} */
            owner_level: "region" | "county" | "township" | "village" | "household";
            owner: string;
            original_value_fen: number;
            current_value_fen: number;
            location: string;
            operator: string;
            custodian: string;
            /** @description the project it came from, empty for none */
            project_code: string;
            fund_sources: string;
            /** @enum {string} */
            status: "in_use" | "idle" | "damaged" | "disposed";
            /** @description ownership confirmed (确权) */
            registered: boolean;
            /** Format: date */
            registered_on: string | null;
        };
        InventoryProgress: {
            /** @description checks in the campaign (one per asset of the unit's subtree not disposed when it opened) */
            assets: number;
            /** @description outcome recorded */
            checked: number;
            /** @description missing + damaged + value_changed */
            differences: number;
            /** @description differences approved (written to the register) */
            approved: number;
            pending_review: number;
            returned: number;
            found: number;
            missing: number;
            damaged: number;
            value_changed: number;
            /** @description Σ current value when the campaign opened */
            value_before_fen: number;
            /** @description Σ value after the check (docs/definitions.md §8): missing 0, value_changed/damaged the new value, otherwise the value before */
            value_after_fen: number;
        };
        InventoryUnit: {
            region_code: string;
            region_name: string;
            assets: number;
            checked: number;
            differences: number;
            approved: number;
            pending_review: number;
            returned: number;
            found: number;
            missing: number;
            damaged: number;
            value_changed: number;
            value_before_fen: number;
            value_after_fen: number;
        };
        InventoryCheck: {
            inventory_id: number;
            asset_code: string;
            asset_name: string;
            region_code: string;
            value_before_fen: number;
            /** @enum {string} */
            status_before: "in_use" | "idle" | "damaged" | "disposed";
            /** @enum {string} */
            outcome: "pending" | "found" | "missing" | "damaged" | "value_changed";
            /** @description the new current value (value_changed; optional for damaged) */
            value_after_fen: number | null;
            /** @description 差异说明, required for every outcome but found */
            explanation: string;
            checked_by: string;
            checked_at: string;
            /** @enum {string} */
            review: "none" | "pending" | "approved" | "returned";
            reviewed_by: string;
            reviewed_at: string;
            review_note: string;
        };
        AssetInventory: {
            id: number;
            region_code: string;
            region_name: string;
            name: string;
            period: string;
            /** @enum {string} */
            status: "open" | "closed";
            opened_by: string;
            opened_at: string;
            closed_by: string;
            closed_at: string;
            progress: components["schemas"]["InventoryProgress"];
            /** @description each child region of the campaign's region, with its progress (detail only) */
            units?: components["schemas"]["InventoryUnit"][];
            /** @description every asset's check (detail only) */
            checks?: components["schemas"]["InventoryCheck"][];
        };
        AssetChange: {
            id: number;
            asset_code: string;
            changed_at: string;
            changed_by: string;
            /**
             * @description inventory: an approved difference of a campaign (reference = its id)
             * @enum {string}
             */
            source: "inventory";
            reference: string;
            value_before_fen: number;
            value_after_fen: number;
            status_before: string;
            status_after: string;
            note: string;
        };
        AssetClassLabels: {
            items: {
                /** @enum {string} */
                asset_class: "consolidate" | "upgrade" | "revitalize" | "restart";
                label: string;
            }[];
        };
        AssetPlan: {
            asset_code: string;
            /** @enum {string} */
            asset_class: "consolidate" | "upgrade" | "revitalize" | "restart";
            plan: string;
            /** Format: date */
            follow_up_on: string | null;
            updated_by: string;
            updated_at: string;
        };
        AssetIncome: {
            id: number;
            asset_code: string;
            /** Format: date */
            received_on: string;
            amount_fen: number;
            distribution: string;
            /** Format: date */
            decided_on: string | null;
            decision: string;
            created_by: string;
            created_at: string;
        };
        AssetYield: {
            asset_code: string;
            name: string;
            region_code: string;
            /** @enum {string} */
            status: "in_use" | "idle" | "damaged" | "disposed";
            current_value_fen: number;
            /** @enum {string|null} */
            asset_class: "consolidate" | "upgrade" | "revitalize" | "restart" | null;
            plan: string | null;
            /** Format: date */
            follow_up_on: string | null;
            /** @description Σ income received in the period */
            income_fen: number;
            incomes: number;
            /** @description income_fen ÷ current_value_fen in percent, rounded half away from zero to 0.01 (docs/definitions.md §8); null when the value is 0 */
            yield: number | null;
            idle: boolean;
            loss: boolean;
            no_income: boolean;
        };
        DashboardTrend: {
            year: number;
            /** @description the month ends of the year; in the viewed year up to the as-of date, which is then the last */
            dates: string[];
            /** @description expend_progress of GET /api/v1/indicators at each date (percent) */
            points: (number | null)[];
        };
        DashboardTreeNode: {
            code: string;
            name: string;
            allocated_fen: number;
            /** @description expend_progress (percent) */
            progress: number | null;
            /** @description a province's children: their own children */
            children?: components["schemas"]["DashboardTreeNode"][];
        };
        Dashboard: {
            region_code: string;
            year: number;
            /** Format: date */
            as_of: string;
            /** @description from the caller's home region (or the highest it may read) down to the region */
            path: components["schemas"]["Region"][];
            indicators: components["schemas"]["Indicators"];
            /** @description the parent's figures, when the region is not the caller's home region and the caller may read them */
            parent: components["schemas"]["Indicators"] | null;
            /** @description as GET /api/v1/indicators?by=children */
            children: components["schemas"]["Indicators"][];
            ranking: components["schemas"]["RankList"];
            trend: {
                current: components["schemas"]["DashboardTrend"];
                previous: components["schemas"]["DashboardTrend"];
            };
            treemap: components["schemas"]["DashboardTreeNode"][];
            forecast: components["schemas"]["Forecast"];
            /** @description reminder_behind_time_bp in force on the as-of date, in percentage points (the charts' colour threshold) */
            behind_pts: number;
            /** @description the newest approved settlement run of the fund year with a row for a ranked county */
            settled: components["schemas"]["Settlement"] | null;
            assets: components["schemas"]["AssetRegistration"];
        };
        AssetRegistration: {
            region_code: string;
            region_name: string;
            assets: number;
            registered_assets: number;
            /** @description Σ original value */
            value_fen: number;
            registered_value_fen: number;
            /** @description registered ÷ all assets, percent (null without assets) */
            count_rate: number | null;
            /** @description registered ÷ all original value, percent */
            value_rate: number | null;
            by_type: {
                asset_type: string;
                assets: number;
                value_fen: number;
            }[];
            children?: components["schemas"]["AssetRegistration"][];
        };
        WorkReliefSummary: {
            region_code: string;
            region_name: string;
            /** Format: date */
            from: string | null;
            /** Format: date */
            to: string | null;
            /** @description distinct persons paid (by the blind index of the ID number) */
            persons: number;
            wages_fen: number;
            /** @description wages_fen ÷ persons rounded half up; 0 without persons */
            wages_per_person_fen: number;
            person_days: number;
            payments: number;
            projects: number;
            by_household_status: {
                /** @enum {string} */
                household_status: "lifted" | "monitored" | "ordinary";
                persons: number;
                wages_fen: number;
                persons_share: number | null;
            }[];
            relocated_persons: number;
            relocated_wages_fen: number;
            children?: components["schemas"]["WorkReliefSummary"][];
        };
        RelocationSite: {
            site_code: string;
            name: string;
            /** @description a county, township or village */
            region_code: string;
            /** @enum {string} */
            kind: "concentrated" | "dispersed";
            /** @enum {string} */
            kind_label: "集中" | "分散";
            planned_households: number;
            planned_persons: number;
            created_at: string;
            updated_at: string;
        };
        RelocationHousehold: {
            id: number;
            site_code: string;
            /** @description the site's region */
            region_code: string;
            origin_village: string;
            head_name: string;
            /** @description the head's ID number, masked (5401**********1234) unless masked is false */
            id_number: string;
            masked: boolean;
            members: number;
            /** @enum {string} */
            household_status: "lifted" | "monitored" | "ordinary";
            /** Format: date */
            moved_in_on: string;
        };
        RelocationStandard: {
            /** @enum {string} */
            kind: "cross_region_travel" | "startup" | "skills_training";
            label: string;
            /** @enum {string} */
            basis: "per_person" | "per_household";
            /** @description the standard before the raise (policy relocation_subsidy_<kind>_fen) */
            standard_fen: number;
            /** @description the raise in basis points (5000 = +50%) */
            raise_bp: number;
            /** @description standard × (1 + raise), rounded half up to a whole fen (docs/definitions.md §12) */
            unit_fen: number;
        };
        RelocationSubsidy: {
            id: number;
            household_id: number;
            region_code: string;
            /** @enum {string} */
            kind: "cross_region_travel" | "startup" | "skills_training";
            label: string;
            /** @enum {string} */
            basis: "per_person" | "per_household";
            /**
             * Format: date
             * @description the date whose standard the claim used
             */
            basis_on: string;
            persons: number;
            standard_fen: number;
            raise_bp: number;
            unit_fen: number;
            /** @description unit_fen × persons (per person) or unit_fen (per household) */
            amount_fen: number;
            /** @enum {string} */
            state: "computed" | "paid";
            /** Format: date */
            paid_on: string | null;
            paid_fen: number;
            /** @enum {string} */
            method: "" | "bank" | "cash" | "other";
            created_by: string;
            created_at: string;
            paid_by: string;
        };
        RelocationSummary: {
            region_code: string;
            region_name: string;
            /** Format: date */
            from: string | null;
            /** Format: date */
            to: string | null;
            /** @description households moved in within the period */
            households: number;
            /** @description their members */
            persons: number;
            /** @description claims whose basis date lies in the period */
            claims: number;
            computed_fen: number;
            /** @description claims paid within the period */
            paid_claims: number;
            paid_fen: number;
            children?: components["schemas"]["RelocationSummary"][];
        };
        ReliefWorker: {
            id: number;
            project_code: string;
            region_code: string;
            name: string;
            /** @description masked (5401**********1234) unless unmasked=true by a role that may */
            id_number: string;
            phone: string;
            /** @enum {string} */
            household_status: "lifted" | "monitored" | "ordinary";
            relocated: boolean;
            village: string;
            team: string;
            masked: boolean;
        };
        ImportReport: {
            /** @enum {string} */
            kind: "regions" | "projects" | "ledger" | "contracts" | "progress" | "benchmarks" | "assets" | "workers" | "wages" | "factors";
            rows: number;
            inserted: number;
            updated: number;
            /** @description rows already stored exactly so (a repeated batch) */
            unchanged: number;
            /**
             * @description The text encoding the uploaded file was read in (file imports only, absent for a JSON batch): a CSV that is valid UTF-8 (with or without BOM) is UTF-8, else it is decoded as GB18030 (GBK), as Excel and WPS save CSV on Chinese Windows; an XLSX is always UTF-8. A CSV that is neither is refused with 400 `invalid_argument` and one detail of code `invalid_encoding` naming the row and column of the first byte that could not be read.
             * @enum {string}
             */
            encoding?: "UTF-8" | "GB18030";
            /** @description XLSX formula cells imported by their cached value (what Excel, WPS or LibreOffice last calculated), in the rows read (a skipped 合计 row does not count); present only when there were any. A formula without a cached value is refused (`formula_cell`, with sheet, row and column), and so is every formula with `strict_formulas=true`. */
            formula_cells_total?: number;
            /** @description the first 100 of those cells, in file order (present with formula_cells_total) */
            formula_cells?: {
                /** @example 台账 */
                sheet: string;
                /** @example 4 */
                row: number;
                /**
                 * @description column letters
                 * @example H
                 */
                column: string;
                /**
                 * @description the formula as stored in the file, without "=" (at most 200 bytes); empty for a copy of a shared formula
                 * @example SUM(H3:H9)
                 */
                formula?: string;
                /**
                 * @description the cached value that was imported, as read
                 * @example 1250.5
                 */
                value?: string;
            }[];
        };
        /** @enum {string} */
        ProjectState: "draft" | "submitted" | "township_reviewed" | "county_reviewed" | "in_library" | "planned" | "approved" | "started" | "finished" | "accepted" | "handed_over" | "rejected" | "rolled_over" | "cancelled";
        /** @description the columns of a project row */
        ProjectFields: {
            project_code: string;
            name: string;
            year: number;
            region_code: string;
            region_name: string;
            category: string;
            status: components["schemas"]["ProjectState"];
            /** @example 已入库 */
            status_label: string;
            central_fund_fen: number;
            total_investment_fen: number;
            responsible_person: string;
        };
        /** @description a row of the project list */
        ProjectSummary: components["schemas"]["ProjectFields"];
        ProjectPage: {
            items: components["schemas"]["ProjectSummary"][];
            total: number;
            page: number;
            page_size: number;
        };
        /**
         * @description a lifecycle step (流程动作) of docs/definitions.md
         * @enum {string}
         */
        ProjectStep: "submit" | "township_approve" | "county_review" | "admit" | "plan" | "arrange_funds" | "start" | "finish" | "accept" | "hand_over" | "reject" | "revise" | "roll_over" | "cancel";
        ProjectAction: {
            action: components["schemas"]["ProjectStep"];
            label: string;
            reason_required: boolean;
            /**
             * @description What still blocks the step today, by the same guards the step runs (empty = it may be taken):
             *     the pre-procedures of arrange_funds, the joint-review sign-offs, posting and objections of admit,
             *     the ledger entries of roll_over. Not evaluated here: the compliance review county_review itself
             *     runs, the caller's role and the step's reason and date.
             */
            blockers: components["schemas"]["TransitionBlocker"][];
        };
        TransitionBlocker: {
            /**
             * @description procedures — pre-procedures incomplete; signoffs — joint review not complete; posting — not posted or the posting period not ended; objections — an objection of the posting is unresolved; ledger — money is booked on the project
             * @enum {string}
             */
            kind: "procedures" | "signoffs" | "posting" | "objections" | "ledger";
            /** @description Chinese; names what is missing (departments, the posting's end date, the objections) */
            message: string;
        };
        ProjectTransition: {
            /** @description the step taken, or carry_over on next year's copy a roll_over creates */
            action: components["schemas"]["ProjectStep"] | "carry_over";
            from: components["schemas"]["ProjectState"];
            to: components["schemas"]["ProjectState"];
            actor: string;
            at: string;
            /** Format: date */
            date: string;
            reason: string;
        };
        /** @enum {string} */
        ProcedureKind: "land" | "environment" | "feasibility" | "tender_or_work_relief";
        ProjectProcedure: {
            kind: components["schemas"]["ProcedureKind"];
            label: string;
            complete: boolean;
            /** @description 批复文号 */
            document_ref: string;
        };
        ProjectLedgerEntry: {
            entry_id: string;
            /** Format: date */
            date: string;
            kind: components["schemas"]["LedgerKind"];
            fund_source: components["schemas"]["FundSource"];
            fund_year: number;
            amount_fen: number;
            payee: string;
            /** @enum {string} */
            payee_type: "enterprise" | "individual" | "collective" | "gov_account" | "";
            reverses: string;
        };
        Milestone: {
            name: string;
            duration_days: number;
            /** Format: date */
            planned: string | null;
            /** Format: date */
            actual: string | null;
        };
        PerformanceTarget: {
            /** @enum {string} */
            kind: "output" | "benefit" | "satisfaction";
            name: string;
            target: string;
        };
        FundShare: {
            source: components["schemas"]["FundSource"];
            amount_fen: number;
        };
        /** @description the county's library sheet (项目库填报内容); in a request every field is optional */
        ProjectSheet: {
            /** @description investment by fund source; adds up to total_investment_fen when given */
            funds: components["schemas"]["FundShare"][];
            /** @description 实施单位 */
            implementing_unit: string;
            /** @description 建设内容及规模 */
            construction_content: string;
            /** @description 资金用途 (checked against the negative list) */
            fund_uses: string;
            /** @description 联农带农机制 */
            benefit_mechanism: string;
            /** @description 带动脱贫户 */
            households_exited: number;
            /** @description 带动监测户 */
            households_monitored: number;
            targets: components["schemas"]["PerformanceTarget"][];
            milestones: components["schemas"]["Milestone"][];
            /** @description 任务书 */
            task_book: string;
            /** @description 路线图 */
            roadmap: string;
            /** @description 责任人联系方式 */
            responsible_contact: string;
            /** @enum {string} */
            procurement: "undecided" | "tender" | "work_relief" | "direct";
            work_relief_considered: boolean;
            work_relief_note: string;
            /** @description the 一村一策 plan implemented (0 = none) */
            village_plan_id: number;
        };
        ComplianceFinding: {
            /** @enum {string} */
            rule: "negative_list" | "category_not_in_catalogue" | "tender_required" | "work_relief_not_considered" | "industry_share_below_minimum";
            /** @description the negative-list item or category concerned */
            ref_code: string;
            /** @description false only for the county-level industry share */
            blocking: boolean;
            message: string;
        };
        ComplianceReview: {
            /** Format: date */
            on: string;
            actor: string;
            at: string;
            passed: boolean;
            findings: components["schemas"]["ComplianceFinding"][];
        };
        ComplianceCheck: {
            /** Format: date */
            on: string;
            passed: boolean;
            findings: components["schemas"]["ComplianceFinding"][];
            county_plan: {
                industry_fen: number;
                total_fen: number;
            };
        };
        Signoff: {
            department: string;
            /** @enum {string} */
            decision: "approve" | "return";
            comment: string;
            actor: string;
            at: string;
        };
        JointReview: {
            complete: boolean;
            required: string[];
            approved: string[];
            returned: string[];
            pending: string[];
            signoffs: components["schemas"]["Signoff"][];
        };
        /** @description the fields every posting carries */
        PostingFields: {
            id: number;
            project_code: string;
            region_code: string;
            /** @example admit */
            stage: string;
            place: string;
            /** Format: date */
            start: string;
            /**
             * Format: date
             * @description the last day (inclusive)
             */
            end: string;
            /** @example 12317 */
            hotline: string;
            project_name: string;
            region_name: string;
            construction_content: string;
            total_investment_fen: number;
            central_fund_fen: number;
            implementing_unit: string;
            benefit_mechanism: string;
            households_linked: number;
            responsible_person: string;
            created_at: string;
        };
        /** @description a posting (公告公示) as its creator sees it */
        Posting: {
            created_by: string;
        } & components["schemas"]["PostingFields"];
        /** @description a posting in the project detail, with its objections */
        ProjectPosting: {
            created_by: string;
            objections: components["schemas"]["Objection"][];
        } & components["schemas"]["PostingFields"];
        /** @description a posting as the public sees it (without who entered it) */
        PublicPosting: {
            /** @description today lies within start..end */
            active: boolean;
            /** @description the region of the project and the regions above it, top first (a village is shown with its township and county) */
            region_path: components["schemas"]["RegionPathStep"][];
        } & components["schemas"]["PostingFields"];
        Objection: {
            id: number;
            posting_id: number;
            project_code: string;
            /** Format: date */
            received_on: string;
            text: string;
            resolved: boolean;
            resolution: string;
            /** Format: date */
            resolved_on: string | null;
        };
        /** @description the fields of a village plan */
        VillagePlanFields: {
            id: number;
            village_code: string;
            year: number;
            title: string;
            goals: string;
            updated_at: string;
        };
        /** @description a village plan (一村一策) */
        VillagePlan: components["schemas"]["VillagePlanFields"];
        VillagePlanInput: {
            /** @description 0 or absent to create */
            id?: number;
            village_code: string;
            year?: number;
            title: string;
            goals?: string;
        };
        /** @description a village plan in the list, with its projects */
        VillagePlanRow: {
            village_name: string;
            project_codes: string[];
            has_projects: boolean;
        } & components["schemas"]["VillagePlanFields"];
        /** @description a project with its version, the steps the caller may take, its history, pre-procedures, ledger and library records */
        ProjectDetail: {
            subcategory: string;
            other_fund_fen: number;
            /** Format: date */
            planned_start: string | null;
            /** Format: date */
            planned_finish: string | null;
            /** Format: date */
            actual_start: string | null;
            /** Format: date */
            actual_finish: string | null;
            gov_infrastructure: boolean;
            low_skill: boolean;
            work_relief: boolean;
            /** @description send it back with an edit or a step (optimistic concurrency) */
            version: number;
            allowed_actions: components["schemas"]["ProjectAction"][];
            transitions: components["schemas"]["ProjectTransition"][];
            procedures: components["schemas"]["ProjectProcedure"][];
            ledger: components["schemas"]["ProjectLedgerEntry"][];
            sheet: components["schemas"]["ProjectSheet"];
            compliance: components["schemas"]["ComplianceReview"] | null;
            joint_review: components["schemas"]["JointReview"];
            postings: components["schemas"]["ProjectPosting"][];
            village_plan: components["schemas"]["VillagePlan"] | null;
            /** @description signed construction contracts (超进度拨款 input), in the order recorded */
            contracts?: {
                contract_no: string;
                amount_fen: number;
                /** Format: date */
                signed_on: string;
                /** @description the contract's own advance rate (%); null = the policy's advance_cap_bp */
                advance_rate: number | null;
            }[];
            /** @description physical-progress reports, in the order recorded */
            progress?: {
                /** Format: date */
                date: string;
                /** @description percent */
                progress: number;
                note: string;
            }[];
            /** @description today's 超进度拨款 check; null without a contract */
            pay_ahead?: null | {
                contract_fen: number;
                advance_fen: number;
                progress: number;
                paid_fen: number;
                cap_fen: number;
                excess_fen: number;
                /** @description the cap still holds back the retention (defects-liability period not ended) */
                retention_held: boolean;
            };
        } & components["schemas"]["ProjectFields"];
        /** @description create (region_code required) or edit (version required; code, region, state and actual dates are kept). Refused with 400 central_exceeds_total when central_fund_fen exceeds total_investment_fen, unknown_village_plan when sheet.village_plan_id names no 一村一策 plan, village_plan_elsewhere when the plan's village is not the project's region nor lies in it (docs/definitions.md §19) */
        ProjectInput: {
            /** @description empty on create: numbered by the 项目编码规则 in force (GET /api/v1/library/code-format, docs/definitions.md §19) */
            project_code?: string;
            name?: string;
            year?: number;
            region_code?: string;
            category?: string;
            subcategory?: string;
            total_investment_fen?: number;
            central_fund_fen?: number;
            other_fund_fen?: number;
            /** Format: date */
            planned_start?: string | null;
            /** Format: date */
            planned_finish?: string | null;
            responsible_person?: string;
            gov_infrastructure?: boolean;
            low_skill?: boolean;
            work_relief?: boolean;
            version?: number;
            sheet?: components["schemas"]["ProjectSheetInput"];
        };
        /** @description the library sheet in a request; every field optional */
        ProjectSheetInput: {
            funds?: components["schemas"]["FundShare"][];
            implementing_unit?: string;
            construction_content?: string;
            fund_uses?: string;
            benefit_mechanism?: string;
            households_exited?: number;
            households_monitored?: number;
            targets?: components["schemas"]["PerformanceTarget"][];
            milestones?: components["schemas"]["MilestoneInput"][];
            task_book?: string;
            roadmap?: string;
            responsible_contact?: string;
            /** @enum {string} */
            procurement?: "undecided" | "tender" | "work_relief" | "direct";
            work_relief_considered?: boolean;
            work_relief_note?: string;
            /** @description a plan of the project's village (GET /api/v1/library/village-plans?region=), 0 = none */
            village_plan_id?: number;
        };
        MilestoneInput: {
            name: string;
            duration_days?: number;
            /** Format: date */
            planned?: string | null;
            /** Format: date */
            actual?: string | null;
        };
        BatchItem: {
            project_code: string;
            ok: boolean;
            state: components["schemas"]["ProjectState"];
            /** @description why the step was refused for this project (absent when ok) */
            error?: {
                code: components["schemas"]["ErrorCode"];
                message: string;
                details?: components["schemas"]["FieldError"][];
            };
        };
        BatchResult: {
            items: components["schemas"]["BatchItem"][];
            succeeded: number;
            failed: number;
        };
        ReviewDepartments: {
            county_code: string;
            /** @description a project-type code, or * for every category */
            category_code: string;
            departments: string[];
        };
        ReferenceItem: {
            /** @enum {string} */
            kind: "guideline" | "negative" | "project_code_rule";
            code: string;
            /** Format: date */
            effective_from: string;
            /** @description this version withdraws the item from its date */
            retired: boolean;
            /** @description the issuing department of a guideline (13 departments) */
            department: string;
            /** @description the project-type code a guideline covers */
            category_code: string;
            text: string;
            /** @description words that reveal a use on the negative list */
            keywords: string[];
            source: string;
        };
        /** @description the 项目编码规则 in force and the format it gives a project of one region and year (docs/definitions.md §19) */
        CodeFormat: {
            /** @example XZ{year}{county}{seq:4} */
            rule: string;
            /**
             * @description the rule with the county and year filled in, the sequence as # signs
             * @example XZ2024540102####
             */
            pattern: string;
            /** @description the county the region lies in (the region itself above county level) */
            county_code: string;
            year: number;
            /** @description the date the rule took effect; empty for the built-in default */
            effective_from: string;
        };
        /** @description a project_code_rule has code project_code and the rule as its text (XZ{year}{county}{seq:4}); it cannot be retired; a malformed rule is refused with 400 bad_code_rule (docs/definitions.md §19) */
        ReferenceItemInput: {
            /** @enum {string} */
            kind: "guideline" | "negative" | "project_code_rule";
            code: string;
            /** Format: date */
            effective_from: string;
            retired?: boolean;
            department?: string;
            category_code?: string;
            text?: string;
            keywords?: string[];
            source?: string;
        };
        PolicyValue: {
            /** @example posting_days */
            key: string;
            value: number;
            /** Format: date */
            effective_from: string;
            note?: string;
            /** @description the region owning the value (incentive_top_n, incentive_bottom_n, incentive_amount_fen of an incentive scheme; construction_season_start_month, construction_season_end_month of a construction season); empty = everywhere */
            region_code?: string;
        };
        OverdueReport: {
            /** Format: date */
            as_of: string;
            milestones: {
                project_code: string;
                project_name: string;
                region_code: string;
                region_name: string;
                responsible_person: string;
                milestone: components["schemas"]["Milestone"];
                days_overdue: number;
            }[];
            late_starts: {
                project_code: string;
                project_name: string;
                region_code: string;
                region_name: string;
                responsible_person: string;
                status: components["schemas"]["ProjectState"];
                /** Format: date */
                planned_start: string;
                days_late: number;
            }[];
        };
        /** @description an import job (导入任务); visible to its submitter and to admins only; kept in the store (the last 50 finished jobs), so any server of the database answers it */
        ImportJob: {
            /** @description 16 hex digits */
            job_id: string;
            /** @enum {string} */
            kind: "regions" | "projects" | "ledger" | "contracts" | "progress" | "benchmarks" | "assets" | "workers" | "wages" | "factors";
            /**
             * @description cancelled: the server running it stopped (SIGTERM, or a crash found at its restart or once its heartbeat lapsed); nothing of it was written
             * @enum {string}
             */
            state: "queued" | "running" | "succeeded" | "failed" | "cancelled";
            /**
             * @description reading: rows being read (rows_read grows); writing: checked and written in one transaction
             * @enum {string}
             */
            phase: "queued" | "reading" | "writing" | "done";
            file_name: string;
            /** @enum {string} */
            format: "csv" | "xlsx";
            /** @description the username of the submitter */
            owner: string;
            /** @description data rows read so far */
            rows_read: number;
            /** @description rows expected (the XLSX declared dimension or the CSV line count, less the header); 0 when unknown; equals rows_read once succeeded */
            rows_total: number;
            created_at: string;
            started_at: string | null;
            finished_at: string | null;
            /** @description the counts once succeeded */
            report: components["schemas"]["ImportReport"] | null;
            /** @description why the job failed or was cancelled (code `cancelled`); null otherwise */
            error: null | {
                code: components["schemas"]["ErrorCode"];
                message: string;
            };
            /** @description the row-level errors of a failed job (the first 1,000; the error workbook has up to 10,000) */
            errors: components["schemas"]["FieldError"][];
            errors_total: number;
            /** @description when failed with row errors: GET it for the error workbook (.xlsx) */
            errors_url?: string;
        };
        /** @description a job in the list (without its errors) */
        ImportJobSummary: {
            job_id: string;
            /** @enum {string} */
            kind: "regions" | "projects" | "ledger" | "contracts" | "progress" | "benchmarks" | "assets" | "workers" | "wages" | "factors";
            /** @enum {string} */
            state: "queued" | "running" | "succeeded" | "failed" | "cancelled";
            /** @enum {string} */
            phase: "queued" | "reading" | "writing" | "done";
            file_name: string;
            /** @enum {string} */
            format: "csv" | "xlsx";
            owner: string;
            rows_read: number;
            rows_total: number;
            created_at: string;
            started_at: string | null;
            finished_at: string | null;
            report: components["schemas"]["ImportReport"] | null;
            error: null | {
                code: components["schemas"]["ErrorCode"];
                message: string;
            };
            errors_total: number;
            errors_url?: string;
        };
        /** @enum {string} */
        Role: "admin" | "region_officer" | "prefecture_officer" | "county_officer" | "township_officer" | "finance_officer" | "supervisor" | "leader" | "auditor" | "system";
        User: {
            id: number;
            username: string;
            role: components["schemas"]["Role"];
            /** @example 财政人员 */
            role_label: string;
            region_code: string;
            region_name: string;
            disabled: boolean;
            created_at: string;
            /** @description the department (部门) it signs off for in the joint review (联审联批); empty for none */
            department?: string;
        };
        Session: {
            user: components["schemas"]["User"];
            username: string;
            role: components["schemas"]["Role"];
            region_code: string;
            /** @description send it as X-CSRF-Token on every state-changing request */
            csrf_token: string;
        };
        /** @description an API token of a service account as administrators see it — never the secret */
        ApiToken: {
            id: number;
            /**
             * @description the service account; the actor of everything done with the token
             * @example lhasa-finance-sync
             */
            name: string;
            role: components["schemas"]["Role"];
            role_label: string;
            region_code: string;
            region_name: string;
            /** @description addresses or CIDR blocks it may be used from; empty = any */
            allowed_ips: string[];
            /**
             * @description the token's first characters, to recognise it
             * @example xjt_3f9a
             */
            prefix: string;
            created_by: string;
            created_at: string;
            expires_at: string;
            revoked_at: string | null;
            last_used_at: string | null;
            /** @enum {string} */
            state: "active" | "expired" | "revoked";
        };
        NewApiToken: {
            /** @description the service account (not a username) */
            name: string;
            /**
             * @description any role but admin — the same checks as a person of this role
             * @example finance_officer
             */
            role: string;
            /** @description the home region; its level must suit the role */
            region_code: string;
            /**
             * @description YYYY-MM-DD (through that day, UTC) or a UTC timestamp; default 90 days, at most 366
             * @example 2025-06-30
             */
            expires_at?: string;
            /**
             * @description addresses or CIDR blocks the token may be used from
             * @example [
             *       "10.8.0.0/16"
             *     ]
             */
            allowed_ips?: string[];
        };
        /** @description the new token — the only time its secret is shown */
        ApiTokenGrant: {
            id: number;
            /**
             * @description send it as Authorization: Bearer <token>; stored only as its SHA-256
             * @example xjt_3f9a0c…
             */
            token: string;
            expires_at: string;
        };
        AuditRecord: {
            seq: number;
            at: string;
            /** @description the username, or the service account of an API token */
            actor: string;
            actor_role: string;
            address: string;
            /** @example ledger.append */
            action: string;
            entity_type: string;
            entity_id: string;
            region_code: string;
            /** @description the record before the change (any JSON value), or null */
            before: unknown;
            /** @description the record after the change (any JSON value), or null */
            after: unknown;
            prev_hash: string;
            hash: string;
        };
        AuditPage: {
            items: components["schemas"]["AuditRecord"][];
            total: number;
            page: number;
            page_size: number;
        };
        Health: {
            /** @enum {string} */
            status: "ok";
            /** @enum {string} */
            backend: "sqlite" | "postgresql";
            schema_version: number;
        };
        BaobaoAssignment: components["schemas"]["BaobaoAssignmentFields"];
        /** @description A 包保 assignment: a regional leader on a county, a prefecture or county leader on a key township (docs/definitions.md §7) */
        BaobaoAssignmentFields: {
            id: number;
            region_code: string;
            region_name: string;
            region_level: components["schemas"]["RegionLevel"];
            leader_name: string;
            /** @description 职务 */
            post: string;
            /**
             * @description the leader's level
             * @enum {string}
             */
            level: "region" | "prefecture" | "county";
            /** @description the leader's account: its 我包保的 lists the unit */
            username: string | null;
            /** Format: date */
            period_from: string;
            /**
             * Format: date
             * @description inclusive
             */
            period_to: string;
            created_by: string;
            created_at: string;
        };
        /** @description 全覆盖 on as_of: counties with a regional leader, key townships with a prefecture or county leader */
        BaobaoCoverage: {
            /** Format: date */
            as_of: string;
            counties_total: number;
            counties_covered: number;
            key_townships_total: number;
            key_townships_covered: number;
            uncovered: {
                region_code: string;
                name: string;
                level: components["schemas"]["RegionLevel"];
            }[];
        };
        /** @description One unit of 我包保的: the assignment, the unit's figures (central funds, fund year of as_of), its place in the one ranking of its level, overdue milestones, late starts and open reminders */
        MyUnit: {
            figures: components["schemas"]["Indicators"];
            rank: number | null;
            rank_size: number;
            overdue_milestones: number;
            late_starts: number;
            open_reminders: number;
        } & components["schemas"]["BaobaoAssignmentFields"];
        DispatchFiling: {
            region_code: string;
            /** @description 滞后原因说明 */
            explanation: string;
            /** @description 下月计划 */
            next_plan: string;
            filed_by: string;
            filed_at: string;
        };
        DispatchCycleFields: {
            region_code: string;
            /** @example 2023-06 */
            month: string;
            /**
             * Format: date
             * @description the snapshot's as-of date (the month's last day unless the policy dispatch_cutoff_day sets another)
             */
            cutoff: string;
            /**
             * Format: date
             * @description units file by this day (cut-off + dispatch_filing_days)
             */
            deadline: string;
            /**
             * @description reviewed once every reviewer has reviewed; closed by the dispatching region
             * @enum {string}
             */
            status: "open" | "reviewed" | "closed";
            /** @description the highest ledger seq the engine had applied when the snapshot was taken */
            watermark: number;
            opened_by: string;
            opened_at: string;
            closed_by: string | null;
            closed_at: string | null;
            /** @description the units that review: the prefectures of a region's dispatch, the prefecture itself for its own */
            reviewers: string[];
            reviews: {
                region_code: string;
                reviewed_by: string;
                reviewed_at: string;
            }[];
            /** @description a caller below the dispatching region sees its own subtree's only */
            filings: components["schemas"]["DispatchFiling"][];
        };
        DispatchCycle: components["schemas"]["DispatchCycleFields"];
        DispatchRow: {
            region_code: string;
            region_name: string;
            region_level: components["schemas"]["RegionLevel"];
            /** @description place in the one ranking of its level (its incentive scheme) at the cut-off; null without a figure */
            rank: number | null;
            rank_size: number;
            figures: components["schemas"]["Indicators"];
            live: components["schemas"]["Indicators"];
            /** @description last month's snapshot row of the unit; null when there was no dispatch */
            previous: null | {
                expend_progress: components["schemas"]["Percent"];
                start_rate: components["schemas"]["Percent"];
                rank: number | null;
            };
            /** @description points against last month's snapshot */
            expend_progress_mom_pts: number | null;
            start_rate_mom_pts: number | null;
        };
        DispatchView: {
            rows: components["schemas"]["DispatchRow"][];
        } & components["schemas"]["DispatchCycleFields"];
        /**
         * @description 提醒谈话, 约谈, 问责建议
         * @enum {string}
         */
        InterviewGrade: "reminder_talk" | "interview" | "accountability";
        InterviewList: {
            region_code: string;
            month: string;
            /** @description a quarter-end month (03, 06, 09, 12): the behind-time rule applies */
            quarter_end: boolean;
            /** @description the policy interview_bottom_n at the cut-off */
            bottom_n: number;
            /** @description the policy interview_behind_time_bp at the cut-off, in points */
            behind_time_pts: number;
            items: {
                region_code: string;
                region_name: string;
                rank: number | null;
                rank_size: number;
                expend_progress: components["schemas"]["Percent"];
                time_progress: components["schemas"]["Percent"];
                /** @description time progress minus expenditure progress at the cut-off */
                behind_time_pts: number | null;
                reasons: ("bottom_n" | "behind_time_at_quarter_end")[];
                /** @description consecutive monthly dispatches of the region, ending with this one, in which the county qualified */
                streak: number;
                grade: components["schemas"]["InterviewGrade"];
            }[];
        };
        /** @description A recorded interview (约谈记录, docs/definitions.md §7) */
        Interview: {
            id: number;
            region_code: string;
            region_name: string;
            dispatch_region: string;
            month: string;
            grade: components["schemas"]["InterviewGrade"];
            /** Format: date */
            date: string;
            interviewer: string;
            interviewees: string[];
            attendees: string[];
            commitments: {
                index: number;
                text: string;
                /** Format: date */
                deadline: string;
                /** @enum {string} */
                status: "open" | "closed";
                closed_by: string | null;
                closed_at: string | null;
                note: string | null;
            }[];
            /**
             * @description closed once every commitment is closed
             * @enum {string}
             */
            status: "open" | "closed";
            created_by: string;
            created_at: string;
            /** @description the county in the next month's dispatch of the same region; null until it is opened */
            followup: null | {
                month: string;
                expend_progress_before: components["schemas"]["Percent"];
                expend_progress_after: components["schemas"]["Percent"];
                change_pts: number | null;
                /** @description the expenditure progress rose; null without both figures */
                improved: boolean | null;
            };
        };
        /** @description A weekly point-to-point reminder (点对点提醒, docs/definitions.md §7) */
        Reminder: {
            id: number;
            /** @example 2023-W27 */
            week: string;
            /** @enum {string} */
            kind: "county_behind_time" | "project_not_started" | "milestone_overdue" | "flag_unresolved" | "late_allocation" | "late_distribution";
            target_region_code: string;
            target_region_name: string;
            project_code: string | null;
            /** @description the milestone's name, or the flag as kind:subject */
            subject: string | null;
            recipient: {
                /** @enum {string} */
                kind: "unit" | "leader" | "person";
                name: string;
                region_code: string;
            };
            triggered_by: {
                /** @description expend_progress_behind_time_pts (percentage points), days_since_planned_start, days_since_season_opening (a start planned outside the construction season), days_overdue, disburse_as_expend_fen or pay_ahead_of_progress_fen, days_to_allocation or days_to_distribution (threshold: the limit in days) */
                metric: string;
                value: number;
                threshold: number;
            };
            /** @enum {string} */
            status: "unread" | "acknowledged";
            acknowledged_by: string | null;
            acknowledged_at: string | null;
            reply: string | null;
            created_at: string;
            deliveries: {
                channel: string;
                /** @enum {string} */
                status: "pending" | "sent" | "failed";
                at: string | null;
            }[];
        };
    };
    responses: {
        /** @description invalid_argument — a malformed body or parameter, an unknown or repeated what-if key; or the allocation by factors refuses (docs/definitions.md §10): pool_not_whole_wan (the pool is not a positive whole number of 万元), factors_missing (counties without factors of year − 1, named in the message), invalid_weight (a parameter outside 0–10000 or every weight 0), invalid_factor, no_counties, no_factors (every index 0), adjustments_exceed_pool (settled incentives net of deductions above the pool), floor_cap_infeasible */
        AllocationRefused: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "error": {
                 *         "code": "pool_not_whole_wan",
                 *         "message": "分配资金总额须为整万元：1,000,000.01 元"
                 *       }
                 *     }
                 */
                "application/json": {
                    error: {
                        /** @enum {unknown} */
                        code?: "invalid_argument" | "invalid_format" | "pool_not_whole_wan" | "factors_missing" | "invalid_weight" | "invalid_factor" | "no_counties" | "no_factors" | "adjustments_exceed_pool" | "floor_cap_infeasible";
                    } & components["schemas"]["ErrorDetail"];
                };
            };
        };
        /** @description invalid_argument and: missing_field, bad_year, bad_points, not_a_county, unknown_item, engine_item (scored by the engine), score_out_of_range, missing_evidence, missing_reason (an adjustment or a return without a reason), unknown_step */
        EvaluationBadRequest: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "error": {
                 *         "code": "missing_evidence",
                 *         "message": "评分项 A2（资金分配合理性）须填写佐证材料说明"
                 *       }
                 *     }
                 */
                "application/json": {
                    error: {
                        /** @enum {unknown} */
                        code?: "invalid_argument" | "missing_field" | "bad_year" | "bad_points" | "not_a_county" | "unknown_item" | "engine_item" | "score_out_of_range" | "missing_evidence" | "missing_reason" | "unknown_step" | "value_out_of_range" | "text_too_long" | "invalid_code";
                    } & components["schemas"]["ErrorDetail"];
                };
            };
        };
        /** @description permission_denied / csrf_failed as for writes; wrong_level — the step belongs to another level (review and its return to a prefecture officer, finalize and its return to a region officer) */
        EvaluationForbidden: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "error": {
                 *         "code": "wrong_level",
                 *         "message": "审定须由省级业务人员办理"
                 *       }
                 *     }
                 */
                "application/json": {
                    error: {
                        /** @enum {unknown} */
                        code?: "permission_denied" | "csrf_failed" | "wrong_level";
                    } & components["schemas"]["ErrorDetail"];
                };
            };
        };
        /** @description wrong_step — the status does not allow it; evaluation_final — final evaluations never change; unscored_items — submit with an item unscored; stale_version; evaluation_exists — the county has one for the year */
        EvaluationConflict: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "error": {
                 *         "code": "evaluation_final",
                 *         "message": "绩效评价已终审，不可更改"
                 *       }
                 *     }
                 */
                "application/json": {
                    error: {
                        /** @enum {unknown} */
                        code?: "wrong_step" | "evaluation_final" | "unscored_items" | "stale_version" | "evaluation_exists" | "conflict";
                    } & components["schemas"]["ErrorDetail"];
                };
            };
        };
        /** @description invalid_argument — a malformed parameter (`message` names it); invalid_format — `format` is neither xlsx nor csv. Nothing is written. */
        ExportBadRequest: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "error": {
                 *         "code": "invalid_format",
                 *         "message": "参数 format 应为 xlsx 或 csv"
                 *       }
                 *     }
                 */
                "application/json": {
                    error: {
                        /** @enum {unknown} */
                        code?: "invalid_argument" | "invalid_format" | "value_out_of_range" | "text_too_long" | "invalid_code";
                    } & components["schemas"]["ErrorDetail"];
                };
            };
        };
        /** @description invalid_argument — a malformed year or as_of (`message` names it); missing_field — no region */
        ForecastBadRequest: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "error": {
                 *         "code": "missing_field",
                 *         "message": "缺少参数 region"
                 *       }
                 *     }
                 */
                "application/json": {
                    error: {
                        /** @enum {unknown} */
                        code?: "invalid_argument" | "missing_field";
                    } & components["schemas"]["ErrorDetail"];
                };
            };
        };
        /** @description invalid_argument — a malformed body or parameter; `message` names the field, `details` lists every problem of a batch or file. When every problem is a broken input limit (docs/operations.md) the code names it instead — value_out_of_range, text_too_long or invalid_code. */
        BadRequest: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "error": {
                 *         "code": "invalid_argument",
                 *         "message": "参数 year 应为 2000 到 2100 之间的整数"
                 *       }
                 *     }
                 */
                "application/json": {
                    error: {
                        /** @enum {unknown} */
                        code?: "invalid_argument" | "value_out_of_range" | "text_too_long" | "invalid_code" | "weak_password";
                    } & components["schemas"]["ErrorDetail"];
                };
            };
        };
        /** @description invalid_argument — a malformed body; missing_field (no region_code on create); value_out_of_range, text_too_long, invalid_code (input limits); central_exceeds_total (中央资金 above 总投资), unknown_village_plan (sheet.village_plan_id names no plan), village_plan_elsewhere (a plan of a village outside the project's region), docs/definitions.md §19 */
        ProjectBadRequest: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "error": {
                 *         "code": "village_plan_elsewhere",
                 *         "message": "一村一策「12」属于其他村（540102001002），不能关联到本项目所在区划（540102001001）"
                 *       }
                 *     }
                 */
                "application/json": {
                    error: {
                        /** @enum {unknown} */
                        code?: "invalid_argument" | "missing_field" | "value_out_of_range" | "text_too_long" | "invalid_code" | "central_exceeds_total" | "unknown_village_plan" | "village_plan_elsewhere";
                    } & components["schemas"]["ErrorDetail"];
                };
            };
        };
        /** @description invalid_argument — a malformed body or an incomplete item; bad_code_rule — a project_code_rule whose text is not a valid rule (docs/definitions.md §19); missing_field — no region for the code format */
        ReferenceBadRequest: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "error": {
                 *         "code": "bad_code_rule",
                 *         "message": "项目编码规则有误：须有且只有一个顺序号字段 {seq:N}"
                 *       }
                 *     }
                 */
                "application/json": {
                    error: {
                        /** @enum {unknown} */
                        code?: "invalid_argument" | "missing_field" | "bad_code_rule";
                    } & components["schemas"]["ErrorDetail"];
                };
            };
        };
        /** @description invalid_argument — a malformed body or parameter; bad_visit (empty title or team, end before start, nothing covered), bad_finding (a finding without unit or description, or whose project lies outside its unit), bad_period (from after to), unknown_region, unknown_project, unknown_category, outside_visit_region (a place outside the sending region's subtree); for rectification unknown_status, unknown_action (an action the route does not take) and missing_field (a step without what it needs) */
        SupervisionBadRequest: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "error": {
                 *         "code": "outside_visit_region",
                 *         "message": "覆盖区划 540202 不在督导派出单位 540100 的辖区内"
                 *       }
                 *     }
                 */
                "application/json": {
                    error: {
                        /** @enum {unknown} */
                        code?: "invalid_argument" | "invalid_format" | "bad_visit" | "bad_finding" | "bad_period" | "unknown_region" | "unknown_project" | "unknown_category" | "outside_visit_region" | "unknown_status" | "unknown_action" | "missing_field";
                    } & components["schemas"]["ErrorDetail"];
                };
            };
        };
        /** @description invalid_argument — a malformed body or parameter; unsupported_kind (a flag kind an inquiry is not sent on), unknown_status, unknown_outcome, missing_field (a step without what it needs), invalid_amount (a negative amount, or amounts on a rejected determination) */
        InquiryBadRequest: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "error": {
                 *         "code": "missing_field",
                 *         "message": "认定须写明认定理由（reason）"
                 *       }
                 *     }
                 */
                "application/json": {
                    error: {
                        /** @enum {unknown} */
                        code?: "invalid_argument" | "unsupported_kind" | "unknown_status" | "unknown_outcome" | "missing_field" | "invalid_amount";
                    } & components["schemas"]["ErrorDetail"];
                };
            };
        };
        /** @description invalid_argument — a malformed body or parameter; not_a_village (a supervisor registered elsewhere than a village), bad_supervisor (empty or long name), bad_phone, bad_status (not active|inactive), bad_month (not YYYY-MM), future_month, bad_seed (not 1–16 hex digits), bad_level (drawing below county, or no region), not_sampled (a call to a supervisor outside the sample), bad_called_at (not a time, outside the month or in the future), unreached_outcome (an outcome on a call not reached), bad_note */
        SpotCheckBadRequest: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "error": {
                 *         "code": "not_sampled",
                 *         "message": "监督员 7 不在抽查 3 的样本中"
                 *       }
                 *     }
                 */
                "application/json": {
                    error: {
                        /** @enum {unknown} */
                        code?: "invalid_argument" | "value_out_of_range" | "text_too_long" | "invalid_code" | "not_a_village" | "bad_supervisor" | "bad_phone" | "bad_status" | "bad_month" | "future_month" | "bad_seed" | "bad_level" | "not_sampled" | "bad_called_at" | "unreached_outcome" | "bad_note";
                    } & components["schemas"]["ErrorDetail"];
                };
            };
        };
        /** @description duplicate_supervisor — the phone is already registered in the village; spot_check_exists — the region already drew the month (a draw is final) */
        SpotCheckConflict: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "error": {
                 *         "code": "spot_check_exists",
                 *         "message": "540100 已于 2026-11 抽签（抽查编号 3）"
                 *       }
                 *     }
                 */
                "application/json": {
                    error: {
                        /** @enum {unknown} */
                        code?: "duplicate_supervisor" | "spot_check_exists" | "already_exists" | "conflict";
                    } & components["schemas"]["ErrorDetail"];
                };
            };
        };
        /** @description invalid_argument — a malformed body; bad_inventory (empty name or period), unknown_region, unknown_outcome, explanation_required (a difference without 差异说明), value_required (value_changed without a new value, or a negative one), value_not_allowed (a new value with found or missing), unknown_action, note_required (returning without a reason), explanation_too_long, note_too_long */
        InventoryBadRequest: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "error": {
                 *         "code": "explanation_required",
                 *         "message": "盘点结果为“盘亏”时须写明差异说明"
                 *       }
                 *     }
                 */
                "application/json": {
                    error: {
                        /** @enum {unknown} */
                        code?: "invalid_argument" | "value_out_of_range" | "text_too_long" | "invalid_code" | "bad_inventory" | "unknown_region" | "unknown_outcome" | "explanation_required" | "value_required" | "value_not_allowed" | "unknown_action" | "note_required" | "explanation_too_long" | "note_too_long";
                    } & components["schemas"]["ErrorDetail"];
                };
            };
        };
        /** @description inventory_exists — the region already has a campaign for the period; campaign_closed — the campaign is closed; check_approved — an approved difference is final; not_pending — no difference awaits approval; inventory_incomplete — closing with assets unchecked or differences not approved; stale_version — another change came first */
        InventoryConflict: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "error": {
                 *         "code": "inventory_incomplete",
                 *         "message": "尚有 1 项资产未盘点、0 项差异未核准，不能结束"
                 *       }
                 *     }
                 */
                "application/json": {
                    error: {
                        /** @enum {unknown} */
                        code?: "inventory_exists" | "campaign_closed" | "check_approved" | "not_pending" | "inventory_incomplete" | "stale_version" | "already_exists" | "conflict";
                    } & components["schemas"]["ErrorDetail"];
                };
            };
        };
        /** @description permission_denied and csrf_failed as for other writes; same_user — the checker cannot approve or return their own difference */
        InventoryForbidden: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "error": {
                 *         "code": "same_user",
                 *         "message": "盘点人不能审核自己登记的差异"
                 *       }
                 *     }
                 */
                "application/json": {
                    error: {
                        /** @enum {unknown} */
                        code?: "permission_denied" | "csrf_failed" | "same_user";
                    } & components["schemas"]["ErrorDetail"];
                };
            };
        };
        /** @description not_found — no such campaign; unknown_asset — the asset is not in the campaign */
        InventoryNotFound: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "error": {
                 *         "code": "unknown_asset",
                 *         "message": "资产 ZC-1 不在清产核资工作 3 中"
                 *       }
                 *     }
                 */
                "application/json": {
                    error: {
                        /** @enum {unknown} */
                        code?: "not_found" | "unknown_asset";
                    } & components["schemas"]["ErrorDetail"];
                };
            };
        };
        /** @description invalid_argument — a malformed body or parameter; unknown_class, bad_label, bad_plan (empty or over 2000 bytes), not_operating (only 经营性 assets are classed and earn), zero_income, decision_required (a distribution without the village meeting's date and decision), text_too_long, bad_period */
        AssetPlanBadRequest: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "error": {
                 *         "code": "decision_required",
                 *         "message": "收益分配须记录村民会议的决议日期和决议内容"
                 *       }
                 *     }
                 */
                "application/json": {
                    error: {
                        /** @enum {unknown} */
                        code?: "invalid_argument" | "value_out_of_range" | "text_too_long" | "invalid_code" | "unknown_class" | "bad_label" | "bad_plan" | "not_operating" | "zero_income" | "decision_required" | "bad_period";
                    } & components["schemas"]["ErrorDetail"];
                };
            };
        };
        /** @description invalid_argument — a malformed body or parameter; empty_code, empty_name, bad_plan (persons below households or negative), bad_region_level (a site above county level), bad_kind, bad_status, bad_name, bad_id_number, bad_members (1–50), bad_date, bad_number, unknown_kind, bad_persons (1 to the members), before_move_in (a basis date before the move-in date), amount_mismatch (a payment differing from the computed amount), paid_before_basis, bad_method, bad_period, text_too_long */
        RelocationBadRequest: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "error": {
                 *         "code": "bad_persons",
                 *         "message": "享受人数应在 1 到该户人口 4 之间"
                 *       }
                 *     }
                 */
                "application/json": {
                    error: {
                        /** @enum {unknown} */
                        code?: "invalid_argument" | "value_out_of_range" | "text_too_long" | "invalid_code" | "empty_code" | "empty_name" | "bad_plan" | "bad_region_level" | "bad_kind" | "bad_status" | "bad_name" | "bad_id_number" | "bad_members" | "bad_date" | "bad_number" | "unknown_kind" | "bad_persons" | "before_move_in" | "amount_mismatch" | "paid_before_basis" | "bad_method" | "bad_period";
                    } & components["schemas"]["ErrorDetail"];
                };
            };
        };
        /** @description not_found — no such region; unknown_region, unknown_site, unknown_household, unknown_subsidy */
        RelocationNotFound: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "error": {
                 *         "code": "unknown_site",
                 *         "message": "安置点不存在：AZD-9"
                 *       }
                 *     }
                 */
                "application/json": {
                    error: {
                        /** @enum {unknown} */
                        code?: "not_found" | "unknown_region" | "unknown_site" | "unknown_household" | "unknown_subsidy";
                    } & components["schemas"]["ErrorDetail"];
                };
            };
        };
        /** @description duplicate_household — the head is already registered (anywhere); duplicate_claim — the household has a claim of the kind on the basis date; already_paid — the claim is paid; site_has_households — a site with households cannot move to another region */
        RelocationConflict: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "error": {
                 *         "code": "already_paid",
                 *         "message": "该补贴已于 2023-07-20 发放"
                 *       }
                 *     }
                 */
                "application/json": {
                    error: {
                        /** @enum {unknown} */
                        code?: "duplicate_household" | "duplicate_claim" | "already_paid" | "site_has_households" | "already_exists" | "conflict";
                    } & components["schemas"]["ErrorDetail"];
                };
            };
        };
        /** @description invalid_argument — a malformed body; weak_password — a new password the policy refuses (shorter than 10 characters, over 1024 bytes, not UTF-8, or the old one again); wrong_password — the old password does not match (counted by the login throttle) */
        BadPassword: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "error": {
                 *         "code": "wrong_password",
                 *         "message": "原密码不正确"
                 *       }
                 *     }
                 */
                "application/json": {
                    error: {
                        /** @enum {unknown} */
                        code?: "invalid_argument" | "weak_password" | "wrong_password";
                    } & components["schemas"]["ErrorDetail"];
                };
            };
        };
        /** @description own_account — an administrator may not disable their own account, change their own role or home region, or reset their own password (修改密码 checks the old one) */
        OwnAccount: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "error": {
                 *         "code": "own_account",
                 *         "message": "不能停用自己的账户"
                 *       }
                 *     }
                 */
                "application/json": {
                    error: {
                        /** @enum {unknown} */
                        code?: "own_account";
                    } & components["schemas"]["ErrorDetail"];
                };
            };
        };
        /** @description unauthenticated — no session cookie or bearer token, or an unknown, expired or revoked one */
        Unauthenticated: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "error": {
                 *         "code": "unauthenticated",
                 *         "message": "请先登录"
                 *       }
                 *     }
                 */
                "application/json": {
                    error: {
                        /** @enum {unknown} */
                        code?: "unauthenticated";
                    } & components["schemas"]["ErrorDetail"];
                };
            };
        };
        /** @description permission_denied — the role lacks this operation, the region lies outside the caller's subtree, or an API token is used from an address outside its allow-list */
        Forbidden: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "error": {
                 *         "code": "permission_denied",
                 *         "message": "区划 540000 超出数据范围"
                 *       }
                 *     }
                 */
                "application/json": {
                    error: {
                        /** @enum {unknown} */
                        code?: "permission_denied";
                    } & components["schemas"]["ErrorDetail"];
                };
            };
        };
        /** @description permission_denied as for reads; csrf_failed — a cookie session's state-changing request without its X-CSRF-Token (bearer tokens need none) */
        ForbiddenWrite: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "error": {
                 *         "code": "csrf_failed",
                 *         "message": "缺少或错误的 X-CSRF-Token 请求头"
                 *       }
                 *     }
                 */
                "application/json": {
                    error: {
                        /** @enum {unknown} */
                        code?: "permission_denied" | "csrf_failed";
                    } & components["schemas"]["ErrorDetail"];
                };
            };
        };
        /** @description not_found — no such record (or one the caller may not know of) */
        NotFound: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "error": {
                 *         "code": "not_found",
                 *         "message": "项目不存在：540102-2024-001"
                 *       }
                 *     }
                 */
                "application/json": {
                    error: {
                        /** @enum {unknown} */
                        code?: "not_found";
                    } & components["schemas"]["ErrorDetail"];
                };
            };
        };
        /** @description stale_version — another edit or step came first (reload and retry); conflict — the current state or a guard does not allow it (the message names what is missing) */
        ProjectConflict: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "error": {
                 *         "code": "stale_version",
                 *         "message": "项目已被他人修改（当前版本 3，请求版本 2），请刷新后重试"
                 *       }
                 *     }
                 */
                "application/json": {
                    error: {
                        /** @enum {unknown} */
                        code?: "conflict" | "stale_version";
                    } & components["schemas"]["ErrorDetail"];
                };
            };
        };
        /** @description conflict — a stale version or a step the current state does not allow; already_exists — the key is taken */
        Conflict: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "error": {
                 *         "code": "conflict",
                 *         "message": "项目已被他人修改，请刷新后重试"
                 *       }
                 *     }
                 */
                "application/json": {
                    error: {
                        /** @enum {unknown} */
                        code?: "conflict" | "already_exists";
                    } & components["schemas"]["ErrorDetail"];
                };
            };
        };
        /** @description conflict / already_exists as elsewhere; project_not_funded — every refused row is a 拨付/支出 on a project that never reached approved (资金已安排), or was cancelled or rejected before the entry's date (details per row) */
        LedgerConflict: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "error": {
                 *         "code": "project_not_funded",
                 *         "message": "项目尚未安排资金，不能拨付或支出"
                 *       }
                 *     }
                 */
                "application/json": {
                    error: {
                        /** @enum {unknown} */
                        code?: "conflict" | "already_exists" | "project_not_funded";
                    } & components["schemas"]["ErrorDetail"];
                };
            };
        };
        /** @description too_large — the body exceeds the limit (1 MiB; imports 256 MiB; the login 4 KiB); import_too_large — an imported file is past a reader's bound (cells per row, row bytes), `details` naming the row and column (docs/operations.md) */
        TooLarge: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "error": {
                 *         "code": "too_large",
                 *         "message": "请求体过大"
                 *       }
                 *     }
                 */
                "application/json": {
                    error: {
                        /** @enum {unknown} */
                        code?: "too_large" | "import_too_large";
                    } & components["schemas"]["ErrorDetail"];
                };
            };
        };
        /** @description unsupported_media_type — the body is not application/json */
        UnsupportedMediaType: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "error": {
                 *         "code": "unsupported_media_type",
                 *         "message": "请求体应为 application/json"
                 *       }
                 *     }
                 */
                "application/json": {
                    error: {
                        /** @enum {unknown} */
                        code?: "unsupported_media_type";
                    } & components["schemas"]["ErrorDetail"];
                };
            };
        };
        /** @description too_many_requests — an API token over its rate limit (see Retry-After), a throttled login, or an import job beyond the caller's 2 waiting jobs (or 64 of everyone) */
        TooManyRequests: {
            headers: {
                /** @description seconds to wait (API tokens) */
                "Retry-After"?: number;
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "error": {
                 *         "code": "too_many_requests",
                 *         "message": "请求过于频繁，请稍后再试"
                 *       }
                 *     }
                 */
                "application/json": {
                    error: {
                        /** @enum {unknown} */
                        code?: "too_many_requests";
                    } & components["schemas"]["ErrorDetail"];
                };
            };
        };
        /** @description the export (Content-Disposition attachment with a UTF-8 file name): XLSX, or with `format=csv` UTF-8 CSV with a BOM — the same title, units line, header, rows and 合计 row (docs/definitions.md §18) */
        Workbook: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": string;
                "text/csv": string;
            };
        };
        /** @description the project detail */
        ProjectDetail: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ProjectDetail"];
            };
        };
    };
    parameters: {
        /** @description the region code of the subtree (default the caller's home region) */
        region: string;
        /** @description xlsx (a table longer than a sheet continues on further sheets) or csv (UTF-8 with BOM); anything else is 400 invalid_format and nothing is written (docs/definitions.md §18) */
        exportFormat: "xlsx" | "csv";
        /** @description the region code of the subtree */
        regionRequired: string;
        /** @description fund year (default the as-of year) */
        year: number;
        /** @description the inclusive as-of date (default today) */
        as_of: string;
        /** @description central, provincial, prefecture, county, integrated or other */
        fund_source: string;
        page: number;
        page_size: number;
        /** @description the project code */
        code: string;
        /** @description the job id (16 hex digits) */
        jobId: string;
        /** @description shown in the job, and used with the Content-Type to tell XLSX from CSV */
        fileName: string;
        /** @description true (or 1) refuses every XLSX formula cell with `formula_cell`, even one with a cached value; by default a formula cell is imported by the value last calculated and listed in the report (`formula_cells`), and only a formula without a cached value is refused. Anything but true/false/1/0 is 400 invalid_argument. */
        strictFormulas: boolean;
    };
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    getHealth: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description the server answers — from memory (the schema version read at start), so a running import or a busy store never delays it; store failures show on the requests that need the store */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Health"];
                };
            };
            /** @description unavailable — the store's schema version could not be read at start */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getMetrics: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Prometheus text format 0.0.4 */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/plain": string;
                };
            };
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    getApiDocs: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description the page */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/html": string;
                };
            };
        };
    };
    getOpenApi: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description the document */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/yaml": string;
                };
            };
        };
    };
    getSession: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description the session */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Session"];
                };
            };
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
        };
    };
    signIn: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "username": "finance",
                 *       "password": "a-long-password"
                 *     }
                 */
                "application/json": {
                    username: string;
                    /** Format: password */
                    password: string;
                };
            };
        };
        responses: {
            /** @description signed in */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Session"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            413: components["responses"]["TooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    signOut: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description signed out */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Status"];
                };
            };
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["ForbiddenWrite"];
        };
    };
    changeOwnPassword: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "old_password": "a-long-password",
                 *       "new_password": "another-long-password"
                 *     }
                 */
                "application/json": {
                    /** Format: password */
                    old_password: string;
                    /** Format: password */
                    new_password: string;
                };
            };
        };
        responses: {
            /** @description changed */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Status"];
                };
            };
            400: components["responses"]["BadPassword"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["ForbiddenWrite"];
            413: components["responses"]["TooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    listRegions: {
        parameters: {
            query?: {
                /** @description the parent region code */
                parent?: string;
                /** @description name part, pinyin initials or code prefix; 1 to 20 characters after trimming */
                q?: string;
                /** @description every region of this level (not with q) */
                level?: components["schemas"]["RegionLevel"];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description the regions */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RegionList"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    getRegion: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description the region code */
                code: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description the region */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Region"];
                };
            };
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    getIndicators: {
        parameters: {
            query?: {
                /** @description the region code of the subtree (default the caller's home region) */
                region?: components["parameters"]["region"];
                /** @description fund year (default the as-of year) */
                year?: components["parameters"]["year"];
                /** @description the inclusive as-of date (default today) */
                as_of?: components["parameters"]["as_of"];
                /** @description central, provincial, prefecture, county, integrated or other */
                fund_source?: components["parameters"]["fund_source"];
                /** @description one row per direct child */
                by?: "children";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description one Indicators object, or `{items}` with by=children */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Indicators"] | components["schemas"]["IndicatorsList"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    getRankings: {
        parameters: {
            query?: {
                /** @description the region code of the subtree (default the caller's home region) */
                region?: components["parameters"]["region"];
                /** @description fund year (default the as-of year) */
                year?: components["parameters"]["year"];
                /** @description the inclusive as-of date (default today) */
                as_of?: components["parameters"]["as_of"];
                /** @description central, provincial, prefecture, county, integrated or other */
                fund_source?: components["parameters"]["fund_source"];
                level?: components["schemas"]["RegionLevel"];
                metric?: "expend_progress" | "assessed_progress";
                /** @description what-if override of the scheme's top N (policy default 10) */
                top?: number;
                /** @description what-if override of the scheme's bottom N (policy default 10) */
                bottom?: number;
                /** @description yuan; what-if override of the scheme's amount (policy default 20000000) */
                amount?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description the ranking */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RankList"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    getFlags: {
        parameters: {
            query?: {
                /** @description the region code of the subtree (default the caller's home region) */
                region?: components["parameters"]["region"];
                /** @description only entries of this fund year (project flags are not filtered) */
                year?: number;
                /** @description the inclusive as-of date (default today) */
                as_of?: components["parameters"]["as_of"];
                /** @description only entries of this fund source */
                fund_source?: string;
                kind?: components["schemas"]["FlagKind"];
                status?: components["schemas"]["FlagStatus"];
                page?: number;
                /** @description default every matching flag on one page */
                page_size?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description the flags */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Flags"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    getTimeliness: {
        parameters: {
            query?: {
                /** @description the region code of the subtree (default the caller's home region) */
                region?: components["parameters"]["region"];
                /** @description fund year (default the as-of year) */
                year?: components["parameters"]["year"];
                /** @description the inclusive as-of date (default today) */
                as_of?: components["parameters"]["as_of"];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description the report */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Timeliness"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    getForecast: {
        parameters: {
            query: {
                /** @description the region code of the subtree */
                region: components["parameters"]["regionRequired"];
                /** @description fund year (default the as-of year) */
                year?: components["parameters"]["year"];
                /** @description the inclusive as-of date (default today) */
                as_of?: components["parameters"]["as_of"];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description the forecast */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Forecast"];
                };
            };
            400: components["responses"]["ForecastBadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    getDashboard: {
        parameters: {
            query: {
                /** @description the region code of the subtree */
                region: components["parameters"]["regionRequired"];
                /** @description fund year (default the as-of year) */
                year?: components["parameters"]["year"];
                /** @description the inclusive as-of date (default today) */
                as_of?: components["parameters"]["as_of"];
            };
            header?: {
                /** @description the ETag of a copy held; 304 while it still holds */
                "If-None-Match"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description the wall chart */
            200: {
                headers: {
                    /** @description weak validator of the body */
                    ETag?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Dashboard"];
                };
            };
            /** @description not modified: the copy named by If-None-Match still holds (no body) */
            304: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            400: components["responses"]["ForecastBadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    recordFundReceipts: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "receipts": [
                 *         {
                 *           "receipt_id": "藏财农〔2023〕1号",
                 *           "region_code": "540100",
                 *           "fund_year": 2023,
                 *           "date": "2023-03-01",
                 *           "amount_fen": 10000000
                 *         }
                 *       ]
                 *     }
                 */
                "application/json": components["schemas"]["FundReceiptsRequest"];
            };
        };
        responses: {
            /** @description every receipt was recorded already */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["FundReceiptsResult"];
                };
            };
            /** @description recorded */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["FundReceiptsResult"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["ForbiddenWrite"];
            404: components["responses"]["NotFound"];
            /** @description conflict — a receipt of the same unit and receipt_id is recorded with another fund year, date or amount; nothing of the batch is written */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            413: components["responses"]["TooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    getFlag: {
        parameters: {
            query?: {
                /** @description the date the flag is computed for (default today) */
                as_of?: string;
            };
            header?: never;
            path: {
                kind: components["schemas"]["FlagKind"];
                /** @description the entry id or the project code */
                subject: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description the flag */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["FlagDetail"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    actOnFlag: {
        parameters: {
            query?: {
                /** @description the date the flag was listed for (default today) */
                as_of?: string;
            };
            header?: never;
            path: {
                kind: components["schemas"]["FlagKind"];
                subject: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @enum {string} */
                    action: "assign" | "explain" | "close" | "reopen";
                    assignee?: string;
                    reason?: string;
                    version?: number;
                };
            };
        };
        responses: {
            /** @description the flag after the step */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["FlagDetail"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["ForbiddenWrite"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["TooLarge"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    listLedger: {
        parameters: {
            query?: {
                /** @description the region code of the subtree (default the caller's home region) */
                region?: components["parameters"]["region"];
                /** @description fund year */
                year?: number;
                /** @description central, provincial, prefecture, county, integrated, other or the Chinese name (also accepted as `source`) */
                fund_source?: string;
                /** @description allocate, disburse, expend, reverse or 下达, 拨付, 支出, 冲销 */
                kind?: string;
                /** @description exact project code */
                project?: string;
                /** @description the first entry date (inclusive) */
                from?: string;
                /** @description the last entry date (inclusive) */
                to?: string;
                /** @description a substring of the entry id, the payee or the note */
                q?: string;
                page?: components["parameters"]["page"];
                page_size?: components["parameters"]["page_size"];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description one page */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["LedgerPage"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    postLedger: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["LedgerBatch"];
            };
        };
        responses: {
            /** @description nothing new — every entry was already stored */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ImportReport"];
                };
            };
            /** @description entries appended */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ImportReport"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["ForbiddenWrite"];
            409: components["responses"]["LedgerConflict"];
            413: components["responses"]["TooLarge"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    checkLedger: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["LedgerBatch"];
            };
        };
        responses: {
            /** @description whether saving would be accepted, the refusal (as POST /api/v1/ledger would answer) and the flags saving would raise */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        ok: boolean;
                        error: null | {
                            code: components["schemas"]["ErrorCode"];
                            message: string;
                            details?: components["schemas"]["FieldError"][];
                        };
                        warnings: {
                            kind: components["schemas"]["FlagKind"];
                            kind_label: string;
                            subject: string;
                            project_code: string;
                            amount_fen: number;
                            detail: string;
                        }[];
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["ForbiddenWrite"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["TooLarge"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    listBenchmarks: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description the benchmarks */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["Benchmark"][];
                    };
                };
            };
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    saveBenchmarks: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @enum {string} */
                    indicator: "start_rate" | "expend_progress";
                    /** Format: date */
                    date: string;
                    /** @description percent */
                    value?: number | string;
                    value_bp?: number;
                } | {
                    /** @enum {string} */
                    indicator: "start_rate" | "expend_progress";
                    /** Format: date */
                    date: string;
                    /** @description percent */
                    value?: number | string;
                    value_bp?: number;
                }[];
            };
        };
        responses: {
            /** @description nothing changed */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ImportReport"];
                };
            };
            /** @description inserted or updated */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ImportReport"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["ForbiddenWrite"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["TooLarge"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    recordContract: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description the project code */
                code: components["parameters"]["code"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    contract_no: string;
                    amount_fen: number;
                    /** Format: date */
                    signed_on: string;
                    /** @description the contract's advance rate (预付款比例, %); absent or null = the policy's advance_cap_bp */
                    advance_rate?: number | string | null;
                };
            };
        };
        responses: {
            /** @description recorded */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        project_code: string;
                        contract_no: string;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["ForbiddenWrite"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["TooLarge"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    recordProgress: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description the project code */
                code: components["parameters"]["code"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** Format: date */
                    date: string;
                    /** @description percent from 0 to 100 with at most two decimals */
                    progress?: number | string;
                    /** @description the same in hundredths of a percent */
                    progress_bp?: number;
                    note?: string;
                };
            };
        };
        responses: {
            /** @description recorded */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        project_code: string;
                        /** Format: date */
                        date: string;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["ForbiddenWrite"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["TooLarge"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    importRegions: {
        parameters: {
            query?: {
                /** @description true (or 1) refuses every XLSX formula cell with `formula_cell`, even one with a cached value; by default a formula cell is imported by the value last calculated and listed in the report (`formula_cells`), and only a formula without a cached value is refused. Anything but true/false/1/0 is 400 invalid_argument. */
                strict_formulas?: components["parameters"]["strictFormulas"];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "text/csv": string;
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": string;
            };
        };
        responses: {
            /** @description imported */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ImportReport"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["ForbiddenWrite"];
            409: components["responses"]["LedgerConflict"];
            413: components["responses"]["TooLarge"];
            429: components["responses"]["TooManyRequests"];
            /** @description cancelled — the server is stopping (SIGTERM): the import was cancelled at its next row and nothing of it was written */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    importProjects: {
        parameters: {
            query?: {
                /** @description true (or 1) refuses every XLSX formula cell with `formula_cell`, even one with a cached value; by default a formula cell is imported by the value last calculated and listed in the report (`formula_cells`), and only a formula without a cached value is refused. Anything but true/false/1/0 is 400 invalid_argument. */
                strict_formulas?: components["parameters"]["strictFormulas"];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "text/csv": string;
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": string;
            };
        };
        responses: {
            /** @description imported */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ImportReport"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["ForbiddenWrite"];
            409: components["responses"]["LedgerConflict"];
            413: components["responses"]["TooLarge"];
            429: components["responses"]["TooManyRequests"];
            /** @description cancelled — the server is stopping (SIGTERM): the import was cancelled at its next row and nothing of it was written */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    importLedger: {
        parameters: {
            query?: {
                /** @description true (or 1) refuses every XLSX formula cell with `formula_cell`, even one with a cached value; by default a formula cell is imported by the value last calculated and listed in the report (`formula_cells`), and only a formula without a cached value is refused. Anything but true/false/1/0 is 400 invalid_argument. */
                strict_formulas?: components["parameters"]["strictFormulas"];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "text/csv": string;
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": string;
            };
        };
        responses: {
            /** @description imported */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ImportReport"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["ForbiddenWrite"];
            409: components["responses"]["LedgerConflict"];
            413: components["responses"]["TooLarge"];
            429: components["responses"]["TooManyRequests"];
            /** @description cancelled — the server is stopping (SIGTERM): the import was cancelled at its next row and nothing of it was written */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    importContracts: {
        parameters: {
            query?: {
                /** @description true (or 1) refuses every XLSX formula cell with `formula_cell`, even one with a cached value; by default a formula cell is imported by the value last calculated and listed in the report (`formula_cells`), and only a formula without a cached value is refused. Anything but true/false/1/0 is 400 invalid_argument. */
                strict_formulas?: components["parameters"]["strictFormulas"];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "text/csv": string;
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": string;
            };
        };
        responses: {
            /** @description imported */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ImportReport"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["ForbiddenWrite"];
            409: components["responses"]["LedgerConflict"];
            413: components["responses"]["TooLarge"];
            429: components["responses"]["TooManyRequests"];
            /** @description cancelled — the server is stopping (SIGTERM): the import was cancelled at its next row and nothing of it was written */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    importProgress: {
        parameters: {
            query?: {
                /** @description true (or 1) refuses every XLSX formula cell with `formula_cell`, even one with a cached value; by default a formula cell is imported by the value last calculated and listed in the report (`formula_cells`), and only a formula without a cached value is refused. Anything but true/false/1/0 is 400 invalid_argument. */
                strict_formulas?: components["parameters"]["strictFormulas"];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "text/csv": string;
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": string;
            };
        };
        responses: {
            /** @description imported */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ImportReport"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["ForbiddenWrite"];
            409: components["responses"]["LedgerConflict"];
            413: components["responses"]["TooLarge"];
            429: components["responses"]["TooManyRequests"];
            /** @description cancelled — the server is stopping (SIGTERM): the import was cancelled at its next row and nothing of it was written */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    importBenchmarks: {
        parameters: {
            query?: {
                /** @description true (or 1) refuses every XLSX formula cell with `formula_cell`, even one with a cached value; by default a formula cell is imported by the value last calculated and listed in the report (`formula_cells`), and only a formula without a cached value is refused. Anything but true/false/1/0 is 400 invalid_argument. */
                strict_formulas?: components["parameters"]["strictFormulas"];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "text/csv": string;
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": string;
            };
        };
        responses: {
            /** @description imported */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ImportReport"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["ForbiddenWrite"];
            409: components["responses"]["LedgerConflict"];
            413: components["responses"]["TooLarge"];
            429: components["responses"]["TooManyRequests"];
            /** @description cancelled — the server is stopping (SIGTERM): the import was cancelled at its next row and nothing of it was written */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    importAssets: {
        parameters: {
            query?: {
                /** @description true (or 1) refuses every XLSX formula cell with `formula_cell`, even one with a cached value; by default a formula cell is imported by the value last calculated and listed in the report (`formula_cells`), and only a formula without a cached value is refused. Anything but true/false/1/0 is 400 invalid_argument. */
                strict_formulas?: components["parameters"]["strictFormulas"];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "text/csv": string;
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": string;
            };
        };
        responses: {
            /** @description imported */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ImportReport"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["ForbiddenWrite"];
            409: components["responses"]["LedgerConflict"];
            413: components["responses"]["TooLarge"];
            429: components["responses"]["TooManyRequests"];
            /** @description cancelled — the server is stopping (SIGTERM): the import was cancelled at its next row and nothing of it was written */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    importReliefWorkers: {
        parameters: {
            query?: {
                /** @description true (or 1) refuses every XLSX formula cell with `formula_cell`, even one with a cached value; by default a formula cell is imported by the value last calculated and listed in the report (`formula_cells`), and only a formula without a cached value is refused. Anything but true/false/1/0 is 400 invalid_argument. */
                strict_formulas?: components["parameters"]["strictFormulas"];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "text/csv": string;
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": string;
            };
        };
        responses: {
            /** @description imported */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ImportReport"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["ForbiddenWrite"];
            409: components["responses"]["LedgerConflict"];
            413: components["responses"]["TooLarge"];
            429: components["responses"]["TooManyRequests"];
            /** @description cancelled — the server is stopping (SIGTERM): the import was cancelled at its next row and nothing of it was written */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    importReliefWages: {
        parameters: {
            query?: {
                /** @description true (or 1) refuses every XLSX formula cell with `formula_cell`, even one with a cached value; by default a formula cell is imported by the value last calculated and listed in the report (`formula_cells`), and only a formula without a cached value is refused. Anything but true/false/1/0 is 400 invalid_argument. */
                strict_formulas?: components["parameters"]["strictFormulas"];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "text/csv": string;
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": string;
            };
        };
        responses: {
            /** @description imported */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ImportReport"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["ForbiddenWrite"];
            409: components["responses"]["LedgerConflict"];
            413: components["responses"]["TooLarge"];
            429: components["responses"]["TooManyRequests"];
            /** @description cancelled — the server is stopping (SIGTERM): the import was cancelled at its next row and nothing of it was written */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    importFactors: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "text/csv": string;
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": string;
            };
        };
        responses: {
            /** @description imported */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ImportReport"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["ForbiddenWrite"];
            409: components["responses"]["LedgerConflict"];
            413: components["responses"]["TooLarge"];
            429: components["responses"]["TooManyRequests"];
            /** @description cancelled — the server is stopping (SIGTERM): the import was cancelled at its next row and nothing of it was written */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    submitRegionsImportJob: {
        parameters: {
            query?: {
                /** @description shown in the job, and used with the Content-Type to tell XLSX from CSV */
                file_name?: components["parameters"]["fileName"];
                /** @description true (or 1) refuses every XLSX formula cell with `formula_cell`, even one with a cached value; by default a formula cell is imported by the value last calculated and listed in the report (`formula_cells`), and only a formula without a cached value is refused. Anything but true/false/1/0 is 400 invalid_argument. */
                strict_formulas?: components["parameters"]["strictFormulas"];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/octet-stream": string;
            };
        };
        responses: {
            /** @description queued; Location is the job */
            202: {
                headers: {
                    /** @description the job's URL */
                    Location?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ImportJob"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["ForbiddenWrite"];
            413: components["responses"]["TooLarge"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    submitProjectsImportJob: {
        parameters: {
            query?: {
                /** @description shown in the job, and used with the Content-Type to tell XLSX from CSV */
                file_name?: components["parameters"]["fileName"];
                /** @description true (or 1) refuses every XLSX formula cell with `formula_cell`, even one with a cached value; by default a formula cell is imported by the value last calculated and listed in the report (`formula_cells`), and only a formula without a cached value is refused. Anything but true/false/1/0 is 400 invalid_argument. */
                strict_formulas?: components["parameters"]["strictFormulas"];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/octet-stream": string;
            };
        };
        responses: {
            /** @description queued; Location is the job */
            202: {
                headers: {
                    /** @description the job's URL */
                    Location?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ImportJob"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["ForbiddenWrite"];
            413: components["responses"]["TooLarge"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    submitLedgerImportJob: {
        parameters: {
            query?: {
                /** @description shown in the job, and used with the Content-Type to tell XLSX from CSV */
                file_name?: components["parameters"]["fileName"];
                /** @description true (or 1) refuses every XLSX formula cell with `formula_cell`, even one with a cached value; by default a formula cell is imported by the value last calculated and listed in the report (`formula_cells`), and only a formula without a cached value is refused. Anything but true/false/1/0 is 400 invalid_argument. */
                strict_formulas?: components["parameters"]["strictFormulas"];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/octet-stream": string;
            };
        };
        responses: {
            /** @description queued; Location is the job */
            202: {
                headers: {
                    /** @description the job's URL */
                    Location?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ImportJob"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["ForbiddenWrite"];
            413: components["responses"]["TooLarge"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    submitContractsImportJob: {
        parameters: {
            query?: {
                /** @description shown in the job, and used with the Content-Type to tell XLSX from CSV */
                file_name?: components["parameters"]["fileName"];
                /** @description true (or 1) refuses every XLSX formula cell with `formula_cell`, even one with a cached value; by default a formula cell is imported by the value last calculated and listed in the report (`formula_cells`), and only a formula without a cached value is refused. Anything but true/false/1/0 is 400 invalid_argument. */
                strict_formulas?: components["parameters"]["strictFormulas"];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/octet-stream": string;
            };
        };
        responses: {
            /** @description queued; Location is the job */
            202: {
                headers: {
                    /** @description the job's URL */
                    Location?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ImportJob"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["ForbiddenWrite"];
            413: components["responses"]["TooLarge"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    submitProgressImportJob: {
        parameters: {
            query?: {
                /** @description shown in the job, and used with the Content-Type to tell XLSX from CSV */
                file_name?: components["parameters"]["fileName"];
                /** @description true (or 1) refuses every XLSX formula cell with `formula_cell`, even one with a cached value; by default a formula cell is imported by the value last calculated and listed in the report (`formula_cells`), and only a formula without a cached value is refused. Anything but true/false/1/0 is 400 invalid_argument. */
                strict_formulas?: components["parameters"]["strictFormulas"];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/octet-stream": string;
            };
        };
        responses: {
            /** @description queued; Location is the job */
            202: {
                headers: {
                    /** @description the job's URL */
                    Location?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ImportJob"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["ForbiddenWrite"];
            413: components["responses"]["TooLarge"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    submitBenchmarksImportJob: {
        parameters: {
            query?: {
                /** @description shown in the job, and used with the Content-Type to tell XLSX from CSV */
                file_name?: components["parameters"]["fileName"];
                /** @description true (or 1) refuses every XLSX formula cell with `formula_cell`, even one with a cached value; by default a formula cell is imported by the value last calculated and listed in the report (`formula_cells`), and only a formula without a cached value is refused. Anything but true/false/1/0 is 400 invalid_argument. */
                strict_formulas?: components["parameters"]["strictFormulas"];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/octet-stream": string;
            };
        };
        responses: {
            /** @description queued; Location is the job */
            202: {
                headers: {
                    /** @description the job's URL */
                    Location?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ImportJob"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["ForbiddenWrite"];
            413: components["responses"]["TooLarge"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    submitAssetsImportJob: {
        parameters: {
            query?: {
                /** @description shown in the job, and used with the Content-Type to tell XLSX from CSV */
                file_name?: components["parameters"]["fileName"];
                /** @description true (or 1) refuses every XLSX formula cell with `formula_cell`, even one with a cached value; by default a formula cell is imported by the value last calculated and listed in the report (`formula_cells`), and only a formula without a cached value is refused. Anything but true/false/1/0 is 400 invalid_argument. */
                strict_formulas?: components["parameters"]["strictFormulas"];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/octet-stream": string;
            };
        };
        responses: {
            /** @description queued; Location is the job */
            202: {
                headers: {
                    /** @description the job's URL */
                    Location?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ImportJob"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["ForbiddenWrite"];
            413: components["responses"]["TooLarge"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    submitWorkersImportJob: {
        parameters: {
            query?: {
                /** @description shown in the job, and used with the Content-Type to tell XLSX from CSV */
                file_name?: components["parameters"]["fileName"];
                /** @description true (or 1) refuses every XLSX formula cell with `formula_cell`, even one with a cached value; by default a formula cell is imported by the value last calculated and listed in the report (`formula_cells`), and only a formula without a cached value is refused. Anything but true/false/1/0 is 400 invalid_argument. */
                strict_formulas?: components["parameters"]["strictFormulas"];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/octet-stream": string;
            };
        };
        responses: {
            /** @description queued; Location is the job */
            202: {
                headers: {
                    /** @description the job's URL */
                    Location?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ImportJob"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["ForbiddenWrite"];
            413: components["responses"]["TooLarge"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    submitWagesImportJob: {
        parameters: {
            query?: {
                /** @description shown in the job, and used with the Content-Type to tell XLSX from CSV */
                file_name?: components["parameters"]["fileName"];
                /** @description true (or 1) refuses every XLSX formula cell with `formula_cell`, even one with a cached value; by default a formula cell is imported by the value last calculated and listed in the report (`formula_cells`), and only a formula without a cached value is refused. Anything but true/false/1/0 is 400 invalid_argument. */
                strict_formulas?: components["parameters"]["strictFormulas"];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/octet-stream": string;
            };
        };
        responses: {
            /** @description queued; Location is the job */
            202: {
                headers: {
                    /** @description the job's URL */
                    Location?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ImportJob"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["ForbiddenWrite"];
            413: components["responses"]["TooLarge"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    submitFactorsImportJob: {
        parameters: {
            query?: {
                /** @description shown in the job, and used with the Content-Type to tell XLSX from CSV */
                file_name?: components["parameters"]["fileName"];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/octet-stream": string;
            };
        };
        responses: {
            /** @description queued; Location is the job */
            202: {
                headers: {
                    /** @description the job's URL */
                    Location?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ImportJob"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["ForbiddenWrite"];
            413: components["responses"]["TooLarge"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    listImportJobs: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description the jobs */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["ImportJobSummary"][];
                    };
                };
            };
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    getImportJob: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description the job id (16 hex digits) */
                id: components["parameters"]["jobId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description the job */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ImportJob"];
                };
            };
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    getImportTemplate: {
        parameters: {
            query?: {
                /** @description anything else is 400 invalid_format */
                format?: "xlsx" | "csv";
            };
            header?: never;
            path: {
                /** @description regions, projects, ledger, contracts, progress, benchmarks, assets, workers, wages or factors; anything else is 404 unknown_import_kind */
                kind: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description the template (Content-Disposition attachment with a UTF-8 file name such as 项目导入模板.xlsx) */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": string;
                    "text/csv": string;
                };
            };
            /** @description invalid_format — `format` is neither xlsx nor csv */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {unknown} */
                            code?: "invalid_format";
                        } & components["schemas"]["ErrorDetail"];
                    };
                };
            };
            401: components["responses"]["Unauthenticated"];
            /** @description unknown_import_kind — no import of that kind (the message lists the kinds) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "unknown_import_kind",
                     *         "message": "没有这种导入类型的模板：budget"
                     *       }
                     *     }
                     */
                    "application/json": {
                        error: {
                            /** @enum {unknown} */
                            code?: "unknown_import_kind";
                        } & components["schemas"]["ErrorDetail"];
                    };
                };
            };
            429: components["responses"]["TooManyRequests"];
        };
    };
    getImportJobErrors: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description the job id (16 hex digits) */
                id: components["parameters"]["jobId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: components["responses"]["Workbook"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    exportDispatch: {
        parameters: {
            query: {
                /** @description the region code of the subtree */
                region: components["parameters"]["regionRequired"];
                /** @description fund year (default the as-of year) */
                year?: components["parameters"]["year"];
                /** @description the inclusive as-of date (default today) */
                as_of?: components["parameters"]["as_of"];
                /** @description central, provincial, prefecture, county, integrated or other */
                fund_source?: components["parameters"]["fund_source"];
                /** @description xlsx (a table longer than a sheet continues on further sheets) or csv (UTF-8 with BOM); anything else is 400 invalid_format and nothing is written (docs/definitions.md §18) */
                format?: components["parameters"]["exportFormat"];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: components["responses"]["Workbook"];
            400: components["responses"]["ExportBadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    exportRankings: {
        parameters: {
            query?: {
                /** @description the region code of the subtree (default the caller's home region) */
                region?: components["parameters"]["region"];
                /** @description fund year (default the as-of year) */
                year?: components["parameters"]["year"];
                /** @description the inclusive as-of date (default today) */
                as_of?: components["parameters"]["as_of"];
                /** @description central, provincial, prefecture, county, integrated or other */
                fund_source?: components["parameters"]["fund_source"];
                level?: components["schemas"]["RegionLevel"];
                metric?: "expend_progress" | "assessed_progress";
                /** @description xlsx (a table longer than a sheet continues on further sheets) or csv (UTF-8 with BOM); anything else is 400 invalid_format and nothing is written (docs/definitions.md §18) */
                format?: components["parameters"]["exportFormat"];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: components["responses"]["Workbook"];
            400: components["responses"]["ExportBadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    exportSettlements: {
        parameters: {
            query?: {
                /** @description the runs' region (default every region in scope) */
                region?: string;
                year?: number;
                /** @description xlsx (a table longer than a sheet continues on further sheets) or csv (UTF-8 with BOM); anything else is 400 invalid_format and nothing is written (docs/definitions.md §18) */
                format?: components["parameters"]["exportFormat"];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: components["responses"]["Workbook"];
            400: components["responses"]["ExportBadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    exportSupervisionCoverage: {
        parameters: {
            query?: {
                /** @description default the caller's home region */
                region?: string;
                /** @description first visit start date counted */
                from?: string;
                /** @description last visit start date counted */
                to?: string;
                /** @description xlsx (a table longer than a sheet continues on further sheets) or csv (UTF-8 with BOM); anything else is 400 invalid_format and nothing is written (docs/definitions.md §18) */
                format?: components["parameters"]["exportFormat"];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: components["responses"]["Workbook"];
            400: components["responses"]["SupervisionBadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    exportAssetInventory: {
        parameters: {
            query: {
                /** @description the campaign */
                id: number;
                /** @description xlsx (a table longer than a sheet continues on further sheets) or csv (UTF-8 with BOM); anything else is 400 invalid_format and nothing is written (docs/definitions.md §18) */
                format?: components["parameters"]["exportFormat"];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: components["responses"]["Workbook"];
            400: components["responses"]["ExportBadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    exportAllocation: {
        parameters: {
            query: {
                region: string;
                /** @description the year being allocated */
                year: number;
                /** @description whole 万元 in fen */
                pool_fen: number;
                /** @description what-if: this parameter instead of the one in force (bp), as for every allocation_* key below */
                allocation_weight_rural_population_bp?: number;
                allocation_weight_lifted_population_bp?: number;
                allocation_weight_monitored_population_bp?: number;
                allocation_weight_area_bp?: number;
                allocation_weight_performance_bp?: number;
                allocation_key_county_tilt_bp?: number;
                allocation_deduction_rate_bp?: number;
                allocation_floor_bp?: number;
                allocation_cap_bp?: number;
                /** @description xlsx (a table longer than a sheet continues on further sheets) or csv (UTF-8 with BOM); anything else is 400 invalid_format and nothing is written (docs/definitions.md §18) */
                format?: components["parameters"]["exportFormat"];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: components["responses"]["Workbook"];
            400: components["responses"]["AllocationRefused"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    exportFlags: {
        parameters: {
            query?: {
                /** @description the region code of the subtree (default the caller's home region) */
                region?: components["parameters"]["region"];
                year?: number;
                /** @description the inclusive as-of date (default today) */
                as_of?: components["parameters"]["as_of"];
                fund_source?: string;
                /** @description xlsx (a table longer than a sheet continues on further sheets) or csv (UTF-8 with BOM); anything else is 400 invalid_format and nothing is written (docs/definitions.md §18) */
                format?: components["parameters"]["exportFormat"];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: components["responses"]["Workbook"];
            400: components["responses"]["ExportBadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    exportProjects: {
        parameters: {
            query?: {
                /** @description the region code of the subtree (default the caller's home region) */
                region?: components["parameters"]["region"];
                year?: number;
                state?: string;
                category?: string;
                q?: string;
                /** @description xlsx (a table longer than a sheet continues on further sheets) or csv (UTF-8 with BOM); anything else is 400 invalid_format and nothing is written (docs/definitions.md §18) */
                format?: components["parameters"]["exportFormat"];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: components["responses"]["Workbook"];
            400: components["responses"]["ExportBadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    exportLedger: {
        parameters: {
            query?: {
                /** @description the region code of the subtree (default the caller's home region) */
                region?: components["parameters"]["region"];
                /** @description fund year */
                year?: number;
                /** @description fund source (also accepted as `source`) */
                fund_source?: string;
                kind?: string;
                project?: string;
                from?: string;
                to?: string;
                /** @description a substring of the entry id, the payee or the note */
                q?: string;
                /** @description xlsx (a table longer than a sheet continues on further sheets) or csv (UTF-8 with BOM); anything else is 400 invalid_format and nothing is written (docs/definitions.md §18) */
                format?: components["parameters"]["exportFormat"];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: components["responses"]["Workbook"];
            400: components["responses"]["ExportBadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    exportAudit: {
        parameters: {
            query?: {
                /** @description as GET /api/v1/audit */
                entity?: string;
                actor?: string;
                /** @description the region code of the subtree (default the caller's home region) */
                region?: components["parameters"]["region"];
                from?: string;
                to?: string;
                /** @description xlsx (a table longer than a sheet continues on further sheets) or csv (UTF-8 with BOM); anything else is 400 invalid_format and nothing is written (docs/definitions.md §18) */
                format?: components["parameters"]["exportFormat"];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: components["responses"]["Workbook"];
            400: components["responses"]["ExportBadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    listProjects: {
        parameters: {
            query?: {
                /** @description the region code of the subtree (default the caller's home region) */
                region?: components["parameters"]["region"];
                year?: number;
                /** @description a ProjectState or its Chinese label */
                state?: string;
                category?: string;
                /** @description a substring of the code, the name or the responsible person */
                q?: string;
                page?: components["parameters"]["page"];
                page_size?: components["parameters"]["page_size"];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description one page */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProjectPage"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    createProject: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ProjectInput"];
            };
        };
        responses: {
            201: components["responses"]["ProjectDetail"];
            400: components["responses"]["ProjectBadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["ForbiddenWrite"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["TooLarge"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    getProject: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description the project code */
                code: components["parameters"]["code"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: components["responses"]["ProjectDetail"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    updateProject: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description the project code */
                code: components["parameters"]["code"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ProjectInput"];
            };
        };
        responses: {
            200: components["responses"]["ProjectDetail"];
            400: components["responses"]["ProjectBadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["ForbiddenWrite"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["ProjectConflict"];
            413: components["responses"]["TooLarge"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    transitionProject: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description the project code */
                code: components["parameters"]["code"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    action: components["schemas"]["ProjectStep"];
                    reason?: string;
                    /** Format: date */
                    date?: string;
                    version: number;
                    /** @description hand_over only: the assets it creates (region_code may be left out: the project's); absent = one asset from the project (docs/definitions.md §8) */
                    assets?: components["schemas"]["AssetIn"][];
                };
            };
        };
        responses: {
            200: components["responses"]["ProjectDetail"];
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["ForbiddenWrite"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["ProjectConflict"];
            413: components["responses"]["TooLarge"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    setProcedure: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description the project code */
                code: components["parameters"]["code"];
                kind: components["schemas"]["ProcedureKind"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    complete?: boolean;
                    /** @description 批复文号 (required when complete) */
                    document_ref?: string;
                };
            };
        };
        responses: {
            /** @description recorded */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        kind: components["schemas"]["ProcedureKind"];
                        complete: boolean;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["ForbiddenWrite"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["TooLarge"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    checkCompliance: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description the project code */
                code: components["parameters"]["code"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description the findings */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ComplianceCheck"];
                };
            };
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    recordSignoff: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description the project code */
                code: components["parameters"]["code"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    department: string;
                    /** @enum {string} */
                    decision: "approve" | "return";
                    comment?: string;
                };
            };
        };
        responses: {
            201: components["responses"]["ProjectDetail"];
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["ForbiddenWrite"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["TooLarge"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    createPosting: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description the project code */
                code: components["parameters"]["code"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @default admit */
                    stage?: string;
                    place: string;
                    /**
                     * Format: date
                     * @description default today
                     */
                    start?: string;
                    days: number;
                };
            };
        };
        responses: {
            /** @description the posting */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Posting"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["ForbiddenWrite"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["TooLarge"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    recordObjection: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description the project code */
                code: components["parameters"]["code"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    posting_id: number;
                    text: string;
                    /** Format: date */
                    received_on?: string;
                };
            };
        };
        responses: {
            /** @description the objection */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Objection"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["ForbiddenWrite"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["TooLarge"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    resolveObjection: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description the project code */
                code: components["parameters"]["code"];
                /** @description the objection id */
                id: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    resolution: string;
                };
            };
        };
        responses: {
            /** @description the objection */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Objection"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["ForbiddenWrite"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["TooLarge"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    searchPublicRegions: {
        parameters: {
            query: {
                /** @description name part, pinyin initials or code prefix (as GET /api/v1/regions q) */
                q: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description the regions (at most 50), with paths */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RegionList"];
                };
            };
            400: components["responses"]["BadRequest"];
        };
    };
    listPublicPostings: {
        parameters: {
            query: {
                /** @description the region code of the subtree */
                region: components["parameters"]["regionRequired"];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description the postings and the supervision hotline */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["PublicPosting"][];
                        /** @example 12317 */
                        hotline: string;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            404: components["responses"]["NotFound"];
        };
    };
    batchTransition: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    codes: string[];
                    action: components["schemas"]["ProjectStep"];
                    reason?: string;
                };
            };
        };
        responses: {
            /** @description one outcome per project */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BatchResult"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["ForbiddenWrite"];
            404: components["responses"]["NotFound"];
            413: components["responses"]["TooLarge"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    getReviewDepartments: {
        parameters: {
            query: {
                /** @description the county code */
                county: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description the configuration */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["ReviewDepartments"][];
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    setReviewDepartments: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ReviewDepartments"];
            };
        };
        responses: {
            /** @description saved */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ReviewDepartments"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["ForbiddenWrite"];
            404: components["responses"]["NotFound"];
            413: components["responses"]["TooLarge"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    listVillagePlans: {
        parameters: {
            query?: {
                /** @description the region code of the subtree (default the caller's home region) */
                region?: components["parameters"]["region"];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description the plans */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["VillagePlanRow"][];
                        without_projects: number;
                    };
                };
            };
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    saveVillagePlan: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["VillagePlanInput"];
            };
        };
        responses: {
            /** @description updated */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["VillagePlan"];
                };
            };
            /** @description created */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["VillagePlan"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["ForbiddenWrite"];
            404: components["responses"]["NotFound"];
            413: components["responses"]["TooLarge"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    proposeSchedule: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** Format: date */
                    deadline: string;
                    milestones: components["schemas"]["MilestoneInput"][];
                    /** @description the unit whose construction season counts */
                    region_code?: string | null;
                };
            };
        };
        responses: {
            /** @description the proposal */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** Format: date */
                        start: string;
                        milestones: components["schemas"]["Milestone"][];
                        /** @description the unit's construction season on the deadline; null without region_code */
                        season: {
                            start_month: number;
                            end_month: number;
                        } | null;
                        warnings: {
                            /** @enum {string} */
                            code: "outside_season";
                            milestone: string;
                            /** Format: date */
                            date: string;
                            message: string;
                        }[];
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["ForbiddenWrite"];
            404: components["responses"]["NotFound"];
            413: components["responses"]["TooLarge"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    getOverdue: {
        parameters: {
            query?: {
                /** @description the region code of the subtree (default the caller's home region) */
                region?: components["parameters"]["region"];
                /** @description the inclusive as-of date (default today) */
                as_of?: components["parameters"]["as_of"];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description the report */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OverdueReport"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    listReferenceData: {
        parameters: {
            query?: {
                kind?: "guideline" | "negative" | "project_code_rule";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description the items */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["ReferenceItem"][];
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    addReferenceItem: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ReferenceItemInput"];
            };
        };
        responses: {
            /** @description added */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ReferenceItem"];
                };
            };
            400: components["responses"]["ReferenceBadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["ForbiddenWrite"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["TooLarge"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    getCodeFormat: {
        parameters: {
            query: {
                /** @description the project's region */
                region: string;
                /** @description the plan year; default this year (Beijing) */
                year?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description the rule and its format */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CodeFormat"];
                };
            };
            400: components["responses"]["ReferenceBadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    listPolicies: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description the values */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: WithRequired<components["schemas"]["PolicyValue"], "note">[];
                    };
                };
            };
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    addPolicy: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["PolicyValue"];
            };
        };
        responses: {
            /** @description added */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PolicyValue"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["ForbiddenWrite"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["TooLarge"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    listUsers: {
        parameters: {
            query?: {
                /** @description the region code of the subtree (default the caller's home region) */
                region?: components["parameters"]["region"];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description the users */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["User"][];
                    };
                };
            };
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    createUser: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    username: string;
                    role: components["schemas"]["Role"];
                    region_code: string;
                    /** Format: password */
                    password: string;
                    /** @description optional: the department it signs off for in the joint review (联审联批) */
                    department?: string;
                };
            };
        };
        responses: {
            /** @description created */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["User"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["ForbiddenWrite"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["TooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    updateUser: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description the user id */
                id: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "disabled": true
                 *     }
                 */
                "application/json": {
                    role?: components["schemas"]["Role"];
                    region_code?: string;
                    /** @description "" removes it */
                    department?: string;
                    disabled?: boolean;
                };
            };
        };
        responses: {
            /** @description the user as changed */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["User"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["ForbiddenWrite"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["OwnAccount"];
            413: components["responses"]["TooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    resetUserPassword: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description the user id */
                id: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "password": "a-new-long-password"
                 *     }
                 */
                "application/json": {
                    /** Format: password */
                    password: string;
                };
            };
        };
        responses: {
            /** @description the user */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["User"];
                };
            };
            400: components["responses"]["BadPassword"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["ForbiddenWrite"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["OwnAccount"];
            413: components["responses"]["TooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    listAssets: {
        parameters: {
            query?: {
                /** @description region code (default the caller's home) */
                region?: string;
                project?: string;
                registered?: "true" | "false";
                type?: "operating" | "public_welfare" | "household";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description the assets */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        total: number;
                        value_fen: number;
                        items: components["schemas"]["Asset"][];
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    saveAssets: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    items: components["schemas"]["AssetIn"][];
                } | components["schemas"]["AssetIn"][];
            };
        };
        responses: {
            /** @description nothing changed */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ImportReport"];
                };
            };
            /** @description inserted or updated */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ImportReport"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["ForbiddenWrite"];
            404: components["responses"]["NotFound"];
            413: components["responses"]["TooLarge"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    getAssetRegistration: {
        parameters: {
            query?: {
                region?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description the progress */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AssetRegistration"];
                };
            };
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    registerAsset: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description the project code */
                code: components["parameters"]["code"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** Format: date */
                    date?: string;
                };
            };
        };
        responses: {
            /** @description the asset */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Asset"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["ForbiddenWrite"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    listVillageSupervisors: {
        parameters: {
            query?: {
                /** @description default the caller's home region */
                region?: string;
                status?: "active" | "inactive";
                page?: number;
                /** @description default 50 */
                page_size?: number;
                unmasked?: "true" | "false";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description the page */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        total: number;
                        page: number;
                        page_size: number;
                        items: components["schemas"]["VillageSupervisor"][];
                    };
                };
            };
            400: components["responses"]["SpotCheckBadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    addVillageSupervisor: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description a village */
                    region_code: string;
                    name: string;
                    /** @description 7–20 digits, + - and spaces */
                    phone: string;
                    /**
                     * @description default active
                     * @enum {string}
                     */
                    status?: "active" | "inactive";
                };
            };
        };
        responses: {
            /** @description the supervisor with the phone masked */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["VillageSupervisor"];
                };
            };
            400: components["responses"]["SpotCheckBadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["ForbiddenWrite"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["SpotCheckConflict"];
            413: components["responses"]["TooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    setVillageSupervisorStatus: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @enum {string} */
                    status: "active" | "inactive";
                };
            };
        };
        responses: {
            /** @description the supervisor */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["VillageSupervisor"];
                };
            };
            400: components["responses"]["SpotCheckBadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["ForbiddenWrite"];
            404: components["responses"]["NotFound"];
            413: components["responses"]["TooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    listSpotChecks: {
        parameters: {
            query?: {
                /** @description default the caller's home region */
                region?: string;
                /** @description YYYY-MM; every month when absent */
                month?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description the draws */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        total: number;
                        items: components["schemas"]["SpotCheck"][];
                    };
                };
            };
            400: components["responses"]["SpotCheckBadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    drawSpotCheck: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    region_code: string;
                    /** @description YYYY-MM, not after the current month */
                    month: string;
                    /** @description 1–16 hex digits; generated when absent */
                    seed?: string;
                };
            };
        };
        responses: {
            /** @description the draw with its sample */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SpotCheck"];
                };
            };
            400: components["responses"]["SpotCheckBadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["ForbiddenWrite"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["SpotCheckConflict"];
            413: components["responses"]["TooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    spotCheckCoverage: {
        parameters: {
            query: {
                /** @description default the caller's home region */
                region?: string;
                /** @description YYYY-MM */
                month: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description the coverage */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        region_code: string;
                        month: string;
                        levels: components["schemas"]["SpotCheckLevelCoverage"][];
                    };
                };
            };
            400: components["responses"]["SpotCheckBadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    getSpotCheck: {
        parameters: {
            query?: {
                unmasked?: "true" | "false";
            };
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description the draw */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SpotCheck"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    recordSpotCheckCall: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    supervisor_id: number;
                    /** @description YYYY-MM-DD or YYYY-MM-DDTHH:MM:SS[.mmm]Z (UTC), in the draw's month, not in the future */
                    called_at: string;
                    reached: boolean;
                    /** @description only when reached */
                    knows_duties?: boolean;
                    /** @description only when reached */
                    log_matches?: boolean;
                    /** @description only when reached */
                    problem_reported?: boolean;
                    note?: string;
                };
            };
        };
        responses: {
            /** @description the call */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SpotCheckCall"];
                };
            };
            400: components["responses"]["SpotCheckBadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["ForbiddenWrite"];
            404: components["responses"]["NotFound"];
            413: components["responses"]["TooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    listAssetInventories: {
        parameters: {
            query?: {
                /** @description default the caller's home region */
                region?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description the campaigns */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        total: number;
                        items: components["schemas"]["AssetInventory"][];
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    createAssetInventory: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description default the caller's home region */
                    region_code?: string;
                    /** @description e.g. 2026年度清产核资 */
                    name: string;
                    /** @description e.g. 2026; one campaign per region and period */
                    period: string;
                };
            };
        };
        responses: {
            /** @description the campaign with its checks */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AssetInventory"];
                };
            };
            400: components["responses"]["InventoryBadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["ForbiddenWrite"];
            409: components["responses"]["InventoryConflict"];
            413: components["responses"]["TooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    getAssetInventory: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description the campaign */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AssetInventory"];
                };
            };
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    recordAssetInventoryCheck: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    asset_code: string;
                    /** @enum {string} */
                    outcome: "found" | "missing" | "damaged" | "value_changed";
                    /** @description required for value_changed, optional for damaged, refused otherwise */
                    value_after_fen?: number | null;
                    /** @description 差异说明, required for every outcome but found */
                    explanation?: string;
                };
            };
        };
        responses: {
            /** @description the check */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["InventoryCheck"];
                };
            };
            400: components["responses"]["InventoryBadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["ForbiddenWrite"];
            404: components["responses"]["InventoryNotFound"];
            409: components["responses"]["InventoryConflict"];
            413: components["responses"]["TooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    reviewAssetInventoryCheck: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    asset_code: string;
                    /** @enum {string} */
                    action: "approve" | "return";
                    /** @description required to return */
                    note?: string;
                };
            };
        };
        responses: {
            /** @description the check after the review */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["InventoryCheck"];
                };
            };
            400: components["responses"]["InventoryBadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["InventoryForbidden"];
            404: components["responses"]["InventoryNotFound"];
            409: components["responses"]["InventoryConflict"];
            413: components["responses"]["TooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    closeAssetInventory: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description the closed campaign */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AssetInventory"];
                };
            };
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["ForbiddenWrite"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["InventoryConflict"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    getAssetHistory: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description the project code */
                code: components["parameters"]["code"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description the changes */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["AssetChange"][];
                    };
                };
            };
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    getAssetClasses: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description the classes in order */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AssetClassLabels"];
                };
            };
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    setAssetClasses: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["AssetClassLabels"];
            };
        };
        responses: {
            /** @description the classes after the change */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AssetClassLabels"];
                };
            };
            400: components["responses"]["AssetPlanBadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["ForbiddenWrite"];
            413: components["responses"]["TooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    setAssetPlan: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description the project code */
                code: components["parameters"]["code"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @enum {string} */
                    asset_class: "consolidate" | "upgrade" | "revitalize" | "restart";
                    plan: string;
                    /** Format: date */
                    follow_up_on?: string | null;
                };
            };
        };
        responses: {
            /** @description the plan */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AssetPlan"];
                };
            };
            400: components["responses"]["AssetPlanBadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["ForbiddenWrite"];
            404: components["responses"]["NotFound"];
            413: components["responses"]["TooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    listAssetIncomes: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description the project code */
                code: components["parameters"]["code"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description the income rows */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["AssetIncome"][];
                    };
                };
            };
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    recordAssetIncome: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description the project code */
                code: components["parameters"]["code"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** Format: date */
                    received_on: string;
                    /** @description net income in fen, not 0; negative for a loss */
                    amount_fen: number;
                    /** @description 收益分配方案 */
                    distribution?: string;
                    /**
                     * Format: date
                     * @description the village meeting's date (required with a distribution)
                     */
                    decided_on?: string | null;
                    /** @description the meeting's decision (required with a distribution) */
                    decision?: string;
                };
            };
        };
        responses: {
            /** @description the income row */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AssetIncome"];
                };
            };
            400: components["responses"]["AssetPlanBadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["ForbiddenWrite"];
            404: components["responses"]["NotFound"];
            413: components["responses"]["TooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    listAssetYields: {
        parameters: {
            query?: {
                /** @description default the caller's home region */
                region?: string;
                /** @description first date of income counted (inclusive) */
                from?: string;
                /** @description last date of income counted (inclusive) */
                to?: string;
                /** @description only assets idle, loss-making or without income in the period */
                attention?: "true" | "1" | "false" | "0";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description the assets by code */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** Format: date */
                        from: string | null;
                        /** Format: date */
                        to: string | null;
                        total: number;
                        items: components["schemas"]["AssetYield"][];
                    };
                };
            };
            400: components["responses"]["AssetPlanBadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    getWorkReliefSummary: {
        parameters: {
            query?: {
                region?: string;
                /** @description first payment date counted (inclusive) */
                from?: string;
                /** @description last payment date counted (inclusive) */
                to?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description the figures */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WorkReliefSummary"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    listLabourShares: {
        parameters: {
            query?: {
                region?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description the projects */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        total: number;
                        items: {
                            project_code: string;
                            name: string;
                            region_code: string;
                            central_fund_fen: number;
                            wages_fen: number;
                            persons: number;
                            /** @description percent */
                            labour_share: number | null;
                            /** @description percent (policy work_relief_labour_share_min_bp) */
                            minimum_share: number;
                            meets_minimum: boolean;
                        }[];
                    };
                };
            };
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    listReliefWorkers: {
        parameters: {
            query?: {
                unmasked?: "true" | "false";
            };
            header?: never;
            path: {
                /** @description the project code */
                code: components["parameters"]["code"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description the roster */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        total: number;
                        items: components["schemas"]["ReliefWorker"][];
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    listReliefWages: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description the project code */
                code: components["parameters"]["code"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description the wages */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        total: number;
                        items: {
                            id: number;
                            project_code: string;
                            name: string;
                            id_number: string;
                            /** Format: date */
                            paid_on: string;
                            amount_fen: number;
                            days: number;
                            /** @enum {string} */
                            method: "bank" | "cash" | "other";
                        }[];
                    };
                };
            };
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    saveReliefWorkers: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    items: {
                        project_code: string;
                        name: string;
                        id_number: string;
                        phone?: string;
                        /** @enum {string} */
                        household_status: "lifted" | "monitored" | "ordinary";
                        relocated?: boolean;
                        village?: string;
                        team?: string;
                    }[];
                };
            };
        };
        responses: {
            /** @description nothing changed */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ImportReport"];
                };
            };
            /** @description inserted or updated */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ImportReport"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["ForbiddenWrite"];
            404: components["responses"]["NotFound"];
            413: components["responses"]["TooLarge"];
            429: components["responses"]["TooManyRequests"];
            /** @description data_key_missing / data_key_unreadable — the personal-data key file cannot be read */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    saveReliefWages: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    items: {
                        project_code: string;
                        id_number: string;
                        /** Format: date */
                        paid_on: string;
                        amount_fen: number;
                        days?: number;
                        /** @enum {string} */
                        method?: "bank" | "cash" | "other";
                    }[];
                };
            };
        };
        responses: {
            /** @description nothing changed */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ImportReport"];
                };
            };
            /** @description inserted or updated */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ImportReport"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["ForbiddenWrite"];
            404: components["responses"]["NotFound"];
            413: components["responses"]["TooLarge"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    listRelocationSites: {
        parameters: {
            query?: {
                /** @description the region code of the subtree (default the caller's home region) */
                region?: components["parameters"]["region"];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description the sites */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        total: number;
                        items: components["schemas"]["RelocationSite"][];
                    };
                };
            };
            400: components["responses"]["RelocationBadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["RelocationNotFound"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    saveRelocationSite: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    site_code: string;
                    name: string;
                    /** @description a county, township or village */
                    region_code: string;
                    /** @enum {string} */
                    kind: "concentrated" | "dispersed" | "集中" | "分散";
                    planned_households?: number;
                    planned_persons?: number;
                };
            };
        };
        responses: {
            /** @description saved */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RelocationSite"];
                };
            };
            400: components["responses"]["RelocationBadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["ForbiddenWrite"];
            404: components["responses"]["RelocationNotFound"];
            409: components["responses"]["RelocationConflict"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    listRelocationHouseholds: {
        parameters: {
            query?: {
                /** @description the region code of the subtree (default the caller's home region) */
                region?: components["parameters"]["region"];
                /** @description only the households of this site */
                site?: string;
                unmasked?: "true" | "false" | "1" | "0";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description the households */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        total: number;
                        items: components["schemas"]["RelocationHousehold"][];
                    };
                };
            };
            400: components["responses"]["RelocationBadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["RelocationNotFound"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    addRelocationHousehold: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    site_code: string;
                    /** @description 迁出村 */
                    origin_village?: string;
                    head_name: string;
                    /** @description 18 characters: 17 digits then a digit or X */
                    id_number: string;
                    members: number;
                    /** @enum {string} */
                    household_status: "lifted" | "monitored" | "ordinary";
                    /** Format: date */
                    moved_in_on: string;
                };
            };
        };
        responses: {
            /** @description registered (the ID number masked) */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RelocationHousehold"];
                };
            };
            400: components["responses"]["RelocationBadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["ForbiddenWrite"];
            404: components["responses"]["RelocationNotFound"];
            409: components["responses"]["RelocationConflict"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    getRelocationStandards: {
        parameters: {
            query: {
                /** @description the region code of the subtree (default the caller's home region) */
                region?: components["parameters"]["region"];
                date: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description the standards */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** Format: date */
                        date: string;
                        items: components["schemas"]["RelocationStandard"][];
                    };
                };
            };
            400: components["responses"]["RelocationBadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["RelocationNotFound"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    listRelocationSubsidies: {
        parameters: {
            query?: {
                /** @description the region code of the subtree (default the caller's home region) */
                region?: components["parameters"]["region"];
                household?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description the claims */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        total: number;
                        items: components["schemas"]["RelocationSubsidy"][];
                    };
                };
            };
            400: components["responses"]["RelocationBadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["RelocationNotFound"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    computeRelocationSubsidy: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    household_id: number;
                    /** @enum {string} */
                    kind: "cross_region_travel" | "startup" | "skills_training";
                    /** Format: date */
                    basis_on: string;
                    /** @description per-person kinds only; default the household's members */
                    persons?: number;
                };
            };
        };
        responses: {
            /** @description computed */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RelocationSubsidy"];
                };
            };
            400: components["responses"]["RelocationBadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["ForbiddenWrite"];
            404: components["responses"]["RelocationNotFound"];
            409: components["responses"]["RelocationConflict"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    payRelocationSubsidy: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** Format: date */
                    paid_on: string;
                    /** @description must equal the claim's amount_fen */
                    paid_fen: number;
                    /**
                     * @default bank
                     * @enum {string}
                     */
                    method?: "bank" | "cash" | "other";
                };
            };
        };
        responses: {
            /** @description paid */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RelocationSubsidy"];
                };
            };
            400: components["responses"]["RelocationBadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["ForbiddenWrite"];
            404: components["responses"]["RelocationNotFound"];
            409: components["responses"]["RelocationConflict"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    getRelocationSummary: {
        parameters: {
            query?: {
                /** @description the region code of the subtree (default the caller's home region) */
                region?: components["parameters"]["region"];
                from?: string;
                to?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description the figures */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RelocationSummary"];
                };
            };
            400: components["responses"]["RelocationBadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["RelocationNotFound"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    listTokens: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description the tokens (never their secrets) */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["ApiToken"][];
                    };
                };
            };
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    createToken: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "name": "lhasa-finance-sync",
                 *       "role": "finance_officer",
                 *       "region_code": "540100",
                 *       "expires_at": "2025-06-30",
                 *       "allowed_ips": [
                 *         "10.8.0.0/16"
                 *       ]
                 *     }
                 */
                "application/json": components["schemas"]["NewApiToken"];
            };
        };
        responses: {
            /** @description created */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiTokenGrant"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["ForbiddenWrite"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["TooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
        };
    };
    revokeToken: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description the token id */
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description the revoked token */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiToken"];
                };
            };
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["ForbiddenWrite"];
            404: components["responses"]["NotFound"];
        };
    };
    rankWhatIf: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "region_code": "540000",
                 *       "year": 2023,
                 *       "as_of": "2023-12-31",
                 *       "what_if": {
                 *         "incentive_top_n": 5,
                 *         "metric": "assessed_progress"
                 *       }
                 *     }
                 */
                "application/json": components["schemas"]["WhatIfRequest"];
            };
        };
        responses: {
            /** @description both rankings */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WhatIf"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["ForbiddenWrite"];
            404: components["responses"]["NotFound"];
            413: components["responses"]["TooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
        };
    };
    previewAllocation: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "region_code": "540000",
                 *       "year": 2024,
                 *       "pool_fen": 10000000000,
                 *       "what_if": {
                 *         "allocation_weight_area_bp": 0
                 *       }
                 *     }
                 */
                "application/json": components["schemas"]["AllocationPreviewRequest"];
            };
        };
        responses: {
            /** @description the allocation */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Allocation"];
                };
            };
            400: components["responses"]["AllocationRefused"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["ForbiddenWrite"];
            404: components["responses"]["NotFound"];
            413: components["responses"]["TooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
        };
    };
    listEvaluations: {
        parameters: {
            query?: {
                /** @description default the caller's home region */
                region?: string;
                /** @description fund year (default every year) */
                year?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description the evaluations */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        total: number;
                        items: components["schemas"]["EvaluationSummary"][];
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    createEvaluation: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "region_code": "540102",
                 *       "year": 2023
                 *     }
                 */
                "application/json": {
                    /** @description a county */
                    region_code: string;
                    year: number;
                    /** Format: date */
                    as_of?: string;
                };
            };
        };
        responses: {
            /** @description the new evaluation */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Evaluation"];
                };
            };
            400: components["responses"]["EvaluationBadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["ForbiddenWrite"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["EvaluationConflict"];
            413: components["responses"]["TooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
        };
    };
    getEvaluationTemplate: {
        parameters: {
            query?: {
                /** @description e.g. 2021.1 (default the version in force today) */
                version?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description the template */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["EvaluationTemplate"];
                };
            };
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    getEvaluation: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description the evaluation */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Evaluation"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    scoreEvaluation: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "scores": [
                 *         {
                 *           "item_id": "A2",
                 *           "points": 4.5,
                 *           "evidence": "分配方案及公示截图"
                 *         }
                 *       ]
                 *     }
                 */
                "application/json": {
                    version?: number;
                    scores: {
                        item_id: string;
                        /** @description within the item's [min_points, max_points], at most two decimals */
                        points: number;
                        /** @description the evidence note (佐证材料说明); required in self-evaluation */
                        evidence?: string;
                        /** @description the prefecture's reason for an adjustment */
                        reason?: string;
                    }[];
                };
            };
        };
        responses: {
            /** @description the evaluation */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Evaluation"];
                };
            };
            400: components["responses"]["EvaluationBadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["EvaluationForbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["EvaluationConflict"];
            413: components["responses"]["TooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
        };
    };
    adjustEvaluation: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "scores": [
                 *         {
                 *           "item_id": "A2",
                 *           "points": 4,
                 *           "reason": "分配方案未按规定公开"
                 *         }
                 *       ]
                 *     }
                 */
                "application/json": {
                    version?: number;
                    scores: {
                        item_id: string;
                        /** @description within the item's [min_points, max_points], at most two decimals */
                        points: number;
                        /** @description the evidence note (佐证材料说明); required in self-evaluation */
                        evidence?: string;
                        /** @description the prefecture's reason for an adjustment */
                        reason?: string;
                    }[];
                };
            };
        };
        responses: {
            /** @description the evaluation */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Evaluation"];
                };
            };
            400: components["responses"]["EvaluationBadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["EvaluationForbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["EvaluationConflict"];
            413: components["responses"]["TooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
        };
    };
    submitEvaluation: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": {
                    /** @description the step's note (a return's reason, required there) */
                    note?: string;
                    /** @description the version the caller saw (optional) */
                    version?: number;
                };
            };
        };
        responses: {
            /** @description the evaluation after the step */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Evaluation"];
                };
            };
            400: components["responses"]["EvaluationBadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["EvaluationForbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["EvaluationConflict"];
            415: components["responses"]["UnsupportedMediaType"];
        };
    };
    reviewEvaluation: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": {
                    /** @description the step's note (a return's reason, required there) */
                    note?: string;
                    /** @description the version the caller saw (optional) */
                    version?: number;
                };
            };
        };
        responses: {
            /** @description the evaluation after the step */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Evaluation"];
                };
            };
            400: components["responses"]["EvaluationBadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["EvaluationForbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["EvaluationConflict"];
            415: components["responses"]["UnsupportedMediaType"];
        };
    };
    returnEvaluation: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": {
                    /** @description the step's note (a return's reason, required there) */
                    note?: string;
                    /** @description the version the caller saw (optional) */
                    version?: number;
                };
            };
        };
        responses: {
            /** @description the evaluation after the step */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Evaluation"];
                };
            };
            400: components["responses"]["EvaluationBadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["EvaluationForbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["EvaluationConflict"];
            415: components["responses"]["UnsupportedMediaType"];
        };
    };
    finalizeEvaluation: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": {
                    /** @description the step's note (a return's reason, required there) */
                    note?: string;
                    /** @description the version the caller saw (optional) */
                    version?: number;
                };
            };
        };
        responses: {
            /** @description the evaluation after the step */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Evaluation"];
                };
            };
            400: components["responses"]["EvaluationBadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["EvaluationForbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["EvaluationConflict"];
            415: components["responses"]["UnsupportedMediaType"];
        };
    };
    exportEvaluationScoreSheet: {
        parameters: {
            query?: {
                /** @description xlsx (a table longer than a sheet continues on further sheets) or csv (UTF-8 with BOM); anything else is 400 invalid_format and nothing is written (docs/definitions.md §18) */
                format?: components["parameters"]["exportFormat"];
            };
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: components["responses"]["Workbook"];
            400: components["responses"]["ExportBadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    listSettlements: {
        parameters: {
            query?: {
                /** @description the run's region (default every region in scope) */
                region?: string;
                /** @description fund year (default every year) */
                year?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description the runs */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        total: number;
                        items: components["schemas"]["Settlement"][];
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    createSettlement: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "region_code": "540000",
                 *       "year": 2023,
                 *       "as_of": "2023-12-31"
                 *     }
                 */
                "application/json": components["schemas"]["SettlementRequest"];
            };
        };
        responses: {
            /** @description the draft run */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Settlement"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["ForbiddenWrite"];
            404: components["responses"]["NotFound"];
            413: components["responses"]["TooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            /** @description unavailable — a server following a read replica (serve --replica) waited 30 s for it to replay this server's own ledger entries (docs/operations.md "Read replica") */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getSettlement: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description the run id */
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description the run */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Settlement"];
                };
            };
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    approveSettlement: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description the run id */
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description the approved run */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Settlement"];
                };
            };
            401: components["responses"]["Unauthenticated"];
            /** @description permission_denied / csrf_failed as for writes; same_user — the user who ran it may not approve it */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "same_user",
                     *         "message": "结算批次须由运行人以外的用户审批"
                     *       }
                     *     }
                     */
                    "application/json": {
                        error: {
                            /** @enum {unknown} */
                            code?: "permission_denied" | "csrf_failed" | "same_user";
                        } & components["schemas"]["ErrorDetail"];
                    };
                };
            };
            404: components["responses"]["NotFound"];
            /** @description already_approved — the run is approved already and never changes */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "already_approved",
                     *         "message": "结算批次 3 已由 admin 审批，不可更改"
                     *       }
                     *     }
                     */
                    "application/json": {
                        error: {
                            /** @enum {unknown} */
                            code?: "already_approved" | "conflict";
                        } & components["schemas"]["ErrorDetail"];
                    };
                };
            };
        };
    };
    listSupervisionVisits: {
        parameters: {
            query?: {
                /** @description default the caller's home region */
                region?: string;
                from?: string;
                to?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description the visits */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        total: number;
                        items: components["schemas"]["SupervisionVisit"][];
                    };
                };
            };
            400: components["responses"]["SupervisionBadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    createSupervisionVisit: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "region_code": "540000",
                 *       "title": "2023年第一批衔接资金督导",
                 *       "team": [
                 *         "张三",
                 *         "李四"
                 *       ],
                 *       "start_date": "2023-03-01",
                 *       "end_date": "2023-03-10",
                 *       "regions": [
                 *         "540102"
                 *       ],
                 *       "projects": [],
                 *       "findings": [
                 *         {
                 *           "category": "disburse_as_expend",
                 *           "region_code": "540102",
                 *           "description": "支出挂在财政专户"
                 *         }
                 *       ]
                 *     }
                 */
                "application/json": components["schemas"]["NewSupervisionVisit"];
            };
        };
        responses: {
            /** @description the visit */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SupervisionVisit"];
                };
            };
            400: components["responses"]["SupervisionBadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["ForbiddenWrite"];
            404: components["responses"]["NotFound"];
            413: components["responses"]["TooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
        };
    };
    getSupervisionVisit: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description the visit id */
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description the visit */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SupervisionVisit"];
                };
            };
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    getSupervisionCoverage: {
        parameters: {
            query?: {
                /** @description default the caller's home region */
                region?: string;
                /** @description first visit start date counted (open when absent) */
                from?: string;
                /** @description last visit start date counted (open when absent) */
                to?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description the coverage */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "visits": 8,
                     *       "prefectures_covered": 7,
                     *       "counties_covered": 56,
                     *       "projects_checked": 120
                     *     }
                     */
                    "application/json": {
                        /** @description visits that covered a place in the region's subtree */
                        visits: number;
                        /** @description distinct prefectures holding a covered place */
                        prefectures_covered: number;
                        /** @description distinct counties holding a covered place */
                        counties_covered: number;
                        /** @description distinct projects of the subtree checked */
                        projects_checked: number;
                    };
                };
            };
            400: components["responses"]["SupervisionBadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    listRectifications: {
        parameters: {
            query?: {
                /** @description default the caller's home region */
                region?: string;
                status?: "open" | "rectifying" | "submitted" | "verified" | "returned";
                /** @description only overdue items */
                overdue?: "1" | "true";
                from?: string;
                to?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description the items */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        total: number;
                        items: components["schemas"]["Rectification"][];
                    };
                };
            };
            400: components["responses"]["SupervisionBadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    getRectification: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description the finding id */
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description the item */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Rectification"];
                };
            };
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    rectifyFinding: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description the finding id */
                id: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RectificationStep"];
            };
        };
        responses: {
            /** @description the item after the step */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Rectification"];
                };
            };
            400: components["responses"]["SupervisionBadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["ForbiddenWrite"];
            404: components["responses"]["NotFound"];
            /** @description stale_version — another step came first; bad_transition — the step is not allowed from the item's state */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {unknown} */
                            code?: "stale_version" | "bad_transition";
                        } & components["schemas"]["ErrorDetail"];
                    };
                };
            };
            413: components["responses"]["TooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
        };
    };
    reviewRectification: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description the finding id */
                id: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RectificationStep"];
            };
        };
        responses: {
            /** @description the item after the step */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Rectification"];
                };
            };
            400: components["responses"]["SupervisionBadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["ForbiddenWrite"];
            404: components["responses"]["NotFound"];
            /** @description stale_version — another step came first; bad_transition — the step is not allowed from the item's state */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {unknown} */
                            code?: "stale_version" | "bad_transition";
                        } & components["schemas"]["ErrorDetail"];
                    };
                };
            };
            413: components["responses"]["TooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
        };
    };
    listInquiries: {
        parameters: {
            query?: {
                /** @description default the caller's home region */
                region?: string;
                status?: "sent" | "answered" | "determined";
                outcome?: "none" | "confirmed" | "rejected";
                flag_kind?: "disburse_as_expend" | "pay_ahead_of_progress" | "over_arranged";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description the inquiries (without their events) */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        total: number;
                        items: components["schemas"]["Inquiry"][];
                    };
                };
            };
            400: components["responses"]["InquiryBadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    sendInquiry: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["NewInquiry"];
            };
        };
        responses: {
            /** @description the inquiry (sent) */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Inquiry"];
                };
            };
            400: components["responses"]["InquiryBadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["ForbiddenWrite"];
            404: components["responses"]["NotFound"];
            /** @description inquiry_exists — the flag has an inquiry already */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {unknown} */
                            code?: "inquiry_exists";
                        } & components["schemas"]["ErrorDetail"];
                    };
                };
            };
            413: components["responses"]["TooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
        };
    };
    getInquiry: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description the inquiry */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Inquiry"];
                };
            };
            400: components["responses"]["InquiryBadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    answerInquiry: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["InquiryAnswer"];
            };
        };
        responses: {
            /** @description the inquiry after the step */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Inquiry"];
                };
            };
            400: components["responses"]["InquiryBadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["ForbiddenWrite"];
            404: components["responses"]["NotFound"];
            /** @description stale_version — another step came first; bad_transition — the step is not allowed from the inquiry's state */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {unknown} */
                            code?: "stale_version" | "bad_transition";
                        } & components["schemas"]["ErrorDetail"];
                    };
                };
            };
            413: components["responses"]["TooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
        };
    };
    determineInquiry: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["InquiryDetermination"];
            };
        };
        responses: {
            /** @description the inquiry after the step */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Inquiry"];
                };
            };
            400: components["responses"]["InquiryBadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["ForbiddenWrite"];
            404: components["responses"]["NotFound"];
            /** @description stale_version — another step came first; bad_transition — the step is not allowed from the inquiry's state */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {unknown} */
                            code?: "stale_version" | "bad_transition";
                        } & components["schemas"]["ErrorDetail"];
                    };
                };
            };
            413: components["responses"]["TooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
        };
    };
    getRectificationRates: {
        parameters: {
            query?: {
                /** @description default the caller's home region */
                region?: string;
                from?: string;
                to?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description the region first, then its children */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: {
                            region_code: string;
                            name: string;
                            findings: number;
                            verified: number;
                            overdue: number;
                            rate: components["schemas"]["Percent"];
                        }[];
                    };
                };
            };
            400: components["responses"]["SupervisionBadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    listAudit: {
        parameters: {
            query?: {
                /** @description an object's own key without a prefix (a project code, a voucher number, a username): rows whose entity type or id is it, whose composite id ends in :key (flag kind:subject), or a batch row (ledger_batch, project_batch, …) naming it in its keys or reversals; or one record as type:id (project:XZ2024540102L001) */
                entity?: string;
                actor?: string;
                /** @description the region code of the subtree (default the caller's home region) */
                region?: components["parameters"]["region"];
                from?: string;
                to?: string;
                page?: components["parameters"]["page"];
                page_size?: components["parameters"]["page_size"];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description one page */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AuditPage"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    listBaobao: {
        parameters: {
            query?: {
                /** @description the region code of the subtree (default the caller's home region) */
                region?: components["parameters"]["region"];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description the assignments in tree order */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["BaobaoAssignment"][];
                        total: number;
                    };
                };
            };
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    addBaobao: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    region_code: string;
                    leader_name: string;
                    post: string;
                    /** @enum {string} */
                    level: "region" | "prefecture" | "county";
                    username?: string | null;
                    /** Format: date */
                    period_from: string;
                    /** Format: date */
                    period_to: string;
                };
            };
        };
        responses: {
            /** @description recorded */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BaobaoAssignment"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["ForbiddenWrite"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    getBaobaoCoverage: {
        parameters: {
            query?: {
                /** @description the region code of the subtree (default the caller's home region) */
                region?: components["parameters"]["region"];
                /** @description the inclusive as-of date (default today) */
                as_of?: components["parameters"]["as_of"];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description the coverage */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BaobaoCoverage"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    getMyBaobao: {
        parameters: {
            query?: {
                /** @description the inclusive as-of date (default today) */
                as_of?: components["parameters"]["as_of"];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description the caller's units */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["MyUnit"][];
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    listDispatches: {
        parameters: {
            query?: {
                /** @description the region code of the subtree (default the caller's home region) */
                region?: components["parameters"]["region"];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description the cycles */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["DispatchCycle"][];
                    };
                };
            };
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    getDispatch: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description the dispatching region (province or prefecture) */
                region: string;
                /** @description YYYY-MM */
                month: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description the dispatch */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DispatchView"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    openDispatch: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description the dispatching region (province or prefecture) */
                region: string;
                /** @description YYYY-MM */
                month: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description opened */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DispatchView"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["ForbiddenWrite"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    fileDispatch: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                region: string;
                month: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    region_code: string;
                    explanation: string;
                    next_plan: string;
                };
            };
        };
        responses: {
            /** @description filed */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DispatchView"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["ForbiddenWrite"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    reviewDispatch: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                region: string;
                month: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description the reviewing unit */
                    region_code: string;
                };
            };
        };
        responses: {
            /** @description reviewed */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DispatchView"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["ForbiddenWrite"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    closeDispatch: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                region: string;
                month: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description closed */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DispatchView"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["ForbiddenWrite"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    generateReminders: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    region: string;
                    /** @example 2023-W27 */
                    week: string;
                };
            };
        };
        responses: {
            /** @description reminders created (200: all were there already) */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        region: string;
                        week: string;
                        /**
                         * Format: date
                         * @description the week's Monday
                         */
                        as_of: string;
                        created: number;
                        existing: number;
                        items: components["schemas"]["Reminder"][];
                    };
                };
            };
            /** @description reminders created (200: all were there already) */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        region: string;
                        week: string;
                        /**
                         * Format: date
                         * @description the week's Monday
                         */
                        as_of: string;
                        created: number;
                        existing: number;
                        items: components["schemas"]["Reminder"][];
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["ForbiddenWrite"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    listReminders: {
        parameters: {
            query?: {
                /** @description the region code of the subtree (default the caller's home region) */
                region?: components["parameters"]["region"];
                week?: string;
                status?: "unread" | "acknowledged";
                mine?: "1" | "0" | "true" | "false";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description the reminders */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["Reminder"][];
                        total: number;
                        unread: number;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    listInterviewCandidates: {
        parameters: {
            query: {
                /** @description the region code of the subtree */
                region: components["parameters"]["regionRequired"];
                /** @description the dispatch's month */
                month: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description the graded list */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["InterviewList"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    listInterviews: {
        parameters: {
            query?: {
                /** @description the region code of the subtree (default the caller's home region) */
                region?: components["parameters"]["region"];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description the interviews */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["Interview"][];
                        total: number;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    recordInterview: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description the region of the dispatch the interview follows */
                    dispatch_region: string;
                    /** @example 2023-06 */
                    month: string;
                    /** @description the county interviewed (a county of the dispatch's snapshot) */
                    region_code: string;
                    grade: components["schemas"]["InterviewGrade"];
                    /** Format: date */
                    date: string;
                    /** @description 约谈人 */
                    interviewer: string;
                    /** @description 被约谈人 (at least one) */
                    interviewees: string[];
                    /** @description 参加人员 */
                    attendees?: string[];
                    /** @description at least one; each due on or after the date */
                    commitments: {
                        text: string;
                        /** Format: date */
                        deadline: string;
                    }[];
                };
            };
        };
        responses: {
            /** @description recorded */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Interview"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["ForbiddenWrite"];
            404: components["responses"]["NotFound"];
            413: components["responses"]["TooLarge"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    closeInterviewCommitment: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
                /** @description the commitment's index (0 = the first) */
                index: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    note: string;
                };
            };
        };
        responses: {
            /** @description closed */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Interview"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["ForbiddenWrite"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["TooLarge"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    acknowledgeReminder: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": {
                    reply?: string | null;
                };
            };
        };
        responses: {
            /** @description acknowledged */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Reminder"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["ForbiddenWrite"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    getWorkbench: {
        parameters: {
            query?: {
                /** @description the day counted from (default today in Beijing time); not a date is 400 invalid_argument */
                as_of?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description the workbench */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** Format: date */
                        as_of: string;
                        /** @enum {string} */
                        landing: "workbench" | "dashboard";
                        total: number;
                        sections: {
                            /** @enum {string} */
                            kind: "reviews" | "postings_ending" | "objections" | "flags" | "inquiries" | "rectifications" | "reminders" | "imports";
                            /** @example 待审核项目 */
                            label: string;
                            count: number;
                            /**
                             * @description the screen listing all of them
                             * @example /projects
                             */
                            link: string | null;
                            items: {
                                /** @description the record's own key: project code, flag subject, inquiry, finding, reminder or job id */
                                key: string;
                                title: string;
                                detail: string;
                                region_code: string;
                                /** Format: date */
                                date: string | null;
                                /** @example /projects/XZ-540102-2023-001 */
                                link: string | null;
                            }[];
                        }[];
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            429: components["responses"]["TooManyRequests"];
        };
    };
}
type WithRequired<T, K extends keyof T> = T & {
    [P in K]-?: T[P];
};
