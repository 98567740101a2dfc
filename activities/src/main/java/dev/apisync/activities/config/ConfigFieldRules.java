package dev.apisync.activities.config;

import dev.apisync.activities.egress.EgressPolicy;
import dev.apisync.workflows.HttpMethod;
import dev.apisync.workflows.OutageSettings;
import dev.apisync.workflows.RetrySettings;
import dev.apisync.workflows.UrlRedaction;
import dev.apisync.workflows.UrlTemplate;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import okhttp3.Dns;

/**
 * The rules a config's fields follow on their own and with each other, without the database: name
 * and method, timeouts, credentials ({@link CredentialRules}), identifier and external keys,
 * request URL, paging, retries and load, outage settings and language. Only the egress policy looks
 * anything up (DNS, for the request URL's host).
 *
 * <p>Long because each field's rules, short on their own, are many (SPEC §2); credentials have a
 * class of their own ({@link CredentialRules}).
 */
final class ConfigFieldRules {

  private static final int MAX_NAME_LENGTH = 200;

  /** Odoo language codes: en_US, uk_UA, es_419, sr@latin. */
  private static final Pattern LANGUAGE = Pattern.compile("[a-z]{2,3}(_[A-Z0-9]{2,3})?(@[a-z]+)?");

  private static final String METHODS = "GET, POST, PUT, PATCH, DELETE";

  private final ConfigDraft draft;
  private final SyncConfig config;
  private final Optional<SyncConfig> stored;
  private final CredentialRules credentials;
  private final EgressPolicy egress;
  private final ConfigErrors errors;

  /**
   * @param stored the config this one replaces: its secrets count for omitted ones while the
   *     request URL's origin stays the same
   */
  ConfigFieldRules(
      ConfigDraft draft, Optional<SyncConfig> stored, EgressPolicy egress, ConfigErrors errors) {
    this.draft = draft;
    this.config = draft.config();
    this.stored = stored;
    this.credentials = new CredentialRules(draft, stored, errors);
    this.egress = egress;
    this.errors = errors;
  }

  /** Auth and custom headers. */
  void credentials() {
    credentials.auth();
    credentials.headers();
  }

  /** Checks the name's form; true when it has one worth looking up. */
  boolean name() {
    String name = config.name();
    if (name.isEmpty()) {
      errors.add("name", "required");
      return false;
    }
    if (name.length() > MAX_NAME_LENGTH) {
      errors.add("name", "at most " + MAX_NAME_LENGTH + " characters");
      return false;
    }
    return true;
  }

  Optional<HttpMethod> httpMethod() {
    Optional<HttpMethod> method = draft.method();
    if (draft.httpMethod().isEmpty()) {
      errors.add("httpMethod", "required: one of " + METHODS);
    } else if (method.isEmpty()) {
      errors.add(
          "httpMethod",
          "must be exactly one of " + METHODS + " (got '" + draft.httpMethod() + "')");
    }
    return method;
  }

  void timeouts() {
    errors.range("connectTimeout", config.connectTimeout(), 1, 60, " seconds");
    errors.range("readTimeout", config.readTimeout(), 1, 300, " seconds");
  }

  /** Checks that lines exist, one is the identifier, and external keys fit together. */
  boolean lines() {
    List<ConfigDraft.RawLine> lines = draft.lines();
    if (lines.isEmpty()) {
      errors.add("lines", "at least one line is required");
      return false;
    }
    identifier(lines);
    externalKeys(lines);
    return true;
  }

  void requestUrl() {
    String url = config.requestUrl();
    if (url.isEmpty()) {
      errors.add("requestUrl", "required: an absolute http or https URL");
      return;
    }
    if (UrlRedaction.containsMask(url)) {
      boolean storedHadSecrets =
          stored
              .filter(old -> !UrlRedaction.redact(old.requestUrl()).equals(old.requestUrl()))
              .isPresent();
      errors.add(
          "requestUrl",
          credentials.omittedSecret(
              "holds a masked value (" + UrlRedaction.MASK + "): enter the real one",
              storedHadSecrets));
      return;
    }
    UrlTemplate template = new UrlTemplate(url);
    if (template.hasUnmatchedBraces()) {
      errors.add("requestUrl", "has an unmatched '{' or '}'; placeholders look like {external_id}");
      return;
    }
    try {
      URI uri = new URI(template.withEach("placeholder"));
      String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
      if (!uri.isAbsolute() || !(scheme.equals("http") || scheme.equals("https"))) {
        errors.add(
            "requestUrl",
            "must be an absolute http or https URL, e.g. https://api.example.com/partners");
        return;
      }
      if (uri.getHost() == null) {
        errors.add("requestUrl", "has no host");
        return;
      }
      // A host filled from the record is only known when a request is built; the worker's
      // egress check covers it then.
      if (!template.hostHasPlaceholder()) {
        int port = uri.getPort() >= 0 ? uri.getPort() : scheme.equals("https") ? 443 : 80;
        egressRefusal(uri.getHost(), port).ifPresent(reason -> errors.add("requestUrl", reason));
      }
    } catch (URISyntaxException e) {
      errors.add("requestUrl", "not a valid URL: " + e.getReason() + " at index " + e.getIndex());
      return;
    }
    Set<String> externalKeys = new HashSet<>();
    draft.lines().forEach(line -> externalKeys.add(line.externalKey()));
    Set<String> placeholders = template.placeholders();
    for (String placeholder : placeholders) {
      if (placeholder.isEmpty()) {
        errors.add("requestUrl", "has an empty placeholder {}");
      } else if (!externalKeys.contains(placeholder)) {
        errors.add(
            "requestUrl", "placeholder {" + placeholder + "} is not the externalKey of any line");
      }
    }
    if (config.paginated() && !placeholders.isEmpty()) {
      errors.add(
          "requestUrl",
          "placeholders are filled per record, but a paginated config sends a page of records"
              + " per request");
    }
  }

  void paging(Optional<HttpMethod> method) {
    errors.range("pageSize", config.pageSize(), 1, 1000, "");
    if (config.paginated() && method.filter(m -> m == HttpMethod.GET).isPresent()) {
      errors.add(
          "paginated",
          "a GET request has no body to carry a page of records; use POST, PUT or PATCH, or turn"
              + " pagination off");
    }
    if (draft.limit() != null && draft.limit() < 1) {
      errors.add("limit", "must be at least 1 (leave it out for no limit)");
    }
  }

  void retryAndLoad() {
    RetrySettings retry = config.retry();
    errors.range("retry.maxAttempts", retry.maxAttempts(), 1, 100, "");
    if (retry.initialIntervalMillis() <= 0) {
      errors.add("retry.initialInterval", "must be greater than 0 seconds");
    }
    if (retry.maxIntervalMillis() <= 0) {
      errors.add("retry.maxInterval", "must be greater than 0 seconds");
    } else if (retry.maxIntervalMillis() < retry.initialIntervalMillis()) {
      errors.add("retry.maxInterval", "must be at least retry.initialInterval");
    }
    if (!(retry.backoffCoefficient() >= 1) || Double.isInfinite(retry.backoffCoefficient())) {
      errors.add("retry.backoffCoefficient", "must be at least 1");
    }
    Double rateLimit = draft.rateLimit();
    if (rateLimit != null
        && !(rateLimit >= InputLimits.MIN_RATE_LIMIT && Double.isFinite(rateLimit))) {
      errors.add(
          "rateLimit",
          "must be at least "
              + InputLimits.MIN_RATE_LIMIT
              + " requests per second (leave it out for no rate limit)");
    }
    Double maxFailureRatio = draft.maxFailureRatio();
    if (maxFailureRatio != null && !(maxFailureRatio > 0 && maxFailureRatio <= 1)) {
      errors.add(
          "maxFailureRatio",
          "must be greater than 0 and at most 1 (leave it out for runs that never fail for it)");
    }
    errors.range("concurrency", config.concurrency(), 1, 64, "");
    OutageSettings outage = config.outage();
    errors.range("outage.circuitThreshold", outage.circuitThreshold(), 1, 1000, "");
    errors.range(
        "outage.circuitWindowSeconds", outage.circuitWindowSeconds(), 1, 86_400, " seconds");
    errors.range("outage.maxOutageMinutes", outage.maxOutageMinutes(), 1, 43_200, " minutes");
  }

  void language() {
    if (!LANGUAGE.matcher(config.language()).matches()) {
      errors.add(
          "language",
          "'" + config.language() + "' is not an Odoo language code such as en_US or uk_UA");
    }
  }

  void scriptTimeout() {
    errors.range("scriptTimeout", config.scriptTimeout(), 1, 60, " seconds");
  }

  private void identifier(List<ConfigDraft.RawLine> lines) {
    int first = -1;
    for (int i = 0; i < lines.size(); i++) {
      if (!lines.get(i).isIdentifier()) {
        continue;
      }
      if (first < 0) {
        first = i;
      } else {
        errors.add(
            "lines[" + i + "].isIdentifier",
            "only one line may be the record identifier; lines[" + first + "] already is");
      }
    }
    if (first < 0) {
      errors.add("lines", "exactly one line must be the record identifier (isIdentifier: true)");
    }
  }

  private void externalKeys(List<ConfigDraft.RawLine> lines) {
    Map<String, Integer> keys = new HashMap<>();
    for (int i = 0; i < lines.size(); i++) {
      String field = "lines[" + i + "].externalKey";
      String key = lines.get(i).externalKey();
      if (key.isEmpty()) {
        errors.add(field, "required");
      } else if (key.startsWith(".") || key.endsWith(".") || key.contains("..")) {
        errors.add(field, "'" + key + "' has an empty part between dots");
      } else if (keys.containsKey(key)) {
        errors.add(
            field, "'" + key + "' is already the externalKey of lines[" + keys.get(key) + "]");
      } else {
        conflictingNesting(field, key, keys);
        keys.put(key, i);
      }
    }
  }

  /** {@code address} and {@code address.city} cannot both be set: one is a value, one an object. */
  private void conflictingNesting(String field, String key, Map<String, Integer> earlier) {
    for (Map.Entry<String, Integer> other : earlier.entrySet()) {
      String shorter = key.length() < other.getKey().length() ? key : other.getKey();
      String longer = shorter.equals(key) ? other.getKey() : key;
      if (longer.startsWith(shorter + ".")) {
        errors.add(
            field,
            "'"
                + key
                + "' and '"
                + other.getKey()
                + "' (lines["
                + other.getValue()
                + "]) collide: '"
                + shorter
                + "' cannot be both a value and an object");
        return;
      }
    }
  }

  /**
   * Why the egress policy refuses the URL's target. A host that does not resolve from here is let
   * through: the worker, which may see other DNS, checks again before it connects.
   */
  private Optional<String> egressRefusal(String host, int port) {
    try {
      return egress.refusalOfTarget(host, port, Dns.SYSTEM);
    } catch (UnknownHostException e) {
      return Optional.empty();
    }
  }
}
