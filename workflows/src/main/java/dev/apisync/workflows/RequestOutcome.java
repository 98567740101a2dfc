package dev.apisync.workflows;

import java.util.ArrayList;
import java.util.List;

/** What one request (and, when it was split, its halves) achieved for its records. */
record RequestOutcome(List<Long> sent, List<RecordFailure> failures) {

  RequestOutcome {
    sent = List.copyOf(sent);
    failures = List.copyOf(failures);
  }

  static RequestOutcome failedAll(List<Long> recordIds, String reason, int status, int attempts) {
    return new RequestOutcome(List.of(), RecordFailure.all(recordIds, reason, status, attempts));
  }

  RequestOutcome plus(RequestOutcome other) {
    List<Long> allSent = new ArrayList<>(sent);
    allSent.addAll(other.sent);
    List<RecordFailure> allFailures = new ArrayList<>(failures);
    allFailures.addAll(other.failures);
    return new RequestOutcome(allSent, allFailures);
  }
}
