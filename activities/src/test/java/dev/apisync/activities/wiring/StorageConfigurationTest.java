package dev.apisync.activities.wiring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.apisync.activities.config.SecretCipher;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** The secrets-key rule: no key, no start, except under the profile {@code dev}. */
class StorageConfigurationTest {

  private static final String REAL_KEY = "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=";

  private final ApplicationContextRunner app =
      new ApplicationContextRunner()
          .withUserConfiguration(StorageConfiguration.class)
          // Nothing connects while the context starts; these only have to exist.
          .withBean(DataSource.class, PGSimpleDataSource::new)
          .withPropertyValues("apisync.source.url=jdbc:postgresql://127.0.0.1:1/odoo");

  @Test
  void refusesToStartWithoutASecretsKey() {
    app.withPropertyValues("apisync.secrets.key=")
        .run(
            context -> {
              assertThat(context).hasFailed();
              assertThat(rootMessage(context.getStartupFailure()))
                  .contains("apisync.secrets.key", "APISYNC_SECRETS_KEY", "openssl rand -base64 32")
                  .contains("--spring.profiles.active=dev");
            });
  }

  @Test
  void devProfileFallsBackToTheDevelopmentKey() {
    app.withPropertyValues("apisync.secrets.key=", "spring.profiles.active=dev")
        .run(
            context -> {
              assertThat(context).hasNotFailed();
              SecretCipher cipher = context.getBean(SecretCipher.class);
              byte[] sealed = SecretCipher.fromBase64(SecretCipher.DEVELOPMENT_KEY).encrypt("s3");
              assertThat(cipher.decrypt(sealed)).isEqualTo("s3");
            });
  }

  @Test
  void startsWithAKeyWhateverTheProfile() {
    app.withPropertyValues("apisync.secrets.key=" + REAL_KEY)
        .run(
            context -> {
              assertThat(context).hasNotFailed();
              SecretCipher cipher = context.getBean(SecretCipher.class);
              assertThat(cipher.decrypt(SecretCipher.fromBase64(REAL_KEY).encrypt("s3")))
                  .isEqualTo("s3");
            });
  }

  private static String rootMessage(Throwable failure) {
    Throwable cause = failure;
    while (cause.getCause() != null) {
      cause = cause.getCause();
    }
    return cause.getMessage();
  }
}
