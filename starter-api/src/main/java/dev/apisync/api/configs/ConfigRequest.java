package dev.apisync.api.configs;

import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.apisync.activities.config.ConfigDraft;
import dev.apisync.activities.config.FieldError;
import dev.apisync.activities.config.Header;
import dev.apisync.activities.config.SyncConfig;
import dev.apisync.workflows.OutageSettings;
import dev.apisync.workflows.RetrySettings;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The body of {@code POST /api/configs} and {@code PUT /api/configs/{id}} (SPEC §10). Omitted
 * fields take SPEC §2's defaults. The read-only fields of a response ({@code id}, timestamps, the
 * {@code ...Set} flags of auth) are accepted and ignored, so a client can send back what it read;
 * any other unknown field is an error rather than a silently lost typo.
 */
@JsonIgnoreProperties({"id", "watermark", "createdAt", "updatedAt"})
@Schema(name = "SyncConfigRequest", description = "A sync config to create or replace")
public record ConfigRequest(
    @Schema(description = "Unique (ignoring case)", example = "Partners to CRM") String name,
    @Schema(description = "Odoo model", example = "res.partner") String model,
    @Schema(
            description = "Odoo domain",
            example = "[('customer_rank', '>', 0)]",
            defaultValue = "[]")
        String filterDomain,
    @Schema(
            description =
                "Absolute http(s) URL; {externalKey} placeholders are filled per record. Secret"
                    + " query values and userinfo that a read showed as *** may be sent back"
                    + " masked to keep the stored ones, while the origin stays the same",
            example = "https://crm.example.com/api/partners/{external_id}")
        String requestUrl,
    @Schema(allowableValues = {"GET", "POST", "PUT", "PATCH", "DELETE"}) String httpMethod,
    @Schema(description = "Seconds, 1–60", defaultValue = "5") Integer connectTimeout,
    @Schema(description = "Seconds, 1–300", defaultValue = "15") Integer readTimeout,
    AuthBody auth,
    List<HeaderBody> headers,
    List<LineBody> lines,
    @Schema(description = "One request per page (JSON array) instead of per record")
        Boolean paginated,
    @Schema(description = "1–1000", defaultValue = "100") Integer pageSize,
    @Schema(description = "Cap on records per run; omit for none") Integer limit,
    @Schema(description = "Python run once per request; may set `result` to replace the body")
        String requestScript,
    RetryBody retry,
    @Schema(description = "Requests per second toward the target; omit for no limit")
        Double rateLimit,
    @Schema(
            description =
                "A run whose failed share of records exceeds this (0–1) ends FAILED, having sent"
                    + " what it sent; omit for never")
        Double maxFailureRatio,
    @Schema(description = "Requests in flight per run, 1–64", defaultValue = "1")
        Integer concurrency,
    @Schema(defaultValue = "true") Boolean enabled,
    @Schema(description = "Language of translatable fields", defaultValue = "en_US")
        String language,
    @Schema(
            description =
                "Seconds one evaluation of the config's Python may run (a request script run, one"
                    + " record's python lines), 1–60",
            defaultValue = "5")
        Integer scriptTimeout,
    @Schema(
            description =
                "Odoo company (res_company id) whose company-dependent field values are read;"
                    + " omit for the source's main company")
        Long companyId,
    @Schema(
            description =
                "Sync only records of companyId (and records without a company), as Odoo's"
                    + " multi-company record rules do",
            defaultValue = "false")
        Boolean companyRecordsOnly,
    @Schema(
            description =
                "Send only records whose write_date is after the config's watermark; a completed"
                    + " run moves the watermark to the highest write_date it saw",
            defaultValue = "false")
        Boolean incremental,
    OutageBody outage,
    @Schema(hidden = true) @JsonAnySetter Map<String, Object> unknownFields) {

  /**
   * The config this body describes, with SPEC §2's defaults for what it omits, as a draft for
   * {@link dev.apisync.activities.config.ConfigValidator}: the parts it must parse stay as sent.
   */
  ConfigDraft toDraft() {
    SyncConfig.Builder builder =
        SyncConfig.builder()
            .name(name)
            .model(model)
            .filterDomain(filterDomain)
            .requestUrl(requestUrl)
            .headers(present(headers, HeaderBody::toHeader))
            .requestScript(requestScript)
            .retry(retry == null ? RetrySettings.DEFAULTS : retry.toSettings());
    if (connectTimeout != null) {
      builder.connectTimeout(connectTimeout);
    }
    if (readTimeout != null) {
      builder.readTimeout(readTimeout);
    }
    if (paginated != null) {
      builder.paginated(paginated);
    }
    if (pageSize != null) {
      builder.pageSize(pageSize);
    }
    if (concurrency != null) {
      builder.concurrency(concurrency);
    }
    if (enabled != null) {
      builder.enabled(enabled);
    }
    if (language != null) {
      builder.language(language);
    }
    if (scriptTimeout != null) {
      builder.scriptTimeout(scriptTimeout);
    }
    builder.companyId(companyId);
    if (companyRecordsOnly != null) {
      builder.companyRecordsOnly(companyRecordsOnly);
    }
    if (incremental != null) {
      builder.incremental(incremental);
    }
    if (outage != null) {
      builder.outage(outage.toSettings());
    }
    return new ConfigDraft(
        builder.build(),
        httpMethod,
        auth == null ? ConfigDraft.RawAuth.NONE : auth.toAuth(),
        present(lines, LineBody::toLine),
        limit,
        rateLimit,
        maxFailureRatio);
  }

  /** What is wrong with the body's shape: unknown fields, null list entries. */
  List<FieldError> shapeErrors() {
    List<FieldError> errors = new ArrayList<>();
    unknown("", unknownFields, errors);
    if (auth != null) {
      unknown("auth.", auth.unknownFields(), errors);
    }
    for (int i = 0; headers != null && i < headers.size(); i++) {
      if (headers.get(i) == null) {
        errors.add(new FieldError("headers[" + i + "]", "expected an object, not null"));
      } else {
        unknown("headers[" + i + "].", headers.get(i).unknownFields(), errors);
      }
    }
    for (int i = 0; lines != null && i < lines.size(); i++) {
      if (lines.get(i) == null) {
        errors.add(new FieldError("lines[" + i + "]", "expected an object, not null"));
      } else {
        unknown("lines[" + i + "].", lines.get(i).unknownFields(), errors);
      }
    }
    if (outage != null) {
      unknown("outage.", outage.unknownFields(), errors);
    }
    if (retry != null) {
      unknown("retry.", retry.unknownFields(), errors);
    }
    return errors;
  }

  private static void unknown(String prefix, Map<String, Object> fields, List<FieldError> errors) {
    if (fields != null) {
      fields.keySet().forEach(name -> errors.add(new FieldError(prefix + name, "unknown field")));
    }
  }

  private static <T, R> List<R> present(List<T> items, Function<T, R> convert) {
    return items == null
        ? List.of()
        : items.stream().filter(item -> item != null).map(convert).toList();
  }

  /** Auth; secrets are write-only: omit one on a replace to keep the stored secret. */
  @JsonIgnoreProperties({"passwordSet", "tokenSet", "valueSet"})
  @Schema(name = "AuthRequest")
  public record AuthBody(
      @Schema(
              allowableValues = {"none", "basic", "bearer", "apiKey"},
              defaultValue = "none")
          String type,
      @Schema(description = "basic") String login,
      @Schema(description = "basic; write-only") String password,
      @Schema(description = "bearer; write-only") String token,
      @Schema(description = "apiKey: the header that carries the key", example = "X-Api-Key")
          String headerName,
      @Schema(description = "apiKey: the key; write-only") String value,
      @Schema(hidden = true) @JsonAnySetter Map<String, Object> unknownFields) {

    ConfigDraft.RawAuth toAuth() {
      return new ConfigDraft.RawAuth(type, login, password, token, headerName, value);
    }
  }

  /** A custom header; a secret one is write-only: omit its value on a replace to keep it. */
  @JsonIgnoreProperties({"valueSet"})
  @Schema(name = "Header")
  public record HeaderBody(
      String key,
      @Schema(description = "The value; write-only when secret") String value,
      @Schema(
              description =
                  "The value is a credential: encrypted at rest, never returned, masked in the"
                      + " request log",
              defaultValue = "false")
          Boolean secret,
      @Schema(hidden = true) @JsonAnySetter Map<String, Object> unknownFields) {

    Header toHeader() {
      return new Header(key == null ? "" : key.trim(), value, Boolean.TRUE.equals(secret));
    }
  }

  @Schema(name = "LineRequest")
  public record LineBody(
      @Schema(description = "Field or dotted many2one path", example = "parent_id.name")
          String field,
      @Schema(description = "JSON key; dots nest", example = "company.name") String externalKey,
      @Schema(
              allowableValues = {"plain", "relational", "python", "relational_python"},
              defaultValue = "plain")
          String valueType,
      @JsonProperty("isIdentifier") @Schema(description = "Exactly one line is the identifier")
          Boolean isIdentifier,
      @Schema(description = "relational: id of the config that maps the related records")
          Long mappingConfig,
      @Schema(description = "python, relational_python: the expression") String expression,
      @Schema(hidden = true) @JsonAnySetter Map<String, Object> unknownFields) {

    ConfigDraft.RawLine toLine() {
      return new ConfigDraft.RawLine(
          field,
          externalKey,
          valueType,
          Boolean.TRUE.equals(isIdentifier),
          mappingConfig == null ? 0 : mappingConfig,
          expression);
    }
  }

  /** Retry policy of the HTTP requests; intervals in seconds, fractions allowed. */
  @Schema(name = "Retry")
  public record RetryBody(
      @Schema(description = "1–100", defaultValue = "5") Integer maxAttempts,
      @Schema(description = "Seconds", defaultValue = "1") Double initialInterval,
      @Schema(description = "At least 1", defaultValue = "2.0") Double backoffCoefficient,
      @Schema(description = "Seconds", defaultValue = "60") Double maxInterval,
      @Schema(hidden = true) @JsonAnySetter Map<String, Object> unknownFields) {

    RetrySettings toSettings() {
      RetrySettings defaults = RetrySettings.DEFAULTS;
      return new RetrySettings(
          maxAttempts == null ? defaults.maxAttempts() : maxAttempts,
          initialInterval == null ? defaults.initialIntervalMillis() : millis(initialInterval),
          backoffCoefficient == null ? defaults.backoffCoefficient() : backoffCoefficient,
          maxInterval == null ? defaults.maxIntervalMillis() : millis(maxInterval));
    }

    private static long millis(double seconds) {
      return Math.round(seconds * 1000);
    }
  }

  /** How runs live through an outage of the target; omitted fields keep their defaults. */
  @Schema(name = "Outage")
  public record OutageBody(
      @Schema(
              description =
                  "Failed requests in a row (no connection, or a 5xx) that open the target's"
                      + " circuit: runs then stop sending and probe it with one request, charging"
                      + " no attempts; 1–1000",
              defaultValue = "3")
          Integer circuitThreshold,
      @Schema(
              description = "Seconds within which those failures must fall, 1–86400",
              defaultValue = "60")
          Integer circuitWindowSeconds,
      @Schema(
              description =
                  "Minutes a run waits for its target (or apisync's database) before it fails,"
                      + " its cursor kept for a retry; 1–43200",
              defaultValue = "1440")
          Integer maxOutageMinutes,
      @Schema(hidden = true) @JsonAnySetter Map<String, Object> unknownFields) {

    OutageSettings toSettings() {
      OutageSettings defaults = OutageSettings.DEFAULTS;
      return new OutageSettings(
          circuitThreshold == null ? defaults.circuitThreshold() : circuitThreshold,
          circuitWindowSeconds == null ? defaults.circuitWindowSeconds() : circuitWindowSeconds,
          maxOutageMinutes == null ? defaults.maxOutageMinutes() : maxOutageMinutes);
    }
  }
}
