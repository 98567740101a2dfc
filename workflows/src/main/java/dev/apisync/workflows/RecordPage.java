package dev.apisync.workflows;

import java.util.List;

/**
 * A page of matching record ids, ascending.
 *
 * @param skipped requested ids (explicit-id runs only) in this page's range that do not exist or do
 *     not match the domain
 * @param nextAfterId the cursor for the next page
 * @param last true when no further page exists
 * @param highWriteDate for an incremental query, the highest {@code write_date} of the page's
 *     records ({@link WriteDates}); empty otherwise or when none has one
 */
public record RecordPage(
    List<Long> ids,
    List<RecordFailure> skipped,
    long nextAfterId,
    boolean last,
    String highWriteDate) {

  public RecordPage {
    ids = List.copyOf(ids);
    skipped = List.copyOf(skipped);
    // Absent in pages recorded before incremental sync existed.
    highWriteDate = highWriteDate == null ? "" : highWriteDate;
  }
}
