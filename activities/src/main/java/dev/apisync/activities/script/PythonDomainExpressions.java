package dev.apisync.activities.script;

import dev.apisync.activities.source.DomainExpressions;
import dev.apisync.activities.source.SourceException;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Evaluates Python-valued domains with Odoo's names in scope ({@code datetime}, {@code timedelta},
 * {@code relativedelta}, {@code context_today()}, {@code time}), at a given "now". Results are
 * remembered per domain and instant, so the pages of a run evaluate their domain once.
 */
public final class PythonDomainExpressions implements DomainExpressions {

  private static final int REMEMBERED = 256;

  private final PythonScripts scripts;
  private final Map<String, String> evaluated =
      Collections.synchronizedMap(
          new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, String> eldest) {
              return size() > REMEMBERED;
            }
          });

  public PythonDomainExpressions(PythonScripts scripts) {
    this.scripts = scripts;
  }

  @Override
  public String evaluate(String domainText, Instant now) {
    String key = now.toEpochMilli() + "\n" + domainText;
    String literal = evaluated.get(key);
    if (literal == null) {
      try {
        literal = scripts.evaluateDomain(domainText, now);
      } catch (ScriptException e) {
        throw new SourceException("the domain's Python failed: " + e.getMessage());
      }
      evaluated.put(key, literal);
    }
    return literal;
  }
}
