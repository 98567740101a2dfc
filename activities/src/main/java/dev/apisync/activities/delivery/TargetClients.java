package dev.apisync.activities.delivery;

import dev.apisync.activities.egress.EgressDns;
import dev.apisync.activities.egress.EgressInterceptor;
import dev.apisync.activities.egress.EgressPolicy;
import dev.apisync.workflows.ConfigSnapshot;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.TimeUnit;
import javax.net.SocketFactory;
import okhttp3.ConnectionPool;
import okhttp3.Dns;
import okhttp3.OkHttpClient;

/**
 * The HTTP clients that talk to sync targets: one per distinct (connect, read) timeout pair, all
 * derived from one base client so they share its connection pool and dispatcher. Thread-safe; a
 * worker holds one instance.
 *
 * <p>Choices:
 *
 * <ul>
 *   <li>Redirects are never followed, for any method. OkHttp would turn a POST answered with
 *       301/302 into a GET without body and report the GET's 200, so a record would count as sent
 *       that never arrived. GET is no safer here: it carries the record's data, and a redirect to
 *       another host drops the auth header. A redirect fails the records with its {@code Location},
 *       which points the user at the URL to configure.
 *   <li>No retry on connection failure: Temporal's retry policy owns retries, with backoff and
 *       attempts the user configured and the request log can show.
 *   <li>Write timeout equals the read timeout; a call timeout of connect + 2 × read caps a target
 *       that trickles bytes forever, so an activity thread never hangs past its timeouts.
 *   <li>Every request passes the {@link EgressPolicy} before a socket opens: its URL in an
 *       interceptor, every address its host resolves to in the client's {@code Dns}. A refusal is
 *       an {@link dev.apisync.activities.egress.EgressRefusedException}.
 * </ul>
 */
public final class TargetClients implements AutoCloseable {

  /** Idle connections kept per worker; targets close idle ones on their own schedule anyway. */
  private static final int MAX_IDLE_CONNECTIONS = 16;

  private static final Duration KEEP_ALIVE = Duration.ofMinutes(1);

  private final OkHttpClient base;
  private final ConcurrentMap<Timeouts, OkHttpClient> byTimeouts = new ConcurrentHashMap<>();

  private record Timeouts(Duration connect, Duration read) {}

  public TargetClients(EgressPolicy egress) {
    this(egress, new NoDelaySocketFactory(), Dns.SYSTEM);
  }

  /** Tests pass a factory that records the sockets it creates, and a DNS they control. */
  TargetClients(EgressPolicy egress, SocketFactory socketFactory, Dns dns) {
    this.base =
        new OkHttpClient.Builder()
            .socketFactory(socketFactory)
            .addInterceptor(new EgressInterceptor(egress, dns))
            .dns(new EgressDns(egress, dns))
            .connectionPool(
                new ConnectionPool(MAX_IDLE_CONNECTIONS, KEEP_ALIVE.toSeconds(), TimeUnit.SECONDS))
            .retryOnConnectionFailure(false)
            .followRedirects(false)
            .followSslRedirects(false)
            .build();
  }

  /** The client for a config's connect and read timeouts. */
  public OkHttpClient forConfig(ConfigSnapshot config) {
    return forTimeouts(
        Duration.ofSeconds(config.connectTimeoutSeconds()),
        Duration.ofSeconds(config.readTimeoutSeconds()));
  }

  public OkHttpClient forTimeouts(Duration connect, Duration read) {
    return byTimeouts.computeIfAbsent(new Timeouts(connect, read), this::derive);
  }

  private OkHttpClient derive(Timeouts timeouts) {
    return base.newBuilder()
        .connectTimeout(timeouts.connect())
        .readTimeout(timeouts.read())
        .writeTimeout(timeouts.read())
        .callTimeout(timeouts.connect().plus(timeouts.read().multipliedBy(2)))
        .build();
  }

  /** Closes pooled connections and stops the dispatcher's threads (worker shutdown). */
  @Override
  public void close() {
    base.dispatcher().executorService().shutdown();
    base.connectionPool().evictAll();
  }
}
