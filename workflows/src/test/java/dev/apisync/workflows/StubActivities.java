package dev.apisync.workflows;

import io.temporal.failure.ApplicationFailure;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * Activities of a run, stubbed in memory: what the workflow asks of them and what they answer,
 * without PostgreSQL or HTTP. A run's records are the ids {@code 1..records}.
 */
final class StubActivities {

  private StubActivities() {}

  /** A config of the stub run: per-record requests, pages of ten, one request at a time. */
  static ConfigSnapshot config() {
    return config(0, OutageSettings.DEFAULTS);
  }

  static ConfigSnapshot config(int limit, OutageSettings outage) {
    return config(limit, outage, true);
  }

  static ConfigSnapshot config(int limit, OutageSettings outage, boolean enabled) {
    return new ConfigSnapshot(
        1,
        "stub",
        "res.partner",
        "[]",
        "https://crm.example.com/partners",
        HttpMethod.POST,
        5,
        15,
        false,
        10,
        limit,
        new RetrySettings(3, 1_000, 2.0, 10_000),
        List.of(),
        "en_US",
        enabled,
        "",
        0,
        1,
        1.0,
        5,
        0,
        false,
        false,
        "",
        outage);
  }

  static MappedRecord record(long id) {
    return new MappedRecord(id, "{\"id\":" + id + "}");
  }

  /** Serves one config. */
  static final class Configs implements ConfigActivities {

    private final ConfigSnapshot config;

    Configs(ConfigSnapshot config) {
      this.config = config;
    }

    @Override
    public ConfigSnapshot loadSnapshot(long configId) {
      return config;
    }

    @Override
    public void advanceWatermark(long configId, String writeDate) {}
  }

  /**
   * Sends up to {@code pagesPerSlice} pages per slice. A record in {@code unfinished} comes back as
   * its own unfinished request, tried once; with an {@code outage}, uncharged and with the outage.
   */
  static final class Slices implements SliceActivities {

    final List<SliceRequest> requests = Collections.synchronizedList(new ArrayList<>());
    final CountDownLatch started = new CountDownLatch(1);
    private final int records;
    private final int pagesPerSlice;
    private final Set<Long> unfinished;
    private final TargetOutage outage;
    private final CountDownLatch release;

    Slices(int records, int pagesPerSlice) {
      this(records, pagesPerSlice, Set.of(), null, new CountDownLatch(0));
    }

    Slices(
        int records,
        int pagesPerSlice,
        Set<Long> unfinished,
        TargetOutage outage,
        CountDownLatch release) {
      this.records = records;
      this.pagesPerSlice = pagesPerSlice;
      this.unfinished = unfinished;
      this.outage = outage;
      this.release = release;
    }

    @Override
    public SliceResult sendSlice(SliceRequest request) {
      requests.add(request);
      started.countDown();
      try {
        release.await(30, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      long cursor = request.firstPage().afterId();
      int size = request.firstPage().size();
      int pages = 0;
      int sent = 0;
      List<UnfinishedRequest> left = new ArrayList<>();
      while (pages < pagesPerSlice
          && cursor < records
          && (request.recordBudget() == 0 || sent + left.size() < request.recordBudget())) {
        int room = request.recordBudget() == 0 ? size : request.recordBudget() - sent - left.size();
        long to = Math.min(records, cursor + Math.min(size, room));
        for (long id = cursor + 1; id <= to; id++) {
          if (unfinished.contains(id)) {
            left.add(
                UnfinishedRequest.carrying(
                    List.of(record(id)), false, "", outage == null ? 1 : 0, false, 0));
          } else {
            sent++;
          }
        }
        cursor = to;
        pages++;
      }
      return new SliceResult(
          pages,
          sent,
          0,
          List.of(),
          0,
          cursor,
          cursor >= records,
          "",
          List.of(),
          left,
          left.isEmpty() ? null : outage);
    }
  }

  /** Answers each request as {@code answer} says, and keeps the requests. */
  static final class Delivery implements DeliveryActivities {

    final List<DeliveryRequest> requests = Collections.synchronizedList(new ArrayList<>());
    private final Function<DeliveryRequest, DeliveryResult> answer;

    Delivery(Function<DeliveryRequest, DeliveryResult> answer) {
      this.answer = answer;
    }

    static Delivery accepting() {
      return new Delivery(request -> new DeliveryResult(request.recordIds(), List.of(), 200));
    }

    @Override
    public DeliveryResult deliver(DeliveryRequest request) {
      requests.add(request);
      return answer.apply(request);
    }

    @Override
    public RequestPreview preview(DeliveryRequest request) {
      throw new UnsupportedOperationException("no dry run here");
    }
  }

  /** The failure a delivery throws while the target's circuit is open. */
  static ApplicationFailure unavailable(TargetOutage outage, int attemptsBefore) {
    return ApplicationFailure.newNonRetryableFailure(
        outage.describe(),
        FailureTypes.TARGET_UNAVAILABLE,
        new OutageDetails(outage, attemptsBefore));
  }

  /** What the workflow recorded of its run; a stop request releases {@code stopped}. */
  static final class Runs implements RunRecordActivities {

    final List<RunEnd> ends = Collections.synchronizedList(new ArrayList<>());
    final List<RunPage> pages = Collections.synchronizedList(new ArrayList<>());
    final CountDownLatch stopped = new CountDownLatch(1);

    @Override
    public void runStarted(RunStart start) {}

    @Override
    public void pageRecorded(RunPage page) {
      pages.add(page);
    }

    @Override
    public void runEnded(RunEnd end) {
      ends.add(end);
    }

    @Override
    public void stopRequested(String workflowId) {
      stopped.countDown();
    }
  }

  /** Mapping and scripts are not needed while slices carry their records. */
  static final class Unused implements MappingActivities, ScriptActivities {

    @Override
    public MappedPage mapRecords(ConfigSnapshot config, List<Long> recordIds) {
      throw new UnsupportedOperationException();
    }

    @Override
    public MappedPage mapEventRecords(
        ConfigSnapshot config, List<Long> recordIds, String eventBatch) {
      throw new UnsupportedOperationException();
    }

    @Override
    public String applyRequestScript(
        ConfigSnapshot config, List<MappedRecord> records, boolean asArray) {
      throw new UnsupportedOperationException();
    }
  }
}
