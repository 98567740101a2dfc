package dev.apisync.activities.source;

import java.time.Instant;

/**
 * Evaluates a domain whose values are Python expressions ({@code datetime.now() -
 * timedelta(days=7)}, {@code context_today()}) into Odoo's literal domain text, which {@link
 * DomainCompiler} then compiles as usual.
 */
@FunctionalInterface
public interface DomainExpressions {

  /** No evaluator: a domain with Python expressions is refused, naming the first one. */
  DomainExpressions NONE =
      (domainText, now) -> {
        throw new SourceException("this domain has Python values, and no Python is configured");
      };

  /**
   * @param now the "now" of {@code datetime.now()}, {@code context_today()}, {@code time.time()}
   * @return the domain as literal text, e.g. {@code [('create_date', '>=', '2026-11-21')]}
   * @throws SourceException when the expression fails or does not yield a list of terms
   */
  String evaluate(String domainText, Instant now);
}
