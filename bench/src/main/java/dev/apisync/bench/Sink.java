package dev.apisync.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The loopback target both contenders send to: answers 200 with no body at once and counts every
 * record id it receives, so each run can be checked exactly-once. Bodies may be a record object, a
 * JSON array of them, or either wrapped by a request script in {@code {"data": ...}}.
 */
final class Sink implements AutoCloseable {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final HttpServer server;
  private final ExecutorService threads;
  private final AtomicLong requests = new AtomicLong();
  private final AtomicLong unreadable = new AtomicLong();
  private volatile AtomicIntegerArray seen;

  private Sink(HttpServer server, ExecutorService threads, int maxId) {
    this.server = server;
    this.threads = threads;
    this.seen = new AtomicIntegerArray(maxId + 1);
  }

  /** A sink on a free loopback port for ids 1..maxId. */
  static Sink start(int maxId) throws IOException {
    // The JDK server leaves Nagle's algorithm on unless told; a sink must not add ACK waits.
    System.setProperty("sun.net.httpserver.nodelay", "true");
    HttpServer server =
        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 256);
    ExecutorService threads = Executors.newFixedThreadPool(32);
    server.setExecutor(threads);
    Sink sink = new Sink(server, threads, maxId);
    server.createContext("/records", sink::receive);
    server.createContext("/ping", sink::ping);
    server.start();
    return sink;
  }

  String url(String path) {
    return "http://127.0.0.1:" + server.getAddress().getPort() + path;
  }

  /** Forgets every id and count: call before each run. */
  void reset() {
    seen = new AtomicIntegerArray(seen.length());
    requests.set(0);
    unreadable.set(0);
  }

  long requests() {
    return requests.get();
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

  private void receive(HttpExchange exchange) throws IOException {
    try (exchange;
        InputStream body = exchange.getRequestBody()) {
      requests.incrementAndGet();
      try {
        count(JSON.readTree(body));
      } catch (IOException | RuntimeException e) {
        unreadable.incrementAndGet();
      }
      exchange.sendResponseHeaders(200, -1);
    }
  }

  private void ping(HttpExchange exchange) throws IOException {
    try (exchange;
        InputStream body = exchange.getRequestBody()) {
      body.readAllBytes();
      requests.incrementAndGet();
      exchange.sendResponseHeaders(200, -1);
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
  public void close() {
    server.stop(0);
    threads.shutdownNow();
  }
}
