package dev.apisync.activities.script;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.apisync.activities.mapping.LineResolver;
import dev.apisync.activities.mapping.LineValues;
import dev.apisync.workflows.ConfigSnapshot;
import dev.apisync.workflows.FieldLine;
import dev.apisync.workflows.ValueType;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code python} and {@code relational_python} lines (SPEC §3, §5): for every record of the page,
 * the line's Python with {@code record} (and {@code records}) the record. An expression's value is
 * the line's value; a line of statements must assign {@code result}. A {@code relational_python}
 * line must yield a list or a dict. A line that raises fails its record only.
 */
public final class PythonLineResolver implements LineResolver {

  private static final ObjectMapper JSON =
      new ObjectMapper()
          .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
          .setNodeFactory(JsonNodeFactory.withExactBigDecimals(true));

  private final ValueType type;
  private final PythonScripts scripts;
  private final ScriptSource source;
  private final Clock clock;

  private PythonLineResolver(
      ValueType type, PythonScripts scripts, ScriptSource source, Clock clock) {
    this.type = type;
    this.scripts = scripts;
    this.source = source;
    this.clock = clock;
  }

  public static PythonLineResolver python(PythonScripts scripts, ScriptSource source) {
    return python(scripts, source, Clock.systemUTC());
  }

  /**
   * @param clock what {@code datetime.now()} answers
   */
  public static PythonLineResolver python(PythonScripts scripts, ScriptSource source, Clock clock) {
    return new PythonLineResolver(ValueType.PYTHON, scripts, source, clock);
  }

  public static PythonLineResolver relationalPython(PythonScripts scripts, ScriptSource source) {
    return relationalPython(scripts, source, Clock.systemUTC());
  }

  public static PythonLineResolver relationalPython(
      PythonScripts scripts, ScriptSource source, Clock clock) {
    return new PythonLineResolver(ValueType.RELATIONAL_PYTHON, scripts, source, clock);
  }

  @Override
  public ValueType handles() {
    return type;
  }

  @Override
  public LineValues resolve(ConfigSnapshot config, List<FieldLine> lines, List<Long> recordIds) {
    List<LineScript> code = new ArrayList<>();
    for (FieldLine line : lines) {
      code.add(new LineScript(nameOf(config, line), line.expression()));
    }
    LineValues values = new LineValues();
    scripts.evaluateLines(
        config.id(),
        config.model(),
        recordIds,
        code,
        clock.instant(),
        scripts.limit(config.scriptTimeoutSeconds()),
        source,
        config.language(),
        new LineSink() {
          @Override
          public void value(int position, int line, String json) {
            long id = recordIds.get(position);
            String name = code.get(line).name();
            try {
              JsonNode node = JSON.readTree(json);
              if (type == ValueType.RELATIONAL_PYTHON && !node.isContainerNode()) {
                values.fail(
                    id,
                    name
                        + ": a relational_python line yields a list or a dict, got "
                        + (node.isTextual()
                            ? "a string"
                            : node.getNodeType().name().toLowerCase()));
              } else {
                values.put(id, lines.get(line), node);
              }
            } catch (JsonProcessingException e) {
              values.fail(id, name + ": its value is not JSON: " + e.getOriginalMessage());
            }
          }

          @Override
          public void error(int position, int line, ScriptException error) {
            values.fail(recordIds.get(position), error.describe(code.get(line).name()));
          }

          @Override
          public void recordFailed(int position, String reason) {
            values.fail(recordIds.get(position), type.jsonName() + " lines " + reason);
          }
        });
    return values;
  }

  /** {@code lines[3].expression}: how the config API names the line. */
  private static String nameOf(ConfigSnapshot config, FieldLine line) {
    return "lines[" + config.lines().indexOf(line) + "].expression";
  }
}
