-- API tokens (SPEC §11). Only the SHA-256 of each token is kept: the token is 32 random bytes,
-- so a fast unsalted hash is enough (nothing to brute-force), and a lookup is one indexed equality.
CREATE TABLE api_token (
    id          bigserial   PRIMARY KEY,
    name        text        NOT NULL,
    role        text        NOT NULL CHECK (role IN ('viewer', 'author', 'operator', 'admin')),
    token_hash  bytea       NOT NULL UNIQUE,
    created_at  timestamptz NOT NULL DEFAULT now()
);
