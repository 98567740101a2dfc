package dev.apisync.activities.config;

import dev.apisync.workflows.HttpMethod;
import dev.apisync.workflows.ValueType;
import java.util.List;
import java.util.Optional;

/**
 * A sync config as a client sent it, before it is parsed: {@link ConfigValidator} checks a draft
 * and reports what is wrong on the field the client wrote, and only a draft it passed becomes a
 * {@link SyncConfig} ({@link #parse}). The parts that need parsing (the method, the auth type, the
 * lines' value types) and the optional numbers whose absence the validator must tell from a value
 * are kept as sent; every other field is already in {@link #config}, so a new plain config field
 * needs no change here.
 *
 * @param config every field that needs no parsing; its method, auth, lines, limit, rateLimit and
 *     maxFailureRatio are the builder's defaults until {@link #parse} sets them from this draft
 * @param httpMethod as sent; null or blank when omitted
 * @param limit {@code null} when omitted (no limit)
 * @param rateLimit {@code null} when omitted (no rate limit)
 * @param maxFailureRatio {@code null} when omitted (runs never fail for it)
 */
public record ConfigDraft(
    SyncConfig config,
    String httpMethod,
    RawAuth auth,
    List<RawLine> lines,
    Integer limit,
    Double rateLimit,
    Double maxFailureRatio) {

  public ConfigDraft {
    httpMethod = httpMethod == null ? "" : httpMethod.trim();
    auth = auth == null ? RawAuth.NONE : auth;
    lines = lines == null ? List.of() : List.copyOf(lines);
  }

  /** A valid config as a client would send it (tests, and edits built from stored configs). */
  public static ConfigDraft of(SyncConfig config) {
    return new ConfigDraft(
        config,
        config.httpMethod().name(),
        RawAuth.of(config.auth()),
        config.lines().stream().map(RawLine::of).toList(),
        config.limit() == SyncConfig.NO_LIMIT ? null : config.limit(),
        config.rateLimit() == SyncConfig.NO_RATE_LIMIT ? null : config.rateLimit(),
        config.maxFailureRatio() == SyncConfig.NEVER_FAIL_RATIO ? null : config.maxFailureRatio());
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
   * This draft as an edit of {@code stored}: its omitted secrets are the stored ones while the
   * request URL's origin stays the same (see {@link SyncConfig#withSecretsFrom}).
   */
  public ConfigDraft withSecretsFrom(SyncConfig stored) {
    Optional<Auth> parsed = auth.parse();
    SyncConfig merged =
        config.toBuilder().auth(parsed.orElse(Auth.NONE)).build().withSecretsFrom(stored);
    RawAuth mergedAuth = parsed.isPresent() ? RawAuth.of(merged.auth()) : auth;
    return new ConfigDraft(
        merged.toBuilder().auth(Auth.NONE).build(),
        httpMethod,
        mergedAuth,
        lines,
        limit,
        rateLimit,
        maxFailureRatio);
  }

  /**
   * The typed config.
   *
   * @throws IllegalArgumentException when a part does not parse: validate first
   */
  public SyncConfig parse() {
    SyncConfig.Builder builder =
        config.toBuilder()
            .httpMethod(method().orElseThrow(() -> unparsed("httpMethod")))
            .auth(auth.parse().orElseThrow(() -> unparsed("auth.type")))
            .lines(
                lines.stream()
                    .map(line -> line.parse().orElseThrow(() -> unparsed("lines.valueType")))
                    .toList());
    if (limit != null) {
      builder.limit(limit);
    }
    if (rateLimit != null) {
      builder.rateLimit(rateLimit);
    }
    if (maxFailureRatio != null) {
      builder.maxFailureRatio(maxFailureRatio);
    }
    return builder.build();
  }

  private static IllegalArgumentException unparsed(String field) {
    return new IllegalArgumentException("an unvalidated draft: " + field + " does not parse");
  }

  /**
   * The {@code auth} object as sent. Only the fields of the type matter: basic uses login and
   * password, bearer the token, apiKey the header name and value.
   *
   * @param type {@code none}, {@code basic}, {@code bearer} or {@code apiKey}; blank for none
   */
  public record RawAuth(
      String type, String login, String password, String token, String headerName, String value) {

    public static final RawAuth NONE = new RawAuth("none", "", "", "", "", "");

    public RawAuth {
      type = type == null || type.isBlank() ? "none" : type.trim();
      login = login == null ? "" : login;
      password = password == null ? "" : password;
      token = token == null ? "" : token;
      headerName = headerName == null ? "" : headerName.trim();
      value = value == null ? "" : value;
    }

    static RawAuth of(Auth auth) {
      return switch (auth) {
        case Auth.None none -> NONE;
        case Auth.Basic basic -> new RawAuth("basic", basic.login(), basic.password(), "", "", "");
        case Auth.Bearer bearer -> new RawAuth("bearer", "", "", bearer.token(), "", "");
        case Auth.ApiKey key -> new RawAuth("apiKey", "", "", "", key.headerName(), key.value());
      };
    }

    /** The auth {@link #type} names, case-insensitively; empty for an unknown type. */
    public Optional<Auth> parse() {
      return Auth.parse(type, login, password, token, headerName, value);
    }

    @Override
    public String toString() {
      return "RawAuth[type=" + type + ", login=" + login + ", headerName=" + headerName + "]";
    }
  }

  /**
   * One mapping line as sent.
   *
   * @param valueType {@code plain}, {@code relational}, {@code python}, {@code relational_python}
   *     or {@code selection_label}; blank for plain
   */
  public record RawLine(
      String field,
      String externalKey,
      String valueType,
      boolean isIdentifier,
      long mappingConfig,
      String expression) {

    public RawLine {
      field = field == null ? "" : field.trim();
      externalKey = externalKey == null ? "" : externalKey.trim();
      valueType = valueType == null || valueType.isBlank() ? "plain" : valueType.trim();
      expression = expression == null ? "" : expression;
    }

    static RawLine of(SyncConfig.Line line) {
      return new RawLine(
          line.field(),
          line.externalKey(),
          line.valueType().jsonName(),
          line.isIdentifier(),
          line.mappingConfig(),
          line.expression());
    }

    public Optional<ValueType> type() {
      return ValueType.parse(valueType);
    }

    Optional<SyncConfig.Line> parse() {
      return type()
          .map(
              type ->
                  new SyncConfig.Line(
                      field, externalKey, type, isIdentifier, mappingConfig, expression));
    }
  }
}
