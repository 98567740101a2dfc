package dev.apisync.activities.delivery;

import static dev.apisync.activities.delivery.TestTargets.config;
import static dev.apisync.activities.delivery.TestTargets.noAuth;
import static dev.apisync.activities.delivery.TestTargets.single;
import static org.assertj.core.api.Assertions.assertThat;

import dev.apisync.activities.testing.TestEgress;
import dev.apisync.workflows.HttpMethod;
import java.net.Socket;
import java.time.Duration;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import okhttp3.Dns;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

class TargetClientsTest {

  @StartStop private final MockWebServer server = new MockWebServer();
  @AutoClose private final TargetClients clients = new TargetClients(TestEgress.loopbackAllowed());

  @Test
  void sameTimeoutsShareOneClient() {
    OkHttpClient first = clients.forTimeouts(Duration.ofSeconds(5), Duration.ofSeconds(15));
    OkHttpClient again = clients.forTimeouts(Duration.ofSeconds(5), Duration.ofSeconds(15));

    assertThat(again).isSameAs(first);
  }

  @Test
  void differentTimeoutsGetTheirOwnClientOverOnePoolAndDispatcher() {
    OkHttpClient quick = clients.forTimeouts(Duration.ofSeconds(1), Duration.ofSeconds(2));
    OkHttpClient patient = clients.forTimeouts(Duration.ofSeconds(5), Duration.ofSeconds(300));

    assertThat(patient).isNotSameAs(quick);
    assertThat(patient.readTimeoutMillis()).isEqualTo(300_000);
    assertThat(quick.readTimeoutMillis()).isEqualTo(2_000);
    assertThat(patient.connectionPool()).isSameAs(quick.connectionPool());
    assertThat(patient.dispatcher()).isSameAs(quick.dispatcher());
  }

  @Test
  void clientsNeitherFollowRedirectsNorRetryConnections() {
    OkHttpClient client = clients.forTimeouts(Duration.ofSeconds(5), Duration.ofSeconds(15));

    assertThat(client.followRedirects()).isFalse();
    assertThat(client.followSslRedirects()).isFalse();
    assertThat(client.retryOnConnectionFailure()).isFalse();
  }

  @Test
  void requestsGoOutOverSocketsWithTcpNoDelay() throws Exception {
    RecordingSocketFactory sockets = new RecordingSocketFactory();
    server.enqueue(new MockResponse.Builder().code(200).build());

    try (TargetClients recording =
        new TargetClients(TestEgress.loopbackAllowed(), sockets, Dns.SYSTEM)) {
      TestTargets.delivery(noAuth(), recording)
          .deliver(single(config(server.url("/p").toString(), HttpMethod.POST), 7, "{\"id\":7}"));

      assertThat(sockets.created()).isNotEmpty();
      for (Socket socket : sockets.created()) {
        assertThat(socket.getTcpNoDelay()).isTrue();
      }
    }
  }
}
