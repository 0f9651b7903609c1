-- Distributes a prepared xianjie schema (prepare.sql) on a Citus cluster, on the
-- coordinator. Reference tables are copied to every worker; the four
-- province-partitioned tables are hash-distributed by province_code and colocated,
-- so everything about one province lives in one shard group.
-- Not run here: Citus is not packaged for Debian 12 and could not be installed.
SELECT create_reference_table('regions');
SELECT create_reference_table('project_categories');
SELECT create_reference_table('policies');
SELECT create_reference_table('schema_migrations');

SELECT create_distributed_table('projects', 'province_code', shard_count => 32);
SELECT create_distributed_table('ledger_entries', 'province_code', colocate_with => 'projects');
SELECT create_distributed_table('project_contracts', 'province_code', colocate_with => 'projects');
SELECT create_distributed_table('progress_reports', 'province_code', colocate_with => 'projects');
