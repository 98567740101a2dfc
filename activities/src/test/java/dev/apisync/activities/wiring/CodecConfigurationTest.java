package dev.apisync.activities.wiring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.apisync.activities.codec.PayloadKeys;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** The payload-key rule, as for the secrets key: no key, no start, except under {@code dev}. */
class CodecConfigurationTest {

  private final ApplicationContextRunner app =
      new ApplicationContextRunner().withUserConfiguration(CodecConfiguration.class);

  @Test
  void refusesToStartWithoutPayloadKeys() {
    app.withPropertyValues("apisync.temporal.codec.keys=")
        .run(
            context -> {
              assertThat(context).hasFailed();
              Throwable cause = context.getStartupFailure();
              while (cause.getCause() != null) {
                cause = cause.getCause();
              }
              assertThat(cause.getMessage())
                  .contains("apisync.temporal.codec.keys", "APISYNC_TEMPORAL_CODEC_KEYS")
                  .contains("--spring.profiles.active=dev");
            });
  }

  @Test
  void devProfileFallsBackToTheDevelopmentKey() {
    app.withPropertyValues("spring.profiles.active=dev")
        .run(
            context -> assertThat(context.getBean(PayloadKeys.class).currentId()).isEqualTo("dev"));
  }

  @Test
  void theFirstOfSeveralKeysEncrypts() {
    app.withPropertyValues(
            "apisync.temporal.codec.keys=k2:ICEiIyQlJicoKSorLC0uLzAxMjM0NTY3ODk6Ozw9Pj8=,"
                + "k1:AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=")
        .run(
            context -> {
              assertThat(context).hasNotFailed();
              assertThat(context.getBean(PayloadKeys.class).currentId()).isEqualTo("k2");
              assertThat(context.getBean("mainDataConverter")).isNotNull();
            });
  }
}
