package dev.apisync.activities.delivery;

import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.net.SocketFactory;

/** Hands out the production factory's sockets and keeps them for inspection. */
final class RecordingSocketFactory extends SocketFactory {
  private final SocketFactory delegate = new NoDelaySocketFactory();
  private final List<Socket> created = new CopyOnWriteArrayList<>();

  /** Every socket made so far: OkHttp makes one for each connection it attempts. */
  List<Socket> created() {
    return List.copyOf(created);
  }

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
