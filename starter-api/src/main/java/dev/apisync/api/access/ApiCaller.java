package dev.apisync.api.access;

/** Who a request's bearer token says is calling. */
public record ApiCaller(String tokenName, Role role) {

  @Override
  public String toString() {
    return tokenName;
  }
}
