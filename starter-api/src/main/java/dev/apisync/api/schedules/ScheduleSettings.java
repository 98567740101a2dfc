package dev.apisync.api.schedules;

/**
 * A config's schedule, parsed and checked ({@link ScheduleRequest#parse()}).
 *
 * @param incremental scheduled runs send only records written after the config's watermark
 */
public record ScheduleSettings(
    ScheduleTiming timing, boolean paused, boolean incremental, Overlap overlap) {}
