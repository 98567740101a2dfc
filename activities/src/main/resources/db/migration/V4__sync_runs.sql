-- Every sync run, recorded by the run itself (RunRecordActivities), so runs can be listed on any
-- Temporal server and after Temporal's retention. No foreign key to sync_config: a run's record
-- outlives its config.
CREATE TABLE sync_run (
    workflow_id   text        PRIMARY KEY,
    first_run_id  text        NOT NULL,
    config_id     bigint      NOT NULL,
    config_name   text        NOT NULL,
    trigger       text        NOT NULL,
    record_ids    bigint[]    NOT NULL DEFAULT '{}',
    dry_run       boolean     NOT NULL,
    status        text        NOT NULL
        CHECK (status IN ('RUNNING', 'COMPLETED', 'FAILED', 'CANCELED', 'TERMINATED')),
    pages         integer     NOT NULL DEFAULT 0,
    sent          integer     NOT NULL DEFAULT 0,
    failed        integer     NOT NULL DEFAULT 0,
    skipped       integer     NOT NULL DEFAULT 0,
    error         text,
    started_at    timestamptz NOT NULL,
    updated_at    timestamptz NOT NULL,
    finished_at   timestamptz
);

CREATE INDEX sync_run_by_config ON sync_run (config_id, started_at DESC);
CREATE INDEX sync_run_by_status ON sync_run (status, started_at DESC);

-- Every record a run failed, uncapped (the workflow result lists at most 1,000): what
-- "retry only the failed records" sends again.
CREATE TABLE sync_run_failure (
    workflow_id  text    NOT NULL REFERENCES sync_run ON DELETE CASCADE,
    record_id    bigint  NOT NULL,
    reason       text    NOT NULL,
    status       integer NOT NULL,
    PRIMARY KEY (workflow_id, record_id)
);

-- A run whose failed share of records exceeds this ends FAILED (having sent what it sent).
ALTER TABLE sync_config
    ADD COLUMN max_failure_ratio double precision
        CHECK (max_failure_ratio > 0 AND max_failure_ratio <= 1);
