-- The request log (SPEC §7, ≙ bj.api.log): one row per HTTP attempt a sync run makes, written by the
-- delivery activity. It outlives Temporal's retention; the worker deletes rows older than
-- apisync.logs.retention. Secrets never reach it: URL and headers are redacted before the insert.

CREATE TABLE request_log (
    id               bigserial   PRIMARY KEY,
    created_at       timestamptz NOT NULL DEFAULT now(),
    -- Empty when the activity was called outside a workflow (tests, tools).
    workflow_id      text        NOT NULL DEFAULT '',
    run_id           text        NOT NULL DEFAULT '',
    -- No foreign key: the log of a deleted config stays readable until retention removes it.
    config_id        bigint      NOT NULL,
    record_ids       bigint[]    NOT NULL,
    -- Temporal's attempt number of the delivery activity, from 1.
    attempt          integer     NOT NULL CHECK (attempt >= 1),
    method           text        NOT NULL,
    url              text        NOT NULL,
    request_headers  jsonb       NOT NULL,
    -- Bodies keep their first 64 KiB; a longer one ends with a "[truncated ...]" marker.
    request_body     text        NOT NULL,
    -- NULL when no response came back (outcome ERROR).
    response_status  integer,
    response_headers jsonb,
    response_body    text,
    duration_ms      bigint      NOT NULL CHECK (duration_ms >= 0),
    -- SENT: 2xx. RETRYING: a status worth retrying (408, 425, 429, 5xx). FAILED: refused for good
    -- (3xx, other 4xx). ERROR: no response (timeout, refused, reset).
    outcome          text        NOT NULL CHECK (outcome IN ('SENT', 'RETRYING', 'FAILED', 'ERROR')),
    error            text
);

-- GET /api/logs filters, each newest first (keyset on id).
CREATE INDEX request_log_workflow_id_idx ON request_log (workflow_id, id);
CREATE INDEX request_log_config_id_idx ON request_log (config_id, id);
CREATE INDEX request_log_outcome_idx ON request_log (outcome, id);
-- Retention cleanup.
CREATE INDEX request_log_created_at_idx ON request_log (created_at);
