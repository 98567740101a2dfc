package dev.apisync.activities.source;

import dev.apisync.workflows.ConfigSnapshot;
import java.time.Instant;
import java.util.regex.Pattern;

/**
 * Compiles an Odoo domain into a parameterised SQL condition on a model's table.
 *
 * <p>The domain text is Python literal syntax: a list of {@code ('field', 'operator', value)}
 * terms, {@code '&'}, {@code '|'} and {@code '!'} in prefix notation, consecutive terms ANDed.
 * Semantics follow Odoo 16/17 (see {@link ColumnComparison} and {@link DomainSqlWriter}), including
 * the rule that hides archived rows unless the domain names {@code active}.
 *
 * <p>A domain whose values are Python expressions ({@code datetime.now() - timedelta(days=7)}) is
 * first evaluated by the compiler's {@link DomainExpressions} at a given "now" (a run's recorded
 * start, so that every page and retry of the run selects alike), then compiled as literal text.
 */
public class DomainCompiler {

  private static final Pattern SQL_ALIAS = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,40}");

  private final SourceCatalog catalog;
  private final DomainExpressions expressions;

  /** A compiler for literal domains only: Python expressions are refused. */
  public DomainCompiler(SourceCatalog catalog) {
    this(catalog, DomainExpressions.NONE);
  }

  public DomainCompiler(SourceCatalog catalog, DomainExpressions expressions) {
    this.catalog = catalog;
    this.expressions = expressions;
  }

  /**
   * @param domainText e.g. {@code [('customer_rank','>',0), ('parent_id.name','ilike','acme')]}
   * @param rootAlias the SQL alias of the model's table in the query the condition joins
   * @throws SourceException for malformed domains and unknown fields, naming the problem
   */
  public SqlCondition compile(String modelName, String domainText, String rootAlias) {
    return compile(modelName, domainText, rootAlias, ConfigSnapshot.DEFAULT_LANGUAGE);
  }

  /**
   * @param language translatable fields compare on this language's text, falling back to en_US
   */
  public SqlCondition compile(
      String modelName, String domainText, String rootAlias, String language) {
    return compile(modelName, domainText, rootAlias, language, Instant.now());
  }

  /**
   * @param now the "now" Python expressions in the domain see
   */
  public SqlCondition compile(
      String modelName, String domainText, String rootAlias, String language, Instant now) {
    return compile(modelName, domainText, rootAlias, language, now, 0);
  }

  /**
   * @param companyId the company whose company-dependent values the domain tests, 0 for the
   *     source's main company
   */
  public SqlCondition compile(
      String modelName,
      String domainText,
      String rootAlias,
      String language,
      Instant now,
      long companyId) {
    if (!SQL_ALIAS.matcher(rootAlias).matches()) {
      throw new IllegalArgumentException("not a plain SQL alias: " + rootAlias);
    }
    String text = domainText.isBlank() ? "[]" : domainText;
    DomainNode domain;
    try {
      domain = DomainReader.parse(text);
    } catch (DomainExpressionException e) {
      if (expressions == DomainExpressions.NONE) {
        throw e;
      }
      text = expressions.evaluate(text, now);
      domain = DomainReader.parse(text);
    }
    ModelInfo model = catalog.requireModel(modelName);
    String lang = language.isBlank() ? ConfigSnapshot.DEFAULT_LANGUAGE : language;
    return new DomainSqlWriter(catalog, text, rootAlias, new FieldSql(catalog, lang, companyId))
        .domain(model, rootAlias, domain);
  }

  /**
   * Odoo's multi-company record rule for a user of one company: {@code ['|', ('company_id', '=',
   * False), ('company_id', 'in', [company])]}.
   *
   * @param companyId the company, 0 for the source's main company
   * @throws SourceException when the model has no company_id, or the source no company
   */
  public SqlCondition companyRule(String modelName, String rootAlias, long companyId) {
    ModelInfo model = catalog.requireModel(modelName);
    if (model.field("company_id").filter(f -> f.kind() == FieldKind.MANY2ONE).isEmpty()) {
      throw new SourceException(
          "%s has no company_id field, so its records belong to no company".formatted(modelName));
    }
    long company =
        companyId > 0
            ? companyId
            : catalog
                .mainCompanyId()
                .orElseThrow(
                    () ->
                        new SourceException(
                            "the source database has no res_company rows to take the main company"
                                + " from; set companyId"));
    String rule =
        "['|', ('company_id', '=', False), ('company_id', 'in', [%d])]".formatted(company);
    return new DomainSqlWriter(
            catalog,
            rule,
            rootAlias,
            new FieldSql(catalog, ConfigSnapshot.DEFAULT_LANGUAGE, company))
        .condition(model, rootAlias, DomainReader.parse(rule));
  }

  SourceCatalog catalog() {
    return catalog;
  }
}
