package dev.apisync.activities.wiring;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where configs may send ({@code apisync.egress.*}); see {@link
 * dev.apisync.activities.egress.EgressPolicy}.
 *
 * @param allow hosts, host:port pairs, addresses or CIDR blocks on internal networks that targets
 *     may use anyway (e.g. {@code crm.internal:8443}, {@code 10.20.0.0/16})
 * @param deny targets refused whatever else applies, in the same forms
 */
@ConfigurationProperties("apisync.egress")
public record EgressProperties(@DefaultValue List<String> allow, @DefaultValue List<String> deny) {

  public EgressProperties {
    allow = List.copyOf(allow);
    deny = List.copyOf(deny);
  }
}
