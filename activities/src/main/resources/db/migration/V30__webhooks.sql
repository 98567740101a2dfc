-- The Odoo webhook of a config (SPEC §8, §10): POST /api/hooks/{configId}?token=... starts a run.
-- Only the token's SHA-256 is kept (the token is 32 random bytes, shown once when issued), so a
-- leaked database does not let anyone start runs. Deleting the config revokes its webhook.
CREATE TABLE sync_webhook (
    config_id     bigint      PRIMARY KEY REFERENCES sync_config (id) ON DELETE CASCADE,
    token_sha256  bytea       NOT NULL CHECK (length(token_sha256) = 32),
    created_at    timestamptz NOT NULL DEFAULT now()
);
