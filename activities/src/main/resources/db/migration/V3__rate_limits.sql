-- Shared rate limits (SPEC §2 rateLimit): for each target origin (scheme://host:port), the earliest
-- time the next request may go. Every worker reserves its slot here with one atomic upsert, so the
-- limit holds across all runs and workers (see TargetRateLimiter).

CREATE TABLE rate_limit_slot (
    origin    text        PRIMARY KEY,
    next_slot timestamptz NOT NULL
);
