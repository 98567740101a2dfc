package dev.apisync.activities.egress;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import okhttp3.Dns;

/**
 * Resolves target host names for OkHttp and refuses the lookup when any resolved address is one the
 * {@link EgressPolicy} refuses. The addresses it returns are the ones OkHttp connects to, so a name
 * that resolved to a public address when the config was saved and to an internal one now (DNS
 * rebinding) is refused here, before a socket opens. Every address counts, not only the first:
 * OkHttp falls back to the next address when one fails.
 */
public final class EgressDns implements Dns {

  private final EgressPolicy policy;
  private final Dns delegate;

  public EgressDns(EgressPolicy policy, Dns delegate) {
    this.policy = policy;
    this.delegate = delegate;
  }

  @Override
  public List<InetAddress> lookup(String hostname) throws UnknownHostException {
    List<InetAddress> addresses = delegate.lookup(hostname);
    // The port is not known here; EgressInterceptor judged host:port entries before the lookup.
    var refusal = policy.refusal(hostname, EgressPolicy.ANY_PORT, addresses);
    if (refusal.isPresent()) {
      throw new EgressRefusedException(refusal.get());
    }
    return addresses;
  }
}
