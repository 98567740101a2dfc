package dev.apisync.activities.config;

import dev.apisync.workflows.ConfigSnapshot;
import dev.apisync.workflows.HttpMethod;
import dev.apisync.workflows.OutageSettings;
import dev.apisync.workflows.RetrySettings;
import dev.apisync.workflows.ValueType;
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
import org.springframework.jdbc.core.SqlParameterValue;
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

  private final JdbcClient jdbc;
  private final TransactionTemplate transactions;
  private final SecretCipher cipher;

  /** The columns of sync_config a config's fields are written to: {@link #columns}' keys. */
  private final List<String> columns;

  public ConfigStore(DataSource dataSource, SecretCipher cipher) {
    this.jdbc = JdbcClient.create(dataSource);
    this.transactions = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
    this.cipher = cipher;
    this.columns = List.copyOf(columns(SyncConfig.builder().build()).keySet());
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
              jdbc.sql(
                      "INSERT INTO sync_config ("
                          + String.join(", ", columns)
                          + ") VALUES ("
                          + String.join(", ", columns.stream().map(c -> ":" + c).toList())
                          + ") RETURNING id")
                  .params(columns(config))
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
          if (!lock(id)) {
            return false;
          }
          SyncConfig stored = find(id).orElseThrow().config();
          SyncConfig merged = config.withSecretsFrom(stored);
          jdbc.sql(
                  "UPDATE sync_config SET "
                      + String.join(", ", columns.stream().map(c -> c + " = :" + c).toList())
                      + ", updated_at = now() WHERE id = :id")
              .params(columns(merged))
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
                if (!lock(id)) {
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
    return new TargetCredentials(config.auth(), config.headers());
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

  /** Locks the config's row for this transaction; false when no config has this id. */
  private boolean lock(long id) {
    return jdbc.sql("SELECT id FROM sync_config WHERE id = :id FOR UPDATE")
        .param("id", id)
        .query(Long.class)
        .optional()
        .isPresent();
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

  /**
   * The sync_config columns of a config, by name, in order: the one list the insert, the update and
   * the select share. Absent optional numbers are NULL, as the API's omitted fields.
   */
  private Map<String, Object> columns(SyncConfig config) {
    Auth auth = config.auth();
    String secret = auth.secret();
    RetrySettings retry = config.retry();
    Map<String, Object> columns = new LinkedHashMap<>();
    columns.put("name", config.name());
    columns.put("model", config.model());
    columns.put("filter_domain", config.filterDomain());
    columns.put("request_url", config.requestUrl());
    columns.put("http_method", config.httpMethod().name());
    columns.put("connect_timeout_seconds", config.connectTimeout());
    columns.put("read_timeout_seconds", config.readTimeout());
    columns.put("auth_type", auth.typeName());
    columns.put("auth_login", auth instanceof Auth.Basic basic ? basic.login() : "");
    columns.put(
        "auth_secret",
        new SqlParameterValue(Types.BINARY, secret.isEmpty() ? null : cipher.encrypt(secret)));
    columns.put("auth_header_name", auth.headerName());
    columns.put("paginated", config.paginated());
    columns.put("page_size", config.pageSize());
    columns.put(
        "record_limit",
        new SqlParameterValue(
            Types.INTEGER, config.limit() == SyncConfig.NO_LIMIT ? null : config.limit()));
    columns.put("request_script", config.requestScript());
    columns.put("retry_max_attempts", retry.maxAttempts());
    columns.put("retry_initial_interval_ms", retry.initialIntervalMillis());
    columns.put("retry_backoff_coefficient", retry.backoffCoefficient());
    columns.put("retry_max_interval_ms", retry.maxIntervalMillis());
    columns.put(
        "rate_limit",
        new SqlParameterValue(
            Types.DOUBLE,
            config.rateLimit() == SyncConfig.NO_RATE_LIMIT ? null : config.rateLimit()));
    columns.put(
        "max_failure_ratio",
        new SqlParameterValue(
            Types.DOUBLE,
            config.maxFailureRatio() == SyncConfig.NEVER_FAIL_RATIO
                ? null
                : config.maxFailureRatio()));
    columns.put("concurrency", config.concurrency());
    columns.put("enabled", config.enabled());
    columns.put("language", config.language());
    columns.put("script_timeout_seconds", config.scriptTimeout());
    columns.put("company_id", new SqlParameterValue(Types.BIGINT, config.companyId()));
    columns.put("company_records_only", config.companyRecordsOnly());
    columns.put("incremental", config.incremental());
    columns.put("circuit_threshold", config.outage().circuitThreshold());
    columns.put("circuit_window_seconds", config.outage().circuitWindowSeconds());
    columns.put("max_outage_minutes", config.outage().maxOutageMinutes());
    return columns;
  }

  /** A config from a sync_config row read with {@link #columns}, its lines and its headers. */
  private SyncConfig config(
      ResultSet rs, List<SyncConfig.Line> lines, List<Header> headers, boolean decrypt)
      throws SQLException {
    SyncConfig.Builder config =
        SyncConfig.builder()
            .name(rs.getString("name"))
            .model(rs.getString("model"))
            .filterDomain(rs.getString("filter_domain"))
            .requestUrl(rs.getString("request_url"))
            .httpMethod(HttpMethod.valueOf(rs.getString("http_method")))
            .connectTimeout(rs.getInt("connect_timeout_seconds"))
            .readTimeout(rs.getInt("read_timeout_seconds"))
            .auth(auth(rs, decrypt))
            .headers(headers)
            .lines(lines)
            .paginated(rs.getBoolean("paginated"))
            .pageSize(rs.getInt("page_size"))
            .limit(rs.getInt("record_limit"))
            .requestScript(rs.getString("request_script"))
            .retry(
                new RetrySettings(
                    rs.getInt("retry_max_attempts"),
                    rs.getLong("retry_initial_interval_ms"),
                    rs.getDouble("retry_backoff_coefficient"),
                    rs.getLong("retry_max_interval_ms")))
            .rateLimit(rs.getDouble("rate_limit"))
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
                    rs.getInt("max_outage_minutes")));
    Double maxFailureRatio = rs.getObject("max_failure_ratio", Double.class);
    if (maxFailureRatio != null) {
      config.maxFailureRatio(maxFailureRatio);
    }
    return config.build();
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
          .param("valueType", line.valueType().jsonName())
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
                          ValueType.ofJsonName(rs.getString("value_type")),
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
    return jdbc.sql(
            "SELECT id, "
                + String.join(", ", columns)
                + ", watermark, created_at, updated_at FROM sync_config "
                + where
                + " ORDER BY id")
        .param("id", id)
        .query(
            (rs, row) -> {
              long configId = rs.getLong("id");
              SyncConfig config =
                  config(
                      rs,
                      lines.getOrDefault(configId, List.of()),
                      headers.getOrDefault(configId, List.of()),
                      decrypt);
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
  private Auth auth(ResultSet rs, boolean decrypt) throws SQLException {
    byte[] sealed = rs.getBytes("auth_secret");
    String secret = decrypt && sealed != null ? cipher.decrypt(sealed) : "";
    return Auth.parse(
            rs.getString("auth_type"),
            rs.getString("auth_login"),
            secret,
            secret,
            rs.getString("auth_header_name"),
            secret)
        .orElse(Auth.NONE);
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
