package dev.apisync.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;

/**
 * A receiver of paginated requests (JSON arrays of records with an {@code external_id}) that
 * answers each after {@code delay} ms and tells, at the end, which keys each record came under.
 */
final class PageReceiver extends Dispatcher {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final ConcurrentLinkedQueue<RecordedRequest> received = new ConcurrentLinkedQueue<>();
  private final CountDownLatch tenPages = new CountDownLatch(10);
  private final long delayMillis;

  /**
   * @param delayMillis how long each answer waits: a run of many pages then takes a while
   */
  PageReceiver(long delayMillis) {
    this.delayMillis = delayMillis;
  }

  @Override
  public MockResponse dispatch(RecordedRequest request) {
    received.add(request);
    tenPages.countDown();
    return new MockResponse.Builder()
        .code(200)
        .headersDelay(delayMillis, TimeUnit.MILLISECONDS)
        .build();
  }

  /** A receiver, not yet started, that answers through this dispatcher. */
  MockWebServer newServer() {
    MockWebServer server = new MockWebServer();
    server.setDispatcher(this);
    return server;
  }

  /** Waits until ten pages arrived: the run is under way. */
  boolean awaitTenPages(long seconds) throws InterruptedException {
    return tenPages.await(seconds, TimeUnit.SECONDS);
  }

  int requests() {
    return received.size();
  }

  /**
   * Every record of {@code ids}, and no other, arrived; each under one Idempotency-Key however
   * often it was sent.
   */
  void assertEveryRecordArrivedUnderOneKey(List<Long> ids) throws Exception {
    Map<Long, Set<String>> keysByRecord = keysByRecord();
    assertThat(keysByRecord.keySet()).containsExactlyInAnyOrderElementsOf(ids);
    assertThat(keysByRecord.values()).allSatisfy(keys -> assertThat(keys).hasSize(1));
  }

  /** Each record's Idempotency-Keys, by external_id. */
  Map<Long, Set<String>> keysByRecord() throws Exception {
    Map<Long, Set<String>> keys = new HashMap<>();
    for (RecordedRequest request : received) {
      String key = request.getHeaders().get("Idempotency-Key");
      for (long id : recordIds(request)) {
        keys.computeIfAbsent(id, any -> new HashSet<>()).add(key);
      }
    }
    return keys;
  }

  /** Every record sent, once per time it was sent. */
  List<Long> deliveries() throws Exception {
    List<Long> ids = new ArrayList<>();
    for (RecordedRequest request : received) {
      ids.addAll(recordIds(request));
    }
    return ids;
  }

  private static List<Long> recordIds(RecordedRequest request) throws Exception {
    List<Long> ids = new ArrayList<>();
    for (JsonNode record : JSON.readTree(request.getBody().utf8())) {
      ids.add(record.get("external_id").asLong());
    }
    return ids;
  }
}
