package dev.apisync.activities.config;

/** The Python a config holds compiles: its request script and its python lines' expressions. */
final class PythonRules {

  private final ScriptSyntax scripts;
  private final ConfigErrors errors;

  PythonRules(ScriptSyntax scripts, ConfigErrors errors) {
    this.scripts = scripts;
    this.errors = errors;
  }

  void requestScript(SyncConfig config) {
    if (!config.requestScript().isBlank()) {
      syntax("requestScript", config.requestScript(), false);
    }
  }

  /**
   * @param expressionAllowed true for python lines (an expression, or statements assigning {@code
   *     result}), false for request scripts
   */
  void syntax(String field, String text, boolean expressionAllowed) {
    scripts
        .problem(text, expressionAllowed)
        .ifPresent(problem -> errors.add(field, "Python syntax error: " + problem));
  }
}
