package dev.apisync.api.configs;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.apisync.activities.config.Auth;
import dev.apisync.activities.config.Header;
import dev.apisync.activities.config.StoredConfig;
import dev.apisync.activities.config.SyncConfig;
import dev.apisync.workflows.OutageSettings;
import dev.apisync.workflows.RetrySettings;
import dev.apisync.workflows.UrlRedaction;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;

/**
 * A stored sync config as the API returns it: secrets are replaced by {@code ...Set} flags, and the
 * request URL's userinfo and secret-looking query values are masked (a replace that sends them back
 * masked keeps the stored ones).
 */
@Schema(name = "SyncConfig")
public record ConfigView(
    long id,
    String name,
    String model,
    String filterDomain,
    String requestUrl,
    String httpMethod,
    int connectTimeout,
    int readTimeout,
    AuthView auth,
    List<HeaderView> headers,
    List<LineView> lines,
    boolean paginated,
    int pageSize,
    Integer limit,
    String requestScript,
    RetryView retry,
    Double rateLimit,
    Double maxFailureRatio,
    int concurrency,
    boolean enabled,
    String language,
    int scriptTimeout,
    Long companyId,
    boolean companyRecordsOnly,
    boolean incremental,
    OutageSettings outage,
    @Schema(
            description =
                "Incremental watermark: the highest write_date a completed run sent (ISO-8601"
                    + " local date-time, the source's clock); null before the first",
            nullable = true)
        String watermark,
    Instant createdAt,
    Instant updatedAt) {

  static ConfigView of(StoredConfig stored) {
    SyncConfig config = stored.config();
    RetrySettings retry = config.retry();
    return new ConfigView(
        stored.id(),
        config.name(),
        config.model(),
        config.filterDomain(),
        UrlRedaction.redact(config.requestUrl()),
        config.httpMethod().name(),
        config.connectTimeout(),
        config.readTimeout(),
        AuthView.of(config.auth()),
        config.headers().stream().map(HeaderView::of).toList(),
        config.lines().stream().map(LineView::of).toList(),
        config.paginated(),
        config.pageSize(),
        config.limit() == SyncConfig.NO_LIMIT ? null : config.limit(),
        config.requestScript(),
        new RetryView(
            retry.maxAttempts(),
            retry.initialIntervalMillis() / 1000.0,
            retry.backoffCoefficient(),
            retry.maxIntervalMillis() / 1000.0),
        config.rateLimit() == SyncConfig.NO_RATE_LIMIT ? null : config.rateLimit(),
        config.maxFailureRatio() == SyncConfig.NEVER_FAIL_RATIO ? null : config.maxFailureRatio(),
        config.concurrency(),
        config.enabled(),
        config.language(),
        config.scriptTimeout(),
        config.companyId(),
        config.companyRecordsOnly(),
        config.incremental(),
        config.outage(),
        stored.watermark().isEmpty() ? null : stored.watermark(),
        stored.createdAt(),
        stored.updatedAt());
  }

  /** Auth without its secret: only the fields of its type, and whether the secret is set. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  @Schema(name = "AuthView")
  public record AuthView(
      @Schema(allowableValues = {"none", "basic", "bearer", "apiKey"}) String type,
      String login,
      Boolean passwordSet,
      Boolean tokenSet,
      String headerName,
      Boolean valueSet) {

    static AuthView of(Auth auth) {
      boolean secretSet = !auth.secret().isEmpty();
      return switch (auth) {
        case Auth.None none -> new AuthView("none", null, null, null, null, null);
        case Auth.Basic basic -> new AuthView("basic", basic.login(), secretSet, null, null, null);
        case Auth.Bearer bearer -> new AuthView("bearer", null, null, secretSet, null, null);
        case Auth.ApiKey key ->
            new AuthView("apiKey", null, null, null, key.headerName(), secretSet);
      };
    }
  }

  /** A custom header; a secret one shows only that its value is set. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  @Schema(name = "HeaderView")
  public record HeaderView(
      String key,
      @Schema(description = "Absent for a secret header") String value,
      @Schema(description = "true for a secret header, else absent") Boolean secret,
      @Schema(description = "Secret headers: whether the value is set") Boolean valueSet) {

    static HeaderView of(Header header) {
      return header.secret()
          ? new HeaderView(header.key(), null, true, !header.value().isEmpty())
          : new HeaderView(header.key(), header.value(), null, null);
    }
  }

  @Schema(name = "Line")
  public record LineView(
      String field,
      String externalKey,
      String valueType,
      @JsonProperty("isIdentifier") boolean isIdentifier,
      @Schema(description = "relational lines: the child config's id, else null")
          Long mappingConfig,
      String expression) {

    static LineView of(SyncConfig.Line line) {
      return new LineView(
          line.field(),
          line.externalKey(),
          line.valueType().jsonName(),
          line.isIdentifier(),
          line.mappingConfig() == 0 ? null : line.mappingConfig(),
          line.expression());
    }
  }

  /** Intervals in seconds. */
  @Schema(name = "RetryView")
  public record RetryView(
      int maxAttempts, double initialInterval, double backoffCoefficient, double maxInterval) {}
}
