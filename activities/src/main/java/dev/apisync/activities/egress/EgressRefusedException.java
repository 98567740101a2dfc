package dev.apisync.activities.egress;

import java.net.UnknownHostException;

/**
 * The egress policy refused a target before any connection was made. An {@link
 * UnknownHostException} because OkHttp's {@code Dns} may throw only that; delivery tells it apart
 * and fails the request's records for good, since retrying cannot change the answer.
 */
public class EgressRefusedException extends UnknownHostException {

  public EgressRefusedException(String reason) {
    super("egress refused: " + reason);
  }
}
