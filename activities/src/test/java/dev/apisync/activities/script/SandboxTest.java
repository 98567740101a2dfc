package dev.apisync.activities.script;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.apisync.activities.testing.TestScripts;
import java.time.Duration;
import java.util.List;
import org.graalvm.polyglot.PolyglotException;
import org.junit.jupiter.api.Test;

/**
 * Sandbox escapes, each refused with a clear error. Most are tried twice: through the import guard
 * (which explains itself), and below it, as raw code in a sandboxed context with the runtime's own
 * module references at hand (scripts cannot reach them: {@link ScriptInternalsTest}), to show that
 * the JVM sandbox refuses them too.
 */
class SandboxTest {

  /** Generous for the escapes: a first import of a big module is slow on a busy machine. */
  private static final Duration LIMIT = Duration.ofSeconds(10);

  /** For the runaways. */
  private static final Duration SHORT = Duration.ofSeconds(1);

  /** The runtime's unguarded import, as code below the script guard sees it. */
  private static final String RUNTIME = "rt = globals()\n";

  private static ScriptException refused(String script) {
    return refused(script, LIMIT);
  }

  private static ScriptException refused(String script, Duration limit) {
    ScriptException error =
        catchThrowableOfType(
            ScriptException.class,
            () ->
                TestScripts.shared()
                    .runRequestScript(
                        ScriptFixtures.CONFIG_ID,
                        "",
                        List.of(),
                        script,
                        "{}",
                        ScriptFixtures.NOW,
                        limit,
                        null,
                        "en_US"));
    assertThat(error).as("refused: %s", script).isNotNull();
    return error;
  }

  /**
   * Runs raw code in a sandboxed context of its own, after the runtime, without the script guard:
   * what a script that got past the guard could do.
   */
  private static String belowTheGuard(String code) {
    ScriptContext context = ScriptContext.create(PythonEngine.shared(), 0);
    try {
      context.context().eval(PythonEngine.LANGUAGE, code);
    } catch (PolyglotException e) {
      return e.getMessage();
    } finally {
      context.close();
    }
    throw new AssertionError("not refused: " + code);
  }

  /**
   * Waits until a context is free (an earlier test's discarded one may still be being replaced), so
   * that a timing measures the evaluation alone: the next borrow gets this context back.
   */
  private static void awaitAContext() {
    assertThat(refused("raise UserError('ready')")).hasMessageStartingWith("UserError: ready");
  }

  @Test
  void cannotOpenAFile() {
    assertThat(refused("result = open('/etc/passwd').read()"))
        .hasMessageStartingWith(
            "PermissionError: [Errno 1] Operation not permitted: '/etc/passwd'");
  }

  @Test
  void cannotListTheRoot() {
    assertThat(refused("import os\nresult = os.listdir('/')"))
        .hasMessageStartingWith("ImportError: import of 'os' is not allowed in apisync scripts");
    assertThat(belowTheGuard(RUNTIME + "result = rt['_real_import']('os').listdir('/')"))
        .startsWith("PermissionError: [Errno 1] Operation not permitted: '/'");
  }

  @Test
  void cannotOpenASocket() {
    assertThat(refused("import socket")).hasMessageContaining("import of 'socket' is not allowed");
    assertThat(belowTheGuard(RUNTIME + "rt['_real_import']('socket').socket()"))
        .contains("socket was excluded");
  }

  @Test
  void cannotRunAProcess() {
    assertThat(refused("import subprocess"))
        .hasMessageContaining("import of 'subprocess' is not allowed");
    assertThat(belowTheGuard(RUNTIME + "rt['_real_import']('subprocess').run(['ls', '/'])"))
        .startsWith("PermissionError: [Errno 1] Operation not permitted");
  }

  @Test
  void cannotCallOsSystem() {
    assertThat(belowTheGuard(RUNTIME + "rt['_real_import']('os').system('id')"))
        .contains("Process creation is not allowed");
  }

  @Test
  void cannotStartAThread() {
    assertThat(refused("import threading"))
        .hasMessageContaining("import of 'threading' is not allowed");
    assertThat(belowTheGuard(RUNTIME + "rt['_real_import']('_thread').start_new_thread(print, ())"))
        .contains("Creating threads is not allowed");
  }

  @Test
  void cannotReachJavaClasses() {
    assertThat(refused("import java")).hasMessageContaining("import of 'java' is not allowed");
    assertThat(belowTheGuard(RUNTIME + "rt['_real_import']('java').type('java.lang.System')"))
        .contains("java.lang.System is not defined or access has been denied");
    assertThat(
            belowTheGuard(
                RUNTIME + "rt['_real_import']('polyglot').eval(language='python', string='1')"))
        .startsWith("RuntimeError: polyglot access is not allowed");
  }

  @Test
  void cannotLoadCtypes() {
    assertThat(refused("import ctypes")).hasMessageContaining("import of 'ctypes' is not allowed");
    assertThat(belowTheGuard(RUNTIME + "rt['_real_import']('ctypes')")).startsWith("ImportError");
  }

  @Test
  void infiniteLoopIsStoppedAtItsLimitAndItsContextReplaced() throws InterruptedException {
    PythonScripts scripts = TestScripts.shared();
    awaitAContext();
    // A spare an earlier test's owner switch asked for is not this test's replacement.
    assertThat(scripts.awaitReplacements(Duration.ofSeconds(60))).isTrue();
    long created = scripts.contextsCreated();
    long started = System.nanoTime();

    ScriptException error = refused("while True:\n    pass", SHORT);

    assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(SHORT.plusSeconds(1));
    assertThat(error.kind()).isEqualTo(ScriptException.Kind.TIMED_OUT);
    assertThat(error).hasMessage("exceeded the time limit of 1 s and was stopped");
    assertThat(
            scripts.runRequestScript(
                ScriptFixtures.CONFIG_ID,
                "",
                List.of(),
                "result = 6 * 7",
                "{}",
                ScriptFixtures.NOW,
                SHORT,
                null,
                "en_US"))
        .contains("42");
    // The replacement is built in the background.
    assertThat(scripts.awaitReplacements(Duration.ofSeconds(60))).isTrue();
    assertThat(scripts.contextsCreated()).isEqualTo(created + 1);
  }

  @Test
  void swallowingTheInterruptDoesNotHelp() {
    awaitAContext();
    long started = System.nanoTime();

    ScriptException error =
        refused(
            "while True:\n"
                + "    try:\n"
                + "        while True:\n"
                + "            pass\n"
                + "    except BaseException:\n"
                + "        pass\n",
            SHORT);

    assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(SHORT.plusSeconds(1));
    assertThat(error.kind()).isEqualTo(ScriptException.Kind.TIMED_OUT);
  }

  @Test
  void hugeAllocationsAreRefused() {
    awaitAContext();
    long started = System.nanoTime();
    ScriptException growing =
        refused("chunks = []\nwhile True:\n    chunks.append(bytearray(1_000_000))");
    Duration growingTook = Duration.ofNanos(System.nanoTime() - started);

    ScriptException oneShot = refused("result = len('x' * (10 ** 12))");

    assertThat(growingTook).isLessThan(LIMIT);
    assertThat(growing.kind()).isEqualTo(ScriptException.Kind.OUT_OF_MEMORY);
    assertThat(growing).hasMessageContaining("allocated more than the limit of 256 MB");
    assertThat(oneShot).hasMessageMatching("(MemoryError|OverflowError).*");
  }
}
