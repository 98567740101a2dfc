package dev.apisync.activities.source;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
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

  /** Forgets every cached model; the next question reads the database again. */
  public void refresh() {
    cache.clear();
  }

  /**
   * Resolves a dotted path ({@code parent_id.country_id.code}) from a model: every step but the
   * last must be a many2one. Throws {@link SourceException} naming the first unknown step.
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
      steps.add(field.get());
      if (i < names.length - 1) {
        if (field.get().kind() != FieldKind.MANY2ONE) {
          throw new SourceException(
              "'%s' on %s is not a many2one, cannot follow '.%s'"
                  .formatted(names[i], model.name(), names[i + 1]));
        }
        model = requireModel(field.get().relatedModel());
      }
    }
    return new FieldPath(modelName, dottedPath, steps);
  }

  /** {@code unknown field 'foo' on res.partner (in path 'parent_id.foo')}. */
  static SourceException unknownField(String name, ModelInfo model, String dottedPath) {
    String where = dottedPath.contains(".") ? " (in path '%s')".formatted(dottedPath) : "";
    return new SourceException("unknown field '%s' on %s%s".formatted(name, model.name(), where));
  }
}
