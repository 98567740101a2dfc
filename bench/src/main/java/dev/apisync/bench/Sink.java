package dev.apisync.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The loopback target both contenders send to: answers 200 with no body at once and counts every
 * record id it receives under {@code /records/}, so each run can be checked exactly-once. Bodies
 * may be a record object, a JSON array of them, or either wrapped by a request script in {@code
 * {"data": ...}}. Anything else it answers without reading ({@code /ping}, for its ceiling).
 */
final class Sink implements AutoCloseable {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final LoopbackHttpServer server;
  private final AtomicLong unreadable = new AtomicLong();
  private volatile AtomicIntegerArray seen;

  private Sink(int maxId) throws IOException {
    this.seen = new AtomicIntegerArray(maxId + 1);
    this.server = new LoopbackHttpServer(this::receive);
  }

  /** A sink on a free loopback port for ids 1..maxId. */
  static Sink start(int maxId) throws IOException {
    return new Sink(maxId);
  }

  String url(String path) {
    return "http://127.0.0.1:" + server.port() + path;
  }

  /** Forgets every id: call before each run. */
  void reset() {
    seen = new AtomicIntegerArray(seen.length());
    unreadable.set(0);
  }

  /**
   * Checks that exactly {@code expected} arrived, each once, and nothing else.
   *
   * @return a description of what went wrong, or empty when the run was exactly-once
   */
  String verify(List<Long> expected) {
    AtomicIntegerArray received = seen;
    StringBuilder problems = new StringBuilder();
    int missing = 0;
    int duplicated = 0;
    long firstMissing = -1;
    long firstDuplicate = -1;
    boolean[] wanted = new boolean[received.length()];
    for (long id : expected) {
      wanted[(int) id] = true;
      int count = received.get((int) id);
      if (count == 0 && missing++ == 0) {
        firstMissing = id;
      } else if (count > 1 && duplicated++ == 0) {
        firstDuplicate = id;
      }
    }
    int unexpected = 0;
    for (int id = 0; id < received.length(); id++) {
      if (!wanted[id] && received.get(id) > 0) {
        unexpected++;
      }
    }
    if (missing > 0) {
      problems.append(missing).append(" missing (first ").append(firstMissing).append(") ");
    }
    if (duplicated > 0) {
      problems.append(duplicated).append(" duplicated (first ").append(firstDuplicate).append(") ");
    }
    if (unexpected > 0) {
      problems.append(unexpected).append(" not selected ");
    }
    if (unreadable.get() > 0) {
      problems.append(unreadable.get()).append(" unreadable bodies");
    }
    return problems.toString().trim();
  }

  private void receive(String path, byte[] body) {
    if (!path.startsWith("/records/")) {
      return;
    }
    try {
      count(JSON.readTree(body));
    } catch (IOException | RuntimeException e) {
      unreadable.incrementAndGet();
    }
  }

  private void count(JsonNode node) {
    if (node.isArray()) {
      node.forEach(this::count);
    } else if (node.has("data")) {
      count(node.get("data"));
    } else if (node.has("id")) {
      seen.incrementAndGet(node.get("id").asInt());
    } else {
      unreadable.incrementAndGet();
    }
  }

  @Override
  public void close() throws IOException {
    server.close();
  }
}
