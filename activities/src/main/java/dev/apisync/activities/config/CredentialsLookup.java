package dev.apisync.activities.config;

/** Finds a config's credentials at send time, so they never travel through Temporal. */
@FunctionalInterface
public interface CredentialsLookup {

  /** Throws {@link java.util.NoSuchElementException} when the config no longer exists. */
  TargetCredentials credentials(long configId);
}
