package dev.apisync.activities.config;

import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/** Drafts that hold what no typed {@link SyncConfig} can: the raw input the validator rejects. */
final class Drafts {

  private Drafts() {}

  static ConfigDraft of(SyncConfig config) {
    return ConfigDraft.of(config);
  }

  static ConfigDraft config(ConfigDraft d, UnaryOperator<SyncConfig.Builder> edit) {
    return new ConfigDraft(
        edit.apply(d.config().toBuilder()).build(),
        d.httpMethod(),
        d.auth(),
        d.lines(),
        d.limit(),
        d.rateLimit(),
        d.maxFailureRatio());
  }

  static ConfigDraft method(ConfigDraft d, String method) {
    return new ConfigDraft(
        d.config(), method, d.auth(), d.lines(), d.limit(), d.rateLimit(), d.maxFailureRatio());
  }

  static ConfigDraft auth(ConfigDraft d, ConfigDraft.RawAuth auth) {
    return new ConfigDraft(
        d.config(), d.httpMethod(), auth, d.lines(), d.limit(), d.rateLimit(), d.maxFailureRatio());
  }

  static ConfigDraft line(ConfigDraft d, ConfigDraft.RawLine line) {
    List<ConfigDraft.RawLine> lines = new ArrayList<>(d.lines());
    lines.add(line);
    return new ConfigDraft(
        d.config(), d.httpMethod(), d.auth(), lines, d.limit(), d.rateLimit(), d.maxFailureRatio());
  }

  static ConfigDraft limit(ConfigDraft d, Integer limit) {
    return new ConfigDraft(
        d.config(), d.httpMethod(), d.auth(), d.lines(), limit, d.rateLimit(), d.maxFailureRatio());
  }

  static ConfigDraft rateLimit(ConfigDraft d, Double rateLimit) {
    return new ConfigDraft(
        d.config(), d.httpMethod(), d.auth(), d.lines(), d.limit(), rateLimit, d.maxFailureRatio());
  }

  static ConfigDraft maxFailureRatio(ConfigDraft d, Double ratio) {
    return new ConfigDraft(
        d.config(), d.httpMethod(), d.auth(), d.lines(), d.limit(), d.rateLimit(), ratio);
  }
}
