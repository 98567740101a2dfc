package dev.apisync.activities.egress;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One {@code apisync.egress.allow} or {@code deny} entry: a host name or an address block (a single
 * address is a block of one), optionally with a port.
 *
 * @param entry the entry as configured, for messages
 * @param host the lower-case host name; empty for a block
 * @param port the port, or {@link EgressPolicy#ANY_PORT} for any
 * @param network the block's address bytes; empty for a host
 * @param prefixLength the block's prefix length in bits
 */
record EgressRule(String entry, String host, int port, byte[] network, int prefixLength) {

  private static final Pattern HOST_NAME = Pattern.compile("[a-z0-9_]([a-z0-9_.-]*[a-z0-9_])?");
  private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
  private static final Pattern IPV6 = Pattern.compile("[0-9a-f:.]*:[0-9a-f:.]*");
  private static final Pattern BRACKETED = Pattern.compile("\\[([^\\]]+)](?::(\\d+))?");
  private static final Pattern HOST_PORT = Pattern.compile("([^:]+):(\\d+)");

  static List<EgressRule> parseAll(String property, List<String> entries) {
    List<EgressRule> rules = new ArrayList<>();
    for (String entry : entries == null ? List.<String>of() : entries) {
      if (entry != null && !entry.isBlank()) {
        rules.add(
            parse(entry.strip())
                .orElseThrow(
                    () ->
                        new IllegalArgumentException(
                            property
                                + " entry '"
                                + entry
                                + "' is neither a host, host:port, IP address nor CIDR block"
                                + " (e.g. crm.internal, crm.internal:8443, 10.1.2.3,"
                                + " 10.20.0.0/16)")));
      }
    }
    return rules;
  }

  static Optional<EgressRule> parse(String entry) {
    String text = entry.toLowerCase(Locale.ROOT);
    int slash = text.indexOf('/');
    if (slash >= 0) {
      return block(entry, text.substring(0, slash), text.substring(slash + 1));
    }
    Matcher bracketed = BRACKETED.matcher(text);
    if (bracketed.matches()) {
      Optional<InetAddress> address = literal(bracketed.group(1));
      int port = bracketed.group(2) == null ? EgressPolicy.ANY_PORT : port(bracketed.group(2));
      return address.filter(a -> port != 0).map(a -> addressRule(entry, a, port));
    }
    Optional<InetAddress> address = literal(text);
    if (address.isPresent()) {
      return block(entry, text, String.valueOf(address.get().getAddress().length * 8));
    }
    Matcher hostPort = HOST_PORT.matcher(text);
    String host = hostPort.matches() ? hostPort.group(1) : text;
    int port = hostPort.matches() ? port(hostPort.group(2)) : EgressPolicy.ANY_PORT;
    if (port == 0) {
      return Optional.empty();
    }
    Optional<InetAddress> hostAddress = literal(host);
    if (hostAddress.isPresent()) {
      return Optional.of(addressRule(entry, hostAddress.get(), port));
    }
    String name = EgressPolicy.normalizeHost(host);
    return HOST_NAME.matcher(name).matches()
        ? Optional.of(new EgressRule(entry, name, port, new byte[0], 0))
        : Optional.empty();
  }

  /** One address, on one port. */
  private static EgressRule addressRule(String entry, InetAddress address, int port) {
    byte[] bytes = address.getAddress();
    return new EgressRule(entry, "", port, bytes, bytes.length * 8);
  }

  private static Optional<EgressRule> block(String entry, String address, String prefix) {
    Optional<InetAddress> network = literal(address);
    if (network.isEmpty() || !prefix.matches("\\d{1,3}")) {
      return Optional.empty();
    }
    int bits = Integer.parseInt(prefix);
    byte[] bytes = network.get().getAddress();
    if (bits > bytes.length * 8) {
      return Optional.empty();
    }
    return Optional.of(new EgressRule(entry, "", EgressPolicy.ANY_PORT, bytes, bits));
  }

  /** An IP address written as one, parsed without any DNS lookup. */
  static Optional<InetAddress> literal(String text) {
    String bare = EgressPolicy.normalizeHost(text);
    if (!IPV4.matcher(bare).matches() && !IPV6.matcher(bare).matches()) {
      return Optional.empty();
    }
    try {
      return Optional.of(InetAddress.getByName(bare)); // a literal: parsed, not looked up
    } catch (UnknownHostException e) {
      return Optional.empty();
    }
  }

  private static int port(String digits) {
    if (digits.length() > 5) {
      return 0;
    }
    int port = Integer.parseInt(digits);
    return port >= 1 && port <= 65535 ? port : 0;
  }

  /**
   * @param host the URL's host, normalized
   * @param port the URL's port, or {@link EgressPolicy#ANY_PORT} when not known
   * @param strictPort when the port is not known, whether a host:port rule fails to match (deny
   *     rules: the check that knew the port already ran) rather than match on its host (allow)
   */
  boolean matches(String host, int port, InetAddress address, boolean strictPort) {
    boolean target =
        network.length == 0
            ? this.host.equals(host)
            : inBlock(address)
                || EgressPolicy.embeddedIpv4(address).filter(this::inBlock).isPresent();
    if (!target || this.port == EgressPolicy.ANY_PORT) {
      return target;
    }
    return port == EgressPolicy.ANY_PORT ? !strictPort : port == this.port;
  }

  private boolean inBlock(InetAddress address) {
    byte[] bytes = address.getAddress();
    if (bytes.length != network.length) {
      return false;
    }
    int fullBytes = prefixLength / 8;
    for (int i = 0; i < fullBytes; i++) {
      if (bytes[i] != network[i]) {
        return false;
      }
    }
    int rest = prefixLength % 8;
    if (rest == 0) {
      return true;
    }
    int mask = (0xff << (8 - rest)) & 0xff;
    return (bytes[fullBytes] & mask) == (network[fullBytes] & mask);
  }

  @Override
  public String toString() {
    return entry;
  }
}
