-- Receipts from the superior (上级下达, docs/definitions.md §12) are one per receiving unit and
-- 文号: one superior document allocates to several children under one number. Their dedup key was
-- the number alone, so a second child's receipt was taken for the first's. Kept in step with
-- sqlite/0035_fund_receipt_keys.sql.
UPDATE dispatch_records
SET dedup_key = 'fund_receipt:' || region_code || ':' || substr(dedup_key, 14)
WHERE kind = 'fund_receipt' AND dedup_key LIKE 'fund_receipt:%';
