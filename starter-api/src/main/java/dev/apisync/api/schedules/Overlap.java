package dev.apisync.api.schedules;

import io.temporal.api.enums.v1.ScheduleOverlapPolicy;
import java.util.Arrays;
import java.util.Optional;

/** What a schedule does when its next time comes while its previous run is still going. */
public enum Overlap {
  /** Start nothing; the next time after the run ends starts the next run. */
  SKIP("skip", ScheduleOverlapPolicy.SCHEDULE_OVERLAP_POLICY_SKIP),
  /** Start one run as soon as the current one ends, however many times were missed. */
  BUFFER_ONE("bufferOne", ScheduleOverlapPolicy.SCHEDULE_OVERLAP_POLICY_BUFFER_ONE),
  /** Start a run every time, alongside the running ones. */
  ALLOW_ALL("allowAll", ScheduleOverlapPolicy.SCHEDULE_OVERLAP_POLICY_ALLOW_ALL);

  private final String apiName;
  private final ScheduleOverlapPolicy policy;

  Overlap(String apiName, ScheduleOverlapPolicy policy) {
    this.apiName = apiName;
    this.policy = policy;
  }

  public String apiName() {
    return apiName;
  }

  ScheduleOverlapPolicy policy() {
    return policy;
  }

  static Optional<Overlap> ofApiName(String name) {
    return Arrays.stream(values()).filter(o -> o.apiName.equals(name)).findFirst();
  }

  /** Temporal's policy read back; the server's "unspecified" is its default, skip. */
  static Overlap of(ScheduleOverlapPolicy policy) {
    return Arrays.stream(values()).filter(o -> o.policy == policy).findFirst().orElse(SKIP);
  }
}
