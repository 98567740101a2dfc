-- Custom headers may hold credentials (X-Shop-Token, a partner id the target treats as a key).
-- A header marked secret keeps its value here, AES-256-GCM encrypted like auth_secret (see
-- SecretCipher), and an empty `value`; the API never returns it.
ALTER TABLE sync_config_header ADD COLUMN secret_value bytea;
ALTER TABLE sync_config_header ADD CONSTRAINT sync_config_header_secret_has_no_plain_value
    CHECK (secret_value IS NULL OR value = '');
