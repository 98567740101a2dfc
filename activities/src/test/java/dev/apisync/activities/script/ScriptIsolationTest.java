package dev.apisync.activities.script;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * No config's script can change what another config's script sees: config A patches {@code
 * datetime.now}, {@code json.dumps}, a runtime module global ({@code time.time}) and the decimal
 * context, and config B's output is unaffected, on a pool of one context, so B must get A's context
 * replaced rather than reused. A's own later evaluations run in A's context and do see what A
 * changed there (as module state persists in one Odoo worker process), until that context is
 * recycled.
 */
class ScriptIsolationTest {

  private static final Logger log = LoggerFactory.getLogger(ScriptIsolationTest.class);

  private static final long CONFIG_A = 101;
  private static final long CONFIG_B = 102;

  private static final String PATCH =
      "import json, decimal\n"
          + "datetime.now = lambda *args: datetime(1999, 1, 1)\n"
          + "json.dumps = lambda *args, **kwargs: 'patched by A'\n"
          + "time.time = lambda: 0.0\n"
          + "decimal.getcontext().prec = 2\n"
          + "result = 'patched'";

  private static final String OBSERVE =
      "import json, decimal\n"
          + "result = {'now': datetime.now().isoformat(), 'json': json.dumps({'a': 1}),"
          + " 'time': time.time(), 'third': str(decimal.Decimal(1) / decimal.Decimal(3))}";

  private static final String UNAFFECTED =
      "{\"now\":\"2026-11-28T10:00:00\",\"json\":\"{\\\"a\\\": 1}\",\"time\":1795860000.0,"
          + "\"third\":\"0.3333333333333333333333333333\"}";

  private static PythonScripts scripts;

  @BeforeAll
  static void oneContext() {
    scripts =
        new PythonScripts(
            new ScriptSettings(1, Duration.ofSeconds(10), 256L << 20, Duration.ofMinutes(1)));
    scripts.warmUp();
  }

  @AfterAll
  static void close() {
    scripts.close();
  }

  @Test
  void configBIsUnaffectedByWhatConfigAPatched() throws InterruptedException {
    assertThat(run(CONFIG_B, OBSERVE)).contains(UNAFFECTED);
    assertThat(run(CONFIG_A, PATCH)).contains("\"patched\"");
    assertThat(run(CONFIG_A, "result = datetime.now().year")).contains("1999");
    long recycledBefore = scripts.contextsRecycled();

    long started = System.nanoTime();
    Optional<String> seenByB = run(CONFIG_B, OBSERVE);
    long switchMillis = (System.nanoTime() - started) / 1_000_000;

    assertThat(seenByB).contains(UNAFFECTED);
    assertThat(scripts.contextsRecycled()).isEqualTo(recycledBefore + 1);
    started = System.nanoTime();
    assertThat(run(CONFIG_B, OBSERVE)).contains(UNAFFECTED);
    long warmMillis = (System.nanoTime() - started) / 1_000_000;
    assertThat(scripts.contextsRecycled()).isEqualTo(recycledBefore + 1);
    // A's context was replaced for B: A starts again from a clean runtime.
    assertThat(run(CONFIG_A, OBSERVE)).contains(UNAFFECTED);
    // Once the switch's spare is built, the next switch takes it instead of building one.
    assertThat(scripts.awaitReplacements(Duration.ofMinutes(2))).isTrue();
    started = System.nanoTime();
    assertThat(run(CONFIG_B, OBSERVE)).contains(UNAFFECTED);
    long spareMillis = (System.nanoTime() - started) / 1_000_000;
    log.info(
        "isolation: switching the context from config A to B took {} ms without a spare, {} ms"
            + " with one; B again, warm: {} ms",
        switchMillis,
        spareMillis,
        warmMillis);
  }

  @Test
  void aPatchedRuntimeGlobalDoesNotReachAnotherConfigsPythonLines() {
    run(CONFIG_A, PATCH);
    RecordingSink sink = new RecordingSink();

    scripts.evaluateLines(
        CONFIG_B,
        "",
        List.of(1L),
        List.of(new LineScript("lines[0].expression", "datetime.now().year")),
        ScriptFixtures.NOW,
        Duration.ofSeconds(10),
        null,
        "en_US",
        sink);

    assertThat(sink.values).containsExactly("2026");
  }

  private static Optional<String> run(long configId, String script) {
    return scripts.runRequestScript(
        configId,
        "",
        List.of(),
        script,
        "{}",
        ScriptFixtures.NOW,
        Duration.ofSeconds(10),
        null,
        "en_US");
  }

  private static final class RecordingSink implements LineSink {
    final java.util.List<String> values = new java.util.ArrayList<>();

    @Override
    public void value(int position, int line, String json) {
      values.add(json);
    }

    @Override
    public void error(int position, int line, ScriptException error) {
      values.add("error: " + error.getMessage());
    }

    @Override
    public void recordFailed(int position, String reason) {
      values.add("failed: " + reason);
    }
  }
}
