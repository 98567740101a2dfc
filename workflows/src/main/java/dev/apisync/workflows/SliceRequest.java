package dev.apisync.workflows;

/**
 * One slice of a run: where it starts and how far it may go.
 *
 * @param firstPage the query of the slice's first page; later pages move its cursor
 * @param recordBudget records the slice may still take (what the config's {@code limit} leaves), 0
 *     for no cap
 * @param previews for a dry run, how many more requests it should show
 * @param progressBefore the run's counters when the slice starts, which the runs table and the
 *     heartbeat add the slice's own to
 * @param budgetMillis after this long the slice starts no new page
 */
public record SliceRequest(
    ConfigSnapshot config,
    PageQuery firstPage,
    int recordBudget,
    boolean dryRun,
    int previews,
    SyncProgress progressBefore,
    long budgetMillis) {}
