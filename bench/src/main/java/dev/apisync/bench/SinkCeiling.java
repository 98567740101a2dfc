package dev.apisync.bench;

import dev.apisync.activities.delivery.TargetClients;
import dev.apisync.activities.egress.EgressPolicy;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/**
 * The sink's own ceiling: trivial POSTs from 16 threads on apisync's client setup, for at most two
 * seconds or 100,000 requests, so a scenario's numbers can be read against what the target allows.
 */
final class SinkCeiling {

  private static final int THREADS = 16;
  private static final long MAX_REQUESTS = 100_000;
  private static final Duration DURATION = Duration.ofSeconds(2);

  private SinkCeiling() {}

  /**
   * @return requests per second
   */
  static double measure(Sink sink) throws InterruptedException {
    String url = sink.url("/ping");
    AtomicLong done = new AtomicLong();
    try (TargetClients clients =
        new TargetClients(EgressPolicy.of(List.of("127.0.0.1"), List.of()))) {
      OkHttpClient http = clients.forTimeouts(Duration.ofSeconds(5), Duration.ofSeconds(5));
      Request request =
          new Request.Builder()
              .url(url)
              .post(RequestBody.create("{}", MediaType.get("application/json")))
              .build();
      // Warm the client and the sink's threads first.
      load(http, request, new AtomicLong(), Duration.ofMillis(500));
      long start = System.nanoTime();
      load(http, request, done, DURATION);
      return done.get() / ((System.nanoTime() - start) / 1e9);
    }
  }

  private static void load(OkHttpClient http, Request request, AtomicLong done, Duration duration)
      throws InterruptedException {
    long deadline = System.nanoTime() + duration.toNanos();
    ExecutorService threads = Executors.newFixedThreadPool(THREADS);
    for (int i = 0; i < THREADS; i++) {
      threads.execute(
          () -> {
            while (System.nanoTime() < deadline && done.get() < MAX_REQUESTS) {
              try (Response response = http.newCall(request).execute()) {
                done.incrementAndGet();
              } catch (IOException e) {
                return;
              }
            }
          });
    }
    threads.shutdown();
    threads.awaitTermination(duration.toSeconds() + 30, TimeUnit.SECONDS);
  }
}
