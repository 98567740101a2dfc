package dev.apisync.activities.config;

import dev.apisync.workflows.ConfigSnapshot;
import dev.apisync.workflows.OutageSettings;
import dev.apisync.workflows.RetrySettings;
import dev.apisync.workflows.WriteDates;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.postgresql.util.PSQLException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sync configs in apisync's own database (tables from {@code V1__sync_configs.sql}). Each write is
 * one transaction. Secrets are encrypted with {@link SecretCipher} before they reach the database
 * and are write-only: {@link #replace} keeps the stored secret when the new config omits it.
 *
 * <p>The store does not validate: callers run {@link ConfigValidator} first. It does map the
 * database's own guards (unique name, existing mapping config) to {@link InvalidConfigException},
 * which closes the race between a validation and the write.
 *
 * <p>Long because a config is four tables (config, lines, headers, secrets) written and read in one
 * transaction: the SQL for each stays next to the mapping it feeds.
 */
public class ConfigStore implements CredentialsLookup {

  private static final String NAME_KEY = "sync_config_name_key";
  private static final String MAPPING_CONFIG_FKEY = "sync_config_line_mapping_config_id_fkey";

  private static final String CONFIG_COLUMNS =
      """
      id, name, model, filter_domain, request_url, http_method, connect_timeout_seconds,
      read_timeout_seconds, auth_type, auth_login, auth_secret, auth_header_name, paginated,
      page_size, record_limit, request_script, retry_max_attempts, retry_initial_interval_ms,
      retry_backoff_coefficient, retry_max_interval_ms, rate_limit, max_failure_ratio, concurrency,
      enabled, language, script_timeout_seconds, company_id, company_records_only, incremental,
      circuit_threshold, circuit_window_seconds, max_outage_minutes, watermark, created_at,
      updated_at""";

  private final JdbcClient jdbc;
  private final TransactionTemplate transactions;
  private final SecretCipher cipher;

  public ConfigStore(DataSource dataSource, SecretCipher cipher) {
    this.jdbc = JdbcClient.create(dataSource);
    this.transactions = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
    this.cipher = cipher;
  }

  /**
   * Stores a new config.
   *
   * @return its id
   * @throws InvalidConfigException when another config has the name, or a mapping config vanished
   */
  public long create(SyncConfig config) {
    return write(
        () -> {
          long id =
              bindConfig(
                      jdbc.sql(
                          """
                          INSERT INTO sync_config (name, model, filter_domain, request_url,
                            http_method, connect_timeout_seconds, read_timeout_seconds, auth_type,
                            auth_login, auth_secret, auth_header_name, paginated, page_size,
                            record_limit, request_script, retry_max_attempts,
                            retry_initial_interval_ms, retry_backoff_coefficient,
                            retry_max_interval_ms, rate_limit, max_failure_ratio, concurrency,
                            enabled, language, script_timeout_seconds, company_id,
                            company_records_only, incremental, circuit_threshold,
                            circuit_window_seconds, max_outage_minutes)
                          VALUES (:name, :model, :filterDomain, :requestUrl, :httpMethod,
                            :connectTimeout, :readTimeout, :authType, :authLogin, :authSecret,
                            :authHeaderName, :paginated, :pageSize, :limit, :requestScript,
                            :retryMaxAttempts, :retryInitialMs, :retryBackoff, :retryMaxMs,
                            :rateLimit, :maxFailureRatio, :concurrency, :enabled, :language,
                            :scriptTimeout, :companyId, :companyRecordsOnly, :incremental,
                            :circuitThreshold, :circuitWindow, :maxOutage)
                          RETURNING id"""),
                      config)
                  .query(Long.class)
                  .single();
          insertChildren(id, config);
          return id;
        });
  }

  /**
   * Replaces a stored config. Where the new config omits a secret and keeps the request URL's
   * origin, the stored secret stays (see {@link SyncConfig#withSecretsFrom}).
   *
   * @return false when no config has this id
   * @throws InvalidConfigException when another config has the name, or a mapping config vanished
   */
  public boolean replace(long id, SyncConfig config) {
    return write(
        () -> {
          boolean exists =
              jdbc.sql("SELECT id FROM sync_config WHERE id = :id FOR UPDATE")
                  .param("id", id)
                  .query(Long.class)
                  .optional()
                  .isPresent();
          if (!exists) {
            return false;
          }
          SyncConfig stored = find(id).orElseThrow().config();
          SyncConfig merged = config.withSecretsFrom(stored);
          bindConfig(
                  jdbc.sql(
                      """
                      UPDATE sync_config SET name = :name, model = :model,
                        filter_domain = :filterDomain, request_url = :requestUrl,
                        http_method = :httpMethod, connect_timeout_seconds = :connectTimeout,
                        read_timeout_seconds = :readTimeout, auth_type = :authType,
                        auth_login = :authLogin, auth_secret = :authSecret,
                        auth_header_name = :authHeaderName, paginated = :paginated,
                        page_size = :pageSize, record_limit = :limit,
                        request_script = :requestScript, retry_max_attempts = :retryMaxAttempts,
                        retry_initial_interval_ms = :retryInitialMs,
                        retry_backoff_coefficient = :retryBackoff,
                        retry_max_interval_ms = :retryMaxMs, rate_limit = :rateLimit,
                        max_failure_ratio = :maxFailureRatio,
                        concurrency = :concurrency, enabled = :enabled, language = :language,
                        script_timeout_seconds = :scriptTimeout, company_id = :companyId,
                        company_records_only = :companyRecordsOnly, incremental = :incremental,
                        circuit_threshold = :circuitThreshold,
                        circuit_window_seconds = :circuitWindow, max_outage_minutes = :maxOutage,
                        updated_at = now()
                      WHERE id = :id"""),
                  merged)
              .param("id", id)
              .update();
          jdbc.sql("DELETE FROM sync_config_line WHERE config_id = :id").param("id", id).update();
          jdbc.sql("DELETE FROM sync_config_header WHERE config_id = :id").param("id", id).update();
          insertChildren(id, merged);
          return true;
        });
  }

  /**
   * Deletes a config with its lines and headers.
   *
   * @return false when no config has this id
   * @throws ConfigInUseException when another config's relational line maps through this one
   */
  public boolean delete(long id) {
    try {
      return Boolean.TRUE.equals(
          transactions.execute(
              status -> {
                boolean exists =
                    jdbc.sql("SELECT id FROM sync_config WHERE id = :id FOR UPDATE")
                        .param("id", id)
                        .query(Long.class)
                        .optional()
                        .isPresent();
                if (!exists) {
                  return false;
                }
                List<ConfigRef> users = usersOf(id);
                if (!users.isEmpty()) {
                  throw new ConfigInUseException(id, users);
                }
                jdbc.sql("DELETE FROM sync_config WHERE id = :id").param("id", id).update();
                return true;
              }));
    } catch (DataIntegrityViolationException e) {
      if (MAPPING_CONFIG_FKEY.equals(constraintOf(e))) {
        throw new ConfigInUseException(id, usersOf(id));
      }
      throw e;
    }
  }

  /** The config with its secrets decrypted. */
  public Optional<StoredConfig> find(long id) {
    return load("WHERE id = :id", id, true).stream().findFirst();
  }

  /** Every config, by id, with secrets decrypted. */
  public List<StoredConfig> list() {
    return load("", 0, true);
  }

  /** What a run needs of the config: no secrets, no headers, lines in their order. */
  public Optional<ConfigSnapshot> snapshot(long id) {
    return load("WHERE id = :id", id, false).stream().findFirst().map(StoredConfig::snapshot);
  }

  @Override
  public TargetCredentials credentials(long configId) {
    SyncConfig config =
        find(configId)
            .orElseThrow(() -> new NoSuchElementException("no sync config with id " + configId))
            .config();
    return new TargetCredentials(config.auth().toSettings(), config.headers());
  }

  /**
   * Sets or (with {@code null}) resets the config's incremental watermark.
   *
   * @return false when no config has this id
   */
  public boolean setWatermark(long id, LocalDateTime watermark) {
    return jdbc.sql("UPDATE sync_config SET watermark = :watermark WHERE id = :id")
            .param("watermark", watermark, Types.TIMESTAMP)
            .param("id", id)
            .update()
        == 1;
  }

  /** Moves the watermark forward to {@code watermark}; a later stored one stays. */
  public void advanceWatermark(long id, LocalDateTime watermark) {
    jdbc.sql(
            "UPDATE sync_config SET watermark = :watermark"
                + " WHERE id = :id AND (watermark IS NULL OR watermark < :watermark)")
        .param("watermark", watermark, Types.TIMESTAMP)
        .param("id", id)
        .update();
  }

  public boolean exists(long id) {
    return jdbc.sql("SELECT EXISTS (SELECT 1 FROM sync_config WHERE id = :id)")
        .param("id", id)
        .query(Boolean.class)
        .single();
  }

  /** The config, other than {@code exceptId}, whose name equals this one ignoring case. */
  public Optional<ConfigRef> findByName(String name, long exceptId) {
    return jdbc.sql(
            "SELECT id, name FROM sync_config WHERE lower(name) = lower(:name) AND id <> :exceptId")
        .param("name", name)
        .param("exceptId", exceptId)
        .query((rs, row) -> new ConfigRef(rs.getLong("id"), rs.getString("name")))
        .optional();
  }

  /** The other configs whose relational lines use this one as their mappingConfig. */
  /** Every stored config with the configs its relational lines map with, in one query. */
  MappingGraph mappings() {
    Map<Long, MappingGraph.StoredRef> configs = new LinkedHashMap<>();
    Map<Long, List<Long>> mapsWith = new HashMap<>();
    jdbc.sql(
            """
            SELECT c.id, c.name, c.model, l.mapping_config_id
            FROM sync_config c
              LEFT JOIN sync_config_line l
                ON l.config_id = c.id AND l.mapping_config_id IS NOT NULL
            ORDER BY c.id, l.position""")
        .query(
            rs -> {
              long id = rs.getLong("id");
              configs.putIfAbsent(
                  id, new MappingGraph.StoredRef(id, rs.getString("name"), rs.getString("model")));
              long mapping = rs.getLong("mapping_config_id");
              if (!rs.wasNull()) {
                mapsWith.computeIfAbsent(id, any -> new ArrayList<>()).add(mapping);
              }
            });
    return new MappingGraph(configs, mapsWith);
  }

  public List<ConfigRef> usersOf(long id) {
    return jdbc.sql(
            """
            SELECT DISTINCT c.id, c.name FROM sync_config_line l
              JOIN sync_config c ON c.id = l.config_id
            WHERE l.mapping_config_id = :id AND l.config_id <> :id
            ORDER BY c.id""")
        .param("id", id)
        .query((rs, row) -> new ConfigRef(rs.getLong("id"), rs.getString("name")))
        .list();
  }

  private <T> T write(Supplier<T> work) {
    try {
      return transactions.execute(status -> work.get());
    } catch (DataIntegrityViolationException e) {
      String constraint = constraintOf(e);
      if (NAME_KEY.equals(constraint)) {
        throw new InvalidConfigException(
            List.of(new FieldError("name", "another sync config already has this name")));
      }
      if (MAPPING_CONFIG_FKEY.equals(constraint)) {
        throw new InvalidConfigException(
            List.of(
                new FieldError(
                    "lines", "a relational line's mappingConfig names a config that was deleted")));
      }
      throw e;
    }
  }

  private JdbcClient.StatementSpec bindConfig(JdbcClient.StatementSpec spec, SyncConfig config) {
    SyncConfig.Auth auth = config.auth();
    AuthType authType =
        auth.authType().orElseThrow(() -> new IllegalArgumentException("unknown auth type"));
    AuthSettings settings = auth.toSettings();
    String secret = auth.secret();
    RetrySettings retry = config.retry();
    return spec.param("name", config.name())
        .param("model", config.model())
        .param("filterDomain", config.filterDomain())
        .param("requestUrl", config.requestUrl())
        .param(
            "httpMethod",
            config
                .method()
                .orElseThrow(() -> new IllegalArgumentException("invalid httpMethod"))
                .name())
        .param("connectTimeout", config.connectTimeout())
        .param("readTimeout", config.readTimeout())
        .param("authType", SyncConfig.Auth.typeName(authType))
        .param("authLogin", settings.login())
        .param("authSecret", secret.isEmpty() ? null : cipher.encrypt(secret), Types.BINARY)
        .param("authHeaderName", settings.headerName())
        .param("paginated", config.paginated())
        .param("pageSize", config.pageSize())
        .param("limit", config.limit(), Types.INTEGER)
        .param("requestScript", config.requestScript())
        .param("retryMaxAttempts", retry.maxAttempts())
        .param("retryInitialMs", retry.initialIntervalMillis())
        .param("retryBackoff", retry.backoffCoefficient())
        .param("retryMaxMs", retry.maxIntervalMillis())
        .param("rateLimit", config.rateLimit(), Types.DOUBLE)
        .param("maxFailureRatio", config.maxFailureRatio(), Types.DOUBLE)
        .param("concurrency", config.concurrency())
        .param("enabled", config.enabled())
        .param("language", config.language())
        .param("scriptTimeout", config.scriptTimeout())
        .param("companyId", config.companyId(), Types.BIGINT)
        .param("companyRecordsOnly", config.companyRecordsOnly())
        .param("incremental", config.incremental())
        .param("circuitThreshold", config.outage().circuitThreshold())
        .param("circuitWindow", config.outage().circuitWindowSeconds())
        .param("maxOutage", config.outage().maxOutageMinutes());
  }

  private void insertChildren(long id, SyncConfig config) {
    List<SyncConfig.Line> lines = config.lines();
    for (int position = 0; position < lines.size(); position++) {
      SyncConfig.Line line = lines.get(position);
      jdbc.sql(
              """
              INSERT INTO sync_config_line (config_id, position, field, external_key, value_type,
                is_identifier, mapping_config_id, expression)
              VALUES (:configId, :position, :field, :externalKey, :valueType, :isIdentifier,
                :mappingConfigId, :expression)""")
          .param("configId", id)
          .param("position", position)
          .param("field", line.field())
          .param("externalKey", line.externalKey())
          .param(
              "valueType",
              line.type()
                  .orElseThrow(() -> new IllegalArgumentException("unknown value type"))
                  .jsonName())
          .param("isIdentifier", line.isIdentifier())
          .param(
              "mappingConfigId",
              line.mappingConfig() == 0 ? null : line.mappingConfig(),
              Types.BIGINT)
          .param("expression", line.expression())
          .update();
    }
    List<Header> headers = config.headers();
    for (int position = 0; position < headers.size(); position++) {
      Header header = headers.get(position);
      jdbc.sql(
              "INSERT INTO sync_config_header (config_id, position, key, value, secret_value)"
                  + " VALUES (:configId, :position, :key, :value, :secretValue)")
          .param("configId", id)
          .param("position", position)
          .param("key", header.key())
          .param("value", header.secret() ? "" : header.value())
          .param(
              "secretValue", header.secret() ? cipher.encrypt(header.value()) : null, Types.BINARY)
          .update();
    }
  }

  /** Configs matching {@code where} (empty, or on {@code :id}), each with its lines and headers. */
  private List<StoredConfig> load(String where, long id, boolean decrypt) {
    String childWhere = where.isEmpty() ? "" : "WHERE config_id = :id";
    Map<Long, List<SyncConfig.Line>> lines = new LinkedHashMap<>();
    jdbc.sql(
            "SELECT config_id, field, external_key, value_type, is_identifier, mapping_config_id,"
                + " expression FROM sync_config_line "
                + childWhere
                + " ORDER BY config_id, position")
        .param("id", id)
        .query(
            rs -> {
              lines
                  .computeIfAbsent(rs.getLong("config_id"), key -> new ArrayList<>())
                  .add(
                      new SyncConfig.Line(
                          rs.getString("field"),
                          rs.getString("external_key"),
                          rs.getString("value_type"),
                          rs.getBoolean("is_identifier"),
                          rs.getLong("mapping_config_id"),
                          rs.getString("expression")));
            });
    Map<Long, List<Header>> headers = new LinkedHashMap<>();
    jdbc.sql(
            "SELECT config_id, key, value, secret_value FROM sync_config_header "
                + childWhere
                + " ORDER BY config_id, position")
        .param("id", id)
        .query(
            rs -> {
              headers
                  .computeIfAbsent(rs.getLong("config_id"), key -> new ArrayList<>())
                  .add(header(rs, decrypt));
            });
    return jdbc.sql("SELECT " + CONFIG_COLUMNS + " FROM sync_config " + where + " ORDER BY id")
        .param("id", id)
        .query(
            (rs, row) -> {
              long configId = rs.getLong("id");
              SyncConfig config =
                  SyncConfig.builder()
                      .name(rs.getString("name"))
                      .model(rs.getString("model"))
                      .filterDomain(rs.getString("filter_domain"))
                      .requestUrl(rs.getString("request_url"))
                      .httpMethod(rs.getString("http_method"))
                      .connectTimeout(rs.getInt("connect_timeout_seconds"))
                      .readTimeout(rs.getInt("read_timeout_seconds"))
                      .auth(auth(rs, decrypt))
                      .headers(headers.getOrDefault(configId, List.of()))
                      .lines(lines.getOrDefault(configId, List.of()))
                      .paginated(rs.getBoolean("paginated"))
                      .pageSize(rs.getInt("page_size"))
                      .limit(rs.getObject("record_limit", Integer.class))
                      .requestScript(rs.getString("request_script"))
                      .retry(
                          new RetrySettings(
                              rs.getInt("retry_max_attempts"),
                              rs.getLong("retry_initial_interval_ms"),
                              rs.getDouble("retry_backoff_coefficient"),
                              rs.getLong("retry_max_interval_ms")))
                      .rateLimit(rs.getObject("rate_limit", Double.class))
                      .maxFailureRatio(rs.getObject("max_failure_ratio", Double.class))
                      .concurrency(rs.getInt("concurrency"))
                      .enabled(rs.getBoolean("enabled"))
                      .language(rs.getString("language"))
                      .scriptTimeout(rs.getInt("script_timeout_seconds"))
                      .companyId(rs.getObject("company_id", Long.class))
                      .companyRecordsOnly(rs.getBoolean("company_records_only"))
                      .incremental(rs.getBoolean("incremental"))
                      .outage(
                          new OutageSettings(
                              rs.getInt("circuit_threshold"),
                              rs.getInt("circuit_window_seconds"),
                              rs.getInt("max_outage_minutes")))
                      .build();
              LocalDateTime watermark = rs.getObject("watermark", LocalDateTime.class);
              return new StoredConfig(
                  configId,
                  config,
                  rs.getObject("created_at", OffsetDateTime.class).toInstant(),
                  rs.getObject("updated_at", OffsetDateTime.class).toInstant(),
                  watermark == null ? "" : WriteDates.format(watermark));
            })
        .list();
  }

  /** A header row; without {@code decrypt} a secret header's value stays empty. */
  private Header header(ResultSet rs, boolean decrypt) throws SQLException {
    byte[] sealed = rs.getBytes("secret_value");
    if (sealed == null) {
      return new Header(rs.getString("key"), rs.getString("value"));
    }
    return Header.secret(rs.getString("key"), decrypt ? cipher.decrypt(sealed) : "");
  }

  /** The auth columns of a row; without {@code decrypt} the secret stays empty. */
  private SyncConfig.Auth auth(ResultSet rs, boolean decrypt) throws SQLException {
    String type = rs.getString("auth_type");
    byte[] sealed = rs.getBytes("auth_secret");
    String secret = decrypt && sealed != null ? cipher.decrypt(sealed) : "";
    SyncConfig.Auth auth =
        new SyncConfig.Auth(
            type, rs.getString("auth_login"), "", "", rs.getString("auth_header_name"), "");
    return switch (auth.authType().orElse(AuthType.NONE)) {
      case NONE -> auth;
      case BASIC -> SyncConfig.Auth.basic(auth.login(), secret);
      case BEARER -> SyncConfig.Auth.bearer(secret);
      case API_KEY -> SyncConfig.Auth.apiKey(auth.headerName(), secret);
    };
  }

  private static String constraintOf(Throwable error) {
    for (Throwable cause = error; cause != null; cause = cause.getCause()) {
      if (cause instanceof PSQLException psql && psql.getServerErrorMessage() != null) {
        return psql.getServerErrorMessage().getConstraint();
      }
    }
    return null;
  }
}
