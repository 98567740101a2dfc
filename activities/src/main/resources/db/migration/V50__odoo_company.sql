-- Issue 11: a config reads company-dependent fields for one Odoo company (NULL: the source's main
-- company) and may sync only that company's records; lines may send selection labels.
ALTER TABLE sync_config
    ADD COLUMN company_id bigint CHECK (company_id > 0),
    ADD COLUMN company_records_only boolean NOT NULL DEFAULT false;

ALTER TABLE sync_config_line DROP CONSTRAINT sync_config_line_value_type_check;
ALTER TABLE sync_config_line ADD CONSTRAINT sync_config_line_value_type_check
    CHECK (value_type IN ('plain', 'relational', 'python', 'relational_python', 'selection_label'));
