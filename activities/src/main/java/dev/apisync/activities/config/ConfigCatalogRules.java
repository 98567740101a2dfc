package dev.apisync.activities.config;

import dev.apisync.activities.mapping.RelationalLineResolver;
import dev.apisync.activities.source.DomainCompiler;
import dev.apisync.activities.source.FieldKind;
import dev.apisync.activities.source.FieldPath;
import dev.apisync.activities.source.ModelInfo;
import dev.apisync.activities.source.SourceCatalog;
import dev.apisync.activities.source.SourceException;
import dev.apisync.workflows.ValueType;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The rules a config follows against the source and the other configs: its model and domain exist
 * in the source catalog, its lines name fields the model has, relational lines map with a stored
 * config of the right model without loops or too deep a nesting ({@link MappingGraph}), and its
 * company exists.
 */
final class ConfigCatalogRules {

  private final SyncConfig config;
  private final long id;
  private final SourceCatalog catalog;
  private final DomainCompiler domains;
  private final Supplier<MappingGraph> graph;
  private final PythonRules python;
  private final ConfigErrors errors;

  /**
   * @param id the stored config this one replaces, 0 for a new one
   * @param graph the stored configs' mappings, read once when a rule first needs them
   */
  ConfigCatalogRules(
      SyncConfig config,
      long id,
      SourceCatalog catalog,
      DomainCompiler domains,
      Supplier<MappingGraph> graph,
      PythonRules python,
      ConfigErrors errors) {
    this.config = config;
    this.id = id;
    this.catalog = catalog;
    this.domains = domains;
    this.graph = graph;
    this.python = python;
    this.errors = errors;
  }

  /** The config's model, when the source has it; a stored config keeps its model while used. */
  Optional<ModelInfo> model(Optional<SyncConfig> stored) {
    String model = config.model();
    if (model.isEmpty()) {
      errors.add("model", "required: an Odoo model name such as res.partner");
      return Optional.empty();
    }
    Optional<ModelInfo> info;
    try {
      info = catalog.model(model);
    } catch (SourceException e) {
      errors.add("model", e.getMessage());
      return Optional.empty();
    }
    if (info.isEmpty()) {
      errors.add(
          "model",
          "unknown model '"
              + model
              + "': the source database has no table "
              + model.replace('.', '_'));
    }
    stored
        .filter(old -> !old.model().equals(model))
        .ifPresent(
            old -> {
              List<ConfigRef> users = graph.get().usersOf(id);
              if (!users.isEmpty()) {
                errors.add(
                    "model",
                    "this config maps "
                        + old.model()
                        + " for relational lines of "
                        + String.join(", ", users.stream().map(ConfigRef::toString).toList())
                        + "; changing its model would break them");
              }
            });
    return info;
  }

  void filterDomain(ModelInfo model) {
    try {
      domains.compile(model.name(), config.filterDomain(), "t");
    } catch (SourceException e) {
      errors.add("filterDomain", e.getMessage());
    }
  }

  /** Incremental runs select records by their write date: the table needs that column. */
  void incremental(ModelInfo model) {
    if (config.incremental()
        && model.field("write_date").filter(field -> !field.column().isEmpty()).isEmpty()) {
      errors.add(
          "incremental",
          "table "
              + model.table()
              + " has no write_date column; incremental sync sends records written after the"
              + " watermark");
    }
  }

  void line(String prefix, ConfigDraft.RawLine line, Optional<ModelInfo> model) {
    Optional<ValueType> type = line.type();
    if (type.isEmpty()) {
      errors.add(
          prefix + ".valueType",
          "must be one of plain, relational, python, relational_python, selection_label (got '"
              + line.valueType()
              + "')");
    }
    boolean isPython =
        type.filter(t -> t == ValueType.PYTHON || t == ValueType.RELATIONAL_PYTHON).isPresent();
    boolean relational = type.filter(t -> t == ValueType.RELATIONAL).isPresent();
    Optional<FieldPath> path = Optional.empty();
    if (line.field().isEmpty()) {
      if (!isPython) {
        errors.add(prefix + ".field", "required: a field of the model or a dotted many2one path");
      }
    } else if (model.isPresent()) {
      try {
        path = Optional.of(catalog.resolvePath(model.get().name(), line.field()));
      } catch (SourceException e) {
        errors.add(prefix + ".field", e.getMessage());
      }
    }
    if (isPython && line.expression().isBlank()) {
      errors.add(prefix + ".expression", "required for " + line.valueType() + " lines");
    } else if (isPython) {
      python.syntax(prefix + ".expression", line.expression(), true);
    } else if (!line.expression().isEmpty()) {
      errors.add(
          prefix + ".expression", "only python and relational_python lines take an expression");
    }
    path.filter(p -> type.filter(t -> t == ValueType.SELECTION_LABEL).isPresent())
        .filter(p -> !p.last().hasSelectionLabels())
        .ifPresent(
            p ->
                errors.add(
                    prefix + ".field",
                    "'"
                        + line.field()
                        + "' is not a selection field described in ir_model_fields; a"
                        + " selection_label line needs one"));
    if (relational) {
      relationalLine(prefix, line, path);
    } else if (line.mappingConfig() != 0) {
      errors.add(prefix + ".mappingConfig", "only relational lines take a mappingConfig");
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
        errors.add("companyId", "must be a res_company id, at least 1 (omit for the main company)");
      } else if (catalog.hasTable("res_company") && !catalog.hasRecord("res.company", companyId)) {
        errors.add("companyId", "the source database has no res_company with id " + companyId);
      }
    }
    if (config.companyRecordsOnly()) {
      try {
        domains.companyRule(model.name(), "t", companyId == null ? 0 : companyId);
      } catch (SourceException e) {
        errors.add("companyRecordsOnly", e.getMessage());
      }
    }
  }

  private void relationalLine(String prefix, ConfigDraft.RawLine line, Optional<FieldPath> path) {
    path.filter(p -> p.last().kind() == FieldKind.SCALAR)
        .ifPresent(
            p ->
                errors.add(
                    prefix + ".field",
                    "'"
                        + line.field()
                        + "' is not a relational field; a relational line needs a many2one,"
                        + " one2many or many2many"));
    long mappingId = line.mappingConfig();
    if (mappingId <= 0) {
      errors.add(
          prefix + ".mappingConfig",
          "required for relational lines: the id of the config whose lines map the related"
              + " records");
      return;
    }
    if (mappingId == id) {
      errors.add(prefix + ".mappingConfig", "a config cannot be its own mappingConfig");
      return;
    }
    MappingGraph mappings = graph.get();
    Optional<MappingGraph.StoredRef> mapping = mappings.find(mappingId);
    if (mapping.isEmpty()) {
      errors.add(prefix + ".mappingConfig", "no sync config has id " + mappingId);
      return;
    }
    String mappedModel = mapping.get().model();
    path.filter(p -> p.last().kind() != FieldKind.SCALAR)
        .filter(p -> !p.last().relatedModel().equals(mappedModel))
        .ifPresent(
            p ->
                errors.add(
                    prefix + ".mappingConfig",
                    "config "
                        + mappingId
                        + " maps "
                        + mappedModel
                        + ", but "
                        + line.field()
                        + " links to "
                        + p.last().relatedModel()));
    if (id != 0 && mappings.mapsThrough(mappingId, id)) {
      errors.add(
          prefix + ".mappingConfig",
          "config " + mappingId + " maps through this config in turn: mappings may not loop");
      return;
    }
    nestingDepth(prefix, mappingId, mappings);
  }

  /**
   * Related objects nest at most {@link RelationalLineResolver#MAX_DEPTH} levels: through this
   * line's mapping config below, and, for a stored config, through the configs that map with it
   * above.
   */
  private void nestingDepth(String prefix, long mappingId, MappingGraph mappings) {
    int below = mappings.levels(mappingId);
    if (below > RelationalLineResolver.MAX_DEPTH) {
      errors.add(
          prefix + ".mappingConfig",
          "relational mapping through config %d nests %d levels deep; at most %d are allowed"
              .formatted(mappingId, below, RelationalLineResolver.MAX_DEPTH));
      return;
    }
    Optional<MappingGraph.Chain> above = id == 0 ? Optional.empty() : mappings.longestUserChain(id);
    above
        .filter(chain -> chain.levels() + below > RelationalLineResolver.MAX_DEPTH)
        .ifPresent(
            chain ->
                errors.add(
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
}
