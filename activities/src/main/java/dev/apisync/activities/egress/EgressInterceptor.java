package dev.apisync.activities.egress;

import java.io.IOException;
import java.util.Optional;
import okhttp3.Dns;
import okhttp3.HttpUrl;
import okhttp3.Interceptor;
import okhttp3.Response;

/**
 * Checks each request's target against the {@link EgressPolicy} before OkHttp connects, with the
 * two things {@link EgressDns} cannot see: URLs whose host is an IP address (OkHttp connects to
 * those without asking its {@code Dns}) and the port (for host:port entries).
 */
public final class EgressInterceptor implements Interceptor {

  private final EgressPolicy policy;
  private final Dns dns;

  public EgressInterceptor(EgressPolicy policy, Dns dns) {
    this.policy = policy;
    this.dns = dns;
  }

  @Override
  public Response intercept(Chain chain) throws IOException {
    HttpUrl url = chain.request().url();
    Optional<String> refusal = policy.refusalOfTarget(url.host(), url.port(), dns);
    if (refusal.isPresent()) {
      throw new EgressRefusedException(refusal.get());
    }
    return chain.proceed(chain.request());
  }
}
