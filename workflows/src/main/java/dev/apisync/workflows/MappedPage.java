package dev.apisync.workflows;

import java.util.List;

/** The JSON objects of a page's records, in id order, and the records that could not be mapped. */
public record MappedPage(List<MappedRecord> records, List<RecordFailure> failures) {

  public MappedPage {
    records = List.copyOf(records);
    failures = List.copyOf(failures);
  }
}
