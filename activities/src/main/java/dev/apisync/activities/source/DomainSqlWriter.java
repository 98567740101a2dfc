package dev.apisync.activities.source;

import static dev.apisync.activities.source.DomainOperator.CHILD_OF;
import static dev.apisync.activities.source.DomainOperator.EQUALS;
import static dev.apisync.activities.source.DomainOperator.EQUALS_IF_SET;
import static dev.apisync.activities.source.DomainOperator.IN;
import static dev.apisync.activities.source.DomainOperator.NOT_ANY;
import static dev.apisync.activities.source.DomainOperator.NOT_EQUALS;
import static dev.apisync.activities.source.DomainOperator.NOT_IN;
import static dev.apisync.activities.source.DomainOperator.PARENT_OF;

import dev.apisync.activities.source.DomainNode.And;
import dev.apisync.activities.source.DomainNode.Constant;
import dev.apisync.activities.source.DomainNode.Not;
import dev.apisync.activities.source.DomainNode.Or;
import dev.apisync.activities.source.DomainNode.Term;
import dev.apisync.activities.source.PyValue.PyInt;
import dev.apisync.activities.source.PyValue.PySeq;
import dev.apisync.activities.source.PyValue.PyStr;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Writes the SQL of one domain: the meaning of each operator on each kind of field. Relations
 * become correlated {@code EXISTS} subqueries ({@link RelatedRecords}), never joins, so a record
 * matches once however many related rows match. Every identifier comes from the catalog; every
 * value is a parameter.
 *
 * <p>Archived rows, following Odoo: the root model and the comodel of an x2many ({@code any} or a
 * dotted path through it) apply the {@code active} rule; following a many2one does not (Odoo
 * searches the comodel with {@code active_test=False} there), and neither do id comparisons on
 * x2many fields nor {@code child_of}/{@code parent_of} walks.
 *
 * <p>Long because it is one grammar: every Odoo domain operator's SQL, side by side, so that their
 * shared NULL and falsy rules can be read together.
 */
final class DomainSqlWriter {

  private static final Set<DomainOperator> X2MANY_COMPARISONS =
      Set.of(
          EQUALS,
          NOT_EQUALS,
          IN,
          NOT_IN,
          DomainOperator.LIKE,
          DomainOperator.NOT_LIKE,
          DomainOperator.ILIKE,
          DomainOperator.NOT_ILIKE,
          DomainOperator.EQUALS_LIKE,
          DomainOperator.EQUALS_ILIKE);

  private final SourceCatalog catalog;
  private final String domainText;
  private final String rootAlias;
  private final FieldSql values;
  private final ColumnComparison columns;
  private int aliasCount;

  DomainSqlWriter(SourceCatalog catalog, String domainText, String rootAlias, FieldSql values) {
    this.catalog = catalog;
    this.domainText = domainText;
    this.rootAlias = rootAlias;
    this.values = values;
    this.columns = new ColumnComparison(values);
  }

  /** The domain's condition plus, unless the domain names {@code active}, the active rule. */
  SqlCondition domain(ModelInfo model, String alias, DomainNode domain) {
    SqlCondition condition = node(model, alias, domain);
    if (mentionsActive(domain)) {
      return condition;
    }
    return Sql.and(List.of(condition, activeRule(model, alias)));
  }

  private SqlCondition node(ModelInfo model, String alias, DomainNode node) {
    return switch (node) {
      case Constant constant -> constant.value() ? Sql.TRUE : Sql.FALSE;
      case And and -> Sql.and(and.children().stream().map(c -> node(model, alias, c)).toList());
      case Or or -> Sql.or(or.children().stream().map(c -> node(model, alias, c)).toList());
      case Not not when not.child() instanceof Term term && term.operator().negation().isEmpty() ->
          Sql.not(term(model, alias, term));
      case Not not -> node(model, alias, not.child().negate());
      case Term term -> term(model, alias, term);
    };
  }

  /** The domain's condition alone, without the active rule (for rules added to a domain). */
  SqlCondition condition(ModelInfo model, String alias, DomainNode domain) {
    return node(model, alias, domain);
  }

  /** Whether a domain tests {@code active} itself, directly or at the end of a dotted path. */
  static boolean mentionsActive(DomainNode node) {
    return switch (node) {
      case Constant constant -> false;
      case And and -> and.children().stream().anyMatch(DomainSqlWriter::mentionsActive);
      case Or or -> or.children().stream().anyMatch(DomainSqlWriter::mentionsActive);
      case Not not -> mentionsActive(not.child());
      case Term term -> term.leafName().equals("active");
    };
  }

  private SqlCondition activeRule(ModelInfo model, String alias) {
    return model
        .field("active")
        .filter(FieldInfo::isStored)
        .map(active -> Sql.of(Sql.column(alias, active.column()) + " IS TRUE"))
        .orElse(Sql.TRUE);
  }

  private SqlCondition term(ModelInfo model, String alias, Term term) {
    return step(model, alias, term, term.path().split("\\.", -1), 0);
  }

  /** Follows a dotted path one field at a time, down to the field the term tests. */
  private SqlCondition step(ModelInfo model, String alias, Term term, String[] names, int index) {
    FieldInfo field = field(model, names[index], term);
    if (field.source() instanceof FieldSource.Related) {
      return related(model, alias, field, term, names, index);
    }
    if (index == names.length - 1) {
      return leaf(model, alias, field, term);
    }
    if (field.kind() == FieldKind.SCALAR) {
      throw new SourceException(
          "'%s' on %s is not a relational field, cannot follow '.%s' in term %s"
              .formatted(field.name(), model.name(), names[index + 1], term.text()));
    }
    ModelInfo comodel = comodel(field);
    String coAlias = newAlias();
    SqlCondition rest = step(comodel, coAlias, term, names, index + 1);
    if (field.kind() == FieldKind.MANY2ONE) {
      return RelatedRecords.many2one(values.link(alias, field), comodel, coAlias, rest);
    }
    SqlCondition withActive =
        term.leafName().equals("active")
            ? rest
            : Sql.and(List.of(rest, activeRule(comodel, coAlias)));
    return RelatedRecords.x2many(model, alias, field, comodel, coAlias, this::newAlias, withActive);
  }

  private SqlCondition leaf(ModelInfo model, String alias, FieldInfo field, Term term) {
    DomainOperator operator = term.operator();
    if (operator == CHILD_OF || operator == PARENT_OF) {
      return hierarchy(model, alias, field, term);
    }
    if (operator == DomainOperator.ANY || operator == NOT_ANY) {
      return any(model, alias, field, term);
    }
    return switch (field.kind()) {
      case ONE2MANY, MANY2MANY -> x2manyComparison(model, alias, field, term);
      case MANY2ONE ->
          isNameSearch(term.value())
              ? many2oneNameSearch(alias, field, term)
              : columns.compare(alias, field, term);
      case SCALAR -> columns.compare(alias, field, term);
    };
  }

  /** {@code ('parent_id', 'any', [('name', 'ilike', 'acme')])} and its {@code not any}. */
  private SqlCondition any(ModelInfo model, String alias, FieldInfo field, Term term) {
    if (field.kind() == FieldKind.SCALAR) {
      throw new SourceException(
          "operator '%s' needs a relational field, but '%s' on %s is not one, in term %s"
              .formatted(term.operator(), field.name(), model.name(), term.text()));
    }
    if (!(term.value() instanceof PySeq)) {
      throw new SourceException(
          "operator '%s' needs a domain (a list of terms) as its value, in term %s"
              .formatted(term.operator(), term.text()));
    }
    DomainNode subdomain = DomainReader.read(term.value(), domainText);
    ModelInfo comodel = comodel(field);
    String coAlias = newAlias();
    SqlCondition exists =
        field.kind() == FieldKind.MANY2ONE
            ? RelatedRecords.many2one(
                values.link(alias, field), comodel, coAlias, node(comodel, coAlias, subdomain))
            : RelatedRecords.x2many(
                model,
                alias,
                field,
                comodel,
                coAlias,
                this::newAlias,
                domain(comodel, coAlias, subdomain));
    return term.operator() == NOT_ANY ? Sql.not(exists) : exists;
  }

  /**
   * A many2one compared with text searches the comodel by name, as Odoo's {@code _name_search}:
   * {@code ('country_id', 'ilike', 'ukr')}.
   */
  private SqlCondition many2oneNameSearch(String alias, FieldInfo field, Term term) {
    DomainOperator operator = term.operator();
    PyValue value = term.value();
    if (operator == EQUALS_IF_SET) {
      if (!value.truthy()) {
        return Sql.TRUE;
      }
      operator = EQUALS;
    }
    if (value instanceof PyStr && (operator == IN || operator == NOT_IN)) {
      operator = operator == IN ? EQUALS : NOT_EQUALS;
    }
    ModelInfo comodel = comodel(field);
    String coAlias = newAlias();
    SqlCondition matches =
        RelatedRecords.many2one(
            values.link(alias, field),
            comodel,
            coAlias,
            nameCondition(comodel, coAlias, field.name(), operator.positive(), value, term));
    return operator.isNegative() ? Sql.not(matches) : matches;
  }

  /**
   * An x2many compared with ids, names or False: {@code ('category_id', 'in', [1, 2])}, {@code
   * ('child_ids', '=', False)}. A negative operator means "no related record matches".
   */
  private SqlCondition x2manyComparison(ModelInfo model, String alias, FieldInfo field, Term term) {
    DomainOperator operator = term.operator();
    PyValue value = term.value();
    if (operator == EQUALS_IF_SET) {
      if (value.isFalseOrNone()) {
        return Sql.TRUE;
      }
      operator = EQUALS;
    }
    if (!X2MANY_COMPARISONS.contains(operator)) {
      throw new SourceException(
          "operator '%s' is not supported on %s field '%s' of %s; use 'any' to test the related records, in term %s"
              .formatted(
                  operator,
                  field.kind().name().toLowerCase(),
                  field.name(),
                  model.name(),
                  term.text()));
    }
    ModelInfo comodel = comodel(field);
    String coAlias = newAlias();
    if (value.isFalseOrNone()) {
      SqlCondition hasAny =
          RelatedRecords.x2many(model, alias, field, comodel, coAlias, this::newAlias, Sql.TRUE);
      return operator.isNegative() ? hasAny : Sql.not(hasAny);
    }
    SqlCondition related =
        isNameSearch(value)
            ? nameCondition(comodel, coAlias, field.name(), operator.positive(), value, term)
            : idIn(comodel, coAlias, idsOf(value));
    SqlCondition exists =
        RelatedRecords.x2many(model, alias, field, comodel, coAlias, this::newAlias, related);
    return operator.isNegative() ? Sql.not(exists) : exists;
  }

  /**
   * {@code child_of} / {@code parent_of}: the records in the hierarchy below (or above) the given
   * ids, the given ids included, following the model's {@code parent_id}.
   */
  private SqlCondition hierarchy(ModelInfo model, String alias, FieldInfo field, Term term) {
    if (field.kind() == FieldKind.SCALAR && !field.name().equals("id")) {
      throw new SourceException(
          "operator '%s' needs 'id' or a relational field, but '%s' on %s is neither, in term %s"
              .formatted(term.operator(), field.name(), model.name(), term.text()));
    }
    boolean childOf = term.operator() == CHILD_OF;
    if (field.kind() == FieldKind.SCALAR) {
      return memberOf(
          Sql.column(alias, "id"), hierarchyIds(model, parentField(model, term), term, childOf));
    }
    ModelInfo comodel = comodel(field);
    if (field.kind() == FieldKind.MANY2ONE) {
      if (comodel.name().equals(model.name())) {
        // ('parent_id', 'child_of', 5): the field itself is the hierarchy's parent link.
        return memberOf(Sql.column(alias, "id"), hierarchyIds(model, field, term, childOf));
      }
      return memberOf(
          values.link(alias, field),
          hierarchyIds(comodel, parentField(comodel, term), term, childOf));
    }
    String coAlias = newAlias();
    SqlCondition inHierarchy =
        memberOf(
            Sql.column(coAlias, "id"),
            hierarchyIds(comodel, parentField(comodel, term), term, childOf));
    return RelatedRecords.x2many(
        model, alias, field, comodel, coAlias, this::newAlias, inHierarchy);
  }

  private static SqlCondition memberOf(String column, SqlCondition ids) {
    return ids.equals(Sql.FALSE) ? Sql.FALSE : Sql.concat(column + " IN (", ids, ")");
  }

  /** A SELECT of the ids in the hierarchy, or FALSE when the term names no starting record. */
  private SqlCondition hierarchyIds(ModelInfo model, FieldInfo parent, Term term, boolean childOf) {
    String start = newAlias();
    SqlCondition starting = startingRecords(model, start, term);
    if (starting.equals(Sql.FALSE)) {
      return Sql.FALSE;
    }
    return HierarchyQuery.select(model, parent, start, starting, childOf, this::newAlias);
  }

  /** The hierarchy's starting records: ids, or names searched with {@code ilike} as Odoo does. */
  private SqlCondition startingRecords(ModelInfo model, String alias, Term term) {
    PyValue value = term.value();
    if (isNameSearch(value)) {
      List<PyValue> names = value instanceof PySeq seq ? seq.items() : List.of(value);
      return Sql.or(
          names.stream()
              .map(n -> nameCondition(model, alias, term.path(), DomainOperator.ILIKE, n, term))
              .toList());
    }
    if (!(value instanceof PyInt || value instanceof PySeq || value.isFalseOrNone())) {
      throw new SourceException(
          "operator '%s' needs record ids (or names) as its value, in term %s"
              .formatted(term.operator(), term.text()));
    }
    return idIn(model, alias, idsOf(value));
  }

  private FieldInfo parentField(ModelInfo model, Term term) {
    return model
        .field("parent_id")
        .filter(parent -> parent.kind() == FieldKind.MANY2ONE)
        .filter(parent -> parent.relatedModel().equals(model.name()))
        .orElseThrow(
            () ->
                new SourceException(
                    "operator '%s' needs a hierarchy, but %s has no parent_id field, in term %s"
                        .formatted(term.operator(), model.name(), term.text())));
  }

  private SqlCondition idIn(ModelInfo model, String alias, List<PyValue> ids) {
    if (ids.isEmpty()) {
      return Sql.FALSE;
    }
    FieldInfo id =
        model
            .field("id")
            .orElseThrow(() -> new SourceException(model.name() + " has no id column"));
    String type = id.sqlType();
    return Sql.concat(
        Sql.column(alias, "id") + " IN (",
        Sql.join(
            ", ", ids.stream().map(v -> Sql.of("CAST(? AS " + type + ")", v.jdbcValue())).toList()),
        ")");
  }

  /** Ids from a value: one id or a list; False, None and 0 (Odoo's "no record") are dropped. */
  private static List<PyValue> idsOf(PyValue value) {
    List<PyValue> items = value instanceof PySeq seq ? seq.items() : List.of(value);
    return items.stream().filter(PyValue::truthy).filter(item -> !(item instanceof PySeq)).toList();
  }

  private static boolean isNameSearch(PyValue value) {
    return value instanceof PyStr
        || (value instanceof PySeq seq
            && !seq.items().isEmpty()
            && seq.items().stream().allMatch(PyStr.class::isInstance));
  }

  /**
   * A record's name compared with a value, as Odoo's default name search does; the name may be a
   * related field ({@code product.product}'s is its template's).
   */
  private SqlCondition nameCondition(
      ModelInfo model,
      String alias,
      String comparedField,
      DomainOperator operator,
      PyValue value,
      Term term) {
    FieldInfo name = nameField(model, comparedField, term);
    if (name.isStored()) {
      return columns.compare(alias, name, operator, value, term);
    }
    Term byName = term.withPath("name").withOperator(operator).withValue(value);
    return step(model, alias, byName, new String[] {"name"}, 0);
  }

  /**
   * A related field tested as its path, as Odoo 17's {@code _search_related} does: the term moves
   * to the end of the expanded path ({@code detailed_type} of a variant becomes {@code
   * product_tmpl_id.detailed_type}). When the related field is the tested one and the test can hold
   * for an empty value ({@code = False}, or a negation of a set value), a record whose path is
   * broken by an unset many2one matches too, as a LEFT JOIN reads it in Odoo.
   */
  private SqlCondition related(
      ModelInfo model, String alias, FieldInfo field, Term term, String[] names, int index) {
    List<FieldInfo> expanded = expand(model, field, term);
    List<String> path = new ArrayList<>(expanded.stream().map(FieldInfo::name).toList());
    path.addAll(List.of(names).subList(index + 1, names.length));
    Term asPath = term.withPath(String.join(".", path));
    SqlCondition condition = step(model, alias, asPath, path.toArray(String[]::new), 0);
    if (index < names.length - 1 || !canBeEmpty(term)) {
      return condition;
    }
    List<SqlCondition> matches = new ArrayList<>(List.of(condition));
    for (int i = 0; i < expanded.size() - 1; i++) {
      if (expanded.get(i).kind() == FieldKind.MANY2ONE) {
        String prefix = String.join(".", path.subList(0, i + 1));
        Term unset =
            term.withPath(prefix).withOperator(EQUALS).withValue(new PyValue.PyBool(false, 0, 0));
        matches.add(step(model, alias, unset, prefix.split("\\."), 0));
      }
    }
    return Sql.or(matches);
  }

  /**
   * Odoo's {@code can_be_null}: the term tests for an empty value, or negates a set one ({@code not
   * any} reaches {@code _search_related} as {@code not in} a subquery).
   */
  private static boolean canBeEmpty(Term term) {
    if (term.operator() == NOT_ANY) {
      return true;
    }
    if (term.operator() == DomainOperator.ANY) {
      return false;
    }
    PyValue value = term.value();
    boolean emptyValue =
        value instanceof PySeq seq
            ? seq.items().stream().anyMatch(PyValue::isFalseOrNone)
            : value.isFalseOrNone();
    return term.operator().isNegative() != emptyValue;
  }

  private List<FieldInfo> expand(ModelInfo model, FieldInfo field, Term term) {
    try {
      return catalog.expand(model, field);
    } catch (SourceException e) {
      throw new SourceException(e.getMessage() + " in term " + term.text());
    }
  }

  private FieldInfo nameField(ModelInfo comodel, String comparedField, Term term) {
    return comodel
        .field("name")
        .orElseThrow(
            () ->
                new SourceException(
                    "'%s' cannot be compared with text: %s has no 'name' field, in term %s"
                        .formatted(comparedField, comodel.name(), term.text())));
  }

  private FieldInfo field(ModelInfo model, String name, Term term) {
    FieldInfo field =
        model
            .field(name)
            .orElseThrow(
                () ->
                    new SourceException(
                        SourceCatalog.unknownField(name, model, term.path()).getMessage()
                            + " in term "
                            + term.text()));
    if (field.source() instanceof FieldSource.Computed) {
      throw new SourceException(
          SourceCatalog.computed(model.name(), field).getMessage() + ", in term " + term.text());
    }
    return field;
  }

  private ModelInfo comodel(FieldInfo field) {
    return catalog.requireModel(field.relatedModel());
  }

  private String newAlias() {
    return rootAlias + "_" + ++aliasCount;
  }
}
