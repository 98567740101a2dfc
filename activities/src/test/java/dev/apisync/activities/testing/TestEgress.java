package dev.apisync.activities.testing;

import dev.apisync.activities.egress.EgressPolicy;
import java.util.List;

/**
 * The egress policy of tests whose receivers (MockWebServer) listen on loopback: the strict default
 * with loopback explicitly allow-listed, as an operator would allow an internal target.
 */
public final class TestEgress {

  private TestEgress() {}

  public static EgressPolicy loopbackAllowed() {
    return EgressPolicy.of(List.of("127.0.0.0/8", "::1"), List.of());
  }
}
