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
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A sync config (SPEC §2) as it is edited and stored, secrets included. Only {@link ConfigStore}
 * and the config API handle it; runs get a {@link dev.apisync.workflows.ConfigSnapshot} and fetch
 * credentials by id at send time.
 *
 * <p>Choices (httpMethod, auth type, line value types) keep the text the user sent, so that {@link
 * ConfigValidator} can say what is wrong with it; {@link #method()}, {@link Auth#authType()} and
 * {@link Line#type()} parse it. Text fields are never null (absent is empty), lists are immutable.
 *
 * @param connectTimeout seconds
 * @param readTimeout seconds
 * @param limit cap on records per run; {@code null} for none
 * @param rateLimit requests per second toward the target; {@code null} for no limit
 * @param maxFailureRatio a run whose failed share of records exceeds this (0 to 1) ends FAILED;
 *     {@code null} for never
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
 *     <p>Long because it holds SPEC §2's two dozen fields three times over (the record, its
 *     builder, and the nested auth, header and line types that parse the API's strings once); each
 *     part is small.
 */
public record SyncConfig(
    String name,
    String model,
    String filterDomain,
    String requestUrl,
    String httpMethod,
    int connectTimeout,
    int readTimeout,
    Auth auth,
    List<Header> headers,
    List<Line> lines,
    boolean paginated,
    int pageSize,
    Integer limit,
    String requestScript,
    RetrySettings retry,
    Double rateLimit,
    Double maxFailureRatio,
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
    httpMethod = trimmed(httpMethod);
    auth = auth == null ? Auth.NONE : auth;
    headers = headers == null ? List.of() : List.copyOf(headers);
    lines = lines == null ? List.of() : List.copyOf(lines);
    requestScript = requestScript == null ? "" : requestScript;
    retry = retry == null ? RetrySettings.DEFAULTS : retry;
    language =
        language == null || language.isBlank() ? ConfigSnapshot.DEFAULT_LANGUAGE : language.trim();
  }

  /** A builder holding every default of SPEC §2; name, model, URL, method and lines have none. */
  public static Builder builder() {
    return new Builder();
  }

  public Builder toBuilder() {
    return new Builder(this);
  }

  /** The HTTP method, if {@link #httpMethod} names exactly one (case-insensitively). */
  public Optional<HttpMethod> method() {
    for (HttpMethod method : HttpMethod.values()) {
      if (method.name().equalsIgnoreCase(httpMethod)) {
        return Optional.of(method);
      }
    }
    return Optional.empty();
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
   * How requests authenticate. Only the fields of the type matter: basic uses login and password,
   * bearer the token, apiKey the header name and value. An empty secret in an edit means "keep the
   * stored one" (see {@link #keepingSecretOf}).
   *
   * @param type {@code none}, {@code basic}, {@code bearer} or {@code apiKey}
   */
  public record Auth(
      String type, String login, String password, String token, String headerName, String value) {

    public static final Auth NONE = new Auth("none", "", "", "", "", "");

    public Auth {
      type = type == null || type.isBlank() ? "none" : type.trim();
      login = login == null ? "" : login;
      password = password == null ? "" : password;
      token = token == null ? "" : token;
      headerName = headerName == null ? "" : headerName.trim();
      value = value == null ? "" : value;
    }

    public static Auth basic(String login, String password) {
      return new Auth("basic", login, password, "", "", "");
    }

    public static Auth bearer(String token) {
      return new Auth("bearer", "", "", token, "", "");
    }

    public static Auth apiKey(String headerName, String value) {
      return new Auth("apiKey", "", "", "", headerName, value);
    }

    /**
     * The API's name of an auth type: {@code none}, {@code basic}, {@code bearer}, {@code apiKey}.
     */
    public static String typeName(AuthType type) {
      return switch (type) {
        case NONE -> "none";
        case BASIC -> "basic";
        case BEARER -> "bearer";
        case API_KEY -> "apiKey";
      };
    }

    /** Parses {@link #type}, case-insensitively; {@code API_KEY} and {@code api_key} also pass. */
    public Optional<AuthType> authType() {
      String normalized = type.replace("_", "").toLowerCase(Locale.ROOT);
      for (AuthType candidate : AuthType.values()) {
        if (typeName(candidate).toLowerCase(Locale.ROOT).equals(normalized)) {
          return Optional.of(candidate);
        }
      }
      return Optional.empty();
    }

    /**
     * The secret the type uses (password, token or key value); empty for none or an unknown type.
     */
    public String secret() {
      return switch (authType().orElse(AuthType.NONE)) {
        case NONE -> "";
        case BASIC -> password;
        case BEARER -> token;
        case API_KEY -> value;
      };
    }

    /**
     * Secrets are write-only: the API never returns them, so a client that reads a config and sends
     * it back omits them. When this auth has the same type as {@code stored} (and, for apiKey, the
     * same header name) and no secret, the result carries the stored secret; otherwise it is this
     * auth unchanged. The caller checks that the origin is unchanged.
     */
    public Auth keepingSecretOf(Auth stored) {
      Optional<AuthType> authType = authType();
      if (!secret().isEmpty() || authType.isEmpty() || !authType.equals(stored.authType())) {
        return this;
      }
      if (authType.get() == AuthType.API_KEY && !headerName.equalsIgnoreCase(stored.headerName())) {
        return this; // a key goes only into the header it was entered for
      }
      return switch (authType.get()) {
        case NONE -> this;
        case BASIC -> new Auth(type, login, stored.password(), token, headerName, value);
        case BEARER -> new Auth(type, login, password, stored.token(), headerName, value);
        case API_KEY -> new Auth(type, login, password, token, headerName, stored.value());
      };
    }

    /** The settings the HTTP activity uses; fields the type does not use are empty. */
    public AuthSettings toSettings() {
      AuthType authType =
          authType().orElseThrow(() -> new IllegalStateException("unknown auth type " + type));
      boolean basic = authType == AuthType.BASIC;
      boolean apiKey = authType == AuthType.API_KEY;
      return new AuthSettings(
          authType,
          basic ? login : "",
          basic ? password : "",
          authType == AuthType.BEARER ? token : "",
          apiKey ? headerName : "",
          apiKey ? value : "");
    }

    @Override
    public String toString() {
      return "Auth[type="
          + type
          + ", login="
          + login
          + ", headerName="
          + headerName
          + ", secret="
          + (secret().isEmpty() ? "none" : "***")
          + "]";
    }
  }

  /**
   * One field mapping line (SPEC §3).
   *
   * @param valueType {@code plain}, {@code relational}, {@code python} or {@code relational_python}
   * @param mappingConfig the id of the child config of a relational line, 0 for none
   * @param expression the Python expression of python lines, empty for none
   */
  public record Line(
      String field,
      String externalKey,
      String valueType,
      boolean isIdentifier,
      long mappingConfig,
      String expression) {

    public Line {
      field = trimmed(field);
      externalKey = trimmed(externalKey);
      valueType = valueType == null || valueType.isBlank() ? "plain" : valueType.trim();
      expression = expression == null ? "" : expression;
    }

    public static Line plain(String field, String externalKey) {
      return new Line(field, externalKey, "plain", false, 0, "");
    }

    public static Line identifier(String field, String externalKey) {
      return new Line(field, externalKey, "plain", true, 0, "");
    }

    public static Line relational(String field, String externalKey, long mappingConfig) {
      return new Line(field, externalKey, "relational", false, mappingConfig, "");
    }

    public static Line python(String externalKey, String expression) {
      return new Line("", externalKey, "python", false, 0, expression);
    }

    public Optional<ValueType> type() {
      return ValueType.parse(valueType);
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
    private String httpMethod = "";
    private int connectTimeout = DEFAULT_CONNECT_TIMEOUT;
    private int readTimeout = DEFAULT_READ_TIMEOUT;
    private Auth auth = Auth.NONE;
    private List<Header> headers = new ArrayList<>();
    private List<Line> lines = new ArrayList<>();
    private boolean paginated;
    private int pageSize = DEFAULT_PAGE_SIZE;
    private Integer limit;
    private String requestScript = "";
    private RetrySettings retry = RetrySettings.DEFAULTS;
    private Double rateLimit;
    private Double maxFailureRatio;
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

    public Builder httpMethod(String httpMethod) {
      this.httpMethod = httpMethod;
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

    /** {@code null} for no limit. */
    public Builder limit(Integer limit) {
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

    /** {@code null} for no rate limit. */
    public Builder rateLimit(Double rateLimit) {
      this.rateLimit = rateLimit;
      return this;
    }

    /** {@code null}: a run never fails for its share of failed records. */
    public Builder maxFailureRatio(Double maxFailureRatio) {
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
