-- Prepares a migrated xianjie schema (version 2) for Citus, on the coordinator,
-- before any create_distributed_table. Citus requires every PRIMARY KEY / UNIQUE
-- constraint of a distributed table, and every foreign key between distributed
-- tables, to include the distribution column: province_code here. Nothing in the
-- application changes: it names no constraint and never updates these keys.
-- Tested on plain PostgreSQL 15 (the app and `xianjie verify` run unchanged after
-- it); the Citus calls at the end were not run here (Citus is not installable).
BEGIN;

-- 1. Foreign keys between province-partitioned tables go first …
ALTER TABLE ledger_entries    DROP CONSTRAINT ledger_entries_project_code_fkey,
                              DROP CONSTRAINT ledger_entries_reverses_fkey;
ALTER TABLE project_contracts DROP CONSTRAINT project_contracts_project_code_fkey;
ALTER TABLE progress_reports  DROP CONSTRAINT progress_reports_project_code_fkey;

-- 2. … keys gain the distribution column …
ALTER TABLE projects          DROP CONSTRAINT projects_pkey,
                              ADD PRIMARY KEY (province_code, project_code);
ALTER TABLE ledger_entries    DROP CONSTRAINT ledger_entries_pkey,
                              ADD PRIMARY KEY (province_code, seq),
                              DROP CONSTRAINT ledger_entries_entry_id_key,
                              ADD UNIQUE (province_code, entry_id);
DROP INDEX ledger_one_reversal;
CREATE UNIQUE INDEX ledger_one_reversal ON ledger_entries (province_code, reverses) WHERE reverses IS NOT NULL;
ALTER TABLE project_contracts DROP CONSTRAINT project_contracts_pkey,
                              ADD PRIMARY KEY (province_code, id),
                              DROP CONSTRAINT project_contracts_project_code_contract_no_key,
                              ADD UNIQUE (province_code, project_code, contract_no);
ALTER TABLE progress_reports  DROP CONSTRAINT progress_reports_pkey,
                              ADD PRIMARY KEY (province_code, id);

-- 3. … and the foreign keys come back, colocated (same province on both sides).
ALTER TABLE ledger_entries    ADD FOREIGN KEY (province_code, project_code) REFERENCES projects (province_code, project_code),
                              ADD FOREIGN KEY (province_code, reverses) REFERENCES ledger_entries (province_code, entry_id);
ALTER TABLE project_contracts ADD FOREIGN KEY (province_code, project_code) REFERENCES projects (province_code, project_code);
ALTER TABLE progress_reports  ADD FOREIGN KEY (province_code, project_code) REFERENCES projects (province_code, project_code);

COMMIT;
