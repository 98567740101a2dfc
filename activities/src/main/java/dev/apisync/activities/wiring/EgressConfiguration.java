package dev.apisync.activities.wiring;

import dev.apisync.activities.egress.EgressPolicy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The egress policy both apps enforce: the API when a config is saved, the worker when it connects.
 * Internal networks are refused unless allow-listed, under every profile: the dev stack allow-lists
 * its demo receiver alone, so even there the metadata address or another loopback port is refused.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(EgressProperties.class)
public class EgressConfiguration {

  private static final Logger log = LoggerFactory.getLogger(EgressConfiguration.class);

  @Bean
  public EgressPolicy egressPolicy(EgressProperties properties) {
    EgressPolicy policy = EgressPolicy.of(properties.allow(), properties.deny());
    log.info("Egress: {}", policy);
    return policy;
  }
}
