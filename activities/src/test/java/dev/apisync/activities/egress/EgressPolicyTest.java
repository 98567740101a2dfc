package dev.apisync.activities.egress;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class EgressPolicyTest {

  private final EgressPolicy strict = EgressPolicy.strict();

  @ParameterizedTest
  @CsvSource({
    "127.0.0.1, loopback",
    "127.8.9.10, loopback",
    "::1, loopback",
    "10.0.0.1, private",
    "172.16.5.4, private",
    "172.31.255.255, private",
    "192.168.1.1, private",
    "169.254.169.254, link-local",
    "fe80::1, link-local",
    "fd00::1, unique-local",
    "fc00::5, unique-local",
    "0.0.0.0, unspecified",
    "::, unspecified",
    "100.64.0.1, shared",
    "::ffff:127.0.0.1, loopback",
    "::ffff:169.254.169.254, link-local",
    "::10.0.0.1, private"
  })
  void refusesInternalAddressesByDefault(String address, String kind) throws Exception {
    assertThat(strict.refusal(address, 80, InetAddress.getByName(address)))
        .hasValueSatisfying(
            reason -> assertThat(reason).contains(kind).contains("apisync.egress.allow"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"93.184.216.34", "8.8.8.8", "172.32.0.1", "2606:4700::1111"})
  void allowsPublicAddresses(String address) throws Exception {
    assertThat(strict.refusal(address, 443, InetAddress.getByName(address))).isEmpty();
  }

  @Test
  void namesTheHostAndTheAddressItResolvedTo() throws Exception {
    assertThat(strict.refusal("localhost", 8080, InetAddress.getByName("127.0.0.1")))
        .hasValueSatisfying(
            reason -> assertThat(reason).startsWith("localhost (127.0.0.1) is a loopback address"));
  }

  @Test
  void allowListedBlocksHostsAndPortsLetInternalTargetsThrough() throws Exception {
    EgressPolicy policy =
        EgressPolicy.of(
            List.of("10.20.0.0/16", "crm.internal", "erp.internal:8443", "[fd00::7]:80"),
            List.of());
    InetAddress tenTwenty = InetAddress.getByName("10.20.3.4");
    InetAddress tenThirty = InetAddress.getByName("10.30.3.4");

    assertThat(policy.refusal("any.host", 80, tenTwenty)).isEmpty();
    assertThat(policy.refusal("any.host", 80, tenThirty)).isPresent();
    assertThat(policy.refusal("CRM.internal.", 1234, tenThirty)).isEmpty();
    assertThat(policy.refusal("erp.internal", 8443, tenThirty)).isEmpty();
    assertThat(policy.refusal("erp.internal", 8080, tenThirty)).isPresent();
    InetAddress fd7 = InetAddress.getByName("fd00::7");
    assertThat(policy.refusal("[fd00::7]", 80, fd7)).isEmpty();
    assertThat(policy.refusal("[fd00::7]", 81, fd7)).isPresent();
  }

  @Test
  void denyBeatsAllowAndAppliesToPublicTargetsToo() throws Exception {
    EgressPolicy policy =
        EgressPolicy.of(
            List.of("10.0.0.0/8"), List.of("10.9.0.0/16", "tracker.example", "api.example:8080"));

    assertThat(policy.refusal("x", 80, InetAddress.getByName("10.9.1.1")))
        .hasValueSatisfying(
            reason -> assertThat(reason).contains("apisync.egress.deny", "10.9.0.0/16"));
    assertThat(policy.refusal("tracker.example", 443, InetAddress.getByName("93.184.216.34")))
        .isPresent();
    assertThat(policy.refusal("api.example", 8080, InetAddress.getByName("93.184.216.34")))
        .isPresent();
    assertThat(policy.refusal("api.example", 443, InetAddress.getByName("93.184.216.34")))
        .isEmpty();
  }

  @Test
  void everyResolvedAddressCounts() throws Exception {
    List<InetAddress> rebinding =
        List.of(InetAddress.getByName("93.184.216.34"), InetAddress.getByName("10.0.0.1"));

    assertThat(strict.refusal("shop.example", 443, rebinding))
        .hasValueSatisfying(reason -> assertThat(reason).contains("shop.example (10.0.0.1)"));
  }

  @Test
  void theDnsRefusesAHostThatNowResolvesInsideEvenIfItOnceResolvedOutside() throws Exception {
    List<InetAddress> answers = new ArrayList<>();
    EgressDns dns =
        new EgressDns(
            strict,
            hostname -> {
              answers.add(address(answers.isEmpty() ? "93.184.216.34" : "169.254.169.254"));
              return List.of(answers.getLast());
            });

    assertThat(dns.lookup("shop.example")).isNotEmpty();
    assertThatThrownBy(() -> dns.lookup("shop.example"))
        .isInstanceOf(EgressRefusedException.class)
        .hasMessageContaining("shop.example (169.254.169.254) is a link-local address");
  }

  @ParameterizedTest
  @ValueSource(strings = {"http://crm", "10.0.0.0/40", "crm.internal:99999", "a b", "crm:0"})
  void refusesToStartWithAnEntryItCannotRead(String entry) {
    assertThatThrownBy(() -> EgressPolicy.of(List.of(entry), List.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("apisync.egress.allow entry '" + entry + "'");
  }

  private static InetAddress address(String literal) {
    try {
      return InetAddress.getByName(literal);
    } catch (UnknownHostException e) {
      throw new AssertionError(e);
    }
  }
}
