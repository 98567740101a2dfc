-- Incremental sync (SPEC §2 `incremental`, §8): a config may send only records written after its
-- watermark. The watermark is the highest source write_date a completed run saw (never wall-clock
-- time); NULL means "never synced": the next incremental run sends everything.
ALTER TABLE sync_config
    ADD COLUMN incremental boolean NOT NULL DEFAULT false,
    ADD COLUMN watermark   timestamp;

-- Record events (SPEC §8): which triggers a config installed on its source table. The triggers,
-- their function and the outbox live in the SOURCE database (schema `apisync` there); this row is
-- what the API shows and what it removes again. Deleting the config removes the row (and the API
-- removes the source objects first).
CREATE TABLE record_event_trigger (
    config_id    bigint  PRIMARY KEY REFERENCES sync_config (id) ON DELETE CASCADE,
    source_table text    NOT NULL,
    on_create    boolean NOT NULL,
    on_update    boolean NOT NULL,
    on_delete    boolean NOT NULL,
    watch_fields text[]  NOT NULL DEFAULT '{}',
    installed_at timestamptz NOT NULL DEFAULT now(),
    CHECK (on_create OR on_update OR on_delete)
);
