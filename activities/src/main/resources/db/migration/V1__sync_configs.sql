-- Sync configs (SPEC §2, §3): what to read from the source, how to map it, where to send it.
-- The database also enforces the rules ConfigValidator checks that it can express, so a bug in the
-- Java layer cannot store a config that a run would choke on.

CREATE TABLE sync_config (
    id                        bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    name                      text             NOT NULL CHECK (btrim(name) <> ''),
    model                     text             NOT NULL,
    filter_domain             text             NOT NULL DEFAULT '[]',
    request_url               text             NOT NULL,
    http_method               text             NOT NULL
        CHECK (http_method IN ('GET', 'POST', 'PUT', 'PATCH', 'DELETE')),
    connect_timeout_seconds   integer          NOT NULL DEFAULT 5
        CHECK (connect_timeout_seconds BETWEEN 1 AND 60),
    read_timeout_seconds      integer          NOT NULL DEFAULT 15
        CHECK (read_timeout_seconds BETWEEN 1 AND 300),
    auth_type                 text             NOT NULL DEFAULT 'none'
        CHECK (auth_type IN ('none', 'basic', 'bearer', 'apiKey')),
    auth_login                text             NOT NULL DEFAULT '',
    -- The password, token or API key value for auth_type, AES-256-GCM encrypted (see SecretCipher).
    auth_secret               bytea,
    auth_header_name          text             NOT NULL DEFAULT '',
    paginated                 boolean          NOT NULL DEFAULT false,
    page_size                 integer          NOT NULL DEFAULT 100 CHECK (page_size BETWEEN 1 AND 1000),
    record_limit              integer          CHECK (record_limit >= 1),
    request_script            text             NOT NULL DEFAULT '',
    retry_max_attempts        integer          NOT NULL DEFAULT 5 CHECK (retry_max_attempts BETWEEN 1 AND 100),
    retry_initial_interval_ms bigint           NOT NULL DEFAULT 1000 CHECK (retry_initial_interval_ms > 0),
    retry_backoff_coefficient double precision NOT NULL DEFAULT 2.0 CHECK (retry_backoff_coefficient >= 1),
    retry_max_interval_ms     bigint           NOT NULL DEFAULT 60000
        CHECK (retry_max_interval_ms >= retry_initial_interval_ms),
    rate_limit                double precision CHECK (rate_limit > 0),
    concurrency               integer          NOT NULL DEFAULT 1 CHECK (concurrency BETWEEN 1 AND 64),
    enabled                   boolean          NOT NULL DEFAULT true,
    language                  text             NOT NULL DEFAULT 'en_US',
    created_at                timestamptz      NOT NULL DEFAULT now(),
    updated_at                timestamptz      NOT NULL DEFAULT now()
);

-- Names are unique regardless of case: "Partners" and "partners" in one list would only confuse.
CREATE UNIQUE INDEX sync_config_name_key ON sync_config (lower(name));

CREATE TABLE sync_config_line (
    id                bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    config_id         bigint  NOT NULL REFERENCES sync_config (id) ON DELETE CASCADE,
    position          integer NOT NULL,
    field             text    NOT NULL DEFAULT '',
    external_key      text    NOT NULL,
    value_type        text    NOT NULL
        CHECK (value_type IN ('plain', 'relational', 'python', 'relational_python')),
    is_identifier     boolean NOT NULL DEFAULT false,
    -- A config in use as another's mapping cannot be deleted (the API answers 409).
    mapping_config_id bigint  REFERENCES sync_config (id) ON DELETE RESTRICT,
    expression        text    NOT NULL DEFAULT '',
    CONSTRAINT sync_config_line_position_key UNIQUE (config_id, position),
    CHECK (value_type <> 'relational' OR mapping_config_id IS NOT NULL)
);

-- At most one identifier line per config (the validator requires exactly one).
CREATE UNIQUE INDEX sync_config_line_identifier_key ON sync_config_line (config_id) WHERE is_identifier;
CREATE INDEX sync_config_line_mapping_config_idx ON sync_config_line (mapping_config_id)
    WHERE mapping_config_id IS NOT NULL;

CREATE TABLE sync_config_header (
    id        bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    config_id bigint  NOT NULL REFERENCES sync_config (id) ON DELETE CASCADE,
    position  integer NOT NULL,
    key       text    NOT NULL CHECK (key <> ''),
    value     text    NOT NULL DEFAULT '',
    CONSTRAINT sync_config_header_position_key UNIQUE (config_id, position)
);
