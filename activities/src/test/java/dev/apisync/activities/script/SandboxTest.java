package dev.apisync.activities.script;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.apisync.activities.testing.TestScripts;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Sandbox escapes, each refused with a clear error. Most are tried twice: through the import guard
 * (which explains itself), and around it, through the runtime's own module references, to show that
 * the JVM sandbox below refuses them too.
 */
class SandboxTest {

  /** Generous for the escapes: a first import of a big module is slow on a busy machine. */
  private static final Duration LIMIT = Duration.ofSeconds(10);

  /** For the runaways. */
  private static final Duration SHORT = Duration.ofSeconds(1);

  /** The runtime module's globals: a way around the import guard. */
  private static final String RUNTIME = "rt = datetime.now.__func__.__globals__\n";

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
                        "", List.of(), script, "{}", ScriptFixtures.NOW, limit, null, "en_US"));
    assertThat(error).as("refused: %s", script).isNotNull();
    return error;
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
    assertThat(refused(RUNTIME + "result = rt['_real_import']('os').listdir('/')"))
        .hasMessageStartingWith("PermissionError: [Errno 1] Operation not permitted: '/'");
  }

  @Test
  void cannotOpenASocket() {
    assertThat(refused("import socket")).hasMessageContaining("import of 'socket' is not allowed");
    assertThat(refused(RUNTIME + "rt['_real_import']('socket').socket()"))
        .hasMessageContaining("the sandbox refused an operation")
        .hasMessageContaining("socket was excluded");
  }

  @Test
  void cannotRunAProcess() {
    assertThat(refused("import subprocess"))
        .hasMessageContaining("import of 'subprocess' is not allowed");
    assertThat(refused(RUNTIME + "rt['_real_import']('subprocess').run(['ls', '/'])"))
        .hasMessageStartingWith("PermissionError: [Errno 1] Operation not permitted");
  }

  @Test
  void cannotCallOsSystem() {
    assertThat(refused(RUNTIME + "rt['_real_import']('os').system('id')"))
        .hasMessageContaining("the sandbox refused an operation")
        .hasMessageContaining("Process creation is not allowed");
  }

  @Test
  void cannotStartAThread() {
    assertThat(refused("import threading"))
        .hasMessageContaining("import of 'threading' is not allowed");
    assertThat(refused(RUNTIME + "rt['_real_import']('_thread').start_new_thread(print, ())"))
        .hasMessageContaining("the sandbox refused an operation")
        .hasMessageContaining("Creating threads is not allowed");
  }

  @Test
  void cannotReachJavaClasses() {
    assertThat(refused("import java")).hasMessageContaining("import of 'java' is not allowed");
    assertThat(refused(RUNTIME + "rt['_real_import']('java').type('java.lang.System')"))
        .hasMessageContaining("java.lang.System is not defined or access has been denied");
    assertThat(
            refused(RUNTIME + "rt['_real_import']('polyglot').eval(language='python', string='1')"))
        .hasMessageStartingWith("RuntimeError: polyglot access is not allowed");
  }

  @Test
  void cannotLoadCtypes() {
    assertThat(refused("import ctypes")).hasMessageContaining("import of 'ctypes' is not allowed");
    assertThat(refused(RUNTIME + "rt['_real_import']('ctypes')"))
        .hasMessageStartingWith("ImportError");
  }

  @Test
  void infiniteLoopIsStoppedAtItsLimitAndItsContextReplaced() throws InterruptedException {
    PythonScripts scripts = TestScripts.shared();
    awaitAContext();
    long created = scripts.contextsCreated();
    long started = System.nanoTime();

    ScriptException error = refused("while True:\n    pass", SHORT);

    assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(SHORT.plusSeconds(1));
    assertThat(error.kind()).isEqualTo(ScriptException.Kind.TIMED_OUT);
    assertThat(error).hasMessage("exceeded the time limit of 1 s and was stopped");
    assertThat(
            scripts.runRequestScript(
                "", List.of(), "result = 6 * 7", "{}", ScriptFixtures.NOW, SHORT, null, "en_US"))
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
                + "        rt = datetime.now.__func__.__globals__\n"
                + "        rt['_HOST'].recordDone(0, [])\n",
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
