package dev.apisync.activities.config;

import java.util.List;

/** A config cannot be deleted while other configs' relational lines use it as their mapping. */
public class ConfigInUseException extends RuntimeException {

  private final long configId;
  private final List<ConfigRef> usedBy;

  public ConfigInUseException(long configId, List<ConfigRef> usedBy) {
    super(message(configId, usedBy));
    this.configId = configId;
    this.usedBy = List.copyOf(usedBy);
  }

  public long configId() {
    return configId;
  }

  /** The configs whose lines name this one as mappingConfig; empty if a concurrent edit raced. */
  public List<ConfigRef> usedBy() {
    return usedBy;
  }

  private static String message(long configId, List<ConfigRef> usedBy) {
    if (usedBy.isEmpty()) {
      return "config " + configId + " is the mappingConfig of another config's relational line";
    }
    return "config "
        + configId
        + " is the mappingConfig of relational lines in "
        + String.join(", ", usedBy.stream().map(ConfigRef::toString).toList())
        + "; change or delete those lines first";
  }
}
