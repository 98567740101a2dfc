package dev.apisync.activities.config;

import java.util.List;

/** What the HTTP activity fetches by config id at send time: auth and custom headers. */
public record TargetCredentials(Auth auth, List<Header> headers) {

  public TargetCredentials {
    headers = List.copyOf(headers);
  }
}
