package dev.apisync.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The command line of {@code bench/run.sh}.
 *
 * @param warmUpRecords records in each contender's warm-up run per scenario
 * @param label a note printed with the results, e.g. what the worker ran with
 */
record BenchOptions(
    int rows,
    int timedRuns,
    int warmUpRecords,
    List<Scenario> scenarios,
    Duration runTimeout,
    List<String> workerArguments,
    Path output,
    String label) {

  static final String USAGE =
      """
      usage: bench/run.sh [--rows N] [--quick] [--runs N] [--scenarios a,b] [--label TEXT]
                          [--out FILE.md] [--worker-arg ARG]... [--run-timeout MINUTES]
        --rows N        res_partner rows to generate (default 100000; 1000000 on request)
        --quick         smoke test: 2000 rows, 1 timed run, small warm-up
        --runs N        timed runs per contender and scenario after the warm-up (default 3)
        --scenarios     some of: %s
        --worker-arg    passed to the worker app (e.g. --apisync.scripts.pool-size=8)
        --out           the Markdown table (default bench/results/latest.md; the chart beside it)
      """
          .formatted(Scenario.ALL.stream().map(Scenario::name).toList());

  static BenchOptions parse(String[] args, Path repo) {
    Integer rows = null;
    Integer runs = null;
    boolean quick = false;
    List<Scenario> scenarios = Scenario.ALL;
    Duration timeout = Duration.ofMinutes(30);
    List<String> workerArguments = new ArrayList<>();
    Path output = repo.resolve("bench/results/latest.md");
    String label = "";
    for (int i = 0; i < args.length; i++) {
      String arg = args[i];
      switch (arg) {
        case "--help", "-h" -> throw new IllegalArgumentException(USAGE);
        case "--quick" -> quick = true;
        case "--rows" -> rows = positive(arg, value(args, ++i, arg));
        case "--runs" -> runs = positive(arg, value(args, ++i, arg));
        case "--run-timeout" -> timeout = Duration.ofMinutes(positive(arg, value(args, ++i, arg)));
        case "--scenarios" -> scenarios = scenarios(value(args, ++i, arg));
        case "--worker-arg" -> workerArguments.add(value(args, ++i, arg));
        case "--out" -> output = Path.of(value(args, ++i, arg)).toAbsolutePath();
        case "--label" -> label = value(args, ++i, arg);
        default -> throw new IllegalArgumentException("unknown option " + arg + "\n" + USAGE);
      }
    }
    int rowCount = rows != null ? rows : quick ? 2_000 : 100_000;
    int timedRuns = runs != null ? runs : quick ? 1 : 3;
    int warmUp = quick ? 200 : Math.min(5_000, rowCount / 10);
    return new BenchOptions(
        rowCount,
        timedRuns,
        warmUp,
        scenarios,
        timeout,
        List.copyOf(workerArguments),
        output,
        label);
  }

  private static String value(String[] args, int index, String option) {
    if (index >= args.length) {
      throw new IllegalArgumentException(option + " needs a value\n" + USAGE);
    }
    return args[index];
  }

  private static int positive(String option, String text) {
    try {
      int value = Integer.parseInt(text.replace("_", ""));
      if (value > 0) {
        return value;
      }
    } catch (NumberFormatException ignored) {
      // reported below
    }
    throw new IllegalArgumentException(option + " must be a positive whole number, not " + text);
  }

  private static List<Scenario> scenarios(String names) {
    List<Scenario> chosen = new ArrayList<>();
    for (String name : names.split(",")) {
      chosen.add(
          Scenario.ALL.stream()
              .filter(scenario -> scenario.name().equals(name.trim()))
              .findFirst()
              .orElseThrow(
                  () -> new IllegalArgumentException("unknown scenario " + name + "\n" + USAGE)));
    }
    return List.copyOf(chosen);
  }
}
