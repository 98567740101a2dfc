package dev.apisync.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * CPU time and peak memory of a process and its children, read from {@code /proc} (Linux). CPU
 * counts the live processes' own time plus what their reaped children used, so a PostgreSQL backend
 * that exits mid-run still counts.
 */
final class ProcessTree {

  /** USER_HZ: the unit of /proc/<pid>/stat times on every Linux we run on. */
  private static final double TICKS_PER_SECOND = 100.0;

  private final long rootPid;

  ProcessTree(long rootPid) {
    this.rootPid = rootPid;
  }

  long pid() {
    return rootPid;
  }

  /** CPU seconds (user + system) used so far by the tree. */
  double cpuSeconds() {
    ProcessHandle root = ProcessHandle.of(rootPid).orElse(null);
    if (root == null) {
      return 0;
    }
    return Stream.concat(Stream.of(root), root.descendants())
            .mapToDouble(process -> ownAndReapedTicks(process.pid()))
            .sum()
        / TICKS_PER_SECOND;
  }

  /** Resets the root's peak RSS so that {@link #peakRssMiB} covers only what follows. */
  void resetPeakRss() {
    try {
      Files.writeString(Path.of("/proc", Long.toString(rootPid), "clear_refs"), "5");
    } catch (IOException e) {
      // Not permitted (another user's process): the peak then covers the process's whole life.
    }
  }

  /** The root's peak resident set (VmHWM) since start or the last {@link #resetPeakRss}. */
  double peakRssMiB() {
    try {
      for (String line : Files.readAllLines(Path.of("/proc", Long.toString(rootPid), "status"))) {
        if (line.startsWith("VmHWM:")) {
          return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024.0;
        }
      }
    } catch (IOException e) {
      return Double.NaN;
    }
    return Double.NaN;
  }

  private static double ownAndReapedTicks(long pid) {
    try {
      String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
      // Fields after the command name, which is in parentheses and may hold spaces.
      String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
      // utime, stime, cutime, cstime are fields 14-17 of stat, 12-15 after "(comm) ".
      return Long.parseLong(fields[11])
          + Long.parseLong(fields[12])
          + Long.parseLong(fields[13])
          + Long.parseLong(fields[14]);
    } catch (IOException | RuntimeException gone) {
      return 0;
    }
  }
}
