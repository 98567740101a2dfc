package dev.apisync.activities.config;

import dev.apisync.activities.egress.EgressPolicy;
import dev.apisync.activities.source.DomainCompiler;
import dev.apisync.activities.source.ModelInfo;
import dev.apisync.activities.source.SourceCatalog;
import dev.apisync.workflows.HttpMethod;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Checks a sync config against the rules of SPEC §2 and §3 and reports every broken rule at once,
 * each on the field the API's JSON body calls it ({@code lines[1].isIdentifier}, {@code
 * auth.password}, {@code retry.maxAttempts}). Models, fields and domains are checked against the
 * source database's catalog; names and mapping configs against the store. Python (the request
 * script, python lines) is compiled, not run; a domain with Python values is evaluated at "now".
 */
public class ConfigValidator {

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
   * @param draft the config as the client sent it
   * @param idBeingReplaced the id of the stored config this one replaces, or 0 for a new config.
   *     Its stored secrets count for omitted ones while the request URL's origin stays the same
   *     (see {@link SyncConfig#withSecretsFrom}), and its own name is no conflict.
   * @return the broken rules, in field order, empty when the config is valid
   */
  public List<FieldError> validate(ConfigDraft draft, long idBeingReplaced) {
    List<FieldError> outOfBounds = InputLimits.check(draft);
    if (!outOfBounds.isEmpty()) {
      // Checked first and alone: the other rules query the store and compile Python.
      return outOfBounds;
    }
    Optional<SyncConfig> stored =
        idBeingReplaced == 0
            ? Optional.empty()
            : store.find(idBeingReplaced).map(StoredConfig::config);
    ConfigDraft effective = stored.map(draft::withSecretsFrom).orElse(draft);
    ConfigErrors errors = new ConfigErrors();
    ConfigFieldRules fields = new ConfigFieldRules(effective, stored, egress, errors);
    PythonRules python = new PythonRules(scripts, errors);
    ConfigCatalogRules sources =
        new ConfigCatalogRules(
            effective.config(),
            idBeingReplaced,
            catalog,
            domains,
            once(store::mappings),
            python,
            errors);
    if (fields.name()) {
      store
          .findByName(effective.config().name(), idBeingReplaced)
          .ifPresent(
              other -> errors.add("name", "sync config " + other + " already has this name"));
    }
    Optional<ModelInfo> model = sources.model(stored);
    model.ifPresent(sources::filterDomain);
    model.ifPresent(sources::incremental);
    Optional<HttpMethod> method = fields.httpMethod();
    fields.timeouts();
    fields.credentials();
    if (fields.lines()) {
      List<ConfigDraft.RawLine> lines = effective.lines();
      for (int i = 0; i < lines.size(); i++) {
        sources.line("lines[" + i + "]", lines.get(i), model);
      }
    }
    fields.requestUrl();
    fields.paging(method);
    fields.retryAndLoad();
    fields.language();
    model.ifPresent(sources::company);
    python.requestScript(effective.config());
    fields.scriptTimeout();
    return errors.list();
  }

  /** {@code read} at most once, when first asked. */
  private static <T> Supplier<T> once(Supplier<T> read) {
    return new Supplier<>() {
      private T value;

      @Override
      public T get() {
        if (value == null) {
          value = read.get();
        }
        return value;
      }
    };
  }
}
