-- How a config's runs live through target outages (OutageSettings): the failures in a row, within a
-- window, that open the target's circuit, and how long a run waits before it fails.
ALTER TABLE sync_config
    ADD COLUMN circuit_threshold integer NOT NULL DEFAULT 3
        CHECK (circuit_threshold BETWEEN 1 AND 1000),
    ADD COLUMN circuit_window_seconds integer NOT NULL DEFAULT 60
        CHECK (circuit_window_seconds BETWEEN 1 AND 86400),
    ADD COLUMN max_outage_minutes integer NOT NULL DEFAULT 1440
        CHECK (max_outage_minutes BETWEEN 1 AND 43200);
