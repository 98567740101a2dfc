package dev.apisync.activities.config;

import dev.apisync.activities.egress.EgressPolicy;
import dev.apisync.activities.mapping.RelationalLineResolver;
import dev.apisync.activities.source.DomainCompiler;
import dev.apisync.activities.source.FieldKind;
import dev.apisync.activities.source.FieldPath;
import dev.apisync.activities.source.ModelInfo;
import dev.apisync.activities.source.SourceCatalog;
import dev.apisync.activities.source.SourceException;
import dev.apisync.workflows.HttpMethod;
import dev.apisync.workflows.OutageSettings;
import dev.apisync.workflows.RetrySettings;
import dev.apisync.workflows.UrlRedaction;
import dev.apisync.workflows.ValueType;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import okhttp3.Dns;

/**
 * Checks a sync config against the rules of SPEC §2 and §3 and reports every broken rule at once,
 * each on the field the API's JSON body calls it ({@code lines[1].isIdentifier}, {@code
 * auth.password}, {@code retry.maxAttempts}). Models, fields and domains are checked against the
 * source database's catalog; names and mapping configs against the store. Python (the request
 * script, python lines) is compiled, not run; a domain with Python values is evaluated at "now".
 */
public class ConfigValidator {

  static final int MAX_NAME_LENGTH = 200;

  private static final Pattern PLACEHOLDER = Pattern.compile("\\{([^{}]*)}");

  /** RFC 9110 field-name: a token. */
  private static final Pattern HEADER_NAME = Pattern.compile("[!#$%&'*+.^_`|~0-9A-Za-z-]+");

  /** Odoo language codes: en_US, uk_UA, es_419, sr@latin. */
  private static final Pattern LANGUAGE = Pattern.compile("[a-z]{2,3}(_[A-Z0-9]{2,3})?(@[a-z]+)?");

  /**
   * The authority of an absolute URL: after {@code scheme://}, up to the path, query or fragment.
   */
  private static final Pattern AUTHORITY = Pattern.compile("^[A-Za-z][A-Za-z0-9+.-]*://([^/?#]*)");

  private static final String METHODS = "GET, POST, PUT, PATCH, DELETE";

  private final SourceCatalog catalog;
  private final DomainCompiler domains;
  private final ConfigStore store;
  private final ScriptSyntax scripts;
  private final EgressPolicy egress;

  /**
   * A validator that does not compile Python, with the strict egress policy; its domains are as
   * {@code domains} reads them.
   */
  public ConfigValidator(SourceCatalog catalog, DomainCompiler domains, ConfigStore store) {
    this(catalog, domains, store, ScriptSyntax.UNCHECKED, EgressPolicy.strict());
  }

  public ConfigValidator(
      SourceCatalog catalog,
      DomainCompiler domains,
      ConfigStore store,
      ScriptSyntax scripts,
      EgressPolicy egress) {
    this.catalog = catalog;
    this.domains = domains;
    this.store = store;
    this.scripts = scripts;
    this.egress = egress;
  }

  /**
   * @param idBeingReplaced the id of the stored config this one replaces, or 0 for a new config.
   *     Its stored secrets count for omitted ones while the request URL's origin stays the same
   *     (see {@link SyncConfig#withSecretsFrom}), and its own name is no conflict.
   * @return the broken rules, empty when the config is valid
   */
  public List<FieldError> validate(SyncConfig config, long idBeingReplaced) {
    List<FieldError> outOfBounds = InputLimits.check(config);
    if (!outOfBounds.isEmpty()) {
      // Checked first and alone: the other rules query the store and compile Python.
      return outOfBounds;
    }
    Optional<StoredConfig> stored =
        idBeingReplaced == 0 ? Optional.empty() : store.find(idBeingReplaced);
    SyncConfig effective = stored.map(s -> config.withSecretsFrom(s.config())).orElse(config);
    Check check = new Check(effective, idBeingReplaced, stored.map(StoredConfig::config));
    check.name();
    Optional<ModelInfo> model = check.model(stored);
    model.ifPresent(check::filterDomain);
    model.ifPresent(check::incremental);
    Optional<HttpMethod> method = check.httpMethod();
    check.timeouts();
    check.auth();
    check.headers();
    check.lines(model);
    check.requestUrl();
    check.paging(method);
    check.retryAndLoad();
    check.language();
    model.ifPresent(check::company);
    check.scripts();
    return List.copyOf(check.errors);
  }

  /** One validation: the config, and the errors found so far. */
  private final class Check {
    private final SyncConfig config;
    private final long id;
    private final Optional<SyncConfig> stored;
    private final List<FieldError> errors = new ArrayList<>();

    Check(SyncConfig config, long id, Optional<SyncConfig> stored) {
      this.config = config;
      this.id = id;
      this.stored = stored;
    }

    /**
     * The message for a secret left out of an edit: when the stored config had one that was not
     * kept because the target moved, it says so; otherwise it is {@code rule}.
     *
     * @param storedSecret whether the stored config has the secret this field would have kept
     */
    private String omittedSecret(String rule, boolean storedSecret) {
      if (!storedSecret || originUnchanged()) {
        return rule;
      }
      return "required again: requestUrl now points at "
          + SyncConfig.origin(config.requestUrl())
          + " instead of "
          + SyncConfig.origin(stored.orElseThrow().requestUrl())
          + ", and a stored secret is only sent to the origin it was entered for";
    }

    /** True for a new config, or an edit whose request URL keeps the stored origin. */
    private boolean originUnchanged() {
      return stored
          .map(
              old ->
                  SyncConfig.origin(old.requestUrl())
                      .equals(SyncConfig.origin(config.requestUrl())))
          .orElse(true);
    }

    /** Whether the stored config has a secret for this auth type. */
    private boolean storedAuthSecret(AuthType type) {
      return stored
          .map(SyncConfig::auth)
          .filter(old -> old.authType().equals(Optional.of(type)) && !old.secret().isEmpty())
          .isPresent();
    }

    private void error(String field, String message) {
      errors.add(new FieldError(field, message));
    }

    void name() {
      String name = config.name();
      if (name.isEmpty()) {
        error("name", "required");
      } else if (name.length() > MAX_NAME_LENGTH) {
        error("name", "at most " + MAX_NAME_LENGTH + " characters");
      } else {
        store
            .findByName(name, id)
            .ifPresent(other -> error("name", "sync config " + other + " already has this name"));
      }
    }

    /** Incremental runs select records by their write date: the table needs that column. */
    void incremental(ModelInfo model) {
      if (config.incremental()
          && model.field("write_date").filter(field -> !field.column().isEmpty()).isEmpty()) {
        error(
            "incremental",
            "table "
                + model.table()
                + " has no write_date column; incremental sync sends records written after the"
                + " watermark");
      }
    }

    Optional<ModelInfo> model(Optional<StoredConfig> stored) {
      String model = config.model();
      if (model.isEmpty()) {
        error("model", "required: an Odoo model name such as res.partner");
        return Optional.empty();
      }
      Optional<ModelInfo> info;
      try {
        info = catalog.model(model);
      } catch (SourceException e) {
        error("model", e.getMessage());
        return Optional.empty();
      }
      if (info.isEmpty()) {
        error(
            "model",
            "unknown model '"
                + model
                + "': the source database has no table "
                + model.replace('.', '_'));
      }
      stored
          .filter(s -> !s.config().model().equals(model))
          .ifPresent(
              s -> {
                List<ConfigRef> users = store.usersOf(id);
                if (!users.isEmpty()) {
                  error(
                      "model",
                      "this config maps "
                          + s.config().model()
                          + " for relational lines of "
                          + join(users)
                          + "; changing its model would break them");
                }
              });
      return info;
    }

    void filterDomain(ModelInfo model) {
      try {
        domains.compile(model.name(), config.filterDomain(), "t");
      } catch (SourceException e) {
        error("filterDomain", e.getMessage());
      }
    }

    Optional<HttpMethod> httpMethod() {
      Optional<HttpMethod> method = config.method();
      if (config.httpMethod().isEmpty()) {
        error("httpMethod", "required: one of " + METHODS);
      } else if (method.isEmpty()) {
        error(
            "httpMethod",
            "must be exactly one of " + METHODS + " (got '" + config.httpMethod() + "')");
      }
      return method;
    }

    void timeouts() {
      range("connectTimeout", config.connectTimeout(), 1, 60, " seconds");
      range("readTimeout", config.readTimeout(), 1, 300, " seconds");
    }

    void auth() {
      SyncConfig.Auth auth = config.auth();
      Optional<AuthType> type = auth.authType();
      if (type.isEmpty()) {
        error(
            "auth.type", "must be one of none, basic, bearer, apiKey (got '" + auth.type() + "')");
        return;
      }
      switch (type.get()) {
        case NONE -> {}
        case BASIC -> {
          if (auth.login().isEmpty()) {
            error("auth.login", "required for basic auth");
          } else if (auth.login().contains(":")) {
            error("auth.login", "may not contain ':', which separates login and password");
          }
          if (auth.password().isEmpty()) {
            error(
                "auth.password",
                omittedSecret("required for basic auth", storedAuthSecret(AuthType.BASIC)));
          }
        }
        case BEARER -> {
          if (auth.token().isBlank()) {
            error(
                "auth.token",
                omittedSecret("required for bearer auth", storedAuthSecret(AuthType.BEARER)));
          }
          noLineBreaks("auth.token", auth.token());
        }
        case API_KEY -> {
          if (auth.headerName().isEmpty()) {
            error("auth.headerName", "required for apiKey auth, e.g. X-Api-Key");
          } else if (!HEADER_NAME.matcher(auth.headerName()).matches()) {
            error("auth.headerName", "'" + auth.headerName() + "' is not a valid HTTP header name");
          }
          if (auth.value().isEmpty()) {
            error("auth.value", apiKeyValueMissing(auth));
          }
          noLineBreaks("auth.value", auth.value());
        }
      }
    }

    private String apiKeyValueMissing(SyncConfig.Auth auth) {
      boolean storedKey = storedAuthSecret(AuthType.API_KEY);
      String storedHeader = stored.map(old -> old.auth().headerName()).orElse("");
      if (storedKey && originUnchanged() && !storedHeader.equalsIgnoreCase(auth.headerName())) {
        return "required again: the key now goes in header '"
            + auth.headerName()
            + "' instead of '"
            + storedHeader
            + "', and a stored key is only sent in the header it was entered for";
      }
      return omittedSecret("required for apiKey auth", storedKey);
    }

    void headers() {
      Optional<AuthType> authType = config.auth().authType();
      String apiKeyHeader =
          authType.filter(type -> type == AuthType.API_KEY).isPresent()
              ? config.auth().headerName()
              : "";
      Map<String, Integer> seen = new HashMap<>();
      List<Header> headers = config.headers();
      for (int i = 0; i < headers.size(); i++) {
        String field = "headers[" + i + "]";
        String key = headers.get(i).key().trim();
        String lower = key.toLowerCase(Locale.ROOT);
        if (key.isEmpty()) {
          error(field + ".key", "required");
        } else if (!HEADER_NAME.matcher(key).matches()) {
          error(field + ".key", "'" + key + "' is not a valid HTTP header name");
        } else if (lower.equals("authorization")) {
          error(
              field + ".key",
              "set Authorization through auth (basic, bearer, or apiKey with headerName"
                  + " Authorization), which keeps its value encrypted");
        } else if (key.equalsIgnoreCase(apiKeyHeader)) {
          error(field + ".key", "'" + key + "' is the apiKey auth header; auth sets it");
        } else if (seen.containsKey(lower)) {
          error(field + ".key", "'" + key + "' is already set by headers[" + seen.get(lower) + "]");
        } else {
          seen.put(lower, i);
        }
        noLineBreaks(field + ".value", headers.get(i).value());
        if (headers.get(i).secret() && headers.get(i).value().isEmpty()) {
          error(
              field + ".value",
              omittedSecret(
                  "required: a secret header needs its value (omit it in an edit to keep the"
                      + " stored one)",
                  storedSecretHeader(key)));
        }
      }
    }

    private boolean storedSecretHeader(String key) {
      return stored.stream()
          .flatMap(old -> old.headers().stream())
          .anyMatch(old -> old.secret() && old.key().equalsIgnoreCase(key));
    }

    void lines(Optional<ModelInfo> model) {
      List<SyncConfig.Line> lines = config.lines();
      if (lines.isEmpty()) {
        error("lines", "at least one line is required");
        return;
      }
      identifier(lines);
      externalKeys(lines);
      for (int i = 0; i < lines.size(); i++) {
        line("lines[" + i + "]", lines.get(i), model);
      }
    }

    private void identifier(List<SyncConfig.Line> lines) {
      int first = -1;
      for (int i = 0; i < lines.size(); i++) {
        if (!lines.get(i).isIdentifier()) {
          continue;
        }
        if (first < 0) {
          first = i;
        } else {
          error(
              "lines[" + i + "].isIdentifier",
              "only one line may be the record identifier; lines[" + first + "] already is");
        }
      }
      if (first < 0) {
        error("lines", "exactly one line must be the record identifier (isIdentifier: true)");
      }
    }

    private void externalKeys(List<SyncConfig.Line> lines) {
      Map<String, Integer> keys = new HashMap<>();
      for (int i = 0; i < lines.size(); i++) {
        String field = "lines[" + i + "].externalKey";
        String key = lines.get(i).externalKey();
        if (key.isEmpty()) {
          error(field, "required");
        } else if (key.startsWith(".") || key.endsWith(".") || key.contains("..")) {
          error(field, "'" + key + "' has an empty part between dots");
        } else if (keys.containsKey(key)) {
          error(field, "'" + key + "' is already the externalKey of lines[" + keys.get(key) + "]");
        } else {
          conflictingNesting(field, key, keys);
          keys.put(key, i);
        }
      }
    }

    /**
     * {@code address} and {@code address.city} cannot both be set: one is a value, one an object.
     */
    private void conflictingNesting(String field, String key, Map<String, Integer> earlier) {
      for (Map.Entry<String, Integer> other : earlier.entrySet()) {
        String shorter = key.length() < other.getKey().length() ? key : other.getKey();
        String longer = shorter.equals(key) ? other.getKey() : key;
        if (longer.startsWith(shorter + ".")) {
          error(
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

    private void line(String prefix, SyncConfig.Line line, Optional<ModelInfo> model) {
      Optional<ValueType> type = line.type();
      if (type.isEmpty()) {
        error(
            prefix + ".valueType",
            "must be one of plain, relational, python, relational_python, selection_label (got '"
                + line.valueType()
                + "')");
      }
      boolean python =
          type.filter(t -> t == ValueType.PYTHON || t == ValueType.RELATIONAL_PYTHON).isPresent();
      boolean relational = type.filter(t -> t == ValueType.RELATIONAL).isPresent();
      Optional<FieldPath> path = Optional.empty();
      if (line.field().isEmpty()) {
        if (!python) {
          error(prefix + ".field", "required: a field of the model or a dotted many2one path");
        }
      } else if (model.isPresent()) {
        try {
          path = Optional.of(catalog.resolvePath(model.get().name(), line.field()));
        } catch (SourceException e) {
          error(prefix + ".field", e.getMessage());
        }
      }
      if (python && line.expression().isBlank()) {
        error(prefix + ".expression", "required for " + line.valueType() + " lines");
      } else if (python) {
        syntax(prefix + ".expression", line.expression(), true);
      } else if (!line.expression().isEmpty()) {
        error(prefix + ".expression", "only python and relational_python lines take an expression");
      }
      path.filter(p -> type.filter(t -> t == ValueType.SELECTION_LABEL).isPresent())
          .filter(p -> !p.last().hasSelectionLabels())
          .ifPresent(
              p ->
                  error(
                      prefix + ".field",
                      "'"
                          + line.field()
                          + "' is not a selection field described in ir_model_fields; a"
                          + " selection_label line needs one"));
      if (relational) {
        relationalLine(prefix, line, path);
      } else if (line.mappingConfig() != 0) {
        error(prefix + ".mappingConfig", "only relational lines take a mappingConfig");
      }
    }

    private void relationalLine(String prefix, SyncConfig.Line line, Optional<FieldPath> path) {
      path.filter(p -> p.last().kind() == FieldKind.SCALAR)
          .ifPresent(
              p ->
                  error(
                      prefix + ".field",
                      "'"
                          + line.field()
                          + "' is not a relational field; a relational line needs a many2one,"
                          + " one2many or many2many"));
      long mappingId = line.mappingConfig();
      if (mappingId <= 0) {
        error(
            prefix + ".mappingConfig",
            "required for relational lines: the id of the config whose lines map the related"
                + " records");
        return;
      }
      if (mappingId == id) {
        error(prefix + ".mappingConfig", "a config cannot be its own mappingConfig");
        return;
      }
      Optional<StoredConfig> mapping = store.find(mappingId);
      if (mapping.isEmpty()) {
        error(prefix + ".mappingConfig", "no sync config has id " + mappingId);
        return;
      }
      String mappedModel = mapping.get().config().model();
      path.filter(p -> p.last().kind() != FieldKind.SCALAR)
          .filter(p -> !p.last().relatedModel().equals(mappedModel))
          .ifPresent(
              p ->
                  error(
                      prefix + ".mappingConfig",
                      "config "
                          + mappingId
                          + " maps "
                          + mappedModel
                          + ", but "
                          + line.field()
                          + " links to "
                          + p.last().relatedModel()));
      if (id != 0 && mapsThrough(mappingId, id)) {
        error(
            prefix + ".mappingConfig",
            "config " + mappingId + " maps through this config in turn: mappings may not loop");
        return;
      }
      nestingDepth(prefix, mappingId);
    }

    /**
     * Related objects nest at most {@link RelationalLineResolver#MAX_DEPTH} levels: through this
     * line's mapping config below, and, for a stored config, through the configs that map with it
     * above.
     */
    private void nestingDepth(String prefix, long mappingId) {
      int below = levels(mappingId, new HashSet<>());
      if (below > RelationalLineResolver.MAX_DEPTH) {
        error(
            prefix + ".mappingConfig",
            "relational mapping through config %d nests %d levels deep; at most %d are allowed"
                .formatted(mappingId, below, RelationalLineResolver.MAX_DEPTH));
        return;
      }
      Optional<Chain> above = id == 0 ? Optional.empty() : longestUserChain(id, new HashSet<>());
      above
          .filter(chain -> chain.levels() + below > RelationalLineResolver.MAX_DEPTH)
          .ifPresent(
              chain ->
                  error(
                      prefix + ".mappingConfig",
                      ("config %d maps through this config from %d level(s) up, so with this"
                              + " line related objects would nest %d levels deep; at most %d are"
                              + " allowed")
                          .formatted(
                              chain.top(),
                              chain.levels(),
                              chain.levels() + below,
                              RelationalLineResolver.MAX_DEPTH)));
    }

    /** How many levels of related objects a stored config's lines build, itself counting one. */
    private int levels(long configId, Set<Long> visiting) {
      if (!visiting.add(configId)) {
        return 0; // a loop, reported on its own
      }
      int deepest =
          store.find(configId).stream()
              .flatMap(stored -> stored.config().lines().stream())
              .filter(line -> line.mappingConfig() > 0)
              .mapToInt(line -> levels(line.mappingConfig(), visiting))
              .max()
              .orElse(0);
      visiting.remove(configId);
      return 1 + deepest;
    }

    /** The config furthest above that maps, through relational lines, with this one. */
    private Optional<Chain> longestUserChain(long configId, Set<Long> visiting) {
      if (!visiting.add(configId)) {
        return Optional.empty();
      }
      Optional<Chain> longest = Optional.empty();
      for (ConfigRef user : store.usersOf(configId)) {
        Chain chain =
            longestUserChain(user.id(), visiting)
                .map(above -> new Chain(above.top(), above.levels() + 1))
                .orElse(new Chain(user.id(), 1));
        if (longest.isEmpty() || chain.levels() > longest.get().levels()) {
          longest = Optional.of(chain);
        }
      }
      visiting.remove(configId);
      return longest;
    }

    /** Whether {@code from}'s relational lines lead, directly or not, to {@code target}. */
    private boolean mapsThrough(long from, long target) {
      Set<Long> visited = new HashSet<>();
      Deque<Long> pending = new ArrayDeque<>(List.of(from));
      while (!pending.isEmpty()) {
        long current = pending.pop();
        if (current == target) {
          return true;
        }
        if (visited.add(current)) {
          store.find(current).stream()
              .flatMap(stored -> stored.config().lines().stream())
              .filter(child -> child.mappingConfig() != 0)
              .forEach(child -> pending.push(child.mappingConfig()));
        }
      }
      return false;
    }

    void requestUrl() {
      String url = config.requestUrl();
      if (url.isEmpty()) {
        error("requestUrl", "required: an absolute http or https URL");
        return;
      }
      if (UrlRedaction.containsMask(url)) {
        boolean storedHadSecrets =
            stored
                .filter(old -> !UrlRedaction.redact(old.requestUrl()).equals(old.requestUrl()))
                .isPresent();
        error(
            "requestUrl",
            omittedSecret(
                "holds a masked value (" + UrlRedaction.MASK + "): enter the real one",
                storedHadSecrets));
        return;
      }
      String outsidePlaceholders = PLACEHOLDER.matcher(url).replaceAll("");
      if (outsidePlaceholders.contains("{") || outsidePlaceholders.contains("}")) {
        error("requestUrl", "has an unmatched '{' or '}'; placeholders look like {external_id}");
        return;
      }
      Set<String> placeholders = new LinkedHashSet<>();
      Matcher matcher = PLACEHOLDER.matcher(url);
      while (matcher.find()) {
        placeholders.add(matcher.group(1).trim());
      }
      try {
        URI uri = new URI(PLACEHOLDER.matcher(url).replaceAll("placeholder"));
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!uri.isAbsolute() || !(scheme.equals("http") || scheme.equals("https"))) {
          error(
              "requestUrl",
              "must be an absolute http or https URL, e.g. https://api.example.com/partners");
          return;
        }
        if (uri.getHost() == null) {
          error("requestUrl", "has no host");
          return;
        }
        if (!hostHasPlaceholder(url)) {
          int port = uri.getPort() >= 0 ? uri.getPort() : scheme.equals("https") ? 443 : 80;
          egressRefusal(uri.getHost(), port).ifPresent(reason -> error("requestUrl", reason));
        }
      } catch (URISyntaxException e) {
        error("requestUrl", "not a valid URL: " + e.getReason() + " at index " + e.getIndex());
        return;
      }
      Set<String> externalKeys = new HashSet<>();
      config.lines().forEach(line -> externalKeys.add(line.externalKey()));
      for (String placeholder : placeholders) {
        if (placeholder.isEmpty()) {
          error("requestUrl", "has an empty placeholder {}");
        } else if (!externalKeys.contains(placeholder)) {
          error(
              "requestUrl", "placeholder {" + placeholder + "} is not the externalKey of any line");
        }
      }
      if (config.paginated() && !placeholders.isEmpty()) {
        error(
            "requestUrl",
            "placeholders are filled per record, but a paginated config sends a page of records"
                + " per request");
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

    void paging(Optional<HttpMethod> method) {
      range("pageSize", config.pageSize(), 1, 1000, "");
      if (config.paginated() && method.filter(m -> m == HttpMethod.GET).isPresent()) {
        error(
            "paginated",
            "a GET request has no body to carry a page of records; use POST, PUT or PATCH, or turn"
                + " pagination off");
      }
      if (config.limit() != null && config.limit() < 1) {
        error("limit", "must be at least 1 (leave it out for no limit)");
      }
    }

    void retryAndLoad() {
      RetrySettings retry = config.retry();
      range("retry.maxAttempts", retry.maxAttempts(), 1, 100, "");
      if (retry.initialIntervalMillis() <= 0) {
        error("retry.initialInterval", "must be greater than 0 seconds");
      }
      if (retry.maxIntervalMillis() <= 0) {
        error("retry.maxInterval", "must be greater than 0 seconds");
      } else if (retry.maxIntervalMillis() < retry.initialIntervalMillis()) {
        error("retry.maxInterval", "must be at least retry.initialInterval");
      }
      if (!(retry.backoffCoefficient() >= 1) || Double.isInfinite(retry.backoffCoefficient())) {
        error("retry.backoffCoefficient", "must be at least 1");
      }
      Double rateLimit = config.rateLimit();
      if (rateLimit != null
          && !(rateLimit >= InputLimits.MIN_RATE_LIMIT && Double.isFinite(rateLimit))) {
        error(
            "rateLimit",
            "must be at least "
                + InputLimits.MIN_RATE_LIMIT
                + " requests per second (leave it out for no rate limit)");
      }
      Double maxFailureRatio = config.maxFailureRatio();
      if (maxFailureRatio != null && !(maxFailureRatio > 0 && maxFailureRatio <= 1)) {
        error(
            "maxFailureRatio",
            "must be greater than 0 and at most 1 (leave it out for runs that never fail for it)");
      }
      range("concurrency", config.concurrency(), 1, 64, "");
      OutageSettings outage = config.outage();
      range("outage.circuitThreshold", outage.circuitThreshold(), 1, 1000, "");
      range("outage.circuitWindowSeconds", outage.circuitWindowSeconds(), 1, 86_400, " seconds");
      range("outage.maxOutageMinutes", outage.maxOutageMinutes(), 1, 43_200, " minutes");
    }

    void scripts() {
      if (!config.requestScript().isBlank()) {
        syntax("requestScript", config.requestScript(), false);
      }
      range("scriptTimeout", config.scriptTimeout(), 1, 60, " seconds");
    }

    private void syntax(String field, String text, boolean expressionAllowed) {
      scripts
          .problem(text, expressionAllowed)
          .ifPresent(problem -> error(field, "Python syntax error: " + problem));
    }

    void language() {
      if (!LANGUAGE.matcher(config.language()).matches()) {
        error(
            "language",
            "'" + config.language() + "' is not an Odoo language code such as en_US or uk_UA");
      }
    }

    /**
     * A company must be a res_company row when the source has that table; limiting records to it
     * needs a model with a company.
     */
    void company(ModelInfo model) {
      Long companyId = config.companyId();
      if (companyId != null) {
        if (companyId < 1) {
          error("companyId", "must be a res_company id, at least 1 (omit for the main company)");
        } else if (catalog.hasTable("res_company")
            && !catalog.hasRecord("res.company", companyId)) {
          error("companyId", "the source database has no res_company with id " + companyId);
        }
      }
      if (config.companyRecordsOnly()) {
        try {
          domains.companyRule(model.name(), "t", companyId == null ? 0 : companyId);
        } catch (SourceException e) {
          error("companyRecordsOnly", e.getMessage());
        }
      }
    }

    private void range(String field, long value, long min, long max, String unit) {
      if (value < min || value > max) {
        error(field, "must be between " + min + " and " + max + unit + " (got " + value + ")");
      }
    }

    private void noLineBreaks(String field, String value) {
      if (value.indexOf('\r') >= 0 || value.indexOf('\n') >= 0) {
        error(field, "may not contain line breaks");
      }
    }
  }

  /**
   * A host filled from the record ({@code https://{tenant}.example.com}) is only known when a
   * request is built; the worker's egress check covers it then.
   */
  private static boolean hostHasPlaceholder(String url) {
    Matcher authority = AUTHORITY.matcher(url);
    return authority.find() && authority.group(1).contains("{");
  }

  /** {@code top} maps, through {@code levels} relational hops, with the config validated. */
  private record Chain(long top, int levels) {}

  private static String join(List<ConfigRef> configs) {
    return String.join(", ", configs.stream().map(ConfigRef::toString).toList());
  }
}
