package dev.apisync.activities.source;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import javax.sql.DataSource;

/**
 * What the source database holds, Odoo-style: models (tables), their fields and relations. Read
 * from Odoo's {@code ir_model_fields} when present, else from the tables' columns and foreign keys.
 *
 * <p>Every page of every run asks for its model, so answers are cached; an entry is read again
 * after {@link #DEFAULT_TTL} (or the TTL given), and {@link #refresh()} drops them all at once,
 * e.g. after an Odoo module upgrade added fields.
 */
public class SourceCatalog {

  public static final Duration DEFAULT_TTL = Duration.ofMinutes(5);

  private final CatalogLoader loader;
  private final Duration ttl;
  private final Clock clock;
  private final ConcurrentMap<String, CachedModel> cache = new ConcurrentHashMap<>();

  private record CachedModel(Optional<ModelInfo> model, Instant loadedAt) {}

  public SourceCatalog(DataSource source) {
    this(source, DEFAULT_TTL, Clock.systemUTC());
  }

  public SourceCatalog(DataSource source, Duration ttl, Clock clock) {
    this.loader = new CatalogLoader(source);
    this.ttl = ttl;
    this.clock = clock;
  }

  /**
   * The model named {@code res.partner} lives in table {@code res_partner}; empty if no such table.
   */
  public Optional<ModelInfo> model(String modelName) {
    Instant now = clock.instant();
    CachedModel cached = cache.get(modelName);
    if (cached == null || !now.isBefore(cached.loadedAt().plus(ttl))) {
      cached = new CachedModel(loader.load(modelName), now);
      cache.put(modelName, cached);
    }
    return cached.model();
  }

  /** Like {@link #model} but refuses an unknown model with a message naming the missing table. */
  public ModelInfo requireModel(String modelName) {
    return model(modelName)
        .orElseThrow(
            () ->
                new SourceException(
                    "unknown model '%s': the source database has no table '%s'"
                        .formatted(modelName, ModelNames.table(modelName))));
  }

  /** The source's main company (see {@link #companySql}), empty when it has no company. */
  public OptionalLong mainCompanyId() {
    String company = companySql(0);
    return company.equals("NULL") ? OptionalLong.empty() : loader.selectLong("SELECT " + company);
  }

  /** Whether the model has a record with this id (read now, not cached). */
  public boolean hasRecord(String modelName, long id) {
    ModelInfo model = requireModel(modelName);
    return loader
        .selectLong("SELECT 1 FROM %s WHERE id = %d".formatted(Sql.quote(model.table()), id))
        .isPresent();
  }

  /** Whether the source has this table (cached like models). */
  public boolean hasTable(String table) {
    return model(ModelNames.model(table)).isPresent();
  }

  /** Forgets every cached model; the next question reads the database again. */
  public void refresh() {
    cache.clear();
  }

  /**
   * Resolves a dotted path ({@code parent_id.country_id.code}) from a model: every step but the
   * last must be a many2one. Related fields are replaced by their paths ({@link #expand}), so the
   * path's steps are fields with a value of their own. Throws {@link SourceException} naming the
   * first unknown step, or a computed field that cannot be read.
   */
  public FieldPath resolvePath(String modelName, String dottedPath) {
    String[] names = dottedPath.split("\\.", -1);
    List<FieldInfo> steps = new ArrayList<>(names.length);
    ModelInfo model = requireModel(modelName);
    for (int i = 0; i < names.length; i++) {
      Optional<FieldInfo> field = model.field(names[i]);
      if (field.isEmpty()) {
        throw unknownField(names[i], model, dottedPath);
      }
      List<FieldInfo> expanded = expand(model, field.get());
      for (FieldInfo through : expanded.subList(0, expanded.size() - 1)) {
        if (through.kind() != FieldKind.MANY2ONE) {
          throw new SourceException(
              "related field '%s' on %s goes through %s field '%s'; only many2one links can be read as one value"
                  .formatted(
                      names[i], model.name(), through.kind().name().toLowerCase(), through.name()));
        }
      }
      steps.addAll(expanded);
      FieldInfo last = expanded.getLast();
      if (i < names.length - 1) {
        if (last.kind() != FieldKind.MANY2ONE) {
          throw new SourceException(
              "'%s' on %s is not a many2one, cannot follow '.%s'"
                  .formatted(names[i], model.name(), names[i + 1]));
        }
        model = requireModel(last.relatedModel());
      }
    }
    return new FieldPath(modelName, dottedPath, steps);
  }

  /**
   * The fields a field stands for: itself, or for a related field the fields of its path, related
   * fields among them expanded in turn ({@code product_id.detailed_type} on a sale line ends at
   * {@code product_tmpl_id.detailed_type}). Every step but the last is relational.
   *
   * @throws SourceException for a computed field that cannot be read, a related path that names an
   *     unknown field or loops
   */
  public List<FieldInfo> expand(ModelInfo model, FieldInfo field) {
    return expand(model, field, new ArrayList<>());
  }

  private List<FieldInfo> expand(ModelInfo model, FieldInfo field, List<String> visiting) {
    if (field.source() instanceof FieldSource.Computed) {
      throw computed(model.name(), field);
    }
    if (!(field.source() instanceof FieldSource.Related related)) {
      return List.of(field);
    }
    String key = model.name() + "." + field.name();
    if (visiting.contains(key)) {
      throw new SourceException(
          "related field '%s' on %s loops: %s"
              .formatted(field.name(), model.name(), String.join(" → ", visiting) + " → " + key));
    }
    visiting.add(key);
    String[] names = related.path().split("\\.", -1);
    List<FieldInfo> steps = new ArrayList<>();
    ModelInfo current = model;
    for (int i = 0; i < names.length; i++) {
      String name = names[i];
      ModelInfo owner = current;
      FieldInfo next =
          owner
              .field(name)
              .orElseThrow(
                  () ->
                      new SourceException(
                          "related field '%s' on %s is '%s', but %s has no field '%s'"
                              .formatted(
                                  field.name(), model.name(), related.path(), owner.name(), name)));
      List<FieldInfo> expanded = expand(owner, next, visiting);
      steps.addAll(expanded);
      if (i < names.length - 1) {
        FieldInfo link = expanded.getLast();
        if (link.kind() == FieldKind.SCALAR) {
          throw new SourceException(
              "related field '%s' on %s is '%s', but '%s' on %s is not relational"
                  .formatted(field.name(), model.name(), related.path(), name, owner.name()));
        }
        current = requireModel(link.relatedModel());
      }
    }
    visiting.remove(key);
    return List.copyOf(steps);
  }

  /** The refusal of a computed, non-stored field, naming it. */
  public static SourceException computed(String modelName, FieldInfo field) {
    return new SourceException(
        ("field '%s' on %s is computed and not stored: Odoo computes it in Python, so it cannot be"
                + " read from the database")
            .formatted(field.name(), modelName));
  }

  /**
   * SQL for a company id: the one given, else the source's main company (Odoo's {@code
   * base.main_company}, or the lowest res_company id), or NULL when the source has no companies, so
   * that only values shared by all companies are read.
   */
  String companySql(long companyId) {
    if (companyId > 0) {
      return Long.toString(companyId);
    }
    if (!hasTable("res_company")) {
      return "NULL";
    }
    String lowest = "(SELECT min(id) FROM res_company)";
    if (!hasTable("ir_model_data")) {
      return lowest;
    }
    return ("COALESCE((SELECT d.res_id FROM ir_model_data AS d WHERE d.module = 'base'"
            + " AND d.name = 'main_company' AND d.model = 'res.company' LIMIT 1), %s)")
        .formatted(lowest);
  }

  /** {@code unknown field 'foo' on res.partner (in path 'parent_id.foo')}. */
  static SourceException unknownField(String name, ModelInfo model, String dottedPath) {
    String where = dottedPath.contains(".") ? " (in path '%s')".formatted(dottedPath) : "";
    return new SourceException("unknown field '%s' on %s%s".formatted(name, model.name(), where));
  }
}
