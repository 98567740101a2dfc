-- The time limit of one evaluation of a config's Python (a request script run, one record's python
-- lines): SPEC §5's wall-clock limit, per config. The watchdog stops a script that runs longer.
ALTER TABLE sync_config
    ADD COLUMN script_timeout_seconds integer NOT NULL DEFAULT 5
        CHECK (script_timeout_seconds BETWEEN 1 AND 60);
