package dev.apisync.activities.config;

import java.util.Optional;

/** Compiles Python without running it, for {@link ConfigValidator}. */
@FunctionalInterface
public interface ScriptSyntax {

  /** Accepts everything: for validators that are not meant to check scripts. */
  ScriptSyntax UNCHECKED = (text, expressionAllowed) -> Optional.empty();

  /**
   * @param expressionAllowed true for python lines (an expression, or statements assigning {@code
   *     result}), false for request scripts (statements)
   * @return what is wrong, naming the line (e.g. {@code line 3: invalid syntax}); empty when the
   *     text compiles
   */
  Optional<String> problem(String text, boolean expressionAllowed);
}
