package dev.apisync.bench;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;

/** Loopback ports for the bench's own servers. */
final class LocalPorts {

  private LocalPorts() {}

  static int free() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  /** Waits until something listens on the port, or fails once the process died or time is up. */
  static void await(int port, Duration timeout, Process process)
      throws IOException, InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      if (process != null && !process.isAlive()) {
        throw new IOException(
            "process exited with " + process.exitValue() + " before port " + port);
      }
      try (Socket socket = new Socket()) {
        socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
        return;
      } catch (IOException notYet) {
        if (process != null) {
          process.waitFor(200, java.util.concurrent.TimeUnit.MILLISECONDS);
        } else {
          Thread.sleep(200);
        }
      }
    }
    throw new IOException("nothing listens on port " + port + " after " + timeout);
  }
}
