package dev.apisync.activities.script;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.graalvm.polyglot.Engine;
import org.graalvm.polyglot.SandboxPolicy;
import org.graalvm.polyglot.Source;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one GraalPy {@link Engine} of this JVM, shared by every context of every pool (the worker and
 * the API in one JVM included), so parsed code and compiled machine code are shared too.
 *
 * <p>On JDK 21+ started with the Graal compiler on the upgrade module path (see {@code
 * scripts/worker.sh} and the build's {@code graalpy-jit} profile) the engine runs Python with the
 * optimizing runtime; elsewhere it interprets. Which one it got is logged when it starts.
 */
public final class PythonEngine {

  static final String LANGUAGE = "python";
  private static final String RUNTIME = "apisync_runtime.py";
  private static final Logger log = LoggerFactory.getLogger(PythonEngine.class);

  private static PythonEngine shared;

  private final Engine engine;
  private final Source runtime;

  private PythonEngine() {
    long started = System.nanoTime();
    this.engine =
        Engine.newBuilder(LANGUAGE)
            .sandbox(SandboxPolicy.CONSTRAINED)
            .out(OutputStream.nullOutputStream())
            .err(OutputStream.nullOutputStream())
            // We log which runtime runs instead of Truffle's stderr warning.
            .option("engine.WarnInterpreterOnly", "false")
            .build();
    this.runtime = Source.newBuilder(LANGUAGE, runtimeText(), "apisync_runtime.py").buildLiteral();
    log.info(
        "Python scripts: GraalPy {} on {}, runtime '{}' ({}), engine ready in {} ms",
        engine.getLanguages().get(LANGUAGE).getVersion(),
        Runtime.version(),
        engine.getImplementationName(),
        isOptimizing() ? "optimizing JIT" : "interpreted: start with scripts/worker.sh for the JIT",
        (System.nanoTime() - started) / 1_000_000);
  }

  /** The engine of this JVM, created on first use (about half a second). */
  public static synchronized PythonEngine shared() {
    if (shared == null) {
      shared = new PythonEngine();
    }
    return shared;
  }

  /** Whether Python code is compiled to machine code (JDK 21+ with the Graal compiler). */
  public boolean isOptimizing() {
    return !engine.getImplementationName().equalsIgnoreCase("Interpreted");
  }

  /** {@code GraalVM CE} with the optimizing runtime, {@code Interpreted} without. */
  public String runtimeName() {
    return engine.getImplementationName();
  }

  Engine engine() {
    return engine;
  }

  /** The Python side of the script API, evaluated once in every context. */
  Source runtime() {
    return runtime;
  }

  private static String runtimeText() {
    try (InputStream in = PythonEngine.class.getResourceAsStream(RUNTIME)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + RUNTIME);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
