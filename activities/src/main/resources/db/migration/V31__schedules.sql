-- Which configs have a Temporal Schedule (SPEC §8). Temporal holds the schedule itself (spec,
-- policy, state, recent runs); this row lets the API know a config has one without asking, and
-- keeps the cron as written (Temporal turns it into calendar specs and never gives it back).
-- No foreign key: the API deletes the Temporal schedule, then this row, when the config goes.
CREATE TABLE sync_schedule (
    config_id    bigint      PRIMARY KEY,
    schedule_id  text        NOT NULL UNIQUE,
    cron         text,
    created_at   timestamptz NOT NULL DEFAULT now(),
    updated_at   timestamptz NOT NULL DEFAULT now()
);
