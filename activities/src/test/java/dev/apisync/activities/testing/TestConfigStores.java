package dev.apisync.activities.testing;

import dev.apisync.activities.config.ConfigStore;
import dev.apisync.activities.config.SecretCipher;
import javax.sql.DataSource;

/** Config stores as tests use them: secrets sealed with the development key. */
public final class TestConfigStores {

  private TestConfigStores() {}

  /** A store on {@code database}, which must already hold apisync's schema. */
  public static ConfigStore on(DataSource database) {
    return new ConfigStore(database, SecretCipher.fromBase64(SecretCipher.DEVELOPMENT_KEY));
  }

  /** A store on a new database of its own, migrated. */
  public static ConfigStore fresh(String prefix) {
    return on(TestPostgres.migratedDatabase(prefix));
  }
}
