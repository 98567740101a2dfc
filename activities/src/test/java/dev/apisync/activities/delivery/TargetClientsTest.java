package dev.apisync.activities.delivery;

import static dev.apisync.activities.delivery.TestTargets.config;
import static dev.apisync.activities.delivery.TestTargets.noAuth;
import static dev.apisync.activities.delivery.TestTargets.single;
import static org.assertj.core.api.Assertions.assertThat;

import dev.apisync.workflows.HttpMethod;
import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.net.SocketFactory;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.Test;

class TargetClientsTest {

  @StartStop private final MockWebServer server = new MockWebServer();

  @Test
  void sameTimeoutsShareOneClient() {
    try (TargetClients clients = new TargetClients()) {
      OkHttpClient first = clients.forTimeouts(Duration.ofSeconds(5), Duration.ofSeconds(15));
      OkHttpClient again = clients.forTimeouts(Duration.ofSeconds(5), Duration.ofSeconds(15));

      assertThat(again).isSameAs(first);
    }
  }

  @Test
  void differentTimeoutsGetTheirOwnClientOverOnePoolAndDispatcher() {
    try (TargetClients clients = new TargetClients()) {
      OkHttpClient quick = clients.forTimeouts(Duration.ofSeconds(1), Duration.ofSeconds(2));
      OkHttpClient patient = clients.forTimeouts(Duration.ofSeconds(5), Duration.ofSeconds(300));

      assertThat(patient).isNotSameAs(quick);
      assertThat(patient.readTimeoutMillis()).isEqualTo(300_000);
      assertThat(quick.readTimeoutMillis()).isEqualTo(2_000);
      assertThat(patient.connectionPool()).isSameAs(quick.connectionPool());
      assertThat(patient.dispatcher()).isSameAs(quick.dispatcher());
    }
  }

  @Test
  void clientsNeitherFollowRedirectsNorRetryConnections() {
    try (TargetClients clients = new TargetClients()) {
      OkHttpClient client = clients.forTimeouts(Duration.ofSeconds(5), Duration.ofSeconds(15));

      assertThat(client.followRedirects()).isFalse();
      assertThat(client.followSslRedirects()).isFalse();
      assertThat(client.retryOnConnectionFailure()).isFalse();
    }
  }

  @Test
  void requestsGoOutOverSocketsWithTcpNoDelay() throws Exception {
    RecordingSocketFactory sockets = new RecordingSocketFactory();
    server.enqueue(new MockResponse.Builder().code(200).build());

    try (TargetClients clients = new TargetClients(sockets)) {
      TestTargets.delivery(noAuth(), clients)
          .deliver(single(config(server.url("/p").toString(), HttpMethod.POST), 7, "{\"id\":7}"));

      assertThat(sockets.created).isNotEmpty();
      for (Socket socket : sockets.created) {
        assertThat(socket.getTcpNoDelay()).isTrue();
      }
    }
  }

  /** Hands out the production factory's sockets and keeps them for inspection. */
  private static final class RecordingSocketFactory extends SocketFactory {
    private final SocketFactory delegate = new NoDelaySocketFactory();
    private final List<Socket> created = new CopyOnWriteArrayList<>();

    private Socket keep(Socket socket) {
      created.add(socket);
      return socket;
    }

    @Override
    public Socket createSocket() throws IOException {
      return keep(delegate.createSocket());
    }

    @Override
    public Socket createSocket(String host, int port) throws IOException {
      return keep(delegate.createSocket(host, port));
    }

    @Override
    public Socket createSocket(String host, int port, InetAddress local, int localPort)
        throws IOException {
      return keep(delegate.createSocket(host, port, local, localPort));
    }

    @Override
    public Socket createSocket(InetAddress host, int port) throws IOException {
      return keep(delegate.createSocket(host, port));
    }

    @Override
    public Socket createSocket(InetAddress host, int port, InetAddress local, int localPort)
        throws IOException {
      return keep(delegate.createSocket(host, port, local, localPort));
    }
  }
}
