-- A cancel request, as the run's workflow passes it to its running slice: the slice reads it with
-- its heartbeat and starts no new request (SliceActivitiesImpl). Through the database rather than
-- Temporal's activity cancellation, so the slice always returns what it sent.
ALTER TABLE sync_run ADD COLUMN stop_requested boolean NOT NULL DEFAULT false;
