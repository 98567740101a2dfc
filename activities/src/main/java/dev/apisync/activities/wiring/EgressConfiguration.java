package dev.apisync.activities.wiring;

import dev.apisync.activities.egress.EgressPolicy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * The egress policy both apps enforce: the API when a config is saved, the worker when it connects.
 * Internal networks are refused unless allow-listed; only the {@code dev} profile (the dev stack,
 * whose demo receiver runs on loopback) allows them all.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(EgressProperties.class)
public class EgressConfiguration {

  private static final Logger log = LoggerFactory.getLogger(EgressConfiguration.class);

  @Bean
  public EgressPolicy egressPolicy(EgressProperties properties, Environment environment) {
    boolean dev = environment.matchesProfiles(StorageConfiguration.DEV_PROFILE);
    EgressPolicy policy = EgressPolicy.of(properties.allow(), properties.deny(), dev);
    if (dev) {
      log.warn(
          "Profile '{}': sync targets on loopback and private networks are allowed. Outside it"
              + " they are refused unless listed in apisync.egress.allow.",
          StorageConfiguration.DEV_PROFILE);
    }
    return policy;
  }
}
