-- Where a run stands: the id after which its next page starts, written with its counters. A failed,
-- canceled or terminated run retried by hand continues after it (RunService.retry).
ALTER TABLE sync_run ADD COLUMN after_id bigint NOT NULL DEFAULT 0;
