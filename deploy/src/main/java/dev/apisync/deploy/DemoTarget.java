package dev.apisync.deploy;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A stand-in "CRM" for the dev stack: accepts any request, answers 200 and prints one line per
 * request, so a first run has somewhere to send to.
 */
final class DemoTarget implements AutoCloseable {

  private static final int PRINTED_BODY_CHARS = 160;

  private final HttpServer server;
  private final AtomicLong received = new AtomicLong();

  private DemoTarget(HttpServer server) {
    this.server = server;
  }

  static DemoTarget start(int port) throws IOException {
    HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
    DemoTarget target = new DemoTarget(server);
    server.createContext("/", target::handle);
    server.start();
    return target;
  }

  String url(String path) {
    return "http://127.0.0.1:" + server.getAddress().getPort() + path;
  }

  private void handle(HttpExchange exchange) throws IOException {
    String body;
    try (InputStream in = exchange.getRequestBody()) {
      body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    long count = received.incrementAndGet();
    String excerpt =
        body.length() > PRINTED_BODY_CHARS ? body.substring(0, PRINTED_BODY_CHARS) + "…" : body;
    System.out.printf(
        "[demo-crm] #%d %s %s %s%n",
        count, exchange.getRequestMethod(), exchange.getRequestURI(), excerpt);
    byte[] answer = "{\"ok\":true}".getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().add("Content-Type", "application/json");
    exchange.sendResponseHeaders(200, answer.length);
    exchange.getResponseBody().write(answer);
    exchange.close();
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
