package dev.apisync.activities.mapping;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.apisync.activities.source.FieldInfo;
import dev.apisync.activities.source.FieldKind;
import dev.apisync.activities.source.FieldPath;
import dev.apisync.activities.source.RecordReader;
import dev.apisync.activities.source.RelationReader;
import dev.apisync.activities.source.SourceCatalog;
import dev.apisync.activities.source.SourceException;
import dev.apisync.workflows.ConfigSnapshot;
import dev.apisync.workflows.FieldLine;
import dev.apisync.workflows.ValueType;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.LongFunction;
import java.util.stream.Collectors;

/**
 * {@code relational} lines (SPEC §3): a many2one becomes a nested object (JSON null when unset), a
 * one2many or many2many an array of objects in id order (empty when none), each object built with
 * the lines of the line's mapping config, whose model is the field's comodel. The field may be a
 * dotted many2one path ending in a relational field ({@code partner_id.category_id}).
 *
 * <p>Per page, never per record: one query reads the many2one ids all the page's relational lines
 * need, one query per one2many/many2many line reads the links of all the page's records, and the
 * related records of a line are mapped together with the mapping config's resolvers (so their plain
 * lines are one query, and their own relational lines recurse the same way). As Odoo's ORM does,
 * archived records are left out of one2many/many2many arrays, while a many2one shows its record
 * even when archived.
 *
 * <p>Nesting stops at {@link #MAX_DEPTH} levels of related objects, and a mapping config may not
 * appear twice on one path; the config validator refuses both, and a record that would still need
 * either fails with the reason. A related record that cannot be mapped fails the record that links
 * to it.
 */
public class RelationalLineResolver implements LineResolver {

  /** Related objects nest at most this many levels below the record a run sends. */
  public static final int MAX_DEPTH = 5;

  private final SourceCatalog catalog;
  private final RecordReader reader;
  private final RelationReader relations;
  private final LongFunction<Optional<ConfigSnapshot>> configs;
  private final List<LineResolver> otherResolvers;

  /** The ids of the configs that mapped the levels above this one, outermost first. */
  private final List<Long> enclosing;

  /**
   * @param configs a config's snapshot by id, for the mapping configs of relational lines (read
   *     when each page is mapped)
   * @param otherResolvers the resolvers of the other value types, used for the related records'
   *     lines; relational lines among those are resolved by this resolver, one level deeper
   */
  public RelationalLineResolver(
      SourceCatalog catalog,
      RecordReader reader,
      RelationReader relations,
      LongFunction<Optional<ConfigSnapshot>> configs,
      List<LineResolver> otherResolvers) {
    this(catalog, reader, relations, configs, otherResolvers, List.of());
  }

  private RelationalLineResolver(
      SourceCatalog catalog,
      RecordReader reader,
      RelationReader relations,
      LongFunction<Optional<ConfigSnapshot>> configs,
      List<LineResolver> otherResolvers,
      List<Long> enclosing) {
    this.catalog = catalog;
    this.reader = reader;
    this.relations = relations;
    this.configs = configs;
    this.otherResolvers =
        otherResolvers.stream().filter(r -> r.handles() != ValueType.RELATIONAL).toList();
    this.enclosing = List.copyOf(enclosing);
  }

  @Override
  public ValueType handles() {
    return ValueType.RELATIONAL;
  }

  @Override
  public LineValues resolve(ConfigSnapshot config, List<FieldLine> lines, List<Long> recordIds) {
    List<Relation> planned = lines.stream().map(line -> plan(config, line)).toList();
    LineValues values = new LineValues();
    if (recordIds.isEmpty()) {
      return values;
    }
    List<String> idPaths =
        planned.stream().map(Relation::idPath).filter(path -> !path.isEmpty()).distinct().toList();
    Map<Long, Map<String, Object>> ids =
        idPaths.isEmpty()
            ? Map.of()
            : reader.read(
                config.model(), recordIds, idPaths, config.language(), config.companyId());
    List<Long> path = new ArrayList<>(enclosing);
    path.add(config.id());
    for (Relation relation : planned) {
      Map<Long, List<Long>> linked = linked(relation, recordIds, ids);
      Related related = map(relation, linked, path);
      for (long id : recordIds) {
        put(values, relation, id, linked.getOrDefault(id, List.of()), related);
      }
    }
    return values;
  }

  /**
   * One relational line, checked against the catalog and its mapping config.
   *
   * @param idPath the many2one path whose id the page's read yields: the linked record of a
   *     many2one, the record owning a one2many/many2many at the end of a dotted path; empty for an
   *     x2many of the record itself
   * @param owner the model holding the one2many/many2many field
   */
  private record Relation(
      FieldLine line, FieldInfo field, String owner, String idPath, ConfigSnapshot child) {

    boolean many() {
      return field.kind() != FieldKind.MANY2ONE;
    }
  }

  private Relation plan(ConfigSnapshot config, FieldLine line) {
    FieldPath path = catalog.resolvePath(config.model(), line.field());
    FieldInfo field = path.last();
    if (field.kind() == FieldKind.SCALAR) {
      throw new SourceException(
          ("'%s' on %s is not a relational field; a relational line needs a many2one, one2many"
                  + " or many2many")
              .formatted(line.field(), config.model()));
    }
    if (line.mappingConfigId() <= 0) {
      throw new InvalidMappingConfigException(
          "relational line '%s' of config %d has no mappingConfig"
              .formatted(line.field(), config.id()));
    }
    ConfigSnapshot child =
        configs
            .apply(line.mappingConfigId())
            .orElseThrow(
                () ->
                    new InvalidMappingConfigException(
                        "relational line '%s' of config %d maps with config %d, which does not exist"
                            .formatted(line.field(), config.id(), line.mappingConfigId())));
    if (!child.model().equals(field.relatedModel())) {
      throw new InvalidMappingConfigException(
          "config %d maps %s, but %s links to %s"
              .formatted(child.id(), child.model(), line.field(), field.relatedModel()));
    }
    if (field.kind() == FieldKind.MANY2ONE) {
      return new Relation(line, field, "", line.field() + ".id", child);
    }
    List<FieldInfo> steps = path.steps();
    if (steps.size() == 1) {
      return new Relation(line, field, config.model(), "", child);
    }
    String ownerPath =
        steps.subList(0, steps.size() - 1).stream()
            .map(FieldInfo::name)
            .collect(Collectors.joining("."));
    return new Relation(
        line, field, steps.get(steps.size() - 2).relatedModel(), ownerPath + ".id", child);
  }

  /** Per record, the ids of the records its line links to, ascending. */
  private Map<Long, List<Long>> linked(
      Relation relation, List<Long> recordIds, Map<Long, Map<String, Object>> ids) {
    Map<Long, List<Long>> linked = new HashMap<>();
    if (!relation.many()) {
      for (long id : recordIds) {
        Object target = ids.getOrDefault(id, Map.of()).get(relation.idPath());
        if (target != null) {
          linked.put(id, List.of((Long) target));
        }
      }
      return linked;
    }
    Map<Long, Long> owners = new HashMap<>();
    for (long id : recordIds) {
      Object owner =
          relation.idPath().isEmpty() ? id : ids.getOrDefault(id, Map.of()).get(relation.idPath());
      if (owner != null) {
        owners.put(id, (Long) owner);
      }
    }
    Map<Long, List<Long>> links =
        relations.linked(
            relation.owner(), relation.field().name(), new LinkedHashSet<>(owners.values()));
    owners.forEach((id, owner) -> linked.put(id, links.getOrDefault(owner, List.of())));
    return linked;
  }

  /**
   * The related records' objects, or why they cannot be built.
   *
   * @param levelFailure set when no related record may be mapped on this path (too deep, a loop)
   */
  private record Related(
      Map<Long, ObjectNode> objects, Map<Long, String> failures, String levelFailure) {}

  private Related map(Relation relation, Map<Long, List<Long>> linked, List<Long> path) {
    Set<Long> all = new TreeSet<>();
    linked.values().forEach(all::addAll);
    Map<Long, ObjectNode> objects = new HashMap<>();
    Map<Long, String> failures = new HashMap<>();
    if (all.isEmpty()) {
      return new Related(objects, failures, "");
    }
    ConfigSnapshot child = relation.child();
    String chain =
        path.stream().map(String::valueOf).collect(Collectors.joining(" → ")) + " → " + child.id();
    if (path.contains(child.id())) {
      return new Related(objects, failures, "mapping configs loop (configs " + chain + ")");
    }
    if (path.size() > MAX_DEPTH) {
      return new Related(
          objects,
          failures,
          "relational mapping nests deeper than %d levels (configs %s)"
              .formatted(MAX_DEPTH, chain));
    }
    List<LineResolver> childResolvers = new ArrayList<>(otherResolvers);
    childResolvers.add(
        new RelationalLineResolver(catalog, reader, relations, configs, otherResolvers, path));
    ResolvedLines resolved =
        ResolvedLines.resolve(ResolvedLines.byType(childResolvers), child, List.copyOf(all));
    for (long id : all) {
      try {
        objects.put(id, resolved.object(id));
      } catch (MappingException e) {
        failures.put(id, e.getMessage());
      }
    }
    return new Related(objects, failures, "");
  }

  private static void put(
      LineValues values, Relation relation, long id, List<Long> linked, Related related) {
    String field = relation.line().field();
    if (!linked.isEmpty() && !related.levelFailure().isEmpty()) {
      values.fail(id, field + ": " + related.levelFailure());
      return;
    }
    for (long target : linked) {
      String failure = related.failures().get(target);
      if (failure != null) {
        values.fail(
            id,
            "%s → %s %d: %s".formatted(field, relation.field().relatedModel(), target, failure));
        return;
      }
    }
    // Each record gets its own copies: records linking to the same related record share no node.
    JsonNode value;
    if (relation.many()) {
      ArrayNode array = JsonValues.NODES.arrayNode();
      linked.forEach(target -> array.add(related.objects().get(target).deepCopy()));
      value = array;
    } else {
      value =
          linked.isEmpty()
              ? JsonValues.NODES.nullNode()
              : related.objects().get(linked.getFirst()).deepCopy();
    }
    values.put(id, relation.line(), value);
  }
}
