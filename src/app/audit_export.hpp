#pragma once
/// The export of the audit trail (审计日志导出, docs/definitions.md §18): every row of the
/// list's filters and scope, the screen's columns and text (audit_text.hpp), times in Beijing time.

#include "app/app.hpp"
#include "app/export_table.hpp"

namespace xj {

/// Writes every audit row matching `filter` in the actor's scope (App::ScanAuditListing; page and
/// page_size ignored) to `target`, newest first, under a title that states the filters. The
/// filters are checked before the file is written: the list's errors (invalid_argument for a bad
/// date, permission_denied outside the scope, not_found for an unknown region).
Status ExportAudit(const App& app, const Actor& actor, AuditFilter filter, const ExportTarget& target);

}  // namespace xj
