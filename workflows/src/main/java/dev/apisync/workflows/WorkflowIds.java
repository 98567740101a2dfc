package dev.apisync.workflows;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** Readable workflow ids: {@code sync-<config name>-<UTC time to the millisecond>}. */
public final class WorkflowIds {

  private static final DateTimeFormatter STAMP =
      DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss.SSS'Z'").withZone(ZoneOffset.UTC);
  private static final int MAX_NAME_LENGTH = 60;

  private WorkflowIds() {}

  /**
   * E.g. {@code sync-customers-to-crm-20261128T161000.123Z}; the name is slugged to [a-z0-9-], and
   * a name with no such character (Cyrillic, say) becomes {@code config-<id>}.
   */
  public static String forRun(long configId, String configName, Instant startedAt) {
    return "sync-" + nameOrId(configId, configName) + "-" + STAMP.format(startedAt);
  }

  /**
   * The workflow id prefix of a config's scheduled runs, e.g. {@code
   * sync-customers-to-crm-scheduled}; Temporal appends each run's scheduled time ({@code
   * -2026-11-29T13:00:00Z}).
   */
  public static String forSchedule(long configId, String configName) {
    return "sync-" + nameOrId(configId, configName) + "-scheduled";
  }

  private static String nameOrId(long configId, String configName) {
    String slug = slug(configName);
    return slug.isEmpty() ? "config-" + configId : slug;
  }

  /**
   * E.g. {@code sync-customers-to-crm-events-1201-1740}: a run of the record events with ids 1201
   * to 1740 (those the batch holds). Derived from the events, not the clock, so starting the same
   * batch again names the same workflow and Temporal refuses the duplicate.
   */
  public static String forEventBatch(
      long configId, String configName, long firstEventId, long lastEventId) {
    String slug = slug(configName);
    return "sync-"
        + (slug.isEmpty() ? "config-" + configId : slug)
        + "-events-"
        + firstEventId
        + "-"
        + lastEventId;
  }

  private static String slug(String name) {
    String slug =
        name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-+)|(-+$)", "");
    if (slug.length() > MAX_NAME_LENGTH) {
      slug = slug.substring(0, MAX_NAME_LENGTH).replaceAll("-+$", "");
    }
    return slug;
  }
}
