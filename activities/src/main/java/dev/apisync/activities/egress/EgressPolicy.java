package dev.apisync.activities.egress;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import okhttp3.Dns;

/**
 * Which targets apisync may send to (SPEC §11). Outside the {@code dev} profile, addresses on
 * loopback, private (RFC 1918), shared (RFC 6598), link-local (the cloud metadata address
 * 169.254.169.254 among them), unique-local and unspecified networks, and their IPv4-mapped and
 * IPv4-compatible IPv6 forms, are refused unless an {@code apisync.egress.allow} entry matches; an
 * {@code apisync.egress.deny} entry refuses any target it matches, and beats allow.
 *
 * <p>Entries are a host name ({@code crm.internal}), a host and port ({@code crm.internal:8443},
 * {@code [fd00::1]:80}), an IP address ({@code 10.1.2.3}) or a CIDR block ({@code 10.20.0.0/16}).
 * Host names match the URL's host, case-insensitively; addresses and blocks match every address the
 * host resolves to.
 *
 * <p>Checked twice: when a config is saved ({@code ConfigValidator}) and when connecting ({@link
 * EgressDns} and {@link EgressInterceptor}), so a host that resolves elsewhere later (DNS
 * rebinding) is still refused. Immutable and thread-safe.
 */
public final class EgressPolicy {

  /** The port of an address check made where the port is not known (inside OkHttp's DNS). */
  public static final int ANY_PORT = -1;

  private final List<EgressRule> allow;
  private final List<EgressRule> deny;

  private EgressPolicy(List<EgressRule> allow, List<EgressRule> deny) {
    this.allow = List.copyOf(allow);
    this.deny = List.copyOf(deny);
  }

  /**
   * @throws IllegalArgumentException naming an entry that is neither a host, host:port, address nor
   *     CIDR block
   */
  public static EgressPolicy of(List<String> allow, List<String> deny) {
    return new EgressPolicy(
        EgressRule.parseAll("apisync.egress.allow", allow),
        EgressRule.parseAll("apisync.egress.deny", deny));
  }

  /** The production default: no private targets, nothing allowed or denied by name. */
  public static EgressPolicy strict() {
    return of(List.of(), List.of());
  }

  /**
   * Why connecting to {@code address} for {@code host:port} is refused, empty when it is allowed.
   *
   * @param host the URL's host as written (a name or an address literal)
   * @param port the URL's port, or {@link #ANY_PORT} when not known: then host:port entries are
   *     judged by their host alone
   */
  public Optional<String> refusal(String host, int port, InetAddress address) {
    String name = normalizeHost(host);
    for (EgressRule rule : deny) {
      if (rule.matches(name, port, address, true)) {
        return Optional.of(
            describe(host, address)
                + " is refused by apisync.egress.deny entry '"
                + rule.entry()
                + "'");
      }
    }
    Optional<String> range = restrictedRange(address);
    if (range.isEmpty()) {
      return Optional.empty();
    }
    for (EgressRule rule : allow) {
      if (rule.matches(name, port, address, false)) {
        return Optional.empty();
      }
    }
    return Optional.of(
        describe(host, address)
            + " is "
            + range.get()
            + "; targets on internal networks are refused unless allowed by apisync.egress.allow"
            + " (a host, host:port or CIDR block)");
  }

  /**
   * Why a target is refused, judged on every address it resolves to; empty when all are allowed.
   */
  public Optional<String> refusal(String host, int port, List<InetAddress> addresses) {
    for (InetAddress address : addresses) {
      Optional<String> refusal = refusal(host, port, address);
      if (refusal.isPresent()) {
        return refusal;
      }
    }
    return Optional.empty();
  }

  /**
   * Why a URL's target is refused: an address literal is judged as written, a host name on every
   * address {@code dns} resolves it to.
   *
   * @throws UnknownHostException when the host name does not resolve
   */
  public Optional<String> refusalOfTarget(String host, int port, Dns dns)
      throws UnknownHostException {
    Optional<InetAddress> literal = EgressRule.literal(host);
    List<InetAddress> addresses = literal.isPresent() ? List.of(literal.get()) : dns.lookup(host);
    return refusal(host, port, addresses);
  }

  /** Host names compare lower-case, without a trailing dot and without IPv6 brackets. */
  static String normalizeHost(String host) {
    String name = host.strip().toLowerCase(Locale.ROOT);
    if (name.startsWith("[") && name.endsWith("]")) {
      name = name.substring(1, name.length() - 1);
    }
    return name.endsWith(".") ? name.substring(0, name.length() - 1) : name;
  }

  /** An address literal as written; a host name with the address it resolved to. */
  private static String describe(String host, InetAddress address) {
    return EgressRule.literal(host).isPresent()
        ? normalizeHost(host)
        : host + " (" + address.getHostAddress() + ")";
  }

  /** The kind of internal network the address is on, empty for a public address. */
  static Optional<String> restrictedRange(InetAddress address) {
    Optional<Inet4Address> embedded = embeddedIpv4(address);
    if (embedded.isPresent()) {
      return restrictedRange(embedded.get()).map(range -> range + " (IPv4 in IPv6)");
    }
    if (address.isAnyLocalAddress()) {
      return Optional.of("an unspecified address");
    }
    if (address.isLoopbackAddress()) {
      return Optional.of("a loopback address");
    }
    if (address.isLinkLocalAddress()) {
      return Optional.of("a link-local address (cloud metadata services live there)");
    }
    byte[] bytes = address.getAddress();
    if (address instanceof Inet4Address) {
      int first = bytes[0] & 0xff;
      int second = bytes[1] & 0xff;
      if (first == 0) {
        return Optional.of("an unspecified address (0.0.0.0/8)");
      }
      if (first == 10
          || (first == 172 && second >= 16 && second <= 31)
          || (first == 192 && second == 168)) {
        return Optional.of("a private address (RFC 1918)");
      }
      if (first == 100 && second >= 64 && second <= 127) {
        return Optional.of("a shared address (100.64.0.0/10, RFC 6598)");
      }
      return Optional.empty();
    }
    if ((bytes[0] & 0xfe) == 0xfc) {
      return Optional.of("a unique-local address (fc00::/7)");
    }
    if (address.isSiteLocalAddress()) {
      return Optional.of("a site-local address (fec0::/10)");
    }
    return Optional.empty();
  }

  /** The IPv4 address inside an IPv4-mapped (::ffff:a.b.c.d) or -compatible (::a.b.c.d) one. */
  static Optional<Inet4Address> embeddedIpv4(InetAddress address) {
    if (!(address instanceof Inet6Address)) {
      return Optional.empty();
    }
    byte[] bytes = address.getAddress();
    for (int i = 0; i < 10; i++) {
      if (bytes[i] != 0) {
        return Optional.empty();
      }
    }
    boolean mapped = bytes[10] == (byte) 0xff && bytes[11] == (byte) 0xff;
    boolean compatible = bytes[10] == 0 && bytes[11] == 0;
    boolean loopbackOrUnspecified =
        compatible && bytes[12] == 0 && bytes[13] == 0 && bytes[14] == 0 && (bytes[15] & 0xfe) == 0;
    if (!(mapped || compatible) || loopbackOrUnspecified) {
      return Optional.empty(); // ::1 and :: are IPv6's own loopback and unspecified
    }
    try {
      byte[] v4 = {bytes[12], bytes[13], bytes[14], bytes[15]};
      return Optional.of((Inet4Address) InetAddress.getByAddress(v4));
    } catch (UnknownHostException e) {
      throw new IllegalStateException("four bytes are always an IPv4 address", e);
    }
  }

  @Override
  public String toString() {
    return "EgressPolicy[allow=" + allow + ", deny=" + deny + "]";
  }
}
