package dev.apisync.activities.config;

import dev.apisync.workflows.ConfigSnapshot;
import dev.apisync.workflows.HttpMethod;
import dev.apisync.workflows.OutageSettings;
import dev.apisync.workflows.RetrySettings;
import dev.apisync.workflows.UrlRedaction;
import dev.apisync.workflows.ValueType;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A sync config (SPEC §2) as it is edited and stored, secrets included. Only {@link ConfigStore}
 * and the config API handle it; runs get a {@link dev.apisync.workflows.ConfigSnapshot} and fetch
 * credentials by id at send time.
 *
 * <p>Typed: the API's text is parsed once, by {@link ConfigDraft#parse} after {@link
 * ConfigValidator} passed it, so nothing downstream parses or rejects a stored value again. Text
 * fields are never null (absent is empty), lists are immutable.
 *
 * @param connectTimeout seconds
 * @param readTimeout seconds
 * @param limit cap on records per run; {@link #NO_LIMIT} (0) for none
 * @param rateLimit requests per second toward the target; {@link #NO_RATE_LIMIT} (0) for no limit
 * @param maxFailureRatio a run whose failed share of records exceeds this (0 to 1) ends FAILED;
 *     {@link #NEVER_FAIL_RATIO} (1) for never
 * @param language whose text translatable (jsonb) source columns yield, e.g. {@code en_US}
 * @param scriptTimeout seconds one evaluation of the config's Python may run (a request script run,
 *     one record's python lines); default 5
 * @param companyId the Odoo company whose company-dependent values are read; {@code null} for the
 *     source's main company
 * @param companyRecordsOnly sync only records of {@code companyId} (and records without a company),
 *     as Odoo's multi-company record rules show them to a user of that company; default off
 * @param incremental runs send only records whose {@code write_date} is after the config's
 *     watermark (see {@link Watermarks})
 * @param outage the failures in a row that open the target's circuit, and how long a run waits
 *     through an outage; {@link OutageSettings#DEFAULTS} unless set
 *     <p>Long because it holds SPEC §2's two dozen fields twice over (the record and its builder,
 *     whose setters document their defaults); each part is small.
 */
public record SyncConfig(
    String name,
    String model,
    String filterDomain,
    String requestUrl,
    HttpMethod httpMethod,
    int connectTimeout,
    int readTimeout,
    Auth auth,
    List<Header> headers,
    List<Line> lines,
    boolean paginated,
    int pageSize,
    int limit,
    String requestScript,
    RetrySettings retry,
    double rateLimit,
    double maxFailureRatio,
    int concurrency,
    boolean enabled,
    String language,
    int scriptTimeout,
    Long companyId,
    boolean companyRecordsOnly,
    boolean incremental,
    OutageSettings outage) {

  public static final String DEFAULT_FILTER_DOMAIN = "[]";
  public static final int DEFAULT_CONNECT_TIMEOUT = 5;
  public static final int DEFAULT_READ_TIMEOUT = 15;
  public static final int DEFAULT_PAGE_SIZE = 100;
  public static final int DEFAULT_CONCURRENCY = 1;
  public static final int DEFAULT_SCRIPT_TIMEOUT = 5;
  public static final int NO_LIMIT = 0;
  public static final double NO_RATE_LIMIT = 0;
  public static final double NEVER_FAIL_RATIO = 1.0;

  /** scheme, host (a name or a bracketed IPv6 address) and port; userinfo skipped. */
  private static final Pattern ORIGIN =
      Pattern.compile(
          "^([A-Za-z][A-Za-z0-9+.-]*)://(?:[^/?#]*@)?(\\[[^\\]/?#]*\\]|[^:/?#]*)(?::([^/?#]*))?");

  public SyncConfig {
    name = trimmed(name);
    model = trimmed(model);
    filterDomain =
        filterDomain == null || filterDomain.isBlank() ? DEFAULT_FILTER_DOMAIN : filterDomain;
    requestUrl = trimmed(requestUrl);
    httpMethod = Objects.requireNonNull(httpMethod, "httpMethod");
    auth = auth == null ? Auth.NONE : auth;
    headers = headers == null ? List.of() : List.copyOf(headers);
    lines = lines == null ? List.of() : List.copyOf(lines);
    requestScript = requestScript == null ? "" : requestScript;
    retry = retry == null ? RetrySettings.DEFAULTS : retry;
    language =
        language == null || language.isBlank() ? ConfigSnapshot.DEFAULT_LANGUAGE : language.trim();
  }

  /**
   * A builder holding every default of SPEC §2; name, model, URL and lines have none, the method is
   * POST unless set (the API requires one: {@link ConfigValidator} reports a missing method).
   */
  public static Builder builder() {
    return new Builder();
  }

  public Builder toBuilder() {
    return new Builder(this);
  }

  /**
   * This config as an edit of {@code stored}: the secrets it omits (an auth secret of an unchanged
   * type, a secret header's value, a masked URL userinfo or query value) are the stored ones, as
   * long as the origin of {@link #requestUrl} is unchanged. Moving a config to another origin must
   * carry its secrets again, so nobody who may edit a config can send its stored token elsewhere.
   */
  public SyncConfig withSecretsFrom(SyncConfig stored) {
    if (!origin(requestUrl).equals(origin(stored.requestUrl()))) {
      return this;
    }
    return toBuilder()
        .requestUrl(UrlRedaction.restore(requestUrl, stored.requestUrl()))
        .auth(auth.keepingSecretOf(stored.auth()))
        .headers(headers.stream().map(header -> header.keepingSecretOf(stored.headers())).toList())
        .build();
  }

  /**
   * The origin of a request URL, {@code scheme://host:port} in lower case with the scheme's default
   * port filled in; the URL itself when it is not absolute. Placeholders count as written.
   */
  public static String origin(String url) {
    Matcher matcher = ORIGIN.matcher(url.strip());
    if (!matcher.find()) {
      return url.strip();
    }
    String scheme = matcher.group(1).toLowerCase(Locale.ROOT);
    String port = matcher.group(3) == null || matcher.group(3).isEmpty() ? "" : matcher.group(3);
    if (port.isEmpty()) {
      port = scheme.equals("https") ? "443" : scheme.equals("http") ? "80" : "";
    }
    return scheme + "://" + matcher.group(2).toLowerCase(Locale.ROOT) + ":" + port;
  }

  /** Header values may be secrets too (users put API keys there), so neither they nor auth show. */
  @Override
  public String toString() {
    return "SyncConfig[name="
        + name
        + ", model="
        + model
        + ", "
        + httpMethod
        + " "
        + requestUrl
        + ", "
        + auth
        + ", headers="
        + headers.stream().map(Header::key).toList()
        + ", lines="
        + lines
        + ", paginated="
        + paginated
        + ", enabled="
        + enabled
        + "]";
  }

  private static String trimmed(String text) {
    return text == null ? "" : text.trim();
  }

  /**
   * One field mapping line (SPEC §3).
   *
   * @param mappingConfig the id of the child config of a relational line, 0 for none
   * @param expression the Python expression of python lines, empty for none
   */
  public record Line(
      String field,
      String externalKey,
      ValueType valueType,
      boolean isIdentifier,
      long mappingConfig,
      String expression) {

    public Line {
      field = trimmed(field);
      externalKey = trimmed(externalKey);
      valueType = valueType == null ? ValueType.PLAIN : valueType;
      expression = expression == null ? "" : expression;
    }

    public static Line plain(String field, String externalKey) {
      return new Line(field, externalKey, ValueType.PLAIN, false, 0, "");
    }

    public static Line identifier(String field, String externalKey) {
      return new Line(field, externalKey, ValueType.PLAIN, true, 0, "");
    }

    public static Line relational(String field, String externalKey, long mappingConfig) {
      return new Line(field, externalKey, ValueType.RELATIONAL, false, mappingConfig, "");
    }

    public static Line python(String externalKey, String expression) {
      return new Line("", externalKey, ValueType.PYTHON, false, 0, expression);
    }

    public Line asIdentifier() {
      return new Line(field, externalKey, valueType, true, mappingConfig, expression);
    }
  }

  /** Builds a {@link SyncConfig}, starting from SPEC §2's defaults. */
  public static final class Builder {
    private String name = "";
    private String model = "";
    private String filterDomain = DEFAULT_FILTER_DOMAIN;
    private String requestUrl = "";
    private HttpMethod httpMethod = HttpMethod.POST;
    private int connectTimeout = DEFAULT_CONNECT_TIMEOUT;
    private int readTimeout = DEFAULT_READ_TIMEOUT;
    private Auth auth = Auth.NONE;
    private List<Header> headers = new ArrayList<>();
    private List<Line> lines = new ArrayList<>();
    private boolean paginated;
    private int pageSize = DEFAULT_PAGE_SIZE;
    private int limit = NO_LIMIT;
    private String requestScript = "";
    private RetrySettings retry = RetrySettings.DEFAULTS;
    private double rateLimit = NO_RATE_LIMIT;
    private double maxFailureRatio = NEVER_FAIL_RATIO;
    private int concurrency = DEFAULT_CONCURRENCY;
    private boolean enabled = true;
    private String language = ConfigSnapshot.DEFAULT_LANGUAGE;
    private int scriptTimeout = DEFAULT_SCRIPT_TIMEOUT;
    private Long companyId;
    private boolean companyRecordsOnly;
    private boolean incremental;
    private OutageSettings outage = OutageSettings.DEFAULTS;

    private Builder() {}

    private Builder(SyncConfig config) {
      name = config.name;
      model = config.model;
      filterDomain = config.filterDomain;
      requestUrl = config.requestUrl;
      httpMethod = config.httpMethod;
      connectTimeout = config.connectTimeout;
      readTimeout = config.readTimeout;
      auth = config.auth;
      headers = new ArrayList<>(config.headers);
      lines = new ArrayList<>(config.lines);
      paginated = config.paginated;
      pageSize = config.pageSize;
      limit = config.limit;
      requestScript = config.requestScript;
      retry = config.retry;
      rateLimit = config.rateLimit;
      maxFailureRatio = config.maxFailureRatio;
      concurrency = config.concurrency;
      enabled = config.enabled;
      language = config.language;
      scriptTimeout = config.scriptTimeout;
      companyId = config.companyId;
      companyRecordsOnly = config.companyRecordsOnly;
      incremental = config.incremental;
      outage = config.outage;
    }

    public Builder name(String name) {
      this.name = name;
      return this;
    }

    public Builder model(String model) {
      this.model = model;
      return this;
    }

    public Builder filterDomain(String filterDomain) {
      this.filterDomain = filterDomain;
      return this;
    }

    public Builder requestUrl(String requestUrl) {
      this.requestUrl = requestUrl;
      return this;
    }

    /** POST unless set. */
    public Builder httpMethod(HttpMethod httpMethod) {
      this.httpMethod = Objects.requireNonNull(httpMethod);
      return this;
    }

    public Builder connectTimeout(int seconds) {
      this.connectTimeout = seconds;
      return this;
    }

    public Builder readTimeout(int seconds) {
      this.readTimeout = seconds;
      return this;
    }

    public Builder auth(Auth auth) {
      this.auth = Objects.requireNonNull(auth);
      return this;
    }

    public Builder headers(List<Header> headers) {
      this.headers = new ArrayList<>(headers);
      return this;
    }

    public Builder header(String key, String value) {
      headers.add(new Header(key, value));
      return this;
    }

    public Builder lines(List<Line> lines) {
      this.lines = new ArrayList<>(lines);
      return this;
    }

    public Builder line(Line line) {
      lines.add(line);
      return this;
    }

    public Builder paginated(boolean paginated) {
      this.paginated = paginated;
      return this;
    }

    public Builder pageSize(int pageSize) {
      this.pageSize = pageSize;
      return this;
    }

    /** Records per run, at least 1; {@link #NO_LIMIT} (the default) for none. */
    public Builder limit(int limit) {
      if (limit < 0) {
        throw new IllegalArgumentException("limit must be at least 0, got " + limit);
      }
      this.limit = limit;
      return this;
    }

    public Builder requestScript(String requestScript) {
      this.requestScript = requestScript;
      return this;
    }

    public Builder retry(RetrySettings retry) {
      this.retry = Objects.requireNonNull(retry);
      return this;
    }

    /** Requests per second; {@link #NO_RATE_LIMIT} (the default) for none. */
    public Builder rateLimit(double rateLimit) {
      if (!(rateLimit >= 0) || Double.isInfinite(rateLimit)) {
        throw new IllegalArgumentException("rateLimit must be finite and at least 0");
      }
      this.rateLimit = rateLimit;
      return this;
    }

    /**
     * Above 0, at most 1; {@link #NEVER_FAIL_RATIO} (1, the default): a run never fails for its
     * share of failed records.
     */
    public Builder maxFailureRatio(double maxFailureRatio) {
      if (!(maxFailureRatio > 0 && maxFailureRatio <= 1)) {
        throw new IllegalArgumentException(
            "maxFailureRatio must be in (0, 1], got " + maxFailureRatio);
      }
      this.maxFailureRatio = maxFailureRatio;
      return this;
    }

    public Builder concurrency(int concurrency) {
      this.concurrency = concurrency;
      return this;
    }

    public Builder enabled(boolean enabled) {
      this.enabled = enabled;
      return this;
    }

    public Builder language(String language) {
      this.language = language;
      return this;
    }

    /** Seconds one evaluation of the config's Python may run: 1–60, default 5. */
    public Builder scriptTimeout(int seconds) {
      this.scriptTimeout = seconds;
      return this;
    }

    /** {@code null} for the source's main company. */
    public Builder companyId(Long companyId) {
      this.companyId = companyId;
      return this;
    }

    public Builder companyRecordsOnly(boolean companyRecordsOnly) {
      this.companyRecordsOnly = companyRecordsOnly;
      return this;
    }

    public Builder incremental(boolean incremental) {
      this.incremental = incremental;
      return this;
    }

    /** Circuit threshold, window and maxOutage; {@link OutageSettings#DEFAULTS} unless set. */
    public Builder outage(OutageSettings outage) {
      this.outage = outage;
      return this;
    }

    public SyncConfig build() {
      return new SyncConfig(
          name,
          model,
          filterDomain,
          requestUrl,
          httpMethod,
          connectTimeout,
          readTimeout,
          auth,
          headers,
          lines,
          paginated,
          pageSize,
          limit,
          requestScript,
          retry,
          rateLimit,
          maxFailureRatio,
          concurrency,
          enabled,
          language,
          scriptTimeout,
          companyId,
          companyRecordsOnly,
          incremental,
          outage);
    }
  }
}
