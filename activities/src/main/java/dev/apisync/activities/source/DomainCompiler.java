package dev.apisync.activities.source;

/** Compiles an Odoo domain into a parameterised SQL condition on a model's table. */
public class DomainCompiler {

  public DomainCompiler(SourceCatalog catalog) {
    throw new UnsupportedOperationException("TODO");
  }

  /**
   * @param domainText e.g. {@code [('customer_rank','>',0), ('parent_id.name','ilike','acme')]}
   * @param rootAlias the SQL alias of the model's table in the query the condition joins
   * @throws SourceException for malformed domains and unknown fields, naming the problem
   */
  public SqlCondition compile(String modelName, String domainText, String rootAlias) {
    throw new UnsupportedOperationException("TODO");
  }
}
