package dev.apisync.activities.slices;

import dev.apisync.activities.mapping.MappingActivitiesImpl;
import dev.apisync.activities.source.RecordActivitiesImpl;
import dev.apisync.workflows.ConfigSnapshot;
import dev.apisync.workflows.MappedPage;
import dev.apisync.workflows.PageQuery;
import dev.apisync.workflows.RecordPage;

/**
 * What a slice reads and writes besides its target: pages of the source, their mapping, and the
 * ledger. The record and mapping activities' own code, called directly, so a slice selects and maps
 * exactly as they do.
 */
record SlicePorts(RecordActivitiesImpl records, MappingActivitiesImpl mapping, SliceLedger ledger) {

  RecordPage fetchPage(PageQuery query) {
    return records.fetchPage(query);
  }

  /** A run of record events maps deleted records from their last values. */
  MappedPage map(ConfigSnapshot config, PageQuery query, RecordPage page) {
    return query.eventBatch().isEmpty()
        ? mapping.mapRecords(config, page.ids())
        : mapping.mapEventRecords(config, page.ids(), query.eventBatch());
  }
}
