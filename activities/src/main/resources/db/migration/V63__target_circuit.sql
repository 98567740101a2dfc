-- One circuit per target origin, shared by every run and worker (TargetCircuit): failures in a row
-- (no connection, or a 5xx) open it; while it is open runs wait and one request at a time probes.
CREATE TABLE target_circuit (
    origin            text PRIMARY KEY,
    failures          integer NOT NULL DEFAULT 0,
    streak_started_at timestamptz,
    opened_at         timestamptz,
    next_probe_at     timestamptz,
    failed_probes     integer NOT NULL DEFAULT 0,
    last_error        text NOT NULL DEFAULT ''
);
