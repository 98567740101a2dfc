package dev.apisync.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.apisync.activities.delivery.TargetClients;
import dev.apisync.activities.egress.EgressPolicy;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import javax.sql.DataSource;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/**
 * What a developer would write without apisync: a keyset JDBC read with the same joins, the same
 * JSON, OkHttp POSTs on apisync's own client setup (TCP_NODELAY), and the same number of requests
 * in flight, reading the next page while earlier requests are out. No durability, no retries.
 */
final class BaselineSync implements AutoCloseable {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final MediaType APPLICATION_JSON = MediaType.get("application/json");

  private final DataSource odoo;
  private final TargetClients clients =
      new TargetClients(EgressPolicy.of(List.of("127.0.0.1"), List.of()));
  private final OkHttpClient http =
      clients.forTimeouts(Duration.ofSeconds(5), Duration.ofSeconds(15));

  BaselineSync(DataSource odoo) {
    this.odoo = odoo;
  }

  /**
   * Sends every selected record (at most {@code limit}, when not null) to {@code url}.
   *
   * @return records sent
   */
  long run(Scenario scenario, String url, Integer limit, Duration timeout)
      throws SQLException, InterruptedException {
    long cap = limit == null ? Long.MAX_VALUE : limit;
    ExecutorService senders = Executors.newFixedThreadPool(scenario.concurrency());
    Semaphore inFlight = new Semaphore(scenario.concurrency());
    AtomicReference<String> failure = new AtomicReference<>();
    long sent = 0;
    long deadline = System.nanoTime() + timeout.toNanos();
    try (Connection connection = odoo.getConnection();
        PreparedStatement page = connection.prepareStatement(BenchSource.PAGE_SQL)) {
      long cursor = 0;
      while (sent < cap && failure.get() == null && System.nanoTime() < deadline) {
        List<ObjectNode> records =
            readPage(page, cursor, (int) Math.min(scenario.pageSize(), cap - sent));
        if (records.isEmpty()) {
          break;
        }
        cursor = records.getLast().get("id").asLong();
        sent += records.size();
        for (byte[] body : bodies(scenario, records)) {
          inFlight.acquire();
          senders.execute(() -> post(url, body, inFlight, failure));
        }
      }
    } finally {
      senders.shutdown();
      if (!senders.awaitTermination(timeout.toSeconds(), TimeUnit.SECONDS)) {
        senders.shutdownNow();
        failure.compareAndSet(null, "requests still in flight after " + timeout);
      }
    }
    if (failure.get() != null) {
      throw new IllegalStateException("baseline failed: " + failure.get());
    }
    if (sent < cap && System.nanoTime() >= deadline) {
      throw new IllegalStateException("baseline did not finish within " + timeout);
    }
    return sent;
  }

  private static List<ObjectNode> readPage(PreparedStatement page, long after, int size)
      throws SQLException {
    page.setLong(1, after);
    page.setInt(2, size);
    List<ObjectNode> records = new ArrayList<>(size);
    try (ResultSet rows = page.executeQuery()) {
      while (rows.next()) {
        ObjectNode record = JsonNodeFactory.instance.objectNode();
        record.put("id", rows.getLong("id"));
        record.put("name", rows.getString("name"));
        record.put("email", rows.getString("email"));
        record.put("phone", rows.getString("phone"));
        record.put("parent", rows.getString("parent_name"));
        record.put("country", rows.getString("country_code"));
        records.add(record);
      }
    }
    return records;
  }

  /** A page is one JSON array when paginated, else one object per record; scripted: wrapped. */
  private static List<byte[]> bodies(Scenario scenario, List<ObjectNode> records) {
    List<byte[]> bodies = new ArrayList<>();
    if (scenario.paginated()) {
      ArrayNode page = JsonNodeFactory.instance.arrayNode().addAll(records);
      bodies.add(bytes(scenario.scripted() ? wrapped(page) : page));
    } else {
      for (ObjectNode record : records) {
        bodies.add(bytes(scenario.scripted() ? wrapped(record) : record));
      }
    }
    return bodies;
  }

  /** What {@link Scenario#WRAP_SCRIPT} makes of a body. */
  private static ObjectNode wrapped(com.fasterxml.jackson.databind.JsonNode data) {
    ObjectNode wrapper = JsonNodeFactory.instance.objectNode();
    wrapper.set("data", data);
    wrapper.put("source", "odoo");
    return wrapper;
  }

  private static byte[] bytes(Object node) {
    try {
      return JSON.writeValueAsBytes(node);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private void post(String url, byte[] body, Semaphore inFlight, AtomicReference<String> failure) {
    Request request =
        new Request.Builder().url(url).post(RequestBody.create(body, APPLICATION_JSON)).build();
    try (Response response = http.newCall(request).execute()) {
      if (!response.isSuccessful()) {
        failure.compareAndSet(null, "HTTP " + response.code());
      }
    } catch (IOException e) {
      failure.compareAndSet(null, e.toString());
    } finally {
      inFlight.release();
    }
  }

  @Override
  public void close() {
    clients.close();
  }
}
