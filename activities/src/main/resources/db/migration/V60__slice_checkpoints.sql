-- Where each slice of a run stands (SliceActivities): written with each page it commits, in the
-- same transaction as the page's request-log rows, so a slice retried after its worker died resumes
-- after its last committed page. A run deletes its slices' rows when it closes.
CREATE TABLE slice_checkpoint (
    slice_key    text        PRIMARY KEY,
    workflow_id  text        NOT NULL,
    state        jsonb       NOT NULL,
    updated_at   timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX slice_checkpoint_by_workflow ON slice_checkpoint (workflow_id);
