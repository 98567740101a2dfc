package dev.apisync.activities.wiring;

import dev.apisync.activities.codec.EncryptionCodec;
import dev.apisync.activities.codec.PayloadKeys;
import io.temporal.common.converter.DataConverter;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * The {@link DataConverter} of every Temporal client and worker the apps build: Temporal's default
 * converter with {@link EncryptionCodec} on top. The Temporal Spring Boot starter uses the bean
 * named {@code mainDataConverter} for its client, its workers and its test server alike.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(CodecProperties.class)
public class CodecConfiguration {

  private static final Logger log = LoggerFactory.getLogger(CodecConfiguration.class);

  /**
   * Without {@code apisync.temporal.codec.keys} the app refuses to start, like without the secrets
   * key: record data would sit in Temporal's history in the clear. Only the profile {@code dev}
   * falls back to the public development key, with a warning.
   */
  @Bean
  public PayloadKeys payloadKeys(CodecProperties properties, Environment environment) {
    List<String> keys = properties.keys() == null ? List.of() : properties.keys();
    if (keys.stream().anyMatch(key -> key != null && !key.isBlank())) {
      return PayloadKeys.parse(keys);
    }
    if (!environment.matchesProfiles(StorageConfiguration.DEV_PROFILE)) {
      throw new IllegalStateException(
          "apisync.temporal.codec.keys is not set: set APISYNC_TEMPORAL_CODEC_KEYS to"
              + " id:key (e.g. \"k1:$(openssl rand -base64 32)\"; several, comma separated, the"
              + " current first) to encrypt record data in Temporal's history. For local"
              + " development only, run with the Spring profile '"
              + StorageConfiguration.DEV_PROFILE
              + "' (--spring.profiles.active="
              + StorageConfiguration.DEV_PROFILE
              + ") to use the public development key.");
    }
    log.warn(
        "apisync.temporal.codec.keys is not set: Temporal payloads are encrypted with the public"
            + " development key and are NOT protected (profile '{}'). Set"
            + " APISYNC_TEMPORAL_CODEC_KEYS to id:key, e.g. \"k1:$(openssl rand -base64 32)\".",
        StorageConfiguration.DEV_PROFILE);
    return PayloadKeys.parse(List.of(PayloadKeys.DEVELOPMENT));
  }

  @Bean
  public EncryptionCodec encryptionCodec(PayloadKeys keys) {
    return new EncryptionCodec(keys);
  }

  /** The starter picks this bean by its name. */
  @Bean
  public DataConverter mainDataConverter(EncryptionCodec codec) {
    return codec.dataConverter();
  }
}
